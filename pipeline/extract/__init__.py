"""extract: sentences of the segmented article -> typed facts, each attributed and grounded.

Sentences and their roles come from ``pipeline.stages.sentences`` (one spaCy pass); salaries from the pure
parser in ``pipeline.extract.salaries``; requirements from ``pipeline.extract.requirements``; settings and skills from
the lexicon matches; duties from ``pipeline.extract.duties``.
"""

from __future__ import annotations

import bisect
import re

from pipeline.extract import duties as duty_rules
from pipeline.extract import salaries as pay
from pipeline.extract import skills as skill_rules
from pipeline.extract.requirements import education_matches, requirements_in
from pipeline.rules import cues
from pipeline.rules.components import LexMatch, lexicon_matches, lexicon_regions, skill_kind
from pipeline.rules.matcher import Gated
from pipeline.stages.attribute import clause_bounds, other_occupation, roles_at
from pipeline.stages.roles import RoleInfo
from pipeline.stages.sentences import NEGATION, Facts, Sentence, build_sentences, evidence, names_money, negated
from pipeline.types import Segmented
from schemas.article import Duty, Salary, Setting, Skill

# "$38,200 per year, or $18.36 an hour": the same pay restated in another period.
RESTATED = re.compile(r"[^.;$£€]{0,30}?,?\s*(?:or|which is|equivalent to|that is)\s+(?:about|around|roughly|nearly|"
                      r"approximately|some|just over|just under)?\s*", re.IGNORECASE)
RELATIVE_BEFORE = re.compile(r"\b(?:that|which|who|it)\s+$", re.IGNORECASE)
NO_SKILL_KINDS = {"salary", "outlook", "faq"}
NO_SETTING_KINDS = {"salary", "outlook", "conclusion", "faq"}
NO_DUTY_KINDS = {"salary", "outlook", "requirements", "faq", "pros_cons", "conclusion", "skills", "work_environment"}
JOINER = re.compile(r"[\s,]*(?:and|or|to)?[\s,]*")


def _salary(s: Sentence, money: pay.Money, roles_: list[str], before: str, after: str, rule: str,
            facts: Facts, per: str | None = None) -> str:
    per = per or pay.period(before, after)
    if per is None:
        per = pay.period_from_size(money.value)
        facts.warnings.append(f"no pay period written for {s.text[money.start:money.end]!r}; "
                              f"took '{per}' from its size")
    facts.salaries.append(Salary(
        roles=roles_, evidence=evidence(s), rule=rule, amount=money.amount, min=money.low, max=money.high,
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
    respective = _respectively(s, moneys)
    for i, money in enumerate(moneys):
        c0, c1 = clause_bounds(s.text, money.start)
        # The words around a figure decide what it is; the rest of a long clause may be about something else.
        context = s.text[c0 : min(c1, money.end + 40)]
        restated = previous is not None and RESTATED.fullmatch(s.text[previous[0] : money.start])
        if pay.is_distractor(context) or (not restated and other_occupation(s.text, c0, c1, s.roles)):
            continue
        if kind not in ("salary", "comparison") and not cues.PAY.hit(s.cues):
            continue
        who = previous[1] if restated and previous else roles_at(s.text, money.start, s.roles, roles)
        if respective:
            who = [respective[i]]
        if not who:
            continue
        # Words about a figure sit between it and its neighbours, whatever the clause boundaries.
        before = s.text[max(moneys[i - 1].end if i else 0, money.start - 90) : money.start]
        after = s.text[money.end : moneys[i + 1].start if i + 1 < len(moneys) else len(s.text)]
        per = pay.period(before, after)
        if per is None:
            # "X earned a median annual wage of $89,290, while Y earned $87,740": the parallel
            # figure shares the period written for the one before it.
            if last is not None and 0.33 <= money.value / last[0] <= 3:
                per = last[1]
            elif i + 1 < len(moneys) and JOINER.fullmatch(after):
                # "$41,000 and $63,000 a year": the period written after the pair
                following = moneys[i + 1]
                per = pay.period("", s.text[following.end :])
        per = _salary(s, money, who, before, after, "salary-prose", facts, per)
        last = (money.value, per)
        previous = (money.end, who)


def _respectively(s: Sentence, moneys: list[pay.Money]) -> list[str]:
    """ "Cooks and chefs earn $35,000 and $58,000, respectively": figures go to the roles in order."""
    if "respectively" not in s.cues.words:
        return []
    named = s.roles.opening
    ordered = list(dict.fromkeys(m.role for m in named))
    return ordered if len(ordered) == len(moneys) > 1 else []


def table_salaries(s: Sentence, seg: Segmented, roles: list[RoleInfo], facts: Facts) -> None:
    """A pay table: the header row names a role per column; the first cell names the figure."""
    from pipeline.stages.roles import find_mentions

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


# --- settings and skills --------------------------------------------------------------------


class Lexicon:
    """A document's lexicon matches of one kind, found by sentence with a bisection."""

    def __init__(self, matches: list[LexMatch]) -> None:
        self.matches = matches
        self.starts = [m.start for m in matches]

    def within(self, start: int, end: int) -> list[LexMatch]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end)
        return [m for m in self.matches[i:j] if m.end <= end]


def uses_lexicons(s: Sentence, kind: str) -> bool:
    """Whether ``lexicon_facts`` looks at the sentence's lexicon matches: only those sentences are tokenized."""
    return ((kind not in NO_SETTING_KINDS and (kind == "work_environment" or cues.WORK.hit(s.cues)))
            or (kind not in NO_SKILL_KINDS and (kind == "skills" or cues.SKILL.hit(s.cues))))


def lexicon_facts(s: Sentence, lexicons: dict[str, Lexicon], roles: list[RoleInfo], kind: str, facts: Facts) -> None:
    text = s.text
    if kind not in NO_SETTING_KINDS and (kind == "work_environment" or cues.WORK.hit(s.cues)):
        spans = lexicons["settings"].within(s.start, s.end)
        taken = [(m.start, m.end) for m in s.roles.mentions] + [(m.start, m.end) for m in education_matches(text)] \
            if spans else []
        for span in spans:
            a, b = span.start - s.start, span.end - s.start
            if negated(text, a, b, s.cues.fold) or any(x < b and a < y for x, y in taken):
                continue
            if span.value in ("school", "college_university") and cues.STUDY.hit(s.cues):
                continue
            if RELATIVE_BEFORE.search(text, max(0, a - 12), a):
                continue  # "code that stores user accounts": a verb, not a shop
            who = roles_at(text, a, s.roles, roles)
            facts.settings.append(Setting(roles=who, evidence=evidence(s), rule=span.rule, setting=span.value,
                                          text=span.text))
    if kind in NO_SKILL_KINDS or not (kind == "skills" or cues.SKILL.hit(s.cues)):
        return
    lexical: list[tuple[int, int]] = []
    for span in lexicons["skills"].within(s.start, s.end):
        a, b = span.start - s.start, span.end - s.start
        lexical.append((a, b))
        if negated(text, a, b, s.cues.fold):
            continue
        facts.skills.append(Skill(roles=roles_at(text, a, s.roles, roles), evidence=evidence(s),
                                  rule=span.rule, skill=span.value, kind=skill_kind(span.rule)))
    found_any = bool(lexical)
    for found in skill_rules.before_skills(text, s.cues.fold) + skill_rules.complements(text, s.cues.fold):
        if (any(a < found.end and found.start < b for a, b in lexical)
                or negated(text, found.start, found.end, s.cues.fold)):
            continue
        found_any = True
        facts.skills.append(Skill(roles=roles_at(text, found.start, s.roles, roles), evidence=evidence(s),
                                  rule=found.rule, skill=found.name, kind="hard"))
    if not found_any and kind == "skills" and s.span.block.kind == "list_item":
        item = skill_rules.list_item_skill(text)
        if item:
            facts.skills.append(Skill(roles=s.roles.subject, evidence=evidence(s), rule="skill-list-item",
                                      skill=item, kind="soft" if item.endswith(("ness", "ity", "ence")) else "hard"))


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
        for phrase in duty_rules.verb_phrases(text, s.cues.fold):
            _add_duty(facts, s.roles.subject, s, phrase.text, "duty-list-item")
        return
    for pos, named in subjects:
        start = duty_rules.predicate(text, pos, s.cues.fold)
        if duty_rules.is_negated(text, start) or NEGATION.search(text[pos:start]):
            continue
        who = roles_at(text, max(0, pos - 1), s.roles, roles) if named else s.roles.subject
        if not who:
            continue
        for phrase in duty_rules.verb_phrases(text[start:], s.cues.fold[start:]):
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
    opening = s.roles.opening
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
        out.extend((m.end(), False) for m in LATER_PRONOUN.finditer(text, folded=s.cues.fold))
    return out


# "..., and they build models": the sentence's subject again, after a clause break.
LATER_PRONOUN = Gated(r"(?:,|;)\s*(?:and|but|then|so|where|when|because)?\s*they\b")


# "Both jobs reward clear writing", "Both roles offer hybrid schedules": the job, not the worker, acts.
JOBS_AS_SUBJECT = re.compile(r"\W*both\s+(?:roles|jobs|careers|positions|occupations)\b", re.IGNORECASE)
BOTH_SUBJECT = re.compile(r"\W*both\b(?=\s+(?:are|is|can|must|need|have|also|often|typically|usually)\b)|"
                          r"\W*both\s+(?:(?:roles|jobs|professions|professionals|careers|trades|occupations|of them)\b|"
                          r"\w+(?:\s+\w+)?\s+and\s+\w+(?:\s+\w+){0,2}?(?=\s+(?:also\s+|can\s+|may\s+|must\s+|often\s+|"
                          r"typically\s+|usually\s+)?\w+))", re.IGNORECASE)


def _add_duty(facts: Facts, who: list[str], s: Sentence, phrase: str, rule: str) -> None:
    phrase = " ".join(phrase.split()).strip(" ,.;:")
    if len(phrase.split()) < 2 and rule != "duty-list-item":
        return
    key = (phrase.lower(), tuple(who))
    if key in facts.duty_keys:
        return
    facts.duty_keys.add(key)
    facts.duties.append(Duty(roles=who, evidence=evidence(s), rule=rule, text=phrase))


def extract(seg: Segmented, roles: list[RoleInfo]) -> Facts:
    facts = Facts()
    sentences = build_sentences(seg, roles)
    for s in sentences:
        for m in s.roles.mentions:
            facts.surfaces.setdefault(m.role, set()).add(s.text[m.start : m.end])
    needed = [(s.start + a, s.start + b) for s in sentences if uses_lexicons(s, seg.sections[s.section].kind)
              for a, b in lexicon_regions(s.text, s.cues.low)]
    lexicons = {key: Lexicon(found) for key, found in lexicon_matches(seg.text, needed).items()}
    for s in sentences:
        kind = seg.sections[s.section].kind
        if names_money(s):
            salaries_in(s, roles, kind, facts)
            table_salaries(s, seg, roles, facts)
        if kind not in ("outlook",):
            requirements_in(s, roles, kind, facts)
        lexicon_facts(s, lexicons, roles, kind, facts)
        duties_in(s, roles, kind, facts)
    return facts
