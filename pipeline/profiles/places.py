"""Where an occupation's facts hold: the country of a salary's currency, the places an article's
title or summary names (``data/countries.jsonl``) and the country-code domain of its address."""

from __future__ import annotations

from urllib.parse import urlsplit

from pipeline.rules.loader import pattern_rules
from schemas.article import Article

PLACES = "countries.jsonl"
# ISO 3166 codes of the countries the lexicon and the currencies name, with their names.
NAMES = {"US": "United States", "GB": "United Kingdom", "CA": "Canada", "AU": "Australia", "NZ": "New Zealand",
         "IE": "Ireland", "IN": "India"}
# A currency one country uses (the euro names none).
CURRENCIES = {"USD": "US", "GBP": "GB", "CAD": "CA", "AUD": "AU", "NZD": "NZ", "INR": "IN"}
DOMAINS = {"uk": "GB", "us": "US", "ca": "CA", "au": "AU", "nz": "NZ", "ie": "IE", "in": "IN"}
# The country whose classification (SOC) and wage survey (OEWS) the profiles use.
OEWS_COUNTRY = "US"


def of_currency(currency: str) -> str | None:
    return CURRENCIES.get(currency)


def named(text: str) -> list[str]:
    """The countries a text names, in lexicon order."""
    return [rule.value for rule in pattern_rules(PLACES) if rule.regex.search(text)]


def stated(article: Article) -> list[str]:
    """The countries an article names in its title or summary, or its address's domain gives."""
    found = [*named(article.title or ""), *named(article.summary or "")]
    url = getattr(article.source, "url", None)
    if isinstance(url, str) and url:
        host = urlsplit(url).hostname or ""
        domain = DOMAINS.get(host.rpartition(".")[2])
        if domain:
            found.append(domain)
    return list(dict.fromkeys(found))


def of_article(article: Article, role: str | None = None) -> list[str]:
    """The countries of an article's salary currencies (of one role's, given ``role``), then the ones
    it states."""
    pay = [of_currency(s.currency) for s in article.salaries if role is None or role in s.roles]
    return list(dict.fromkeys([*(c for c in pay if c), *stated(article)]))


def country(code: str) -> dict[str, str]:
    """A schema.org ``Country`` for an ISO 3166 code."""
    return {"@type": "Country", "name": NAMES.get(code, code), "identifier": code}
