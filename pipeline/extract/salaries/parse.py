"""The pay parser (table-tested in ``tests/test_salary.py``): ``find_money`` finds every money expression
(single figures and ranges) in a text; ``period`` and ``statistic`` read the words around it;
``is_distractor`` rejects fees, tuition, prices and all-occupation figures; ``make_salary`` turns a
figure and the words around it into a fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from pipeline.rules.cache import text_cache
from pipeline.rules.loader import first_match_kept, regex
from pipeline.rules.matcher import Pattern
from pipeline.rules.text import Piece
from pipeline.rules.years import reference_year
from pipeline.types import Facts, Sentence
from schemas.article import ANNUAL_FACTOR, Salary

CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "usd": "USD", "gbp": "GBP", "eur": "EUR",
    "dollars": "USD", "pounds": "GBP", "euros": "EUR", "c$": "CAD", "a$": "AUD", "cad": "CAD",
    "aud": "AUD", "inr": "INR", "₹": "INR",
}

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
    """The money figures a text writes, in order; kept by text (a figure's reading depends on nothing else)."""
    return list(_money_in(text if isinstance(text, str) else text.text))


@text_cache(maxsize=4096)
def _money_in(written: str) -> tuple[Money, ...]:
    text = Piece(written)
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
    return tuple(sorted(out, key=lambda money: money.start))




def period(before: str, after: str) -> str | None:
    """The pay period the words after a figure, else those before it, write (``data/pay_period_*.jsonl``)."""
    found = first_match_kept("pay_period_after.jsonl", after) or first_match_kept("pay_period_before.jsonl", before)
    return found.value if found else None


def period_from_size(value: float) -> str:
    if value < 200:
        return "hour"
    if value < 5000:
        return "week" if value < 2500 else "month"
    return "year"






def statistic(before: str, money: Money, after: str = "") -> str:
    """The statistic the words near a figure make it (``data/pay_statistic_*.jsonl``)."""
    found = (first_match_kept("pay_statistic_before.jsonl", before[-70:])
             or first_match_kept("pay_statistic_after.jsonl", after))
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
    rule = first_match_kept("salary_distractors.jsonl", context)
    return rule.id if rule else None


def annual(money: Money, per: str) -> float:
    return round(money.value * ANNUAL_FACTOR[per], 2)


PERCENT_SHARE = regex("salary_patterns.jsonl", "percent-share")
PERCENTILES: tuple[Literal[10, 25, 50, 75, 90], ...] = (10, 25, 50, 75, 90)


def make_salary(s: Sentence, money: Money, roles_: list[str], before: str, after: str, rule: str,
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
