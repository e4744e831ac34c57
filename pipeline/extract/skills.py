"""Skill names from patterns, beside the lexicon matches that ``pipeline.rules.components`` finds.

- "<A>, <B> and <C> skills": each coordinated name before "skills" ("strong analytical and
  mathematical skills" gives "analytical" and "mathematical").
- "knowledge of X", "grounding in X", "fluent in X", "an eye for X": X, up to four words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.rules.loader import load_terms
from pipeline.rules.matcher import Gated

SKILL_STOP = load_terms("skill_stopwords.txt")
WORD = re.compile(r"[A-Za-z][A-Za-z+#-]*|,|&")
SKILLS_WORD = Gated(r"\bskills\b")
SKILLS_TEST = re.compile(r"\s+(?:test|tests|exam|exams|assessment|check)\b", re.IGNORECASE)
COMPLEMENT = Gated(
    r"\b(?:knowledge|understanding|grasp|grounding|command|mastery) (?:of|in)\s+|"
    r"\b(?:fluent|proficient|skilled|versed|adept) (?:in|with|at)\s+|\ban eye for\s+|\bability to\s+",
    re.IGNORECASE,)
COMPLEMENT_END = re.compile(r"[,.;:()]|\s(?:or|to|so|since|because|which|that|when|such as|is|are)\s")
MAX_ITEM_WORDS = 3


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    name: str
    rule: str


def before_skills(text: str, folded: str | None = None) -> list[Found]:
    """The coordinated names that precede each "skills"."""
    out: list[Found] = []
    for m in SKILLS_WORD.finditer(text, folded=folded):
        if SKILLS_TEST.match(text, m.end()):
            continue  # "a road skills test" is an exam, not a skill
        tokens = [(t.start(), t.end(), t.group(0)) for t in WORD.finditer(text, max(0, m.start() - 120), m.start())]
        items: list[list[tuple[int, int, str]]] = [[]]
        for start, end, word in reversed(tokens):
            low = word.lower()
            if low in (",", "&", "and", "or"):
                if not items[-1]:
                    break
                items.append([])
                continue
            if low in SKILL_STOP or len(items[-1]) >= MAX_ITEM_WORDS:
                break
            items[-1].insert(0, (start, end, low))
        for item in items:
            if item:
                out.append(Found(item[0][0], item[-1][1], " ".join(w for _, _, w in item), "skill-x-skills"))
    return out


def complements(text: str, folded: str | None = None) -> list[Found]:
    out: list[Found] = []
    for m in COMPLEMENT.finditer(text, folded=folded):
        rest = text[m.end() :]
        stop = COMPLEMENT_END.search(rest)
        phrase = rest[: stop.start()] if stop else rest
        words = [w for w in phrase.split()[:6] if w.lower() not in ("a", "an", "the", "their", "its")]
        if words:
            start = m.end() + phrase.find(words[0])
            name = " ".join(words).lower()
            out.append(Found(start, start + len(" ".join(words)), name, "skill-complement"))
    return out


QUALIFIER = re.compile(r"^(?:(?:good|strong|solid|excellent|great|basic|advanced|sharp|keen)\s+)+", re.IGNORECASE)


def list_item_skill(text: str) -> str | None:
    """A short item of a skills list ("Working well under pressure") names a skill as written."""
    name = QUALIFIER.sub("", text.strip().rstrip(".;:")).strip()
    words = name.split()
    if not words or len(words) > 6 or name[-1:] in "!?":
        return None
    return name.lower()
