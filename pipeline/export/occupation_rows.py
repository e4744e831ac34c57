"""An occupation profile as flat rows: one for the occupation, one per currency and period of its pay,
and one per fact and source (the SQLite export's ``occupations``, ``occupation_pay`` and
``occupation_facts``). Rows are made from a profile's plain values (``Collector.records``): a large
export need not build a model per fact."""

from __future__ import annotations

from typing import Any

OCCUPATION_COLUMNS = ("soc", "soc_title", "name", "names", "articles", "currency", "period", "median_per_period",
                      "low_per_period", "high_per_period", "sources", "oews_code", "oews_title", "oews_basis",
                      "oews_release", "oews_annual_p10", "oews_annual_median", "oews_annual_p90", "oews_hourly_p10",
                      "oews_hourly_median", "oews_hourly_p90", "outliers")
# Money per the row's ``period`` (every money column says its unit, as in the other tables).
PAY_COLUMNS = ("soc", "currency", "period", "median_per_period", "p10_per_period", "p25_per_period", "p75_per_period",
               "p90_per_period", "low_per_period", "high_per_period", "figures", "sources")
PAY_FIELDS = ("median", "p10", "p25", "p75", "p90", "low", "high")
FACT_COLUMNS = ("soc", "article_path", "fact", "roles", "field", "value", "duty", "amount_per_period",
                "min_per_period", "max_per_period", "currency", "period", "statistic", "percentile", "annual_amount",
                "as_of", "outlier", "evidence_start", "evidence_end", "confidence")
# A salary's columns and the profile's fields they hold.
SALARY_COLUMNS = {"amount_per_period": "amount", "min_per_period": "min", "max_per_period": "max",
                  "currency": "currency", "period": "period", "statistic": "statistic", "percentile": "percentile",
                  "annual_amount": "annual_amount", "as_of": "as_of", "outlier": "outlier"}
# A profile's counted lists and the field name their rows carry.
COUNTED = {"education": "education", "qualifications": "qualification", "settings": "setting", "skills": "skill"}
Profile = dict[str, Any]


def _pay(pay: dict[str, Any] | None) -> dict[str, object]:
    """The headline pay: the summary of the currency and period most articles use."""
    money = {f"{k}_per_period": pay[k] if pay else None for k in ("median", "low", "high")}
    return {"currency": pay["currency"] if pay else None, "period": pay["period"] if pay else None, **money,
            "sources": pay["sources"] if pay else 0}


def _oews(oews: dict[str, Any] | None) -> dict[str, object]:
    out: dict[str, object] = {f"oews_{k}": oews[k] if oews else None for k in ("code", "title", "basis", "release")}
    for period in ("annual", "hourly"):
        wages = oews[period] if oews else None
        out.update({f"oews_{period}_{name}": wages[name] if wages else None for name in ("p10", "median", "p90")})
    return out


def occupation_row(profile: Profile) -> dict[str, object]:
    names = [n["name"] for n in profile["names"]]
    return {
        "soc": profile["soc"], "soc_title": profile["soc_title"],
        "name": names[0] if names else profile["soc_title"] or profile["soc"],
        "names": ";".join(names), "articles": len(profile["articles"]),
        **_pay(profile["pay"][0] if profile["pay"] else None), **_oews(profile["oews"]),
        "outliers": sum(1 for s in profile["salaries"] if s["outlier"]),
    }


def pay_rows(profile: Profile) -> list[dict[str, object]]:
    return [{"soc": profile["soc"], "currency": p["currency"], "period": p["period"],
             **{f"{k}_per_period": p[k] for k in PAY_FIELDS}, "figures": p["figures"], "sources": p["sources"]}
            for p in profile["pay"]]


def _source(profile: Profile, source: dict[str, Any], field: str, value: str) -> dict[str, object]:
    row: dict[str, object] = dict.fromkeys(FACT_COLUMNS)
    row.update(soc=profile["soc"], article_path=source["article"], fact=source["fact"], roles=";".join(source["roles"]),
               field=field, value=value, evidence_start=source["start"], evidence_end=source["end"],
               confidence=source["confidence"])
    return row


def fact_rows(profile: Profile) -> list[dict[str, object]]:
    """One row per fact and source: salaries, duties (``duty`` numbers the merged duty a row says, from
    1), then education levels, qualifications, settings and skills."""
    rows = []
    for s in profile["salaries"]:
        row = _source(profile, s, "salary", s["text"])
        row.update({column: s[key] for column, key in SALARY_COLUMNS.items()})
        rows.append(row)
    for n, duty in enumerate(profile["duties"], 1):
        rows.extend({**_source(profile, q, "duty", q["text"]), "duty": n} for q in duty["sources"])
    for key, field in COUNTED.items():
        rows.extend(_source(profile, s, field, c["value"]) for c in profile[key] for s in c["sources"])
    return rows
