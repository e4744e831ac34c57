"""schema.org ``Occupation`` objects: one per (article, role) (``occupations``), and one per occupation
profile (``profile_occupation``), with the properties Google's "Estimated salary" results read.

``estimatedSalary`` is a list of ``MonetaryAmountDistribution``, one per currency and period, each with
its ``duration`` and whichever of the 10th, 25th, 50th, 75th and 90th percentiles are known. A figure
of another statistic (an average, a range, a starting salary) is no point of a distribution: it stays
in the other export formats. ``occupationLocation`` names the countries of the figures' currencies and
the places the article states (and, for a profile, the United States where OEWS figures stand beside
the articles').
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pipeline.profiles import places
from schemas.article import Article, Role, Salary
from schemas.profile import Counted, Oews, PaySummary, Profile, Wages

CONTEXT = "https://schema.org"
DURATIONS = {"year": "P1Y", "month": "P1M", "week": "P1W", "day": "P1D", "hour": "PT1H"}
# The contract's education levels as schema.org credential categories (the words Google lists).
CREDENTIALS = {
    "high_school": "high school",
    "postsecondary_nondegree": "professional certificate",
    "some_college": "professional certificate",
    "associate": "associate degree",
    "bachelor": "bachelor degree",
    "master": "postgraduate degree",
    "doctoral_professional": "postgraduate degree",
}
# A distribution's property for each percentile.
SLOTS = {10: "percentile10", 25: "percentile25", 50: "median", 75: "percentile75", 90: "percentile90"}
OEWS_BASIS = {"own": "", "aggregate": " (the OEWS code that holds this occupation)",
              "group": " (the group that holds this occupation)"}


def _slot(s: Salary) -> str | None:
    """The distribution property a figure fills: a median, or a figure the text gives a percentile."""
    if s.amount is None:
        return None
    return SLOTS[50] if s.statistic == "median" else SLOTS.get(s.percentile) if s.percentile else None


def distribution(currency: str, period: str, name: str, points: dict[str, float], description: str = "") \
        -> dict[str, object]:
    found: dict[str, object] = {"@type": "MonetaryAmountDistribution", "name": name, "currency": currency,
                                "duration": DURATIONS[period]}
    if description:
        found["description"] = description
    found.update((slot, points[slot]) for slot in SLOTS.values() if slot in points)
    return found


def distributions(salaries: list[Salary]) -> list[dict[str, object]]:
    """The figures that are points of a distribution, one ``MonetaryAmountDistribution`` per currency
    and period (of two figures for one point, the first)."""
    points: dict[tuple[str, str], dict[str, float]] = {}
    for s in salaries:
        slot = _slot(s)
        if slot is not None and s.amount is not None:
            points.setdefault((s.currency, s.period), {}).setdefault(slot, s.amount)
    return [distribution(currency, period, "base", found) for (currency, period), found in points.items()]


def category(soc: str, title: str | None) -> dict[str, object]:
    return {"@type": "CategoryCode", "codeValue": soc,
            "inCodeSet": {"@type": "CategoryCodeSet", "name": "2018 SOC"}, **({"name": title} if title else {})}


def credentials(levels: Iterable[str]) -> list[dict[str, object]]:
    categories = dict.fromkeys(CREDENTIALS[level] for level in levels if level in CREDENTIALS)
    return [{"@type": "EducationalOccupationalCredential", "credentialCategory": c} for c in categories]


def _known(out: dict[str, object], **values: object) -> dict[str, object]:
    """``out`` with the values that are not empty."""
    out.update((key, value) for key, value in values.items() if value)
    return out


def occupation(article: Article, role: Role) -> dict[str, object]:
    """One role of an article as an ``Occupation``."""
    rid = role.id
    mine = [q for q in article.requirements if rid in q.roles]
    return _known(
        {"@context": CONTEXT, "@type": "Occupation", "name": role.name, "mainEntityOfPage": article.source.path},
        occupationalCategory=category(role.soc, role.soc_title) if role.soc else None,
        estimatedSalary=distributions([s for s in article.salaries if rid in s.roles]),
        occupationLocation=[places.country(c) for c in places.of_article(article, rid)],
        educationRequirements=credentials(q.education_level for q in mine if q.education_level),
        qualifications=list(dict.fromkeys(q.name for q in mine if q.type in ("certification", "license") and q.name)),
        experienceRequirements="; ".join(dict.fromkeys(q.text for q in mine if q.type == "experience")),
        responsibilities=list(dict.fromkeys(d.text for d in article.duties if rid in d.roles)),
        skills=list(dict.fromkeys(s.skill for s in article.skills if rid in s.roles)),
    )


def occupations(article: Article) -> list[dict[str, object]]:
    return [occupation(article, role) for role in article.roles]


def _summary(pay: PaySummary) -> dict[str, object] | None:
    points = {SLOTS[p]: v for p, v in ((10, pay.p10), (25, pay.p25), (50, pay.median), (75, pay.p75),
                                       (90, pay.p90)) if v is not None}
    if not points:
        return None
    return distribution(pay.currency, pay.period, "articles", points,
                        f"the median of {pay.sources} article(s)' figures")


def _oews(found: Oews, period: str, wages: Wages | None) -> dict[str, object] | None:
    points = {SLOTS[p]: v for p, v in ((10, wages.p10), (25, wages.p25), (50, wages.median), (75, wages.p75),
                                       (90, wages.p90)) if v is not None} if wages else {}
    if not points:
        return None
    return distribution("USD", period, f"OEWS {found.release}", points,
                        f"U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, "
                        f"{found.release}: national wages of {found.code} {found.title}{OEWS_BASIS[found.basis]}")


def profile_pay(profile: Profile) -> list[dict[str, object]]:
    """The articles' summaries that have a percentile, then OEWS's yearly and hourly wages."""
    found = [_summary(p) for p in profile.pay]
    if profile.oews is not None:
        found += [_oews(profile.oews, "year", profile.oews.annual), _oews(profile.oews, "hour", profile.oews.hourly)]
    return [d for d in found if d is not None]


def _values(counted: Sequence[Counted]) -> list[str]:
    return [c.value for c in counted]


def profile_occupation(profile: Profile) -> dict[str, object]:
    """An occupation profile as an ``Occupation``: named by the name most articles give it."""
    names = [n.name for n in profile.names]
    description = (profile.description.text if profile.description else
                   f"{profile.soc_title or names[0]}: occupation {profile.soc} of the 2018 Standard Occupational "
                   "Classification.")
    return _known(
        {"@context": CONTEXT, "@type": "Occupation", "name": names[0] if names else profile.soc_title or profile.soc},
        alternateName=names[1:], description=description,
        occupationalCategory=category(profile.soc, profile.soc_title),
        estimatedSalary=profile_pay(profile),
        occupationLocation=[places.country(c) for c in profile.countries],
        educationRequirements=credentials(_values(profile.education)),
        qualifications=_values(profile.qualifications),
        responsibilities=[d.text for d in profile.duties],
        skills=_values(profile.skills),
    )
