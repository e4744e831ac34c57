"""Duties of many articles merged where they say the same thing: two duties are one when their
content words overlap enough ("prepare tax returns for clients", "prepare clients' tax returns").

Overlap is Dice's coefficient over content words (lower case, singular, no function words). A duty is
a verb phrase, so one that starts with the same verb needs less overlap than one that does not:
"examine financial statements" and "prepare financial statements" share half their words but are two
duties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.rules.loader import load_terms
from schemas.profile import Duty, Quote

WORD = re.compile(r"[a-z0-9]+")
FUNCTION_WORDS = load_terms("function_words.txt")
# Overlap at which two duties are one; and at which two that start with one verb are.
SAME = 0.8
SAME_VERB = 0.5


def stem(word: str) -> str:
    """A word's singular or plain verb form, roughly: "returns" -> "return", "supplies" -> "supply"."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def content_words(text: str) -> list[str]:
    words = WORD.findall(text.lower().replace("’", "'").replace("'s", ""))
    return [stem(w) for w in words if w not in FUNCTION_WORDS]


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


@dataclass
class _Group:
    words: frozenset[str]
    verb: str
    quotes: list[Quote] = field(default_factory=list)


def _fit(group: _Group, words: frozenset[str], verb: str) -> float:
    """How well a duty joins a group: its overlap, or 0 when that is too little."""
    score = overlap(group.words, words)
    return score if score >= SAME or (score >= SAME_VERB and verb == group.verb) else 0.0


def merge(quotes: list[Quote]) -> list[Duty]:
    """Duties as their sources write them, merged: each joins the group it overlaps best with (see
    above), else starts one. A group's text is its first source's; groups said by more sources first."""
    groups: list[_Group] = []
    for quote in quotes:
        found = content_words(quote.text)
        if not found:
            continue
        words, verb = frozenset(found), found[0]
        best = max(groups, key=lambda g: _fit(g, words, verb), default=None)
        if best is None or _fit(best, words, verb) == 0.0:
            best = _Group(words, verb)
            groups.append(best)
        best.quotes.append(quote)
    ranked = sorted(enumerate(groups), key=lambda ng: (-len({q.article for q in ng[1].quotes}), ng[0]))
    return [Duty(text=g.quotes[0].text, sources=g.quotes) for _, g in ranked]
