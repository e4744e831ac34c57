"""Work settings (``pipeline/data/settings.jsonl`` -> ``Setting.setting``), table-driven through the pipeline.

Sentences are invented. Profile cases run in "What Does a Kiln Operator Do?" under a
"Work environment" heading, so every setting should go to that one role. Pipeline gaps stay in the
tables as strict xfails that say what comes out instead.
"""

from __future__ import annotations

import pytest

from tests.helpers import BOTH, A, B, run_article, run_markdown

HEADING = "Work environment"


def gap(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


# (sentence, the set of setting values)
SETTING_CASES = [
    pytest.param("Some work from home.", {"remote"}, id="from-home"),
    pytest.param("They work remotely for much of the year.", {"remote"}, id="remotely"),
    pytest.param("Many work freelance.", {"self_employed"}, id="freelance"),
    pytest.param("Many are self-employed.", {"self_employed"}, id="self-employed"),
    pytest.param("They work as independent contractors.", {"self_employed"}, id="independent-contractors"),
    pytest.param("A few run their own business on the side.", {"self_employed"}, id="run-their-own"),
    pytest.param("They spend much of the week on the road.", {"travel"}, id="on-the-road"),
    pytest.param("They travel to client sites.", {"travel"}, id="travel-to"),
    pytest.param("Most are employed in factories.", {"manufacturing_plant"}, id="factories"),
    pytest.param("They work in manufacturing plants.", {"manufacturing_plant"}, id="manufacturing-plants"),
    pytest.param("They work in hospitals and outpatient clinics.", {"hospital", "clinic"},
                 id="hospitals-and-clinics"),
    pytest.param("Some are based in dental offices.", {"dental_office"}, id="dental-offices"),
    pytest.param("They often work in nursing homes.", {"nursing_care_facility"}, id="nursing-homes"),
    pytest.param("They work in assisted living facilities.", {"nursing_care_facility"}, id="assisted-living"),
    pytest.param("Some visit patients' homes.", {"home_health"}, id="patients-homes"),
    pytest.param("They work in research laboratories.", {"laboratory"}, id="laboratories"),
    pytest.param("Some are employed by research institutes.", {"research_facility"}, id="research-institutes"),
    pytest.param("Many work in elementary schools.", {"school"}, id="elementary-schools"),
    pytest.param("Some teach at universities.", {"college_university"}, id="universities"),
    pytest.param("Many work for federal agencies.", {"government"}, id="federal-agencies"),
    pytest.param("Some serve in the armed forces.", {"military"}, id="armed-forces"),
    pytest.param("A few work in prisons.", {"correctional_facility"}, id="prisons"),
    pytest.param("A few teach in juvenile detention centers.", {"correctional_facility"}, id="detention-centers"),
    pytest.param("Most of them are federal employees.", {"government"}, id="federal-employees"),
    pytest.param("Many own their practice after a decade.", {"private_practice"}, id="own-their-practice"),
    pytest.param("They spend time in courtrooms.", {"court"}, id="courtrooms"),
    pytest.param("Many are employed by law firms.", {"law_firm"}, id="law-firms"),
    pytest.param("Insurance companies hire many of them.", {"insurance_company"}, id="insurance-companies"),
    pytest.param("Banks and credit unions employ them.", {"bank_financial"}, id="banks"),
    pytest.param("They work at consulting firms.", {"consulting_firm"}, id="consulting-firms"),
    pytest.param("Many are hired by tech startups.", {"technology_company"}, id="tech-startups"),
    pytest.param("The largest employers are computer systems design firms.", {"technology_company"},
                 id="computer-systems-design"),
    pytest.param("Both are desk jobs in quiet rooms.", {"office"}, id="desk-jobs"),
    pytest.param("They work in an office setting.", {"office"}, id="office-setting"),
    pytest.param("Many work in department stores.", {"retail_store"}, id="department-stores"),
    pytest.param("They work in hotels and restaurants.", {"restaurant_hospitality"}, id="hotels-restaurants"),
    pytest.param("They work on cruise ships.", {"restaurant_hospitality"}, id="cruise-ships"),
    pytest.param("They spend long days on construction sites.", {"construction_site"}, id="construction-sites"),
    pytest.param("They work in warehouses and distribution centers.", {"warehouse"}, id="warehouses"),
    pytest.param("They work outdoors in all weather.", {"outdoors_field"}, id="outdoors"),
    pytest.param("They work in the field.", {"outdoors_field"}, id="in-the-field"),
    pytest.param("They work at social service agencies.", {"social_services"}, id="social-service-agencies"),
    pytest.param("They work at nonprofits.", set(), id="a-nonprofit-is-any-kind-of-employer"),
    pytest.param("They work in television studios.", {"media_studio"}, id="studios"),
    pytest.param("Some work at drugstores.", {"pharmacy"}, id="drugstores"),
    pytest.param("Many work in doctors' offices.", {"physician_office"}, id="doctors-offices"),
    pytest.param("A few run their own pottery studios.", {"self_employed"}, id="pottery-studio-not-media",
                 marks=gap("'studios' always maps to media_studio -> {self_employed, media_studio}")),
    pytest.param("They work in city halls.", {"government"}, id="city-halls"),
    pytest.param("Some are employed by utilities and power stations.", {"other"}, id="utilities-other"),
    pytest.param("They are concentrated in nursing homes and home healthcare.",
                 {"nursing_care_facility", "home_health"}, id="concentrated-in"),
    pytest.param("Most are employed by local governments.", {"government"}, id="local-governments"),
    pytest.param("Some work for local councils.", {"government"}, id="local-councils"),
    pytest.param("Many work in private veterinary practices.", {"private_practice"}, id="private-field-practices"),
    pytest.param("A few work at chemical plants and refineries.", {"manufacturing_plant"}, id="chemical-plants"),
    pytest.param("Some take travel contracts.", {"travel"}, id="travel-contracts"),
    pytest.param("Some work in offices of physicians.", {"physician_office"}, id="offices-of-physicians"),
    pytest.param("Others visit patients' own homes.", {"home_health"}, id="own-homes"),
    pytest.param("Some work in stalls at shopping centers.", {"retail_store"}, id="shopping-centers"),
    pytest.param("Some work in resort spas.", {"restaurant_hospitality"}, id="resort-spas"),
    pytest.param("Some work in independent practices.", {"private_practice"}, id="independent-practices"),
    pytest.param("Many work in outpatient cancer treatment centers.", {"clinic"}, id="treatment-centers"),
    pytest.param("A few work in yoga studios.", {"other"}, id="yoga-studios-not-media"),
    pytest.param("Nursing and residential care facilities employ a few.", {"nursing_care_facility"},
                 id="nursing-and-residential-care"),
    pytest.param("Some drive the yard van and pick up apprentices from school on Fridays.", set(),
                 id="picked-up-from"),
    pytest.param("They fire test tiles sent in by hospitals and clinics for their art rooms.", set(),
                 id="sent-in-by"),
    pytest.param("They work on construction sites, mostly schools and hospitals going up in brick.",
                 {"construction_site"}, id="the-buildings-a-site-raises"),
    pytest.param("They install electric kilns in homes, schools and office buildings.", set(),
                 id="the-buildings-they-install-in"),
    pytest.param("Some community colleges offer a one-semester kiln safety management certificate.", set(),
                 id="a-college-that-offers-a-long-named-course"),
]


def _settings(body: str, heading: str = HEADING, role_b: str | None = None):
    return run_article(body, heading=heading, role_b=role_b).settings


@pytest.mark.parametrize(("body", "expected"), SETTING_CASES)
def test_setting_value(body: str, expected: set[str]) -> None:
    assert {s.setting for s in _settings(body)} == expected


# Every setting in a one-role profile goes to that role.
PROFILE_ROLE_CASES = [
    pytest.param("They work in research laboratories.", id="they"),
    pytest.param("Most are employed in factories.", id="most"),
    pytest.param("Many work in doctors' offices.", id="doctors-offices"),
    pytest.param("Many work in dentists' offices.", id="dentists-offices"),
]


@pytest.mark.parametrize("body", PROFILE_ROLE_CASES)
def test_profile_settings_go_to_the_role(body: str) -> None:
    found = _settings(body)
    assert found
    assert all(s.roles == [A] for s in found)


# Negated or contrasted settings: nothing.
NEGATED_SETTING_CASES = [
    pytest.param("They never work from home.", id="never"),
    pytest.param("They rarely work in hospitals.", id="rarely"),
    pytest.param("They do not travel for the job.", id="do-not"),
    pytest.param("Unlike many peers, they are not self-employed.", id="not-self-employed"),
    pytest.param("Kiln operators don't work in offices.", id="dont"),
    pytest.param("They cannot work remotely because kilns need tending.", id="cannot"),
    pytest.param("Remote work is not an option for them.", id="not-an-option"),
    pytest.param("Few kiln operators work in laboratories.", id="few"),
]


@pytest.mark.parametrize("body", NEGATED_SETTING_CASES)
def test_negated_settings(body: str) -> None:
    assert _settings(body) == []


# Settings words outside work-setting context, in another sense, or qualifying pay are not settings.
NOT_A_SETTING_CASES = [
    pytest.param("Glaze chemists in laboratories earn $80,000 a year.", "Salary", id="salary-section"),
    pytest.param("Kiln operators usually need a high school diploma.", "Education", id="high-school-diploma"),
    pytest.param("Kiln operators mostly work office hours.", "Work environment", id="office-hours"),
    pytest.param("Kiln operators often work in remote areas.", "Work environment", id="remote-areas"),
    pytest.param("Kiln operators often live at remote camps during a contract.", "Work environment",
                 id="remote-camps"),
    pytest.param("Kiln operators work with remotely controlled cranes.", "Work environment", id="remotely-controlled"),
    pytest.param("The degree includes supervised clinical fieldwork.", "Education", id="study-fieldwork"),
    pytest.param("Kiln operators need the following:\n\n- a high school diploma\n- a course at a college\n",
                 "Requirements", id="list-not-of-workplaces"),
]


@pytest.mark.parametrize(("body", "heading"), NOT_A_SETTING_CASES)
def test_not_a_setting(body: str, heading: str) -> None:
    assert _settings(body, heading, role_b="Glaze Chemist") == []


# Comparison article: which role works where. (sentence, {(roles, value)})
ROLE_SETTING_CASES = [
    pytest.param("Glaze chemists work in research laboratories.", {((B,), "laboratory")}, id="named"),
    pytest.param("Kiln operators work in factories, but glaze chemists work in laboratories.",
                 {((A,), "manufacturing_plant"), ((B,), "laboratory")}, id="but-pair"),
    pytest.param("Both kiln operators and glaze chemists work in factories.",
                 {(tuple(BOTH), "manufacturing_plant")}, id="both"),
    pytest.param("Glaze chemists work in doctors' offices.", {((B,), "physician_office")}, id="doctors-offices"),
    pytest.param("Unlike kiln operators, glaze chemists work in laboratories.", {((B,), "laboratory")},
                 id="unlike"),
]


@pytest.mark.parametrize(("body", "expected"), ROLE_SETTING_CASES)
def test_setting_roles(body: str, expected: set[tuple[tuple[str, ...], str]]) -> None:
    found = _settings(body, role_b="Glaze Chemist")
    assert {(tuple(s.roles), s.setting) for s in found} == expected


# Where a pay section says where the role works, and the lines of a list introduced as where it
# works ("the largest industries", "the largest employers") name its settings. (body, {(roles, value)})
PAY_SECTION_CASES = [
    pytest.param("Factories employ most glaze chemists.", {((B,), "manufacturing_plant")}, id="employ"),
    pytest.param("Median annual wages for glaze chemists in the largest industries were:\n\n"
                 "- Government: $71,000\n- Hospitals (state and private): $69,000\n",
                 {((B,), "government"), ((B,), "hospital")}, id="industry-list"),
    pytest.param("Median annual wages for kiln operators in the largest industries were:\n\n"
                 "Government: $51,000\n\nGlass factories and refineries: $49,000\n\n"
                 "Overtime is common in hospitals.",
                 {((A,), "government"), ((A,), "manufacturing_plant")}, id="line-list-ends-at-sentence"),
    pytest.param("The largest employers of kiln operators were as follows:\n\n"
                 "- Offices of physicians: 20%\n- Colleges and universities: 5%\n",
                 {((A,), "physician_office"), ((A,), "college_university")}, id="employers-list"),
    pytest.param("The top-paying states for kiln operators were:\n\n- Ohio: $50,000\n- Maine: $48,000\n",
                 set(), id="state-list"),
]


@pytest.mark.parametrize(("body", "expected"), PAY_SECTION_CASES)
def test_pay_section_settings(body: str, expected: set[tuple[tuple[str, ...], str]]) -> None:
    found = _settings(body, heading="Pay", role_b="Glaze Chemist")
    assert {(tuple(s.roles), s.setting) for s in found} == expected


THREE = "# Potter vs. Pottery Glazer vs. Pottery Decorator: What Are the Differences?\n\n## Where they work\n\n"
ALL_POTTERY = ("potter", "pottery-glazer", "pottery-decorator")

# A field's workers coordinated with a role ("potters and pottery workers") name every role whose
# name has the field's word. (sentence, the roles of its setting)
GROUP_CASES = [
    pytest.param("Most potters and pottery workers are employed by factories.", ALL_POTTERY, id="field-workers"),
    pytest.param("Most potters and other pottery staff work in factories.", ALL_POTTERY, id="other-staff"),
    pytest.param("Most potters are employed by factories.", ("potter",), id="role-alone"),
    pytest.param("Most potters and transit workers are employed by factories.", ("potter",), id="other-field"),
]


@pytest.mark.parametrize(("sentence", "expected"), GROUP_CASES)
def test_field_workers_name_every_role_of_the_field(sentence: str, expected: tuple[str, ...]) -> None:
    found = run_markdown(THREE + sentence + "\n").settings
    assert {(tuple(s.roles), s.setting) for s in found} == {(expected, "manufacturing_plant")}
