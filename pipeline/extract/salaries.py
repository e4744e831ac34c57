"""Salaries: the pay parser and the sentences and table rows it reads.

The parser (table-tested in ``tests/test_salary.py``): ``find_money`` finds every money
expression (single figures and ranges) in a text; ``period`` and ``statistic`` read the words
around it; ``is_distractor`` rejects fees, tuition, prices and all-occupation figures.
``salaries_in`` and ``table_salaries`` decide which role(s) each figure of a sentence or a pay
table's row belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pipeline.rules import cues
from pipeline.rules.clauses import clause_bounds
from pipeline.rules.loader import first_match, procedure, regex
from pipeline.rules.matcher import Pattern
from pipeline.rules.mentions import find_mentions
from pipeline.rules.text import Piece
from pipeline.rules.years import reference_year
from pipeline.stages.attribute import other_occupation, roles_at
from pipeline.types import Block, Facts, RoleInfo, Segmented, Sentence, Span
from schemas.article import Salary

CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "usd": "USD", "gbp": "GBP", "eur": "EUR",
    "dollars": "USD", "pounds": "GBP", "euros": "EUR", "c$": "CAD", "a$": "AUD", "cad": "CAD",
    "aud": "AUD", "inr": "INR", "₹": "INR",
}
ANNUAL_FACTOR = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}

# Written in lower case (the patterns ignore case): the matcher can then run them on the case fold.
_CUR = r"(?P<{n}>us\$|c\$|a\$|[$£€₹]|(?:usd|gbp|eur|cad|aud|inr)\s?)"
_NUM = (r"(?P<{n}>\d{{1,2}}(?:,\d{{2}})+,\d{{3}}(?!\d)|\d{{1,3}}(?:,\s?\d{{3}})+(?:\.\d+)?|"
        r"\d{{1,3}}(?:\.\d{{3}})+(?![\d.])|\d+(?:\.\d+)?)")
_MULT = r"(?P<{n}>\s?(?:k|thousand|million|mn|m)\b)?"
_TAIL = r"(?:\s?(?P<{n}>dollars|pounds|euros|usd|gbp|eur)\b)?"
GROUPED_NUMBER = re.compile(r"\d{1,3}(?:[.,]\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}")


def _money(i: int, need_currency: bool = True) -> str:
    cur = _CUR.format(n=f"cur{i}") + ("" if need_currency else "?")
    return cur + _NUM.format(n=f"num{i}") + _MULT.format(n=f"mult{i}")


# "and" joins a range only after "between": "$15 and $20 respectively" are two figures.
RANGE_SEP = r"\s?(?:-|–|—|to)\s?|(?(between)\s?and\s?|(?!))"
MONEY_RE = Pattern(
    r"(?:(?P<between>between|from)\s)?"
    + _money(1)
    + r"(?:"
    + r"(?P<sep>" + RANGE_SEP + r")"
    + _money(2, need_currency=False)
    + r")?"
    + _TAIL.format(n="tail"),
)
# "45.000 €", "32 000 €", "52,000 USD": the currency after the number.
_TRAILING_NUM = r"\d{1,3}(?:[ ,.]\d{3})+|\d+(?:\.\d{1,2})?"
TRAILING_CURRENCY_RE = Pattern(
    r"(?:(?P<between>between)\s)?(?<![\d.,])"
    r"(?:(?P<num0>" + _TRAILING_NUM + r")\s?(?:-|–|—|to|(?(between)and|(?!)))\s?)?"
    r"(?P<num1>" + _TRAILING_NUM + r")\s?"
    r"(?P<tail>€|£|dollars|pounds|euros|usd|gbp|eur|cad|aud|inr)(?![a-z])",
)


@dataclass(frozen=True)
class Money:
    start: int
    end: int
    amount: float | None
    low: float | None
    high: float | None
    currency: str

    @property
    def value(self) -> float:
        if self.amount is not None:
            return self.amount
        assert self.low is not None and self.high is not None
        return (self.low + self.high) / 2


def _number(num: str, mult: str | None, currency: str) -> float:
    num = num.replace(" ", "")
    if GROUPED_NUMBER.fullmatch(num):
        # "€32.000", "₹4,50,000": separators between groups (a decimal part never has three digits in pay).
        num = num.replace(".", "").replace(",", "")
    value = float(num.replace(",", ""))
    m = (mult or "").strip().lower()
    if m in ("k", "thousand"):
        value *= 1000
    elif m in ("million", "mn", "m"):
        value *= 1_000_000
    return value


def find_money(text: Piece | str) -> list[Money]:
    out: list[Money] = []
    for m in MONEY_RE.finditer_caseless(text):
        cur_raw = (m.group("cur1") or m.group("tail") or "").strip().lower()
        currency = CURRENCY_SYMBOLS.get(cur_raw, "USD")
        mult1, mult2 = m.group("mult1"), m.group("mult2")
        if m.group("num2"):
            hi_mult = mult2 or None
            lo_mult = mult1 or (hi_mult if float(m.group("num1").replace(",", "").replace(" ", "")) < 1000 else None)
            low = _number(m.group("num1"), lo_mult, currency)
            high = _number(m.group("num2"), hi_mult, currency)
            if high > low:
                out.append(Money(m.start("cur1") if not m.group("between") else m.start(), m.end(), None, low, high,
                                 currency))
                continue
        end = m.end("mult1") if mult1 else m.end("num1")
        if m.group("tail") and not m.group("num2"):
            end = m.end("tail")
        out.append(Money(m.start("cur1"), end, _number(m.group("num1"), mult1, currency), None, None, currency))
    for m in TRAILING_CURRENCY_RE.finditer_caseless(text):
        if any(o.start < m.end() and m.start() < o.end for o in out):
            continue
        currency = CURRENCY_SYMBOLS[m.group("tail").lower()]
        top = _number(m.group("num1").replace(" ", ","), None, "")
        bottom = _number(m.group("num0").replace(" ", ","), None, "") if m.group("num0") else None
        # A range's ends are close; "2021 - 41,000 euros" is a year and then a figure.
        if bottom is not None and bottom < top <= 5 * bottom:
            out.append(Money(m.start(), m.end(), None, bottom, top, currency))
        else:
            out.append(Money(m.start("num1"), m.end(), top, None, None, currency))
    return sorted(out, key=lambda money: money.start)




def period(before: str, after: str) -> str | None:
    """The pay period the words after a figure, else those before it, write (``data/pay_period_*.jsonl``)."""
    found = first_match("pay_period_after.jsonl", after) or first_match("pay_period_before.jsonl", before)
    return found.value if found else None


def period_from_size(value: float) -> str:
    if value < 200:
        return "hour"
    if value < 5000:
        return "week" if value < 2500 else "month"
    return "year"






def statistic(before: str, money: Money, after: str = "") -> str:
    """The statistic the words near a figure make it (``data/pay_statistic_*.jsonl``)."""
    found = first_match("pay_statistic_before.jsonl", before[-70:]) or first_match("pay_statistic_after.jsonl", after)
    if found:
        return found.value
    return "range" if money.amount is None else "unspecified"


def percentile(stat: str, before: str) -> Literal[10, 25, 50, 75, 90] | None:
    """A median is the 50th percentile; "the lowest 10 percent earned less than" bounds the 10th,
    "the highest 10 percent earned more than" the 90th. Other shares are no percentile of the contract."""
    if stat == "median":
        return 50
    share = PERCENT_SHARE.search(before[-70:]) if stat in ("bottom", "top") else None
    if share is None:
        return None
    value = int(share.group(1)) if stat == "bottom" else 100 - int(share.group(1))
    return next((p for p in PERCENTILES if p == value), None)


def is_distractor(context: str) -> str | None:
    """The id of the distractor rule that rejects a figure in this clause, if any."""
    rule = first_match("salary_distractors.jsonl", context)
    return rule.id if rule else None


def annual(money: Money, per: str) -> float:
    return round(money.value * ANNUAL_FACTOR[per], 2)


SALARY_PROSE, SALARY_TABLE = procedure("salary-prose"), procedure("salary-table")
RULES = "salary_patterns.jsonl"
RESTATED = regex(RULES, "restated")
RESTATEMENT = regex(RULES, "restatement")
PERCENT_SHARE = regex(RULES, "percent-share")
OWN_PERIOD = regex(RULES, "own-period")
LABELLED_FIGURE = regex(RULES, "labelled-figure")
PERCENTILES: tuple[Literal[10, 25, 50, 75, 90], ...] = (10, 25, 50, 75, 90)
JOINER = regex(RULES, "joiner")
FIGURE_FOR = regex(RULES, "figure-for-role")
ROLE_BEFORE = regex(RULES, "role-before-figure")
NOT_PAY_LABEL = regex(RULES, "not-pay-label")
BARE_AMOUNT, INTRO_STATISTIC = regex(RULES, "bare-amount"), regex(RULES, "intro-statistic")
INTRO_YEAR, INTRO_HOUR = regex(RULES, "intro-year"), regex(RULES, "intro-hour")


def _salary(s: Sentence, money: Money, roles_: list[str], before: str, after: str, rule: str,
            facts: Facts, per: str | None = None, stat: str | None = None) -> Salary:
    per = per or period(before, after)
    if per is None:
        per = period_from_size(money.value)
        facts.warnings.append(f"no pay period written for {s.text[money.start:money.end]!r}; "
                              f"took '{per}' from its size")
    stat = stat or statistic(before, money, after)
    salary = Salary(
        roles=roles_, evidence=s.evidence(), rule=rule, amount=money.amount, min=money.low, max=money.high,
        currency=money.currency, period=per, statistic=stat, percentile=percentile(stat, before),
        annual_amount=annual(money, per), text=s.text[money.start:money.end],
        as_of=reference_year(s.text, money.start),
    )
    facts.salaries.append(salary)
    return salary


def salaries_in(s: Sentence, roles: list[RoleInfo], kind: str, facts: Facts) -> None:
    if s.span.block.kind == "table_row":
        return
    moneys = find_money(s)
    figures = _ProseFigures(s, roles, kind, facts, moneys)
    for i, money in enumerate(moneys):
        figures.read(i, money)


class _ProseFigures:
    """The figures of one sentence, read in order: each may share the owner or the period of the one
    before it."""

    def __init__(self, s: Sentence, roles: list[RoleInfo], kind: str, facts: Facts, moneys: list[Money]) -> None:
        self.s, self.roles, self.kind, self.facts, self.moneys = s, roles, kind, facts, moneys
        # The previous figure's end, owner and statistic, for a figure that restates it ("a median of
        # $38,200 per year, or $18.36 an hour": the same owner, the same statistic).
        self.previous: tuple[int, list[str], str] | None = None
        # "The median annual wage was $52,800. The lowest 10 percent earned less than $37,100": a figure
        # of the paragraph's next sentence shares the period written for the one before it.
        self.last = _block_last(s, facts)
        self.respective = _respectively(s, moneys)

    def read(self, i: int, money: Money) -> None:
        s = self.s
        c0, c1 = clause_bounds(s.text, money.start)
        restated = self.previous is not None and bool(RESTATED.fullmatch(s.text[self.previous[0] : money.start]))
        if not self._pay(money, c0, c1, restated):
            return
        who = self._owner(i, money, restated)
        if not who:
            return
        before, after = _words_around(s, self.moneys, i)
        per = period(before, after) or self._shared_period(i, money, after)
        stat = statistic(before, money, after)
        if restated and self.previous and stat == "unspecified":
            stat = self.previous[2]
        salary = _salary(s, money, who, before, after, SALARY_PROSE, self.facts, per, stat)
        self.last = (money.value, salary.period)
        self.previous = (money.end, who, salary.statistic)

    def _pay(self, money: Money, c0: int, c1: int, restated: bool) -> bool:
        """Whether the figure is pay: no distractor near it, no other occupation's, in a sentence about pay."""
        s = self.s
        if RESTATEMENT.match(s.text, c0):
            # "paid time and a half, or about $30 an hour": the clause it restates says what it is.
            c0 = clause_bounds(s.text, max(0, c0 - 3))[0]
        # The words around a figure decide what it is; the rest of a long clause may be about something else.
        context = s.text[c0 : min(c1, money.end + 40)]
        if is_distractor(context) or (not restated and other_occupation(s, c0, c1)):
            return False
        return self.kind in ("salary", "comparison") or cues.PAY.hit(s) or bool(LABELLED_FIGURE.match(s.text))

    def _owner(self, i: int, money: Money, restated: bool) -> list[str]:
        if self.respective:
            return [self.respective[i]]
        if named_after := _named_after(self.s, money):
            return named_after
        if restated and self.previous:
            return self.previous[1]
        return roles_at(self.s, money.start, self.roles)

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
    for m in s.roles.mentions:
        if money.end <= m.start <= money.end + 40 and FIGURE_FOR.fullmatch(s.text, money.end, m.start):
            return [m.role]
        if money.start - 20 <= m.end <= money.start and ROLE_BEFORE.fullmatch(s.text, m.end, money.start):
            return [m.role]
    return []


def _respectively(s: Sentence, moneys: list[Money]) -> list[str]:
    """ "Cooks and chefs earn $35,000 and $58,000, respectively": figures go to the roles in order."""
    if "respectively" not in s.words:
        return []
    named = s.roles.opening
    ordered = list(dict.fromkeys(m.role for m in named))
    return ordered if len(ordered) == len(moneys) > 1 else []


@dataclass(frozen=True)
class Table:
    """What a table row's figures need from the rest of its table, found once per table.

    ``header``: the table's first header row (or its title); ``intro``: the paragraph that introduced the table
    ("... were as follows:"); ``money``: the columns whose cells are all figures, with the currency
    written on the first figure ("$63,330", then "59,560").
    """

    header: Block | None
    intro: str
    money: dict[int, str]

    def owners(self, roles: list[RoleInfo]) -> list[str]:
        """The roles whose facts the table gives: those its introduction or title names, else the only one."""
        named = list(dict.fromkeys(m.role for m in find_mentions(roles, self.intro or self.title)))
        return named or ([roles[0].id] if len(roles) == 1 else [])

    @property
    def title(self) -> str:
        """A header row of one cell ("Quick Facts: Welders") is the table's title, not a column's."""
        return self.header.cells[0] if self.header is not None and len(self.header.cells) == 1 else ""


def tables(seg: Segmented) -> dict[int, Table]:
    """Each table row's table, by ``id`` of its span: one pass over the spans."""
    out: dict[int, Table] = {}
    run: list[Span] = []
    for i, span in enumerate([*seg.spans, None]):
        if span is not None and span.block.kind == "table_row":
            run.append(span)
            continue
        if run:
            before = seg.spans[i - len(run) - 1].block if i > len(run) else None
            introduces = before is not None and before.kind == "paragraph" and before.text.endswith(":")
            intro = before.text if before is not None and introduces else ""
            header = next((r.block for r in run if r.block.header), None)
            table = Table(header, intro, _money_columns([r.block for r in run if not r.block.header]))
            out.update((id(r), table) for r in run)
            run = []
    return out


def _money_columns(rows: list[Block]) -> dict[int, str]:
    """Columns (past the label) whose every cell is one figure, the first of them with its currency."""
    out: dict[int, str] = {}
    for col in range(1, max((len(r.cells) for r in rows), default=0)):
        cells = [r.cells[col] for r in rows if col < len(r.cells) and r.cells[col]]
        if not cells:
            continue
        first = find_money(cells[0])
        if len(first) == 1 and all(len(find_money(c)) == 1 or BARE_AMOUNT.fullmatch(c) for c in cells):
            out[col] = first[0].currency
    return out


def table_salaries(s: Sentence, table: Table, roles: list[RoleInfo], facts: Facts) -> None:
    """A pay table: the header row names a role per column, the first cell names the figure, and the
    paragraph that introduced the table may name the statistic, the period and the role."""
    block = s.span.block
    if block.header:
        return
    label = block.cells[0] if block.cells else ""
    if is_distractor(label) or NOT_PAY_LABEL.search(label) or (table.intro and is_distractor(table.intro)):
        return
    for col, cell, pos in _cells_placed(s, block):
        if col:
            _cell_salaries(s, table, roles, facts, label, col, cell, pos)


def _cells_placed(s: Sentence, block: Block) -> list[tuple[int, str, int]]:
    """Each non-empty cell of a row with its column and its offset in the sentence."""
    out: list[tuple[int, str, int]] = []
    offset = 0
    for col, cell in enumerate(block.cells):
        if not cell:
            continue
        pos = s.text.find(cell, offset)
        if pos < 0:
            continue
        offset = pos + len(cell)
        out.append((col, cell, pos))
    return out


def _column_roles(table: Table, roles: list[RoleInfo], heading: str, label: str) -> list[str]:
    """The roles a cell's figures belong to: its column's header, else its row's label, else the table's."""
    for words in (heading, label):
        named = list(dict.fromkeys(m.role for m in find_mentions(roles, words)))
        if named:
            return named
    return table.owners(roles)


def _cell_salaries(s: Sentence, table: Table, roles: list[RoleInfo], facts: Facts, label: str, col: int,
                   cell: str, pos: int) -> None:
    header = table.header
    columns = header.cells if header is not None and not table.title else ()
    heading = columns[col] if col < len(columns) else ""
    column_roles = _column_roles(table, roles, heading, label)
    # The row label and the column header both describe the figure ("Median pay", "Hourly").
    described = f"{label} {heading} "
    for money in _cell_money(cell, table.money.get(col)):
        shifted = Money(money.start + pos, money.end + pos, money.amount, money.low, money.high, money.currency)
        per = (period(cell[: money.start] + " ", cell[money.end :]) or period(described, "")
               or _intro_period(table.intro))
        stat = _cell_statistic(table, heading, described, cell, money)
        _salary(s, shifted, column_roles, described, cell[money.end :], SALARY_TABLE, facts, per, stat)


def _cell_statistic(table: Table, heading: str, described: str, cell: str, money: Money) -> str:
    """The statistic the introduction names for every figure outranks words of a row's label
    ("Junior colleges"), not those of the figure's own column or cell."""
    stat = statistic(f"{heading} {cell[: money.start]}", money, cell[money.end :])
    if stat in ("unspecified", "range") and INTRO_STATISTIC.search(table.intro):
        return _intro_statistic(table.intro)
    if stat in ("unspecified", "range"):
        return statistic(described + cell[: money.start], money, cell[money.end :])
    return stat


def _cell_money(cell: str, currency: str | None) -> list[Money]:
    """The figures of a cell; in a column of figures, a bare number is money in the column's currency."""
    found = find_money(cell)
    if found or currency is None:
        return found
    bare = BARE_AMOUNT.fullmatch(cell)
    return [Money(0, len(cell), float(cell.replace(",", "")), None, None, currency)] if bare else []


def _intro_period(intro: str) -> str | None:
    if INTRO_YEAR.search(intro):
        return "year"
    return "hour" if INTRO_HOUR.search(intro) else None


def _intro_statistic(intro: str) -> str:
    found = INTRO_STATISTIC.search(intro)
    word = found.group(0).lower() if found else ""
    return "median" if word == "median" else "average"
