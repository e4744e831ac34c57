"""Word-level lookups shared by the stages, cached: lemminflect's out-of-vocabulary rules take up to
~100 µs a word, and the same words come back in every article."""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllLemmas, getLemma

from pipeline.rules.loader import load_terms

VERBS = load_terms("duty_verbs.txt")
NOT_VERBS = load_terms("not_duty_verbs.txt")


@lru_cache(maxsize=65536)
def parts_of_speech(word: str) -> frozenset[str]:
    """The parts of speech lemminflect knows ``word`` (lower case) as: {"VERB", "NOUN", "ADJ", ...}."""
    return frozenset(getAllLemmas(word))


def can_be_adjective(word: str) -> bool:
    return "ADJ" in parts_of_speech(word)


@lru_cache(maxsize=65536)
def base_form(word: str, loose: bool = True) -> str | None:
    """The base form when ``word`` can head a duty, else None.

    Loose: any form lemminflect knows as a verb (right after a subject, "staff" and "dig" are verbs).
    Strict: only listed verbs and words lemminflect knows as verbs but not as nouns, for the
    middle of a sentence where "balance" in "hearing loss and balance disorders" is a noun.
    """
    w = word.lower()
    if w in NOT_VERBS or not w.isalpha():
        return None
    if w in VERBS:
        return w
    lemmas = parts_of_speech(w)
    if "VERB" not in lemmas:
        return None
    base = str(getLemma(w, upos="VERB")[0])
    if base in NOT_VERBS:
        return None
    if loose or base in VERBS or lemmas <= {"VERB", "ADJ"}:
        return base
    return None


def verb_form(word: str, loose: bool = True) -> str | None:
    w = word.lower()
    base = base_form(w, loose)
    if base is None:
        return None
    if w == base:
        return "base"
    if w.endswith("ing"):
        return "ing"
    if w.endswith("s"):
        return "s"
    return "past"
