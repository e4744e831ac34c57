"""``Pattern`` (``pipeline.rules.matcher``) answers as its regex does, whichever way it runs: as its
case-sensitive twin on a ``Text``'s case fold, or as the regex on the text; on whole texts and on
pieces of them. The callers that take a ``Text`` answer alike on either path.

The texts: every sentence of the test fixtures, their upper-case forms, and sentences whose case
fold is longer than they are ("Straße", "İ"), where the twin must step aside.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from pipeline.extract import duties, requirements
from pipeline.extract.salaries import parse as salary
from pipeline.rules import clauses, others, tasks
from pipeline.rules.boundaries import sentence_starts
from pipeline.rules.matcher import Pattern, word_ends_at, word_finditer, word_search
from pipeline.rules.text import Piece, Text
from pipeline.rules.titles import title_roles
from pipeline.stages import attribute
from pipeline.stages.roles import build_roles

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


def _regex_path(text: str) -> Piece:
    """The text with a fold of another length: the matcher must run the regex itself."""
    return Piece(text, fold=text.casefold() + " ")


# (pattern, text): offsets equal the regex's, on either path.
POSITIONS = {
    "anchored lead-in": (r"^\W*(?:in (?:most|many) cases|however),?\s+", "In most cases, they do."),
    "a match later on": (r"\b(?:not|never)\b", "They NEVER do."),
    "no match": (r"\bbecause\b", "They do."),
    "a fold longer than the text": (r"\bstrasse\b", "Die Straße, the STRASSE."),
    "a class of letters": (r"(?<!\b[a-z])[.;]", "They do it, e.g. now. Then; X."),
}


@pytest.mark.parametrize("pattern, text", POSITIONS.values(), ids=POSITIONS.keys())
def test_offsets_are_the_regexs(pattern: str, text: str) -> None:
    matcher, regex = Pattern(pattern), re.compile(pattern, re.IGNORECASE)
    assert matcher.twin is not None
    for t in (text, Piece(text), _regex_path(text)):
        for pos in range(len(text) + 1):
            m, s = regex.match(text, pos), regex.search(text, pos)
            assert matcher.match_end(t, pos) == (m.end() if m else None)
            assert matcher.search_start(t, pos) == (s.start() if s else None)


@pytest.mark.parametrize("pattern, text", POSITIONS.values(), ids=POSITIONS.keys())
def test_a_piece_is_a_text_of_its_own(pattern: str, text: str) -> None:
    matcher, regex = Pattern(pattern), re.compile(pattern, re.IGNORECASE)
    t = Piece(text)
    for start in range(len(text)):
        for end in (start + 3, len(text)):
            piece = text[start:end]
            s = regex.search(piece)
            assert matcher.search_start(t[start:end]) == (s.start() if s else None), (start, end)
            assert t[start:end].text == piece


CASELESS = [salary.MONEY_RE, salary.TRAILING_CURRENCY_RE, requirements.DURATION, requirements.OPTIONAL,
            clauses.NEGATION, *(typed.matcher for typed in requirements.TYPED)]


@pytest.mark.parametrize("matcher", CASELESS, ids=lambda g: g.pattern[:30])
def test_caseless_matches_have_the_regexs_spans_and_words(matcher: Pattern) -> None:
    assert matcher.twin is not None  # the patterns are written so that they have one
    for text in _sentences():
        expected = [(m.span(), [(g or "").casefold() for g in m.groups()]) for m in matcher.regex.finditer(text)]
        for t in (text, Text(text), _regex_path(text)):
            found = [(m.span(), [(g or "").casefold() for g in m.groups()]) for m in matcher.finditer_caseless(t)]
            assert found == expected, text
            assert matcher.found(t) == bool(expected), text
            assert [m.span() for m in matcher.finditer(t)] == [span for span, _ in expected]


def test_caseless_matches_between_positions() -> None:
    duration = requirements.DURATION
    for text in _sentences():
        t = Text(text)
        for pos in range(0, len(text), 9):
            for endpos in (pos + 20, len(text)):
                expected = [m.span() for m in duration.regex.finditer(text, pos, endpos)]
                assert [m.span() for m in duration.finditer_caseless(t, pos, endpos)] == expected


ROLES = build_roles(title_roles("Baker vs. Pastry Chef"), "Bakers and pastry chefs")


def test_callers_answer_alike_on_either_path() -> None:
    for text in _sentences():
        fast, slow = Piece(text), _regex_path(text)
        assert tasks.verb_phrases(fast) == tasks.verb_phrases(slow) == tasks.verb_phrases(text), text
        for pos in range(0, len(text), 7):
            assert duties.predicate(fast, pos) == duties.predicate(slow, pos) == duties.predicate(text, pos)
            assert tasks.verb_phrases(fast[pos:]) == tasks.verb_phrases(text[pos:]), (text, pos)
        for start in range(0, len(text), 11):
            end = min(len(text), start + 9)
            assert clauses.negated(fast, start, end) == clauses.negated(slow, start, end), (text, start)
        for previous in ([], [ROLES[0].id]):
            roles = attribute.sentence_roles(fast, ROLES, previous, [], None)
            assert roles == attribute.sentence_roles(slow, ROLES, previous, [], None), text
        assert others.opens_with_other(fast) == others.opens_with_other(slow), text
        assert attribute.opening_mentions(fast, roles.mentions) == attribute.opening_mentions(slow, roles.mentions)
        for start in range(0, len(text), 13):
            assert (requirements._duration_near(fast, start, start + 5)
                    == requirements._duration_near(slow, start, start + 5)), (text, start)


def test_a_text_knows_its_words_and_keeps_answers() -> None:
    t = Text("Chefs' knives: they SHARPEN them daily, well-kept.")
    assert t.words == {"chefs'", "knives", "they", "sharpen", "them", "daily", "well-kept"}
    assert t.fold == t.low == t.text.lower()
    assert Piece("Straße").fold == "strasse" and not Piece("Straße").same_length
    assert t.answers == {}


# (pattern after the lookbehind, text, flags): a name's forms found where a word starts, as the lookbehind finds them.
WORD_STARTS = {
    "forms of a name": (r"(?:medical billers|medical biller)(?![\w-])",
                        "Medical billers and non-medical billers; pre-medical biller, medical billers.", re.IGNORECASE),
    "a match inside a word, then one after it": (r"aa", "xaaa aa-aa aaa", re.IGNORECASE),
    "an acronym, case as written": (r"(?:EMTs|EMT)(?![\w-])", "EMTs, the emt, SEMT and EMT-B; EMT.", 0),
    "a group read back": (r"medical\s+(cod[a-z]*)(?![\w-])", "Medical coding, biomedical coders, medical coders.",
                          re.IGNORECASE),
}


@pytest.mark.parametrize("pattern, text, flags", WORD_STARTS.values(), ids=WORD_STARTS.keys())
def test_word_finditer_answers_as_the_lookbehind_does(pattern: str, text: str, flags: int) -> None:
    expected = [(m.span(), m.groups()) for m in re.finditer(r"(?<![\w-])" + pattern, text, flags)]
    assert [(m.span(), m.groups()) for m in word_finditer(pattern, text, flags)] == expected
    first = re.search(r"(?<![\w-])" + pattern, text, flags)
    found = word_search(pattern, text, flags)
    assert (found.span() if found else None) == (first.span() if first else None)


@pytest.mark.parametrize("pattern, text, flags", WORD_STARTS.values(), ids=WORD_STARTS.keys())
def test_word_ends_at_answers_as_the_matches_end(pattern: str, text: str, flags: int) -> None:
    # Every end a match may have, the text read up to it: one starting where no word character or hyphen
    # stands before it.
    ends = {end for start in range(len(text)) for end in range(start + 1, len(text) + 1)
            if re.fullmatch(r"(?<![\w-])" + pattern, text[:end][start:], flags)
            and not (start and re.match(r"[\w-]", text[start - 1]))}
    for end in range(len(text) + 1):
        assert word_ends_at(pattern, text, end, len(text), flags) == (end in ends), end
