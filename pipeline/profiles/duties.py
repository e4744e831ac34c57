"""Duties of many articles merged where they say the same thing: two duties are one when their
content words overlap enough ("prepare tax returns for clients", "prepare clients' tax returns").

Overlap is Dice's coefficient over content words (lower case, singular, no function words). A duty is
a verb phrase, so one that starts with the same verb needs less overlap than one that does not:
"examine financial statements" and "prepare financial statements" share half their words but are two
duties.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from pipeline.rules.loader import load_terms

# A duty as one source writes it (``text``, ``article`` and the rest of its source), plain values.
Quote = dict[str, Any]

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


@lru_cache(maxsize=65536)
def content_words(text: str) -> tuple[str, ...]:
    words = WORD.findall(text.lower().replace("’", "'").replace("'s", ""))
    return tuple(stem(w) for w in words if w not in FUNCTION_WORDS)


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


def merge(quotes: list[Quote]) -> list[dict[str, Any]]:
    """Duties as their sources write them, merged: each joins the group it overlaps best with (see
    above; of equals, the first), else starts one. A group's text is its first source's; groups said
    by more sources first."""
    groups: list[_Group] = []
    by_word: dict[str, list[int]] = defaultdict(list)  # word -> the groups whose words hold it
    for quote in quotes:
        found = content_words(quote["text"])
        if not found:
            continue
        words, verb = frozenset(found), found[0]
        # Only a group sharing a word can overlap.
        sharing = sorted({n for w in words for n in by_word.get(w, ())})
        scored = [(_fit(groups[n], words, verb), -n) for n in sharing]
        score, at = max(scored, default=(0.0, 0))
        if score == 0.0:
            at = -len(groups)
            groups.append(_Group(words, verb))
            for w in words:
                by_word[w].append(-at)
        groups[-at].quotes.append(quote)
    ranked = sorted(enumerate(groups), key=lambda ng: (-len({q["article"] for q in ng[1].quotes}), ng[0]))
    return [{"text": g.quotes[0]["text"], "sources": g.quotes} for _, g in ranked]
