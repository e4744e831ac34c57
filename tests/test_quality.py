"""Quality gate: each labelled corpus of ../shared/corpus, scored by its own scorer, stays at or above
the floors pinned in quality_floors.json (skips when ../shared is absent)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.batch.runner import Options, run
from tests.conftest import ROOT, SHARED

CORPUS = SHARED / "corpus"
TOOLS = SHARED / "tools"
FLOORS = json.loads((ROOT / "quality_floors.json").read_text(encoding="utf-8"))
# Lower is better for these: their floor is a ceiling.
CEILINGS = {"all_workers"}


def _scores(name: str, out: Path) -> dict[str, float]:
    if name == "bls":
        command = [sys.executable, str(TOOLS / "bls_check.py"), str(out), str(CORPUS / "bls" / "gold.jsonl"), "--json"]
    else:
        command = [sys.executable, str(TOOLS / "score.py"), str(out), str(CORPUS / name), "--json"]
    lines = subprocess.run(command, capture_output=True, text=True, check=True).stdout.splitlines()
    result = json.loads(next(line for line in lines if line.startswith("{")))
    if name == "bls":
        return {key: float(value) for key, value in result["rates"].items()}
    return {key: float(value if key in ("overall", "grounding", "boilerplate") else value["f1"])
            for key, value in result.items() if key in FLOORS[name]}


@pytest.mark.parametrize("name", ["dev", "realish", "prose", "bls"])
def test_scores_stay_at_their_floors(name: str, tmp_path: Path) -> None:
    if not (CORPUS / name).is_dir() or not TOOLS.is_dir():
        pytest.skip("../shared is absent")
    summary = run(CORPUS / name, tmp_path / "out", Options(workers=2))
    assert summary.count("failed") == 0
    scores = _scores(name, tmp_path / "out")
    for key, floor in FLOORS[name].items():
        if key in CEILINGS:
            assert scores[key] <= floor, f"{name} {key} {scores[key]:.3f} rose above its ceiling {floor}"
        else:
            assert scores[key] >= floor, f"{name} {key} {scores[key]:.3f} fell below its floor {floor}"
