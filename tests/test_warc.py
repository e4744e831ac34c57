"""Web archives as input (``pipeline.batch.warc``, ``pipeline.batch.records``): every capture accounted for,
pages named by URL, duplicates done once, a damaged record failing alone, reruns skipping what is unchanged."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import pipeline.batch.runner as run_module
from pipeline.batch.journal import MANIFEST
from pipeline.batch.options import Options
from pipeline.batch.runner import run
from pipeline.batch.warc import next_boundary, ranges, record_name, records
from pipeline.cli import main
from schemas.article import Article
from tests.warc_inputs import CRAWLED, OTHER_PAGES, SITE, Capture, archive, captures, plain_archive

FACTS = ("duties", "requirements", "salaries", "settings", "skills")


def lines(dst: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in (dst / MANIFEST).read_text(encoding="utf-8").splitlines()]


def by_url(dst: Path) -> dict[object, dict[str, object]]:
    return {e.get("url"): e for e in reversed(lines(dst))}  # the first capture of a URL


def article(dst: Path, entry: dict[str, object]) -> Article:
    return Article.model_validate_json((dst / str(entry["output"])).read_bytes())


def tree(dst: Path) -> dict[str, bytes]:
    return {p.relative_to(dst).as_posix(): p.read_bytes() for p in sorted(dst.rglob("*"))
            if p.is_file() and p.name != ".extract.lock"}


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The test archive with its fifth capture damaged, run once in this process."""
    root = tmp_path_factory.mktemp("crawl")
    src = root / "crawl.warc.gz"
    src.write_bytes(archive(damaged=5))
    run(src, root / "out", Options())
    return src, root / "out"


def test_the_manifest_accounts_for_every_capture(crawl: tuple[Path, Path]) -> None:
    _, out = crawl
    entries = lines(out)
    assert len(entries) == len(captures())  # request records are no captures
    assert all(e["archive"] == "crawl.warc.gz" for e in entries)
    statuses = [(e["status"], e.get("reason")) for e in entries]
    assert statuses.count(("ok", None)) == 10  # 4 career fixtures, 5 other pages, the latin-1 page
    assert statuses.count(("failed", None)) == 1


def test_skipped_records_say_why(crawl: tuple[Path, Path]) -> None:
    _, out = crawl
    found = by_url(out)
    assert found[f"{SITE}/gone"]["reason"] == "HTTP 404"
    assert found[f"{SITE}/guide.pdf"]["reason"] == "not text: application/pdf"
    assert found[f"{SITE}/big-page"]["reason"] == "truncated"
    revisit = [e for e in lines(out) if e.get("reason") == "revisit"]
    assert len(revisit) == 1 and revisit[0]["output"] is None


def test_the_same_page_twice_is_done_once(crawl: tuple[Path, Path]) -> None:
    _, out = crawl
    mirror = by_url(out)[f"{SITE}/mirror/plumber-vs-electrician"]
    assert mirror["status"] == "skipped" and mirror["reason"] == "duplicate" and mirror["output"] is None
    assert mirror["duplicate_of"] == f"{SITE}/articles/plumber-vs-electrician"
    assert not (out / (record_name(f"{SITE}/mirror/plumber-vs-electrician") + ".json")).exists()


def test_a_damaged_record_fails_alone(crawl: tuple[Path, Path]) -> None:
    _, out = crawl
    failed = [e for e in lines(out) if e["status"] == "failed"]
    assert len(failed) == 1
    error = str(failed[0]["error"])
    assert error.startswith("damaged record") and "\n" not in error and error.isprintable()
    assert by_url(out)[f"https://other.example/{OTHER_PAGES[2]}"]["status"] == "ok"  # the next capture is read


def test_outputs_are_named_by_url_and_carry_their_provenance(crawl: tuple[Path, Path]) -> None:
    _, out = crawl
    url = f"{SITE}/articles/plumber-vs-electrician"
    entry = by_url(out)[url]
    assert entry["output"] == record_name(url) + ".json" and str(entry["output"]).startswith("careers.example/")
    got = article(out, entry)
    assert got.source.url == url and got.source.crawled == CRAWLED and got.source.site == "careers.example"
    assert got.article_type == "comparison" and got.roles and got.salaries


def test_pages_of_other_genres_have_no_roles_or_facts(crawl: tuple[Path, Path]) -> None:
    _, out = crawl
    found = by_url(out)
    for name in OTHER_PAGES:
        entry = found.get(f"https://other.example/{name}")
        if entry is None:  # the damaged capture
            continue
        got = article(out, entry)
        assert got.article_type == "not_career", name
        assert got.roles == [] and all(getattr(got, f) == [] for f in FACTS)


def test_the_declared_charset_is_honoured(crawl: tuple[Path, Path]) -> None:
    _, out = crawl
    got = article(out, by_url(out)[f"{SITE}/cafe-manager"])
    assert "Café managers" in got.text and got.warnings[:1] != ["input is not valid UTF-8; decoded as cp1252"]
    assert [s.as_of for s in got.salaries] == [2024]


def test_a_rerun_skips_unchanged_records_and_keeps_duplicates(crawl: tuple[Path, Path], tmp_path: Path) -> None:
    src, out = crawl
    again = tmp_path / "out"
    run(src, again, Options())
    before = tree(again)
    summary = run(src, again, Options())
    assert summary.count("ok") == 0 and summary.reasons["unchanged"] == 10 and summary.count("failed") == 1
    assert tree(again) == {**before, MANIFEST: (again / MANIFEST).read_bytes()}
    assert [e.get("reason") for e in lines(again)] == [e.get("reason") if e.get("reason") else None
                                                       for e in lines(out)]


def test_ranges_workers_and_a_folder_of_archives_give_the_same_files(crawl: tuple[Path, Path], tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    src, out = crawl
    monkeypatch.setattr(run_module, "RANGE_BYTES", 5000)  # many ranges, each a unit of work
    run(src, tmp_path / "ranges", Options())
    run(src, tmp_path / "workers", Options(workers=2))
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "crawl.warc.gz").write_bytes(src.read_bytes())
    run(folder, tmp_path / "in-folder", Options())
    expected = tree(out)
    assert tree(tmp_path / "ranges") == expected
    assert tree(tmp_path / "workers") == expected
    assert tree(tmp_path / "in-folder") == expected


def test_a_glob_and_an_uncompressed_archive(tmp_path: Path) -> None:
    items = captures()[:3]
    (tmp_path / "a.warc").write_bytes(plain_archive(items[:2]))
    (tmp_path / "b.warc.gz").write_bytes(archive(items[2:]))
    summary = run(str(tmp_path / "*.warc*"), tmp_path / "out", Options())
    assert summary.count("ok") == 3
    assert {e["archive"] for e in lines(tmp_path / "out")} == {"a.warc", "b.warc.gz"}


def test_reading_from_a_range_finds_the_next_record() -> None:
    data = archive(captures()[:4])
    everything = list(records(lambda: io.BytesIO(data), "x.warc.gz"))
    split = [r for start, end in ranges(len(data), 3000)
             for r in records(lambda: io.BytesIO(data), "x.warc.gz", start, end)]
    assert [r.offset for r in split] == [r.offset for r in everything]
    assert next_boundary(io.BytesIO(data), len(data) - 5, gzipped=True) is None


def test_an_archive_cut_off_inside_its_last_page_fails_that_page(tmp_path: Path) -> None:
    data = archive(captures()[:2])
    found = list(records(lambda: io.BytesIO(data[:-400]), "x.warc.gz"))
    assert found[0].error is None and found[-1].error is not None


def test_record_names_are_stable_and_distinct() -> None:
    assert record_name("https://www.Example.com/a/b.html?x=1") == record_name("https://www.Example.com/a/b.html?x=1")
    assert record_name("https://example.com/a?x=1") != record_name("https://example.com/a?x=2")
    assert record_name("https://example.com/").startswith("example.com/index-")
    assert ".." not in record_name("https://example.com/../../etc/passwd")


def test_cli_reports_skips_and_not_career_pages(crawl: tuple[Path, Path], tmp_path: Path) -> None:
    src, _ = crawl
    result = CliRunner().invoke(main, ["-j", "1", str(src), str(tmp_path / "out")])
    assert result.exit_code == 1  # the damaged record failed
    summary = result.output.strip().splitlines()[-1]
    assert "not career" in summary and "1 revisit" in summary and "1 duplicate" in summary and "1 failed" in summary
    missing = CliRunner().invoke(main, [str(tmp_path / "none.warc.gz"), str(tmp_path / "o2")])
    assert missing.exit_code == 2 and "no web archive" in missing.output


def test_keep_all_writes_facts_of_pages_under_the_threshold(tmp_path: Path) -> None:
    items = [c for c in captures() if c.url.endswith("city-budget-news")]
    (tmp_path / "a.warc.gz").write_bytes(archive(items))
    run(tmp_path / "a.warc.gz", tmp_path / "plain", Options())
    run(tmp_path / "a.warc.gz", tmp_path / "kept", Options(keep_all=True))
    plain = article(tmp_path / "plain", lines(tmp_path / "plain")[0])
    kept = article(tmp_path / "kept", lines(tmp_path / "kept")[0])
    assert plain.article_type == "not_career" and kept.article_type != "not_career"


def test_a_dask_cluster_reads_archive_ranges_itself(crawl: tuple[Path, Path], tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed")
    src, out = crawl
    monkeypatch.setattr(run_module, "RANGE_BYTES", 20000)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  worker_dashboard_address=None) as cluster:
        run(src, tmp_path / "dask", Options(dask_scheduler=cluster.scheduler_address))
    assert tree(tmp_path / "dask") == tree(out)


def test_an_empty_body_is_skipped_not_failed(tmp_path: Path) -> None:
    (tmp_path / "a.warc.gz").write_bytes(archive([Capture(f"{SITE}/blank", b"  \n ")]))
    summary = run(tmp_path / "a.warc.gz", tmp_path / "out", Options())
    assert summary.count("failed") == 0 and summary.reasons["empty body"] == 1
