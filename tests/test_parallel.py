"""Throughput and scale-out: worker processes, streaming, fsspec locations and a Dask cluster.

Whatever runs the documents (this process, N worker processes, a Dask cluster), the outputs and
the manifest are byte-identical, and the batch guarantees of ``test_batch.py`` still hold.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import pipeline.batch.runner as run_module
import pipeline.batch.storage as storage
from pipeline.batch.journal import MANIFEST
from pipeline.batch.runner import Options, run
from pipeline.batch.timeout import with_timeout
from pipeline.cli import main
from pipeline.types import PipelineError
from tests.batch_inputs import ARTICLE, BAD, GOOD, copy_good, make_bad

PICKED_BAD = ("empty", "png", "invalid-utf8", "cp1252", "deep-html", "symlink-outside", "fifo", "name-unicode")


def make_corpus(src: Path) -> list[str]:
    """The good articles, variants of them in sub-folders, and a few bad inputs."""
    names = copy_good(src)
    for i, path in enumerate(GOOD * 2):
        sub = src / f"part{i % 3}"
        sub.mkdir(exist_ok=True)
        (sub / f"v{i}{path.suffix}").write_bytes(path.read_bytes() + f"\n\nVariant {i}.\n".encode())
    for bad in BAD:
        if bad.id in PICKED_BAD:
            make_bad(src, bad)
    return names


def tree(dst: Path) -> dict[str, bytes]:
    return {p.relative_to(dst).as_posix(): p.read_bytes() for p in sorted(dst.rglob("*"))
            if p.is_file() and p.name != ".extract.lock"}


def manifest_paths(dst: Path) -> list[str]:
    return [json.loads(line)["path"] for line in (dst / MANIFEST).read_text(encoding="utf-8").splitlines()]


def test_workers_1_and_2_give_byte_identical_outputs(tmp_path: Path) -> None:
    src = tmp_path / "src"
    make_corpus(src)
    one = run(src, tmp_path / "one", Options(workers=1))
    two = run(src, tmp_path / "two", Options(workers=2))
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    assert one.counts == two.counts and one.count("ok") >= 15 and one.count("failed") >= 3
    assert [e.path for e in two.entries] == manifest_paths(tmp_path / "two")
    assert manifest_paths(tmp_path / "two") == [e.path for e in one.entries]
    # skip-by-hash works the same with workers
    assert {e.status for e in run(src, tmp_path / "two", Options(workers=2)).entries} <= {"skipped", "failed"}


def test_cli_workers_option_gives_the_same_files(tmp_path: Path) -> None:
    src = tmp_path / "src"
    names = copy_good(src)
    runner = CliRunner()
    for workers in ("1", "2"):
        result = runner.invoke(main, ["--workers", workers, str(src), str(tmp_path / f"out{workers}")])
        assert result.exit_code == 0, result.output
        assert f"{len(names)} inputs: {len(names)} ok, 0 skipped, 0 failed;" in result.output
        assert "docs/s" in result.output
    assert tree(tmp_path / "out1") == tree(tmp_path / "out2")
    result = runner.invoke(main, ["run", "--help"])
    assert "--workers" in result.output and "--dask-scheduler" in result.output


def test_manifest_keeps_input_order_when_documents_finish_out_of_order(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    src, dst = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    for i in range(6):
        (src / f"doc{i}.txt").write_text(ARTICLE, encoding="utf-8")
    real = run_module.process_bytes

    def slow_first(data: bytes, path: str, **options: bool):  # type: ignore[no-untyped-def]
        if path == "doc0.txt":
            time.sleep(1.5)
        return real(data, path, **options)

    monkeypatch.setattr(run_module, "process_bytes", slow_first)  # forked workers inherit the patch
    finished: list[str] = []
    summary = run(src, dst, Options(workers=2), progress=lambda e: finished.append(e.path))
    assert finished[0] != "doc0.txt", "the slow document was expected to finish later"
    assert manifest_paths(dst) == [f"doc{i}.txt" for i in range(6)]
    assert [e.path for e in summary.entries] == manifest_paths(dst)


def test_a_worker_that_dies_fails_only_its_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src, dst = tmp_path / "src", tmp_path / "out"
    copy_good(src)
    (src / "die.txt").write_text(ARTICLE, encoding="utf-8")
    real = run_module.process_bytes

    def dies(data: bytes, path: str, **options: bool):  # type: ignore[no-untyped-def]
        if path == "die.txt":
            os.kill(os.getpid(), signal.SIGKILL)
        return real(data, path, **options)

    monkeypatch.setattr(run_module, "process_bytes", dies)
    summary = run(src, dst, Options(workers=2))
    entries = {e.path: e for e in summary.entries}
    assert entries["die.txt"].status == "failed"
    assert entries["die.txt"].error == "WorkerError: worker process died (SIGKILL)"
    assert all(entries[p.name].status == "ok" for p in GOOD)
    assert manifest_paths(dst) == sorted(entries)


def test_timeout_is_enforced_in_the_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src, dst = tmp_path / "src", tmp_path / "out"
    copy_good(src)
    (src / "slow.txt").write_text("SLOW\n", encoding="utf-8")
    real = run_module.process_bytes

    def slow(data: bytes, path: str, **options: bool):  # type: ignore[no-untyped-def]
        if path == "slow.txt":
            time.sleep(60)
        return real(data, path, **options)

    monkeypatch.setattr(run_module, "process_bytes", slow)
    started = time.monotonic()
    entries = {e.path: e for e in run(src, dst, Options(workers=2, timeout=0.5)).entries}
    assert time.monotonic() - started < 20
    assert entries["slow.txt"].error == "PipelineError: timed out after 0.5 s (--timeout)"
    assert all(entries[p.name].status == "ok" for p in GOOD)


def test_a_worker_deaf_to_its_alarm_is_killed_at_the_hard_limit(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """As if stuck in C code: SIGALRM cannot interrupt it, so the parent kills the worker."""
    src, dst = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    (src / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    (src / "stuck.txt").write_text(ARTICLE, encoding="utf-8")
    real = run_module.process_bytes

    def stuck(data: bytes, path: str, **options: bool):  # type: ignore[no-untyped-def]
        if path == "stuck.txt":
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)
        return real(data, path, **options)

    monkeypatch.setattr(run_module, "process_bytes", stuck)
    started = time.monotonic()
    entries = {e.path: e for e in run(src, dst, Options(workers=2, timeout=0.5)).entries}
    assert time.monotonic() - started < 20
    assert entries["stuck.txt"].error == "PipelineError: timed out after 0.5 s (--timeout)"
    assert entries["ok.txt"].status == "ok"


def test_timeout_in_a_thread_other_than_main() -> None:
    """How the limit holds in a Dask worker, whose tasks run in threads."""
    got: list[BaseException | bytes] = []

    def slow() -> bytes:
        time.sleep(0.05)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # Python code: the limit can land between bytecodes
            pass
        return b"never"

    def body() -> None:
        try:
            got.append(with_timeout(0.3, slow))
        except PipelineError as exc:
            got.append(exc)
        got.append(with_timeout(0.3, lambda: b"quick"))
        time.sleep(0.5)  # a late timer must not land here
        got.append(b"after")

    thread = threading.Thread(target=body)
    started = time.monotonic()
    thread.start()
    thread.join(20)
    assert time.monotonic() - started < 10
    assert isinstance(got[0], PipelineError) and "timed out after 0.3 s" in str(got[0])
    assert got[1:] == [b"quick", b"after"]


def test_inputs_are_discovered_lazily(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src, dst = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    for i in range(12):
        (src / f"doc{i:02d}.txt").write_text(ARTICLE, encoding="utf-8")
    found: list[str] = []
    real = storage.discover

    def counting(root: Path) -> Iterator[storage.Input]:
        for item in real(root):
            found.append(item.rel)
            yield item

    monkeypatch.setattr(storage, "discover", counting)
    seen_at_first: list[int] = []
    for workers in (1, 2):
        found.clear()
        seen_at_first.clear()
        run(src, dst / str(workers), Options(workers=workers), progress=lambda _e: seen_at_first.append(len(found)))
        assert seen_at_first[0] <= workers + 1, "inputs were all listed before the first was done"
        assert len(found) == 12


def test_fsspec_urls_for_input_and_output(tmp_path: Path) -> None:
    fsspec = pytest.importorskip("fsspec")
    src = tmp_path / "src"
    make_corpus(src)
    for path in sorted(src.rglob("*")):
        if path.is_file() and not path.is_symlink():
            fsspec.filesystem("memory").pipe_file(f"/raw-{os.getpid()}/{path.relative_to(src).as_posix()}",
                                                 path.read_bytes())
    src_url, dst_url = f"memory://raw-{os.getpid()}", f"memory://out-{os.getpid()}"
    summary = run(src_url, dst_url)
    local = run(src, tmp_path / "local")
    fs = fsspec.filesystem("memory")
    remote = {p.split(f"out-{os.getpid()}/", 1)[1]: fs.cat_file(p) for p in fs.find(f"/out-{os.getpid()}")}
    local_files = {k: v for k, v in tree(tmp_path / "local").items() if k.endswith(".json")}
    # symlinks and the named pipe cannot be copied into memory://, so compare what both have
    both = {e.path for e in summary.entries} & {e.path for e in local.entries}
    assert len(both) >= 15
    for entry in local.entries:
        if entry.path in both and entry.output:
            assert remote[entry.output] == local_files[entry.output]
    assert remote[MANIFEST].decode().count("\n") == summary.total
    again = run(src_url, dst_url)
    assert again.count("ok") == 0 and again.count("skipped") == summary.count("ok")
    assert not [p for p in fs.find(f"/out-{os.getpid()}") if ".manifest-journal" in p]
    fs.rm(f"/raw-{os.getpid()}", recursive=True)
    fs.rm(f"/out-{os.getpid()}", recursive=True)


def test_dask_cluster_writes_the_same_files_as_a_local_run(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    src = tmp_path / "src"
    make_corpus(src)
    run(src, tmp_path / "local", Options(workers=1))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  worker_dashboard_address=None) as cluster:
        address = cluster.scheduler_address
        summary = run(src, tmp_path / "dask", Options(dask_scheduler=address))
        result = CliRunner().invoke(main, ["--dask-scheduler", address, str(src), str(tmp_path / "cli")])
    assert summary.count("ok") >= 15
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")
    assert result.exit_code == 1, result.output  # the bad inputs fail, as locally
    assert tree(tmp_path / "cli") == tree(tmp_path / "local")
