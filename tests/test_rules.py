"""Every rule and lexicon file loads, validates and has unique ids; a bad file fails with its line."""

from __future__ import annotations

import json

import pytest

from pipeline.rules import loader as rules
from pipeline.rules.loader import DATA, PatternRule, PhraseRule, RuleFileError

PATTERN_FILES = ["boilerplate.jsonl", "content_kinds.jsonl", "education.jsonl", "salary_distractors.jsonl",
                 "section_kinds.jsonl", "title_patterns.jsonl"]
PHRASE_FILES = ["settings.jsonl", "skills.jsonl"]


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
    assert {p.name for p in DATA.glob("*.jsonl")} == set(PATTERN_FILES) | set(PHRASE_FILES)


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


def test_education_values_are_in_the_contract() -> None:
    from typing import get_args

    from schemas.article import EducationLevel

    assert {r.value for r in rules.pattern_rules("education.jsonl")} <= set(get_args(EducationLevel))
