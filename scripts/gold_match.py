"""Facts matched to gold labels as ``../shared/tools/score.py`` matches them (``../shared/spec/GOLD.md``).

- roles by lower-cased singular name; a gold fact of role ``*`` is one item per gold role;
- salaries one-to-one by role, period, currency and amount (or min and max) within 1%;
- education levels and settings as sets of (role, value) pairs;
- duties and skills one-to-one by role and content-word overlap (token F1 at least 0.5).

A fact is one item per role it names; ``judge`` calls it right when every one of its items is matched
(value and roles right), and leaves it unjudged when it names no role or the labels do not cover its
kind. ``tally`` counts items as the scorer does, over the facts a predicate keeps.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from schemas.article import Article, Duty, Fact, Requirement, Salary, Setting, Skill

# The scorer's stop words: left out of the content words duties and skills are compared by.
STOP_WORDS = (
    "a an the and or of to for in on at by with from as into their his her its "
    "they them it is are be been being that this these those such other all any "
    "each both who which what when where how also may can will would should must "
    "often typically usually more most some many much very"
)
STOP = frozenset(STOP_WORDS.split(" "))
SCORED = ("salaries", "education", "settings", "duties", "skills")


def singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def norm_role(name: str) -> str:
    words = re.findall(r"[a-z0-9]+", (name or "").lower())
    if words:
        words[-1] = singular(words[-1])
    return " ".join(words)


def _stem(word: str) -> str:
    word = singular(word)
    for suffix in ("ing", "ed", "es"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _content(text: str) -> list[str]:
    return [_stem(w) for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if w not in STOP]


def token_f1(a: str, b: str) -> float:
    ta, tb = Counter(_content(a)), Counter(_content(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


def _close(a: float | None, b: Any) -> bool:
    if a is None or b is None:
        return False
    return abs(a - float(b)) <= 0.01 * max(abs(float(b)), 1e-9)


def salary_matches(p: Salary, g: dict[str, Any]) -> bool:
    if p.period != (g.get("period") or "").lower() or p.currency.upper() != (g.get("currency") or "USD").upper():
        return False
    if g.get("amount") is not None:
        return _close(p.amount, g["amount"])
    return _close(p.min, g.get("min")) and _close(p.max, g.get("max"))


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def field_facts(article: Article, name: str) -> list[Fact]:
    """The facts of a scored field: education is the requirements that give a level."""
    if name == "education":
        return [q for q in article.requirements if q.type == "education" and q.education_level]
    facts: list[Fact] = getattr(article, name)
    return facts


def _value(fact: Fact) -> str:
    if isinstance(fact, Requirement):
        return fact.education_level or ""
    if isinstance(fact, Setting):
        return fact.setting
    if isinstance(fact, Skill):
        return fact.skill
    assert isinstance(fact, Duty)
    return fact.text


@dataclass
class Match:
    """A field of one article matched: item counts, and for each fact whether all its items matched."""

    tally: Tally = field(default_factory=Tally)
    right: list[bool | None] = field(default_factory=list)


class Gold:
    """An article's labels with its output's role names, ready to match facts of any field."""

    def __init__(self, labels: dict[str, Any], article: Article) -> None:
        self.labels = labels
        self.names = [norm_role(r) for r in labels.get("roles", [])]
        self.role_names = {r.id: norm_role(r.name or r.id) for r in article.roles}

    def items(self, name: str, key: str) -> list[tuple[str, Any]]:
        return [(role, g if key == "" else g[key]) for g in self.labels[name]
                for role in (self.names if g.get("role", "*") == "*" else [norm_role(g["role"])])]

    def roles_of(self, fact: Fact) -> list[str]:
        return [self.role_names.get(r, "?" + r) for r in fact.roles]

    def match(self, name: str, facts: list[Fact], keep: Callable[[int], bool] = lambda i: True) -> Match:
        """Match the kept facts of field ``name`` (``keep`` takes a fact's index in ``facts``); the labels
        of an article that leave the field out judge nothing."""
        if name not in self.labels:
            return Match(right=[None] * len(facts))
        kept = [(i, f) for i, f in enumerate(facts) if keep(i)]
        pred = [(i, role, f) for i, f in kept for role in self.roles_of(f)]
        if name == "salaries":
            used = self._salaries(pred)
        elif name in ("education", "settings"):
            gold = set(self.items(name, "level" if name == "education" else "setting"))
            used = {n for n, (_, role, f) in enumerate(pred) if (role, _value(f)) in gold}
            unique = {(role, _value(f)) for _, role, f in pred}
            out = Match(Tally(len(unique & gold), len(unique - gold), len(gold - unique)))
            return self._judged(out, facts, pred, used)
        else:
            used = self._fuzzy(pred, self.items(name, "text" if name == "duties" else "skill"))
        gold_count = len(self.items(name, ""))
        return self._judged(Match(Tally(len(used), len(pred) - len(used), gold_count - len(used))), facts, pred, used)

    @staticmethod
    def _judged(out: Match, facts: list[Fact], pred: list[tuple[int, str, Fact]], used: set[int]) -> Match:
        right: list[bool | None] = [None] * len(facts)
        for n, (i, _, _) in enumerate(pred):
            right[i] = (right[i] is not False) and n in used
        out.right = right
        return out

    def _salaries(self, pred: list[tuple[int, str, Fact]]) -> set[int]:
        used: set[int] = set()
        for role, g in self.items("salaries", ""):
            for n, (_, prole, p) in enumerate(pred):
                if n not in used and prole == role and isinstance(p, Salary) and salary_matches(p, g):
                    used.add(n)
                    break
        return used

    @staticmethod
    def _fuzzy(pred: list[tuple[int, str, Fact]], gold: list[tuple[str, Any]]) -> set[int]:
        used: set[int] = set()
        for grole, gtext in gold:
            best, best_n = 0.0, -1
            for n, (_, prole, p) in enumerate(pred):
                if n in used or prole != grole:
                    continue
                score = token_f1(_value(p), str(gtext))
                if score > best:
                    best, best_n = score, n
            if best >= 0.5:
                used.add(best_n)
        return used
