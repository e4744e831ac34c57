"""The year a pay figure is stated for ("in May 2024", "2023 data"): a salary's ``as_of``.

The rules are data (``pipeline/data/reference_years.jsonl``); each names the year in its ``year`` group.
Of the years a sentence states for its figures, the one nearest the figure is taken; a bare "in 2023"
counts only within ``NEAR`` characters after it, or opening the sentence. A projection ("by 2032",
"from 2023 to 2033") is no reference year.
"""

from __future__ import annotations

from functools import cache

from pipeline.rules.cache import text_cache
from pipeline.rules.loader import PatternRule, pattern_rules

RULES = "reference_years.jsonl"
NEAR = 60
# A year written as a hint is an ordinary four-digit number: the rules run only on text that has one.
YEAR_HINT = ("19", "20")


@cache
def _rules() -> tuple[PatternRule, ...]:
    return pattern_rules(RULES)


def reference_year(text: str, at: int) -> int | None:
    """The year ``text`` states for the figure at offset ``at``, or None."""
    if not any(hint in text for hint in YEAR_HINT):
        return None
    best: tuple[int, int] | None = None  # (distance, year)
    for start, end, near, year in _stated(text):
        distance = max(0, start - at, at - end)
        # A bare "in 2023" counts right after the figure or opening the sentence ("In 2023, ...");
        # before it mid-sentence it is often some other event's ("Founded in 1999, the firm pays ...").
        if near and not ((start >= at and distance <= NEAR) or not text[:start].strip()):
            continue
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else None


@text_cache(maxsize=4096)
def _stated(text: str) -> tuple[tuple[int, int, bool, int], ...]:
    """Each rule's matches in the text, in the rules' order: (start, end, whether it is a bare "in 2023",
    year); kept by text, as a sentence's figures each ask."""
    return tuple((m.start(), m.end(), rule.value == "near", int(m.group("year")))
                 for rule in _rules() for m in rule.regex.finditer(text))
