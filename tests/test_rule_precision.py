"""The measurement behind confidence: facts judged against labels as the scorer judges them (invented
articles), and, where ../shared is there, the stored table is what a rerun gives, the judging counts
what score.py counts, and confidence keeps its promise and its floors on the labelled corpora."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pipeline.process import process_bytes
from pipeline.rules.loader import DATA
from pipeline.rules.precision import TABLE, read_table
from schemas.article import Article
from scripts.gold_match import SCORED, Gold, field_facts, token_f1
from scripts.rule_precision import NAMES, Labelled, calibration, measure, rater, render, tallies
from tests.conftest import ROOT, SHARED
from tests.helpers import article_text

FLOORS = json.loads((ROOT / "quality_floors.json").read_text(encoding="utf-8"))["confidence"]
CORPORA = SHARED / "corpus"
SCORER = SHARED / "tools" / "score.py"

BODY = ("Kiln operators earn $41,000 a year, while glaze chemists earn $68,000 a year.\n\n"
        "Kiln operators need a high school diploma. Glaze chemists need a bachelor's degree.\n\n"
        "Both work in factories.")


def _article() -> Article:
    return process_bytes(article_text(BODY, "Pay and training").encode("utf-8"), "case.md")


def _judged(gold: dict[str, Any], name: str) -> list[tuple[str, bool | None]]:
    article = _article()
    facts = field_facts(article, name)
    right = Gold({"roles": ["Kiln Operator", "Glaze Chemist"], **gold}, article).match(name, facts).right
    return [(getattr(f, "education_level", None) or getattr(f, "text", ""), r) for f, r in zip(facts, right,
                                                                                                strict=True)]


def test_a_salary_is_right_within_one_percent_for_its_own_role() -> None:
    judged = _judged({"salaries": [{"role": "Kiln Operator", "amount": 41200, "period": "year"},
                                   {"role": "Kiln Operator", "amount": 68000, "period": "year"}]}, "salaries")
    assert judged == [("$41,000", True), ("$68,000", False)]


def test_levels_and_settings_are_role_value_pairs_and_star_is_every_role() -> None:
    levels = dict(_judged({"education": [{"role": "Kiln Operator", "level": "high_school"}]}, "education"))
    assert levels == {"high_school": True, "bachelor": False}
    article = _article()
    both = Gold({"roles": ["Kiln Operator", "Glaze Chemist"], "settings": [
        {"role": "*", "setting": "manufacturing_plant"}]}, article).match("settings", article.settings)
    assert both.right == [True] and (both.tally.tp, both.tally.fp, both.tally.fn) == (2, 0, 0)
    one = Gold({"roles": ["Kiln Operator", "Glaze Chemist"], "settings": [
        {"role": "Kiln Operator", "setting": "manufacturing_plant"}]}, article).match("settings", article.settings)
    assert one.right == [False] and (one.tally.tp, one.tally.fp) == (1, 1)  # right value, a role too many


def test_a_field_the_labels_leave_out_is_not_judged() -> None:
    article = _article()
    gold = Gold({"roles": ["Kiln Operator", "Glaze Chemist"]}, article)
    assert gold.match("salaries", article.salaries).right == [None, None]


def test_duties_match_by_content_words() -> None:
    assert token_f1("load the kilns and fire the ware", "load kilns") >= 0.5
    assert token_f1("mix glazes", "load kilns") == 0.0


# On the labelled corpora (../shared).


@pytest.fixture(scope="module")
def measured() -> tuple[Any, list[Labelled]]:
    if not all((CORPORA / name).is_dir() for name in NAMES) or not SCORER.is_file():
        pytest.skip("../shared is absent")
    return measure(CORPORA)


def test_the_stored_table_is_what_a_rerun_gives(measured: tuple[Any, list[Labelled]]) -> None:
    table, _ = measured
    stored = (DATA / TABLE).read_text(encoding="utf-8")
    assert read_table(stored) == table and stored == render(table), (
        "pipeline/data/rule_precision.json is stale: run python -m scripts.rule_precision")


def test_facts_are_counted_as_the_scorer_counts_them(measured: tuple[Any, list[Labelled]], tmp_path: Path) -> None:
    _, articles = measured
    for corpus in NAMES:
        out = tmp_path / corpus
        out.mkdir()
        mine = [a for a in articles if a.corpus == corpus]
        for a in mine:
            (out / f"{a.name}.json").write_text(a.article.model_dump_json(), encoding="utf-8")
        lines = subprocess.run([sys.executable, str(SCORER), str(out), str(CORPORA / corpus), "--json"],
                               capture_output=True, text=True, check=True).stdout.splitlines()
        scored = json.loads(next(line for line in lines if line.startswith("{")))
        counted = tallies(mine, lambda article, j: 1.0, 0.0)
        for name in SCORED:
            if name in scored:
                t = counted[name]
                assert (t.tp, t.fp, t.fn) == (scored[name]["tp"], scored[name]["fp"], scored[name]["fn"]), (
                    corpus, name)


def test_confidence_keeps_its_promise_on_the_labelled_corpora(measured: tuple[Any, list[Labelled]]) -> None:
    """Of the facts at confidence c or above, at least a share c is right, for every c a fact has."""
    table, articles = measured
    broken = [(c, n, share) for c, n, share in calibration(articles, rater(table)) if share < c]
    assert not broken, broken


@pytest.mark.parametrize("field", [f for f in FLOORS if not f.startswith("_") and f != "threshold"])
def test_facts_above_the_threshold_hold_their_floors(measured: tuple[Any, list[Labelled]], field: str) -> None:
    table, articles = measured
    threshold = FLOORS["threshold"]
    high = tallies(articles, rater(table), threshold)[field]
    low = tallies(articles, rater(table), threshold, above=False)[field]
    floor = FLOORS[field]
    assert high.precision >= floor["precision"], f"{field}: precision {high.precision:.3f} at >= {threshold}"
    assert high.recall >= floor["recall"], f"{field}: recall {high.recall:.3f} at >= {threshold}"
    if high.fp + low.fp:
        # Where some facts of the field are wrong, the threshold ranks them: the facts below it exist
        # and are less precise. A field whose facts are all right on the corpora has nothing to rank.
        assert low.tp + low.fp and low.precision < high.precision, f"{field}: no less precise facts below {threshold}"
