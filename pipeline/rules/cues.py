"""Cue words: a fast stand-in for ``\\b(word|stem\\w*|a phrase)\\b`` searches run on every sentence.

A case-insensitive regex alternation scans every character of every sentence; a set lookup on the
sentence's words does the same job in a fraction of the time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.rules.loader import cue_rules, matcher
from pipeline.rules.matcher import AnyOf
from pipeline.rules.text import Text


# Compared by identity: a cue is a key of ``Text.text_answers``, and hashing its word sets on every
# lookup would cost more than the answer saves.
@dataclass(frozen=True, eq=False)
class Cue:
    words: frozenset[str]
    # Word starts ("salar" for salary, salaries) and plain substrings ("on the road", "$").
    stems: AnyOf
    phrases: AnyOf
    stem_regex: re.Pattern[str] | None = None

    def hit(self, text: Text) -> bool:
        known: bool | None = text.text_answers.get(self)
        if known is None:
            known = text.text_answers[self] = self._hit(text)
        return known

    def _hit(self, text: Text) -> bool:
        if not self.words.isdisjoint(text.words):
            return True
        low = text.low
        if self.phrases.within(low):
            return True
        # A substring test first: the word-boundary regex runs only on the rare text that has one.
        return self.stem_regex is not None and self.stems.within(low) and self.stem_regex.search(low) is not None


def cue(words: str = "", stems: str = "", phrases: tuple[str, ...] = ()) -> Cue:
    parts = [r"\b" + re.escape(s) for s in stems.split()]
    return Cue(frozenset(words.split()), AnyOf(stems.split()), AnyOf(phrases),
               re.compile("|".join(parts)) if parts else None)


def _cue(rule_id: str) -> Cue:
    found = cue_rules("cues.jsonl")[rule_id]
    return cue(" ".join(found.words), " ".join(found.stems), tuple(found.phrases))


WORK = _cue("cue-work")
SKILL = _cue("cue-skill")
STUDY = _cue("cue-study")
PAY = _cue("cue-pay")
CREDENTIAL = _cue("cue-credential")
MONEY = _cue("cue-money")

MONEY_FIGURE = matcher("salary_patterns.jsonl", "money-figure")


def names_money(text: Text) -> bool:
    """Whether the text writes a money figure; several extractors ask it of a sentence."""
    known: bool | None = text.text_answers.get(MONEY_FIGURE)
    if known is None:
        known = text.text_answers[MONEY_FIGURE] = MONEY.hit(text) and MONEY_FIGURE.found(text)
    return known
