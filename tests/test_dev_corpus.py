"""Quality gate: the dev corpus scored by ../shared/tools/score.py must stay above the pinned floors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.batch.runner import Options, run
from tests.conftest import DEV, ROOT, SHARED

SCORER = SHARED / "tools" / "score.py"
pytestmark = pytest.mark.skipif(not (DEV.is_dir() and SCORER.is_file()), reason="../shared is absent")


def test_dev_scores_stay_above_floors(tmp_path: Path) -> None:
    summary = run(DEV, tmp_path / "out", Options())
    assert summary.count("failed") == 0
    proc = subprocess.run([sys.executable, str(SCORER), str(tmp_path / "out"), str(DEV), "--json"],
                          capture_output=True, text=True, check=True)
    result = json.loads(proc.stdout.strip().splitlines()[-2])
    floors = json.loads((ROOT / "quality_floors.json").read_text(encoding="utf-8"))
    for key, floor in floors.items():
        if key.startswith("_"):
            continue
        got = result[key] if key in ("overall", "grounding", "boilerplate") else result[key]["f1"]
        assert got >= floor, f"{key} {got} fell below its floor {floor}"
