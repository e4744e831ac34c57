"""Rule and lexicon files in ``pipeline/data``: loaded once, validated with pydantic.

Every rule has an ``id`` so an output value can be traced back to the rule that made it
(facts carry it in their ``rule`` field).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from pipeline.rules.cache import text_cache
from pipeline.rules.matcher import AnyGate, Pattern, any_gate, parsed
from pipeline.rules.text import Piece

DATA = Path(__file__).resolve().parent.parent / "data"


class RuleFileError(Exception):
    pass


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str


class Exampled(Rule):
    """A lexicon entry or rule with its test texts, invented (never taken from an article):
    ``example``, a text the entry fires on, written as the code hands it over (a sentence, a
    heading, a line, or the words before or after a match), and ``near_miss``, a text close to it
    that the entry must not fire on. ``tests/test_lexicon_examples.py`` runs both through the code
    that uses the entry, and fails for an entry without an example."""

    example: str = ""
    near_miss: str = ""

    @field_validator("example", "near_miss")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if v and not v.strip():
            raise ValueError("a blank test text")
        return v


class PatternRule(Exampled):
    """A regular expression (case-insensitive unless ``case_sensitive``) and the value it yields, if any."""

    pattern: str
    value: str = ""
    case_sensitive: bool = False
    note: str = ""

    @model_validator(mode="after")
    def _compiles(self) -> PatternRule:
        # Parsed, not compiled: the parse tells all that compiling would, and the rule's matcher
        # reads its gate off the same parse; the regex is compiled when first used.
        try:
            parsed(self.pattern, self.flags)
        except re.error as exc:
            raise ValueError(f"bad regular expression: {exc}") from exc
        return self

    @property
    def flags(self) -> int:
        return 0 if self.case_sensitive else re.IGNORECASE

    @property
    def regex(self) -> re.Pattern[str]:
        return _compiled(self.pattern, self.flags)


class PhraseRule(Exampled):
    """Phrases matched on token boundaries (case-insensitive) with the value they yield."""

    phrases: list[str]
    value: str
    kind: str = ""


class OccupationRule(Rule):
    """Names of one SOC occupation (lower case, singular) from one source of the gazetteer."""

    soc: str
    title: str
    source: str
    phrases: list[str]


class CueRule(Exampled):
    """Cue words: words, word starts (stems) and phrases, any of which makes a text worth reading for a fact."""

    words: list[str] = []
    stems: list[str] = []
    phrases: list[str] = []
    note: str = ""


class Procedure(Rule):
    """A rule that is code rather than a pattern; ``code`` names where it lives."""

    fact: str
    code: str
    note: str = ""


@cache
def _compiled(pattern: str, flags: int) -> re.Pattern[str]:
    return re.compile(pattern, flags)


R = TypeVar("R", bound=Rule)


def _read_jsonl(name: str, model: type[R]) -> tuple[R, ...]:
    path = DATA / name
    rules: list[R] = []
    seen: set[str] = set()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        try:
            rule = model.model_validate_json(line)  # the JSON is read and checked in one pass
        except ValidationError as exc:
            raise RuleFileError(f"{name}:{n}: {exc}") from exc
        if rule.id in seen:
            raise RuleFileError(f"{name}:{n}: duplicate id {rule.id!r}")
        seen.add(rule.id)
        rules.append(rule)
    return tuple(rules)


@cache
def pattern_rules(name: str) -> tuple[PatternRule, ...]:
    return _read_jsonl(name, PatternRule)


@cache
def cue_rules(name: str) -> dict[str, CueRule]:
    return {rule.id: rule for rule in _read_jsonl(name, CueRule)}


def _by_id(rules: tuple[R, ...], name: str, rule_id: str) -> R:
    found = next((rule for rule in rules if rule.id == rule_id), None)
    if found is None:
        raise RuleFileError(f"{name}: no rule {rule_id!r}")
    return found


def rule(name: str, rule_id: str) -> PatternRule:
    """One rule of a file, for code that asks for it by id."""
    return _by_id(pattern_rules(name), name, rule_id)


def regex(name: str, rule_id: str) -> re.Pattern[str]:
    """One rule's compiled regex, for code that runs it as a plain regex (``fullmatch``, ``split``)."""
    return rule(name, rule_id).regex


def compiled_rule(name: str, rule_id: str) -> CompiledRule:
    """One rule with its matcher, for code that asks for it by id."""
    return compiled_rules(name)[pattern_rules(name).index(rule(name, rule_id))]


def matcher(name: str, rule_id: str) -> Pattern:
    """One rule's matcher (``pipeline.rules.matcher.Pattern``)."""
    return compiled_rule(name, rule_id).matcher


def procedure(rule_id: str) -> str:
    """The id of a rule that is code (``data/procedures.jsonl``), checked to be there."""
    return _by_id(_read_jsonl("procedures.jsonl", Procedure), "procedures.jsonl", rule_id).id


@cache
def phrase_rules(name: str) -> tuple[PhraseRule, ...]:
    return _read_jsonl(name, PhraseRule)


@cache
def occupation_rules() -> tuple[OccupationRule, ...]:
    return _read_jsonl("occupations.jsonl", OccupationRule)


@dataclass(frozen=True)
class CompiledRule:
    """A rule with its matcher."""

    rule: PatternRule
    matcher: Pattern


@cache
def compiled_rules(name: str) -> tuple[CompiledRule, ...]:
    """A file's rules, compiled once, for loops that run on every block or sentence."""
    return tuple(CompiledRule(rule, Pattern(rule.pattern, rule.flags)) for rule in pattern_rules(name))


def first_match(name: str, text: str) -> PatternRule | None:
    """The first rule of a file whose regex matches ``text`` anywhere.

    Rules are tried one by one, each only if its gate lets the text through. (One union of all the
    rules is several times slower to scan: an alternation of named groups defeats the regex
    engine's anchor and prefix shortcuts.)
    """
    t = Piece(text)
    if not file_gate(name).open(t.text, t.fold):
        return None
    for compiled in compiled_rules(name):
        if compiled.matcher.found(t):
            return compiled.rule
    return None


@text_cache(maxsize=4096)
def first_match_kept(name: str, text: str) -> PatternRule | None:
    """``first_match``, kept by text: for texts that come back, on every page of a site (headings) or
    in a sentence asked about again (a figure's clause and the words around it)."""
    return first_match(name, text)


@cache
def file_gate(name: str) -> AnyGate:
    return any_gate(c.matcher.gate for c in compiled_rules(name))


def finditer_rules(name: str, text: str) -> Iterator[tuple[int, int, PatternRule]]:
    """Spans of a file's rules as one alternation of them (each with its own case sensitivity) would
    find them: leftmost first, and at a position the earliest rule in the file wins.

    Only the rules whose gates let ``text`` through take part; the others cannot match it anywhere,
    so leaving them out of the alternation changes nothing. When all of those have folded twins,
    the alternation runs case-sensitively on the folded text.
    """
    folded = text.casefold()
    if not file_gate(name).open(text, folded):
        return
    rules = compiled_rules(name)
    taking = tuple(i for i, compiled in enumerate(rules) if compiled.matcher.gate.open(text, folded))
    if not taking:
        return
    twin = len(folded) == len(text) and all(rules[i].matcher.twin is not None for i in taking)
    for m in _union(name, taking, twin).finditer(folded if twin else text):
        yield m.start(), m.end(), rules[int((m.lastgroup or "r0")[1:])].rule


@text_cache(maxsize=4096)
def rule_spans(name: str, text: str) -> tuple[tuple[int, int, PatternRule], ...]:
    """``finditer_rules`` as a tuple, kept for the text: several extractors ask for one sentence."""
    return tuple(finditer_rules(name, text))


@lru_cache(maxsize=1024)
def _union(name: str, indices: tuple[int, ...], twin: bool) -> re.Pattern[str]:
    rules = pattern_rules(name)
    if twin:
        return re.compile("|".join(f"(?P<r{i}>{rules[i].pattern})" for i in indices))
    # Each rule keeps its own case: a case-sensitive rule ("US") is no match for "Us".
    return re.compile("|".join(f"(?P<r{i}>{rules[i].pattern})" if rules[i].case_sensitive
                               else f"(?P<r{i}>(?i:{rules[i].pattern}))" for i in indices))


@cache
def load_lexicon(name: str) -> dict[str, str]:
    """A two-column tab-separated file: term, value."""
    out: dict[str, str] = {}
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        term, _, value = line.partition("\t")
        out[term.strip().lower()] = value.strip()
    return out


@cache
def load_terms(name: str) -> frozenset[str]:
    """One term per line; ``#`` starts a comment line."""
    return frozenset(
        line.strip().lower()
        for line in (DATA / name).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )
