"""Provenance (``source.url``/``site``/``crawled``/``published``) read from a page's own metadata, and a
salary's reference year (``as_of``)."""

from __future__ import annotations

import pytest

from pipeline.process import process_bytes
from pipeline.rules.years import reference_year
from pipeline.stages.provenance import html_origin, iso_date, markdown_origin
from pipeline.types import Origin

PAGE = """<html><head><title>Kiln Operator Careers</title>{head}</head><body><main><h1>Kiln Operators</h1>
<p>Kiln operators fire ceramics in kilns. Kiln operators earn a median wage of $41,000 per year in May 2024.</p>
</main></body></html>"""


@pytest.mark.parametrize(("head", "url", "site", "published"), [
    ('<link rel="canonical" href="https://jobs.example/kiln">', "https://jobs.example/kiln", None, None),
    ('<meta property="og:url" content="https://www.jobs.example/kiln"><meta property="og:site_name" content="Jobs">',
     "https://www.jobs.example/kiln", "Jobs", None),
    ('<link rel="canonical" href="/kiln">', None, None, None),  # a relative URL says nothing of the site
    ('<meta property="article:published_time" content="2023-04-05T10:00:00Z">'
     '<meta property="article:modified_time" content="2024-02-01T08:00:00+01:00">', None, None, "2024-02-01"),
    ('<meta name="date" content="2025-08-28">', None, None, "2025-08-28"),
    ('<script type="application/ld+json">{"@type": "Article", "datePublished": "2022-11-30"}</script>',
     None, None, "2022-11-30"),
    ('<meta itemprop="dateModified" content="March 3, 2024">', None, None, "2024-03-03"),
    ('<meta name="date" content="not a date">', None, None, None),
])
def test_html_metadata(head: str, url: str | None, site: str | None, published: str | None) -> None:
    origin = html_origin(PAGE.format(head=head))
    assert (origin.url, origin.site, origin.published) == (url, site, published)


def test_an_article_carries_its_source() -> None:
    page = PAGE.format(head='<link rel="canonical" href="https://www.jobs.example/kiln">'
                            '<meta name="date" content="2024-06-01">').encode()
    article = process_bytes(page, "kiln.html")
    assert article.source.url == "https://www.jobs.example/kiln" and article.source.site == "jobs.example"
    assert article.source.published == "2024-06-01" and article.source.crawled is None
    assert [s.as_of for s in article.salaries] == [2024]


def test_a_record_url_and_date_win_over_the_page() -> None:
    page = PAGE.format(head='<link rel="canonical" href="https://mirror.example/kiln">').encode()
    record = Origin(url="https://jobs.example/kiln", crawled="2025-01-02T03:04:05Z")
    source = process_bytes(page, "kiln.html", record).source
    assert (source.url, source.crawled, source.site) == ("https://jobs.example/kiln", "2025-01-02T03:04:05Z",
                                                         "jobs.example")


def test_markdown_front_matter_and_plain_text() -> None:
    assert markdown_origin("---\ntitle: Kilns\ndate: 2021-05-06\nupdated: 2023-01-02\n---\n# Kilns\n").published == (
        "2023-01-02")
    assert markdown_origin("# Kilns\n\nUpdated 2023-01-02\n").published is None  # prose dates are not read
    assert process_bytes(b"Kiln operators fire kilns.\n", "k.txt").source.published is None


@pytest.mark.parametrize(("value", "day"), [
    ("2024-03-05", "2024-03-05"), ("2024-03-05T10:00:00Z", "2024-03-05"), ("2024/03/05", "2024-03-05"),
    ("March 5, 2024", "2024-03-05"), ("5 March 2024", "2024-03-05"), ("1850-01-01", None), ("soon", None),
])
def test_iso_date(value: str, day: str | None) -> None:
    assert iso_date(value) == day


@pytest.mark.parametrize(("sentence", "year"), [
    ("The median annual wage for kiln operators was $41,200 in May 2024.", 2024),
    ("According to 2023 data, glaze chemists earn $68,000.", 2023),
    ("Bell founders earned $23.10 an hour (2022).", 2022),
    ("Survey figures for 2021 put the pay of riggers at $39,000.", 2021),
    ("In 2023, the median pay of organ tuners was $45,500.", 2023),
    ("Lock keepers earned $38,000 in 2024.", 2024),
    ("As of March 2025, the starting salary is $50,000.", 2025),
    ("Kiln operators earn $41,200 per year.", None),
    ("Founded in 1999, the pottery pays kiln operators $41,200 a year.", None),  # another event's year
    ("Employment is projected to grow 4 percent from 2023 to 2033; pay averages $41,200.", None),
    ("Jobs are expected to grow by 2032, and kiln operators earn $41,200.", None),
])
def test_reference_year(sentence: str, year: int | None) -> None:
    assert reference_year(sentence, sentence.index("$")) == year
