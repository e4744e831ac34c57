"""Relevance: career pages of every shape stay career; shops, news, recipes, forums, sign-in pages and other
pages are ``not_career`` with no roles and no facts (``pipeline.stages.relevance``)."""

from __future__ import annotations

import pytest

from pipeline.process import process_bytes
from pipeline.stages.relevance import THRESHOLD
from tests.relevance_pages import PAGES

FACTS = ("duties", "requirements", "salaries", "settings", "skills")


def test_the_table_has_enough_pages_of_each_kind() -> None:
    assert len(PAGES) >= 60
    assert sum(1 for _, career, _, _ in PAGES if career) >= 25
    assert sum(1 for _, career, _, _ in PAGES if not career) >= 25


@pytest.mark.parametrize(("name", "career", "file_name", "text"), PAGES, ids=[p[0] for p in PAGES])
def test_relevance(name: str, career: bool, file_name: str, text: str) -> None:
    article = process_bytes(text.encode("utf-8"), file_name)
    assert 0 <= article.relevance <= 1
    if career:
        assert article.article_type != "not_career", f"{name}: relevance {article.relevance}"
        assert article.relevance >= THRESHOLD
    else:
        assert article.article_type == "not_career", f"{name}: relevance {article.relevance}"
        assert article.relevance < THRESHOLD
        assert article.roles == [] and all(getattr(article, f) == [] for f in FACTS)
        assert article.comparison is None and all(s.roles == [] for s in article.sections)
        assert article.text  # the text and the removed lines are kept


def test_a_genre_is_named_in_the_warning() -> None:
    name, _, file_name, text = next(p for p in PAGES if p[0] == "drill-shop")
    article = process_bytes(text.encode("utf-8"), file_name)
    assert any("shop page" in w for w in article.warnings)
    assert article.removed  # the shop's navigation is reported as before


def test_keep_all_writes_facts_of_a_page_under_the_threshold() -> None:
    text = next(p[3] for p in PAGES if p[0] == "city-budget-news")
    plain = process_bytes(text.encode("utf-8"), "news.html")
    kept = process_bytes(text.encode("utf-8"), "news.html", keep_all=True)
    assert plain.article_type == "not_career"
    assert kept.article_type != "not_career" and kept.relevance == plain.relevance
    assert any("--keep-all" in w for w in kept.warnings)
