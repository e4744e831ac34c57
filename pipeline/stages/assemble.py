"""assemble: Document + Segmented + roles + facts -> ``schemas.Article`` (validated)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace
from typing import TypeVar

from pydantic import TypeAdapter

from pipeline import VERSION
from pipeline.rules import oews
from pipeline.rules.loader import compiled_rules
from pipeline.rules.titles import title_type
from pipeline.stages.relevance import Relevance
from pipeline.types import Document, Facts, RoleInfo, Segmented
from schemas.article import (
    Article,
    Removed,
    Requirement,
    Role,
    Salary,
    Section,
    Setting,
    Skill,
    Source,
    compare,
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


def outlier_warnings(roles: list[RoleInfo], salaries: list[Salary]) -> list[str]:
    """A U.S. dollar figure far outside the OEWS range of its role's occupation (likely a misread
    figure or another occupation's pay): one warning per figure and role."""
    coded = {r.id: r for r in roles if r.soc}
    out: list[str] = []
    for s in salaries:
        amounts = [v for v in (s.amount, s.min, s.max) if v is not None]
        for rid in s.roles:
            role = coded.get(rid)
            why = oews.outlier(role.soc[0], s.currency, s.period, amounts) if role and role.soc else None
            if role is not None and why:
                out.append(f"salary {s.text!r} for {role.name} is far outside the OEWS range: {why}")
    return out


# A page drops hundreds of lines: validated as one list, not one model at a time, they cost a fraction.
REMOVED_LIST = TypeAdapter(list[Removed])


def removed_entries(doc: Document) -> list[Removed]:
    """Each dropped line once, in page order (a footer may repeat the same line many times)."""
    lines = dict.fromkeys((d.text, d.reason) for d in doc.removed)
    return REMOVED_LIST.validate_python([{"text": text, "reason": reason} for text, reason in lines])


def source(doc: Document) -> Source:
    o = doc.origin
    return Source(path=doc.path, sha256=doc.sha256, media_type=doc.media_type, bytes=doc.size, url=o.url, site=o.site,
                  crawled=o.crawled, published=o.published)


def not_career(doc: Document, seg: Segmented, relevance: Relevance) -> Article:
    """A page not about occupations: its text, sections and removed lines, no roles and no facts."""
    genre = f" (reads as a {relevance.genre} page)" if relevance.genre else ""
    return Article(
        pipeline_version=VERSION, source=source(doc), relevance=relevance.score, title=seg.title, summary=seg.summary,
        article_type="not_career", roles=[], text=seg.text,
        sections=[Section(heading=s.heading, heading_inferred=s.heading_inferred, kind=s.kind, roles=[],
                          start=s.start, end=s.end) for s in seg.sections],
        duties=[], requirements=[], salaries=[], settings=[], skills=[], comparison=None,
        removed=removed_entries(doc), related=doc.related,
        warnings=list(dict.fromkeys([*doc.warnings, f"not a career page: relevance {relevance.score:g}{genre}"])),
    )


def assemble(doc: Document, seg: Segmented, roles: list[RoleInfo], facts: Facts, relevance: Relevance) -> Article:
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
    if not relevance.career:
        warnings.append(f"relevance {relevance.score:g} is under the threshold for a career page; kept by --keep-all")
    warnings.extend(promise_warnings(seg))
    facts = replace(
        facts,
        settings=dedupe_per_role(facts.settings, lambda s: s.setting),
        requirements=dedupe_per_role(facts.requirements,
                                     lambda q: (q.type, q.education_level or (q.name or q.text).lower())),
        skills=dedupe_per_role(facts.skills, lambda s: s.skill),
        salaries=dedupe(facts.salaries, lambda s: (tuple(s.roles), s.amount, s.min, s.max, s.period)),
    )
    warnings.extend(outlier_warnings(roles, facts.salaries))
    return Article(
        pipeline_version=VERSION,
        source=source(doc),
        relevance=relevance.score,
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
        comparison=(compare([r.id for r in roles], facts.salaries, facts.requirements, facts.settings,
                            facts.skills) if article_type == "comparison" else None),
        removed=removed_entries(doc),
        related=doc.related,
        warnings=list(dict.fromkeys(warnings)),
    )
