"""Skills: the skills lexicon's matches (``data/skills.jsonl``) and skill names read off patterns.

- "<A>, <B> and <C> skills": each coordinated name before "skills" ("strong analytical and
  mathematical skills" gives "analytical" and "mathematical").
- "knowledge of X", "grounding in X", "fluent in X", "an eye for X": X, up to four words.
- "design tools such as A and B", "languages such as A, B and C": each named tool (capitalised).
- a short item of a list under a skills heading ("Working well under pressure").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.rules import cues
from pipeline.rules.cache import text_cache
from pipeline.rules.clauses import negated
from pipeline.rules.components import Lexicon
from pipeline.rules.loader import compiled_rule, load_terms, procedure, regex
from pipeline.rules.text import Piece
from pipeline.stages.attribute import roles_at
from pipeline.types import Facts, RoleInfo, Sentence
from schemas.article import Skill

NO_SKILL_KINDS = {"salary", "outlook", "faq"}
SKILL_STOP = load_terms("skill_stopwords.txt")
WORD = re.compile(r"[A-Za-z][A-Za-z+#-]*|,|&")
RULES = "skill_patterns.jsonl"
SKILLS_WORD = compiled_rule(RULES, "skill-x-skills")
SKILLS_TEST = regex(RULES, "skills-test")
COMPLEMENT = compiled_rule(RULES, "skill-complement")
COMPLEMENT_END = regex(RULES, "complement-end")
NAMED_TOOLS = compiled_rule(RULES, "skill-named-tools")
TOOL_NAME = regex(RULES, "tool-name")
TOOL_LIST_JOINT = regex(RULES, "tool-list-joint")
MAX_ITEM_WORDS = 3


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    name: str
    rule: str


def before_skills(t: Piece | str) -> list[Found]:
    """The coordinated names that precede each "skills"."""
    text = t if isinstance(t, str) else t.text
    out: list[Found] = []
    for m in SKILLS_WORD.matcher.finditer(t):
        if SKILLS_TEST.match(text, m.end()):
            continue  # "a road skills test" is an exam, not a skill
        tokens = [(t.start(), t.end(), t.group(0)) for t in WORD.finditer(text, max(0, m.start() - 120), m.start())]
        items = _coordinated_names(tokens)
        for item in items:
            if item:
                out.append(Found(item[0][0], item[-1][1], " ".join(w for _, _, w in item), SKILLS_WORD.rule.id))
    return out


Token = tuple[int, int, str]
JOINTS = (",", "&", "and", "or")


def _coordinated_names(tokens: list[Token]) -> list[list[Token]]:
    """The names coordinated before "skills", read backwards from it: "strong analytical, mathematical
    and communication skills" gives three; "... check doses, technical skills" one."""
    items: list[list[Token]] = [[]]
    joined = False  # whether an "and", "or" or "&" has joined the names so far
    for start, end, word in reversed(tokens):
        low = word.lower()
        if low in JOINTS:
            # ", and" joins clauses; a bare comma before the last name starts another one.
            if not items[-1] or (low == "," and not joined):
                break
            joined = joined or low != ","
            items.append([])
        elif low in SKILL_STOP or len(items[-1]) >= MAX_ITEM_WORDS:
            break
        else:
            items[-1].insert(0, (start, end, low))
    return items


def complements(t: Piece | str) -> list[Found]:
    text = t if isinstance(t, str) else t.text
    out: list[Found] = []
    for m in COMPLEMENT.matcher.finditer(t):
        rest = text[m.end() :]
        stop = COMPLEMENT_END.search(rest)
        phrase = rest[: stop.start()] if stop else rest
        words = [w for w in phrase.split()[:6] if w.lower() not in ("a", "an", "the", "their", "its")]
        if stop is not None and rest[stop.start() :].startswith(" such as"):
            continue  # "proficient with design tools such as A and B": a kind; the names are the skills
        if len(words) == 1 and m.group(0).lower().startswith("ability"):
            continue  # "the ability to use, repair and maintain ...": a bare verb names no skill
        if words:
            start = m.end() + phrase.find(words[0])
            name = " ".join(words).lower()
            out.append(Found(start, start + len(" ".join(words)), name, COMPLEMENT.rule.id))
    return out


def named_tools(t: Piece | str) -> list[Found]:
    """The names a list of tools gives ("languages such as R, Python and SAS"): capitalised items,
    up to the first item that is no name."""
    text = t if isinstance(t, str) else t.text
    out: list[Found] = []
    for m in NAMED_TOOLS.matcher.finditer(t):
        pos = m.end()
        while name := TOOL_NAME.match(text, pos):
            out.append(Found(name.start(), name.end(), name.group(0).lower(), NAMED_TOOLS.rule.id))
            joint = TOOL_LIST_JOINT.match(text, name.end())
            if joint is None:
                break
            pos = joint.end()
    return out


LIST_ITEM = procedure("skill-list-item")
QUALIFIER = regex(RULES, "qualifier")


def list_item_skill(text: str) -> str | None:
    """A short item of a skills list ("Working well under pressure") names a skill as written."""
    name = QUALIFIER.sub("", text.strip().rstrip(".;:")).strip()
    words = name.split()
    if not words or len(words) > 6 or name[-1:] in "!?":
        return None
    return name.lower()


def wanted(s: Sentence, kind: str) -> bool:
    """Whether the sentence is read for skills (so its lexicon matches are needed)."""
    return kind not in NO_SKILL_KINDS and (kind == "skills" or cues.SKILL.hit(s))


def skills_in(s: Sentence, lexicon: Lexicon, roles: list[RoleInfo], kind: str, facts: Facts) -> None:
    if not wanted(s, kind):
        return
    lexical = _lexicon_skills(s, lexicon, roles, facts)
    found_any = bool(lexical)
    for found in _phrase_skills(s.text):
        if (any(a < found.end and found.start < b for a, b in lexical) or negated(s, found.start, found.end)
                or not_a_skill(s, found.start, found.end)):
            continue
        found_any = True
        facts.skills.append(Skill(roles=roles_at(s, found.start, roles), evidence=s.evidence(),
                                  rule=found.rule, skill=found.name, kind="hard"))
    if not found_any and kind == "skills" and s.span.block.kind == "list_item":
        item = list_item_skill(s.text)
        if item:
            facts.skills.append(Skill(roles=s.roles.subject, evidence=s.evidence(), rule=LIST_ITEM,
                                      skill=item, kind="soft" if item.endswith(("ness", "ity", "ence")) else "hard"))


@text_cache(maxsize=4096)
def _phrase_skills(text: str) -> tuple[Found, ...]:
    """The skills a sentence's phrases name (before "skills", after "ability to", in a list of tools): its
    words alone decide, so they are kept by text."""
    t = Piece(text)
    return tuple(before_skills(t) + complements(t) + named_tools(t))


def _lexicon_skills(s: Sentence, lexicon: Lexicon, roles: list[RoleInfo], facts: Facts) -> list[tuple[int, int]]:
    """The skills the lexicon finds in the sentence; returns where its phrases stand (skills or not)."""
    lexical: list[tuple[int, int]] = []
    for span in lexicon.within(s.start, s.end):
        a, b = span.start - s.start, span.end - s.start
        lexical.append((a, b))
        if negated(s, a, b) or not_a_skill(s, a, b):
            continue
        facts.skills.append(Skill(roles=roles_at(s, a, roles), evidence=s.evidence(),
                                  rule=span.rule, skill=span.value, kind=span.kind))
    return lexical


FIELD_BEFORE, FIELD_AFTER = regex(RULES, "field-before"), regex(RULES, "field-after")
POSSESSIVE = re.compile(r"\b(?!(?:their|his|her|its|your|our)\b)\w+['’]s?\s+$", re.IGNORECASE)


def not_a_skill(s: Sentence, a: int, b: int) -> bool:
    """Whether the skill words at ``s.text[a:b]`` name something else: a field ("a career in medical
    billing", "math courses"), a test ("a physical fitness test"), a trait of a thing ("a website's
    reliability"), a role ("barista skills"), or someone else's ability ("help patients communicate")."""
    text = s.text
    if FIELD_AFTER.match(text, b) or any(m.start < b and a < m.end for m in s.roles.mentions):
        return True
    before = text[max(0, a - 90) : a]
    low = before.lower()  # the field rule's words, looked for before the rule is run
    if (" in " in low or " of " in low or "help" in low) and FIELD_BEFORE.search(before):
        return True
    if "'" not in before[-40:] and "’" not in before[-40:]:
        return False
    owner = POSSESSIVE.search(text, max(0, a - 40), a)
    return owner is not None and not any(m.end >= owner.end() - 3 and m.start < owner.end() for m in s.roles.mentions)
