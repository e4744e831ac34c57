"""Occupation profiles (``pipeline.profiles``): articles gathered by SOC code, figures with their
sources and summaries, duties merged where they say the same thing, two roles of one article that share
a code, the confidence threshold, the OEWS wages beside the articles' and the outliers they reveal."""

from __future__ import annotations

import pytest

from pipeline.profiles import build
from pipeline.profiles.duties import merge
from pipeline.profiles.places import named
from pipeline.rules import oews
from schemas.article import Duty, Salary
from schemas.profile import Profile
from tests.profile_articles import NURSE, Page, language_careers, nurse_comparison, nurse_guide, role


def _by_code(profiles: list[Profile]) -> dict[str, Profile]:
    return {p.soc: p for p in profiles}


def test_two_articles_about_one_occupation_make_one_profile() -> None:
    profiles = _by_code(build([nurse_guide(), nurse_comparison()]))
    assert sorted(profiles) == ["29-1141", "29-2061"]
    rn = profiles["29-1141"]
    assert rn.soc_title == "Registered Nurses"
    assert [a.path for a in rn.articles] == ["compare/rn-vs-lpn.md", "guides/registered-nurse.txt"]
    # Each figure with its article, evidence, statistic, period and currency.
    figures = {(s.article, s.amount, s.statistic, s.period, s.currency) for s in rn.salaries}
    assert figures == {("guides/registered-nurse.txt", 86070, "median", "year", "USD"),
                       ("compare/rn-vs-lpn.md", 90000, "median", "year", "USD")}
    assert all(s.text in s.evidence and s.roles == ["Registered Nurse"] for s in rn.salaries)
    # The median of the articles' medians, the range and the sources.
    [pay] = rn.pay
    assert (pay.currency, pay.period, pay.median, pay.low, pay.high, pay.sources) == ("USD", "year", 88035, 86070,
                                                                                      90000, 2)
    # "assess patients' health problems and needs", said by both articles, is one duty with two sources.
    assert len(rn.duties) == 2
    assess = rn.duties[0]
    assert assess.text == "assess patient needs and health problems"
    assert {q.article for q in assess.sources} == {"guides/registered-nurse.txt", "compare/rn-vs-lpn.md"}
    assert rn.duties[1].text == "record patients' medical histories and symptoms"
    # Values with how many articles give them.
    assert [(c.value, c.count) for c in rn.education] == [("bachelor", 2)]
    assert [(c.value, c.count) for c in rn.settings] == [("hospital", 2)]
    assert [(c.value, c.count) for c in rn.skills] == [("compassion", 1)]
    assert [(c.soc, c.name, c.count) for c in rn.compared_with] == [
        ("29-2061", "Licensed Practical and Licensed Vocational Nurses", 1)]
    assert profiles["29-2061"].compared_with[0].soc == "29-1141"


def test_a_fact_names_its_place_in_the_article() -> None:
    rn = _by_code(build([nurse_guide()]))["29-1141"]
    article = nurse_guide()
    for s in rn.salaries:
        field, _, n = s.fact.partition("-")
        assert field == "salaries" and article.salaries[int(n)].text == s.text
        assert article.text[s.start:s.end] == s.evidence


def test_a_description_is_a_sentence_about_the_occupation() -> None:
    rn = _by_code(build([nurse_guide()]))["29-1141"]
    assert rn.description is not None
    assert rn.description.text == "Registered nurses assess patients' health problems and needs."


def test_two_roles_of_one_article_sharing_a_code_keep_their_facts_apart() -> None:
    profiles = _by_code(build([language_careers()]))
    shared = profiles["27-3091"]
    assert [n.name for n in shared.names] == ["Interpreter", "Translator"]
    assert shared.articles[0].roles == ["Interpreter", "Translator"]
    assert {(s.amount, tuple(s.roles)) for s in shared.salaries} == {(58000, ("Interpreter",)),
                                                                    (55000, ("Translator",))}
    assert {(d.text, tuple(d.sources[0].roles)) for d in shared.duties} == {
        ("convert spoken words in real time", ("Interpreter",)), ("convert written documents", ("Translator",))}
    assert shared.settings[0].sources[0].roles == ["Interpreter"]
    # Compared with the technical writer, never with itself.
    assert [c.soc for c in shared.compared_with] == ["27-3042"]
    assert [c.soc for c in profiles["27-3042"].compared_with] == ["27-3091"]


def test_a_role_without_a_code_has_no_profile_but_is_compared_with() -> None:
    page = Page("a.txt", "Registered Nurse vs. Wellness Guide", [NURSE, role("Wellness Guide", None)],
                "Registered nurses treat patients.")
    profiles = build([page.article()])
    assert [p.soc for p in profiles] == ["29-1141"]
    assert [(c.soc, c.name) for c in profiles[0].compared_with] == [(None, "Wellness Guide")]


class ConfidentSalary(Salary):
    confidence: float


class ConfidentDuty(Duty):
    confidence: float


def test_facts_below_the_confidence_threshold_stay_out() -> None:
    page = Page("a.txt", "Registered Nurse Pay", [NURSE],
                "Registered nurses treat patients. Registered nurses check charts. The median pay was $86,070 a "
                "year. Travel nurses may earn $150,000 a year. Bonuses add $2,000 a year.")
    page.duty(("Registered Nurse",), "treat patients", ConfidentDuty, confidence=0.9)
    page.duty(("Registered Nurse",), "check charts", ConfidentDuty, confidence=0.3)
    page.salary(("Registered Nurse",), "$86,070", 86070, model=ConfidentSalary, confidence=0.95)
    page.salary(("Registered Nurse",), "$150,000", 150000, statistic="unspecified", model=ConfidentSalary,
                confidence=0.4)
    page.salary(("Registered Nurse",), "$2,000", 2000, statistic="unspecified", model=ConfidentSalary,
                confidence=0.6)
    article = page.article()
    everything = build([article])[0]
    assert len(everything.salaries) == 3 and len(everything.duties) == 2
    sure = build([article], min_confidence=0.5)[0]
    assert [s.amount for s in sure.salaries] == [86070, 2000]
    assert [s.confidence for s in sure.salaries] == [0.95, 0.6]
    assert [d.text for d in sure.duties] == ["treat patients"]


@pytest.mark.parametrize(("code", "basis", "holder"), [
    ("29-1141", "own", "29-1141"),          # published as it is
    ("21-1014", "aggregate", "21-1018"),    # Mental Health Counselors: inside OEWS's merged code
    ("29-2011", "aggregate", "29-2010"),    # medical and clinical laboratory technologists
    ("11-1031", "group", "11-1000"),        # Legislators: no estimate; Top Executives hold them
    ("45-3031", "group", "45-0000"),        # Fishing and Hunting Workers: only their major group
    ("29-1120", "own", "29-1120"),          # a broad group OEWS publishes
])
def test_oews_figures_of_a_code_or_what_holds_it(code: str, basis: str, holder: str) -> None:
    found = oews.figures(code)
    assert found is not None and (found.basis, found.code) == (basis, holder)
    assert found.release == "May 2025" and found.annual is not None and found.annual.median


def test_oews_gives_some_occupations_by_the_hour_or_the_year_only() -> None:
    actors = oews.figures("27-2011")
    teachers = oews.figures("25-2021")
    assert actors is not None and actors.annual is None and actors.hourly is not None
    assert teachers is not None and teachers.hourly is None and teachers.annual is not None
    assert oews.figures("55-1011") is None  # military occupations: OEWS has none


@pytest.mark.parametrize(("code", "currency", "period", "amounts", "flagged"), [
    ("29-1141", "USD", "year", [5_000_000], "above twice the 90th"),
    ("29-1141", "USD", "year", [20_000], "below half the 10th"),
    ("29-1141", "USD", "year", [97_000], None),
    ("29-1141", "USD", "year", [30_000, 500_000], "below half the 10th"),  # a range: either end
    ("29-1141", "USD", "hour", [400], "above twice the 90th"),
    ("29-1141", "USD", "hour", [45], None),
    ("29-1141", "GBP", "year", [5_000_000], None),  # OEWS speaks of U.S. dollars only
    ("29-1141", "USD", "month", [5_000_000], None),  # OEWS publishes yearly and hourly figures
    ("27-2011", "USD", "year", [5_000_000], None),  # actors: no yearly figure to compare with
    ("55-1011", "USD", "year", [5_000_000], None),
])
def test_outliers(code: str, currency: str, period: str, amounts: list[float], flagged: str | None) -> None:
    why = oews.outlier(code, currency, period, amounts)
    assert (why is None) if flagged is None else (why is not None and flagged in why)


def test_a_profile_flags_an_outlier_and_leaves_it_out_of_the_summary() -> None:
    page = Page("a.txt", "Registered Nurse Pay", [NURSE],
                "Registered nurses treat patients. A nurse at our clinic earns $5,000,000 a year. "
                "The median pay was $86,070 a year.")
    page.salary(("Registered Nurse",), "$5,000,000", 5_000_000, statistic="unspecified")
    page.salary(("Registered Nurse",), "$86,070", 86070)
    rn = build([page.article()])[0]
    assert rn.salaries[0].outlier is not None and "90th percentile" in rn.salaries[0].outlier
    assert rn.salaries[1].outlier is None
    assert (rn.pay[0].high, rn.pay[0].figures) == (86070, 1)
    assert rn.oews is not None and rn.oews.basis == "own" and rn.oews.annual is not None
    assert rn.oews.annual.median == oews.figures("29-1141").annual.median  # type: ignore[union-attr]


def test_countries_from_currencies_oews_and_places_stated() -> None:
    uk = Page("uk.txt", "Interpreter Careers in the UK", [role("Interpreter", "27-3091")],
              "Interpreters earn £32,000 a year.")
    uk.salary(("Interpreter",), "£32,000", 32000, statistic="unspecified", currency="GBP")
    assert build([uk.article()])[0].countries == ["GB", "US"]  # GBP and the title; OEWS is U.S.
    ca = Page("ca.txt", "Interpreters", [role("Interpreter", "27-3091")], "Interpreters translate speech.",
              url="https://careers.example.ca/interpreters")
    assert build([ca.article()])[0].countries == ["CA", "US"]


@pytest.mark.parametrize(("text", "countries"), [
    ("Nurse pay in the UK", ["GB"]),
    ("Salaries across the U.S. and Canada", ["US", "CA"]),
    ("Get in touch with us", []),
    ("Careers in Northern Ireland", ["GB"]),
    ("Irish hospitals are hiring", ["IE"]),
    ("What an American nurse earns", []),
    ("Australian electricians", ["AU"]),
])
def test_places_a_title_names(text: str, countries: list[str]) -> None:
    assert named(text) == countries


def _quote(article: str, text: str) -> dict[str, object]:
    return {"article": article, "fact": "duties-0", "roles": ["X"], "evidence": text, "start": 0, "end": len(text),
            "text": text}


@pytest.mark.parametrize(("first", "second", "same"), [
    ("prepare tax returns for clients", "prepare clients' tax returns", True),
    ("assess patients' health problems and needs", "assess patient needs and health problems", True),
    ("record patients' medical histories", "record patient medical history and symptoms", True),
    ("examine financial statements for accuracy", "prepare financial statements", False),
    ("administer medications", "administer medicines and treatments", False),
    ("repair engines", "inspect brakes", False),
])
def test_duties_merge_when_they_say_the_same_thing(first: str, second: str, same: bool) -> None:
    merged = merge([_quote("a", first), _quote("b", second)])
    assert len(merged) == (1 if same else 2)
    if same:
        assert merged[0]["text"] == first and [q["article"] for q in merged[0]["sources"]] == ["a", "b"]


def test_duties_said_by_more_articles_come_first() -> None:
    merged = merge([_quote("a", "inspect brakes"), _quote("a", "repair engines"), _quote("b", "repair the engines")])
    assert [d["text"] for d in merged] == ["repair engines", "inspect brakes"]
