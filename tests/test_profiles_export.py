"""``extract profiles``, end to end over invented pages: the profile files, their schema.org markup,
the SQLite occupations tables (keys, queries, incremental rebuilds), the review's occupations index,
and an implausible pay figure flagged on the article and in the profile."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from pipeline.batch.journal import MANIFEST
from pipeline.batch.runner import Options, run
from pipeline.cli import main
from pipeline.export import export
from pipeline.export.occupations import profiles
from pipeline.review import review
from schemas.__main__ import PROFILE_SCHEMA_PATH
from schemas.article import Article
from schemas.profile import Profile
from tests.conftest import ROOT
from tests.schema_org import check_salaries, check_vocabulary

PAGES = ROOT / "tests" / "fixtures" / "profiles"


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for page in PAGES.glob("*.txt"):
        shutil.copy(page, src / page.name)
    folder = tmp_path_factory.mktemp("out")
    assert run(src, folder, Options(workers=1)).count("failed") == 0
    return folder


def _profiles(dest: Path) -> dict[str, Profile]:
    lines = (dest / "profiles.jsonl").read_text(encoding="utf-8").splitlines()
    found = [Profile.model_validate_json(line) for line in lines]
    assert len({p.soc for p in found}) == len(found)  # one profile per code
    return {p.soc: p for p in found}


def test_two_articles_merge_into_one_profile(out: Path, tmp_path: Path) -> None:
    summary = profiles(out, tmp_path)
    assert (summary.articles, summary.profiles, summary.outliers) == (3, 2, 1)
    rn = _profiles(tmp_path)["29-1141"]
    assert {a.path for a in rn.articles} == {"registered-nurse-guide.txt", "rn-vs-lpn.txt", "nurse-pay-claims.txt"}
    medians = {(s.article, s.amount) for s in rn.salaries if s.statistic == "median"}
    assert medians == {("registered-nurse-guide.txt", 86070), ("rn-vs-lpn.txt", 90000)}
    assert all(s.text in s.evidence for s in rn.salaries)
    usd = next(p for p in rn.pay if (p.currency, p.period) == ("USD", "year"))
    assert (usd.median, usd.sources, usd.high) == (88035, 2, 90000)  # the outlier is left out
    # "Assess patients' conditions" and "Assess the conditions of patients": one duty, two sources.
    assess = [d for d in rn.duties if d.text.startswith("assess")]
    assert len(assess) == 1 and {q.article for q in assess[0].sources} == {"registered-nurse-guide.txt",
                                                                          "rn-vs-lpn.txt"}
    assert rn.oews is not None and rn.oews.code == "29-1141" and rn.oews.annual is not None
    assert [c.soc for c in rn.compared_with] == ["29-2061"]


def test_an_implausible_figure_is_flagged_on_the_article_and_in_the_profile(out: Path, tmp_path: Path) -> None:
    article = Article.model_validate_json((out / "nurse-pay-claims.json").read_bytes())
    assert any("$5,000,000" in w and "OEWS" in w for w in article.warnings)
    profiles(out, tmp_path)
    [flagged] = [s for s in _profiles(tmp_path)["29-1141"].salaries if s.outlier]
    assert flagged.amount == 5_000_000 and flagged.article == "nurse-pay-claims.txt"
    assert "above twice the 90th percentile" in flagged.outlier  # type: ignore[operator]


def test_profiles_jsonl_validates_against_its_schema(out: Path, tmp_path: Path) -> None:
    profiles(out, tmp_path)
    schema = json.loads(PROFILE_SCHEMA_PATH.read_text(encoding="utf-8"))
    for line in (tmp_path / "profiles.jsonl").read_text(encoding="utf-8").splitlines():
        jsonschema.validate(json.loads(line), schema)


def test_profiles_jsonld_is_schema_org_occupations(out: Path, tmp_path: Path) -> None:
    profiles(out, tmp_path)
    found = json.loads((tmp_path / "profiles.jsonld").read_text(encoding="utf-8"))
    assert isinstance(found, list) and len(found) == 2
    for occupation in found:
        assert occupation["@context"] == "https://schema.org" and occupation["@type"] == "Occupation"
        assert occupation["name"] and occupation["occupationalCategory"]["codeValue"]
        assert occupation["estimatedSalary"] and occupation["occupationLocation"]
        check_salaries(occupation)
        check_vocabulary(occupation)
    rn = next(o for o in found if o["occupationalCategory"]["codeValue"] == "29-1141")
    by_name = {(d["name"], d["duration"]): d for d in rn["estimatedSalary"]}
    assert by_name[("articles", "P1Y")]["median"] == 88035
    oews = by_name[("OEWS May 2025", "P1Y")]
    assert {"percentile10", "median", "percentile90"} <= set(oews)
    assert "Bureau of Labor Statistics" in oews["description"]
    assert rn["occupationLocation"] == [{"@type": "Country", "name": "United States", "identifier": "US"}]
    assert any(r.startswith("assess") for r in rn["responsibilities"])


def test_min_confidence_must_be_a_share(out: Path, tmp_path: Path) -> None:
    from pipeline.batch.errors import UsageError

    with pytest.raises(UsageError, match="between 0 and 1"):
        profiles(out, tmp_path, min_confidence=1.5)


def test_sqlite_occupation_tables(out: Path, tmp_path: Path) -> None:
    first = export(out, tmp_path, "sqlite")
    assert first.occupations == 2
    db = sqlite3.connect(tmp_path / "articles.sqlite")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    keys = {(row[2], row[3], row[4]) for row in db.execute("PRAGMA foreign_key_list(occupation_facts)")}
    assert keys == {("occupations", "soc", "soc"), ("articles", "article_id", "id")}
    # Each occupation's median beside OEWS, and the articles its figures come from.
    rows = db.execute(
        "SELECT o.soc, o.median_per_period, o.oews_annual_median, group_concat(DISTINCT a.path) FROM occupations o"
        " JOIN occupation_facts f ON f.soc = o.soc AND f.field = 'salary' JOIN articles a ON a.id = f.article_id"
        " WHERE f.outlier IS NULL GROUP BY o.soc ORDER BY o.soc").fetchall()
    assert [r[0] for r in rows] == ["29-1141", "29-2061"]
    assert rows[0][1] == 88035 and rows[0][2] > 0
    assert set(rows[0][3].split(",")) == {"registered-nurse-guide.txt", "rn-vs-lpn.txt"}
    outliers = db.execute("SELECT value FROM occupation_facts WHERE outlier IS NOT NULL").fetchall()
    assert outliers == [("$5,000,000",)]
    merged = db.execute("SELECT duty, count(DISTINCT article_id) FROM occupation_facts WHERE field = 'duty'"
                        " AND soc = '29-1141' GROUP BY duty ORDER BY 2 DESC").fetchall()
    assert merged[0][1] == 2
    db.close()


def test_sqlite_occupations_are_rebuilt_only_where_articles_changed(out: Path, tmp_path: Path) -> None:
    dest = tmp_path / "db"
    export(out, dest, "sqlite")
    again = export(out, dest, "sqlite")
    assert (again.written, again.occupations) == (0, 0)
    manifest = out / MANIFEST
    kept = manifest.read_text(encoding="utf-8")
    lines = kept.splitlines()
    try:
        # The comparison goes: its LPN leaves the database, the RN profile loses a source.
        manifest.write_text("\n".join(line for line in lines if "rn-vs-lpn" not in line) + "\n", encoding="utf-8")
        gone = export(out, dest, "sqlite")
        assert (gone.removed, gone.occupations) == (1, 2)
        db = sqlite3.connect(dest / "articles.sqlite")
        assert db.execute("SELECT soc, articles FROM occupations").fetchall() == [("29-1141", 2)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        db.close()
    finally:
        manifest.write_text(kept, encoding="utf-8")
    back = export(out, dest, "sqlite")
    assert (back.written, back.occupations) == (1, 2)
    db = sqlite3.connect(dest / "articles.sqlite")
    assert db.execute("SELECT soc, articles FROM occupations ORDER BY soc").fetchall() == [("29-1141", 3),
                                                                                           ("29-2061", 1)]
    db.close()


def test_review_lists_occupations_linked_to_their_articles(out: Path) -> None:
    summary = review(out)
    assert summary.occupations == 2
    site = out / "review"
    page = BeautifulSoup((site / "occupations.html").read_text(encoding="utf-8"), "html.parser")
    rows = page.select("#occupations tbody tr")
    assert [r["id"] for r in rows] == ["soc-29-1141", "soc-29-2061"]
    for link in page.select("#occupations a"):
        target, _, anchor = link["href"].partition("#")
        assert (site / target).is_file(), target
        if anchor:  # an outlier: its highlight on the article's page
            article = BeautifulSoup((site / target).read_text(encoding="utf-8"), "html.parser")
            assert article.select_one(f"mark#{anchor}") is not None
    assert "flagged" in rows[0]["class"] and "$5,000,000" in rows[0].get_text()
    assert "OEWS May 2025" in rows[0].get_text()
    index = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert index.select_one("#occupations-link")["href"] == "occupations.html"  # type: ignore[index]


def test_every_money_column_of_the_occupation_tables_names_its_unit(out: Path, tmp_path: Path) -> None:
    export(out, tmp_path, "sqlite")
    db = sqlite3.connect(tmp_path / "articles.sqlite")
    money = re.compile(r"median|low|high|amount|^min|^max|^p\d\d|_p\d\d$")
    for table in ("occupations", "occupation_pay", "occupation_facts"):
        for column in (row[1] for row in db.execute(f"PRAGMA table_info({table})")):
            if money.search(column):
                assert re.search(r"annual|hourly|per_period", column), (table, column)
    assert db.execute("SELECT evidence FROM occupation_evidence WHERE field = 'salary' AND value = '$5,000,000'"
                      ).fetchone()[0].startswith("At our partner clinics")
    db.close()


def test_cli_writes_profiles_and_reports(out: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["profiles", str(out), str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    assert "3 articles: 2 profiles" in result.output and "1 outlier flagged" in result.output
    assert (tmp_path / "site" / "profiles.jsonl").is_file() and (tmp_path / "site" / "profiles.jsonld").is_file()
    result = CliRunner().invoke(main, ["profiles", str(out), str(tmp_path / "site"), "--min-confidence", "0.5", "-q"])
    assert result.exit_code == 0 and result.output == ""


@pytest.mark.parametrize(("arguments", "message"), [
    (["--min-confidence", "2"], "is not in the range"),
    ([], "no manifest.jsonl"),
])
def test_cli_usage_errors_are_one_line_and_status_2(tmp_path: Path, arguments: list[str], message: str) -> None:
    result = CliRunner().invoke(main, ["profiles", str(tmp_path), str(tmp_path / "site"), *arguments])
    assert result.exit_code == 2 and message in result.output and "Traceback" not in result.output
