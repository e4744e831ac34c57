"""The confidence stage: the doubts a fact raises in its sentence (table-driven, invented sentences),
how a table turns rule and doubts into a confidence, the table's validation, and the facts of a run
all rated."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.process import extracted, process_bytes
from pipeline.rules.loader import RuleFileError
from pipeline.rules.matcher import Pattern
from pipeline.rules.precision import (
    FIELDS,
    Doubt,
    Table,
    confidence,
    doubts_declared,
    precision_table,
    read_table,
)
from pipeline.stages.assemble import assemble
from pipeline.stages.confidence import COMPUTED, doubts, field_of
from pipeline.types import Sentence
from schemas.article import Duty, Evidence, Fact, Requirement, Salary, Setting, Skill
from tests.helpers import BOTH, A, B, article_text
from tests.test_golden import SAMPLE

FACT_FIELDS = ("duties", "requirements", "salaries", "settings", "skills")


def _fact(kind: str, words: str, roles: list[str], evidence: Evidence) -> Fact:
    common: dict[str, Any] = {"roles": roles, "evidence": evidence, "rule": "test"}
    if kind == "salary":
        return Salary(**common, amount=1.0, currency="USD", period="year", statistic="unspecified",
                      annual_amount=1.0, text=words)
    if kind == "education":
        return Requirement(**common, type="education", education_level="bachelor", text=words)
    if kind == "setting":
        return Setting(**common, setting="other", text=words)
    if kind == "skill":
        return Skill(**common, skill=words, kind="soft")
    return Duty(**common, text=words)


def raised(body: str, kind: str, words: str, roles: list[str], heading: str = "Salary",
           profile: bool = False) -> set[str]:
    """The doubts a fact of ``kind`` read from ``words`` (given ``roles``) raises in the invented article."""
    text = article_text(body, heading, role_b=None if profile else "Glaze Chemist")
    _, seg, found, sentences, _, _ = extracted(text.encode("utf-8"), "case.md")
    s: Sentence = next(s for s in sentences if words in s.text)
    return set(doubts(_fact(kind, words, roles, s.evidence()), s, seg.sections[s.section], found))


# (body, section heading, kind of fact, its words, its roles, doubts it raises, doubts it must not raise)
CASES = [
    ("Kiln operators earn $41,000 a year.", "Salary", "salary", "$41,000", [A], set(),
     {"no-period", "hedge-modal", "role-unnamed"}),
    ("Kiln operators earn a median of $41,000.", "Salary", "salary", "$41,000", [A], {"no-period"}, set()),
    ("Glaze chemists earn $68,000 a year. The hourly figure for them is about $32.70.", "Salary", "salary",
     "$32.70", [B], set(), {"no-period"}),
    ("Senior kiln operators can earn up to $60,000 a year.", "Salary", "salary", "$60,000", [A],
     {"hedge-modal", "figure-bound"}, set()),
    ("Glaze chemists earn $90,000 a year or more at large plants.", "Salary", "salary", "$90,000", [B],
     {"figure-bound-after"}, set()),
    ("Glaze chemists earn about $6,000 a year more than kiln operators.", "Salary", "salary", "$6,000", [B],
     {"figure-difference", "roles-contrasted"}, set()),
    ("Kiln operators pay about $300 in exam fees.", "Salary", "salary", "$300", [A], {"figure-not-pay"}, set()),
    ("Freelance glaze chemists charge $0.40 per sample tested.", "Salary", "salary", "$0.40", [B],
     {"figure-per-unit"}, set()),
    ("Kiln operators earn $21 an hour, or about $44,000 a year.", "Salary", "salary", "$21", [A],
     {"several-figures"}, set()),
    ("Plant supervisors, who oversee the kiln operators, earn $70,000 a year.", "Salary", "salary", "$70,000",
     [A], {"other-occupation"}, set()),
    ("Kiln operators earn $41,000 a year.", "Outlook", "salary", "$41,000", [A],
     {"pay-away-from-pay-section"}, set()),
    ("Unlike glaze chemists, who earn $68,000 a year, kiln operators need no degree.", "Salary", "salary",
     "$68,000", [A], {"role-after-fact", "roles-contrasted", "negation-in-sentence"}, set()),
    ("Compared with glaze chemists, the pay is $19 an hour.", "Salary", "salary", "$19", [A],
     {"role-elsewhere"}, set()),
    ("Kiln operators start in the plant. The pay is $19 an hour.", "Salary", "salary", "$19", [A],
     {"role-unnamed"}, {"role-elsewhere"}),
    ("The pay is $19 an hour.", "Salary", "salary", "$19", [A], {"profile-role-unnamed"}, set()),
    ("Neither role requires a bachelor's degree.", "Education", "education", "bachelor's degree", BOTH,
     {"negation"}, set()),
    ("Kiln operators don't need a degree; most employers ask for a high school diploma.", "Education",
     "education", "high school diploma", [A], {"negation-in-sentence"}, {"negation"}),
    ("A few kiln operators go on to earn an associate degree.", "Education", "education", "associate degree", [A],
     {"hedge-some"}, set()),
    ("Glaze chemists need a bachelor's degree; a master's degree is a plus.", "Education", "education",
     "master's degree", [B], {"optional"}, set()),
    ("Kiln operators need a state kiln safety certificate from the fire marshal.", "Education", "education",
     "certificate", [A], set(), set()),
    ("Glaze chemists with a master's degree earn $8,000 more.", "Education", "education", "master's degree", [B],
     {"money-in-sentence"}, set()),
    ("Kiln operators work in factories.", "Work environment", "setting", "factories", [A], set(),
     {"no-place-word", "setting-as-object"}),
    ("Kiln operators advise hospitals on their ventilation.", "Work environment", "setting", "hospitals", [A],
     {"setting-as-object"}, set()),
    ("Kiln operators and glaze chemists work in factories.", "Work environment", "setting", "factories", BOTH,
     {"roles-contrasted"}, {"all-roles-by-default"}),
    ("Both roles work in factories, and some kiln operators can earn up to $60,000 a year.", "Work environment",
     "setting", "factories", BOTH, set(), {"all-roles-by-default", "hedge-modal", "hedge-some", "role-after-fact"}),
    ("Most work in factories.", "Work environment", "setting", "factories", BOTH, {"all-roles-by-default"}, set()),
    ("Glaze chemists study ceramics in degree programs held at universities.", "Work environment", "setting",
     "universities", [B], {"study-words"}, set()),
    ("Kiln operators need stamina. Do they also need patience? Most say yes.", "Skills", "skill", "patience", [A],
     {"question"}, set()),
    ("Kiln operators need no formal education.", "Education", "education", "no formal education", [A], set(),
     {"negation", "negation-in-sentence"}),
]


@pytest.mark.parametrize(("body", "heading", "kind", "words", "roles", "expected", "absent"), CASES)
def test_doubts_a_fact_raises(body: str, heading: str, kind: str, words: str, roles: list[str], expected: set[str],
                              absent: set[str]) -> None:
    got = raised(body, kind, words, roles, heading, profile=body.startswith("The pay is"))
    assert expected <= got, f"missing {expected - got}; raised {got}"
    assert not absent & got, f"raised {absent & got}"


def test_a_fact_with_no_role_raises_only_that() -> None:
    got = raised("Kiln operators earn $41,000 a year.", "salary", "$41,000", [])
    assert "no-role" in got and not {"role-unnamed", "role-elsewhere", "roles-contrasted"} & got


def test_every_doubt_is_declared_once_and_computed_ones_have_no_words() -> None:
    declared = doubts_declared()
    ids = [d.id for d in declared]
    assert len(ids) == len(set(ids))
    assert set(COMPUTED) <= set(ids)
    for d in declared:
        assert bool(d.pattern) != (d.id in COMPUTED or bool(d.sections)), d.id
        assert set(d.fields) <= set(FIELDS)


@pytest.mark.parametrize("doubt", [d for d in doubts_declared() if d.pattern], ids=lambda d: d.id)
def test_a_doubt_gate_opens_for_its_own_matches(doubt: Doubt) -> None:
    """The doubts run as gated matchers: strings made from a doubt's regex always pass its gate."""
    pattern = Pattern(doubt.pattern)

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(pattern.regex))
    def check(text: str) -> None:
        assert pattern.gate.open(text, text.casefold()), text

    check()


def _table(**changes: Any) -> Table:
    data = json.loads(json.dumps(precision_table().model_dump()))
    data.update(changes)
    return Table.model_validate(data)


def test_confidence_is_the_rule_base_lowered_by_each_doubt() -> None:
    table = _table(fields={"salaries": {"facts": 10, "right": 9, "base": 0.9}},
                   rules={"salaries": {"salary-prose": {"facts": 100, "right": 98, "base": 0.98}}},
                   doubts={"no-period": {"facts": 10, "right": 7, "weight": -1.0,
                                         "fields": {"salaries": {"facts": 8, "right": 5, "weight": -2.0}}},
                           "hedge-modal": {"facts": 5, "right": 4, "weight": -0.5}}, caps=[])
    plain = confidence(table, "salaries", "salary-prose", [])
    assert plain == 0.98
    one = confidence(table, "salaries", "salary-prose", ["hedge-modal"])
    two = confidence(table, "salaries", "salary-prose", ["hedge-modal", "no-period"])
    assert plain > one > two > 0
    # A doubt weighs by kind of fact where measured on it; a rule not in the table takes its kind's base,
    # a kind not in the table the default; an unmeasured doubt the prior's weight.
    assert confidence(table, "skills", "x", ["no-period"]) < confidence(table, "skills", "x", [])
    assert confidence(table, "salaries", "salary-new", []) == 0.9
    assert confidence(table, "requirements", "license", []) == int(table.default * 100) / 100
    assert table.weight("never-measured", "salaries") == table.prior.doubt_weight


def test_a_cap_lowers_the_confidences_at_or_above_it() -> None:
    table = _table(fields={"salaries": {"facts": 10, "right": 9, "base": 0.99}}, rules={},
                   caps=[{"raw": 0.9, "cap": 0.88}, {"raw": 0.97, "cap": 0.95}])
    assert confidence(table, "salaries", "x", []) == 0.95
    assert table.capped(0.93) == 0.88 and table.capped(0.89) == 0.89 and table.capped(0.5) == 0.5


@pytest.mark.parametrize(("change", "message"), [
    ({"caps": [{"raw": 0.9, "cap": 0.95}]}, "at or above its confidence"),
    ({"caps": [{"raw": 0.97, "cap": 0.9}, {"raw": 0.9, "cap": 0.85}]}, "rise with"),
    ({"doubts": {"made-up": {"facts": 1, "right": 1, "weight": -1.0}}}, "not declared"),
    ({"fields": {"salaries": {"facts": 1, "right": 2, "base": 0.9}}}, "exceeds"),
    ({"fields": {"salaries": {"facts": 1, "right": 1, "base": 1.0}}}, "less than 1"),
    ({"rules": {"wages": {}}}, "unknown kinds"),
    ({"doubts": {"no-period": {"facts": 1, "right": 1, "weight": 0.5}}}, "less than or equal to 0"),
])
def test_a_bad_table_fails_to_load_saying_why(change: dict[str, Any], message: str) -> None:
    data = precision_table().model_dump()
    data.update(change)
    with pytest.raises(RuleFileError, match=message):
        read_table(json.dumps(data))


def test_a_table_that_is_no_json_fails_naming_its_file() -> None:
    with pytest.raises(RuleFileError, match="rule_precision.json"):
        read_table("{not json")


def test_every_fact_of_a_run_is_rated_and_nothing_else_changes() -> None:
    article = process_bytes(SAMPLE.read_bytes(), SAMPLE.name)
    doc, seg, roles, _, facts, relevance = extracted(SAMPLE.read_bytes(), SAMPLE.name)
    unrated = assemble(doc, seg, roles, facts, relevance)
    for name in FACT_FIELDS:
        rated = getattr(article, name)
        assert rated and all(0 < f.confidence <= 1 for f in rated)
        assert all(f.confidence == 0 for f in getattr(unrated, name))
    assert article.model_dump(exclude=set(FACT_FIELDS)) == unrated.model_dump(exclude=set(FACT_FIELDS))
    for name in FACT_FIELDS:
        assert [f.model_dump(exclude={"confidence"}) for f in getattr(article, name)] == \
               [f.model_dump(exclude={"confidence"}) for f in getattr(unrated, name)]
    assert {field_of(f) for f in article.requirements} <= set(FIELDS)


def test_a_negated_level_is_trusted_less_than_a_stated_one() -> None:
    text = article_text("Neither job requires a four-year degree, but both need a high school diploma.",
                        "Education", "Roofer", "Sheet Metal Worker")
    article = process_bytes(text.encode("utf-8"), "case.md")
    levels = {q.education_level: q.confidence for q in article.requirements if q.education_level}
    assert levels.get("bachelor", 0.0) < min(0.9, levels["high_school"])
