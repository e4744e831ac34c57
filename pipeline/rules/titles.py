"""Article titles: which title pattern (``data/title_patterns.jsonl``) a line has, the role names
it gives, and which block of a page is its title. Cleaning and role finding both ask."""

from __future__ import annotations

import re

from pipeline.rules.cache import text_cache
from pipeline.rules.cues import MONEY_FIGURE
from pipeline.rules.loader import PatternRule, compiled_rules, first_match, first_match_kept, load_terms
from pipeline.rules.text import Piece
from pipeline.types import Block

TITLE_SCAN = 12
# A paragraph this long is the article's prose (unless a boilerplate rule knows it): no title comes after it.
PROSE_LENGTH = 200
LEAD_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.IGNORECASE)
SMALL_WORDS = {"a", "an", "and", "the", "of", "for", "in", "on", "to", "or", "at", "by", "with"}


TITLE_ACRONYM = re.compile(r"\s*\([A-Z][A-Za-z.]{1,8}\)")


@text_cache(maxsize=4096)
def match_title(text: str) -> tuple[PatternRule, re.Match[str]] | None:
    # "Nurse Practitioner (NP) vs. ...": the acronym is found again in the body as an alias.
    text = TITLE_ACRONYM.sub("", text.strip().strip("*#").strip())
    t = Piece(text)
    for compiled in compiled_rules("title_patterns.jsonl"):
        m = compiled.matcher.match(t)
        if m:
            return compiled.rule, m
    return None


def singular(word: str) -> str:
    lower = word.lower()
    if lower.endswith("wives"):  # midwives, housewives
        return word[:-3] + "fe"
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + ("Y" if word.isupper() else "y")
    if lower.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def plural(word: str) -> str:
    lower = word.lower()
    if lower.endswith("wife"):
        return word[:-2] + "ves"
    if re.search(r"[^aeiou]y$", lower):
        return word[:-1] + "ies"
    if lower.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    return word + "s"


def canonical(raw: str) -> str:
    """"medical coders" -> "Medical Coder"; keeps acronyms and hyphenated words."""
    raw = LEAD_ARTICLE.sub("", raw.strip(" .,:;!?\"'*"))
    words = raw.split()
    if not words:
        return ""
    words[-1] = singular(words[-1])
    out = []
    for i, w in enumerate(words):
        if w.isupper() and len(w) > 1:
            out.append(w)
        elif i and w.lower() in SMALL_WORDS:
            out.append(w.lower())
        else:
            out.append("-".join(p[:1].upper() + p[1:] for p in w.split("-")))
    return " ".join(out)


def title_roles(text: str) -> list[str]:
    found = match_title(text)
    if not found:
        return []
    _, m = found
    names = [canonical(m.group(g)) for g in ("r1", "r2", "r3") if g in m.groupdict() and m.group(g)]
    return [n for n in names if n and len(n.split()) <= 6]


def title_type(text: str) -> str | None:
    found = match_title(text)
    return found[0].value if found else None


def is_title_like(text: str, strong: bool = False) -> bool:
    """Shaped like an article title; ``strong`` leaves out shapes that a section heading can also have."""
    found = match_title(text)
    return found is not None and not (strong and found[0].note.startswith("weak"))


TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|:|·|»)\s+")


def page_title(html_title: str | None) -> str | None:
    """The article's title from a ``<title>`` such as "X vs. Y: What Are the Differences? | Site"."""
    if not html_title:
        return None
    parts = [p.strip() for p in TITLE_SEPARATORS.split(html_title) if p.strip()]
    if not parts:
        return None
    # Else the first part: pages put their own title before the site's name.
    return next((p for p in parts if is_title_like(p)), parts[0])


NOT_OCCUPATIONS = load_terms("not_occupations.txt")


def _section_heading(text: str) -> bool:
    """A section's heading naming no occupation ("Median Salary", whose title pattern reads "Median" as
    the name, "Job Outlook"): a text may open with one, and then it has no title."""
    if first_match_kept("section_kinds.jsonl", text) is None:
        return False
    names = [name.lower().split() for name in title_roles(text)]
    return not names or any(words[-1] in NOT_OCCUPATIONS for words in names if words)


def find_title_index(blocks: list[Block], tagged: bool = False) -> int | None:
    """The title block: an ``<h1>``/``#`` line, else (untagged text only) the first title-shaped line."""
    for i, block in enumerate(blocks[:TITLE_SCAN]):
        if block.kind == "title":
            return i
    if tagged:
        return None
    for i, block in enumerate(blocks[:TITLE_SCAN]):
        if (block.kind in ("paragraph", "heading") and len(block.text) < 150 and is_title_like(block.text)
                and not MONEY_FIGURE.found(block.text)  # "Average Salary: £22,000": a figure, not a title
                and not _section_heading(block.text)):
            return i
        if (block.kind == "paragraph" and len(block.text) > PROSE_LENGTH
                and first_match("boilerplate.jsonl", block.text) is None):
            return None  # the text opened with its prose: a title-shaped line further down is a heading
    return None
