"""Clauses of a sentence: their bounds, whether a span is negated within its clause, and where a new subject opens."""

from __future__ import annotations

import re

from pipeline.rules.cache import text_cache
from pipeline.rules.loader import matcher, regex
from pipeline.rules.text import Piece
from pipeline.types import Mention

CLAUSE_SPLIT = regex("attribution.jsonl", "clause-split")
NEGATION = matcher("negation.jsonl", "negation")
NEGATED_AFTER = matcher("negation.jsonl", "negated-after")
NEGATED_JUST_BEFORE = matcher("negation.jsonl", "negated-just-before")
NEGATED_LATER = matcher("negation.jsonl", "negated-later")
BOUNDED_BY = regex("negation.jsonl", "bounded-by")
# A figure's currency sign, and the "than" a clause opens with right before a figure ("more than $A").
CURRENCY, THAN_OPENED = re.compile(r"[$£€]"), re.compile(r"\bthan\s+$")
# The words that open a new subject in a clause: "and", "while" ("X earn $A an hour and Y make $B").
NEXT_OWNER = re.compile(r"\b(?:and|while|whereas|but)\s+(?:(?:the|most|many)\s+)?$")
# The words a later clause that takes a fact back opens with: "but no employer", "but it will not".
BUT_LATER = re.compile(r" but (?:no|it|that|this|one) ")


def clause_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the clause of ``text`` that holds ``pos``."""
    start, end = 0, len(text)
    for split_start, split_end in _clause_splits(text):
        if split_end <= pos:
            start = split_end
        elif split_start >= pos:
            end = split_start
            break
    return start, end


@text_cache(maxsize=4096)
def _clause_splits(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((m.start(), m.end()) for m in CLAUSE_SPLIT.finditer(text))


def negated(sentence: Piece, start: int, end: int) -> bool:
    """Is the span ``sentence.text[start:end]`` negated within its clause ("not", "without", "rather than")?"""
    text = sentence.text
    if not _may_negate(text):
        return False
    c0, c1 = clause_bounds(text, start)
    near = max(0, start - 30)
    if BOUNDED_BY.search(text, near, start):
        return False  # "neither requires more than a diploma": the bound stands
    return (NEGATION.search_start(sentence[c0:start]) is not None
            or NEGATED_AFTER.search_start(sentence[end:c1]) is not None
            or NEGATED_JUST_BEFORE.search_start(sentence[near:start]) is not None
            or (BUT_LATER.search(text) is not None and NEGATED_LATER.search_start(sentence[end:]) is not None))


@text_cache(maxsize=4096)
def _may_negate(sentence: str) -> bool:
    """Whether any negation rule may match a piece of the sentence: asked once, for all its spans."""
    t = Piece(sentence)
    return any(rule.may_match_within(t) for rule in (NEGATION, NEGATED_AFTER, NEGATED_JUST_BEFORE, NEGATED_LATER))


def after_earlier_figure(text: str, start: int, pos: int, before: list[Mention]) -> list[Mention]:
    """The mentions that open a new subject ("and Y ...") after the clause's last figure before ``pos``."""
    figure = max((m.start() for m in CURRENCY.finditer(text, start, pos)), default=-1)
    if figure < 0:
        return []
    return [m for m in before if m.start > figure and NEXT_OWNER.search(text, figure, m.start)]
