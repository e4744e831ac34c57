"""An occupation's pay: each article's figure with its source and OEWS check, the figures summarised per
currency and period, and the OEWS wages of its code."""

from __future__ import annotations

from collections import defaultdict
from statistics import median
from typing import Any

from pipeline.rules import oews
from schemas.article import Salary

# A figure, source or summary as plain values (see ``pipeline.profiles.build``).
Record = dict[str, Any]

PERIOD_ORDER = ("year", "month", "week", "day", "hour")
# The summary's percentile fields and the figures that fill them.
PERCENTILES = {"p10": 10, "p25": 25, "p75": 75, "p90": 90}


def salary(code: str, fact: Salary, source: Record) -> Record:
    """A salary of an article as the profile of ``code`` lists it, flagged when far outside OEWS."""
    amounts = [v for v in (fact.amount, fact.min, fact.max) if v is not None]
    return {**source, "amount": fact.amount, "min": fact.min, "max": fact.max, "currency": fact.currency,
            "period": fact.period, "statistic": fact.statistic, "percentile": fact.percentile,
            "annual_amount": fact.annual_amount, "as_of": getattr(fact, "as_of", None), "text": fact.text,
            "outlier": oews.outlier(code, fact.currency, fact.period, amounts)}


def _percentile(s: Record) -> int | None:
    return 50 if s["statistic"] == "median" else s["percentile"]


def _per_source(figures: list[Record], percentile: int) -> list[float]:
    """Each source's first figure at ``percentile`` (an article and role names: one figure each)."""
    first: dict[tuple[str, tuple[str, ...]], float] = {}
    for s in figures:
        if s["amount"] is not None and _percentile(s) == percentile:
            first.setdefault((s["article"], tuple(s["roles"])), s["amount"])
    return list(first.values())


def _middle(values: list[float]) -> float | None:
    return round(float(median(values)), 2) if values else None


def summary(figures: list[Record]) -> Record:
    """Figures of one currency and period: the median of the sources' medians (and of their other
    percentiles), the lowest and highest figure, how many figures and articles."""
    values = [v for s in figures for v in (s["amount"], s["min"], s["max"]) if v is not None]
    known = {name: _middle(_per_source(figures, p)) for name, p in PERCENTILES.items()}
    return {"currency": figures[0]["currency"], "period": figures[0]["period"],
            "median": _middle(_per_source(figures, 50)), **known, "low": min(values), "high": max(values),
            "figures": len(figures), "sources": len({s["article"] for s in figures})}


def summaries(salaries: list[Record]) -> list[Record]:
    """One summary per currency and period the articles use, outliers left out; the currency most
    articles use first."""
    groups: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for s in salaries:
        if s["outlier"] is None and any(s[k] is not None for k in ("amount", "min", "max")):
            groups[(s["currency"], s["period"])].append(s)
    out = [summary(figures) for figures in groups.values()]
    return sorted(out, key=lambda p: (-p["sources"], p["currency"], PERIOD_ORDER.index(p["period"])))


def _wages(found: oews.Wages | None) -> Record | None:
    return found._asdict() if found is not None else None


def official(code: str) -> Record | None:
    """The OEWS wages that stand for ``code``: its own, its merged code's or its group's, marked."""
    found = oews.figures(code)
    if found is None:
        return None
    return {"code": found.code, "title": found.title, "basis": found.basis, "release": found.release,
            "published": found.published, "annual": _wages(found.annual), "hourly": _wages(found.hourly),
            "top_coded": found.top_coded}
