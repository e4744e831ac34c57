"""Regexes that run as their case-sensitive twin on a sentence's case fold (``pipeline.rules.matcher``'s
``Positions`` and ``Gated.*_folded``) find what the case-insensitive regex finds in the text, and
every caller that hands over a fold answers as it does without one.

The texts: every sentence of the test fixtures, and sentences whose case fold is longer than
they are ("Straße", "İ"), where the twin must step aside.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from pipeline.extract import duties, requirements
from pipeline.extract import salaries as salary
from pipeline.rules.components import sentence_starts
from pipeline.rules.matcher import Gated, Positions
from pipeline.stages import attribute, sentences
from pipeline.stages.roles import build_roles, title_roles

FIXTURES = Path(__file__).parent / "fixtures"
ODD_FOLDS = [
    "The Straße crew earns $41,000 a year, not €38.000, unlike most drivers.",
    "İstanbul HVAC TECHNICIANS typically install, repair and maintain systems without supervision.",
    "Unlike bakers, STRASSE pastry chefs need two to three years of experience rather than a degree.",
    "ǅ and ß: Electricians often work evenings, and they also train apprentices.",
]


@cache
def _sentences() -> tuple[str, ...]:
    found: list[str] = []
    for path in sorted(FIXTURES.glob("*.*")):
        if path.suffix not in (".txt", ".md", ".html"):
            continue
        text = path.read_text(encoding="utf-8")
        bounds = sentence_starts(text)
        for start, end in zip(bounds, [*bounds[1:], len(text)], strict=True):
            sentence = text[start:end].strip()
            if sentence:
                found.append(sentence)
    upper = [s.upper() for s in found[::7]]  # every letter the other case
    return tuple(found + upper + ODD_FOLDS)


# (pattern, text): the Positions answers equal the regex's, fold or no fold.
POSITIONS = {
    "anchored lead-in": (r"^\W*(?:in (?:most|many) cases|however),?\s+", "In most cases, they do."),
    "a match later on": (r"\b(?:not|never)\b", "They NEVER do."),
    "no match": (r"\bbecause\b", "They do."),
    "a fold longer than the text": (r"\bstrasse\b", "Die Straße, the STRASSE."),
    "a class of letters": (r"(?<!\b[a-z])[.;]", "They do it, e.g. now. Then; X."),
}


@pytest.mark.parametrize("pattern, text", POSITIONS.values(), ids=POSITIONS.keys())
def test_positions_answer_as_the_regex_does(pattern: str, text: str) -> None:
    positions, regex = Positions(pattern), re.compile(pattern, re.IGNORECASE)
    assert positions.twin is not None
    for folded in (None, text.casefold()):
        for pos in range(len(text) + 1):
            m, s = regex.match(text, pos), regex.search(text, pos)
            assert positions.match_end(text, folded, pos) == (m.end() if m else None)
            assert positions.search_start(text, folded, pos) == (s.start() if s else None)


GATED = [salary.MONEY_RE, salary.TRAILING_CURRENCY_RE, requirements.DURATION, requirements.EXPERIENCE,
         requirements.TRAINING, sentences.OPTIONAL, sentences.NEGATION]


@pytest.mark.parametrize("gated", GATED, ids=lambda g: g.pattern[:30])
def test_folded_matches_have_the_regexs_spans_and_words(gated: Gated) -> None:
    assert gated.twin is not None  # the patterns are written so that they have one
    for text in _sentences():
        expected = [(m.span(), [(g or "").casefold() for g in m.groups()]) for m in gated.regex.finditer(text)]
        for folded in (None, text.casefold()):
            found = [(m.span(), [(g or "").casefold() for g in m.groups()])
                     for m in gated.finditer_folded(text, folded)]
            assert found == expected, text
            assert gated.found_folded(text, folded) == bool(expected), text


def test_folded_matches_between_positions() -> None:
    duration = requirements.DURATION
    for text in _sentences():
        for pos in range(0, len(text), 9):
            for endpos in (pos + 20, len(text)):
                expected = [m.span() for m in duration.regex.finditer(text, pos, endpos)]
                assert [m.span() for m in duration.finditer_folded(text, text.casefold(), pos, endpos)] == expected


ROLES = build_roles(title_roles("Baker vs. Pastry Chef"), "Bakers and pastry chefs")


def test_callers_answer_alike_with_and_without_the_fold() -> None:
    for text in _sentences():
        folded = text.casefold()
        assert duties.verb_phrases(text, folded) == duties.verb_phrases(text), text
        for pos in range(0, len(text), 7):
            assert duties.predicate(text, pos, folded) == duties.predicate(text, pos), (text, pos)
            assert duties.verb_phrases(text[pos:], folded[pos:]) == duties.verb_phrases(text[pos:]), (text, pos)
        for start in range(0, len(text), 11):
            end = min(len(text), start + 9)
            assert sentences.negated(text, start, end, folded) == sentences.negated(text, start, end), (text, start)
        for previous in ([], [ROLES[0].id]):
            with_fold = attribute.sentence_roles(text, ROLES, previous, [], None, folded)
            assert with_fold == attribute.sentence_roles(text, ROLES, previous, [], None), text
        assert attribute.opens_with_other(text, folded) == attribute.opens_with_other(text), text
        mentions = with_fold.mentions
        assert attribute.opening_mentions(text, mentions, folded) == attribute.opening_mentions(text, mentions)
        for start in range(0, len(text), 13):
            assert (requirements._duration_near(text, start, start + 5, folded)
                    == requirements._duration_near(text, start, start + 5)), (text, start)
