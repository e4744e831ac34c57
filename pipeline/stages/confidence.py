"""confidence: facts + their sentences -> the same facts, each with ``confidence``.

A fact starts from the precision its rule reached on labelled articles (``data/rule_precision.json``,
measured by ``scripts/rule_precision.py``; a rule seen a few times leans on its kind of fact), and
each doubt its sentence raises (``data/doubts.jsonl``: a negation or a hedge near it, its role bound
at a distance or by elimination, another occupation in its clause, a figure with no period...)
lowers its odds by the measured amount. ``docs/confidence.md`` says what the figure promises.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from pipeline.rules.cache import text_cache
from pipeline.rules.loader import DATA, Exampled, RuleFileError, _read_jsonl, first_match, matcher, regex
from pipeline.rules.matcher import Pattern
from pipeline.rules.text import Piece
from pipeline.stages.attribute import OTHER_OCCUPATION, opens_with_other
from pipeline.types import Facts, Mention, RoleInfo, SectionInfo, Segmented, Sentence
from schemas.article import Duty, Fact, Requirement, Salary, Setting, Skill

TABLE = "rule_precision.json"
DOUBTS = "doubts.jsonl"
# The kinds of fact, as the table counts them: education levels are measured apart from other requirements.
FIELDS = ("salaries", "education", "requirements", "settings", "duties", "skills")
LONG_SENTENCE = 40  # words
BEFORE, AFTER = 60, 30  # characters of a fact's clause read as "before" and "after" it
ALL_CUE = matcher("attribution.jsonl", "all-cue")
CLAUSE_SPLIT = regex("doubt_clauses.jsonl", "doubt-clause-split")


class Doubt(Exampled):
    """Something that makes a fact doubtful in its sentence (``data/doubts.jsonl``)."""

    note: str
    fields: list[str] = []
    pattern: str = ""
    scope: Literal["clause", "sentence", "before", "after"] = "clause"
    missing: bool = False
    sections: list[str] = []
    blocks: list[str] = []
    # What the doubt is presumed to do to a fact's odds until measured (the fit's pseudo-facts hold it).
    prior: float = Field(default=0.5, gt=0, le=1)

    @field_validator("fields")
    @classmethod
    def _known_fields(cls, v: list[str]) -> list[str]:
        unknown = set(v) - set(FIELDS)
        if unknown:
            raise ValueError(f"unknown kinds of fact {sorted(unknown)}")
        return v

    def applies_to(self, field: str, block: str = "") -> bool:
        return (not self.fields or field in self.fields) and (not block or not self.blocks or block in self.blocks)


@dataclass(frozen=True)
class WordDoubt:
    """A doubt found by its words. An anchored pattern (``^``, ``$``) or one raised by missing words is
    asked about its scope's text; any other finds its matches in the whole sentence once, for all the
    sentence's facts (``Reading``)."""

    doubt: Doubt
    pattern: Pattern
    anchored: bool


@cache
def doubts_declared() -> tuple[Doubt, ...]:
    return _read_jsonl(DOUBTS, Doubt)


@cache
def _order() -> dict[str, int]:
    return {d.id: n for n, d in enumerate(doubts_declared())}


@cache
def _word_doubts() -> tuple[WordDoubt, ...]:
    return tuple(WordDoubt(d, Pattern(d.pattern), d.missing or d.pattern.startswith("^") or d.pattern.endswith("$"))
                 for d in doubts_declared() if d.pattern)


@cache
def _anchored_of(field: str) -> tuple[WordDoubt, ...]:
    return tuple(w for w in _word_doubts() if w.anchored and w.doubt.applies_to(field))


@cache
def _sections_of(field: str) -> tuple[Doubt, ...]:
    return tuple(d for d in doubts_declared() if d.sections and d.applies_to(field))


# The doubts computed here rather than by their words; each must be declared in the data file.
COMPUTED = ("no-period", "role-unnamed", "role-from-section", "profile-role-unnamed", "role-elsewhere",
            "role-after-fact", "roles-contrasted", "all-roles-by-default", "other-occupation", "no-role",
            "unknown-occupation", "table-row", "long-sentence")


def _check_declared() -> None:
    declared = {d.id for d in doubts_declared()}
    missing = [d for d in COMPUTED if d not in declared]
    if missing:
        raise RuleFileError(f"{DOUBTS}: no entry for the computed doubts {missing}")


_check_declared()

F = TypeVar("F", Duty, Requirement, Salary, Setting, Skill)


def field_of(fact: Fact) -> str:
    """The kind of fact the table measures: the output list, with education levels apart."""
    if isinstance(fact, Requirement):
        return "education" if fact.type == "education" and fact.education_level else "requirements"
    names = {Salary: "salaries", Setting: "settings", Duty: "duties", Skill: "skills"}
    return names[type(fact)]


def _words(fact: Fact) -> str:
    if isinstance(fact, Skill):
        return fact.skill
    assert isinstance(fact, Duty | Requirement | Salary | Setting)
    return fact.text


@dataclass(frozen=True)
class Place:
    """Where a fact sits in its sentence: its words (the whole sentence when they are not found
    as written) and their clause."""

    start: int
    end: int
    clause: tuple[int, int]

    @classmethod
    def of(cls, fact: Fact, s: Sentence) -> Place:
        words = _words(fact).lower()
        at = s.low.find(words) if words else -1
        if at < 0:
            return cls(0, len(s.text), (0, len(s.text)))
        start, end = 0, len(s.text)
        for split_start, split_end in _clause_splits(s.text):
            if split_end <= at:
                start = split_end
            elif split_start >= at:
                end = split_start
                break
        return cls(at, at + len(words), (start, end))


@text_cache(maxsize=4096)
def _clause_splits(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in CLAUSE_SPLIT.finditer(text))


@dataclass(frozen=True)
class Reading:
    """What a sentence holds for the doubts of all its facts, read once: the matches of the doubts found
    by unanchored words, the occupation words outside the roles' mentions, whether another occupation
    opens it. What depends on the text alone is kept by text (``pipeline.rules.cache``)."""

    words: tuple[tuple[Doubt, int, int], ...]
    occupations: tuple[tuple[int, int], ...]
    opens_with_other: bool
    long: bool

    @classmethod
    def of(cls, s: Sentence) -> Reading:
        found: Reading | None = s.answers.get(Reading)
        if found is None:
            taken = [(m.start, m.end) for m in s.roles.mentions]
            unanchored = _unanchored()
            words = tuple((unanchored[n].doubt, a, b) for n, a, b in _word_spans(s.text))
            occupations = tuple((a, b) for a, b in _occupation_spans(s.text)
                                if not any(x < b and a < y for x, y in taken))
            found = s.answers[Reading] = cls(words, occupations, _opens_with_other(s.text, tuple(s.roles.mentions)),
                                             len(s.text.split()) > LONG_SENTENCE)
        return found


@cache
def _unanchored() -> tuple[WordDoubt, ...]:
    return tuple(w for w in _word_doubts() if not w.anchored)


@text_cache(maxsize=4096)
def _word_spans(text: str) -> tuple[tuple[int, int, int], ...]:
    """(doubt, start, end) of every match of an unanchored doubt's words; a pattern two doubts share is run once."""
    t = Piece(text)
    runs: dict[str, tuple[tuple[int, int], ...]] = {}
    out: list[tuple[int, int, int]] = []
    for n, word in enumerate(_unanchored()):
        spans = runs.get(word.doubt.pattern)
        if spans is None:
            spans = runs[word.doubt.pattern] = tuple(m.span() for m in word.pattern.finditer(t))
        out.extend((n, a, b) for a, b in spans)
    return tuple(out)


@text_cache(maxsize=4096)
def _opens_with_other(text: str, mentions: tuple[Mention, ...]) -> bool:
    return opens_with_other(Piece(text), list(mentions))


@text_cache(maxsize=4096)
def _all_cues(text: str) -> tuple[tuple[int, int], ...]:
    """Where the sentence says "both", "all three", "either job": every role."""
    return tuple(m.span() for m in ALL_CUE.finditer(Piece(text)))


@text_cache(maxsize=4096)
def _occupation_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in OTHER_OCCUPATION.finditer(Piece(text)))


def doubts(fact: Fact, s: Sentence, section: SectionInfo, roles: list[RoleInfo]) -> tuple[str, ...]:
    """The ids of the doubts ``fact`` raises in its sentence ``s`` (of ``section``)."""
    field = field_of(fact)
    place = Place.of(fact, s)
    reading = Reading.of(s)
    raised = set(_role_doubts(fact, s, place, section, roles))
    raised.update(_word_doubts_raised(field, s, place, reading))
    if field == "salaries" and not _period_written(s, place):
        raised.add("no-period")
    c0, c1 = place.clause
    if reading.opens_with_other or any(c0 <= a and b <= c1 for a, b in reading.occupations):
        raised.add("other-occupation")
    if s.span.block.kind == "table_row":
        raised.add("table-row")
    if reading.long:
        raised.add("long-sentence")
    raised.update(d.id for d in _sections_of(field) if section.kind not in d.sections)
    return tuple(sorted(raised, key=_order().__getitem__))


def _role_doubts(fact: Fact, s: Sentence, place: Place, section: SectionInfo,
                 roles: list[RoleInfo]) -> Iterable[str]:
    own = set(fact.roles)
    named = {m.role for m in s.roles.mentions}
    if not own:
        yield "no-role"
        return
    binding = _binding(own, named, s, place, section, len(roles))
    if binding:
        yield binding
    if len(named) >= 2:
        yield "roles-contrasted"
    if len(roles) >= 2 and len(own) == len(roles) and not own <= named and not _all_cues(s.text):
        yield "all-roles-by-default"
    if any(r.soc is None for r in roles if r.id in own):
        yield "unknown-occupation"


def _binding(own: set[str], named: set[str], s: Sentence, place: Place, section: SectionInfo, roles: int) -> str:
    """How the fact's roles were bound, where that is doubtful: not named in the sentence (carried, or its
    section's), another role named instead (by elimination), or named only after the fact."""
    if s.span.block.kind == "table_row":
        return ""  # a table's column or row names the role: the table-row doubt stands for it
    if roles == 1:
        return "" if named else "profile-role-unnamed"
    if not named:
        return "role-from-section" if own == set(section.roles) else "role-unnamed"
    if not own & named:
        return "role-elsewhere"
    if any(m.role in own and m.start < place.end for m in s.roles.mentions) or any(
            end <= place.start for _, end in _all_cues(s.text)):
        return ""
    return "role-after-fact"


def _scope(s: Sentence, place: Place, scope: str) -> tuple[tuple[int, int], ...]:
    """The stretches of the sentence a doubt's words are looked for in; a fact's own words are in none
    ("no formal education" is a level, not a negation of one)."""
    if scope == "sentence":
        return (0, place.start), (place.end, len(s.text))
    if scope == "before":
        return ((max(0, place.start - BEFORE), place.start),)
    if scope == "after":
        return ((place.end, min(len(s.text), place.end + AFTER)),)
    c0, c1 = place.clause
    return (c0, place.start), (place.end, c1)


def _word_doubts_raised(field: str, s: Sentence, place: Place, reading: Reading) -> Iterable[str]:
    block = s.span.block.kind
    for doubt, start, end in reading.words:
        if doubt.applies_to(field, block) and any(a <= start and end <= b for a, b in _scope(s, place, doubt.scope)):
            yield doubt.id
    for word in _anchored_of(field):
        doubt = word.doubt
        if not doubt.applies_to(field, block):
            continue
        found = any(word.pattern.found(s[a:b]) for a, b in _scope(s, place, doubt.scope))
        if found != doubt.missing:
            yield doubt.id


def _period_written(s: Sentence, place: Place) -> bool:
    """Whether a pay period is written around the figure ("$52,000 a year", "hourly wage of $25")."""
    before = s.text[max(0, place.start - 90) : place.start]
    after = s.text[place.end : place.end + 60]
    return bool(first_match("pay_period_after.jsonl", after) or first_match("pay_period_before.jsonl", before))


# The measured table.


class Count(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    facts: int = Field(ge=0)
    right: int = Field(ge=0)

    @model_validator(mode="after")
    def _right_of_facts(self) -> Count:
        if self.right > self.facts:
            raise ValueError(f"right ({self.right}) exceeds facts ({self.facts})")
        return self


class Base(Count):
    """Facts of a rule (or a kind of fact) and how many were right; ``base``: the smoothed precision a
    fact of it starts from."""

    base: float = Field(gt=0, lt=1)


class FieldWeight(Count):
    """Facts of one kind that raised a doubt and how many were right; ``weight``: the change in
    log-odds it makes to a fact of that kind."""

    weight: float = Field(le=0)


class Weight(FieldWeight):
    """A doubt over all kinds of fact, and by kind (a kind it was not seen on takes the overall weight)."""

    fields: dict[str, FieldWeight] = {}


class Prior(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    rule_facts: float = Field(ge=0, description="pseudo-facts at its kind's precision a rule's count starts with")
    doubt_facts: float = Field(ge=0, description="pseudo-facts a doubt's count starts with")
    field_doubt_facts: float = Field(ge=0, description="pseudo-facts at its overall weight a doubt's count on a kind "
                                                       "of fact starts with")
    doubt_weight: float = Field(le=0, description="the weight of a doubt the table does not list")


class Cap(BaseModel):
    """A fact rated ``raw`` or more is at most ``cap``: what facts so rated on articles the table was not
    fitted on reached."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    raw: float = Field(gt=0, le=1)
    cap: float = Field(ge=0, lt=1)

    @model_validator(mode="after")
    def _lowers(self) -> Cap:
        if self.cap >= self.raw:
            raise ValueError(f"a cap ({self.cap}) at or above its confidence ({self.raw})")
        return self


class Table(BaseModel):
    """``data/rule_precision.json``: the measured precision of rules and the weight of doubts."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    about: str
    corpora: list[str]
    prior: Prior
    default: float = Field(gt=0, lt=1, description="base of a kind of fact no label measures")
    fields: dict[str, Base]
    rules: dict[str, dict[str, Base]]
    doubts: dict[str, Weight]
    caps: list[Cap] = []

    @model_validator(mode="after")
    def _known_ids(self) -> Table:
        unknown = (set(self.fields) | set(self.rules)) - set(FIELDS)
        if unknown:
            raise ValueError(f"unknown kinds of fact {sorted(unknown)}")
        undeclared = set(self.doubts) - {d.id for d in doubts_declared()}
        if undeclared:
            raise ValueError(f"doubts not declared in {DOUBTS}: {sorted(undeclared)}")
        unknown = {f for d in self.doubts.values() for f in d.fields} - set(FIELDS)
        if unknown:
            raise ValueError(f"unknown kinds of fact {sorted(unknown)}")
        raws, limits = [c.raw for c in self.caps], [c.cap for c in self.caps]
        if raws != sorted(set(raws)) or limits != sorted(limits):
            raise ValueError("caps must rise with their confidence")
        return self

    def base(self, field: str, rule: str) -> float:
        found = self.rules.get(field, {}).get(rule) or self.fields.get(field)
        return found.base if found is not None else self.default

    def capped(self, raw: float) -> float:
        """``raw``, or the cap of the highest confidence at or below it where that is lower."""
        limit = raw
        for cap in self.caps:
            if cap.raw > raw:
                break
            limit = cap.cap
        return min(raw, limit)

    def weight(self, doubt: str, field: str) -> float:
        found = self.doubts.get(doubt)
        if found is None:
            return self.prior.doubt_weight
        by_field = found.fields.get(field)
        return by_field.weight if by_field is not None else found.weight


def read_table(text: str) -> Table:
    try:
        return Table.model_validate(json.loads(text))
    except (ValidationError, json.JSONDecodeError) as exc:
        raise RuleFileError(f"{TABLE}: {exc}") from exc


@cache
def precision_table() -> Table:
    return read_table((DATA / TABLE).read_text(encoding="utf-8"))


def logit(p: float) -> float:
    return math.log(p / (1 - p))


def sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


def confidence(table: Table, field: str, rule: str, raised: Iterable[str]) -> float:
    """The rule's base with each doubt's weight added to its log-odds, floored to two decimals (a
    floor never claims more than was measured), and capped by what held-out facts so rated reached."""
    odds = logit(table.base(field, rule)) + sum(table.weight(d, field) for d in raised)
    return table.capped(math.floor(sigmoid(odds) * 100 + 1e-9) / 100)


def rate(facts: Facts, sentences: list[Sentence], seg: Segmented, roles: list[RoleInfo],
         table: Table | None = None) -> Facts:
    """The facts, each with its confidence; everything else as it was."""
    measured = table if table is not None else precision_table()
    by_span = {(s.start, s.end): s for s in sentences}

    # Facts of one rule with the same doubts have the same confidence: worked out once.
    known: dict[tuple[str, str, tuple[str, ...]], float] = {}

    def rated(items: list[F]) -> list[F]:
        out: list[F] = []
        for fact in items:
            s = by_span[(fact.evidence.start, fact.evidence.end)]
            key = (field_of(fact), fact.rule, doubts(fact, s, seg.sections[s.section], roles))
            found = known.get(key)
            if found is None:
                found = known[key] = confidence(measured, *key)
            out.append(fact.model_copy(update={"confidence": found}))
        return out

    return replace(facts, duties=rated(facts.duties), requirements=rated(facts.requirements),
                   salaries=rated(facts.salaries), settings=rated(facts.settings), skills=rated(facts.skills))
