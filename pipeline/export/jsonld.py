"""schema.org ``Occupation`` objects, one per (article, role): the structured data search engines
read, with ``estimatedSalary`` as Google's "Estimated salary" results want it."""

from __future__ import annotations

from schemas.article import Article, Role, Salary

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
# A distribution's figures by statistic and percentile.
DISTRIBUTION = {("median", 50): "median", ("median", None): "median", ("bottom", 10): "percentile10",
                ("bottom", 25): "percentile25", ("top", 75): "percentile75", ("top", 90): "percentile90"}


def _distributions(salaries: list[Salary]) -> list[dict[str, object]]:
    """Medians and percentiles as one ``MonetaryAmountDistribution`` per currency and period;
    ranges and single figures of other statistics as ``MonetaryAmount``."""
    grouped: dict[tuple[str, str], dict[str, object]] = {}
    amounts: list[dict[str, object]] = []
    for s in salaries:
        key = DISTRIBUTION.get((s.statistic, s.percentile))
        if key is not None and s.amount is not None:
            dist = grouped.setdefault((s.currency, s.period), {
                "@type": "MonetaryAmountDistribution", "name": "base", "currency": s.currency,
                "duration": DURATIONS[s.period]})
            dist.setdefault(key, s.amount)
        elif s.min is not None and s.max is not None:
            amounts.append({"@type": "MonetaryAmount", "name": f"{s.statistic} per {s.period}",
                            "currency": s.currency, "minValue": s.min, "maxValue": s.max})
        elif s.amount is not None:
            amounts.append({"@type": "MonetaryAmount", "name": f"{s.statistic} per {s.period}",
                            "currency": s.currency, "value": s.amount})
    return [*grouped.values(), *amounts]


def occupation(article: Article, role: Role) -> dict[str, object]:
    rid = role.id
    out: dict[str, object] = {"@context": CONTEXT, "@type": "Occupation", "name": role.name,
                              "mainEntityOfPage": article.source.path}
    if role.soc:
        out["occupationalCategory"] = {"@type": "CategoryCode", "codeValue": role.soc,
                                       "inCodeSet": {"@type": "CategoryCodeSet", "name": "2018 SOC"},
                                       **({"name": role.soc_title} if role.soc_title else {})}
    pay = _distributions([s for s in article.salaries if rid in s.roles])
    if pay:
        out["estimatedSalary"] = pay
    levels = dict.fromkeys(CREDENTIALS[q.education_level] for q in article.requirements
                           if rid in q.roles and q.education_level in CREDENTIALS)
    if levels:
        out["educationRequirements"] = [{"@type": "EducationalOccupationalCredential", "credentialCategory": c}
                                        for c in levels]
    credentials = dict.fromkeys(q.name for q in article.requirements
                                if rid in q.roles and q.type in ("certification", "license") and q.name)
    if credentials:
        out["qualifications"] = list(credentials)
    experience = [q.text for q in article.requirements if rid in q.roles and q.type == "experience"]
    if experience:
        out["experienceRequirements"] = "; ".join(dict.fromkeys(experience))
    duties = list(dict.fromkeys(d.text for d in article.duties if rid in d.roles))
    if duties:
        out["responsibilities"] = duties
    skills = list(dict.fromkeys(s.skill for s in article.skills if rid in s.roles))
    if skills:
        out["skills"] = skills
    return out


def occupations(article: Article) -> list[dict[str, object]]:
    return [occupation(article, role) for role in article.roles]
