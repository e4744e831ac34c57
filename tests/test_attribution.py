"""Which role(s) each fact goes to, table-driven through the whole pipeline.

Each case is a small invented article body (sections after the title); the check is the set of
(roles, value) pairs for one kind of fact. Pipeline gaps stay as strict xfails that say what comes
out instead.
"""

from __future__ import annotations

import pytest

from tests.helpers import BOTH, A, B, run_markdown

KILN = "# Kiln Operator vs. Glaze Chemist: What Are the Differences?\n\n"
WINE = "# Sommelier vs. Brewmaster: What Are the Differences?\n\n"
SOM, BREW = "sommelier", "brewmaster"


def gap(reason: str) -> pytest.MarkDecorator:
    return pytest.mark.xfail(strict=True, reason=reason)


def _facts(text: str, kind: str) -> set[tuple[tuple[str, ...], object]]:
    art = run_markdown(text)
    if kind == "salary":
        return {(tuple(s.roles), s.amount if s.amount is not None else (s.min, s.max)) for s in art.salaries}
    if kind == "setting":
        return {(tuple(s.roles), s.setting) for s in art.settings}
    if kind == "education":
        return {(tuple(r.roles), r.education_level) for r in art.requirements if r.type == "education"}
    if kind == "duty":
        return {(tuple(d.roles), d.text) for d in art.duties}
    raise ValueError(kind)


# (article body, fact kind, expected {(roles, value)})
ATTRIBUTION_CASES = [
    # explicit subject
    pytest.param(KILN + "## Work environment\n\nGlaze chemists work in research laboratories.\n", "setting",
                 {((B,), "laboratory")}, id="explicit-subject"),
    pytest.param(KILN + "## Salary\n\nMost glaze chemists earn $74,000 a year.\n", "salary",
                 {((B,), 74000)}, id="quantified-subject"),
    pytest.param(WINE + "## Salary\n\nA sommelier earns about $58,000 a year.\n", "salary",
                 {((SOM,), 58000)}, id="singular-subject"),
    # X earn A, while Y earn B (and its variants)
    pytest.param(KILN + "## Salary\n\nKiln operators earn $41,000 a year, while glaze chemists earn $76,000 "
                 "a year.\n", "salary", {((A,), 41000), ((B,), 76000)}, id="while"),
    pytest.param(WINE + "## Salary\n\nSommeliers earn $27 an hour, whereas brewmasters earn $31 an hour.\n",
                 "salary", {((SOM,), 27), ((BREW,), 31)}, id="whereas"),
    pytest.param(KILN + "## Work environment\n\nKiln operators work in factories, but glaze chemists work in "
                 "laboratories.\n", "setting", {((A,), "manufacturing_plant"), ((B,), "laboratory")}, id="but"),
    pytest.param(KILN + "## Education\n\nGlaze chemists typically hold a bachelor's degree; kiln operators usually "
                 "have a high school diploma.\n", "education", {((B,), "bachelor"), ((A,), "high_school")},
                 id="semicolon"),
    pytest.param(WINE + "## Salary\n\nBrewmasters earned $33 an hour, compared with $26 an hour for "
                 "sommeliers.\n", "salary", {((BREW,), 33), ((SOM,), 26)}, id="compared-with-for"),
    # Conversely / On the other hand / In contrast: the new sentence's own subject
    pytest.param(KILN + "## Work environment\n\nKiln operators work in factories. Conversely, glaze chemists work "
                 "in laboratories.\n", "setting", {((A,), "manufacturing_plant"), ((B,), "laboratory")},
                 id="conversely"),
    pytest.param(KILN + "## Work environment\n\nKiln operators work in factories. On the other hand, glaze "
                 "chemists often work in universities.\n", "setting",
                 {((A,), "manufacturing_plant"), ((B,), "college_university")}, id="on-the-other-hand"),
    pytest.param(WINE + "## Salary\n\nSommeliers earn about $52,000 a year. In contrast, brewmasters earn "
                 "$64,000 a year.\n", "salary", {((SOM,), 52000), ((BREW,), 64000)}, id="in-contrast"),
    # Unlike X, Y ...: Y only
    pytest.param(KILN + "## Salary\n\nUnlike kiln operators, glaze chemists earn $81,000 a year.\n", "salary",
                 {((B,), 81000)}, id="unlike-salary"),
    pytest.param(WINE + "## Duties\n\nUnlike sommeliers, brewmasters oversee fermentation tanks.\n", "duty",
                 {((BREW,), "oversee fermentation tanks")}, id="unlike-duty"),
    pytest.param(KILN + "## Work environment\n\nUnlike kiln operators, glaze chemists work in laboratories.\n",
                 "setting", {((B,), "laboratory")}, id="unlike-setting"),
    pytest.param(KILN + "## Education\n\nUnlike glaze chemists, kiln operators usually need only a high school "
                 "diploma.\n", "education", {((A,), "high_school")}, id="unlike-education"),
    # Like X, Y ...: both
    pytest.param(KILN + "## Work environment\n\nLike kiln operators, glaze chemists spend time in factories.\n",
                 "setting", {(tuple(BOTH), "manufacturing_plant")}, id="like-x-y-both"),
    # Both / both roles / either role / the two roles
    pytest.param(KILN + "## Work environment\n\nBoth kiln operators and glaze chemists work in factories.\n",
                 "setting", {(tuple(BOTH), "manufacturing_plant")}, id="both-x-and-y"),
    pytest.param(KILN + "## Education\n\nBoth roles require a bachelor's degree.\n", "education",
                 {(tuple(BOTH), "bachelor")}, id="both-roles"),
    pytest.param(WINE + "## Work environment\n\nSommeliers and brewmasters both work in restaurants.\n",
                 "setting", {((SOM, BREW), "restaurant_hospitality")}, id="x-and-y-both"),
    pytest.param(KILN + "## Work environment\n\nEither role can be found in manufacturing plants.\n", "setting",
                 {(tuple(BOTH), "manufacturing_plant")}, id="either-role"),
    pytest.param(WINE + "## Salary\n\nThe two roles both pay around $50,000 a year.\n", "salary",
                 {((SOM, BREW), 50000)}, id="the-two-roles"),
    # "They" carries the previous sentence's subject
    pytest.param(KILN + "## Education\n\nGlaze chemists need a master's degree. They often work in "
                 "universities.\n", "setting", {((B,), "college_university")}, id="they-setting"),
    pytest.param(KILN + "## Duties\n\nKiln operators load ware into kilns. They monitor firing temperatures.\n",
                 "duty", {((A,), "load ware into kilns"), ((A,), "monitor firing temperatures")}, id="they-duty"),
    pytest.param(WINE + "## Salary\n\nBrewmasters earn about $64,000 a year. They can reach $90,000 at large "
                 "breweries.\n", "salary", {((BREW,), 64000), ((BREW,), 90000)}, id="they-salary"),
    pytest.param(KILN + "## Work environment\n\nGlaze chemists work in laboratories. These professionals sometimes "
                 "visit factories.\n", "setting", {((B,), "laboratory"), ((B,), "manufacturing_plant")},
                 id="these-professionals"),
    # A section headed "What is a X?" (or "What does a X do?") defaults to X
    pytest.param(KILN + "## What is a glaze chemist?\n\nMost work in research laboratories.\n", "setting",
                 {((B,), "laboratory")}, id="what-is-section-setting"),
    pytest.param(KILN + "## What is a kiln operator?\n\nA high school diploma is the usual minimum.\n",
                 "education", {((A,), "high_school")}, id="what-is-section-education"),
    pytest.param(WINE + "## What does a brewmaster do?\n\nThey design recipes and supervise brewing staff.\n",
                 "duty", {((BREW,), "design recipes"), ((BREW,), "supervise brewing staff")},
                 id="what-does-section-duty"),
    pytest.param(WINE + "## What is a sommelier?\n\nSalaries average $56,000 a year.\n", "salary",
                 {((SOM,), 56000)}, id="what-is-section-salary"),
    pytest.param(KILN + "## What is a kiln operator?\n\nGlaze chemists often work in universities.\n", "setting",
                 {((B,), "college_university")}, id="named-subject-beats-section"),
    pytest.param(KILN + "## What is a kiln operator?\n\nThe job pays about $43,000 a year.\n", "salary",
                 {((A,), 43000)}, id="what-is-section-pays"),
    pytest.param(KILN + "Kiln operators, usually called firing operators or KOs, run the kilns.\n\n## Pay\n\n"
                 "KOs earn about $43,000 a year, and glaze chemists earn $70,000.\n", "salary",
                 {((A,), 43000), ((B,), 70000)}, id="acronym-the-body-calls-the-role"),
    pytest.param(KILN + "Kiln operators, also known as firing operators, run the kilns.\n\n## Pay\n\n"
                 "Firing operators earn about $43,000 a year.\n", "salary",
                 {((A,), 43000)}, id="name-the-body-calls-the-role"),
    pytest.param("# Tile Setter vs. Carpet Installer\n\n## Pay\n\nCarpet and flooring installers earn about "
                 "$45,000 a year, while tile setters earn $48,000.\n", "salary",
                 {(("carpet-installer",), 45000), (("tile-setter",), 48000)}, id="coordinated-modifier-names-the-role"),
]


@pytest.mark.parametrize(("text", "kind", "expected"), ATTRIBUTION_CASES)
def test_attribution(text: str, kind: str, expected: set[tuple[tuple[str, ...], object]]) -> None:
    assert _facts(text, kind) == expected


def test_former_and_latter_name_the_roles_in_title_order() -> None:
    from tests.helpers import run_article

    article = run_article("The former earn $40,000 a year, while the latter earn $55,000 a year.")
    assert {(tuple(s.roles), s.amount) for s in article.salaries} == {
        (("kiln-operator",), 40000.0), (("glaze-chemist",), 55000.0)}


def test_in_contrast_to_x_is_not_the_subject() -> None:
    from tests.helpers import run_article

    article = run_article("In contrast to kiln operators, glaze chemists earn $60,000 a year.")
    assert [(s.roles, s.amount) for s in article.salaries] == [(["glaze-chemist"], 60000.0)]


def test_respectively_assigns_figures_in_order() -> None:
    from tests.helpers import run_article

    article = run_article("Kiln operators and glaze chemists earn $41,000 and $63,000 a year, respectively.")
    assert {(tuple(s.roles), s.amount) for s in article.salaries} == {
        (("kiln-operator",), 41000.0), (("glaze-chemist",), 63000.0)}
