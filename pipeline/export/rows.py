"""Flat rows of an article: one per role (what a comparison site lists) and one per fact.

Every money column says its unit: ``*_annual`` / ``annual_*`` columns are per year (a figure of
another period converted as the contract converts ``annual_amount``: hour × 2080, day × 260, week
× 52, month × 12), ``*_per_period`` columns are as the text gives them, per the row's ``period``
column. The currency is the row's ``currency``. So no column puts a range of one period beside a
figure of another without saying so.
"""

from __future__ import annotations

from typing import get_args

from schemas.article import ANNUAL_FACTOR, Article, EducationLevel, Role, Salary, headline_salary

# The order the contract lists education levels in: a role's levels are joined in it.
EDUCATION_ORDER = {level: n for n, level in enumerate(get_args(EducationLevel))}

ROLE_COLUMNS = ("article_path", "article_title", "role_id", "role_name", "soc", "soc_title",
                "salary_annual", "salary_annual_min", "salary_annual_max",
                "salary_per_period", "salary_period", "salary_statistic", "currency",
                "education", "settings", "skills", "source_url", "published")
FACT_COLUMNS = ("article_path", "field", "role_id", "value", "detail",
                "amount_per_period", "min_per_period", "max_per_period", "period", "currency", "statistic",
                "annual_amount", "annual_min", "annual_max", "evidence_start", "evidence_end", "rule", "as_of")


def per_year(value: float | None, period: str) -> float | None:
    """A figure of ``period`` as a yearly one, rounded as ``annual_amount`` is."""
    return None if value is None else round(value * ANNUAL_FACTOR[period], 2)


def salary_range(salaries: list[Salary], role: str, headline: Salary | None) -> Salary | None:
    """The role's pay range: the headline figure when it is one, else the role's first range in the
    headline's currency (in any, without a headline)."""
    if headline is not None and headline.min is not None:
        return headline
    currency = headline.currency if headline else None
    return next((s for s in salaries if role in s.roles and s.min is not None and s.max is not None
                 and currency in (None, s.currency)), None)


def salary_columns(salaries: list[Salary], role: str) -> dict[str, object]:
    """The role's headline figure per year and as written, and its range per year."""
    pay = headline_salary(salaries, role)
    span = salary_range(salaries, role, pay)
    money = pay or span
    return {
        "salary_annual": pay.annual_amount if pay else None,
        "salary_annual_min": per_year(span.min, span.period) if span else None,
        "salary_annual_max": per_year(span.max, span.period) if span else None,
        "salary_per_period": pay.amount if pay else None,
        "salary_period": pay.period if pay else "",
        "salary_statistic": pay.statistic if pay else "",
        "currency": money.currency if money else "",
    }


def role_row(article: Article, path: str, role: Role) -> dict[str, object]:
    levels = {q.education_level for q in article.requirements if role.id in q.roles and q.education_level}
    return {
        "article_path": path,
        "article_title": article.title or "",
        "role_id": role.id,
        "role_name": role.name,
        "soc": role.soc or "",
        "soc_title": role.soc_title or "",
        **salary_columns(article.salaries, role.id),
        "education": ";".join(sorted(levels, key=EDUCATION_ORDER.__getitem__)),
        "settings": ";".join(sorted({s.setting for s in article.settings if role.id in s.roles})),
        "skills": ";".join(sorted({s.skill for s in article.skills if role.id in s.roles})),
        "source_url": article.source.url or "",
        "published": article.source.published or "",
    }


def role_rows(article: Article, path: str) -> list[dict[str, object]]:
    return [role_row(article, path, role) for role in article.roles]


def fact_rows(article: Article, path: str) -> list[dict[str, object]]:
    """One row per fact and role it is attributed to (a fact of no role: one row, role empty)."""
    rows: list[dict[str, object]] = []

    def add(field: str, roles: list[str], value: str, start: int, end: int, rule: str, **extra: object) -> None:
        for role in roles or [""]:
            row: dict[str, object] = dict.fromkeys(FACT_COLUMNS)
            row.update(article_path=path, field=field, role_id=role, value=value, evidence_start=start,
                       evidence_end=end, rule=rule)
            row.update(extra)
            rows.append(row)

    for d in article.duties:
        add("duty", d.roles, d.text, d.evidence.start, d.evidence.end, d.rule)
    for q in article.requirements:
        add("requirement", q.roles, q.education_level or q.name or q.text, q.evidence.start, q.evidence.end, q.rule,
            detail=q.type)
    for s in article.salaries:
        add("salary", s.roles, s.text, s.evidence.start, s.evidence.end, s.rule, amount_per_period=s.amount,
            min_per_period=s.min, max_per_period=s.max, period=s.period, currency=s.currency, statistic=s.statistic,
            annual_amount=s.annual_amount, annual_min=per_year(s.min, s.period), annual_max=per_year(s.max, s.period),
            as_of=s.as_of)
    for t in article.settings:
        add("setting", t.roles, t.setting, t.evidence.start, t.evidence.end, t.rule, detail=t.text)
    for k in article.skills:
        add("skill", k.roles, k.skill, k.evidence.start, k.evidence.end, k.rule, detail=k.kind)
    return rows
