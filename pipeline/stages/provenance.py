"""provenance: where and when a page came from, read from its own metadata.

The URL is the page's ``<link rel=canonical>``, else its ``og:url``; the site name its ``og:site_name``
(or ``application-name``), else the URL's host; the date the page was last updated, else published,
from the meta tags, microdata and JSON-LD that publishers write (``article:modified_time``,
``dateModified``, ``article:published_time``, ``datePublished``, ``<meta name=date>``, ...) or a
Markdown file's front matter. The tags are found with regular expressions over the markup: a page's
metadata is a few flat tags, and no second parse of the page is needed. A date the page gives only in
its prose ("Updated March 2024") is not read: too often it is some other event's.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from urllib.parse import urlsplit

from pipeline.types import Origin

TAG = re.compile(r"<(?:meta|link|time)\b[^>]*>", re.IGNORECASE)
ATTRIBUTE = re.compile(r"""([a-zA-Z_:][\w:.-]*)\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+)""")
JSON_LD_DATE = re.compile(r'"(dateModified|datePublished)"\s*:\s*"([^"]{6,40})"')
FRONT_MATTER_DATE = re.compile(r"^(updated|lastmod|last_modified|modified|date|published)\s*:\s*[\"']?([^\"'\n]+)",
                               re.IGNORECASE | re.MULTILINE)

# Metadata names of a page's last update, then of its publication: the first one given wins.
UPDATED = ("article:modified_time", "og:updated_time", "datemodified", "last-modified", "dc.date.modified",
           "dcterms.modified", "lastmod")
PUBLISHED = ("article:published_time", "datepublished", "date", "dc.date", "dc.date.issued", "dcterms.issued",
             "dcterms.created", "pubdate", "publish-date", "publish_date", "parsely-pub-date", "sailthru.date")
SITE_NAMES = ("og:site_name", "application-name")
DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y")


def iso_date(value: str) -> str | None:
    """The ISO 8601 date (``2024-03-05``) a metadata value gives, or None for anything else."""
    text = value.strip()
    head = re.match(r"\d{4}-\d{2}-\d{2}", text)
    candidates = [head.group(0)] if head else [text.split("T")[0].strip(), text]
    for candidate in candidates:
        for fmt in DATE_FORMATS:
            try:
                day = datetime.strptime(candidate, fmt).date()
            except ValueError:
                continue
            return day.isoformat() if date(1990, 1, 1) <= day <= date(2100, 1, 1) else None
    return None


def _absolute(url: str | None) -> str | None:
    if not url:
        return None
    url = url.strip()
    return url if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc else None


def site_of(url: str | None) -> str | None:
    """A URL's host without ``www.``: the site's name where the page gives none."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def _tags(markup: str) -> dict[str, str]:
    """The page's metadata by lower-case name (``meta`` name/property/itemprop, ``link`` rel), first value kept."""
    found: dict[str, str] = {}
    for tag in TAG.finditer(markup):
        attrs = {k.lower(): v.strip("\"'") for k, v in ATTRIBUTE.findall(tag.group(0))}
        value = attrs.get("content") or attrs.get("href") or attrs.get("datetime") or ""
        for key in ("name", "property", "itemprop", "http-equiv", "rel"):
            if key in attrs and value:
                found.setdefault(attrs[key].lower().strip(), value)
    return found


def _first_date(found: dict[str, str], names: tuple[str, ...]) -> str | None:
    for name in names:
        if name in found and (day := iso_date(found[name])):
            return day
    return None


def html_origin(markup: str) -> Origin:
    found = _tags(markup)
    if "dateModified" in markup or "datePublished" in markup:
        for name, value in JSON_LD_DATE.findall(markup):
            found.setdefault(name.lower(), value)
    url = _absolute(found.get("canonical")) or _absolute(found.get("og:url"))
    site = next((found[n].strip() for n in SITE_NAMES if found.get(n, "").strip()), None)
    published = _first_date(found, UPDATED) or _first_date(found, PUBLISHED)
    return Origin(url=url, site=site, published=published)


def markdown_origin(text: str) -> Origin:
    """A Markdown file's front matter (``date:``, ``updated:``) gives its date."""
    if not text.startswith("---"):
        return Origin()
    end = text.find("\n---", 3)
    found = {k.lower(): v for k, v in FRONT_MATTER_DATE.findall(text[: end if end > 0 else 2000])}
    return Origin(published=_first_date(found, ("updated", "lastmod", "last_modified", "modified"))
                  or _first_date(found, ("date", "published")))


def merge(record: Origin, page: Origin) -> Origin:
    """A web-archive record's URL and date over what the page says of itself; the site from either."""
    url = record.url or page.url
    return Origin(url=url, site=page.site or record.site or site_of(url), crawled=record.crawled,
                  published=record.published or page.published)
