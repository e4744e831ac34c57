"""Nouns in and out of the plural, as role names and occupation titles need them ("midwives",
"secretaries", "technicians"): shared by title reading, the gazetteer and mention finding."""

from __future__ import annotations

import re

# "-man" and "-person" compounds take "-men" and "-people" (linemen, salespeople); these words do not.
NOT_MAN_COMPOUNDS = ("human", "german", "shaman", "talisman", "caiman", "doberman", "ottoman", "roman")
NOT_MEN_PLURALS = ("specimen", "abdomen", "regimen", "acumen")


def singular(word: str) -> str:
    lower = word.lower()
    if lower.endswith("wives"):  # midwives, housewives
        return word[:-3] + "fe"
    if lower.endswith("people") and len(word) > 6:  # salespeople
        return word[:-6] + ("PERSON" if word.isupper() else "person")
    if lower.endswith("men") and len(word) > 4 and not lower.endswith(NOT_MEN_PLURALS):  # linemen
        return word[:-3] + ("MAN" if word.isupper() else "man")
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
    if lower.endswith("person") and len(word) > 6:
        return word[:-6] + "people"
    if lower.endswith("man") and len(word) > 4 and not lower.endswith(NOT_MAN_COMPOUNDS):
        return word[:-3] + "men"
    if re.search(r"[^aeiou]y$", lower):
        return word[:-1] + "ies"
    # A clipped word ("tech") takes -s: "techs", not "teches".
    if lower.endswith(("s", "sh", "ch", "x")) and not lower.endswith("tech"):
        return word + "es"
    return word + "s"


def plurals(word: str) -> list[str]:
    """Every plural a text writes for a noun: "salesperson" -> "salespeople" and "salespersons"."""
    many = plural(word)
    return [many, word + "s"] if word.lower().endswith("person") and len(word) > 6 else [many]
