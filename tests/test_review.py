"""``extract review``: the static review site. Its pages hold one highlight per fact, show article
text only as text, name no outside address, mark facts against labels, and work in a browser
(headless Chromium driven by Selenium; skipped only where no Chromium can be found)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from pipeline.batch.runner import Options, run
from pipeline.cli import main
from pipeline.review import review
from tests.conftest import ROOT

SAMPLE = ROOT / "raw" / "medical-coder-vs-medical-biller.txt"
ARTIFACTS = ROOT / "test-artifacts"
HOSTILE = ("Kiln Operator vs. Glaze Chemist: What Are the Differences?\n\n"
           "Kiln operators earn $41,000 per year. <script>alert('x')</script> and \"><img src=x onerror=alert(1)>\n\n"
           "Glaze chemists work in laboratories & test <b>glazes</b>.\n")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    src = tmp_path_factory.mktemp("src")
    shutil.copy(SAMPLE, src / SAMPLE.name)
    (src / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    (src / "broken.txt").write_bytes(b"\x00\x01\x02" * 100)
    (src / "hostile.gold.json").write_text(json.dumps({
        "roles": ["Kiln Operator", "Glaze Chemist"],
        "salaries": [{"role": "Kiln Operator", "amount": 41000, "period": "year", "currency": "USD"},
                     {"role": "Glaze Chemist", "amount": 68000, "period": "year", "currency": "USD"}],
        "settings": [],
    }), encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    run(src, out, Options())
    summary = review(out, src)
    assert summary.pages == 2 and summary.failed == 1
    return out


def _facts(out: Path, name: str) -> int:
    article = json.loads((out / f"{name}.json").read_text(encoding="utf-8"))
    return sum(len(article[field]) for field in ("duties", "requirements", "salaries", "settings", "skills"))


def _page(out: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((out / "review" / f"{name}.html").read_text(encoding="utf-8"), "html.parser")


def test_one_highlight_per_fact(site: Path) -> None:
    for name in ("medical-coder-vs-medical-biller", "hostile"):
        marks = _page(site, name).select("mark.hl")
        assert len(marks) == _facts(site, name) and len({m["id"] for m in marks}) == len(marks)
        assert all(m["data-rule"] and m["data-field"] for m in marks)


def test_each_fact_shows_its_confidence(site: Path) -> None:
    article = json.loads((site / "medical-coder-vs-medical-biller.json").read_text(encoding="utf-8"))
    confidences = sorted(f"{f['confidence']:.2f}" for field in ("duties", "requirements", "salaries", "settings",
                                                                 "skills") for f in article[field])
    page = _page(site, "medical-coder-vs-medical-biller")
    assert sorted(m["data-confidence"] for m in page.select("mark.hl")) == confidences
    listed = page.select("#by-role a.jump")
    assert listed and all(a.select_one(".conf").get_text() == a["data-confidence"] for a in listed)
    control = page.select_one("#confidence-control input#min-confidence")
    assert control is not None and control["type"] == "range" and control["value"] == "0"


def test_article_text_is_shown_as_text(site: Path) -> None:
    raw = (site / "review" / "hostile.html").read_text(encoding="utf-8")
    assert "<script>alert" not in raw and "<img src=x" not in raw and "<b>glazes" not in raw
    page = _page(site, "hostile")
    assert "<script>alert('x')</script>" in page.select_one("#text").get_text()
    assert len(page.find_all("script")) == 1  # the page's own


def test_the_site_names_no_outside_address(site: Path) -> None:
    for path in (site / "review").rglob("*.html"):
        assert "http" not in path.read_text(encoding="utf-8"), path


def test_labels_mark_extra_and_missed_facts(site: Path) -> None:
    page = _page(site, "hostile")
    missed = [li.get_text() for li in page.select("#missed li")]
    assert len(missed) == 1 and "68000" in missed[0]
    assert page.select("mark.hl.extra[data-field=settings]")  # "laboratories": the labels list no setting
    assert not page.select("mark.hl.extra[data-field=salaries]")


def test_the_index_lists_every_input(site: Path) -> None:
    index = BeautifulSoup((site / "review" / "index.html").read_text(encoding="utf-8"), "html.parser")
    rows = index.select("#inputs tbody tr")
    assert len(rows) == 3
    failed = [r for r in rows if "failed" in r["class"]]
    assert len(failed) == 1 and "broken.txt" in failed[0].get_text()
    links = {a["href"] for a in index.select("#inputs a")}
    assert links == {"medical-coder-vs-medical-biller.html", "hostile.html"}


def test_cli(site: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["review", str(site), "-q"])
    assert result.exit_code == 0, result.output
    result = CliRunner().invoke(main, ["review", str(tmp_path)])
    assert result.exit_code == 2 and "no manifest.jsonl" in result.output


def _browser() -> object:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if chromium is None or driver is None:
        pytest.skip("no Chromium here: install Debian's chromium and chromium-driver (.ci/run does, as root)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,1000"):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(driver), options=options)


def test_in_a_browser(site: Path) -> None:
    from selenium.webdriver.common.by import By

    browser: object = _browser()
    try:
        page = site / "review" / "medical-coder-vs-medical-biller.html"
        browser.get(page.as_uri())  # type: ignore[attr-defined]
        marks = browser.find_elements(By.CSS_SELECTOR, "mark.hl")  # type: ignore[attr-defined]
        assert len(marks) == _facts(site, "medical-coder-vs-medical-biller")
        salary = browser.find_element(By.CSS_SELECTOR, "mark.hl.f-salaries")  # type: ignore[attr-defined]
        salary.click()
        details = browser.find_element(By.ID, "details").text  # type: ignore[attr-defined]
        assert "salaries" in details and "salary-prose" in details and "statistic" in details
        assert "confidence" in details
        _hide_below(browser, site)
        ARTIFACTS.mkdir(exist_ok=True)
        browser.save_screenshot(str(ARTIFACTS / "review-page.png"))  # type: ignore[attr-defined]
        browser.find_element(By.CSS_SELECTOR, "header a").click()  # type: ignore[attr-defined]
        search = browser.find_element(By.ID, "filter")  # type: ignore[attr-defined]
        search.send_keys("broken")
        rows = browser.find_elements(By.CSS_SELECTOR, "#inputs tbody tr")  # type: ignore[attr-defined]
        assert [r.is_displayed() for r in rows].count(True) == 1
        browser.save_screenshot(str(ARTIFACTS / "review-index.png"))  # type: ignore[attr-defined]
    finally:
        browser.quit()  # type: ignore[attr-defined]


def _hide_below(browser: Any, site: Path) -> None:
    """The confidence control hides the highlights and listed facts below it, and shows them again."""
    from selenium.webdriver.common.by import By

    article = json.loads((site / "medical-coder-vs-medical-biller.json").read_text(encoding="utf-8"))
    sure = sum(1 for field in ("duties", "requirements", "salaries", "settings", "skills") for f in article[field]
               if f["confidence"] >= 0.9)
    slider = browser.find_element(By.ID, "min-confidence")
    browser.execute_script("arguments[0].value = '0.9'; arguments[0].dispatchEvent(new Event('input'));", slider)
    marks = browser.find_elements(By.CSS_SELECTOR, "mark.hl")
    assert sum(1 for m in marks if "below" not in (m.get_attribute("class") or "")) == sure
    assert f"{sure} of {len(marks)} facts shown" in browser.find_element(By.ID, "shown-count").text
    hidden = browser.find_elements(By.CSS_SELECTOR, "#by-role a.jump.below")
    assert hidden and not any(a.is_displayed() for a in hidden)
    browser.execute_script("arguments[0].value = '0'; arguments[0].dispatchEvent(new Event('input'));", slider)
    assert not browser.find_elements(By.CSS_SELECTOR, "mark.hl.below")
