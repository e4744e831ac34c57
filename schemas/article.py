"""Pydantic models for the output contract (``../shared/spec/OUTPUT.md``, schema version 1).

These models are the single source of truth; ``article.schema.json`` is generated from them
with ``python -m schemas`` and a test fails when the file is stale.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION: Literal["1.1"] = "1.1"

MediaType = Literal["text/plain", "text/markdown", "text/html"]
ArticleType = Literal["comparison", "profile", "other"]
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


class Article(Strict):
    schema_version: Literal["1.1"] = SCHEMA_VERSION
    pipeline_version: str
    source: Source
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
