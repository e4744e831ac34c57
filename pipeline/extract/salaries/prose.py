"""Pay in running text: which role(s) each figure of a sentence belongs to, and what it is.

The roles a figure's clause names, "respectively", the role named right after or before it ("$A for X",
"X ($A)"), or the one the figure before it had when it restates that figure ("..., or $B an hour");
a figure with no period written shares one with its neighbours.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.extract.salaries.parse import Money, find_money, is_distractor, make_salary, period, statistic
from pipeline.rules import cues
from pipeline.rules.clauses import THAN_OPENED, clause_bounds
from pipeline.rules.loader import procedure, regex
from pipeline.rules.occupations import occupations_in
from pipeline.rules.others import (
    clause_opens_with_other,
    in_group_appositive,
    names_other_occupation,
    names_subject,
    other_occupation,
)
from pipeline.rules.text import Text
from pipeline.rules.titles import AGENT_NOUN
from pipeline.rules.words import parts_of_speech
from pipeline.stages.attribute import GROUPED_PRONOUN, roles_at
from pipeline.types import Facts, Mention, RoleInfo, Sentence

SALARY_PROSE = procedure("salary-prose")
RULES = "salary_patterns.jsonl"
RESTATED = regex(RULES, "restated")
RESTATEMENT = regex(RULES, "restatement")
OWN_PERIOD = regex(RULES, "own-period")
LABELLED_FIGURE = regex(RULES, "labelled-figure")
JOINER = regex(RULES, "joiner")
FIGURE_FOR = regex(RULES, "figure-for-role")
ROLE_BEFORE = regex(RULES, "role-before-figure")
LISTED_WITH = regex(RULES, "listed-with-role")
POSSESSIVE_PAY = regex(RULES, "possessive-pay")
# How many characters before its figure a clause that opens at it is read for what the figure is.
NEAR_BEFORE, NEAR_AFTER = 25, 40
# A clause that "than" opens at a figure is read with the words before it, up to this many characters.
THAN_REACH = 60
# How far after "a glaze chemist's median wage" its figure may come ("... works out to about $33.69").
POSSESSIVE_REACH = 30
OTHERS_ASIDE = regex(RULES, "others-aside")
OTHERS_RESTRICTIVE = regex(RULES, "others-restrictive")
# The words between "that" and a role that is its clause's subject: none, or a determiner.
OBJECT_RELATIVE_GAP = re.compile(r"(?:(?:the|their|most|many|our|your)\s+)?")
# What a relative clause says its people become: "who become", "who work as", "that train as an".
BECOME_BEFORE = re.compile(r"\b(?:become|became|becoming|as)\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+)?$")
INTRODUCES_NEXT = regex(RULES, "introduces-next-figure")
BARE_LABELLED = regex(RULES, "bare-labelled-figure")
PEOPLE = regex(RULES, "people-not-occupation")
PAIR_AND = regex(RULES, "pair-and")
PROMOTED_TO = regex(RULES, "promoted-to")
WORKED_WITH = regex(RULES, "those-they-work-with")
PAID_OTHERS = regex(RULES, "paid-others")
FOR_NAME_END = regex(RULES, "figure-for-name-end")
EXTRA_AFTER = regex(RULES, "extra-after")
MAX_NAME_WORDS = 5  # the longest name a figure is said to be for ("for medical records specialists")


def salaries_in(s: Sentence, roles: list[RoleInfo], kind: str, facts: Facts) -> None:
    if s.span.block.kind == "table_row":
        return
    moneys = find_money(s) or _bare_labelled(s, kind, facts)
    figures = _ProseFigures(s, roles, kind, facts, moneys)
    for i, money in enumerate(moneys):
        figures.read(i, money)


class _Read(NamedTuple):
    """A pay figure of the sentence read: its index among the sentence's figures, owner and statistic."""

    at: int
    who: list[str]
    statistic: str


class _ProseFigures:
    """The figures of one sentence, read in order: each may share the owner or the period of the one
    before it."""

    def __init__(self, s: Sentence, roles: list[RoleInfo], kind: str, facts: Facts, moneys: list[Money]) -> None:
        self.s, self.roles, self.kind, self.facts, self.moneys = s, roles, kind, facts, moneys
        # The pay figures read so far, for a figure that restates the one before it ("a median of
        # $38,200 per year, or $18.36 an hour": the same owner, the same statistic) and a pair that
        # restates the two before it, in order ("$A for X and $B for Y, or $C and $D an hour").
        self.done: list[_Read] = []
        self.restating: list[_Read] = []
        # "The median annual wage was $52,800. The lowest 10 percent earned less than $37,100": a figure
        # of the paragraph's next sentence shares the period written for the one before it.
        self.last = _block_last(s, facts)
        self.respective = _respectively(s, moneys)
        # The figure before was no pay ("costs the homeowner $75, and a tune-up runs $90"): a figure
        # whose words say nothing of pay is the same kind of money.
        self.not_pay = False

    def read(self, i: int, money: Money) -> None:
        s = self.s
        c0, c1 = clause_bounds(s.text, money.start)
        previous = self.done[-1] if self.done else None
        since = self.moneys[previous.at].end if previous is not None else 0
        restated = previous is not None and bool(RESTATED.fullmatch(s.text[since : money.start]))
        if restated and not self.restating:
            self.restating = self._restated_pair(i)
        if not self._pay(i, money, c0, c1, restated or bool(self.restating)):
            return
        earlier = self.restating.pop(0) if self.restating else None
        who = earlier.who if earlier else self._owner(i, money, previous if restated else None)
        if not who:
            return
        before, after = _words_around(s, self.moneys, i)
        per = period(before, after) or self._shared_period(i, money, after)
        stat = statistic(before, money, after)
        source = earlier or (previous if restated else None)
        if source is not None and stat == "unspecified":
            stat = source.statistic
        salary = make_salary(s, money, who, before, after, SALARY_PROSE, self.facts, per, stat)
        self.last = (money.value, salary.period)
        self.done.append(_Read(i, who, salary.statistic))

    def _restated_pair(self, i: int) -> list[_Read]:
        """ "$A for X compared with $B for Y, or about $C and $D an hour": the pair from figure ``i`` on
        restates the two figures just before it, of two owners, in their order."""
        moneys, done = self.moneys, self.done[-2:]
        if i + 1 >= len(moneys) or not PAIR_AND.fullmatch(self.s.text[moneys[i].end : moneys[i + 1].start]):
            return []
        if [r.at for r in done] != [i - 2, i - 1] or done[0].who == done[1].who:
            return []
        return done

    def _pay(self, i: int, money: Money, c0: int, c1: int, restated: bool) -> bool:
        """Whether the figure is pay: no distractor near it, no other occupation's, in a sentence about pay."""
        s = self.s
        if RESTATEMENT.match(s.text, c0):
            # "paid time and a half, or about $30 an hour": the clause it restates says what it is.
            c0 = clause_bounds(s.text, max(0, c0 - 3))[0]
        words = c0
        if THAN_OPENED.search(s.text, max(0, c0 - 6), c0):
            # "can cost the insurer more than $4,000": the words before "than" say what the figure is.
            words = max(clause_bounds(s.text, max(0, c0 - 6))[0], money.start - THAN_REACH)
        if not self._is_money_of_pay(i, money, words, c1):
            return False
        if _others_pay(s, money, c0, c1, restated, self.roles):
            return False
        return self.kind in ("salary", "comparison") or cues.PAY.hit(s) or bool(LABELLED_FIGURE.match(s.text))

    def _is_money_of_pay(self, i: int, money: Money, c0: int, c1: int) -> bool:
        """No distractor in the words around the figure, and, after a figure that was no pay, words of pay."""
        s = self.s
        # The words around a figure decide what it is; the rest of a long clause may be about something
        # else, and the words after the next figure are that figure's ("$53,180, roughly $14,000 more").
        following = self.moneys[i + 1].start if i + 1 < len(self.moneys) else len(s.text)
        if INTRODUCES_NEXT.match(s.text[money.end : following]):
            following = money.end  # ", a gap of $1,500": the words say what the next figure is
        since = self.moneys[i - 1].end if i else 0
        # A clause that opens right at the figure ("... a gap of more than $30,000") has its words before.
        limit = min(c1, following)
        if extra := EXTRA_AFTER.search(s.text, money.end, limit):
            limit = extra.start()  # "£27,000, plus island allowances": the extra is not the figure
        end = _word_end(s.text, min(limit, money.end + NEAR_AFTER), limit)
        context = _unnamed(s, min(c0, max(since, money.start - NEAR_BEFORE)), end)
        around = s.text[since:following]
        self.not_pay = bool(is_distractor(context)) or (self.not_pay and not cues.PAY.hit(Text(around)))
        return not self.not_pay

    def _owner(self, i: int, money: Money, restates: _Read | None) -> list[str]:
        if self.respective:
            return [self.respective[i]]
        s = self.s
        if named := _named_after(s, money) or _possessive_owner(s, money) or _aside_owner(s, money):
            return named
        if restates is not None:
            return restates.who
        return roles_at(s, money.start, self.roles)

    def _shared_period(self, i: int, money: Money, after: str) -> str | None:
        """A figure with no period written shares one: "X earned a median annual wage of $89,290, while
        Y earned $87,740" (the parallel figure before it); "$41,000 and $63,000 a year" (the period
        written after the pair, not "$54,760, or $26.33 an hour", the same pay restated)."""
        if self.last is not None and 0.33 <= money.value / self.last[0] <= 3:
            return self.last[1]
        moneys = self.moneys
        if i + 1 < len(moneys) and JOINER.fullmatch(after) and 0.33 <= moneys[i + 1].value / money.value <= 3:
            return period("", self.s.text[moneys[i + 1].end :])
        return None


def _bare_labelled(s: Sentence, kind: str, facts: Facts) -> list[Money]:
    """ "Top – 72,000" on a line of its own in a pay section: a label and a figure whose currency the
    article writes elsewhere (its last figure's, else dollars)."""
    line = BARE_LABELLED.fullmatch(s.text) if kind == "salary" and s.text == s.span.block.text else None
    if line is None:
        return []
    currency = facts.salaries[-1].currency if facts.salaries else "USD"
    value = float(line.group("num").replace(",", ""))
    return [Money(line.start("num"), line.end("num"), value, None, None, currency)]


def _others_pay(s: Sentence, money: Money, c0: int, c1: int, restated: bool, roles: list[RoleInfo]) -> bool:
    """Whether the figure is another occupation's or other people's: the clause names another occupation
    (not the roles' group: "They fall under taxi drivers, whose median was $A"), the figure is in a
    "who" clause on one or said to be for one, or it is the pay of a job the role moves up to, of those
    it supervises, of people it works with."""
    grouped = GROUPED_PRONOUN.search(s.text, 0, money.start) is not None
    if not restated and not grouped and (other_occupation(s, c0, c1) or clause_opens_with_other(s, c0, c1, roles)):
        return True
    if not grouped and (_in_others_aside(s, money, roles) or _for_other(s, money, roles)):
        return True
    # "Stokers who move up to shift supervisor earn $A", "The aides they supervise earn $A", "participants
    # are paid $A".
    return bool(PROMOTED_TO.search(s.text, 0, money.start) or WORKED_WITH.search(s.text, c0, money.start)
                or PAID_OTHERS.search(s.text, c0, money.start))


def _in_others_aside(s: Sentence, money: Money, roles: list[RoleInfo]) -> bool:
    """A figure in a relative clause about another occupation ("well ahead of solar installers, who
    earn a median of $48,800"), or in the verb such a plural governs after one ("Riggers, who rig the
    loads, earn $A"): a plural a "who" clause follows names people, so one that is no role's and no
    word for people in general ("apprentices") is another occupation, known to the gazetteer or not."""
    aside = OTHERS_ASIDE.search(s.text, 0, money.start)
    if aside is None:
        return _opens_with_others_restricted(s, money, roles)
    end = aside.end(1)
    if any(m.start < end <= m.end for m in s.roles.mentions):
        return False  # "Unlike X, who earn $A, ...": a role's aside
    main = aside.start("main")
    if main >= 0 and not _governed_by(s, main, aside.end("main")):
        return False
    if names_other_occupation(" ".join(s.text[:end].split()[-4:]), roles):
        return True
    # A singular the gazetteer does not know as an occupation is a person ("Dana, who ...").
    return aside.group(1).endswith("s") and not PEOPLE.match(aside.group(1).lower())


def _opens_with_others_restricted(s: Sentence, money: Money, roles: list[RoleInfo]) -> bool:
    """ "Yardmasters who supervise yard crews earn $A": a sentence that opens with a plural agent noun
    a relative clause restricts, no role's and no word for people in general, is about another
    occupation, up to the first role it names."""
    opening = OTHERS_RESTRICTIVE.match(s.text)
    # A role right after the relative pronoun is the clause's subject ("The engineers that drafters
    # work for earn $A"), not the sentence's; one the clause works on is its object ("Managers who
    # oversee both X and Y earn $A"); one it makes them is theirs ("Graduates who become X earn $A").
    if opening is None or any(m.start < money.start and names_subject(s.text, m) and not _object_relative(s, opening, m)
                              and (m.start < opening.end() or BECOME_BEFORE.search(s.text, opening.end(), m.start))
                              for m in s.roles.mentions):
        return False
    phrase = opening.group(1)
    word = phrase.split()[-1].lower()
    if PEOPLE.match(word):
        return False
    if not AGENT_NOUN.fullmatch(word):  # "sheriff's deputies": the gazetteer knows it as another occupation
        return names_other_occupation(phrase, roles)
    return occupations_in(phrase) == () or names_other_occupation(phrase, roles)


def _object_relative(s: Sentence, opening: re.Match[str], mention: Mention) -> bool:
    """The role names the subject of the relative clause that restricts the opening noun."""
    gap = s.text[opening.end() : mention.start]
    return mention.start >= opening.end() and OBJECT_RELATIVE_GAP.fullmatch(gap) is not None


def _aside_owner(s: Sentence, money: Money) -> list[str]:
    """The role whose "who" clause the figure is in ("... for funeral porters, who are paid by the hour
    (a median of $16.45)"), else none."""
    aside = OTHERS_ASIDE.search(s.text, 0, money.start)
    if aside is None or aside.start("main") >= 0:
        return []
    return [m.role for m in s.roles.mentions if m.start < aside.end(1) <= m.end][:1]


def _for_other(s: Sentence, money: Money, roles: list[RoleInfo]) -> bool:
    """A figure said to be another occupation's right after it ("the $45,000 median for records clerks"):
    the words up to the name's end name an occupation and no role, and no aside after it says the
    occupation takes in a role ("..., the category that covers X": the role's group)."""
    said = FIGURE_FOR.match(s.text, money.end)
    if said is None:
        return False
    start = said.end()
    phrase = FOR_NAME_END.split(s.text[start : start + 60], maxsplit=1)[0]
    if not 0 < len(phrase.split()) <= MAX_NAME_WORDS or not names_other_occupation(phrase, roles):
        return False
    end = start + len(phrase)
    # A role's name in the phrase ("the best-paid kiln operators") makes it the role's.
    return not any(start <= m.start < end or (m.start >= end and in_group_appositive(s.text, m.start))
                   for m in s.roles.mentions)


def _governed_by(s: Sentence, start: int, end: int) -> bool:
    """The words after a relative clause go on with its plural's verb ("..., earn $A"), not a new
    subject ("..., plumbers earn $A")."""
    words = s.text[start:end].strip(" ,").split()
    if words[:1] == ["and"]:
        words = words[1:]
    verb = next((w for w in words[:2] if not _adverb(w)), "")
    return "VERB" in parts_of_speech(verb.lower()) and not any(start <= m.start < end for m in s.roles.mentions)


def _adverb(word: str) -> bool:
    pos = parts_of_speech(word.lower())
    return "ADV" in pos and "VERB" not in pos


def _word_end(text: str, end: int, limit: int) -> int:
    """``end`` moved on to the end of the word it falls in (not past ``limit``): the words after a figure
    are read whole (a "pricey" cut short is no "price")."""
    while end < limit and (text[end].isalnum() or text[end] in "-'’"):
        end += 1
    return end


def _unnamed(s: Sentence, start: int, end: int) -> str:
    """``s.text[start:end]`` with the roles' names blanked out: "loan officers" names no loan."""
    text = s.text[start:end]
    for m in s.roles.mentions:
        if start <= m.start and m.end <= end:
            text = text[: m.start - start] + " " * (m.end - m.start) + text[m.end - start :]
    return text


def _block_last(s: Sentence, facts: Facts) -> tuple[float, str] | None:
    """The amount and period of the last figure found in the sentence's block, if any."""
    found = facts.salaries[-1] if facts.salaries else None
    if found is not None and found.evidence.start >= s.span.start and found.amount is not None:
        return (found.amount, found.period)
    return None


def _words_around(s: Sentence, moneys: list[Money], i: int) -> tuple[str, str]:
    """Words about a figure sit between it and its neighbours, whatever the clause boundaries."""
    money = moneys[i]
    before = s.text[max(moneys[i - 1].end if i else 0, money.start - 90) : money.start]
    own = OWN_PERIOD.match(before) if i else None
    before = before[own.end() :] if own else before
    after = s.text[money.end : moneys[i + 1].start if i + 1 < len(moneys) else len(s.text)]
    return before, after


def _named_after(s: Sentence, money: Money) -> list[str]:
    """The role named right after a figure ("$27.55 for HVAC techs") or right before it with its verb
    left out ("and OTAs $32.22"), else none."""
    for i, m in enumerate(s.roles.mentions):
        if money.end <= m.start <= money.end + 40 and FIGURE_FOR.fullmatch(s.text, money.end, m.start):
            return [m.role, *_listed_with(s, i)]
        if money.start - 20 <= m.end <= money.start and ROLE_BEFORE.fullmatch(s.text, m.end, money.start):
            return [m.role]
    return []


def _listed_with(s: Sentence, i: int) -> list[str]:
    """The other roles listed after the ``i``-th mention ("drafters, mappers and surveying technicians")."""
    out: list[str] = []
    mentions = s.roles.mentions
    for prev, m in zip(mentions[i:], mentions[i + 1 :], strict=False):
        if not LISTED_WITH.fullmatch(s.text, prev.end, m.start):
            break
        if m.role not in out and m.role != mentions[i].role:
            out.append(m.role)
    return out


def _possessive_owner(s: Sentence, money: Money) -> list[str]:
    """The role whose pay a possessive names just before the figure ("a glaze chemist's median wage
    works out to $33.69"), else none."""
    for m in s.roles.mentions:
        pay = POSSESSIVE_PAY.match(s.text, m.end)
        if pay and 0 <= money.start - pay.end() <= POSSESSIVE_REACH and "$" not in s.text[pay.end() : money.start]:
            return [m.role]
    return []


def _respectively(s: Sentence, moneys: list[Money]) -> list[str]:
    """ "Cooks and chefs earn $35,000 and $58,000, respectively": figures go to the roles in order."""
    if "respectively" not in s.words:
        return []
    named = s.roles.opening
    ordered = list(dict.fromkeys(m.role for m in named))
    return ordered if len(ordered) == len(moneys) > 1 else []
