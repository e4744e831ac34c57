"""extract: sentences of the segmented article -> typed facts, each attributed and grounded.

One spaCy pass (``pipeline.nlp``) gives sentences and lexicon matches; salaries come from the
pure parser in ``pipeline.salary``; education from ``data/education.jsonl``; duties from verb
phrases headed by a verb in ``data/duty_verbs.txt``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc

from pipeline import cues
from pipeline import duties as duty_rules
from pipeline import salary as pay
from pipeline import skills as skill_rules
from pipeline.attribute import (
    SentenceRoles,
    clause_bounds,
    opening_mentions,
    other_occupation,
    roles_at,
    sentence_roles,
)
from pipeline.model import Segmented, Span
from pipeline.nlp import parse, skill_kind
from pipeline.roles import RoleInfo
from pipeline.rules import PatternRule, combined
from schemas.article import Duration, Duty, Evidence, Requirement, Salary, Setting, Skill

NEGATION = re.compile(
    r"\b(not|no longer|never|without|isn't|aren't|doesn't|don't|do not|does not|cannot|can't|rarely|nor|instead of|"
    r"rather than|won't|(?<!\ba )few)\b",
    re.IGNORECASE,
)
NEGATED_AFTER = re.compile(
    r"^[^,;.]{0,40}\b(is|are)? ?not (required|necessary|needed|enough|sufficient)\b|^[^.;]{0,25}\bis not\b",
    re.IGNORECASE,
)
NEGATED_JUST_BEFORE = re.compile(r"\b(rather than|instead of|not|without|no)\s+(an?\s+|the\s+|any\s+)?[\w'’-]*\s*$",
                                 re.IGNORECASE)
OPTIONAL = re.compile(r"\b(prefer(s|red)?|optional|helpful|an advantage|a plus|recommended|some employers|"
                      r"can help|may help|useful|desirable|like to see|favou?r(s|ed|ite)?)\b", re.IGNORECASE)
# "$38,200 per year, or $18.36 an hour": the same pay restated in another period.
RESTATED = re.compile(r"[^.;$£€]{0,30}?,?\s*(?:or|which is|equivalent to|that is)\s+(?:about|around|roughly|nearly|"
                      r"approximately|some|just over|just under)?\s*", re.IGNORECASE)
MONEY_HINT = re.compile(r"[$£€₹]\s?\d|\b(usd|gbp|eur|cad|aud|inr)\s?\d|\d\s?(dollars|pounds|euros|€|£|usd|gbp|eur)\b",
                        re.IGNORECASE)
SHARED_KINDS = {"requirements", "work_environment", "skills"}
NO_SKILL_KINDS = {"salary", "outlook", "faq"}
NO_SETTING_KINDS = {"salary", "outlook", "conclusion", "faq"}
NO_DUTY_KINDS = {"salary", "outlook", "requirements", "faq", "pros_cons", "conclusion", "skills", "work_environment"}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "twelve": 12, "eighteen": 18, "a": 1, "an": 1, "several": None, "a few": None}
DURATION = re.compile(
    r"\b(?P<a>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|a|an)"
    r"(?:\s?(?:to|-|–|or)\s?(?P<b>\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|twelve))?"
    r"[\s-](?P<unit>years?|months?|weeks?)\b",
    re.IGNORECASE,
)
CERT = re.compile(
    r"\b(?P<name>(?:(?:Certified|Registered|Licensed|Chartered|Professional|National)\s)(?:[A-Z][\w&'-]*\s?){1,6}"
    r"(?:\((?P<acr>[A-Z][A-Za-z0-9-]{1,9})\))?)"
    r"|\b(?P<acr2>[A-Z]{2,6}(?:-[A-Z0-9]{1,3})?)\s(?P<what>certification|certificate|credential|exam|license|licence)\b"
    r"|\b[Cc]ertification (?:from|by|through) the (?P<org>[A-Z][\w&'-]*(?:\s(?:of\s)?[A-Z][\w&'-]*){0,5})"
)
LICENSE = re.compile(
    r"\b(?P<name>(?:(?!(?:A|An|The|This|That|Each|Every|Your|Their|Its|Our)\s)(?:[Ss]tate|[Pp]rofessional|[Cc]ommercial|"
    r"[a-z]+['’]s|[A-Z][\w'’-]*)\s){0,3}(?:[Ll]icen[cs]e|[Ll]icensure))\b"
)
EXPERIENCE = re.compile(r"\b(?:years? of|experience)\b[^.;]{0,40}?\bexperience\b|\bexperience (as|in|working)\b",
                        re.IGNORECASE)
TRAINING = re.compile(r"\b(apprenticeships?|on-the-job training|on the job training|training program(me)?s?|"
                      r"learn(s|ed)? on the job|in-house training)\b", re.IGNORECASE)


@dataclass
class Facts:
    duties: list[Duty] = field(default_factory=list)
    requirements: list[Requirement] = field(default_factory=list)
    salaries: list[Salary] = field(default_factory=list)
    settings: list[Setting] = field(default_factory=list)
    skills: list[Skill] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Each role's surface forms as the text writes them ("NPs", "nurse practitioners"): its aliases.
    surfaces: dict[str, set[str]] = field(default_factory=dict)


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    section: int
    span: Span
    roles: SentenceRoles
    cues: cues.Text


def sentence_offsets(doc: Doc, length: int) -> list[tuple[int, int]]:
    """Character spans of ``doc``'s sentences, read from its SENT_START array.

    The same sentences as ``doc.sents``, without building a Span per sentence.
    """
    if not len(doc):
        return []
    flags = doc.to_array("SENT_START")
    offsets = doc.to_array("IDX")
    bounds = [int(o) for o in offsets[flags == 1]] + [length]
    return list(zip(bounds[:-1], bounds[1:], strict=False))


def _sentences(seg: Segmented, roles: list[RoleInfo]) -> tuple[list[Sentence], Doc]:
    doc = parse(seg.text)
    starts = [s.start for s in seg.sections]
    span_starts = [s.start for s in seg.spans]
    out: list[Sentence] = []
    previous: list[str] = []
    last_section = -1
    for sent_start, sent_end in sentence_offsets(doc, len(seg.text)):
        raw = seg.text[sent_start:sent_end]
        text = raw.strip()
        if not text:
            continue
        start = sent_start + len(raw) - len(raw.lstrip())
        sec_index = max(0, bisect.bisect_right(starts, start) - 1)
        span = seg.spans[max(0, bisect.bisect_right(span_starts, start) - 1)]
        if sec_index != last_section:
            previous = []
            last_section = sec_index
        section = seg.sections[sec_index]
        default = section.roles if len(section.roles) == 1 else []
        # "Most employers want a high school diploma" under "Education": said of every role.
        shared = [r.id for r in roles] if section.kind in SHARED_KINDS and not section.roles else []
        if span.block.kind in ("title", "heading"):
            sr = SentenceRoles([], [])
        else:
            sr = sentence_roles(text, roles, previous, default, shared)
            if sr.subject:
                previous = sr.subject
        out.append(Sentence(start, start + len(text), text, sec_index, span, sr, cues.Text.of(text)))
    return out, doc


def _evidence(s: Sentence) -> Evidence:
    return Evidence(start=s.start, end=s.end, section=s.section)


def _negated(text: str, start: int, end: int) -> bool:
    c0, c1 = clause_bounds(text, start)
    return (bool(NEGATION.search(text[c0:start])) or bool(NEGATED_AFTER.search(text[end:c1]))
            or bool(NEGATED_JUST_BEFORE.search(text[max(0, start - 30) : start])))


# --- salaries -----------------------------------------------------------------------------


def _salary(s: Sentence, money: pay.Money, roles_: list[str], before: str, after: str, rule: str,
            facts: Facts, per: str | None = None) -> str:
    per = per or pay.period(before, after)
    if per is None:
        per = pay.period_from_size(money.value)
        facts.warnings.append(f"no pay period written for {s.text[money.start:money.end]!r}; "
                              f"took '{per}' from its size")
    facts.salaries.append(Salary(
        roles=roles_, evidence=_evidence(s), rule=rule, amount=money.amount, min=money.low, max=money.high,
        currency=money.currency, period=per, statistic=pay.statistic(before, money, after),
        annual_amount=pay.annual(money, per), text=s.text[money.start:money.end],
    ))
    return per


def salaries_in(s: Sentence, roles: list[RoleInfo], kind: str, facts: Facts) -> None:
    if s.span.block.kind == "table_row":
        return
    previous: tuple[int, list[str]] | None = None
    last: tuple[float, str] | None = None
    moneys = pay.find_money(s.text)
    for i, money in enumerate(moneys):
        c0, c1 = clause_bounds(s.text, money.start)
        # The words around a figure decide what it is; the rest of a long clause may be about something else.
        context = s.text[c0 : min(c1, money.end + 40)]
        restated = previous is not None and RESTATED.fullmatch(s.text[previous[0] : money.start])
        if pay.is_distractor(context) or (not restated and other_occupation(s.text[c0:c1], roles)):
            continue
        if kind not in ("salary", "comparison") and not cues.PAY.hit(s.cues):
            continue
        who = previous[1] if restated and previous else roles_at(s.text, money.start, s.roles, roles)
        if not who:
            continue
        # Words about a figure sit between it and its neighbours, whatever the clause boundaries.
        before = s.text[max(moneys[i - 1].end if i else 0, money.start - 90) : money.start]
        after = s.text[money.end : moneys[i + 1].start if i + 1 < len(moneys) else len(s.text)]
        # "X earned a median annual wage of $89,290, while Y earned $87,740": the parallel figure
        # shares the period written for the one before it.
        shared = None
        if last is not None and pay.period(before, after) is None and 0.33 <= money.value / last[0] <= 3:
            shared = last[1]
        per = _salary(s, money, who, before, after, "salary-prose", facts, shared)
        last = (money.value, per)
        previous = (money.end, who)


def table_salaries(s: Sentence, seg: Segmented, roles: list[RoleInfo], facts: Facts) -> None:
    """A pay table: the header row names a role per column; the first cell names the figure."""
    from pipeline.roles import find_mentions

    block = s.span.block
    if block.kind != "table_row" or block.header:
        return
    header = None
    index = seg.spans.index(s.span)
    for prev in reversed(seg.spans[:index]):
        if prev.block.kind != "table_row":
            break
        if prev.block.header:
            header = prev.block
    label = block.cells[0] if block.cells else ""
    if pay.is_distractor(label) or re.search(r"\b(jobs|employment|growth|openings|number)\b", label, re.IGNORECASE):
        return
    offset = 0
    for col, cell in enumerate(block.cells):
        if not cell:
            continue
        pos = s.text.find(cell, offset)
        if pos < 0:
            continue
        offset = pos + len(cell)
        if col == 0:
            continue
        column_roles: list[str] = []
        if header is not None and col < len(header.cells):
            column_roles = list(dict.fromkeys(m.role for m in find_mentions(roles, header.cells[col])))
        if not column_roles:
            column_roles = list(dict.fromkeys(m.role for m in find_mentions(roles, label)))
        if not column_roles and len(roles) == 1:
            column_roles = [roles[0].id]
        for money in pay.find_money(cell):
            shifted = pay.Money(money.start + pos, money.end + pos, money.amount, money.low, money.high,
                                money.currency)
            # The row label and the column header both describe the figure ("Median pay", "Hourly").
            described = f"{label} {header.cells[col] if header is not None and col < len(header.cells) else ''} "
            per = pay.period(cell[: money.start] + " ", cell[money.end :]) or pay.period(described, "")
            _salary(s, shifted, column_roles, described, cell[money.end :], "salary-table", facts, per)


# --- requirements ---------------------------------------------------------------------------


def _duration_near(text: str, start: int, end: int) -> Duration | None:
    """The duration that belongs to the requirement at ``text[start:end]``.

    Right before it ("a two-year associate program", "6 months of training"), or after it through
    "takes/lasts/of" ("programs take one to two years"), but not one that belongs to another
    requirement ("... and two years of experience").
    """
    inside = DURATION.search(text, start, end)
    if inside:
        return _duration(inside)
    for m in DURATION.finditer(text):
        gap = text[m.end() : start]
        if 0 <= start - m.end() <= 25 and re.fullmatch(r"[\w\s'’-]*?(?:\bof\s[\w\s'’-]*)?", gap) \
                and not REQUIREMENT_WORD.search(gap):
            return _duration(m)
    for m in DURATION.finditer(text, end):
        gap = text[end : m.start()]
        if len(gap) <= 60 and DURATION_VERB.search(gap) and not REQUIREMENT_WORD.search(gap) \
                and not re.match(r"\s*of\s+(?:\w+\s+){0,2}(?:experience|training)", text[m.end() :]):
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


@dataclass(frozen=True)
class EducationMatch:
    start: int
    end: int
    text: str
    rule: PatternRule


@lru_cache(maxsize=4096)
def education_matches(text: str) -> tuple[EducationMatch, ...]:
    regex, rules = combined("education.jsonl")
    out = []
    for m in regex.finditer(text):
        rule = rules[int((m.lastgroup or "r0")[1:])]
        out.append(EducationMatch(m.start(), m.end(), m.group(0), rule))
    return tuple(out)


def requirements_in(s: Sentence, roles: list[RoleInfo], kind: str, facts: Facts) -> None:
    text = s.text
    if kind != "requirements" and cues.MONEY.hit(s.cues) and MONEY_HINT.search(text) and pay.is_distractor(text):
        return
    for edu in education_matches(text):
        if edu.rule.value != "no_formal_education" and _negated(text, edu.start, edu.end):
            continue
        c0, c1 = clause_bounds(text, edu.start)
        if other_occupation(text[c0:c1], roles) and not s.roles.subject:
            continue
        facts.requirements.append(Requirement(
            roles=roles_at(text, edu.start, s.roles, roles), evidence=_evidence(s), rule=edu.rule.id,
            type="education", education_level=edu.rule.value, name=None,
            duration=_duration_near(text, edu.start, edu.end), required=not OPTIONAL.search(text[c0:c1]),
            text=edu.text,
        ))
    if not cues.CREDENTIAL.hit(s.cues):
        return
    for m in CERT.finditer(text):
        name = (m.group("name") or m.group("acr2") or m.group("org") or "").strip()
        if not name or _negated(text, m.start(), m.end()):
            continue
        what = (m.group("what") or "").lower()
        rtype = "license" if what in ("license", "licence") else "certification"
        facts.requirements.append(Requirement(
            roles=roles_at(text, m.start(), s.roles, roles), evidence=_evidence(s), rule="cert-name", type=rtype,
            name=name, required=not OPTIONAL.search(text), text=m.group(0).strip(),
        ))
    for m in LICENSE.finditer(text):
        if _negated(text, m.start(), m.end()) or kind not in ("requirements", "role_overview", "intro", "duties"):
            continue
        facts.requirements.append(Requirement(
            roles=roles_at(text, m.start(), s.roles, roles), evidence=_evidence(s), rule="license", type="license",
            name=m.group("name").strip(), required=not OPTIONAL.search(text), text=m.group(0),
        ))
    for regex, rtype, rule_id in ((EXPERIENCE, "experience", "experience"), (TRAINING, "training", "training")):
        for m in regex.finditer(text):
            if _negated(text, m.start(), m.end()):
                continue
            c0, c1 = clause_bounds(text, m.start())
            facts.requirements.append(Requirement(
                roles=roles_at(text, m.start(), s.roles, roles), evidence=_evidence(s), rule=rule_id, type=rtype,
                duration=_duration_near(text, m.start(), m.end()), required=not OPTIONAL.search(text[c0:c1]),
                text=m.group(0),
            ))


# --- settings and skills --------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class LexMatch:
    """A lexicon match from ``doc.spans``, as plain data (building spaCy Spans per sentence is slow)."""

    start: int
    end: int
    value: str
    rule: str
    text: str


class Lexicon:
    """A doc's lexicon matches of one kind, found by sentence with a bisection."""

    def __init__(self, doc: Doc, key: str) -> None:
        self.matches = sorted(LexMatch(sp.start_char, sp.end_char, sp.label_, sp.id_, sp.text)
                              for sp in doc.spans[key])
        self.starts = [m.start for m in self.matches]

    def within(self, start: int, end: int) -> list[LexMatch]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return [m for m in self.matches[i:j] if m.end <= end]


def lexicon_facts(s: Sentence, lexicons: dict[str, Lexicon], roles: list[RoleInfo], kind: str, facts: Facts) -> None:
    text = s.text
    if kind not in NO_SETTING_KINDS and (kind == "work_environment" or cues.WORK.hit(s.cues)):
        taken = [(m.start, m.end) for m in s.roles.mentions] + [(m.start, m.end) for m in education_matches(text)]
        for span in lexicons["settings"].within(s.start, s.end):
            a, b = span.start - s.start, span.end - s.start
            if _negated(text, a, b) or any(x < b and a < y for x, y in taken):
                continue
            if span.value in ("school", "college_university") and cues.STUDY.hit(s.cues):
                continue
            who = roles_at(text, a, s.roles, roles)
            facts.settings.append(Setting(roles=who, evidence=_evidence(s), rule=span.rule, setting=span.value,
                                          text=span.text))
    if kind in NO_SKILL_KINDS or not (kind == "skills" or cues.SKILL.hit(s.cues)):
        return
    lexical: list[tuple[int, int]] = []
    for span in lexicons["skills"].within(s.start, s.end):
        a, b = span.start - s.start, span.end - s.start
        lexical.append((a, b))
        if _negated(text, a, b):
            continue
        facts.skills.append(Skill(roles=roles_at(text, a, s.roles, roles), evidence=_evidence(s),
                                  rule=span.rule, skill=span.value, kind=skill_kind(span.rule)))
    for found in skill_rules.before_skills(text) + skill_rules.complements(text):
        if any(a < found.end and found.start < b for a, b in lexical) or _negated(text, found.start, found.end):
            continue
        facts.skills.append(Skill(roles=roles_at(text, found.start, s.roles, roles), evidence=_evidence(s),
                                  rule=found.rule, skill=found.name, kind="hard"))


# --- duties ---------------------------------------------------------------------------------

# "hold a master's degree", "earn a licence": requirements, not duties.
CREDENTIAL_NOT_DUTY = re.compile(r"(?:hold|have|earn|need|get|obtain|complete|receive)\b[^,.;]{0,40}\b(?:degree|"
                                 r"diploma|licen[cs]e|certificat\w*|credential|title|qualification|salary|pay|wage|"
                                 r"bonus\w*|tips|benefits|training|raise)", re.IGNORECASE)
WORK_NOT_DUTY = re.compile(r"\s*(in|at|for|from|as|under|on|evenings|weekends|nights|long|full[- ]time|part[- ]time|"
                           r"front|side|shifts?|the \w+ shift|wherever|overtime|holidays|"
                           r"remotely|independently|alone|outdoors|indoors|closely|mainly|mostly|irregular)\b",
                           re.IGNORECASE)


def duties_in(s: Sentence, roles: list[RoleInfo], kind: str, facts: Facts) -> None:
    if kind in NO_DUTY_KINDS or s.span.block.kind in ("heading", "title", "table_row"):
        return
    text = s.text
    subjects = _subjects(s)
    if s.span.block.kind == "list_item" and not subjects:
        for phrase in duty_rules.verb_phrases(text):
            _add_duty(facts, s.roles.subject, s, phrase.text, "duty-list-item")
        return
    for pos, named in subjects:
        start = duty_rules.predicate(text, pos)
        if duty_rules.is_negated(text, start) or NEGATION.search(text[pos:start]):
            continue
        who = roles_at(text, max(0, pos - 1), s.roles, roles) if named else s.roles.subject
        if not who:
            continue
        for phrase in duty_rules.verb_phrases(text[start:]):
            if phrase.text.lower().startswith("work") and WORK_NOT_DUTY.match(phrase.text[4:]):
                continue
            if CREDENTIAL_NOT_DUTY.match(phrase.text):
                continue
            _add_duty(facts, who, s, phrase.text, "duty-prose")


def _subjects(s: Sentence) -> list[tuple[int, bool]]:
    """Positions just after a sentence or clause subject, and whether a role mention is that subject.

    Subjects: the opening role mentions, a pronoun ("During boarding they ..."), "Both ...",
    "duties include", a role named after a clause break, and "..., and they ..." mid-sentence.
    """
    text = s.text
    out: list[tuple[int, bool]] = []
    opening = opening_mentions(text, s.roles.mentions)
    if opening:
        out.append((opening[-1].end, True))
    elif s.roles.subject:
        pron = duty_rules.pronoun_subject(text)
        both = BOTH_SUBJECT.match(text)
        listed = duty_rules.task_list(text)
        if pron is not None:
            out.append((pron, False))
        elif both and not JOBS_AS_SUBJECT.match(text):
            out.append((both.end(), False))
        elif listed is not None:
            out.append((listed, False))
    for m in s.roles.mentions:
        prev = text[: m.start].rstrip()
        if (prev.endswith((",", "while", "whereas", "but", "and", ";")) and m.start > 0
                and all(m.end != pos for pos, _ in out) and not prev.endswith(("such as", "like"))):
            out.append((m.end, True))
    if s.roles.subject:
        out.extend((m.end(), False) for m in LATER_PRONOUN.finditer(text))
    return out


# "..., and they build models": the sentence's subject again, after a clause break.
LATER_PRONOUN = re.compile(r"(?:,|;)\s*(?:and|but|then|so|where|when|because)?\s*they\b", re.IGNORECASE)


# "Both jobs reward clear writing", "Both roles offer hybrid schedules": the job, not the worker, acts.
JOBS_AS_SUBJECT = re.compile(r"\W*both\s+(?:roles|jobs|careers|positions|occupations)\b", re.IGNORECASE)
BOTH_SUBJECT = re.compile(r"\W*both\b(?=\s+(?:are|is|can|must|need|have|also|often|typically|usually)\b)|"
                          r"\W*both\s+(?:(?:roles|jobs|professions|professionals|careers|trades|occupations|of them)\b|"
                          r"\w+(?:\s+\w+)?\s+and\s+\w+(?:\s+\w+){0,2}?(?=\s+(?:also\s+|can\s+|may\s+|must\s+|often\s+|"
                          r"typically\s+|usually\s+)?\w+))", re.IGNORECASE)


def _add_duty(facts: Facts, who: list[str], s: Sentence, phrase: str, rule: str) -> None:
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,.;:")
    if len(phrase.split()) < 2 and rule != "duty-list-item":
        return
    key = phrase.lower()
    for d in facts.duties:
        if d.text.lower() == key and d.roles == who:
            return
    facts.duties.append(Duty(roles=who, evidence=_evidence(s), rule=rule, text=phrase))


def extract(seg: Segmented, roles: list[RoleInfo]) -> Facts:
    facts = Facts()
    sentences, doc = _sentences(seg, roles)
    for s in sentences:
        for m in s.roles.mentions:
            facts.surfaces.setdefault(m.role, set()).add(s.text[m.start : m.end])
    lexicons = {key: Lexicon(doc, key) for key in ("settings", "skills")}
    for s in sentences:
        kind = seg.sections[s.section].kind
        if s.span.block.kind in ("title", "heading"):
            continue
        if cues.MONEY.hit(s.cues) and MONEY_HINT.search(s.text):
            salaries_in(s, roles, kind, facts)
            table_salaries(s, seg, roles, facts)
        if kind not in ("outlook",):
            requirements_in(s, roles, kind, facts)
        lexicon_facts(s, lexicons, roles, kind, facts)
        duties_in(s, roles, kind, facts)
    return facts
