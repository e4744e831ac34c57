"""Golden JSON for the sample article; regenerate only with ``pytest --update-golden``."""

from __future__ import annotations

import json

from pipeline.process import process_bytes
from tests.conftest import ROOT

SAMPLE = ROOT / "raw" / "medical-coder-vs-medical-biller.txt"
GOLDEN = ROOT / "tests" / "golden" / "medical-coder-vs-medical-biller.json"


def render() -> str:
    return process_bytes(SAMPLE.read_bytes(), SAMPLE.name).model_dump_json(indent=2) + "\n"


def test_sample_matches_golden(update_golden: bool) -> None:
    got = render()
    if update_golden:
        GOLDEN.write_text(got, encoding="utf-8")
    assert json.loads(got) == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_sample_acceptance_facts() -> None:
    article = json.loads(render())
    assert [r["name"] for r in article["roles"]] == ["Medical Coder", "Medical Biller"]
    pay = {(tuple(s["roles"]), s["amount"], s["currency"], s["period"]) for s in article["salaries"]}
    assert (("medical-coder",), 54972, "USD", "year") in pay
    assert (("medical-biller",), 41777, "USD", "year") in pay
    levels = {(r, q["education_level"]) for q in article["requirements"] if q["type"] == "education"
              for r in q["roles"]}
    for role in ("medical-coder", "medical-biller"):
        assert (role, "postsecondary_nondegree") in levels
        assert (role, "associate") in levels
    for noise in ("Back to Job Search", "Immunologist vs. Rheumatologist", "Physician Assistant vs. Physician"):
        assert noise not in article["text"]


def test_runs_are_deterministic() -> None:
    assert render() == render()
