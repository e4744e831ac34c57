"""assemble: Document + Segmented + roles + facts -> ``schemas.Article`` (validated)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace
from typing import TypeVar

from pipeline import VERSION
from pipeline.rules.loader import compiled_rules
from pipeline.rules.titles import title_type
from pipeline.types import Document, Facts, RoleInfo, Segmented
from schemas.article import (
    Article,
    Comparison,
    Distinct,
    Removed,
    Requirement,
    Role,
    RoleComparison,
    Salary,
    SalaryGap,
    Section,
    Setting,
    Skill,
    Source,
    headline_salary,
)

T = TypeVar("T")


def dedupe(items: Sequence[T], key: Callable[[T], Hashable]) -> list[T]:
    seen: set[Hashable] = set()
    out: list[T] = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


F = TypeVar("F", Setting, Skill, Requirement)


def dedupe_per_role(items: Sequence[F], value: Callable[[F], Hashable]) -> list[F]:
    """Keep each (role, value) once: a fact given to both roles makes a later one-role copy redundant."""
    seen: set[tuple[str, Hashable]] = set()
    out: list[F] = []
    for item in items:
        v = value(item)
        fresh = [r for r in item.roles if (r, v) not in seen]
        if item.roles and not fresh:
            continue
        if not item.roles and ("", v) in seen:
            continue
        seen.update((r, v) for r in item.roles or [""])
        out.append(item)
    return out


def _annual(salary: Salary | None) -> float | None:
    return salary.annual_amount if salary is not None else None


def comparison(roles: list[RoleInfo], facts: Facts) -> Comparison:
    per = {r.id: _role_comparison(r.id, facts) for r in roles}
    common = Distinct(settings=_shared(per, "settings"), education=_shared(per, "education"),
                      skills=_shared(per, "skills"))
    distinct = {rid: _distinct(c, common) for rid, c in per.items()}
    return Comparison(roles=per, shared=common, distinct=distinct, salary_gap=_salary_gap(per))


def _role_comparison(rid: str, facts: Facts) -> RoleComparison:
    """One role's headline pay, settings, education levels and skills."""
    return RoleComparison(
        annual_salary=_annual(headline_salary(facts.salaries, rid)),
        settings=sorted({s.setting for s in facts.settings if rid in s.roles}),
        education=sorted({q.education_level for q in facts.requirements if rid in q.roles and q.education_level}),
        skills=sorted({s.skill for s in facts.skills if rid in s.roles}),
    )


def _shared(per: dict[str, RoleComparison], field: str) -> list[str]:
    """The values of ``field`` that every role has."""
    sets = [set(getattr(c, field)) for c in per.values()]
    return sorted(set.intersection(*sets)) if sets else []


def _distinct(role: RoleComparison, common: Distinct) -> Distinct:
    """What a role has that not every role shares."""
    return Distinct(
        settings=[v for v in role.settings if v not in common.settings],
        education=[v for v in role.education if v not in common.education],
        skills=[v for v in role.skills if v not in common.skills],
    )


def _salary_gap(per: dict[str, RoleComparison]) -> SalaryGap | None:
    """How far the best-paid role's headline pay is above the lowest, when every role has one."""
    figures = {rid: c.annual_salary for rid, c in per.items()}
    if len(figures) < 2 or not all(v for v in figures.values()):
        return None
    ranked = sorted(figures.items(), key=lambda kv: (-(kv[1] or 0), kv[0]))
    top, low = ranked[0], ranked[-1]
    return SalaryGap(higher=top[0], difference=round((top[1] or 0) - (low[1] or 0), 2),
                     ratio=round((top[1] or 0) / (low[1] or 1), 3))


# What an intro may promise (a section kind) and the matcher that finds the promise.
PROMISES = {compiled.rule.value: compiled.matcher for compiled in compiled_rules("promises.jsonl")}


def promise_warnings(seg: Segmented) -> list[str]:
    """What the intro says the article covers but no section delivers ("intro promises pros and cons")."""
    intro = next((s for s in seg.sections if s.kind == "intro"), None)
    if intro is None:
        return []
    text = seg.text[intro.start : intro.end]
    kinds = {s.kind for s in seg.sections}
    labels = {"pros_cons": "pros and cons", "salary": "salary figures", "faq": "an FAQ"}
    return [f"intro promises {labels[kind]}; none found" for kind, regex in PROMISES.items()
            if regex.search(text) and kind not in kinds]


def removed_entries(doc: Document) -> list[Removed]:
    """Each dropped line once, in page order (a footer may repeat the same line many times)."""
    seen: set[tuple[str, str]] = set()
    out: list[Removed] = []
    for d in doc.removed:
        if (d.text, d.reason) not in seen:
            seen.add((d.text, d.reason))
            out.append(Removed(text=d.text, reason=d.reason))
    return out


def assemble(doc: Document, seg: Segmented, roles: list[RoleInfo], facts: Facts) -> Article:
    if len(roles) >= 2:
        article_type = "comparison"
    elif len(roles) == 1:
        article_type = "profile"
    else:
        article_type = "other"
    warnings = [*doc.warnings, *facts.warnings]
    if seg.title and title_type(seg.title) == "comparison" and len(roles) < 2:
        warnings.append("title reads as a comparison but fewer than two roles were found")
    if not roles:
        warnings.append("no role found in the title; facts are not attributed")
    warnings.extend(promise_warnings(seg))
    facts = replace(
        facts,
        settings=dedupe_per_role(facts.settings, lambda s: s.setting),
        requirements=dedupe_per_role(facts.requirements,
                                     lambda q: (q.type, q.education_level or (q.name or q.text).lower())),
        skills=dedupe_per_role(facts.skills, lambda s: s.skill),
        salaries=dedupe(facts.salaries, lambda s: (tuple(s.roles), s.amount, s.min, s.max, s.period)),
    )
    return Article(
        pipeline_version=VERSION,
        source=Source(path=doc.path, sha256=doc.sha256, media_type=doc.media_type, bytes=doc.size),
        title=seg.title,
        summary=seg.summary,
        article_type=article_type,
        roles=[Role(id=r.id, name=r.name, aliases=sorted(facts.surfaces.get(r.id, set()) - {r.name}),
                    soc=r.soc[0] if r.soc else None, soc_title=r.soc[1] if r.soc else None)
               for r in roles],
        text=seg.text,
        sections=[
            Section(heading=s.heading, heading_inferred=s.heading_inferred, kind=s.kind,
                    roles=s.roles, start=s.start, end=s.end)
            for s in seg.sections
        ],
        duties=facts.duties,
        requirements=facts.requirements,
        salaries=facts.salaries,
        settings=facts.settings,
        skills=facts.skills,
        comparison=comparison(roles, facts) if article_type == "comparison" else None,
        removed=removed_entries(doc),
        related=doc.related,
        warnings=list(dict.fromkeys(warnings)),
    )
