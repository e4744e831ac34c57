"""clean: drop boilerplate blocks that no tag marked (plain text, Markdown, and what HTML let through).

Rules in ``data/boilerplate.jsonl`` match whole blocks. Three structural rules sit on top:
lines before the title are site chrome; an ad marker ("Sponsored") takes the short pitch after
it; and a "Related articles" heading starts a trailer of links, ads and footer lines.
Related article titles go to ``Document.related`` as well as ``removed``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.rules.cues import MONEY_FIGURE
from pipeline.rules.loader import PatternRule, first_match
from pipeline.rules.titles import find_title_index, is_title_like, title_roles
from pipeline.types import Block, Document, Dropped

SHORT = 160
PROSE = 200
RELATED_PREFIX = re.compile(r"^related\s*:\s*", re.IGNORECASE)


def match_rule(text: str) -> PatternRule | None:
    stripped = text.strip()
    if len(stripped) > 220:
        return None
    return first_match("boilerplate.jsonl", stripped)


def _unprefixed(text: str) -> str:
    """The text without a "Related:" before it. (Asked of every block: a slice comparison rules
    out most before the regex runs.)"""
    return RELATED_PREFIX.sub("", text) if text[:7].lower() == "related" else text


def is_related_title(text: str, doc_roles: set[str]) -> bool:
    """A linked title of another article: title-shaped, and not about this article's roles."""
    text = text.strip()
    if len(text) > 140 and text[:7].lower() != "related":
        return False  # too long for a title, with or without a "Related:" before it
    text = _unprefixed(text)
    if len(text) > 140 or text.endswith(".") or not is_title_like(text, strong=True):
        return False
    roles = {r.lower() for r in title_roles(text)}
    return bool(roles) and not roles <= doc_roles


def _paragraph_after(blocks: list[Block], i: int) -> str | None:
    """The text of the block after ``i`` (breaks aside) when it is a paragraph."""
    following = next((b for b in blocks[i + 1 :] if b.kind != "break"), None)
    return following.text if following is not None and following.kind == "paragraph" else None


def _heads_prose(blocks: list[Block], i: int) -> bool:
    """Whether the line at ``i`` stands over a paragraph of prose: then it is a heading of this
    article ("Job duties: RN vs. LPN"), not a link to another one (links come in lists, or after a
    "Related" heading, or marked "Related:")."""
    if blocks[i].text[:7].lower() == "related":
        return False
    following = _paragraph_after(blocks, i)
    return following is not None and len(following) > PROSE


def _masthead(blocks: list[Block], i: int) -> bool:
    """In a text without a title, a short line before any prose that a boilerplate line follows
    ("FirstIn Careers" over "Listen to this article", a site name over its breadcrumbs) is the site's
    (the caller asks only of lines before the first paragraph of prose)."""
    if len(blocks[i].text) >= 100:
        return False
    following = _paragraph_after(blocks, i)
    return following is not None and match_rule(following) is not None


def clean(doc: Document) -> Document:
    blocks = doc.blocks
    title_index = find_title_index(blocks, tagged=doc.media_type == "text/html")
    doc_roles = {r.lower() for r in title_roles(blocks[title_index].text)} if title_index is not None else set()
    kept: list[Block] = []
    removed = list(doc.removed)
    related = list(doc.related)
    # HTML chrome was dropped while loading; the article titles in its sidebars are related links.
    for dropped in doc.removed:
        title = _unprefixed(dropped.text.strip())
        if is_related_title(title, doc_roles) and title not in related:
            related.append(title)
    # Only a text without a title may open with a masthead, above its first paragraph of prose.
    first_prose = 0 if title_index is not None else next(
        (i for i, b in enumerate(blocks) if b.kind == "paragraph" and len(b.text) > PROSE), len(blocks))
    trailer = False
    after_ad = False
    toc = False

    def drop(block: Block, reason: str) -> None:
        if block.text:
            removed.append(Dropped(block.text, reason))
        if reason == "related_link":
            title = _unprefixed(block.text.strip())
            if is_title_like(title) and title not in related:
                related.append(title)

    for i, block in enumerate(blocks):
        if block.kind == "break":
            kept.append(block)
            continue
        # A short line above the title is site chrome, unless it is a pay figure ("Starter: £21,500").
        if (title_index is not None and i < title_index and block.kind != "title"
                and (len(block.text) < 100 or match_rule(block.text)) and not MONEY_FIGURE.found(block.text)):
            drop(block, "navigation")
            continue
        if i < first_prose and block.kind == "paragraph" and _masthead(blocks, i):
            drop(block, "navigation")
            continue
        if i == title_index:
            kept.append(replace(block, kind="title"))
            continue
        if block.kind == "table_row":
            kept.append(block)
            continue
        if toc and block.kind == "list_item":
            drop(block, "navigation")
            continue
        toc = False
        rule = match_rule(block.text)
        long_prose = len(block.text) > PROSE and block.kind == "paragraph"
        if trailer and not long_prose and (block.kind != "heading" or rule):
            drop(block, rule.value if rule else ("related_link" if is_related_title(block.text, doc_roles)
                                                 else "footer"))
            continue
        trailer = False
        if rule:
            drop(block, rule.value)
            if rule.value == "related_link" and rule.id == "related-heading":
                trailer = True
            after_ad = rule.id == "ad-marker"
            toc = rule.id == "toc-heading"
            continue
        if after_ad and block.kind != "heading" and len(block.text) < SHORT:
            drop(block, "advertisement")
            after_ad = False
            continue
        after_ad = False
        if (block.kind not in ("title", "heading") and is_related_title(block.text, doc_roles)
                and not _heads_prose(blocks, i)):
            drop(block, "related_link")
            continue
        kept.append(block)
    return replace(doc, blocks=kept, removed=removed, related=related)
