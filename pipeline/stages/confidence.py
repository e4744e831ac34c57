"""confidence: facts + their sentences -> the same facts, each with ``confidence``.

A fact starts from the precision its rule reached on labelled articles (``data/rule_precision.json``,
measured by ``scripts/rule_precision.py``; a rule seen a few times leans on its kind of fact), and
each doubt its sentence raises (``data/doubts.jsonl``: a negation or a hedge near it, its role bound
at a distance or by elimination, another occupation in its clause, a figure with no period...)
lowers its odds by the measured amount. ``docs/confidence.md`` says what the figure promises.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from functools import cache
from typing import Any, TypeVar

from pipeline.rules.cache import text_cache
from pipeline.rules.loader import RuleFileError, first_match, matcher, regex
from pipeline.rules.matcher import AnyGate, Pattern, any_gate
from pipeline.rules.others import OTHER_OCCUPATION, opens_with_other_kept
from pipeline.rules.precision import DOUBTS, Doubt, Table, confidence, doubts_declared, precision_table
from pipeline.rules.text import Piece
from pipeline.types import Facts, Mention, RoleInfo, SectionInfo, Segmented, Sentence
from schemas.article import Duty, Fact, Requirement, Salary, Setting, Skill

LONG_SENTENCE = 40  # words
BEFORE, AFTER = 60, 30  # characters of the sentence read as "before" and "after" a fact
ALL_CUE = matcher("attribution.jsonl", "all-cue")
CLAUSE_SPLIT = regex("doubt_clauses.jsonl", "doubt-clause-split")


@dataclass(frozen=True)
class WordDoubt:
    """A doubt found by its words. An anchored pattern (``^``, ``$``) or one raised by missing words is
    asked about its scope's text; any other finds its matches in the whole sentence once, for all the
    sentence's facts (``Reading``)."""

    doubt: Doubt
    pattern: Pattern
    anchored: bool



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
class Said:
    """A sentence as the doubts read it: its text (as a matcher's piece too, and in lower case), the roles'
    mentions in it, and its block's kind."""

    text: str
    piece: Piece
    low: str
    mentions: tuple[Mention, ...]
    block: str


@dataclass(frozen=True)
class Place:
    """Where a fact sits in its sentence: its words (the whole sentence when they are not found
    as written) and their clause."""

    start: int
    end: int
    clause: tuple[int, int]

    @classmethod
    def of(cls, fact_words: str, s: Said) -> Place:
        words = fact_words.lower()
        at = s.low.find(words) if words else -1
        length = len(s.text)
        if at < 0:
            return cls(0, length, (0, length))
        start, end = 0, length
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
    """What a sentence holds for the doubts of its facts: the matches of the doubts found by unanchored
    words, the occupation words outside the roles' mentions, whether another occupation opens it. What
    depends on the text alone is kept by text (``pipeline.rules.cache``)."""

    words: tuple[tuple[Doubt, int, int], ...]
    occupations: tuple[tuple[int, int], ...]
    opens_with_other: bool
    long: bool

    @classmethod
    def of(cls, s: Said, roles: tuple[RoleInfo, ...]) -> Reading:
        return _reading(s.text, s.mentions, roles)


@text_cache(maxsize=4096)
def _reading(text: str, mentions: tuple[Mention, ...], roles: tuple[RoleInfo, ...]) -> Reading:
    taken = [(m.start, m.end) for m in mentions]
    unanchored = _unanchored()
    words = tuple((unanchored[n].doubt, a, b) for n, a, b in _word_spans(text))
    occupations = tuple((a, b) for a, b in _occupation_spans(text) if not any(x < b and a < y for x, y in taken))
    opens = opens_with_other_kept(text, mentions, roles)
    return Reading(words, occupations, opens, len(text.split()) > LONG_SENTENCE)


@cache
def _unanchored() -> tuple[WordDoubt, ...]:
    return tuple(w for w in _word_doubts() if not w.anchored)


@cache
def _unanchored_gate() -> AnyGate:
    return any_gate(w.pattern.gate for w in _unanchored())


@text_cache(maxsize=4096)
def _word_spans(text: str) -> tuple[tuple[int, int, int], ...]:
    """(doubt, start, end) of every match of an unanchored doubt's words; a pattern two doubts share is run once."""
    t = Piece(text)
    if not _unanchored_gate().open(t.text, t.fold):
        return ()  # one look rules out every doubt's words, as it does for many sentences
    runs: dict[str, tuple[tuple[int, int], ...]] = {}
    out: list[tuple[int, int, int]] = []
    for n, word in enumerate(_unanchored()):
        spans = runs.get(word.doubt.pattern)
        if spans is None:
            spans = runs[word.doubt.pattern] = tuple(m.span() for m in word.pattern.finditer(t))
        out.extend((n, a, b) for a, b in spans)
    return tuple(out)


@text_cache(maxsize=4096)
def _all_cues(text: str) -> tuple[tuple[int, int], ...]:
    """Where the sentence says "both", "all three", "either job": every role."""
    return tuple(m.span() for m in ALL_CUE.finditer(Piece(text)))


@text_cache(maxsize=4096)
def _occupation_spans(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in OTHER_OCCUPATION.finditer(Piece(text)))


def doubts(fact: Fact, s: Sentence, section: SectionInfo, roles: list[RoleInfo]) -> tuple[str, ...]:
    """The ids of the doubts ``fact`` raises in its sentence ``s`` (of ``section``)."""
    return _keyed_doubts(fact, s, section, _values(roles))


# Doubts are kept by the plain values of what they read (a sentence that recurs has its facts rated once):
# mentions and roles as the values they are made of, which hash and compare faster than the objects.
Values = tuple[tuple[Any, ...], ...]


def _values(items: Iterable[Mention] | Iterable[RoleInfo]) -> Values:
    return _Hashed(tuple(getattr(item, name) for name in _made_of(type(item))) for item in items)


class _Hashed(tuple):  # type: ignore[type-arg]
    """A tuple that works its hash out once: the article's roles (with all their forms) are part of the
    key of every fact's doubts, and a plain tuple hashes every item again on each lookup."""

    _hash: int

    def __new__(cls, items: Iterable[Any]) -> _Hashed:
        made = super().__new__(cls, items)
        made._hash = tuple.__hash__(made)
        return made

    def __hash__(self) -> int:
        return self._hash


_MADE_OF: dict[type, tuple[str, ...]] = {}


def _made_of(kind: Any) -> tuple[str, ...]:
    """The fields a dataclass is made from, kept by class (``dataclasses.fields`` works them out on each call)."""
    names = _MADE_OF.get(kind)
    if names is None:
        names = _MADE_OF[kind] = tuple(f.name for f in fields(kind) if f.init)
    return names


def _keyed_doubts(fact: Fact, s: Sentence, section: SectionInfo, roles: Values) -> tuple[str, ...]:
    said: tuple[str, Values, str] | None = s.answers.get(Said)
    if said is None:
        said = s.answers[Said] = (s.text, _values(s.roles.mentions), s.span.block.kind)
    text, mentions, block = said
    return _doubts(field_of(fact), _words(fact), tuple(fact.roles), text, mentions, block, section.kind,
                   tuple(section.roles), roles)


@text_cache(maxsize=16384)
def _doubts(field: str, words: str, own: tuple[str, ...], text: str, mentions: Values, block: str,
            kind: str, section_roles: tuple[str, ...], role_values: Values) -> tuple[str, ...]:
    roles = tuple(RoleInfo(*r) for r in role_values)
    s = Said(text, Piece(text), text.lower(), tuple(Mention(*m) for m in mentions), block)
    place = Place.of(words, s)
    reading = Reading.of(s, roles)
    raised = set(_role_doubts(set(own), s, place, set(section_roles), roles))
    raised.update(_word_doubts_raised(field, s, place, reading))
    if field == "salaries" and not _period_written(text, place):
        raised.add("no-period")
    c0, c1 = place.clause
    if reading.opens_with_other or any(c0 <= a and b <= c1 for a, b in reading.occupations):
        raised.add("other-occupation")
    if block == "table_row":
        raised.add("table-row")
    if reading.long:
        raised.add("long-sentence")
    raised.update(d.id for d in _sections_of(field) if kind not in d.sections)
    return tuple(sorted(raised, key=_order().__getitem__))


def _role_doubts(own: set[str], s: Said, place: Place, section_roles: set[str],
                 roles: tuple[RoleInfo, ...]) -> Iterable[str]:
    named = {m.role for m in s.mentions}
    if not own:
        yield "no-role"
        return
    binding = _binding(own, named, s, place, section_roles, len(roles))
    if binding:
        yield binding
    if len(named) >= 2:
        yield "roles-contrasted"
    if len(roles) >= 2 and len(own) == len(roles) and not own <= named and not _all_cues(s.text):
        yield "all-roles-by-default"
    if any(r.soc is None for r in roles if r.id in own):
        yield "unknown-occupation"


def _binding(own: set[str], named: set[str], s: Said, place: Place, section_roles: set[str], roles: int) -> str:
    """How the fact's roles were bound, where that is doubtful: not named in the sentence (carried, or its
    section's), another role named instead (by elimination), or named only after the fact."""
    if s.block == "table_row":
        return ""  # a table's column or row names the role: the table-row doubt stands for it
    if roles == 1:
        return "" if named else "profile-role-unnamed"
    if not named:
        return "role-from-section" if own == section_roles else "role-unnamed"
    if not own & named:
        return "role-elsewhere"
    if any(m.role in own and m.start < place.end for m in s.mentions) or any(
            end <= place.start for _, end in _all_cues(s.text)):
        return ""
    return "role-after-fact"


def _scope(s: Said, place: Place, scope: str) -> tuple[tuple[int, int], ...]:
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


def _word_doubts_raised(field: str, s: Said, place: Place, reading: Reading) -> Iterable[str]:
    block = s.block
    for doubt, start, end in reading.words:
        if doubt.applies_to(field, block) and any(a <= start and end <= b for a, b in _scope(s, place, doubt.scope)):
            yield doubt.id
    for word in _anchored_of(field):
        doubt = word.doubt
        if not doubt.applies_to(field, block):
            continue
        found = any(word.pattern.found(s.piece[a:b]) for a, b in _scope(s, place, doubt.scope))
        if found != doubt.missing:
            yield doubt.id


def _period_written(text: str, place: Place) -> bool:
    """Whether a pay period is written around the figure ("$52,000 a year", "hourly wage of $25")."""
    before = text[max(0, place.start - 90) : place.start]
    after = text[place.end : place.end + 60]
    return bool(first_match("pay_period_after.jsonl", after) or first_match("pay_period_before.jsonl", before))


@text_cache(maxsize=4096)
def _stored(field: str, rule: str, raised: tuple[str, ...]) -> float:
    """The confidence the stored table gives a rule's fact with these doubts."""
    return confidence(precision_table(), field, rule, raised)


def rate(facts: Facts, sentences: list[Sentence], seg: Segmented, roles: list[RoleInfo],
         table: Table | None = None) -> Facts:
    """The facts, each with its confidence; everything else as it was."""
    measured = table if table is not None else precision_table()
    by_span = {(s.start, s.end): s for s in sentences}
    role_values = _values(roles)
    # Facts of one rule with the same doubts have the same confidence: worked out once.
    known: dict[tuple[str, str, tuple[str, ...]], float] = {}

    def rated(items: list[F]) -> list[F]:
        out: list[F] = []
        for fact in items:
            s = by_span[(fact.evidence.start, fact.evidence.end)]
            key = (field_of(fact), fact.rule, _keyed_doubts(fact, s, seg.sections[s.section], role_values))
            found = known.get(key)
            if found is None:
                found = known[key] = _stored(*key) if table is None else confidence(measured, *key)
            out.append(fact.model_copy(update={"confidence": found}))
        return out

    return replace(facts, duties=rated(facts.duties), requirements=rated(facts.requirements),
                   salaries=rated(facts.salaries), settings=rated(facts.settings), skills=rated(facts.skills))
