"""Education, duration, certification and licence requirements, table-driven through the whole pipeline.

Sentences are invented. Most run in a one-role profile ("What Does a Kiln Operator Do?") under an
"Education and training" heading, so every requirement should go to that role. Pipeline gaps stay
in the tables as strict xfails that say what comes out instead.
"""

from __future__ import annotations

import pytest

from tests.helpers import BOTH, A, B, run_article

HEADING = "Education and training"


def gap(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


def _requirements(body: str, heading: str = HEADING, role_b: str | None = None):
    return run_article(body, heading=heading, role_b=role_b).requirements


def _levels(body: str) -> set[str]:
    return {r.education_level for r in _requirements(body) if r.type == "education" and r.education_level}


# (sentence, the set of education levels it states as needed or usual)
EDUCATION_CASES = [
    pytest.param("Most employers want a certificate or associate degree in ceramic technology.",
                 {"postsecondary_nondegree", "associate"}, id="certificate-or-associate"),
    pytest.param("A high school diploma or GED is enough to get started.", {"high_school"},
                 id="diploma-or-ged"),
    pytest.param("No formal qualifications are needed to start.", {"no_formal_education"},
                 id="no-formal-qualifications"),
    pytest.param("Some kiln operators later earn an MBA to move into management.", {"master"}, id="mba"),
    pytest.param("Some hold a PharmD before moving into formulation work.", {"doctoral_professional"},
                 id="pharmd"),
    pytest.param("A Ph.D. in materials science is common among senior staff.", {"doctoral_professional"},
                 id="phd-dotted"),
    pytest.param("They usually complete a DPT before specializing.", {"doctoral_professional"}, id="dpt"),
    pytest.param("Some kiln operators hold an M.D. from an earlier career.", {"doctoral_professional"},
                 id="md-dotted"),
    pytest.param("Some kiln operators earned a J.D. degree before switching careers.", {"doctoral_professional"},
                 id="jd-degree"),
    pytest.param("They typically need a bachelor's degree in chemistry.", {"bachelor"}, id="bachelors"),
    pytest.param("A master's degree in materials engineering opens senior roles.", {"master"}, id="masters"),
    pytest.param("They must hold a doctorate in inorganic chemistry.", {"doctoral_professional"}, id="doctorate"),
    pytest.param("Some college coursework in chemistry is useful.", {"some_college"}, id="some-college"),
    pytest.param("They often complete a vocational program in industrial ceramics.", {"postsecondary_nondegree"},
                 id="vocational-program"),
    pytest.param("Trade school graduates fill many of these jobs.", {"postsecondary_nondegree"}, id="trade-school"),
    pytest.param("A two-year degree from a community college is common.", {"associate"}, id="two-year-degree"),
    pytest.param("Many earn an associate of applied science.", {"associate"}, id="associate-of-applied-science"),
    pytest.param("Most have an associate's degree.", {"associate"}, id="associates-apostrophe"),
    pytest.param("An undergraduate degree in chemistry is the usual route.", {"bachelor"}, id="undergraduate"),
    pytest.param("A four-year college degree is standard.", {"bachelor"}, id="four-year-college-degree"),
    pytest.param("GCSEs in maths and science are usually expected.", {"high_school"}, id="gcses"),
    pytest.param("A-levels in chemistry help applicants.", {"high_school"}, id="a-levels"),
    pytest.param("An HND in ceramics is accepted in the UK.", {"associate"}, id="hnd"),
    pytest.param("A BSc in chemistry is standard.", {"bachelor"}, id="bsc"),
    pytest.param("A B.A. in fine arts is a common background.", {"bachelor"}, id="ba-dotted"),
    pytest.param("An MSc is increasingly common.", {"master"}, id="msc"),
    pytest.param("An M.A. in art history helps in museum studios.", {"master"}, id="ma-dotted"),
    pytest.param("Many hold a Master of Science in ceramic engineering.", {"master"}, id="master-of-science"),
    pytest.param("A doctoral degree is needed for research leadership.", {"doctoral_professional"},
                 id="doctoral-degree"),
    pytest.param("Many hold a Psy.D. before consulting on workplace safety.", {"doctoral_professional"},
                 id="psyd"),
    pytest.param("Some hold an Ed.D. and teach ceramics.", {"doctoral_professional"}, id="edd"),
    pytest.param("A secondary school diploma is the minimum.", {"high_school"}, id="secondary-school-diploma"),
    pytest.param("Employers hire high school graduates.", {"high_school"}, id="high-school-graduates"),
    pytest.param("Candidates need at least a high school education.", {"high_school"}, id="high-school-education"),
    pytest.param("A postsecondary nondegree award is typical.", {"postsecondary_nondegree"},
                 id="postsecondary-nondegree-award"),
    pytest.param("A high-school equivalency credential is required.", {"high_school"}, id="equivalency"),
    pytest.param("An MD is rare in this role.", {"doctoral_professional"}, id="md-undotted"),
    pytest.param("Some kiln operators hold a JD from law school.", {"doctoral_professional"}, id="jd-bare"),
    pytest.param("An MFA in ceramics is common among studio leads.", {"master"}, id="mfa"),
    pytest.param("Some kiln operators hold a Doctor of Pharmacy degree.", {"doctoral_professional"},
                 id="doctor-of-pharmacy"),
    pytest.param("A DVM is sometimes found among those who fire bone china.", {"doctoral_professional"}, id="dvm"),
    pytest.param("Many hold a Doctor of Veterinary Medicine.", {"doctoral_professional"},
                 id="doctor-of-as-occupation"),
    pytest.param("A Level 3 diploma in manufacturing is accepted.", {"postsecondary_nondegree"},
                 id="uk-level-3-diploma"),
    pytest.param("Certificate programs in kiln technology last about a year.", {"postsecondary_nondegree"},
                 id="capital-certificate"),
    pytest.param("There are no educational requirements beyond high school.", {"high_school"},
                 id="no-requirements-beyond-high-school"),
    # negations: nothing is required
    pytest.param("A degree is not required for this job.", set(), id="neg-not-required"),
    pytest.param("You can enter the field without a four-year degree.", set(), id="neg-without"),
    pytest.param("You don't need a bachelor's degree to fire kilns.", set(), id="neg-dont-need"),
    pytest.param("A master's degree is not necessary.", set(), id="neg-not-necessary"),
    pytest.param("Instead of a four-year degree, most complete a short course.", set(), id="neg-instead-of"),
    pytest.param("A medical degree is not needed.", set(), id="neg-not-needed"),
    pytest.param("Rather than a college degree, employers look for hands-on experience.", set(),
                 id="neg-rather-than"),
    pytest.param("Most kiln operators are well read: about two in three hold a bachelor's degree, and one in ten has "
                 "a master's degree.", set(), id="a-share-of-holders-in-words"),
]


@pytest.mark.parametrize(("body", "expected"), EDUCATION_CASES)
def test_education_level(body: str, expected: set[str]) -> None:
    assert _levels(body) == expected


# (sentence, level, required?) -- "preferred", "some employers like", "optional" make it not required.
REQUIRED_CASES = [
    pytest.param("A bachelor's degree is preferred.", "bachelor", False, id="preferred"),
    pytest.param("Some employers like to see an associate degree.", "associate", False, id="some-employers-like"),
    pytest.param("An associate degree is optional.", "associate", False, id="optional"),
    pytest.param("A bachelor's degree is helpful but not essential.", "bachelor", False, id="helpful"),
    pytest.param("A diploma in ceramic technology is recommended.", "postsecondary_nondegree", False,
                 id="recommended"),
    pytest.param("A graduate degree is useful for research posts.", "master", False, id="useful"),
    pytest.param("They typically need a bachelor's degree in chemistry.", "bachelor", True, id="need"),
    pytest.param("A high school diploma is required.", "high_school", True, id="required"),
    pytest.param("They must hold a doctorate in inorganic chemistry.", "doctoral_professional", True, id="must"),
    pytest.param("Applicants with a master's degree are favoured.", "master", False, id="favoured"),
]


@pytest.mark.parametrize(("body", "level", "required"), REQUIRED_CASES)
def test_required_flag(body: str, level: str, required: bool) -> None:
    got = [r.required for r in _requirements(body) if r.education_level == level]
    assert got == [required]


# (sentence, type, level or None, (min, max, unit) of the duration)
DURATION_CASES = [
    pytest.param("The associate program lasts one to two years.", "education", "associate", (1, 2, "year"),
                 id="one-to-two-years"),
    pytest.param("A postsecondary certificate takes about 18 months.", "education", "postsecondary_nondegree",
                 (18, 18, "month"), id="18-months"),
    pytest.param("A two-year degree from a community college is common.", "education", "associate",
                 (2, 2, "year"), id="two-year-program"),
    pytest.param("They complete a one-year certificate program.", "education", "postsecondary_nondegree",
                 (1, 1, "year"), id="one-year-certificate"),
    pytest.param("The bachelor's program takes four years.", "education", "bachelor", (4, 4, "year"),
                 id="four-years"),
    pytest.param("Most complete a 12-month diploma program.", "education", "postsecondary_nondegree",
                 (12, 12, "month"), id="12-month"),
    pytest.param("An apprenticeship lasts three to four years.", "training", None, (3, 4, "year"),
                 id="apprenticeship-three-to-four"),
    pytest.param("They learn through on-the-job training that lasts 6 months.", "training", None,
                 (6, 6, "month"), id="on-the-job-6-months"),
    pytest.param("Most complete a two-year associate program followed by 6 months of on-the-job training.",
                 "education", "associate", (2, 2, "year"), id="duration-before-not-after"),
    pytest.param("Most complete a two-year associate program followed by 6 months of on-the-job training.",
                 "training", None, (6, 6, "month"), id="training-duration-own"),
    pytest.param("They need a bachelor's degree and at least two years of experience.", "education", "bachelor",
                 None, id="experience-years-not-degree"),
]


@pytest.mark.parametrize(("body", "rtype", "level", "duration"), DURATION_CASES)
def test_duration(body: str, rtype: str, level: str | None, duration: tuple[float, float, str] | None) -> None:
    found = [r for r in _requirements(body) if r.type == rtype and r.education_level == level]
    assert len(found) == 1
    d = found[0].duration
    got = (d.min, d.max, d.unit) if d else None
    assert got == duration


# (sentence, type, expected name) -- certifications and licences named in the text
CREDENTIAL_CASES = [
    pytest.param("They must pass the NCCT exam.", "certification", "NCCT", id="acronym-exam"),
    pytest.param("Many kiln operators earn the Certified Kiln Safety Professional credential.", "certification",
                 "Certified Kiln Safety Professional", id="certified-x"),
    pytest.param("Most employers ask for an OSHA-10 certification.", "certification", "OSHA-10",
                 id="acronym-with-digits"),
    pytest.param("A state license is required in some states.", "license", "state license",
                 id="state-license"),
    pytest.param("A commercial driver's license is needed for delivery work.", "license",
                 "commercial driver's license", id="cdl"),
]


@pytest.mark.parametrize(("body", "rtype", "name"), CREDENTIAL_CASES)
def test_credential_names(body: str, rtype: str, name: str) -> None:
    found = [(r.roles, r.name) for r in _requirements(body) if r.type == rtype]
    assert found == [([A], name)]


CREDENTIAL_ROLE_CASES = [
    pytest.param("Many earn the Certified Kiln Technician (CKT) credential.", id="technician-in-name"),
    pytest.param("Some hold the Registered Ceramic Engineer title.", id="engineer-in-name"),
]


@pytest.mark.parametrize("body", CREDENTIAL_ROLE_CASES)
def test_credential_goes_to_profile_role(body: str) -> None:
    found = [r.roles for r in _requirements(body) if r.type == "certification"]
    assert found == [[A]]


NO_CREDENTIAL_CASES = [
    pytest.param("They do not need a license.", id="no-license"),
    pytest.param("Kiln operators are not required to hold a state licence.", id="not-required-licence"),
]


@pytest.mark.parametrize("body", NO_CREDENTIAL_CASES)
def test_negated_credentials(body: str) -> None:
    assert [r for r in _requirements(body) if r.type in ("license", "certification")] == []


# Comparison article: who needs what. (sentence, {(roles, level)})
ROLE_EDUCATION_CASES = [
    pytest.param("Glaze chemists need a bachelor's degree in chemistry.", {((B,), "bachelor")}, id="named-role"),
    pytest.param("Glaze chemists typically hold a bachelor's degree; kiln operators usually have a high school "
                 "diploma.", {((B,), "bachelor"), ((A,), "high_school")}, id="semicolon-pair"),
    pytest.param("Both roles require a bachelor's degree.", {(tuple(BOTH), "bachelor")}, id="both-roles"),
    pytest.param("Kiln operators do not need a college degree.", set(), id="negated-named"),
    pytest.param("Unlike glaze chemists, kiln operators usually need only a high school diploma.",
                 {((A,), "high_school")}, id="unlike"),
]


@pytest.mark.parametrize(("body", "expected"), ROLE_EDUCATION_CASES)
def test_education_roles(body: str, expected: set[tuple[tuple[str, ...], str]]) -> None:
    reqs = _requirements(body, role_b="Glaze Chemist")
    assert {(tuple(r.roles), r.education_level) for r in reqs if r.type == "education"} == expected
