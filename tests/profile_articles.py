"""Invented finished articles for the profile tests: each fact's evidence is the sentence of the text
that holds its words, so a test reads like the article it stands for."""

from __future__ import annotations

from typing import Any

from schemas.article import (
    ANNUAL_FACTOR,
    Article,
    Duty,
    Evidence,
    Requirement,
    Role,
    Salary,
    Section,
    Setting,
    Skill,
    Source,
)


class WebSource(Source):
    """A source with the page's address, as contract 1.2 gives it (profiles read it where present)."""

    url: str | None = None


def role(name: str, soc: str | None, title: str | None = None, aliases: tuple[str, ...] = ()) -> Role:
    return Role(id=name.lower().replace(" ", "-"), name=name, aliases=list(aliases), soc=soc, soc_title=title)


class Page:
    """An article being written: its text, then facts found by the words they quote."""

    def __init__(self, path: str, title: str, roles: list[Role], text: str, **source: Any) -> None:
        self.path, self.title, self.roles = path, title, roles
        self.text = f"{title}\n\n{text}"
        self.source = source
        self.facts: dict[str, list[Any]] = {"duties": [], "requirements": [], "salaries": [], "settings": [],
                                            "skills": []}

    def ids(self, *names: str) -> list[str]:
        wanted = [r.id for r in self.roles if r.name in names]
        assert len(wanted) == len(names), names
        return wanted

    def evidence(self, words: str) -> Evidence:
        """The sentence (ending in '.') that holds ``words``."""
        at = self.text.index(words)
        start = max(self.text.rfind(". ", 0, at) + 2, self.text.rfind("\n", 0, at) + 1)
        end = self.text.index(".", at) + 1
        return Evidence(start=start, end=end, section=1 if start > len(self.title) else 0)

    def salary(self, names: tuple[str, ...], words: str, amount: float, period: str = "year",
               statistic: str = "median", currency: str = "USD", model: type[Salary] = Salary, **extra: Any) -> Page:
        percentile = {"median": 50, "bottom": 10, "top": 90}.get(statistic)
        self.facts["salaries"].append(model(
            roles=self.ids(*names), evidence=self.evidence(words), rule="test", amount=amount, currency=currency,
            period=period, statistic=statistic, percentile=percentile, annual_amount=amount * ANNUAL_FACTOR[period],
            text=words, **extra))
        return self

    def duty(self, names: tuple[str, ...], words: str, model: type[Duty] = Duty, **extra: Any) -> Page:
        self.facts["duties"].append(model(roles=self.ids(*names), evidence=self.evidence(words), rule="test",
                                          text=words, **extra))
        return self

    def education(self, names: tuple[str, ...], words: str, level: str) -> Page:
        self.facts["requirements"].append(Requirement(roles=self.ids(*names), evidence=self.evidence(words),
                                                      rule="test", type="education", education_level=level,
                                                      text=words))
        return self

    def setting(self, names: tuple[str, ...], words: str, value: str) -> Page:
        self.facts["settings"].append(Setting(roles=self.ids(*names), evidence=self.evidence(words), rule="test",
                                              setting=value, text=words))
        return self

    def skill(self, names: tuple[str, ...], words: str, kind: str = "soft") -> Page:
        self.facts["skills"].append(Skill(roles=self.ids(*names), evidence=self.evidence(words), rule="test",
                                          skill=words.lower(), kind=kind))
        return self

    def article(self) -> Article:
        body = len(self.title) + 2
        return Article(
            pipeline_version="test", source=WebSource(path=self.path, sha256="0" * 64, media_type="text/plain",
                                                      bytes=len(self.text.encode()), **self.source),
            title=self.title, summary=None, article_type="comparison" if len(self.roles) > 1 else "profile",
            roles=self.roles, text=self.text,
            sections=[Section(heading=None, heading_inferred=False, kind="intro", roles=[], start=0, end=body),
                      Section(heading=None, heading_inferred=True, kind="role_overview", roles=[], start=body,
                              end=len(self.text))],
            comparison=None, removed=[], related=[], warnings=[], relevance=1.0, **self.facts)


NURSE = role("Registered Nurse", "29-1141", "Registered Nurses", ("RNs", "registered nurses"))
LPN = role("Licensed Practical Nurse", "29-2061", "Licensed Practical and Licensed Vocational Nurses")


def nurse_guide() -> Article:
    """A profile of registered nurses."""
    page = Page("guides/registered-nurse.txt", "What Does a Registered Nurse Do?", [NURSE],
                "Registered nurses assess patients' health problems and needs. They also record patients' "
                "medical histories and symptoms. Most work in hospitals. The median pay was $86,070 a year in "
                "2024. Registered nurses need a bachelor's degree or an associate degree. Compassion matters "
                "every shift.")
    return (page.duty(("Registered Nurse",), "assess patients' health problems and needs")
            .duty(("Registered Nurse",), "record patients' medical histories and symptoms")
            .salary(("Registered Nurse",), "$86,070", 86070)
            .education(("Registered Nurse",), "bachelor's degree", "bachelor")
            .setting(("Registered Nurse",), "hospitals", "hospital")
            .skill(("Registered Nurse",), "Compassion")
            .article())


def nurse_comparison() -> Article:
    """Registered nurses compared with licensed practical nurses, in other words."""
    page = Page("compare/rn-vs-lpn.md", "RN vs. LPN: What Are the Differences?", [NURSE, LPN],
                "RNs assess patient needs and health problems and draw up care plans. LPNs check vital signs. "
                "RNs earn a median salary of $90,000 per year, while LPNs earn a median of $59,000. "
                "Both work in hospitals. RNs hold a bachelor's degree.")
    return (page.duty(("Registered Nurse",), "assess patient needs and health problems")
            .duty(("Licensed Practical Nurse",), "check vital signs")
            .salary(("Registered Nurse",), "$90,000", 90000)
            .salary(("Licensed Practical Nurse",), "$59,000", 59000)
            .setting(("Registered Nurse", "Licensed Practical Nurse"), "hospitals", "hospital")
            .education(("Registered Nurse",), "bachelor's degree", "bachelor")
            .article())


INTERPRETER = role("Interpreter", "27-3091", "Interpreters and Translators")
TRANSLATOR = role("Translator", "27-3091", "Interpreters and Translators")
WRITER = role("Technical Writer", "27-3042", "Technical Writers")


def language_careers() -> Article:
    """Two roles of one article that share a code, and a third that does not."""
    page = Page("compare/interpreter-translator-writer.txt", "Interpreter vs. Translator vs. Technical Writer",
                [INTERPRETER, TRANSLATOR, WRITER],
                "Interpreters convert spoken words in real time. Translators convert written documents. "
                "Technical writers prepare instruction manuals. Interpreters earn a median of $58,000 a year and "
                "translators a median of $55,000 a year. Interpreters work in courts.")
    return (page.duty(("Interpreter",), "convert spoken words in real time")
            .duty(("Translator",), "convert written documents")
            .duty(("Technical Writer",), "prepare instruction manuals")
            .salary(("Interpreter",), "$58,000", 58000)
            .salary(("Translator",), "$55,000", 55000)
            .setting(("Interpreter",), "courts", "court")
            .article())
