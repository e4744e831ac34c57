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
from pipeline.rules.loader import PatternRule, first_match_kept
from pipeline.rules.titles import find_title_index, is_title_like, title_roles
from pipeline.types import Block, Document, Dropped

SHORT = 160
PROSE = 200
RELATED_PREFIX = re.compile(r"^related\s*:\s*", re.IGNORECASE)


def match_rule(text: str) -> PatternRule | None:
    stripped = text.strip()
    if len(stripped) > 220:
        return None
    # Kept by text: a site's boilerplate lines come back on each of its pages.
    return first_match_kept("boilerplate.jsonl", stripped)


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


def _block_after(blocks: list[Block], i: int) -> Block | None:
    """The block after ``i``, breaks aside."""
    return next((b for b in blocks[i + 1 :] if b.kind != "break"), None)


def _heads_prose(blocks: list[Block], i: int) -> bool:
    """Whether the line at ``i`` stands over a paragraph of prose or a table: then it is a heading of
    this article ("Job duties: RN vs. LPN", "RN vs. LPN at a glance" over a table), not a link to
    another one (links come in lists, or after a "Related" heading, or marked "Related:")."""
    if blocks[i].text[:7].lower() == "related":
        return False
    following = _block_after(blocks, i)
    if following is None:
        return False
    # A short paragraph that opens a list ("In a typical week you could:") is prose of the article too.
    return following.kind == "table_row" or (following.kind == "paragraph" and (
        len(following.text) > PROSE or following.text.rstrip().endswith(":")))


def _masthead(blocks: list[Block], i: int) -> bool:
    """In a text without a title, a short line before any prose that a boilerplate line follows
    ("FirstIn Careers" over "Listen to this article", a site name over its breadcrumbs) is the site's
    (the caller asks only of lines before the first paragraph of prose)."""
    if len(blocks[i].text) >= 100:
        return False
    following = _block_after(blocks, i)
    return following is not None and following.kind == "paragraph" and match_rule(following.text) is not None


def clean(doc: Document) -> Document:
    return _Cleaner(doc).run()


def _with_removed_titles(related: list[str], removed: list[Dropped], doc_roles: set[str]) -> list[str]:
    """``related`` and the article titles among the blocks dropped while loading (HTML sidebars)."""
    out = list(related)
    for dropped in removed:
        title = _unprefixed(dropped.text.strip())
        if is_related_title(title, doc_roles) and title not in out:
            out.append(title)
    return out


def _first_prose(blocks: list[Block]) -> int:
    """Where the first paragraph of prose stands (the length of ``blocks`` when there is none)."""
    return next((i for i, b in enumerate(blocks) if b.kind == "paragraph" and len(b.text) > PROSE), len(blocks))


class _Cleaner:
    """One pass over the blocks: site chrome above the article, then boilerplate rules in the body
    and the runs some of them open (a contents list, a trailer of related links, an ad's pitch)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.blocks = doc.blocks
        self.title_index = find_title_index(self.blocks, tagged=doc.media_type == "text/html")
        self.doc_roles = ({r.lower() for r in title_roles(self.blocks[self.title_index].text)}
                          if self.title_index is not None else set())
        self.kept: list[Block] = []
        self.removed = list(doc.removed)
        self.related = _with_removed_titles(doc.related, doc.removed, self.doc_roles)
        # Only a text without a title may open with a masthead, above its first paragraph of prose.
        self.first_prose = 0 if self.title_index is not None else _first_prose(self.blocks)
        self.trailer = False
        self.after_ad = False
        self.toc = False

    def run(self) -> Document:
        for i, block in enumerate(self.blocks):
            self._take(i, block)
        return replace(self.doc, blocks=self.kept, removed=self.removed, related=self.related)

    def _take(self, i: int, block: Block) -> None:
        if block.kind == "break":
            self.kept.append(block)
        elif self._site_chrome(i, block):
            self._drop(block, "navigation")
        elif i == self.title_index:
            self.kept.append(replace(block, kind="title"))
        elif block.kind == "table_row":
            self.kept.append(block)
        else:
            reason = self._body_boilerplate(i, block)
            if reason is None:
                self.kept.append(block)
            else:
                self._drop(block, reason)

    def _drop(self, block: Block, reason: str) -> None:
        if block.text:
            self.removed.append(Dropped(block.text, reason))
        if reason == "related_link":
            title = _unprefixed(block.text.strip())
            if is_title_like(title) and title not in self.related:
                self.related.append(title)

    def _site_chrome(self, i: int, block: Block) -> bool:
        """A line above the title, or a masthead above the first prose of a text without one."""
        # A short line above the title is site chrome, unless it is a pay figure ("Starter: £21,500").
        if (self.title_index is not None and i < self.title_index and block.kind != "title"
                and (len(block.text) < 100 or match_rule(block.text)) and not MONEY_FIGURE.found(block.text)):
            return True
        return i < self.first_prose and block.kind == "paragraph" and _masthead(self.blocks, i)

    def _body_boilerplate(self, i: int, block: Block) -> str | None:
        """Why a block of the body is dropped, or None when it is kept."""
        if self.toc and block.kind == "list_item":
            return "navigation"
        self.toc = False
        rule = match_rule(block.text)
        in_trailer = self._trailer_reason(block, rule)
        if in_trailer is not None:
            return in_trailer
        self.trailer = False
        if rule:
            self._open_run(rule)
            return rule.value
        if self._ad_pitch(block):
            return "advertisement"
        if (block.kind not in ("title", "heading") and is_related_title(block.text, self.doc_roles)
                and not _heads_prose(self.blocks, i)):
            return "related_link"
        return None

    def _trailer_reason(self, block: Block, rule: PatternRule | None) -> str | None:
        """In the trailer after a "Related" heading, what is not prose or a heading of the article goes."""
        long_prose = len(block.text) > PROSE and block.kind == "paragraph"
        if not self.trailer or long_prose or (block.kind == "heading" and not rule):
            return None
        if rule:
            return rule.value
        return "related_link" if is_related_title(block.text, self.doc_roles) else "footer"

    def _open_run(self, rule: PatternRule) -> None:
        """The run a boilerplate rule starts: a trailer of related links, an ad's pitch, a contents list."""
        if rule.value == "related_link" and rule.id == "related-heading":
            self.trailer = True
        self.after_ad = rule.id == "ad-marker"
        self.toc = rule.id == "toc-heading"

    def _ad_pitch(self, block: Block) -> bool:
        """The short line after an ad marker is its pitch; the marker reaches no further."""
        pitch = self.after_ad and block.kind != "heading" and len(block.text) < SHORT
        self.after_ad = False
        return pitch
