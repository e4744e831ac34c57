"""The measured precision of rules and the weight of doubts: what the confidence stage reads.

``data/doubts.jsonl`` declares the doubts (``Doubt``); ``data/rule_precision.json`` (``Table``), written by
``scripts/rule_precision.py`` from labelled articles, holds each rule's smoothed precision (its base),
each doubt's weight in log-odds, and the caps held-out articles set. ``confidence`` turns a rule and the
doubts a fact raised into the fact's confidence. See ``docs/confidence.md``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from functools import cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from pipeline.rules.loader import DATA, Exampled, RuleFileError, _read_jsonl

TABLE = "rule_precision.json"
DOUBTS = "doubts.jsonl"
# The kinds of fact, as the table counts them: education levels are measured apart from other requirements.
FIELDS = ("salaries", "education", "requirements", "settings", "duties", "skills")


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



@cache
def doubts_declared() -> tuple[Doubt, ...]:
    return _read_jsonl(DOUBTS, Doubt)



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
