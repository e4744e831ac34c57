"""An occupation profile as flat rows: one for the occupation, one per currency and period of its pay,
and one per fact and source (the SQLite export's ``occupations``, ``occupation_pay`` and
``occupation_facts``)."""

from __future__ import annotations

from schemas.profile import Counted, Profile, Source, Wages

OCCUPATION_COLUMNS = ("soc", "soc_title", "name", "names", "articles", "currency", "period", "median", "low", "high",
                      "sources", "oews_code", "oews_title", "oews_basis", "oews_release", "oews_annual_p10",
                      "oews_annual_median", "oews_annual_p90", "oews_hourly_p10", "oews_hourly_median",
                      "oews_hourly_p90", "outliers", "profile")
PAY_COLUMNS = ("soc", "currency", "period", "median", "p10", "p25", "p75", "p90", "low", "high", "figures", "sources")
FACT_COLUMNS = ("soc", "article_path", "fact", "roles", "field", "value", "duty", "amount", "min", "max", "currency",
                "period", "statistic", "percentile", "annual_amount", "as_of", "outlier", "evidence", "evidence_start",
                "evidence_end", "confidence")
# A profile's counted lists and the field name their rows carry.
COUNTED = {"education": "education", "qualifications": "qualification", "settings": "setting", "skills": "skill"}


def _wage(wages: Wages | None, name: str) -> float | None:
    return getattr(wages, name) if wages is not None else None


def occupation_row(profile: Profile) -> dict[str, object]:
    pay = profile.pay[0] if profile.pay else None
    oews = profile.oews
    return {
        "soc": profile.soc, "soc_title": profile.soc_title,
        "name": profile.names[0].name if profile.names else profile.soc_title or profile.soc,
        "names": ";".join(n.name for n in profile.names), "articles": len(profile.articles),
        "currency": pay.currency if pay else None, "period": pay.period if pay else None,
        "median": pay.median if pay else None, "low": pay.low if pay else None, "high": pay.high if pay else None,
        "sources": pay.sources if pay else 0,
        "oews_code": oews.code if oews else None, "oews_title": oews.title if oews else None,
        "oews_basis": oews.basis if oews else None, "oews_release": oews.release if oews else None,
        **{f"oews_{period}_{name}": _wage(getattr(oews, period) if oews else None, name)
           for period in ("annual", "hourly") for name in ("p10", "median", "p90")},
        "outliers": sum(1 for s in profile.salaries if s.outlier),
        "profile": profile.model_dump_json(),
    }


def pay_rows(profile: Profile) -> list[dict[str, object]]:
    return [{"soc": profile.soc, **p.model_dump()} for p in profile.pay]


def _source(profile: Profile, source: Source, field: str, value: str) -> dict[str, object]:
    row: dict[str, object] = dict.fromkeys(FACT_COLUMNS)
    row.update(soc=profile.soc, article_path=source.article, fact=source.fact, roles=";".join(source.roles),
               field=field, value=value,
               evidence=source.evidence, evidence_start=source.start, evidence_end=source.end,
               confidence=source.confidence)
    return row


def _counted(profile: Profile, items: list[Counted], field: str) -> list[dict[str, object]]:
    return [_source(profile, s, field, c.value) for c in items for s in c.sources]


def fact_rows(profile: Profile) -> list[dict[str, object]]:
    """One row per fact and source: salaries, duties (``duty`` numbers the merged duty a row says, from
    1), then education levels, qualifications, settings and skills."""
    rows = []
    for s in profile.salaries:
        row = _source(profile, s, "salary", s.text)
        row.update({k: getattr(s, k) for k in ("amount", "min", "max", "currency", "period", "statistic", "percentile",
                                               "annual_amount", "as_of", "outlier")})
        rows.append(row)
    for n, duty in enumerate(profile.duties, 1):
        for q in duty.sources:
            rows.append({**_source(profile, q, "duty", q.text), "duty": n})
    for attr, field in COUNTED.items():
        rows.extend(_counted(profile, getattr(profile, attr), field))
    return rows
