"""The README is the user's page: short, the two commands near the top, set-up on a fresh machine
named, its links and the names it quotes true of the code."""

from __future__ import annotations

import re
import tomllib

from pipeline.cli import main
from pipeline.export.rows import FACT_COLUMNS, ROLE_COLUMNS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_short_with_the_two_commands_near_the_top() -> None:
    lines = README.splitlines()
    assert len(lines) <= 150
    first = README.index("```bash\n")
    assert first < README.index("## Commands")
    block = README[first + len("```bash\n"):].split("```", 1)[0].splitlines()
    assert len(block) == 2
    for part in ("python3 -m venv", "pip install -e '.[dev]'", "extract raw/ output/"):
        assert part in block[0]
    assert block[1] == "pytest"


def test_set_up_names_python_a_virtual_environment_and_chromium() -> None:
    required = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    assert required == ">=3.11" and "Python 3.11 or newer" in README
    assert "virtual environment" in README
    assert "`chromium` and `chromium-driver`" in README


def test_links_lead_to_files_that_exist() -> None:
    for target in re.findall(r"\]\(((?!https?:)[^)#]+)", README):
        assert (ROOT / target).is_file(), target
    for page in (ROOT / "docs").glob("*.md"):
        for target in re.findall(r"\]\(((?!https?:)[^)#]+)", page.read_text(encoding="utf-8")):
            assert (page.parent / target).is_file(), (page.name, target)


def test_the_commands_and_columns_it_names_are_the_codes() -> None:
    named = re.findall(r"^\| `extract (\w+)", README, flags=re.MULTILINE)
    assert named == list(main.commands)  # type: ignore[attr-defined]
    for column in re.findall(r"`((?:salary|amount|min|max|annual)_\w+)`", README):
        assert column in ROLE_COLUMNS + FACT_COLUMNS, column


def test_how_it_works_says_what_spacy_is_here() -> None:
    design = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    assert 'spacy.blank("en")' in design and "PhraseMatcher" in design
    assert "the pipeline itself does not add it" in design  # career_sentences: its rules run as a function
    from pipeline.rules.components import build
    from pipeline.rules.occupations import occupation_nlp

    assert build().pipe_names == ["career_lexicons"] and occupation_nlp().pipe_names == ["career_occupations"]
