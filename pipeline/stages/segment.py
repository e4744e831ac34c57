"""segment: cleaned blocks -> the article text and its sections.

Plain-text headings are recognised from their shape (question lines, ALL CAPS lines, numbered
headings, short title-like lines). Where the text has no heading, a section starts at a break
(two blank lines, ``* * *``, a new ``<section>``/``<div>``), and in a page with no headings at
all every paragraph is a section; such sections get ``heading_inferred: true`` and a kind
voted from their content (``data/content_kinds.jsonl``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from pipeline.rules.cache import text_cache
from pipeline.rules.loader import PatternRule, compiled_rules, first_match_kept
from pipeline.rules.mentions import find_mentions
from pipeline.rules.text import Piece
from pipeline.types import Block, Document, RoleInfo, SectionInfo, Segmented, Span

SUMMARY_MAX = 300
SUMMARY_CSS = re.compile(r"dek|lede|lead|standfirst|subtitle|summary|subhead|excerpt|deck|strap", re.IGNORECASE)
NUMBERED = re.compile(r"^\d{1,2}[.)]\s+(?P<rest>[A-Z].*)$")
BOTH_HEADING = re.compile(r"\b(both|all three|all four|each role|the two (roles|jobs|careers))\b", re.IGNORECASE)
TERMINAL = re.compile(r"[.!,;:…]$")
# "A real estate broker is a licensed ...", "Agents have completed ...": a paragraph introducing one role.
OVERVIEW_OPENING = re.compile(
    r"\W*(?:an?\s+|the\s+)?\S.{0,60}?\b(is|are|has|have)\s+(an?|the|licensed|trained|responsible|completed|earned)\b"
)
MONEY_FIGURE = re.compile(r"[$£€]\s?\d")
# A figure: money, a share, a grouped number ("Top – 72,000" is a line of a pay summary, no heading).
FIGURE_SIGN = re.compile(r"[$£€%]|\d,\d{3}\b")


def looks_like_heading(block: Block, media_type: str) -> bool:
    """A paragraph line that is really a heading (plain text and Markdown only)."""
    if block.kind != "paragraph" or media_type == "text/html" or block.css == "blockquote":
        return False
    text = block.text.strip()
    if len(text) > 90:
        return False
    words = text.split()
    if not words:
        return False
    letters = "".join(filter(str.isalpha, text))
    if len(letters) >= 3 and all(map(str.isupper, letters)):
        return True
    if text.endswith("?"):
        return len(words) <= 14
    if NUMBERED.match(text):
        return len(words) <= 8
    return len(words) <= 8 and not TERMINAL.search(text) and text[0].isupper() and not FIGURE_SIGN.search(text)


def heading_text(text: str) -> str:
    m = NUMBERED.match(text)
    return m.group("rest") if m else text


def classify_heading(heading: str, roles: list[RoleInfo]) -> tuple[str, str]:
    """Kind of a section from its heading, with the id of the rule that decided it."""
    rule = heading_rule(heading)
    if rule is not None:
        if rule.value == "role_overview" and len({m.role for m in find_mentions(roles, heading)}) > 1:
            return "comparison", "kind-overview-many-roles"
        if rule.id == "kind-what-they-do" and len(roles) > 1:
            # "What welders do" in an article comparing roles introduces one of them.
            return "role_overview", rule.id
        return rule.value, rule.id
    mentioned = {m.role for m in find_mentions(roles, heading)}
    if len(mentioned) == 1:
        return "role_overview", "kind-one-role"
    if len(mentioned) > 1:
        return "comparison", "kind-many-roles"
    return "other", "kind-default"


def heading_rule(heading: str) -> PatternRule | None:
    """The first section-kind rule that a heading matches."""
    return first_match_kept("section_kinds.jsonl", heading)


def classify_content(text: str, roles: list[RoleInfo]) -> str:
    votes: Counter[str] = Counter()
    for kind, count in _rule_votes(text):
        votes[kind] += count
    opening = text[:120]
    mentions = find_mentions(roles, opening)
    if mentions and mentions[0].start < 12 and OVERVIEW_OPENING.match(opening[mentions[0].start:]) and len(roles) > 1:
        votes["role_overview"] += 3
    if votes["salary"] and not MONEY_FIGURE.search(text):
        votes["salary"] = 0
    if not votes or votes.most_common(1)[0][1] == 0:
        return "other"
    return votes.most_common(1)[0][0]


@text_cache(maxsize=4096)
def _rule_votes(text: str) -> tuple[tuple[str, int], ...]:
    """Each content-kind rule's kind and count of matches in the text, in the rules' order; kept by text."""
    t = Piece(text)
    return tuple((compiled.rule.value, compiled.matcher.count(t)) for compiled in compiled_rules("content_kinds.jsonl"))


def _faq_question(current: SectionInfo, block: Block) -> bool:
    """A question heading inside an FAQ section (or any heading below its level) belongs to the FAQ."""
    if current.heading is None or current.kind != "faq":
        return False
    own_level = current.spans[0].block.level if current.spans else 0
    return block.text.rstrip().endswith("?") or block.level > own_level


def _opens_paragraph_section(current: SectionInfo, summary: str | None) -> bool:
    """In a page without headings each paragraph is a section, but the title and dek stay together."""
    last = current.spans[-1].block if current.spans else None
    return last is not None and last.kind != "title" and last.text != summary


def _place(blocks: list[Block]) -> tuple[str, list[Span]]:
    parts: list[str] = []
    spans: list[Span] = []
    pos = 0
    prev: Block | None = None
    for block in blocks:
        if block.kind == "break" or not block.text:
            continue
        if prev is not None:
            tight = block.kind == prev.kind and block.kind in ("list_item", "table_row")
            sep = "\n" if tight else "\n\n"
            parts.append(sep)
            pos += len(sep)
        parts.append(block.text)
        spans.append(Span(block, pos, pos + len(block.text)))
        pos += len(block.text)
        prev = block
    return "".join(parts), spans


def segment(doc: Document, roles: list[RoleInfo], title: str | None) -> Segmented:
    """The cleaned text and its sections; ``title`` is the article's (its title block or page title)."""
    blocks = [
        replace(b, kind="heading", text=heading_text(b.text), level=3) if looks_like_heading(b, doc.media_type) else b
        for b in doc.blocks
    ]
    summary = _dek(blocks, doc.media_type)
    text, spans = _place(blocks)
    sections = _Sections(blocks, roles, summary).read(spans)
    _settle(sections, text, roles)
    return Segmented(text=text, title=title, summary=summary, spans=spans, sections=sections)


def _dek(blocks: list[Block], media_type: str) -> str | None:
    """The short paragraph right under the title that sums the article up, if there is one."""
    at = next((i for i, b in enumerate(blocks) if b.kind == "title"), None)
    if at is None:
        return None
    following = [x for x in blocks[at + 1 : at + 4] if x.kind != "break"]
    if not following:
        return None
    nxt = following[0]
    # A short paragraph right under the title is its dek; in HTML without a dek-like class it
    # must be a single sentence and have more text after it.
    short_lead = (len(nxt.text) <= 200 and nxt.text.count(". ") == 0
                  and len(following) > 1 and following[1].kind == "paragraph")
    if nxt.kind == "paragraph" and len(nxt.text) <= SUMMARY_MAX and (
        SUMMARY_CSS.search(nxt.css) or media_type != "text/html" or short_lead
    ):
        return nxt.text
    return None


class _Sections:
    """Groups the placed blocks into sections: at headings, or at breaks and paragraphs where there are none."""

    def __init__(self, blocks: list[Block], roles: list[RoleInfo], summary: str | None) -> None:
        self.blocks = blocks
        self.roles = roles
        self.summary = summary
        self.has_headings = any(b.kind == "heading" for b in blocks)
        self.sections: list[SectionInfo] = []

    def read(self, spans: list[Span]) -> list[SectionInfo]:
        span_of = {id(s.block): s for s in spans}
        current: SectionInfo | None = None
        for block in self.blocks:
            if block.kind == "break":
                if self._break_closes(current):
                    current = None
                continue
            span = span_of.get(id(block))
            if span is None:
                continue
            current = self._section_for(block, current)
            current.spans.append(span)
        return self.sections

    def _break_closes(self, current: SectionInfo | None) -> bool:
        # Everything before the first heading is the intro, whatever wraps it.
        if self.has_headings and not any(s.heading for s in self.sections):
            return False
        return current is not None and any(s.block.kind not in ("title",) and s.block.text != self.summary
                                           for s in current.spans)

    def _section_for(self, block: Block, current: SectionInfo | None) -> SectionInfo:
        """The section a block goes into: the current one, or one it opens."""
        if block.kind == "heading":
            if current is not None and _faq_question(current, block):
                return current
            return self._under_heading(block.text)
        if current is None or (
            not self.has_headings and block.kind == "paragraph" and _opens_paragraph_section(current, self.summary)
        ):
            return self._start(None)
        return current

    def _under_heading(self, heading: str) -> SectionInfo:
        # A title with nothing under it before the first heading opens that heading's section.
        sections = self.sections
        lone_title = (len(sections) == 1 and sections[0].heading is None
                      and all(s.block.kind == "title" for s in sections[0].spans))
        carried = sections.pop().spans if lone_title else []
        sec = self._start(heading)
        sec.spans.extend(carried)
        return sec

    def _start(self, heading: str | None) -> SectionInfo:
        # A heading's kind is known at once: an FAQ section takes in the question headings under it.
        kind = classify_heading(heading, self.roles)[0] if heading is not None else "other"
        sec = SectionInfo(heading=heading, heading_inferred=heading is None, kind=kind, start=0, end=0)
        self.sections.append(sec)
        return sec


def _settle(sections: list[SectionInfo], text: str, roles: list[RoleInfo]) -> None:
    """Each section's bounds, and its kind and roles: from its heading, or from its place and content."""
    for i, sec in enumerate(sections):
        sec.start = sec.spans[0].start
        sec.end = sec.spans[-1].end
        if i == 0 and sec.kind in ("conclusion", "other"):
            # "Summary" or a question at the top: what opens an article is its introduction.
            sec.kind = "intro"
        if sec.heading is not None:
            sec.roles = _heading_roles(sec.heading, roles)
            if sec.kind == "other" and not sec.roles:
                # A heading that says nothing of its kind ("The short answer"): its text does.
                sec.kind = classify_content(text[sec.start : sec.end], roles)
        elif i == 0:
            sec.kind = "intro"
        else:
            _content_kind(sec, text[sec.start : sec.end], roles)


def _heading_roles(heading: str, roles: list[RoleInfo]) -> list[str]:
    named = sorted({m.role for m in find_mentions(roles, heading)}, key=[r.id for r in roles].index)
    if not named and len(roles) > 1 and BOTH_HEADING.search(heading):
        return [r.id for r in roles]  # "Skills that matter in both roles"
    return named


def _content_kind(sec: SectionInfo, body: str, roles: list[RoleInfo]) -> None:
    """An untitled section's kind, voted from its text; a role overview is about the role it opens with."""
    sec.kind = classify_content(body, roles)
    if sec.kind == "role_overview":
        first = find_mentions(roles, body[:120])
        sec.roles = [first[0].role] if first else []
