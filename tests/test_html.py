"""HTML pages: which element holds the article, what chrome goes, and the facts of fact tables and lists.

The fixtures in ``tests/fixtures/html/`` are small whole pages of three shapes: tab panes that each
hold an ``<article>``, a ``<main>`` with a series of articles, and plain ``<div>``s without a class
that marks chrome.
"""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree

from pipeline.extract import salaries
from pipeline.process import process_bytes
from pipeline.stages.html_select import _plain_chars, content_root
from pipeline.stages.load import load_bytes
from schemas.article import Article
from tests.conftest import ROOT
from tests.helpers import run_article

PAGES = ROOT / "tests" / "fixtures" / "html"


def _page(name: str) -> Article:
    return process_bytes((PAGES / name).read_bytes(), name)


TEXT_CASES = [
    pytest.param("glaziers-tabbed.html",
                 ["Glaziers", "Quick Facts: Glaziers", "Read blueprints to learn where each pane goes",
                  "The largest employers of glaziers were as follows:", "Building finishing contractors | 71%",
                  "Most glaziers learn their trade through a 4-year apprenticeship after high school.",
                  "The lowest 10 percent earned less than $37,100",
                  "Note: All occupations includes every occupation in the economy."],
                 ["About this section", "Please enable javascript", "Next: What They Do", "Data Tools",
                  "Median annual wages, May 2024",
                  "Suggested citation", "describes the typical duties", "Total, all occupations", "Contact Us"],
                 id="tab-panes"),
    pytest.param("welder-series.html",
                 ["How to Become a Welder", "Part 1: The job", "Part 2: Training",
                  "Welders earn a median salary of $51,000 per year."],
                 ["How to Become a Plumber", "TradePath helps people", "Log in"], id="main-with-articles"),
    pytest.param("florist-divs.html",
                 ["What Does a Florist Do?", "Florists design bouquets",
                  "Most florists learn on the job; a high school diploma is common but not required."],
                 ["Popular pages", "Florist vs. Floral Designer", "Schools", "Contact"], id="div-soup"),
]


@pytest.mark.parametrize(("name", "kept", "gone"), TEXT_CASES)
def test_the_whole_article_and_no_chrome(name: str, kept: list[str], gone: list[str]) -> None:
    text = _page(name).text
    for piece in kept:
        assert piece in text
    for piece in gone:
        assert piece not in text


def test_tab_panes_give_the_fact_table_the_list_and_the_wage_sentences() -> None:
    article = _page("glaziers-tabbed.html")
    pay = {(tuple(s.roles), s.amount, s.period, s.statistic, s.rule) for s in article.salaries}
    assert pay == {
        (("glazier",), 52800.0, "year", "median", "salary-table"),
        (("glazier",), 25.38, "hour", "median", "salary-table"),
        (("glazier",), 37100.0, "year", "bottom", "salary-prose"),
        (("glazier",), 86900.0, "year", "top", "salary-prose"),
        (("glazier",), 56200.0, "year", "median", "salary-table"),
        (("glazier",), 52700.0, "year", "median", "salary-table"),
    }
    education = {(tuple(r.roles), r.education_level) for r in article.requirements if r.type == "education"}
    assert education == {(("glazier",), "high_school")}
    assert not [r for r in article.requirements if r.type == "experience"]
    duties = {(tuple(d.roles), d.text, d.rule) for d in article.duties if d.rule == "duty-task-list"}
    assert duties == {(("glazier",), "read blueprints to learn where each pane goes", "duty-task-list"),
                      (("glazier",), "cut flat glass to size with hand cutters", "duty-task-list"),
                      (("glazier",), "seal joints with caulk so that rain stays out", "duty-task-list")}
    assert (("glazier",), "self_employed") in {(tuple(s.roles), s.setting) for s in article.settings}


def test_div_soup_facts() -> None:
    article = _page("florist-divs.html")
    assert [(s.roles, s.amount, s.period, s.statistic) for s in article.salaries] == [
        (["florist"], 16.5, "hour", "median")]


def _root(html: str) -> str:
    root: Any = content_root(etree.fromstring(html, etree.HTMLParser()))
    return str(root.get("id") or root.name)


MENU = "<div id='m'><a href='/'>Home</a> <a href='/a'>Careers</a> <a href='/b'>Schools</a> <a href='/c'>Pay</a></div>"
PROSE = "<p>" + "Bakers mix dough and bake bread before dawn in busy shops. " * 4 + "</p>"
ROOT_CASES = [
    pytest.param(f"<body>{MENU}<div id='panes'><div id='t1'><article>{PROSE}</article></div>"
                 f"<div id='t2'><article>{PROSE}</article></div></div></body>", "panes", id="tab-panes"),
    pytest.param(f"<body>{MENU}<main id='mn'><article>{PROSE}</article><article>{PROSE}</article></main></body>",
                 "mn", id="main-with-articles"),
    pytest.param(f"<body><div id='c'><article id='a'>{PROSE}</article></div>"
                 "<div id='r'><article><a href='/x'>Baker vs. Cook</a></article>"
                 "<article><a href='/y'>Cook vs. Chef</a></article></div></body>", "a",
                 id="teaser-cards-are-not-content"),
    pytest.param(f"<body><article id='a'>{PROSE}<article>{PROSE}</article></article></body>", "a",
                 id="nested-article"),
    pytest.param(f"<body><main id='mn'>{PROSE}</main></body>", "mn", id="main"),
    pytest.param(f"<body>{MENU}<main id='mn'><section>{PROSE}</section><article>{PROSE}</article>"
                 f"<section>{PROSE}</section></main></body>", "mn", id="main-with-sections-beside-an-article"),
    pytest.param(f"<body><main id='mn'><p>Share this page</p><article id='a'>{PROSE}</article></main></body>", "a",
                 id="main-with-little-beside-its-article"),
    pytest.param(f"<body>{MENU}<div id='w'><div id='c'>{PROSE}{PROSE}</div>{MENU.replace('m', 'f')}</div></body>",
                 "c", id="div-soup-by-density"),
    pytest.param(f"<body><div id='w'><div id='c'>{PROSE}</div><div id='d'>{PROSE}</div></div></body>", "w",
                 id="div-soup-split-content-stays-whole"),
]


@pytest.mark.parametrize(("html", "expected"), ROOT_CASES)
def test_content_root(html: str, expected: str) -> None:
    assert _root(html) == expected


def test_plain_characters_count_text_outside_links_and_chrome() -> None:
    doc = etree.fromstring("<div> ab <!-- c --> cd <a>link</a> ef <nav>menu</nav><p>gh <b>ij</b></p></div>",
                           etree.HTMLParser())
    div = doc.find(".//div")
    chars: dict[Any, int] = {}
    assert _plain_chars(div, chars) == 10
    assert (chars[div.find("p")], chars[div.find("nav")], chars[div.find("a")]) == (4, 0, 0)


TITLE_CASES = [
    pytest.param("<div class='pagetitle'><h1>Bakers</h1></div><div id='panes'><div><article>{p}</article></div>"
                 "<div><article>{p}</article></div></div>", ["Bakers"], id="h1-before-the-panes"),
    pytest.param("<header><h1>BakeJobs</h1></header><article><h1>What Does a Baker Do?</h1>{p}</article>",
                 ["What Does a Baker Do?"], id="site-header-h1-is-not-the-title"),
    pytest.param("<header><h1>BakeJobs</h1></header><article><h2>Duties</h2>{p}</article>", [],
                 id="site-header-h1-alone"),
]


@pytest.mark.parametrize(("body", "titles"), TITLE_CASES)
def test_the_title_outside_the_content_root(body: str, titles: list[str]) -> None:
    page = f"<html><body>{body.format(p=PROSE)}</body></html>".encode()
    assert [b.text for b in load_bytes(page, "t.html").blocks if b.kind == "title"] == titles


def test_headings_lose_their_chrome_links() -> None:
    page = (b"<html><body><article><h1>What Does a Baker Do?</h1><h2>Duties <a class='help noprint' href='#h'>"
            b"About this section</a></h2><p>Bakers bake bread.</p></article></body></html>")
    doc = load_bytes(page, "b.html")
    assert [b.text for b in doc.blocks if b.kind == "heading"] == ["Duties"]
    assert ("About this section", "navigation") in {(d.text, d.reason) for d in doc.removed}


def test_div_soup_sidebar_links_are_reported_and_related() -> None:
    article = _page("florist-divs.html")
    assert ("Florist vs. Floral Designer", "outside_article") in {(d.text, d.reason) for d in article.removed}
    assert "Florist vs. Floral Designer" in article.related


INLINE_CASES = [
    pytest.param("<div>Bakers <b>mix</b> dough, <a href='/x'>shape loaves</a> and bake.</div>",
                 ["Bakers mix dough, shape loaves and bake."], id="inline-run-is-one-paragraph"),
    pytest.param("<div>Bakers bake.<p>Cooks cook.</p>Chefs plan menus.</div>",
                 ["Bakers bake.", "Cooks cook.", "Chefs plan menus."], id="blocks-split-runs"),
    pytest.param("<div>Bakers bake. <a href='/t' style='height:0px; overflow:hidden;'>Transcript</a></div>",
                 ["Bakers bake."], id="inline-styled-out-of-sight"),
    pytest.param("<div>Bakers bake. <span class='share-icons'>Share</span></div>", ["Bakers bake."],
                 id="inline-chrome-by-class"),
]


@pytest.mark.parametrize(("body", "expected"), INLINE_CASES)
def test_text_between_blocks(body: str, expected: list[str]) -> None:
    page = f"<html><body><article><h1>What Does a Baker Do?</h1>{body}</article></body></html>".encode()
    blocks = [b.text for b in load_bytes(page, "b.html").blocks if b.kind == "paragraph"]
    assert blocks == expected


WAGE_CASES = [
    pytest.param("The median annual wage for kiln operators was $52,800 in May 2024.", [(52800.0, "year", "median")],
                 id="median-annual"),
    pytest.param("The median hourly wage for kiln operators was $14.92 in May 2024.", [(14.92, "hour", "median")],
                 id="hourly-only"),
    pytest.param("The lowest 10 percent of kiln operators earned less than $30,100, and the highest 10 percent "
                 "earned more than $80,200.", [(30100.0, "year", "bottom"), (80200.0, "year", "top")],
                 id="deciles"),
    pytest.param("Kiln operators earn $239,200 or more per year.", [(239200.0, "year", "top")], id="or-more"),
    pytest.param("The median hourly wage for kiln operators was $14.92 in May 2024. The lowest 10 percent earned "
                 "less than $11.50.", [(14.92, "hour", "median"), (11.5, "hour", "bottom")],
                 id="deciles-share-the-period-of-the-sentence-before"),
    pytest.param("The median annual wage for all workers was $49,500 in May 2024.", [], id="all-workers"),
]


@pytest.mark.parametrize(("sentence", "expected"), WAGE_CASES)
def test_wage_sentences(sentence: str, expected: list[tuple[float, str, str]]) -> None:
    article = run_article(sentence, role_b=None)
    assert [(s.amount, s.period, s.statistic) for s in article.salaries] == expected


TABLE_CASES = [
    pytest.param("| Fact | Value |\n|---|---|\n| 2024 Median Pay | $52,800 per year $25.38 per hour |",
                 [(52800.0, "year", "median"), (25.38, "hour", "median")], id="key-value-pay"),
    pytest.param("The median annual wages for kiln operators in the top industries were as follows:\n\n"
                 "| Industry | Wage |\n|---|---|\n| Tile manufacturing | $56,200 |\n| Pottery studios | 41,900 |",
                 [(56200.0, "year", "median"), (41900.0, "year", "median")], id="industry-wages-currency-once"),
    pytest.param("The median annual wages for kiln operators in the top industries were as follows:\n\n"
                 "| Industry | Wage |\n|---|---|\n| Junior colleges | $48,100 |\n| Senior living homes | 45,900 |",
                 [(48100.0, "year", "median"), (45900.0, "year", "median")],
                 id="the-introduction-outranks-words-of-a-label"),
    pytest.param("The median annual wages for kiln operators in the top industries were as follows:\n\n"
                 "Industry | Wage\n--- | ---\nTile manufacturing | $56,200\nPottery studios | $41,900",
                 [(56200.0, "year", "median"), (41900.0, "year", "median")], id="a-table-without-outer-pipes"),
    pytest.param("| Fact | Value |\n|---|---|\n| Number of Jobs, 2024 | 56,300 |\n| Job Outlook | 5% |", [],
                 id="counts-are-not-pay"),
    pytest.param("| Fact | Value |\n|---|---|\n| Median Pay | $52,800 per year |\n| Employment Change | 4,300 |",
                 [(52800.0, "year", "median")], id="a-count-in-a-mixed-column-is-not-pay"),
]


def test_a_one_cell_header_is_the_table_title_and_names_the_role() -> None:
    body = "| Quick facts: Glaze chemists |\n|---|\n| Median Pay | $61,200 per year |"
    article = run_article(body, heading="Pay")
    assert [(s.roles, s.amount) for s in article.salaries] == [(["glaze-chemist"], 61200.0)]


@pytest.mark.parametrize(("body", "expected"), TABLE_CASES)
def test_fact_tables(body: str, expected: list[tuple[float, str, str]]) -> None:
    article = run_article(body, heading="Pay", role_b=None)
    assert [(s.amount, s.period, s.statistic) for s in article.salaries] == expected
    assert all(s.roles == ["kiln-operator"] for s in article.salaries)


@pytest.mark.parametrize("other", [None, "Glaze Chemist"])
def test_largest_employer_tables_give_settings_of_the_role_they_introduce(other: str | None) -> None:
    body = ("The largest employers of kiln operators were as follows:\n\n| Industry | Share |\n|---|---|\n"
            "| Offices of dentists | 21% |\n| Self-employed workers | 8 |\n"
            "| Hospitals; state, local, and private | 5 |")
    article = run_article(body, heading="Work environment", role_b=other)
    assert {(tuple(s.roles), s.setting) for s in article.settings} == {
        (("kiln-operator",), "dental_office"), (("kiln-operator",), "self_employed"), (("kiln-operator",), "hospital")}
    assert not article.salaries


REQUIREMENT_ROWS = [
    pytest.param("| Typical Entry-Level Education | Associate's degree |", {("education", "associate")},
                 id="entry-education"),
    pytest.param("| Work Experience in a Related Occupation | None |", set(), id="none-rules-the-key-out"),
    pytest.param("| On-the-job Training | Apprenticeship |", {("training", None)}, id="training"),
]


@pytest.mark.parametrize(("row", "expected"), REQUIREMENT_ROWS)
def test_key_value_requirement_rows(row: str, expected: set[tuple[str, str | None]]) -> None:
    article = run_article("| Fact | Value |\n|---|---|\n" + row, heading="Quick facts", role_b=None)
    assert {(r.type, r.education_level) for r in article.requirements} == expected


def test_a_big_table_is_read_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each row's table (header, introduction, money columns) comes from one pass over the spans made
    once per document, so the cost grows with the rows, not their square."""
    calls = []
    index = salaries.tables

    def counted(seg: Any) -> dict[int, salaries.Table]:
        calls.append(seg)
        return index(seg)

    monkeypatch.setattr(salaries, "tables", counted)
    rows = "".join(f"<tr><td>Plant {i}</td><td>${40_000 + i:,}</td></tr>" for i in range(4000))
    page = ("<html><body><article><h1>What Does a Kiln Operator Do?</h1><h2>Pay</h2><p>The median annual wages "
            f"for kiln operators by plant were as follows:</p><table>{rows}</table></article></body></html>")
    article = process_bytes(page.encode(), "big.html")
    assert len(calls) == 1
    assert len(article.salaries) == 4000
    assert {(s.period, s.statistic) for s in article.salaries} == {("year", "median")}
