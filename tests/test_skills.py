"""Table-driven tests for skills: which words name a skill, and which role(s) each skill goes to."""

from __future__ import annotations

import pytest

from pipeline.extract.skills import before_skills, complements
from tests.helpers import BOTH, A, B, run_article

NAMES_BEFORE_SKILLS = [
    pytest.param("They need strong analytical, mathematical and drafting skills.",
                 ["drafting", "mathematical", "analytical"], id="a-coordinated-list"),
    pytest.param("Good welding and wiring skills matter.", ["wiring", "welding"], id="two-names"),
    pytest.param("Math skills help them check glaze ratios, technical skills let them run the kilns.",
                 ["math", "technical"], id="a-comma-starts-another-clause"),
    pytest.param("They show samples to buyers and shop owners, and sales skills close the order.", ["sales"],
                 id="comma-and-joins-clauses"),
    pytest.param("Every new operator passes a forklift skills test.", [], id="a-skills-test"),
]


@pytest.mark.parametrize(("text", "expected"), NAMES_BEFORE_SKILLS)
def test_names_before_skills(text: str, expected: list[str]) -> None:
    assert [f.name for f in before_skills(text)] == expected


COMPLEMENTS = [
    pytest.param("They need fluency in at least two glaze notations.", ["at least two glaze notations"],
                 id="fluency-in"),
    pytest.param("They need drafting skills with CAD software.", ["cad software"], id="skills-with"),
    pytest.param("They must be proficient with lab tools such as Glazy and Insight.", [],
                 id="a-kind-before-its-examples"),
    pytest.param("They need the ability to use, clean and mend kiln shelves.", [], id="a-bare-verb"),
    pytest.param("They need a working knowledge of kiln chemistry.", ["kiln chemistry"], id="knowledge-of"),
]


@pytest.mark.parametrize(("text", "expected"), COMPLEMENTS)
def test_complements(text: str, expected: list[str]) -> None:
    assert [f.name for f in complements(text)] == expected


def skills_of(body: str, heading: str = "Skills") -> set[tuple[str, str]]:
    article = run_article(body, heading=heading)
    return {(role, s.skill) for s in article.skills for role in s.roles}


SKILL_CASES = [
    # Fields, courses, tests and other people's abilities are no skills.
    pytest.param("It is a good first job for anyone weighing a career in glaze testing or bookkeeping.", set(),
                 id="a-career-in-a-field"),
    pytest.param("Kiln operators take classroom lessons in drafting and math.", set(), id="lessons-in-a-subject"),
    pytest.param("Glaze chemists send invoices to the billing department.", set(), id="a-department"),
    pytest.param("Kiln operators must pass a physical fitness test.", set(), id="a-test"),
    pytest.param("Glaze chemists help potters communicate with suppliers.", set(), id="someone-else-communicates"),
    pytest.param("Glaze chemists check a supplier's reliability before each order.", set(), id="a-thing's-trait"),
    pytest.param("Kiln operators need a glaze chemist's patience.", set(), id="another-person's-trait",
                 marks=pytest.mark.xfail(strict=True, reason="a possessive names the trait's owner, but a "
                                         "role's possessive is still read as the role's skill")),
    pytest.param("Strong kiln operator skills take years to build.", set(), id="a-role-name-before-skills"),
    # Each skill goes to the role(s) its clause names.
    pytest.param("Kiln operators need stamina, patience and attention to detail.",
                 {(A, "physical stamina"), (A, "patience"), (A, "attention to detail")}, id="x-need-a-b-and-c"),
    pytest.param("Both jobs require patience and sound judgment.",
                 {(r, skill) for r in BOTH for skill in ("patience", "judgment")}, id="both-jobs-require"),
    pytest.param("Glaze chemists need analytical skills, while kiln operators need physical stamina.",
                 {(B, "analytical skills"), (A, "physical stamina")}, id="while-y-need"),
    pytest.param("Kiln operators need concentration, and glaze chemists need precision.",
                 {(A, "concentration"), (B, "precision")}, id="and-y-need"),
    pytest.param("Kiln operators must stay calm under pressure when a firing goes wrong.",
                 {(A, "calm under pressure")}, id="calm-under-pressure"),
    pytest.param("Kiln operators need organizational skills to plan each firing.",
                 {(A, "organizational skills")}, id="organizational-skills"),
    pytest.param("Kiln operators need honesty because they log their own readings.", {(A, "honesty")},
                 id="honesty-is-its-own-skill"),
    pytest.param("Kiln operators need the confidence to handle difficult customers.",
                 {(A, "confidence to handle difficult customers")}, id="a-skill-with-its-purpose",
                 marks=pytest.mark.xfail(strict=True, reason="the lexicon names the skill alone ('confidence')")),
    pytest.param("Kiln operators need good balance on narrow catwalks.", {(A, "balance")}, id="balance",
                 marks=pytest.mark.xfail(strict=True, reason="'balance' is too often a verb or a sum to be a "
                                         "lexicon skill")),
]


@pytest.mark.parametrize(("body", "expected"), SKILL_CASES)
def test_skill_shapes(body: str, expected: set[tuple[str, str]]) -> None:
    assert skills_of(body) == expected
