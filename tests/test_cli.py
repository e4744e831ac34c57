"""``extract SRC DST`` through click's CliRunner: exit statuses, one-line messages, --help, --version."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import pipeline.batch.storage as storage
from pipeline import VERSION
from pipeline.batch.journal import MANIFEST
from pipeline.cli import main
from tests.batch_inputs import ARTICLE, copy_good
from tests.conftest import ROOT


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_all_ok_exits_0_and_writes_manifest(tmp_path: Path) -> None:
    src = tmp_path / "src"
    names = copy_good(src)
    code, output = invoke(str(src), str(tmp_path / "out"))
    assert code == 0, output
    assert f"{len(names)} inputs: {len(names)} ok, 0 skipped, 0 failed" in output
    lines = (tmp_path / "out" / MANIFEST).read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["status"] for line in lines] == ["ok"] * len(names)
    code, output = invoke(str(src), str(tmp_path / "out"))
    assert code == 0 and f"0 ok, {len(names)} skipped" in output


def test_quiet_prints_nothing(tmp_path: Path) -> None:
    src = tmp_path / "src"
    copy_good(src)
    (src / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    code, output = invoke("-q", str(src), str(tmp_path / "out"))
    assert code == 1 and output == ""


def test_a_failed_input_exits_1_with_one_line(tmp_path: Path) -> None:
    src = tmp_path / "src"
    copy_good(src)
    (src / "bad.md").write_bytes(b"%PDF-1.4\n")
    code, output = invoke(str(src), str(tmp_path / "out"))
    assert code == 1
    assert "failed: bad.md: PipelineError: binary content, not text\n" in output


def test_stale_outputs_are_reported_and_pruned(tmp_path: Path) -> None:
    src, dst = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "b.txt").write_text(ARTICLE, encoding="utf-8")
    assert invoke(str(src), str(dst))[0] == 0
    (src / "b.txt").unlink()
    code, output = invoke(str(src), str(dst))
    assert code == 0 and "stale: b.json (its input is gone)" in output and "kept (use --prune" in output
    assert (dst / "b.json").exists()
    code, output = invoke("--prune", str(src), str(dst))
    assert code == 0 and "pruned: b.json" in output and not (dst / "b.json").exists()


def _usage_error(tmp_path: Path, *args: str) -> str:
    code, output = invoke(*args)
    assert code == 2, output
    lines = output.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), output
    return lines[0]


def test_missing_input_folder_exits_2(tmp_path: Path) -> None:
    line = _usage_error(tmp_path, str(tmp_path / "nope"), str(tmp_path / "out"))
    assert "does not exist" in line
    assert not (tmp_path / "out").exists()


def test_output_inside_input_exits_2(tmp_path: Path) -> None:
    src = tmp_path / "src"
    copy_good(src)
    assert "inside the input folder" in _usage_error(tmp_path, str(src), str(src / "out"))
    assert "inside the input folder" in _usage_error(tmp_path, str(src), str(src))
    assert not (src / "out").exists()


def test_output_is_a_file_exits_2(tmp_path: Path) -> None:
    src = tmp_path / "src"
    copy_good(src)
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert "not a folder" in _usage_error(tmp_path, str(src), str(tmp_path / "file"))
    assert "cannot create output folder" in _usage_error(tmp_path, str(src), str(tmp_path / "file" / "sub"))


def test_unreadable_output_folder_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Simulated: as root (CI) a chmod 000 folder is still readable and writable.
    src, dst = tmp_path / "src", tmp_path / "out"
    copy_good(src)
    dst.mkdir()
    real = storage.os.access  # click checks R_OK alone on existing paths; deny the run's own check

    def access(path: str, mode: int) -> bool:
        return False if Path(path) == dst and mode & os.W_OK else real(path, mode)

    monkeypatch.setattr(storage.os, "access", access)
    assert "is not readable and writable" in _usage_error(tmp_path, str(src), str(dst))


def test_unreadable_manifest_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src, dst = tmp_path / "src", tmp_path / "out"
    copy_good(src)
    dst.mkdir()
    (dst / MANIFEST).write_text("{}\n", encoding="utf-8")
    real = Path.read_bytes

    def deny(self: Path) -> bytes:
        if self.name == MANIFEST:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", deny)
    assert "Permission denied" in _usage_error(tmp_path, str(src), str(dst))


def test_bad_options_exit_2(tmp_path: Path) -> None:
    src = tmp_path / "src"
    copy_good(src)
    for args in (["--max-bytes", "0"], ["--timeout", "-1"], ["--no-such-option"], []):
        code, output = invoke(*args, str(src))
        assert code == 2 and "Error:" in output


def test_help_and_version() -> None:
    code, output = invoke("--help")
    assert code == 0
    for option in ("--force", "--prune", "--max-bytes", "--timeout", "--quiet", "--version"):
        assert option in output
    assert "5242880" in output and "30.0" in output  # the documented defaults
    code, output = invoke("--version")
    assert code == 0 and output.strip() == f"extract, version {VERSION}"


def test_python_m_pipeline_usage_error_has_no_traceback(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "pipeline", str(tmp_path / "missing"), str(tmp_path / "out")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("Error: input folder"), proc.stderr
