"""Requirements: education levels, credentials, licences, experience and training, with durations."""

from __future__ import annotations

import re

from pipeline.rules import cues
from pipeline.rules.cache import text_cache
from pipeline.rules.clauses import clause_bounds, negated
from pipeline.rules.loader import compiled_rule, first_match_kept, load_terms, matcher, regex, rule_spans
from pipeline.rules.others import in_others_aside, other_occupation
from pipeline.rules.text import Piece
from pipeline.stages.attribute import roles_at
from pipeline.types import Facts, RoleInfo, Sentence
from schemas.article import Duration, Requirement

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "twelve": 12, "eighteen": 18, "a": 1, "an": 1, "several": None, "a few": None}
RULES = "requirement_patterns.jsonl"
OPTIONAL = matcher(RULES, "optional")
OPTIONAL_LATER = matcher(RULES, "optional-by-next-clause")
DURATION = matcher(RULES, "duration")
CERT = compiled_rule(RULES, "cert-name")
LICENSE = compiled_rule(RULES, "license")
# Requirements read as their rule matches them: the rule's value is their type.
TYPED = [compiled_rule(RULES, "experience"), compiled_rule(RULES, "training")]
DURATION_GAP = re.compile(r"[\w\s'’-]*?(?:\bof\s[\w\s'’-]*)?")
OF_EXPERIENCE = regex(RULES, "of-experience")
OPTIONAL_SUBJECT, LICENSED = regex(RULES, "optional-subject"), compiled_rule(RULES, "licensed")
PAY_BY_EDUCATION, HOLDER_SHARE = regex(RULES, "pay-by-education"), matcher(RULES, "holder-share")
ANOTHER_JOBS_LEVEL = regex(RULES, "another-jobs-level")
COMPARES = re.compile(r"\b(?:more|less|higher|lower|extra|premium|than|boost|raise)\b")
# A certificate named for an authority or an occupation is a credential, not a level of education.
CREDENTIAL_BEFORE = re.compile(
    r"(?:\b[A-Z][A-Z0-9]{1,5}\b|\b(?:" + "|".join(sorted(load_terms("occupation_heads.txt"))) + r")(?:'s|’s)?)"
    r"(?:[ -](?!(?:a|an|the|their|his|her|its|your|our|this|that|and|or|to|in|of|for|with|from)\b)[\w'’-]+){0,3}[ -]$")
# ... unless it is a course of study: "a one-year pharmacy technician certificate", "a technician certificate program".
PROGRAMME = re.compile(r"\b(?:one|two|\d+)[- ](?:year|month|week)\b|\bcertificate\s+(?:program|programme|course)s?\b")
NONE_VALUE = regex(RULES, "none-value")


def _duration_near(t: Piece, start: int, end: int) -> Duration | None:
    """The duration that belongs to the requirement at ``text[start:end]``.

    Right before it ("a two-year associate program", "6 months of training"), or after it through
    "takes/lasts/of" ("programs take one to two years"), but not one that belongs to another
    requirement ("... and two years of experience"). Kept by text: the same requirement comes back.
    """
    found = _duration_at(t.text, t.fold, start, end)
    return None if found is None else found.model_copy()  # each requirement its own


@text_cache(maxsize=8192)
def _duration_at(text: str, fold: str, start: int, end: int) -> Duration | None:
    t = Piece(text, fold)
    inside = next(DURATION.finditer_caseless(t, start, end), None)
    if inside:
        return _duration(inside)
    for m in DURATION.finditer_caseless(t):
        gap = text[m.end() : start]
        if 0 <= start - m.end() <= 25 and DURATION_GAP.fullmatch(gap) \
                and not REQUIREMENT_WORD.search(gap):
            return _duration(m)
    for m in DURATION.finditer_caseless(t, end):
        gap = text[end : m.start()]
        if len(gap) <= 60 and DURATION_VERB.search(gap) and not REQUIREMENT_WORD.search(gap) \
                and not OF_EXPERIENCE.match(text, m.end()):
            return _duration(m)
    return None


REQUIREMENT_WORD = regex(RULES, "requirement-word")
DURATION_VERB = regex(RULES, "duration-verb")


def _duration(m: re.Match[str]) -> Duration:

    def num(v: str | None) -> float | None:
        if v is None:
            return None
        v = v.lower()
        return float(v) if v[0].isdigit() else NUMBER_WORDS.get(v)

    lo, hi = num(m.group("a")), num(m.group("b"))
    # "more than 12 months" has no upper end.
    hi = None if m.group("more") else (hi if hi is not None else lo)
    unit = m.group("unit").lower().rstrip("s")
    if unit == "week":
        lo = round(lo / 4.33, 1) if lo else lo
        hi = round(hi / 4.33, 1) if hi else hi
        unit = "month"
    return Duration(min=lo, max=hi, unit=unit)


def requirements_in(s: Sentence, roles: list[RoleInfo], kind: str, facts: Facts) -> None:
    text = s.text
    cells = s.span.block.cells
    if len(cells) > 1 and all(NONE_VALUE.fullmatch(c.strip()) for c in cells[1:] if c):
        return  # "Work Experience in a Related Occupation | None": a key-value row that rules its key out
    if kind != "requirements" and cues.names_money(s) and first_match_kept("salary_distractors.jsonl", text):
        return  # a fee or a price: "a certificate course costs $1,200"
    _education(s, roles, facts)
    if not cues.CREDENTIAL.hit(s):
        return
    _certifications(s, roles, facts)
    _licenses(s, roles, kind, facts)
    _typed(s, roles, facts)


def _education(s: Sentence, roles: list[RoleInfo], facts: Facts) -> None:
    text = s.text
    for start, end, edu in rule_spans("education.jsonl", text):
        if not _level_asked(s, start, end, edu.id, edu.value):
            continue
        c0, c1 = clause_bounds(text, start)
        if other_occupation(s, c0, c1) and not s.roles.subject or in_others_aside(text, start, roles):
            continue
        who = roles_at(s, start, roles)
        if not who and s.roles.other:
            continue  # another occupation's level ("They usually need only a diploma")
        # The subject may stand before an aside that opens the clause ("Some, mostly X, go on to earn").
        optional = (OPTIONAL.found(s[c0:c1]) or OPTIONAL_SUBJECT.search(text, 0, start) is not None
                    or OPTIONAL_LATER.search_start(s[end:]) is not None)
        facts.requirements.append(Requirement(
            roles=who, evidence=s.evidence(), rule=edu.id,
            type="education", education_level=edu.value, name=None,
            duration=_duration_near(s, start, end), required=not optional, text=text[start:end],
        ))


def _level_asked(s: Sentence, start: int, end: int, rule: str, level: str) -> bool:
    """Whether an education phrase states a level the job asks for: not negated, not a group whose pay
    is compared ("nurses with a master's earn more"), not a share of holders ("Bachelor's, 48%"), not
    the level of a job some go on to ("later become nurses, which takes an associate degree"), not a
    credential named a certificate ("an FAA dispatcher certificate")."""
    text = s.text
    if level != "no_formal_education" and negated(s, start, end):
        return False
    if PAY_BY_EDUCATION.search(text, max(0, start - 30), start) and cues.PAY.hit(s) and COMPARES.search(text):
        return False
    if HOLDER_SHARE.match(s, end) or HOLDER_SHARE.search(s, max(0, start - 60), start):
        return False
    if ANOTHER_JOBS_LEVEL.search(text, max(0, start - 120), start) or _leads_elsewhere(s, end):
        return False
    return not (rule == "edu-certificate" and CREDENTIAL_BEFORE.search(text, max(0, start - 40), start)
                and not PROGRAMME.search(text, max(0, start - 40), min(len(text), end + 12)))


def _leads_elsewhere(s: Sentence, end: int) -> bool:
    """ "An associate degree can land a help-desk job": the level leads to another job, not the role
    named right after it ("can get you hired as a dental hygienist" is the role's own)."""
    found = LEADS_ELSEWHERE.match(s.text, end)
    return found is not None and not any(
        found.end() <= m.start < found.end() + ROLE_AFTER_JOB for m in s.roles.mentions)


LEADS_ELSEWHERE = regex(RULES, "level-leads-elsewhere")
ROLE_AFTER_JOB = 30  # characters after "hired as" where the job's name is written


def _certifications(s: Sentence, roles: list[RoleInfo], facts: Facts) -> None:
    for m in CERT.matcher.finditer(s):
        name = (m.group("name") or m.group("acr2") or m.group("org") or "").strip()
        if not name or negated(s, m.start(), m.end()):
            continue
        what = (m.group("what") or "").lower()
        rtype = "license" if what in ("license", "licence") else CERT.rule.value
        facts.requirements.append(Requirement(
            roles=roles_at(s, m.start(), roles), evidence=s.evidence(), rule=CERT.rule.id, type=rtype,
            name=name, required=not OPTIONAL.found(s), text=m.group(0).strip(),
        ))


def _licenses(s: Sentence, roles: list[RoleInfo], kind: str, facts: Facts) -> None:
    if kind not in ("requirements", "role_overview", "intro", "duties"):
        return
    for rule in (LICENSE, LICENSED):
        for m in rule.matcher.finditer(s):
            if negated(s, m.start(), m.end()):
                continue
            name = m.group("name").strip() if "name" in m.re.groupindex else "license"
            facts.requirements.append(Requirement(
                roles=roles_at(s, m.start(), roles), evidence=s.evidence(), rule=rule.rule.id, type=rule.rule.value,
                name=name, required=not OPTIONAL.found(s), text=m.group(0),
            ))


def _typed(s: Sentence, roles: list[RoleInfo], facts: Facts) -> None:
    """Experience and training, read as their rule matches them: the rule's value is their type."""
    text = s.text
    for typed in TYPED:
        for m in typed.matcher.finditer_caseless(s):
            if negated(s, m.start(), m.end()):
                continue
            c0, c1 = clause_bounds(text, m.start())
            facts.requirements.append(Requirement(
                roles=roles_at(s, m.start(), roles), evidence=s.evidence(), rule=typed.rule.id, type=typed.rule.value,
                duration=_duration_near(s, m.start(), m.end()),
                required=not OPTIONAL.found(s[c0:c1]),
                text=text[m.start() : m.end()],
            ))
