"""Batch reliability: junk in, nothing lost, everything reported (``pipeline.batch.runner`` and ``extract``)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import pipeline.batch.runner as run_module
import pipeline.batch.storage as storage
from pipeline.batch.journal import JOURNAL, MANIFEST
from pipeline.batch.options import DEFAULT_TIMEOUT, Options
from pipeline.batch.runner import pipeline_version, run
from pipeline.cli import main
from tests.batch_inputs import ARTICLE, BAD, GOOD, IS_ROOT, Bad, copy_good, make_bad, restore_permissions
from tests.conftest import ROOT
from tests.test_schema import check


def manifest(dst: Path) -> list[dict[str, object]]:
    lines = (dst / MANIFEST).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def by_path(dst: Path) -> dict[str, dict[str, object]]:
    return {str(e["path"]): e for e in manifest(dst)}


def json_outputs(dst: Path) -> set[str]:
    return {p.relative_to(dst).as_posix() for p in dst.rglob("*.json")}


def assert_consistent(dst: Path) -> None:
    """No partial JSON, and no manifest or journal line names an output that is not there."""
    for path in dst.rglob("*.json"):
        json.loads(path.read_text(encoding="utf-8"))
    for name in (MANIFEST, JOURNAL):
        if not (dst / name).exists():
            continue
        for line in (dst / name).read_text(encoding="utf-8").splitlines():
            try:
                entry = json.loads(line)
            except ValueError:
                assert name == JOURNAL, "the manifest is written atomically; only a journal may end torn"
                continue
            if entry["output"]:
                assert (dst / entry["output"]).is_file(), f"{name} claims missing {entry['output']}"


# -- the bad-input battery ------------------------------------------------------------------------

@pytest.mark.parametrize("bad", BAD, ids=[b.id for b in BAD])
def test_bad_input(tmp_path: Path, bad: Bad) -> None:
    if bad.id == "unreadable" and IS_ROOT:
        # root reads a chmod 000 file anyway; test_unreadable_file_simulated covers the failure.
        pytest.skip("running as root: chmod 000 does not stop root from reading")
    src, dst = tmp_path / "src", tmp_path / "out"
    make_bad(src, bad)
    try:
        started = time.monotonic()
        summary = run(src, dst, Options(timeout=DEFAULT_TIMEOUT))
        elapsed = time.monotonic() - started
    finally:
        restore_permissions(src)
    assert elapsed < DEFAULT_TIMEOUT
    [entry] = summary.entries
    assert entry.path == bad.name
    assert [e["path"] for e in manifest(dst)] == [bad.name]
    if bad.expect != "any":
        assert entry.status == bad.expect, entry.error
    if entry.status == "failed":
        assert entry.output is None and entry.error
        assert "\n" not in entry.error and bad.error in entry.error
        assert json_outputs(dst) == set()
    else:
        assert entry.output is not None and entry.error is None
        check((dst / entry.output).read_text(encoding="utf-8"))
        assert (dst / entry.output).resolve().is_relative_to(dst.resolve())
    assert_consistent(dst)


def test_unreadable_file_simulated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The permission failure, simulated so that it is meaningful when the tests run as root."""
    src, dst = tmp_path / "src", tmp_path / "out"
    copy_good(src)
    (src / "unreadable.txt").write_text(ARTICLE, encoding="utf-8")
    real_open = os.open

    def deny(path: object, flags: int, *args: int, **kwargs: object) -> int:
        if str(path).endswith("unreadable.txt"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(storage.os, "open", deny)
    summary = run(src, dst)
    entries = {e.path: e for e in summary.entries}
    assert entries["unreadable.txt"].status == "failed"
    assert entries["unreadable.txt"].error == "PermissionError: Permission denied"
    assert all(entries[p.name].status == "ok" for p in GOOD)


def test_decoding_keeps_the_text(tmp_path: Path) -> None:
    src, dst = tmp_path / "src", tmp_path / "out"
    for bad in BAD:
        if bad.id in ("utf16-bom", "cp1252", "invalid-utf8"):
            make_bad(src, bad)
    run(src, dst)
    texts = {p.stem: json.loads(p.read_text(encoding="utf-8"))["text"] for p in dst.glob("*.json")}
    assert "Bakers bake bread" in texts["utf16"]
    assert "\u201cBakers\u201d don\u2019t earn \u20ac45,000" in texts["cp1252"]
    assert "Bakers bake bread" in texts["invalid-utf8"]


def test_non_utf8_file_name(tmp_path: Path) -> None:
    src, dst = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    name = os.fsencode(src) + b"/caf\xe9-\xff.txt"
    with open(name, "wb") as fh:
        fh.write(ARTICLE.encode())
    summary = run(src, dst)
    [entry] = summary.entries
    assert entry.status == "ok", entry.error
    assert (dst / entry.output).is_file()  # type: ignore[operator]
    assert by_path(dst)[entry.path]["status"] == "ok"  # the manifest round-trips the exact name
    assert run(src, dst).entries[0].status == "skipped"


# -- the acceptance run: 5 good articles plus every bad input -------------------------------------

def test_extract_good_and_bad_then_rerun(tmp_path: Path) -> None:
    src, dst = tmp_path / "src", tmp_path / "out"
    good = copy_good(src)
    for bad in BAD:
        make_bad(src, bad)
    runner = CliRunner()
    try:
        result = runner.invoke(main, [str(src), str(dst)])
        assert result.exit_code == 1, result.output
        entries = by_path(dst)
        # one line per input, each with the right status
        assert sorted(entries) == sorted(good + [b.name for b in BAD])
        for name in good:
            assert entries[name]["status"] == "ok"
            check((dst / str(entries[name]["output"])).read_text(encoding="utf-8"))
        for bad in BAD:
            entry = entries[bad.name]
            assert bad.expect == "any" or entry["status"] == bad.expect, (bad.id, entry)
            if entry["status"] == "failed":
                assert bad.error in str(entry["error"]) and "\n" not in str(entry["error"])
        assert len({str(e["output"]) for e in entries.values() if e["output"]}) == sum(
            1 for e in entries.values() if e["status"] == "ok")
        assert_consistent(dst)
        assert not (dst / JOURNAL).exists()

        before = {p: p.stat().st_mtime_ns for p in dst.rglob("*.json")}
        result = runner.invoke(main, [str(src), str(dst)])
        assert result.exit_code == 1
        again = by_path(dst)
        for name in good:
            assert again[name]["status"] == "skipped"
            assert again[name]["output"] == entries[name]["output"]
        assert {p: p.stat().st_mtime_ns for p in dst.rglob("*.json")} == before, "a skipped output was rewritten"
        assert {k: v["status"] for k, v in again.items() if k not in good} == {
            k: ("skipped" if v["status"] == "ok" else v["status"]) for k, v in entries.items() if k not in good}
    finally:
        restore_permissions(src)


# -- incremental re-runs --------------------------------------------------------------------------

def test_rerun_skips_force_redoes_and_prune_removes(tmp_path: Path) -> None:
    src, dst = tmp_path / "src", tmp_path / "out"
    good = copy_good(src)
    assert {e.status for e in run(src, dst).entries} == {"ok"}
    assert all(e.pipeline_version == pipeline_version() for e in run(src, dst).entries)

    assert {e.status for e in run(src, dst).entries} == {"skipped"}
    assert {e.status for e in run(src, dst, Options(force=True)).entries} == {"ok"}

    # a changed input is redone, an unchanged one is not
    changed = src / good[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nBakers also decorate cakes.\n", encoding="utf-8")
    statuses = {e.path: e.status for e in run(src, dst).entries}
    assert statuses[good[0]] == "ok" and statuses[good[1]] == "skipped"

    # an output whose input is gone is reported, kept, then removed with --prune
    gone = Path(good[1]).with_suffix(".json").name
    (src / good[1]).unlink()
    summary = run(src, dst)
    assert summary.stale == [gone] and (dst / gone).exists()
    assert good[1] not in by_path(dst)
    assert run(src, dst).stale == [gone], "still reported by the next run"
    summary = run(src, dst, Options(prune=True))
    assert summary.stale == [gone] and not (dst / gone).exists()
    assert run(src, dst).stale == []


def test_a_skipped_input_whose_output_was_deleted_is_redone(tmp_path: Path) -> None:
    src, dst = tmp_path / "src", tmp_path / "out"
    copy_good(src)
    run(src, dst)
    first = next(iter(sorted(dst.glob("*.json"))))
    first.unlink()
    statuses = {e.output: e.status for e in run(src, dst).entries}
    assert statuses[first.name] == "ok" and first.exists()


def test_failed_input_leaves_no_stale_output(tmp_path: Path) -> None:
    src, dst = tmp_path / "src", tmp_path / "out"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    run(src, dst)
    assert (dst / "sub" / "a.json").is_file()
    (src / "sub" / "a.txt").write_bytes(b"%PDF-1.7 not an article")
    [entry] = run(src, dst).entries
    assert entry.status == "failed" and entry.output is None
    assert not (dst / "sub" / "a.json").exists()
    assert_consistent(dst)


def test_outputs_that_would_collide_get_distinct_names(tmp_path: Path) -> None:
    src, dst = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    for suffix in (".md", ".txt", ".html"):
        (src / f"a{suffix}").write_text(ARTICLE, encoding="utf-8")
    outputs = {e.path: e.output for e in run(src, dst).entries}
    assert outputs == {"a.html": "a.json", "a.md": "a.md.json", "a.txt": "a.txt.json"}
    assert json_outputs(dst) == set(outputs.values())


# -- path safety ----------------------------------------------------------------------------------

def test_outputs_stay_inside_the_output_folder(tmp_path: Path) -> None:
    src, dst, elsewhere = tmp_path / "src", tmp_path / "out", tmp_path / "elsewhere"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "b.txt").write_text(ARTICLE, encoding="utf-8")
    dst.mkdir()
    elsewhere.mkdir()
    (dst / "sub").symlink_to(elsewhere)  # a planted link must not carry an output outside
    entries = {e.path: e for e in run(src, dst).entries}
    assert entries["sub/a.txt"].status == "failed"
    assert "leave the output folder" in (entries["sub/a.txt"].error or "")
    assert entries["b.txt"].status == "ok"
    assert list(elsewhere.iterdir()) == []


def test_symlinks_inside_are_followed_and_outside_are_not(tmp_path: Path) -> None:
    src, dst = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    (src / "real.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "inside.txt").symlink_to("real.txt")
    (tmp_path / "secret.txt").write_text("Secret vs. Private\n\nDo not read me.\n", encoding="utf-8")
    (src / "outside.txt").symlink_to(tmp_path / "secret.txt")
    (tmp_path / "secrets").mkdir()
    (tmp_path / "secrets" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "linked-folder").symlink_to(tmp_path / "secrets", target_is_directory=True)
    entries = {e.path: e for e in run(src, dst).entries}
    assert set(entries) == {"real.txt", "inside.txt", "outside.txt"}
    assert entries["inside.txt"].status == "ok"
    assert entries["outside.txt"].status == "failed"
    assert "Do not read me" not in "".join(p.read_text(encoding="utf-8") for p in dst.rglob("*.json"))


# -- time limit -----------------------------------------------------------------------------------

def test_timeout_fails_one_document_and_the_batch_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src, dst = tmp_path / "src", tmp_path / "out"
    copy_good(src)
    (src / "slow.txt").write_text("SLOW\n", encoding="utf-8")
    real = run_module.process_bytes

    def maybe_slow(data: bytes, path: str, **options: bool):  # type: ignore[no-untyped-def]
        if path == "slow.txt":
            with contextlib.suppress(Exception):  # a stage's broad except must not swallow the time limit
                time.sleep(30)
            time.sleep(30)
        return real(data, path, **options)

    monkeypatch.setattr(run_module, "process_bytes", maybe_slow)
    started = time.monotonic()
    entries = {e.path: e for e in run(src, dst, Options(timeout=0.5)).entries}
    assert time.monotonic() - started < 20
    assert entries["slow.txt"].status == "failed"
    assert entries["slow.txt"].error == "PipelineError: timed out after 0.5 s (--timeout)"
    assert all(entries[p.name].status == "ok" for p in GOOD)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.default_int_handler, None)


def test_real_pathological_text_times_out_and_leaves_the_pipeline_sound(tmp_path: Path) -> None:
    """A 900 KB text without sentence ends takes seconds (~2 s here); the limit stops it."""
    src, dst = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    words = "nurses earn $50,000 a year and work in hospitals clinics with patients "
    (src / "slow.txt").write_text((words * 20_000)[:900_000], encoding="utf-8")
    shutil_sample = ROOT / "raw" / "medical-coder-vs-medical-biller.txt"
    (src / "sample.txt").write_bytes(shutil_sample.read_bytes())
    started = time.monotonic()
    entries = {e.path: e for e in run(src, dst, Options(timeout=0.25)).entries}
    assert time.monotonic() - started < 15
    assert entries["slow.txt"].status == "failed" and "timed out" in (entries["slow.txt"].error or "")
    golden = json.loads((ROOT / "tests" / "golden" / "medical-coder-vs-medical-biller.json").read_text("utf-8"))
    got = json.loads((dst / "sample.json").read_text(encoding="utf-8"))
    assert got["salaries"] == golden["salaries"] and got["roles"] == golden["roles"]


# -- SIGKILL --------------------------------------------------------------------------------------

def _journal_lines(dst: Path) -> int:
    try:
        return (dst / JOURNAL).read_bytes().count(b"\n")
    except OSError:
        return 0


def test_sigkill_mid_run_leaves_no_partial_files(tmp_path: Path) -> None:
    src, dst = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    sources = [p.read_bytes() for p in GOOD]
    for i in range(30):
        suffix = GOOD[i % len(GOOD)].suffix
        (src / f"doc-{i:02d}{suffix}").write_bytes(sources[i % len(sources)] + f"\n\n{i}\n".encode())
    finished_before_kill = 0
    for kill_after in (1, 6):
        proc = subprocess.Popen([sys.executable, "-m", "pipeline", "-q", str(src), str(dst)], cwd=ROOT,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while _journal_lines(dst) < finished_before_kill + kill_after and proc.poll() is None:
            assert time.monotonic() < deadline, "the batch made no progress"
            time.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"
        assert_consistent(dst)
        finished_before_kill = _journal_lines(dst)
    assert not (dst / MANIFEST).exists()  # no run got as far as its manifest
    journaled = {json.loads(line)["path"] for line in (dst / JOURNAL).read_text(encoding="utf-8").splitlines()
                 if line.endswith("}")}

    pipeline_version.cache_clear()  # as the subprocesses saw the code (it may be edited while tests run)
    summary = run(src, dst)
    statuses = [e.status for e in summary.entries]
    assert len(statuses) == 30 and set(statuses) <= {"ok", "skipped"}
    skipped = {e.path for e in summary.entries if e.status == "skipped"}
    assert skipped == journaled, "inputs finished before a kill are not redone"
    assert not (dst / JOURNAL).exists()
    assert not list(dst.rglob("*.part"))
    assert_consistent(dst)
    assert len(json_outputs(dst)) == 30


def test_sigkill_during_a_write_leaves_only_a_part_file(tmp_path: Path) -> None:
    src, dst = tmp_path / "src", tmp_path / "out"
    copy_good(src)
    script = textwrap.dedent(f"""
        import os, sys, time
        from pathlib import Path
        from pipeline.batch.runner import run

        def stuck_fsync(fd):  # the data is written, not yet renamed into place
            print("writing", flush=True)
            time.sleep(120)

        os.fsync = stuck_fsync
        run(Path({str(src)!r}), Path({str(dst)!r}))
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "writing"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    parts = list(dst.rglob(".tmp-*.part"))
    assert len(parts) == 1 and parts[0].stat().st_size > 0
    assert json_outputs(dst) == set()
    assert_consistent(dst)

    summary = run(src, dst)
    assert {e.status for e in summary.entries} == {"ok"}
    assert not list(dst.rglob("*.part"))
    assert len(json_outputs(dst)) == len(GOOD)


def test_a_second_run_into_the_same_folder_is_refused(tmp_path: Path) -> None:
    src, dst = tmp_path / "src", tmp_path / "out"
    copy_good(src)
    script = textwrap.dedent(f"""
        import os, time
        from pathlib import Path
        from pipeline.batch.runner import run
        def stuck_fsync(fd):
            print("writing", flush=True)
            time.sleep(120)
        os.fsync = stuck_fsync
        run(Path({str(src)!r}), Path({str(dst)!r}))
    """)
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "writing"
        result = CliRunner().invoke(main, [str(src), str(dst)])
        assert result.exit_code == 2
        assert "another extract run" in result.output
    finally:
        proc.kill()
        proc.wait()
    assert list(dst.rglob("*.part"))  # the other run's temporary file was left alone
