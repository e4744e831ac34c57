"""The year a pay figure is stated for ("in May 2024", "2023 data"): a salary's ``as_of``.

The rules are data (``pipeline/data/reference_years.jsonl``); each names the year in its ``year`` group.
Of the years a sentence states for its figures, the one nearest the figure is taken; a bare "in 2023"
counts only within ``NEAR`` characters after it, or opening the sentence. A projection ("by 2032",
"from 2023 to 2033") is no reference year.
"""

from __future__ import annotations

from functools import cache

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
    for rule in _rules():
        for m in rule.regex.finditer(text):
            distance = max(0, m.start() - at, at - m.end())
            # A bare "in 2023" counts right after the figure or opening the sentence ("In 2023, ...");
            # before it mid-sentence it is often some other event's ("Founded in 1999, the firm pays ...").
            if rule.value == "near" and not ((m.start() >= at and distance <= NEAR) or not text[: m.start()].strip()):
                continue
            if best is None or distance < best[0]:
                best = (distance, int(m.group("year")))
    return best[1] if best else None
