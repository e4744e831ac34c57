"""Cue words: a fast stand-in for ``\\b(word|stem\\w*|a phrase)\\b`` searches run on every sentence.

A case-insensitive regex alternation scans every character of every sentence; a set lookup on the
sentence's words does the same job in a fraction of the time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.rules.matcher import AnyOf, Pattern
from pipeline.rules.text import Text


# Compared by identity: a cue is a key of ``Text.answers``, and hashing its word sets on every
# lookup would cost more than the answer saves.
@dataclass(frozen=True, eq=False)
class Cue:
    words: frozenset[str]
    # Word starts ("salar" for salary, salaries) and plain substrings ("on the road", "$").
    stems: AnyOf
    phrases: AnyOf
    stem_regex: re.Pattern[str] | None = None

    def hit(self, text: Text) -> bool:
        known: bool | None = text.answers.get(self)
        if known is None:
            known = text.answers[self] = self._hit(text)
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


WORK = cue(
    "work works worked working hire hires hired hiring setting settings based spend spends serve serves practice "
    "visit visits visiting environment environments industry industries employer employers staff run open "
    "self-employed contractor contractors remotely remote stationed",
    "employ travel freelanc",
    ("found in", "job in", "jobs in", "position in", "positions in", "concentrated", "on the road", "from home"),
)
SKILL = cue(
    "skill skills need needs require required requires rely relies must important essential ability abilities "
    "demand help helps comfortable knowledge know grasp fluent key crucial valuable qualities traits strong same "
    "languages tools software",
    "proficien",
    ("good at", "eye for"),
)
STUDY = cue(
    "degree degrees diploma diplomas course courses coursework program programs study studies studying",
    "attend enrol graduat",
    ("go to ", "goes to ", "going to ", "went to ", "back to "),
)
PAY = cue("wage wages pay pays paid make makes income median average", "earn salar")
CREDENTIAL = cue(
    "",
    "",
    ("certifi", "registered", "licen", "chartered", "professional", "national", "credential", "exam", "experience",
     "apprentic", "training", "on the job"),
)
MONEY = cue("", "", ("$", "£", "€", "₹", "usd", "gbp", "eur", "cad", "aud", "inr", "dollars", "pounds", "euros"))

# A currency next to a figure: "$52,000", "45,000 euros".
MONEY_FIGURE = Pattern(r"[$£€₹]\s?\d|\b(usd|gbp|eur|cad|aud|inr)\s?\d|\d\s?(dollars|pounds|euros|€|£|usd|gbp|eur)\b")


def names_money(text: Text) -> bool:
    """Whether the text writes a money figure; several extractors ask it of a sentence."""
    known: bool | None = text.answers.get(MONEY_FIGURE)
    if known is None:
        known = text.answers[MONEY_FIGURE] = MONEY.hit(text) and MONEY_FIGURE.found(text)
    return known
