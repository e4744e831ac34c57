"""Every rule and lexicon file loads, validates and has unique ids; a bad file fails with its line;
every rule id a fact carries is in ``pipeline/data``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.process import process_bytes
from pipeline.rules import loader as rules
from pipeline.rules.loader import DATA, PatternRule, PhraseRule, RuleFileError
from pipeline.types import PipelineError
from schemas.article import Article
from tests.conftest import DEV, ROOT

PATTERN_FILES = ["attribution.jsonl", "boilerplate.jsonl", "content_kinds.jsonl", "countries.jsonl",
                 "doubt_clauses.jsonl", "duty_patterns.jsonl", "education.jsonl", "html_patterns.jsonl",
                 "negation.jsonl", "pay_period_after.jsonl", "pay_period_before.jsonl",
                 "pay_statistic_after.jsonl", "pay_statistic_before.jsonl", "promises.jsonl",
                 "requirement_patterns.jsonl", "role_patterns.jsonl", "salary_distractors.jsonl",
                 "salary_patterns.jsonl", "section_kinds.jsonl", "setting_patterns.jsonl", "skill_patterns.jsonl",
                 "title_patterns.jsonl", "reference_years.jsonl"]
PHRASE_FILES = ["settings.jsonl", "skills.jsonl"]
OTHER_FILES = ["cues.jsonl", "procedures.jsonl", "occupations.jsonl", "relevance.jsonl", "doubts.jsonl"]
FIXTURES = ROOT / "tests" / "fixtures"


@pytest.mark.parametrize("name", PATTERN_FILES)
def test_pattern_files_load(name: str) -> None:
    loaded = rules.pattern_rules(name)
    assert loaded and all(isinstance(r, PatternRule) for r in loaded)
    assert len({r.id for r in loaded}) == len(loaded)


@pytest.mark.parametrize("name", PHRASE_FILES)
def test_phrase_files_load(name: str) -> None:
    loaded = rules.phrase_rules(name)
    assert loaded and all(isinstance(r, PhraseRule) and r.phrases for r in loaded)


def test_every_jsonl_file_is_covered() -> None:
    assert {p.name for p in DATA.glob("*.jsonl")} == set(PATTERN_FILES) | set(PHRASE_FILES) | set(OTHER_FILES)


def test_cue_words_and_procedures_load() -> None:
    cues = rules.cue_rules("cues.jsonl")
    assert cues and all(c.words or c.stems or c.phrases for c in cues.values())
    assert rules.procedure("salary-prose") == "salary-prose"


def test_code_asks_only_for_rules_that_are_there() -> None:
    with pytest.raises(RuleFileError, match="no rule 'nope'"):
        rules.rule("negation.jsonl", "nope")
    with pytest.raises(RuleFileError, match="no rule 'nope'"):
        rules.procedure("nope")


def _all_ids() -> set[str]:
    ids: set[str] = set()
    for path in DATA.glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.lstrip().startswith("//"):
                ids.add(json.loads(line)["id"])
    return ids


def _fact_rules(article: Article) -> set[str]:
    facts = [*article.duties, *article.requirements, *article.salaries, *article.settings, *article.skills]
    return {fact.rule for fact in facts}


def _inputs() -> list[Path]:
    found = [*sorted((ROOT / "raw").glob("*.*")), *sorted(p for p in FIXTURES.rglob("*.*") if p.is_file())]
    if DEV.is_dir():
        found += sorted(p for p in DEV.glob("*.*") if not p.name.endswith(".gold.json"))
    return [p for p in found if p.suffix in (".txt", ".md", ".html", ".htm", ".markdown")]


def test_every_rule_a_fact_carries_is_in_the_data() -> None:
    known = _all_ids()
    carried: set[str] = set()
    for path in _inputs():
        try:
            carried |= _fact_rules(process_bytes(path.read_bytes(), path.name))
        except PipelineError:
            continue  # the fixtures of bad inputs
    assert carried and carried <= known, sorted(carried - known)


def test_a_bad_rule_reports_file_and_line(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x", "pattern": "(", "value": "v"}) + "\n", encoding="utf-8")
    monkeypatch.setattr(rules, "DATA", tmp_path)
    with pytest.raises(RuleFileError, match=r"bad\.jsonl:1"):
        rules._read_jsonl("bad.jsonl", PatternRule)


def test_setting_values_are_in_the_contract() -> None:
    from typing import get_args

    from schemas.article import SettingValue

    assert {r.value for r in rules.phrase_rules("settings.jsonl")} <= set(get_args(SettingValue))


def test_pay_and_requirement_values_are_in_the_contract() -> None:
    from typing import get_args

    from schemas.article import Period, RequirementType, Statistic

    periods = {r.value for name in ("pay_period_after.jsonl", "pay_period_before.jsonl")
               for r in rules.pattern_rules(name)}
    statistics = {r.value for name in ("pay_statistic_after.jsonl", "pay_statistic_before.jsonl")
                  for r in rules.pattern_rules(name)}
    types = {r.value for r in rules.pattern_rules("requirement_patterns.jsonl") if r.value}
    assert periods <= set(get_args(Period))
    assert statistics <= set(get_args(Statistic))
    assert types <= set(get_args(RequirementType))


def test_education_values_are_in_the_contract() -> None:
    from typing import get_args

    from schemas.article import EducationLevel

    assert {r.value for r in rules.pattern_rules("education.jsonl")} <= set(get_args(EducationLevel))


def test_occupation_gazetteer_loads() -> None:
    loaded = rules.occupation_rules()
    codes = {r.soc for r in loaded}
    assert len(codes) > 800 and all(r.phrases and r.phrases == sorted(r.phrases) for r in loaded)
    phrases = [p for r in loaded for p in r.phrases]
    assert len(phrases) == len(set(phrases)), "a phrase names one occupation"
    assert (DATA / "occupations.jsonl").stat().st_size < 2_000_000


@pytest.mark.parametrize("pattern", [r"(?<=\w+)er", r"(?<!(?:a|bc))x"])
def test_a_rule_that_would_not_compile_fails_on_load(tmp_path, monkeypatch, pattern: str) -> None:  # type: ignore[no-untyped-def]
    """Rules are parsed on load and compiled on first use: a look-behind of varying width still fails on load."""
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x", "pattern": pattern, "value": "v"}) + "\n", encoding="utf-8")
    monkeypatch.setattr(rules, "DATA", tmp_path)
    with pytest.raises(RuleFileError, match=r"(?s)bad\.jsonl:1: .*look-behind requires fixed-width"):
        rules._read_jsonl("bad.jsonl", PatternRule)


def test_every_rule_compiles() -> None:
    for path in sorted(DATA.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            entry = json.loads(line) if line.strip() and not line.lstrip().startswith("//") else {}
            if "pattern" in entry:
                re.compile(entry["pattern"], 0 if entry.get("case_sensitive") else re.IGNORECASE)


def test_a_line_that_is_not_json_reports_file_and_line(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "pattern": "a", "value": "v"}\n{"id": "b", "pattern": "b"\n', encoding="utf-8")
    monkeypatch.setattr(rules, "DATA", tmp_path)
    with pytest.raises(RuleFileError, match=r"(?s)bad\.jsonl:2: .*Invalid JSON"):
        rules._read_jsonl("bad.jsonl", PatternRule)
