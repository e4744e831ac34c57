"""Requirements: education levels, credentials, licences, experience and training, with durations."""

from __future__ import annotations

import re

from pipeline.rules import cues
from pipeline.rules.clauses import clause_bounds, negated
from pipeline.rules.loader import first_match, rule_spans
from pipeline.rules.matcher import Pattern
from pipeline.rules.text import Piece
from pipeline.stages.attribute import other_occupation, roles_at
from pipeline.types import Facts, RoleInfo, Sentence
from schemas.article import Duration, Requirement

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "twelve": 12, "eighteen": 18, "a": 1, "an": 1, "several": None, "a few": None}
OPTIONAL = Pattern(r"\b(prefer(s|red)?|optional|helpful|an advantage|a plus|recommended|some employers|"
                   r"can help|may help|useful|desirable|like to see|favou?r(s|ed|ite)?)\b")
DURATION = Pattern(
    r"\b(?P<a>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|a|an)"
    r"(?:\s?(?:to|-|–|or)\s?(?P<b>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve))?"
    r"[\s-](?P<unit>years?|months?|weeks?)\b")
CERT = Pattern(
    r"\b(?P<name>(?:(?:Certified|Registered|Licensed|Chartered|Professional|National)\s)(?:[A-Z][\w&'-]*\s?){1,6}"
    r"(?:\((?P<acr>[A-Z][A-Za-z0-9-]{1,9})\))?)"
    r"|\b(?P<acr2>[A-Z]{2,6}(?:-[A-Z0-9]{1,3})?)\s(?P<what>certification|certificate|credential|exam|license|licence)\b"
    r"|\b[Cc]ertification (?:from|by|through) the (?P<org>[A-Z][\w&'-]*(?:\s(?:of\s)?[A-Z][\w&'-]*){0,5})", 0)
LICENSE = Pattern(
    r"\b(?P<name>(?:(?!(?:A|An|The|This|That|Each|Every|Your|Their|Its|Our)\s)(?:[Ss]tate|[Pp]rofessional|[Cc]ommercial|"
    r"[a-z]+['’]s|[A-Z][\w'’-]*)\s){0,3}(?:[Ll]icen[cs]e|[Ll]icensure))\b", 0)
EXPERIENCE = Pattern(r"\b(?:years? of|experience)\b[^.;]{0,40}?\bexperience\b|\bexperience (as|in|working)\b")
TRAINING = Pattern(r"\b(apprenticeships?|on-the-job training|on the job training|training program(me)?s?|"
                 r"learn(s|ed)? on the job|in-house training)\b")
DURATION_GAP = re.compile(r"[\w\s'’-]*?(?:\bof\s[\w\s'’-]*)?")
OF_EXPERIENCE = re.compile(r"\s*of\s+(?:\w+\s+){0,2}(?:experience|training)")


def _duration_near(t: Piece, start: int, end: int) -> Duration | None:
    """The duration that belongs to the requirement at ``text[start:end]``.

    Right before it ("a two-year associate program", "6 months of training"), or after it through
    "takes/lasts/of" ("programs take one to two years"), but not one that belongs to another
    requirement ("... and two years of experience").
    """
    text = t.text
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


REQUIREMENT_WORD = re.compile(r"\b(degree|diploma|certificate|licen[cs]e|apprenticeship|experience|training|and|or|"
                              r"followed)\b", re.IGNORECASE)
DURATION_VERB = re.compile(r"\b(takes?|took|lasts?|lasting|requires?|spans?|runs?|usually takes|typically takes|in)\b",
                           re.IGNORECASE)


def _duration(m: re.Match[str]) -> Duration:

    def num(v: str | None) -> float | None:
        if v is None:
            return None
        v = v.lower()
        return float(v) if v[0].isdigit() else NUMBER_WORDS.get(v)

    lo, hi = num(m.group("a")), num(m.group("b"))
    unit = m.group("unit").lower().rstrip("s")
    if unit == "week":
        lo = round(lo / 4.33, 1) if lo else lo
        hi = round(hi / 4.33, 1) if hi else hi
        unit = "month"
    return Duration(min=lo, max=hi if hi is not None else lo, unit=unit)


def requirements_in(s: Sentence, roles: list[RoleInfo], kind: str, facts: Facts) -> None:
    text = s.text
    if kind != "requirements" and cues.names_money(s) and first_match("salary_distractors.jsonl", text):
        return  # a fee or a price: "a certificate course costs $1,200"
    for start, end, rule in rule_spans("education.jsonl", text):
        if rule.value != "no_formal_education" and negated(s, start, end):
            continue
        c0, c1 = clause_bounds(text, start)
        if other_occupation(s, c0, c1) and not s.roles.subject:
            continue
        facts.requirements.append(Requirement(
            roles=roles_at(s, start, roles), evidence=s.evidence(), rule=rule.id,
            type="education", education_level=rule.value, name=None,
            duration=_duration_near(s, start, end),
            required=not OPTIONAL.found(s[c0:c1]), text=text[start:end],
        ))
    if not cues.CREDENTIAL.hit(s):
        return
    for m in CERT.finditer(s):
        name = (m.group("name") or m.group("acr2") or m.group("org") or "").strip()
        if not name or negated(s, m.start(), m.end()):
            continue
        what = (m.group("what") or "").lower()
        rtype = "license" if what in ("license", "licence") else "certification"
        facts.requirements.append(Requirement(
            roles=roles_at(s, m.start(), roles), evidence=s.evidence(), rule="cert-name", type=rtype,
            name=name, required=not OPTIONAL.found(s), text=m.group(0).strip(),
        ))
    for m in LICENSE.finditer(s):
        if negated(s, m.start(), m.end()) or kind not in ("requirements", "role_overview", "intro", "duties"):
            continue
        facts.requirements.append(Requirement(
            roles=roles_at(s, m.start(), roles), evidence=s.evidence(), rule="license", type="license",
            name=m.group("name").strip(), required=not OPTIONAL.found(s), text=m.group(0),
        ))
    for regex, rtype, rule_id in ((EXPERIENCE, "experience", "experience"), (TRAINING, "training", "training")):
        for m in regex.finditer_caseless(s):
            if negated(s, m.start(), m.end()):
                continue
            c0, c1 = clause_bounds(text, m.start())
            facts.requirements.append(Requirement(
                roles=roles_at(s, m.start(), roles), evidence=s.evidence(), rule=rule_id, type=rtype,
                duration=_duration_near(s, m.start(), m.end()),
                required=not OPTIONAL.found(s[c0:c1]),
                text=text[m.start() : m.end()],
            ))
