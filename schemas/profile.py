"""Pydantic models of an occupation profile: one line of ``profiles.jsonl`` (``extract profiles``).

A profile gathers what every article says about one occupation (a 2018 SOC code): the articles, their
salary figures with a summary per currency and period, the official OEWS wages beside them, education
levels, settings and skills with how many articles give each, duties merged where they say the same
thing, and the occupations it is compared with. Every fact names its article and the role name the
article gives it, so two roles of one article that share a code keep their facts apart.
``profile.schema.json`` is generated from these models (``python -m schemas``).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from schemas.article import Period, SkillKind, Statistic

OewsBasis = Literal["own", "aggregate", "group"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ProfileArticle(Strict):
    path: str = Field(description="the input's path, as the manifest and `source.path` give it")
    title: str | None
    url: str | None = None
    published: str | None = None
    roles: list[str] = Field(description="the names the article gives the occupation's roles")


class Name(Strict):
    """A name articles give the occupation, and the articles that give it."""

    name: str
    articles: list[str]


class Source(Strict):
    """Where a fact comes from: the article, the names of the article's roles it is given to (two roles
    of one article may share the occupation's code), the sentence it was read from."""

    article: str
    fact: str = Field(description="the fact in its article: `salaries-3` is its fourth salary")
    roles: list[str]
    evidence: str
    start: int = Field(ge=0, description="the evidence's offsets in the article's `text`")
    end: int = Field(ge=0)
    confidence: float | None = None


class ProfileSalary(Source):
    amount: float | None
    min: float | None
    max: float | None
    currency: str
    period: Period
    statistic: Statistic
    percentile: int | None
    annual_amount: float | None
    as_of: int | None = None
    text: str
    outlier: str | None = Field(default=None, description="why the figure lies far outside the OEWS range")


class PaySummary(Strict):
    """The articles' figures in one currency and period (outliers left out)."""

    currency: str
    period: Period
    median: float | None = Field(description="the median of the articles' medians")
    p10: float | None = None
    p25: float | None = None
    p75: float | None = None
    p90: float | None = None
    low: float
    high: float
    figures: int
    sources: int = Field(description="how many articles give a figure")


class Wages(Strict):
    p10: float | None
    p25: float | None
    median: float | None
    p75: float | None
    p90: float | None


class Oews(Strict):
    """National OEWS wages of the occupation's code, or of the merged code or group that holds it
    (``basis``). OEWS gives some occupations hourly figures only, some annual figures only."""

    code: str
    title: str
    basis: OewsBasis
    release: str
    published: str
    annual: Wages | None
    hourly: Wages | None
    top_coded: bool = False


class Counted(Strict):
    """A value (education level, qualification, setting, skill) and the facts that give it."""

    value: str
    count: int = Field(description="how many articles give it")
    sources: list[Source]


class CountedSkill(Counted):
    kind: SkillKind


class Quote(Source):
    """A fact's words as its article writes them, with their source."""

    text: str


class Duty(Strict):
    """One duty; the sources that say the same thing in their words."""

    text: str
    sources: list[Quote]


class Comparand(Strict):
    """An occupation articles compare this one with: its code where known, else the role's name."""

    soc: str | None
    name: str
    count: int
    articles: list[str]


class Profile(Strict):
    soc: str = Field(pattern=r"^\d{2}-\d{4}$")
    soc_title: str | None
    names: list[Name]
    articles: list[ProfileArticle]
    description: Quote | None = Field(description="an article's sentence on what the occupation is or does")
    countries: list[str] = Field(description="ISO 3166 codes: of the figures' currencies, OEWS, places stated")
    salaries: list[ProfileSalary]
    pay: list[PaySummary]
    oews: Oews | None
    education: list[Counted]
    qualifications: list[Counted] = Field(description="certifications and licences, by name")
    settings: list[Counted]
    skills: list[CountedSkill]
    duties: list[Duty]
    compared_with: list[Comparand]
