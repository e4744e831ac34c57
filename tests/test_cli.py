"""``extract SRC DST`` through click's CliRunner: exit statuses, one-line messages, --help, --version."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline import VERSION
from pipeline.batch.journal import MANIFEST
from pipeline.cli import main
from tests.batch_inputs import ARTICLE, IS_ROOT, copy_good
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


def test_help_lists_every_command_on_one_line() -> None:
    code, output = invoke("--help")
    assert code == 0
    listed = output.split("Commands:\n", 1)[1].splitlines()
    assert [line.split()[0] for line in listed] == list(main.commands)  # type: ignore[attr-defined]
    assert {"run", "review", "export"} <= set(main.commands)  # type: ignore[attr-defined]
    assert all(len(line.split(maxsplit=1)) == 2 for line in listed)  # each with its one line of help
    assert invoke("-h") == (code, output)
    code, output = invoke("run", "--help")
    assert code == 0
    for option in ("--force", "--prune", "--max-bytes", "--timeout", "--workers", "--quiet"):
        assert option in output
    assert "5242880" in output and "30.0" in output  # the documented defaults
    for command in ("review", "export"):
        code, output = invoke(command, "-h")
        assert code == 0 and f"Usage: extract {command}" in output.replace("main", "extract")


def test_version() -> None:
    code, output = invoke("--version")
    assert code == 0 and output.strip() == f"extract, version {VERSION}"


def test_python_m_pipeline_usage_error_has_no_traceback(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "pipeline", str(tmp_path / "missing"), str(tmp_path / "out")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith("Error: input folder"), proc.stderr


# -- the command line: commands, options before or after them, a command name that is also a path --

@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An output folder of one article."""
    src, dst = tmp_path_factory.mktemp("src"), tmp_path_factory.mktemp("out")
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    code, output = invoke("-q", str(src), str(dst))
    assert code == 0, output
    return dst


@pytest.mark.parametrize("args", [
    ["-q", "export", "{out}", "{dest}", "--format", "jsonl"],
    ["export", "-q", "{out}", "{dest}", "--format", "jsonl"],
    ["export", "{out}", "{dest}", "--format", "jsonl", "-q"],
    ["--quiet", "review", "{out}"],
    ["review", "{out}", "--quiet"],
], ids=["before", "after-name", "at-end", "review-before", "review-at-end"])
def test_options_before_or_after_the_command(out: Path, tmp_path: Path, args: list[str]) -> None:
    code, output = invoke(*(a.format(out=out, dest=tmp_path) for a in args))
    assert code == 0 and output == ""


def test_src_dst_is_run(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    for args in ([str(src), str(tmp_path / "one")], ["run", str(src), str(tmp_path / "two")],
                 ["--force", str(src), str(tmp_path / "three")], ["-j", "1", str(src), str(tmp_path / "four")]):
        code, output = invoke(*args)
        assert code == 0 and "1 input: 1 ok" in output, (args, output)


def test_a_command_name_that_is_also_a_folder_is_an_error(out: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("export", "review"):
        Path(name).mkdir()
        Path(name, "a.txt").write_text(ARTICLE, encoding="utf-8")
        code, output = invoke(name, "result")
        assert code == 2 and output.count("\n") == 1, output
        assert output.startswith(f"Error: '{name}' is both a command and a path here")
        assert f"'extract run ./{name} result'" in output and f"'extract {name} -- result'" in output
        assert not Path("result").exists()
        assert invoke("run", f"./{name}", f"out-{name}")[0] == 0  # the folder, written as the error says
    assert invoke("review", "--", str(out))[0] == 0  # the command, written as the error says
    # Arguments that only the command takes are no clash: an export to a folder named "export".
    code, output = invoke("export", str(out), "export", "--format", "csv")
    assert code == 0 and Path("export", "roles.csv").is_file(), output


# -- bad destinations and sources: one line, status 2, per command --------------------------------

def _cases(root: Path, out: Path) -> dict[str, list[str]]:
    """Each command with each bad destination or source; ``root`` holds a file and a plain folder."""
    (root / "file").write_text("x", encoding="utf-8")
    (root / "plain").mkdir(exist_ok=True)
    broken = root / "broken"
    broken.mkdir(exist_ok=True)
    (broken / MANIFEST).write_text("not json\n", encoding="utf-8")
    blocked = root / "blocked"  # an output folder whose review/ is a file
    shutil.copytree(out, blocked, dirs_exist_ok=True)
    shutil.rmtree(blocked / "review", ignore_errors=True)
    (blocked / "review").write_text("x", encoding="utf-8")
    src = str(root / "plain")
    return {
        "run: source missing": [str(root / "nope"), str(root / "o1")],
        "run: source is a file": [str(root / "file"), str(root / "o2")],
        "run: destination is a file": [src, str(root / "file")],
        "run: destination under a file": [src, str(root / "file" / "sub")],
        "review: no such folder": ["review", str(root / "nope")],
        "review: no manifest": ["review", str(root / "plain")],
        "review: a broken manifest": ["review", str(broken)],
        "review: OUT/review is a file": ["review", str(blocked)],
        "review: --src missing": ["review", str(out), "--src", str(root / "nope")],
        "export: no such folder": ["export", str(root / "nope"), str(root / "d1"), "--format", "csv"],
        "export: no manifest": ["export", str(root / "plain"), str(root / "d2"), "--format", "csv"],
        "export: a broken manifest": ["export", str(broken), str(root / "d3"), "--format", "csv"],
        "export: destination is a file": ["export", str(out), str(root / "file"), "--format", "csv"],
        "export: destination under a file": ["export", str(out), str(root / "file" / "sub"), "--format", "jsonl"],
    }


EXPECTED = {
    "run: source missing": "does not exist", "run: source is a file": "not a folder",
    "run: destination is a file": "exists and is not a folder", "run: destination under a file": "cannot create",
    "review: no such folder": "does not exist", "review: no manifest": "no manifest.jsonl",
    "review: a broken manifest": "not a manifest line", "review: OUT/review is a file": "exists and is not a folder",
    "review: --src missing": "input folder", "export: no such folder": "does not exist",
    "export: no manifest": "no manifest.jsonl", "export: a broken manifest": "not a manifest line",
    "export: destination is a file": "exists and is not a folder",
    "export: destination under a file": "cannot create",
}


@pytest.mark.parametrize("case", list(EXPECTED))
def test_a_bad_destination_or_source_is_one_line_and_status_2(case: str, out: Path, tmp_path: Path) -> None:
    args = _cases(tmp_path, out)[case]
    line = _usage_error(tmp_path, *args)
    assert EXPECTED[case] in line, line


@pytest.mark.skipif(IS_ROOT, reason="running as root: a read-only folder is still writable")
@pytest.mark.parametrize("command", ["run", "review", "export"])
def test_a_folder_not_writable_is_one_line_and_status_2(command: str, out: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    if command == "review":
        shutil.copytree(out, locked)
        shutil.rmtree(locked / "review", ignore_errors=True)
        args = ["review", str(locked)]
    else:
        locked.mkdir()
        src = tmp_path / "src"
        src.mkdir()
        args = ([str(src), str(locked)] if command == "run"
                else ["export", str(out), str(locked), "--format", "csv"])
    locked.chmod(0o555)
    try:
        line = _usage_error(tmp_path, *args)
    finally:
        locked.chmod(0o755)
    assert "Permission denied" in line or "not readable and writable" in line, line


@pytest.mark.parametrize("command", ["run", "review", "export"])
def test_a_folder_not_writable_simulated(command: str, out: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """The same, simulated so that it is meaningful when the tests run as root."""
    target = {"run": tmp_path / "dst", "review": tmp_path / "copy" / "review", "export": tmp_path / "dest"}[command]
    shutil.copytree(out, tmp_path / "copy")
    shutil.rmtree(tmp_path / "copy" / "review", ignore_errors=True)
    (tmp_path / "src").mkdir()
    real = os.access

    def access(path: str, mode: int) -> bool:
        return False if Path(path) == target and mode & os.W_OK else real(path, mode)

    monkeypatch.setattr(os, "access", access)
    args = {"run": [str(tmp_path / "src"), str(target)], "review": ["review", str(tmp_path / "copy")],
            "export": ["export", str(out), str(target), "--format", "sqlite"]}[command]
    assert "is not readable and writable" in _usage_error(tmp_path, *args)


# -- what a run says: empty inputs, no inputs, counts ----------------------------------------------

def test_an_empty_input_fails_and_leaves_no_output(tmp_path: Path) -> None:
    src, dst = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "b.md").write_text(ARTICLE, encoding="utf-8")
    assert invoke(str(src), str(dst))[0] == 0 and (dst / "b.json").is_file()
    (src / "b.md").write_text(" \n\t\n", encoding="utf-8")
    (src / "c.txt").write_bytes(b"")
    code, output = invoke(str(src), str(dst))
    assert code == 1
    for name in ("b.md", "c.txt"):
        assert f"failed: {name}: PipelineError: empty input\n" in output
    assert "3 inputs: 0 ok, 1 skipped, 2 failed" in output
    assert not (dst / "b.json").exists() and not (dst / "c.json").exists()
    lines = (dst / MANIFEST).read_text(encoding="utf-8").splitlines()
    statuses = {e["path"]: (e["status"], e["output"]) for e in map(json.loads, lines)}
    assert statuses == {"a.txt": ("skipped", "a.json"), "b.md": ("failed", None), "c.txt": ("failed", None)}


def test_no_inputs_says_so_and_exits_0(tmp_path: Path) -> None:
    src = tmp_path / "src"
    (src / "sub").mkdir(parents=True)
    (src / "notes.pdf").write_bytes(b"%PDF-1.4\n")  # not an input type
    code, output = invoke(str(src), str(tmp_path / "out"))
    assert code == 0
    assert output == f"no inputs under {src} (.txt, .md, .markdown, .html or .htm files): nothing to do\n"
    assert invoke("-q", str(src), str(tmp_path / "out")) == (0, "")


def test_counts_are_pluralised(out: Path, tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert "1 input: 1 ok" in invoke(str(src), str(tmp_path / "o1"))[1]
    (src / "b.txt").write_text(ARTICLE, encoding="utf-8")
    assert "2 inputs: 1 ok, 1 skipped" in invoke(str(src), str(tmp_path / "o1"))[1]
    (src / "b.txt").unlink()
    assert "1 output without input kept" in invoke(str(src), str(tmp_path / "o1"))[1]
    assert invoke("export", str(out), str(tmp_path / "d"), "--format", "csv")[1].startswith("1 article: 1 written")
    assert invoke("review", str(out))[1].startswith("1 article page, 0 inputs without one;")
