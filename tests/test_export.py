"""``extract export``: every format over real outputs (the sample and fixtures, and the dev corpus
when ../shared is there), the SQLite database's keys and search, incremental re-export, and
JSON-LD checked against the properties schema.org defines for each type used."""

from __future__ import annotations

import csv
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.batch.errors import UsageError
from pipeline.batch.journal import MANIFEST
from pipeline.batch.runner import Options, run
from pipeline.cli import main
from pipeline.export import FORMATS, ExportOptions, export, jsonld
from pipeline.export.options import kept
from pipeline.export.rows import FACT_COLUMNS, ROLE_COLUMNS, fact_rows, per_year, role_rows
from schemas.article import Article, Evidence, Role, Salary
from tests.conftest import DEV, ROOT
from tests.schema_org import check_salaries, check_vocabulary


@pytest.fixture(scope="module", params=["fixtures", "dev"])
def outputs(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if request.param == "dev" and not DEV.is_dir():
        pytest.skip("../shared is absent")
    out = tmp_path_factory.mktemp("out")
    if request.param == "dev":
        src = DEV
    else:
        src = tmp_path_factory.mktemp("src")
        for path in [*ROOT.joinpath("raw").glob("*.txt"), *ROOT.joinpath("tests", "fixtures").glob("*.*")]:
            shutil.copy(path, src / path.name)
    run(src, out, Options())
    return out


def _articles(out: Path) -> list[Article]:
    lines = [json.loads(line) for line in (out / MANIFEST).read_text(encoding="utf-8").splitlines()]
    return [Article.model_validate_json((out / e["output"]).read_bytes()) for e in lines if e["status"] == "ok"]


def test_jsonl_is_one_article_per_line(outputs: Path, tmp_path: Path) -> None:
    summary = export(outputs, tmp_path, "jsonl")
    lines = (tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == summary.articles == len(_articles(outputs))
    assert [Article.model_validate_json(line) for line in lines] == _articles(outputs)


def test_csv_has_a_row_per_role_and_per_fact(outputs: Path, tmp_path: Path) -> None:
    export(outputs, tmp_path, "csv")
    articles = _articles(outputs)
    with (tmp_path / "roles.csv").open(encoding="utf-8", newline="") as handle:
        roles = list(csv.DictReader(handle))
    assert len(roles) == sum(len(a.roles) for a in articles)
    assert {r["role_name"] for r in roles} == {role.name for a in articles for role in a.roles}
    for row in roles:
        levels = [level for level in row["education"].split(";") if level]
        assert levels == sorted(levels, key=["no_formal_education", "high_school", "postsecondary_nondegree",
                                             "some_college", "associate", "bachelor", "master",
                                             "doctoral_professional"].index)
    with (tmp_path / "facts.csv").open(encoding="utf-8", newline="") as handle:
        facts = list(csv.DictReader(handle))
    assert {f["field"] for f in facts} <= {"duty", "requirement", "salary", "setting", "skill"}
    assert all(int(f["evidence_start"]) < int(f["evidence_end"]) and f["rule"] for f in facts)


def test_sqlite_keeps_its_keys_finds_text_and_updates_in_place(outputs: Path, tmp_path: Path) -> None:
    first = export(outputs, tmp_path, "sqlite")
    db = sqlite3.connect(tmp_path / "articles.sqlite")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    indexes = {row[1] for row in db.execute("SELECT * FROM sqlite_master WHERE type = 'index'")}
    assert {"roles_by_name", "roles_by_soc"} <= indexes
    article = _articles(outputs)[0]
    phrase = " ".join(article.text.split()[5:8])
    found = db.execute("SELECT a.path FROM article_text JOIN articles a ON a.id = article_text.rowid "
                       "WHERE article_text MATCH ?", (json.dumps(phrase),)).fetchall()
    assert article.source.path in {row[0] for row in found}
    assert db.execute("SELECT count(*) FROM roles").fetchone()[0] == sum(len(a.roles) for a in _articles(outputs))
    db.close()
    assert first.written == first.articles
    again = export(outputs, tmp_path, "sqlite")
    assert again.written == 0 and again.removed == 0
    manifest = outputs / MANIFEST
    kept = manifest.read_text(encoding="utf-8").splitlines()
    try:
        manifest.write_text("\n".join(kept[1:]) + "\n", encoding="utf-8")
        assert export(outputs, tmp_path, "sqlite").removed == 1
    finally:
        manifest.write_text("\n".join(kept) + "\n", encoding="utf-8")
    db = sqlite3.connect(tmp_path / "articles.sqlite")
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute("SELECT count(*) FROM facts WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0] == 0


def test_jsonld_occupations_use_schema_org_properties(outputs: Path, tmp_path: Path) -> None:
    export(outputs, tmp_path, "jsonld")
    found = json.loads((tmp_path / "occupations.jsonld").read_text(encoding="utf-8"))
    articles = _articles(outputs)
    assert len(found) == sum(len(a.roles) for a in articles)
    # A median or a percentile is a point of a distribution; other statistics have no place in one.
    paid = {(a.source.path, r.name) for a in articles for r in a.roles
            if any(r.id in s.roles and s.amount is not None and (s.statistic == "median" or s.percentile)
                   for s in a.salaries)}
    for occupation in found:
        assert occupation["@context"] == "https://schema.org" and occupation["@type"] == "Occupation"
        assert occupation["name"]
        if (occupation["mainEntityOfPage"], occupation["name"]) in paid:
            assert occupation["estimatedSalary"] and occupation["occupationLocation"]
        check_salaries(occupation)
        check_vocabulary(occupation)
    assert paid


def test_cli_exports_and_reports(outputs: Path, tmp_path: Path) -> None:
    for fmt in FORMATS:
        result = CliRunner().invoke(main, ["export", str(outputs), str(tmp_path), "--format", fmt])
        assert result.exit_code == 0, result.output
        assert " articles: " in result.output


def test_a_folder_without_manifest_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no manifest.jsonl"):
        export(tmp_path, tmp_path / "dest", "csv")
    result = CliRunner().invoke(main, ["export", str(tmp_path), str(tmp_path / "dest"), "--format", "csv"])
    assert result.exit_code == 2 and "Error:" in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(main, ["export", str(tmp_path), str(tmp_path / "dest"), "--format", "xml"])
    assert result.exit_code == 2


def test_a_role_with_a_soc_code_gets_an_occupational_category(outputs: Path) -> None:
    from pipeline.export.jsonld import occupation

    article = _articles(outputs)[0]
    role = article.roles[0].model_copy(update={"soc": "29-2072", "soc_title": "Medical Records Specialists"})
    found = occupation(article, role)
    assert found["occupationalCategory"] == {"@type": "CategoryCode", "codeValue": "29-2072",
                                             "inCodeSet": {"@type": "CategoryCodeSet", "name": "2018 SOC"},
                                             "name": "Medical Records Specialists"}
    check_vocabulary(found)


FACT_FIELDS = ("duties", "requirements", "salaries", "settings", "skills")


def _facts(article: Article) -> list[float]:
    return [f.confidence for name in FACT_FIELDS for f in getattr(article, name)]


@pytest.mark.parametrize("floor", [0.0, 0.9, 1.0])
def test_min_confidence_keeps_only_the_facts_at_or_above_it(outputs: Path, tmp_path: Path, floor: float) -> None:
    export(outputs, tmp_path, "jsonl", options=ExportOptions(min_confidence=floor))
    lines = (tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    written = [Article.model_validate_json(line) for line in lines]
    originals = _articles(outputs)
    for got, original in zip(written, originals, strict=True):
        assert all(c >= floor for c in _facts(got))
        assert len(_facts(got)) == sum(1 for c in _facts(original) if c >= floor)
        assert got.text == original.text and got.roles == original.roles
        if got.comparison is not None:  # the side-by-side view is made of the facts kept
            for rid, row in got.comparison.roles.items():
                assert set(row.settings) == {s.setting for s in got.settings if rid in s.roles}
    if floor == 0.0:
        assert written == originals
    else:
        assert sum(map(len, map(_facts, written))) < sum(map(len, map(_facts, originals)))


def test_min_confidence_applies_to_every_format(outputs: Path, tmp_path: Path) -> None:
    strict = ExportOptions(min_confidence=0.9)
    export(outputs, tmp_path, "csv", options=strict)
    with (tmp_path / "facts.csv").open(encoding="utf-8", newline="") as handle:
        rows = len(list(csv.DictReader(handle)))
    sure = sum(max(1, len(f.roles)) for a in _articles(outputs) for name in FACT_FIELDS
               for f in getattr(a, name) if f.confidence >= 0.9)
    assert rows == sure
    export(outputs, tmp_path, "jsonld", options=strict)
    written = json.loads((tmp_path / "occupations.jsonld").read_text(encoding="utf-8"))
    assert written == [o for a in _articles(outputs) for o in jsonld.occupations(kept(a, strict))]
    assert written != [o for a in _articles(outputs) for o in jsonld.occupations(a)]


def test_sqlite_writes_every_article_again_when_the_minimum_changes(outputs: Path, tmp_path: Path) -> None:
    def facts_in_db() -> int:
        db = sqlite3.connect(tmp_path / "articles.sqlite")
        try:
            return int(db.execute("SELECT count(*) FROM facts").fetchone()[0])
        finally:
            db.close()

    every = export(outputs, tmp_path, "sqlite")
    all_facts = facts_in_db()
    assert export(outputs, tmp_path, "sqlite").written == 0
    strict = export(outputs, tmp_path, "sqlite", options=ExportOptions(min_confidence=0.9))
    assert strict.written == every.articles and facts_in_db() < all_facts
    assert export(outputs, tmp_path, "sqlite", options=ExportOptions(min_confidence=0.9)).written == 0
    export(outputs, tmp_path, "sqlite")
    assert facts_in_db() == all_facts


def test_a_minimum_outside_zero_to_one_is_refused() -> None:
    with pytest.raises(UsageError, match="between 0 and 1"):
        ExportOptions(min_confidence=1.5)


def test_cli_min_confidence(outputs: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["export", str(outputs), str(tmp_path), "--format", "jsonl",
                                       "--min-confidence", "0.9", "-q"])
    assert result.exit_code == 0, result.output
    written = [Article.model_validate_json(line)
               for line in (tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
    assert written and all(c >= 0.9 for a in written for c in _facts(a))
    result = CliRunner().invoke(main, ["export", str(outputs), str(tmp_path), "--format", "jsonl",
                                       "--min-confidence", "1.5"])
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_a_file_that_is_not_a_database_is_one_line_and_status_1(outputs: Path, tmp_path: Path) -> None:
    (tmp_path / "articles.sqlite").write_text("not a database\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(outputs), str(tmp_path), "--format", "sqlite"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.output == f"Error: {tmp_path / 'articles.sqlite'}: file is not a database\n"


# -- money in the CSV rows: every column says its unit ---------------------------------------------

def _salary(role: str, amount: float | None, period: str, statistic: str, low: float | None = None,
            high: float | None = None, currency: str = "USD") -> Salary:
    value = amount if amount is not None else ((low or 0) + (high or 0)) / 2
    return Salary(roles=[role], evidence=Evidence(start=0, end=1, section=0), rule="test", amount=amount, min=low,
                  max=high, currency=currency, period=period, statistic=statistic,  # type: ignore[arg-type]
                  annual_amount=per_year(value, period), text="$")


def _with_salaries(article: Article, salaries: list[Salary]) -> Article:
    role = Role(id="plumber", name="Plumber", aliases=[])
    return article.model_copy(update={"roles": [role], "salaries": salaries, "duties": [], "requirements": [],
                                      "settings": [], "skills": []})


# (salaries of the role) -> the role's money columns
SALARY_ROWS = {
    "a yearly median beside an hourly range: the range per year": (
        [_salary("plumber", 61550, "year", "median"), _salary("plumber", None, "hour", "range", 18, 22)],
        {"salary_annual": 61550.0, "salary_annual_min": 37440.0, "salary_annual_max": 45760.0,
         "salary_per_period": 61550.0, "salary_period": "year", "salary_statistic": "median", "currency": "USD"}),
    "an hourly figure alone: per year and as written": (
        [_salary("plumber", 25, "hour", "average")],
        {"salary_annual": 52000.0, "salary_annual_min": None, "salary_annual_max": None,
         "salary_per_period": 25.0, "salary_period": "hour", "salary_statistic": "average", "currency": "USD"}),
    "a monthly range alone: it is the headline": (
        [_salary("plumber", None, "month", "range", 3000, 4000)],
        {"salary_annual": 42000.0, "salary_annual_min": 36000.0, "salary_annual_max": 48000.0,
         "salary_per_period": None, "salary_period": "month", "salary_statistic": "range", "currency": "USD"}),
    "a range in another currency than the headline is left out": (
        [_salary("plumber", 50000, "year", "median"), _salary("plumber", None, "year", "range", 30000, 40000, "GBP")],
        {"salary_annual": 50000.0, "salary_annual_min": None, "salary_annual_max": None,
         "salary_per_period": 50000.0, "salary_period": "year", "salary_statistic": "median", "currency": "USD"}),
    "no pay": (
        [],
        {"salary_annual": None, "salary_annual_min": None, "salary_annual_max": None, "salary_per_period": None,
         "salary_period": "", "salary_statistic": "", "currency": ""}),
}


@pytest.mark.parametrize("case", list(SALARY_ROWS))
def test_role_money_columns_are_per_year_or_labelled(outputs: Path, case: str) -> None:
    salaries, expected = SALARY_ROWS[case]
    [row] = role_rows(_with_salaries(_articles(outputs)[0], salaries), "a.txt")
    assert {key: row[key] for key in expected} == expected


def test_fact_rows_give_a_range_per_period_and_per_year(outputs: Path) -> None:
    article = _with_salaries(_articles(outputs)[0], [_salary("plumber", None, "hour", "range", 18, 22)])
    [row] = fact_rows(article, "a.txt")
    assert (row["min_per_period"], row["max_per_period"], row["period"]) == (18.0, 22.0, "hour")
    assert (row["annual_min"], row["annual_max"], row["annual_amount"]) == (37440.0, 45760.0, 41600.0)


def test_every_money_column_names_its_unit(outputs: Path, tmp_path: Path) -> None:
    money = re.compile(r"salary|amount|^min|^max|_min$|_max$")
    for column in (c for c in ROLE_COLUMNS + FACT_COLUMNS if money.search(c)):
        assert re.search(r"annual|per_period|_period$|_statistic$", column), column
    export(outputs, tmp_path, "sqlite")
    db = sqlite3.connect(tmp_path / "articles.sqlite")
    roles = [row[1] for row in db.execute("PRAGMA table_info(roles)")]
    facts = [row[1] for row in db.execute("PRAGMA table_info(facts)")]
    db.close()
    assert set(ROLE_COLUMNS) - {"article_path", "article_title"} <= set(roles)
    assert set(FACT_COLUMNS) - {"article_path"} <= set(facts)


def test_a_database_of_an_older_layout_is_rebuilt(outputs: Path, tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "articles.sqlite")
    db.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, path TEXT)")
    db.execute("CREATE TABLE roles (id INTEGER PRIMARY KEY, annual_salary REAL, salary_min REAL)")
    db.commit()
    db.close()
    summary = export(outputs, tmp_path, "sqlite")
    assert summary.written == summary.articles > 0
    db = sqlite3.connect(tmp_path / "articles.sqlite")
    assert "salary_annual_min" in [row[1] for row in db.execute("PRAGMA table_info(roles)")]
    db.close()
