"""Every lexicon entry and rule of ``pipeline/data`` carries an invented example, run here through the
code that uses the entry: it fires on its ``example`` and not on its ``near_miss``. An entry that
makes facts (a skill, a setting, an education level, a requirement) must make one with its id in a
tiny article; an entry the code asks for the first match of a file must win that match; a cue must
hit; any other rule must match. The occupation aliases carry theirs in a third column. No example is
a corpus article's text.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

import pytest

from pipeline.rules import cues, loader
from pipeline.rules.loader import (
    DATA,
    CueRule,
    Exampled,
    PatternRule,
    RuleFileError,
    compiled_rule,
    cue_rules,
    first_match,
    pattern_rules,
    phrase_rules,
)
from pipeline.rules.matcher import Pattern
from pipeline.rules.occupations import forms, occupations_in
from pipeline.rules.precision import Doubt, doubts_declared
from pipeline.rules.text import Piece, Text
from tests.conftest import SHARED
from tests.helpers import run_article

# Rules that are code (``procedures.jsonl``) or a gazetteer built from registry packages
# (``occupations.jsonl``) are no hand-written lexicon.
NOT_LEXICONS = ("procedures.jsonl", "occupations.jsonl")
ENTRY_FILES = sorted(p.name for p in DATA.glob("*.jsonl") if p.name not in NOT_LEXICONS)
PHRASE_FILES = ("settings.jsonl", "skills.jsonl")
ALIASES = DATA / "occupation_aliases.tsv"

# Files the code reads with ``first_match``: the first entry whose pattern matches decides.
FIRST_MATCH = ("boilerplate.jsonl", "section_kinds.jsonl", "salary_distractors.jsonl", "pay_period_after.jsonl",
               "pay_period_before.jsonl", "pay_statistic_after.jsonl", "pay_statistic_before.jsonl")
# The section an example of a fact-making entry stands in (a profile of one role), by fact field.
HEADINGS = {"skills": "Skills", "settings": "Work environment", "requirements": "Education and training"}
# Rules of skill_patterns.jsonl whose matches are skills (the others are parts of those rules).
SKILL_RULES = ("skill-x-skills", "skill-complement", "skill-named-tools")
# A setting entry of kind "care" makes facts for a care occupation only: its example is one's article.
CARE_ROLE = "Home Health Aide"


def entries(name: str) -> Sequence[Exampled]:
    if name == "doubts.jsonl":  # the doubts found by their words; the others are code (tests/test_confidence.py)
        return tuple(d for d in doubts_declared() if d.pattern)
    if name in PHRASE_FILES:
        return phrase_rules(name)
    if name in ("cues.jsonl", "relevance.jsonl"):
        return tuple(cue_rules(name).values())
    return pattern_rules(name)


def fact_field(name: str, entry: Exampled) -> str | None:
    """The facts an entry makes (they carry its id), if it makes any."""
    value = getattr(entry, "value", "")
    if name in ("skills.jsonl",) or (name == "skill_patterns.jsonl" and entry.id in SKILL_RULES):
        return "skills"
    if name == "settings.jsonl" or (name == "setting_patterns.jsonl" and value):
        return "settings"
    if name == "education.jsonl" or (name == "requirement_patterns.jsonl" and value):
        return "requirements"
    return None


def fires(name: str, entry: Exampled, text: str) -> bool:
    field = fact_field(name, entry)
    if field is not None:
        roles = {"role_a": CARE_ROLE} if getattr(entry, "kind", "") == "care" else {}
        article = run_article(text, heading=HEADINGS[field], role_b=None, **roles)
        return any(fact.rule == entry.id for fact in getattr(article, field))
    if isinstance(entry, Doubt):
        return Pattern(entry.pattern).found(Piece(text)) != entry.missing
    if isinstance(entry, CueRule):
        return cues.cue(" ".join(entry.words), " ".join(entry.stems), tuple(entry.phrases)).hit(Text(text))
    if name in FIRST_MATCH:
        won = first_match(name, text)
        return won is not None and won.id == entry.id
    assert isinstance(entry, PatternRule)
    return any(m.end() > m.start() for m in compiled_rule(name, entry.id).matcher.finditer(Piece(text)))


def _cases(attr: str) -> list[pytest.ParameterSet]:
    return [pytest.param(name, entry, id=f"{name}:{entry.id}")
            for name in ENTRY_FILES for entry in entries(name) if getattr(entry, attr)]


@pytest.mark.parametrize(("name", "entry"), _cases("example"))
def test_an_entry_fires_on_its_example(name: str, entry: Exampled) -> None:
    assert fires(name, entry, entry.example), entry.example


@pytest.mark.parametrize(("name", "entry"), _cases("near_miss"))
def test_an_entry_does_not_fire_on_its_near_miss(name: str, entry: Exampled) -> None:
    assert not fires(name, entry, entry.near_miss), entry.near_miss


@pytest.mark.parametrize("name", [n for n in ENTRY_FILES if n == "salary_distractors.jsonl"])
def test_a_salary_distractors_example_gives_no_salary(name: str) -> None:
    """The figure of each example is no pay in a salary section either."""
    paid = [e.example for e in entries(name) if run_article(e.example, heading="Salary", role_b=None).salaries]
    assert not paid


class Alias(NamedTuple):
    line: int
    phrase: str
    code: str
    example: str


def aliases() -> list[Alias]:
    out = []
    for n, line in enumerate(ALIASES.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            cells = [cell.strip() for cell in line.split("\t")]
            out.append(Alias(n, cells[0], cells[1], cells[2] if len(cells) > 2 else ""))
    return out


@pytest.mark.parametrize("alias", [pytest.param(a, id=a.phrase) for a in aliases() if a.example])
def test_an_occupation_alias_is_found_in_its_example(alias: Alias) -> None:
    found = [(o.text.lower(), o.soc) for o in occupations_in(alias.example)]
    assert any(text in forms(alias.phrase) and soc == alias.code for text, soc in found), found


def test_every_lexicon_entry_has_an_example() -> None:
    missing = [f"{name}: {entry.id}" for name in ENTRY_FILES for entry in entries(name) if not entry.example]
    missing += [f"{ALIASES.name}:{a.line}: {a.phrase}" for a in aliases() if not a.example]
    assert not missing, "entries without an example (an invented text the entry fires on):\n" + "\n".join(missing)


def test_a_blank_example_is_refused_on_load(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x", "pattern": "x", "example": "  "}) + "\n", encoding="utf-8")
    monkeypatch.setattr(loader, "DATA", tmp_path)
    with pytest.raises(RuleFileError, match=r"(?s)bad\.jsonl:1: .*blank test text"):
        loader._read_jsonl("bad.jsonl", PatternRule)


CORPUS = SHARED / "corpus"
# Shorter texts (a menu line, "Related articles", a heading) are the web's conventions, not any
# article's wording.
MIN_WORDS = 5
TAG = re.compile(r"<[^>]+>")


def _plain(text: str) -> str:
    text = html.unescape(TAG.sub(" ", text)).casefold().replace("’", "'").replace("‘", "'")
    return " ".join(text.split())


def _corpus_text(root: Path) -> str:
    return "\n".join(_plain(p.read_text(encoding="utf-8", errors="replace")) for p in sorted(root.rglob("*"))
                     if p.is_file() and p.suffix in (".txt", ".md", ".html", ".htm", ".markdown"))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is absent")
def test_no_example_is_a_corpus_text() -> None:
    corpus = _corpus_text(CORPUS)
    texts = [t for name in ENTRY_FILES for e in entries(name) for t in (e.example, e.near_miss)]
    texts += [a.example for a in aliases()]
    copied = [t for t in texts if len(t.split()) >= MIN_WORDS and _plain(t).rstrip(".!?:;") in corpus]
    assert not copied
