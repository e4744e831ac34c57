"""Literal gates (``pipeline.rules.matcher``): a gate may let through a text its regex does not match, never
shut out one it does. Table-driven for the analysis, property-based for every rule file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.rules.literals import (
    EXACT,
    FEW,
    folded_twin,
    required_literals,
    required_prefixes,
    required_suffixes,
)
from pipeline.rules.loader import DATA, compiled_rules, finditer_rules, pattern_rules
from pipeline.rules.matcher import SCANS_BEFORE_TRIE, SHORT_TEXT, AnyOf, Pattern, gate_for, read_pattern
from pipeline.rules.text import Piece
from pipeline.stages.roles import CAPITAL_WORD

FIXTURES = Path(__file__).parent / "fixtures"

# (pattern, the required strings read off it; None = no gate)
LITERALS = {
    "plain word": (r"\bpharmacy\b", {"pharmacy"}),
    "alternation": (r"\b(?:bakery|kitchen)s?\b", {"bakery", "kitchen"}),
    "a small set of characters becomes variants": (r"\bhigh[- ]school diploma",
                                                  {"high school diploma", "high-school diploma"}),
    "longest run of a sequence": (r"\b\w+ school diploma", {" school diploma"}),
    "optional dots become variants": (r"\bB\.?S\.?N\b", {"bsn", "b.sn", "bs.n", "b.s.n"}),
    "case-sensitive part kept as written": (r"(?-i:\bMBA\b)", {EXACT + "MBA"}),
    "folded outside it": (r"\bMaster\b|(?-i:MBA)", {"master", EXACT + "MBA"}),
    "a case-sensitive group ends a folded run": (r"(?-i:M)ba degree", {"ba degree"}),
    "a run goes on through an alternation": (r"\bnot (required|needed)\b", {"not required", "not needed"}),
    "a run goes on into the alternatives' openings": (r"\bB(?:A|Eng)\b", {"ba", "beng"}),
    "and as written in a case-sensitive part": (r"(?-i:\bBA\b|\bBEng\b)", {EXACT + "BA", EXACT + "BEng"}),
    "a part that ignores case ends a run read as written": (r"(?-i:x(?:ab|c(?i:d))y)", {EXACT + "xab", EXACT + "xc"}),
    "one-character set of one letter": (r"[Ll]evels", {"levels"}),
    "longer strings implied by shorter ones are dropped": (r"master of \w+|master", {"master"}),
    "a required repeat": (r"(?:cook)+ing", {"cook"}),
    "across a lookbehind": (r"(?<!board )certified", {"certified"}),
    "rare punctuation counts": (r"^[^|]{1,40}(\s*\|\s*[^|]{1,40}){2,}$", {"|"}),
    "an optional-only pattern has none": (r"(?:pay)?\d+", None),
    "a one-letter literal has none": (r"\bx\d+", None),
    "an alternative without a literal has none": (r"\bdegree\b|\d{4}", None),
    "an empty alternative has none": (r"(?:bonus|)", None),
}


@pytest.mark.parametrize("pattern, expected", LITERALS.values(), ids=LITERALS.keys())
def test_required_literals(pattern: str, expected: set[str] | None) -> None:
    found = required_literals(pattern, re.IGNORECASE)
    assert (set(found) if found is not None else None) == expected


# (pattern, the strings a matching text starts with; None = not anchored or unknown)
PREFIXES = {
    "anchored alternation": (r"^(advertisement|sponsored)\s*:?$", {"advertisement", "sponsored"}),
    "anchored with an optional group stops there": (r"^skip to (main )?content$", {"skip to "}),
    "every alternative anchored": (r"^read more|^see also", {"read more", "see also"}),
    "one alternative unanchored": (r"^read more|see also", None),
    "an optional start has none": (r"^(you are here:\s*)?home", None),
    "multiline anchors any line": (r"(?m)^home", None),
}


@pytest.mark.parametrize("pattern, expected", PREFIXES.values(), ids=PREFIXES.keys())
def test_required_prefixes(pattern: str, expected: set[str] | None) -> None:
    found = required_prefixes(pattern, re.compile(pattern, re.IGNORECASE).flags)
    assert (set(found) if found is not None else None) == expected


# (pattern, the strings a matching text ends with, trailing spaces stripped; None = not anchored or unknown)
SUFFIXES = {
    "anchored alternation": (r"(?:, or|\s+called|\()\s*$", {", or", "called", "("}),
    "an alternative's last word": (r"(?:known\s+as|also called)$", {"as", "also called"}),
    "spaces allowed before the end": (r"\bfoo\b\s*$", {"foo"}),
    "end of the string": (r"(?:bar|baz)\Z", {"bar", "baz"}),
    "every alternative anchored": (r"read more$|see also$", {"read more", "see also"}),
    "one alternative unanchored": (r"read more$|see also", None),
    "required spaces before the end have none": (r"foo\s+$", None),
    "an optional end has none": (r"foo(?: bar)?$", None),
    "a string ending in a space has none": (r"(?:a|b )$", None),
    "multiline anchors any line": (r"(?m)bar$", None),
}


@pytest.mark.parametrize("pattern, expected", SUFFIXES.values(), ids=SUFFIXES.keys())
def test_required_suffixes(pattern: str, expected: set[str] | None) -> None:
    found = required_suffixes(pattern, re.compile(pattern, re.IGNORECASE).flags)
    assert (set(found) if found is not None else None) == expected


def test_end_gate_reads_the_text_up_to_endpos() -> None:
    rx = Pattern(r"(?:, or|\()\s*$")
    assert rx.search("Kiln technicians, or  ") and rx.search("Kiln technicians (\n")
    assert rx.search("Kiln technicians, or kiln techs") is None
    assert rx.search("Kiln technicians, or kiln techs", 0, len("Kiln technicians, or "))


def test_case_sensitive_literals_are_looked_for_as_written() -> None:
    gate = gate_for(re.compile(r"(?-i:\bMD\b)|doctorate", re.IGNORECASE))
    assert gate.open("An MD takes years.", "an md takes years.")
    assert not gate.open("md files and commands", "md files and commands")
    assert gate.open("A Doctorate", "a doctorate")


def test_gated_regex_skips_only_texts_it_cannot_match() -> None:
    rx = Pattern(r"\bassociate'?s? degree\b")
    assert rx.search("An Associate's Degree is enough.")
    assert rx.search("nothing here") is None
    assert not rx.may_match("nothing here")
    assert list(rx.finditer("an associate degree, an associates degree")) != []
    assert rx.match("associate degree")
    assert rx.search(Piece("x", fold="associate degree")) is None  # the gate opens, the regex decides
    assert rx.search("an associate degree", 3) and rx.search("an associate degree", 0, 5) is None


# Phrase lexicons, cue words and procedures hold no regexes; the doubts' regexes are tested with the doubts.
RULE_FILES = sorted(p.name for p in DATA.glob("*.jsonl")
                    if p.name not in ("settings.jsonl", "skills.jsonl", "cues.jsonl", "procedures.jsonl",
                                      "occupations.jsonl", "relevance.jsonl", "doubts.jsonl"))


def _rule_cases() -> list[tuple[str, str]]:
    return [(name, rule.id) for name in RULE_FILES for rule in pattern_rules(name)]


@pytest.mark.parametrize("name, rule_id", _rule_cases())
def test_every_rule_gate_opens_for_its_own_matches(name: str, rule_id: str) -> None:
    """Strings generated from the rule's regex (hypothesis ``from_regex``) always pass its gate."""
    regex, gate = next((c.matcher.regex, c.matcher.gate) for c in compiled_rules(name) if c.rule.id == rule_id)

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(regex))
    def check(text: str) -> None:
        assert gate.open(text, text.casefold()), text

    check()


def _fixture_texts() -> list[str]:
    texts = []
    for path in sorted(FIXTURES.rglob("*")):
        if path.suffix in (".txt", ".md", ".html"):
            texts += [line for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
                      if line.strip()]
    return texts


@pytest.mark.parametrize("name", [n for n in RULE_FILES if "(?P<" not in (DATA / n).read_text(encoding="utf-8")])
def test_gated_union_finds_what_the_full_union_finds(name: str) -> None:
    rules = pattern_rules(name)
    # Each rule with its own case: a case-sensitive rule ("Keep" is no "keep") stays so in the union.
    union = re.compile("|".join(f"(?P<r{i}>{r.pattern})" if r.case_sensitive else f"(?P<r{i}>(?i:{r.pattern}))"
                                for i, r in enumerate(rules)))
    for text in _fixture_texts():
        full = [(m.span(), rules[int(str(m.lastgroup)[1:])].id) for m in union.finditer(text)]
        gated = [((start, end), rule.id) for start, end, rule in finditer_rules(name, text)]
        assert gated == full, text


def test_gate_of_a_regex_without_literals_always_opens() -> None:
    gate = gate_for(re.compile(r"\d+"))
    assert gate.literals is None and gate.open("", "")



# (pattern, has a folded twin?)
TWINS = {
    "lower-case words": (r"\b(salary|wages?)\b", True),
    "classes of lower-case letters and digits": (r"[a-z0-9]+ per [a-z]+", True),
    "an upper-case literal": (r"\bGED\b", False),
    "an upper-case range": (r"[A-Z]{2,}", False),
    "a case-sensitive group": (r"(?-i:MD)|doctor", False),
    "a back-reference": (r"(\w)\1", False),
    "a conditional group": (r"(?:(?P<b>between)\s)?\d+(?(b)\s?and\s?\d+|)", True),
}


@pytest.mark.parametrize("pattern, expected", TWINS.values(), ids=TWINS.keys())
def test_folded_twin(pattern: str, expected: bool) -> None:
    assert (folded_twin(pattern, re.IGNORECASE) is not None) == expected


@pytest.mark.parametrize("name", RULE_FILES)
def test_folded_twins_count_what_the_rules_count(name: str) -> None:
    for compiled in compiled_rules(name):
        twin, regex = compiled.matcher.twin, compiled.matcher.regex
        if twin is None:
            continue
        for text in _fixture_texts():
            folded = text.casefold()
            if len(folded) == len(text):
                assert len(twin.findall(folded)) == len(regex.findall(text)), (compiled.rule.id, text)


@pytest.mark.parametrize("name", RULE_FILES)
def test_a_shut_gate_counts_nothing_that_the_rule_would_count(name: str) -> None:
    """``Pattern.count`` asks the gate first, on whole sections as on lines."""
    sections = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(FIXTURES.rglob("*"))
                if p.suffix in (".txt", ".md")]
    for compiled in compiled_rules(name):
        for text in sections + _fixture_texts():
            assert compiled.matcher.count(Piece(text)) == len(compiled.matcher.regex.findall(text)), compiled.rule.id


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="AB sxé_1-É.ÀZQ(", max_size=20))
def test_capital_word_is_the_plain_boundary_pattern(text: str) -> None:
    assert CAPITAL_WORD.findall(text) == re.findall(r"\b[A-Z]{2,6}s?\b", text)


@pytest.mark.parametrize("name", RULE_FILES)
def test_one_parse_reads_what_each_analysis_reads(name: str) -> None:
    """``read_pattern`` parses once, with the rule's flags, what the analyses read with the compiled regex's."""
    for rule in pattern_rules(name):
        regex = re.compile(rule.pattern, rule.flags)
        reading = read_pattern(rule.pattern, rule.flags)
        assert reading.flags == regex.flags, rule.id
        assert reading.literals == required_literals(rule.pattern, regex.flags), rule.id
        assert reading.prefixes == required_prefixes(rule.pattern, regex.flags), rule.id
        assert reading.suffixes == required_suffixes(rule.pattern, regex.flags), rule.id
        assert reading.twin == (folded_twin(rule.pattern, rule.flags) is not None), rule.id


def test_a_rule_is_compiled_when_first_used() -> None:
    rx = Pattern(r"\bkiln\b")
    for name in ("regex", "twin"):  # nothing compiled yet
        with pytest.raises(AttributeError):
            object.__getattribute__(rx, name)
    assert rx.search("no match here") is None and rx.found(Piece("The Kiln")) and rx.twin is not None
    assert rx.regex.pattern == r"\bkiln\b" and rx.regex.flags & re.IGNORECASE
    with pytest.raises(AttributeError):
        rx.nothing  # noqa: B018 - only the two regexes are made on demand


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text("abc( .", min_size=1, max_size=5), min_size=1, max_size=40),
       st.lists(st.text("abc( .", max_size=12) | st.text("abc( .", min_size=SHORT_TEXT, max_size=SHORT_TEXT + 5),
                min_size=1, max_size=SCANS_BEFORE_TRIE + 10))
def test_a_set_of_strings_answers_alike_scanned_or_searched_with_its_trie(strings: list[str], texts: list[str]) -> None:
    found = AnyOf(strings)
    for text in texts * 2:
        assert found.within(text) == any(s in text for s in strings), (strings, text)
    assert len(set(strings)) <= FEW or re.fullmatch(str(found.pattern), max(strings, key=len))
