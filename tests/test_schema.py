"""The JSON Schema file is generated from the pydantic models and every output validates."""

from __future__ import annotations

import json

import jsonschema
import pytest

from pipeline.process import process_bytes
from schemas.__main__ import PROFILE_SCHEMA_PATH, SCHEMA_PATH, render
from schemas.article import Article
from schemas.profile import Profile
from tests.conftest import DEV, ROOT

FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("*.*")) + [ROOT / "raw" / "medical-coder-vs-medical-biller.txt"]


def test_schema_file_is_current() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render(), "run `python -m schemas` and commit the result"
    assert PROFILE_SCHEMA_PATH.read_text(encoding="utf-8") == render(Profile), "run `python -m schemas`"


def check(article_json: str) -> None:
    data = json.loads(article_json)
    jsonschema.validate(data, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    Article.model_validate(data)
    text = data["text"]
    for field in ("duties", "requirements", "salaries", "settings", "skills"):
        for fact in data[field]:
            ev = fact["evidence"]
            assert 0 <= ev["start"] < ev["end"] <= len(text)
            assert 0 <= ev["section"] < len(data["sections"])
    for sec in data["sections"]:
        assert 0 <= sec["start"] <= sec["end"] <= len(text)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_fixture_outputs_validate(path) -> None:  # type: ignore[no-untyped-def]
    check(process_bytes(path.read_bytes(), path.name).model_dump_json())


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/corpus/dev is absent")
def test_dev_outputs_validate() -> None:
    for path in sorted(DEV.iterdir()):
        if path.name.endswith(".gold.json"):
            continue
        check(process_bytes(path.read_bytes(), path.name).model_dump_json())


def test_the_facts_of_one_sentence_share_one_frozen_evidence() -> None:
    body = b"Kiln Operator vs. Glaze Chemist\n\nKiln operators need a high school diploma and work in factories.\n"
    article = process_bytes(body, "kiln.txt")
    facts = [*article.requirements, *article.settings]
    assert len(facts) >= 2 and len({id(f.evidence) for f in facts}) == 1
    with pytest.raises(ValueError):
        facts[0].evidence.start = 0
