"""Pydantic models for the output contract (``../shared/spec/OUTPUT.md``, schema version 1).

These models are the single source of truth; ``article.schema.json`` is generated from them
with ``python -m schemas`` and a test fails when the file is stale.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal["1.2"] = "1.2"

MediaType = Literal["text/plain", "text/markdown", "text/html"]
ArticleType = Literal["comparison", "profile", "other", "not_career"]
SectionKind = Literal[
    "intro",
    "role_overview",
    "comparison",
    "duties",
    "requirements",
    "work_environment",
    "skills",
    "salary",
    "outlook",
    "pros_cons",
    "faq",
    "conclusion",
    "other",
]
EducationLevel = Literal[
    "no_formal_education",
    "high_school",
    "postsecondary_nondegree",
    "some_college",
    "associate",
    "bachelor",
    "master",
    "doctoral_professional",
]
SettingValue = Literal[
    "hospital",
    "clinic",
    "physician_office",
    "dental_office",
    "private_practice",
    "nursing_care_facility",
    "home_health",
    "laboratory",
    "research_facility",
    "pharmacy",
    "school",
    "college_university",
    "government",
    "military",
    "correctional_facility",
    "court",
    "law_firm",
    "insurance_company",
    "bank_financial",
    "consulting_firm",
    "technology_company",
    "office",
    "retail_store",
    "restaurant_hospitality",
    "manufacturing_plant",
    "construction_site",
    "warehouse",
    "outdoors_field",
    "travel",
    "social_services",
    "media_studio",
    "remote",
    "self_employed",
    "other",
]
RequirementType = Literal["education", "certification", "license", "experience", "training", "coursework"]
Period = Literal["hour", "day", "week", "month", "year"]
# A figure of each period per year, as the contract turns a figure into ``annual_amount``.
ANNUAL_FACTOR: dict[str, int] = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}
Statistic = Literal["average", "median", "starting", "range", "top", "bottom", "unspecified"]
Percentile = Literal[10, 25, 50, 75, 90]
SkillKind = Literal["hard", "soft"]
DurationUnit = Literal["month", "year"]
ManifestStatus = Literal["ok", "skipped", "failed"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Source(Strict):
    path: str
    sha256: str
    media_type: MediaType
    bytes: int = Field(ge=0)
    # Where and when the page came from, null where unknown: the web-archive record's target URI (else
    # the page's canonical or og:url), the site's name, the record's date, the page's own update or
    # publication date.
    url: str | None = None
    site: str | None = None
    crawled: str | None = Field(default=None, description="ISO 8601 date and time of the archive record")
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$",
                                  description="ISO 8601 date the page was published or last updated")


class Role(Strict):
    id: str
    name: str
    aliases: list[str]
    # The 2018 SOC code the role is (a broad or minor group's code for a group of occupations) and
    # its official title; null where the role matches no SOC occupation.
    soc: str | None = Field(default=None, pattern=r"^\d{2}-\d{4}$")
    soc_title: str | None = None


class Section(Strict):
    heading: str | None
    heading_inferred: bool
    kind: SectionKind
    roles: list[str]
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Evidence(Strict):
    # Immutable: the facts of one sentence share one.
    model_config = ConfigDict(extra="forbid", frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    section: int = Field(ge=0, description="index into `sections`")


class Fact(Strict):
    roles: list[str]
    evidence: Evidence
    rule: str = Field(description="id of the rule or lexicon entry that produced the fact")
    # Set by the confidence stage; a fact it has not rated claims nothing.
    confidence: float = Field(
        default=0.0, ge=0, le=1,
        description="how likely the fact is right as stated (value and roles): of the facts at confidence c or "
                    "above, at least a share c is right on labelled articles",
    )


class Duty(Fact):
    text: str


class Duration(Strict):
    min: float | None
    max: float | None
    unit: DurationUnit | None


class Requirement(Fact):
    type: RequirementType
    education_level: EducationLevel | None = None
    name: str | None = None
    duration: Duration | None = None
    required: bool = True
    text: str


class Salary(Fact):
    amount: float | None
    min: float | None = None
    max: float | None = None
    currency: str
    period: Period
    statistic: Statistic
    # The percentile the figure is where the text gives one: a median is 50, "the lowest 10 percent
    # earned less than" 10, "the highest 10 percent earned more than" 90.
    percentile: Percentile | None = None
    annual_amount: float | None
    # The year the text gives the figure for ("in May 2024" -> 2024), else null.
    as_of: int | None = Field(default=None, ge=1900, le=2100)
    text: str


# Which figure stands for a role's pay (in a comparison, in an export), best first.
HEADLINE_STATISTICS: tuple[Statistic, ...] = ("median", "average", "unspecified", "range", "starting", "top", "bottom")


def headline_salary(salaries: list[Salary], role: str) -> Salary | None:
    """The salary that stands for a role's pay: by statistic as above, yearly figures first."""
    own = [s for s in salaries if role in s.roles and s.annual_amount is not None]
    if not own:
        return None
    return min(own, key=lambda s: (HEADLINE_STATISTICS.index(s.statistic), s.period != "year"))


class Setting(Fact):
    setting: SettingValue
    text: str


class Skill(Fact):
    skill: str
    kind: SkillKind


class Removed(Strict):
    text: str
    reason: str


class SalaryGap(Strict):
    higher: str
    difference: float
    ratio: float


class RoleComparison(Strict):
    annual_salary: float | None
    settings: list[str]
    education: list[str]
    skills: list[str]


class Distinct(Strict):
    settings: list[str]
    education: list[str]
    skills: list[str]


class Comparison(Strict):
    roles: dict[str, RoleComparison]
    shared: Distinct
    distinct: dict[str, Distinct]
    salary_gap: SalaryGap | None


def compare(roles: list[str], salaries: list[Salary], requirements: list[Requirement], settings: list[Setting],
            skills: list[Skill]) -> Comparison:
    """The side-by-side view of the roles (by id) that the facts make: what assemble writes, and what an
    export that keeps only some facts writes again from those."""
    per = {rid: _role_comparison(rid, salaries, requirements, settings, skills) for rid in roles}
    common = Distinct(settings=_shared(per, "settings"), education=_shared(per, "education"),
                      skills=_shared(per, "skills"))
    distinct = {rid: _distinct(c, common) for rid, c in per.items()}
    return Comparison(roles=per, shared=common, distinct=distinct, salary_gap=_salary_gap(per))


def _role_comparison(rid: str, salaries: list[Salary], requirements: list[Requirement], settings: list[Setting],
                     skills: list[Skill]) -> RoleComparison:
    """One role's headline pay, settings, education levels and skills."""
    pay = headline_salary(salaries, rid)
    return RoleComparison(
        annual_salary=pay.annual_amount if pay is not None else None,
        settings=sorted({s.setting for s in settings if rid in s.roles}),
        education=sorted({q.education_level for q in requirements if rid in q.roles and q.education_level}),
        skills=sorted({s.skill for s in skills if rid in s.roles}),
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


class Article(Strict):
    schema_version: Literal["1.2"] = SCHEMA_VERSION
    pipeline_version: str
    source: Source
    # 0 to 1: how far the page is about occupations (what a job does, pays, requires).
    relevance: float = Field(ge=0, le=1)
    title: str | None
    summary: str | None
    article_type: ArticleType
    roles: list[Role]
    text: str
    sections: list[Section]
    duties: list[Duty]
    requirements: list[Requirement]
    salaries: list[Salary]
    settings: list[Setting]
    skills: list[Skill]
    comparison: Comparison | None
    removed: list[Removed]
    related: list[str]
    warnings: list[str]


class ManifestEntry(Strict):
    path: str
    sha256: str | None
    status: ManifestStatus
    output: str | None
    error: str | None = None
    pipeline_version: str
    # A web-archive record: its target URI, the archive it was read from and, for a record skipped
    # without being processed, why (``revisit``, ``HTTP 404``, ``not text: application/pdf``,
    # ``truncated``, ``duplicate``); a duplicate names the URL whose output it shares.
    url: str | None = None
    archive: str | None = None
    reason: str | None = None
    duplicate_of: str | None = None
