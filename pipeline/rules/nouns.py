"""Nouns in and out of the plural, as role names and occupation titles need them ("midwives",
"secretaries", "technicians"): shared by title reading, the gazetteer and mention finding."""

from __future__ import annotations

import re


def singular(word: str) -> str:
    lower = word.lower()
    if lower.endswith("wives"):  # midwives, housewives
        return word[:-3] + "fe"
    if lower.endswith("ies") and len(word) > 4:
        return word[:-3] + ("Y" if word.isupper() else "y")
    if lower.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def plural(word: str) -> str:
    lower = word.lower()
    if lower.endswith("wife"):
        return word[:-2] + "ves"
    if re.search(r"[^aeiou]y$", lower):
        return word[:-1] + "ies"
    if lower.endswith(("s", "sh", "ch", "x")):
        return word + "es"
    return word + "s"
