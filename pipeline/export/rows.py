"""Flat rows of an article: one per role (what a comparison site lists) and one per fact."""

from __future__ import annotations

from typing import get_args

from schemas.article import Article, EducationLevel, Role, Salary, headline_salary

# The order the contract lists education levels in: a role's levels are joined in it.
EDUCATION_ORDER = {level: n for n, level in enumerate(get_args(EducationLevel))}

ROLE_COLUMNS = ("article_path", "article_title", "role_id", "role_name", "soc", "soc_title", "annual_salary",
                "salary_statistic", "salary_min", "salary_max", "currency", "education", "settings", "skills",
                "source_url", "published", "salary_as_of")
FACT_COLUMNS = ("article_path", "field", "role_id", "value", "detail", "amount", "min", "max", "currency", "period",
                "statistic", "annual_amount", "evidence_start", "evidence_end", "rule", "as_of")
# Columns of the page, not of the role or fact: the SQLite export keeps them off its tables.
PAGE_COLUMNS = ("source_url", "published")


def salary_range(salaries: list[Salary], role: str) -> Salary | None:
    return next((s for s in salaries if role in s.roles and s.min is not None and s.max is not None), None)


def role_row(article: Article, path: str, role: Role) -> dict[str, object]:
    pay = headline_salary(article.salaries, role.id)
    span = salary_range(article.salaries, role.id)
    money = pay or span
    levels = {q.education_level for q in article.requirements if role.id in q.roles and q.education_level}
    return {
        "article_path": path,
        "article_title": article.title or "",
        "role_id": role.id,
        "role_name": role.name,
        "soc": role.soc or "",
        "soc_title": role.soc_title or "",
        "annual_salary": pay.annual_amount if pay else None,
        "salary_statistic": pay.statistic if pay else "",
        "salary_min": span.min if span else None,
        "salary_max": span.max if span else None,
        "currency": money.currency if money else "",
        "education": ";".join(sorted(levels, key=EDUCATION_ORDER.__getitem__)),
        "settings": ";".join(sorted({s.setting for s in article.settings if role.id in s.roles})),
        "skills": ";".join(sorted({s.skill for s in article.skills if role.id in s.roles})),
        "source_url": article.source.url or "",
        "published": article.source.published or "",
        "salary_as_of": pay.as_of if pay else None,
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
        add("salary", s.roles, s.text, s.evidence.start, s.evidence.end, s.rule, amount=s.amount, min=s.min,
            max=s.max, currency=s.currency, period=s.period, statistic=s.statistic, annual_amount=s.annual_amount,
            as_of=s.as_of)
    for t in article.settings:
        add("setting", t.roles, t.setting, t.evidence.start, t.evidence.end, t.rule, detail=t.text)
    for k in article.skills:
        add("skill", k.roles, k.skill, k.evidence.start, k.evidence.end, k.rule, detail=k.kind)
    return rows
