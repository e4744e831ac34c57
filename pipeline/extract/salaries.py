"""Pay strings -> amounts: a pure parser, no spaCy, table-tested in ``tests/test_salary.py``.

``find_money`` finds every money expression (single figures and ranges) in a string; ``period``
and ``statistic`` read the words around it; ``is_distractor`` rejects fees, tuition, prices and
all-occupation figures. The caller decides which role a figure belongs to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.rules.loader import first_match
from pipeline.rules.matcher import Gated

CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "usd": "USD", "gbp": "GBP", "eur": "EUR",
    "dollars": "USD", "pounds": "GBP", "euros": "EUR", "c$": "CAD", "a$": "AUD", "cad": "CAD",
    "aud": "AUD", "inr": "INR", "₹": "INR",
}
ANNUAL_FACTOR = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}

# Lower-case letters in the (case-insensitive) money patterns: so they have case-sensitive twins,
# which run on the text's case fold twice as fast (``Gated.finditer_folded``).
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
MONEY_RE = Gated(
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
TRAILING_CURRENCY_RE = Gated(
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


def find_money(text: str) -> list[Money]:
    out: list[Money] = []
    # Only positions, digits and lower-cased words are read from the matches: they may be the fold's.
    for m in MONEY_RE.finditer_folded(text):
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
    for m in TRAILING_CURRENCY_RE.finditer_folded(text):
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


PERIOD_AFTER = [(value, re.compile(pattern, re.IGNORECASE)) for value, pattern in [
    ("hour", r"^\W{0,3}(?:(?:per|an|a|each|every|/)\s?(?:hour|hr)\b|hourly|ph\b)"),
    ("year", r"^\W{0,3}(?:(?:per|a|each|every|/)\s?(?:year|yr|annum)\b|annually|yearly|p\.\s?a\.|pa\b|annual)"),
    ("week", r"^\W{0,3}(?:(?:per|a|each|every|/)\s?week\b|weekly|pw\b)"),
    ("month", r"^\W{0,3}(?:(?:per|a|each|every|/)\s?month\b|monthly)"),
    ("day", r"^\W{0,3}(?:(?:per|a|each|every|/)\s?(?:day|shift)\b|daily)"),
    ("year", r"^\W{0,3}(?:range|salary|salaries|base salary)\b"),
    ("year", r"^[^.;$£€]{0,40}?\b(?:per year|a year|annually|per annum|each year|yearly)\b"),
    ("hour", r"^[^.;$£€]{0,25}?\b(?:per hour|an hour|hourly)\b"),
]]
PERIOD_BEFORE = [(value, re.compile(pattern, re.IGNORECASE)) for value, pattern in [
    ("hour", r"\b(?:hourly|per hour|an hour)\b[^.;$£€]{0,40}$"),
    ("week", r"\bweekly\b[^.;$£€]{0,30}$"),
    ("month", r"\bmonthly\b[^.;$£€]{0,30}$"),
    ("year", r"\b(?:annual|annually|yearly|salary|salaries|per year|a year|per annum)\b[^.;$£€]{0,40}$"),
]]


def period(before: str, after: str) -> str | None:
    for value, regex in PERIOD_AFTER:
        if regex.search(after):
            return value
    for value, regex in PERIOD_BEFORE:
        if regex.search(before):
            return value
    return None


def period_from_size(value: float) -> str:
    if value < 200:
        return "hour"
    if value < 5000:
        return "week" if value < 2500 else "month"
    return "year"


STATISTICS = [(value, re.compile(pattern, re.IGNORECASE)) for value, pattern in [
    ("median", r"\bmedian\b"),
    ("average", r"\b(?:average|mean|typical(?:ly)?)\b"),
    ("starting", r"\b(?:start(?:ing|s)?|entry[- ]level|new(?:er)?|beginning|junior|first[- ]year)\b"),
    ("top", r"\b(?:top|highest|upper|more than|up to|over|as much as|senior|experienced)\b"),
]]


STATISTICS_AFTER = [(value, re.compile(pattern, re.IGNORECASE)) for value, pattern in [
    ("median", r"^[^.;$£€]{0,30}\b(?:at the|is the|was the|as the) median\b"),
    ("average", r"^[^.;$£€]{0,30}\b(?:on average|is the average|was the average|average)\b"),
]]


def statistic(before: str, money: Money, after: str = "") -> str:
    window = before[-70:]
    for value, regex in STATISTICS:
        if regex.search(window):
            return value
    for value, regex in STATISTICS_AFTER:
        if regex.search(after):
            return value
    return "range" if money.amount is None else "unspecified"


def is_distractor(context: str) -> str | None:
    """The id of the distractor rule that rejects a figure in this clause, if any."""
    rule = first_match("salary_distractors.jsonl", context)
    return rule.id if rule else None


def annual(money: Money, per: str) -> float:
    return round(money.value * ANNUAL_FACTOR[per], 2)
