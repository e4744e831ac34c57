"""Word-level lookups shared by the stages, cached: lemminflect's out-of-vocabulary rules take up to
~100 µs a word, and the same words come back in every article."""

from __future__ import annotations

from functools import lru_cache

from lemminflect import getAllLemmas


@lru_cache(maxsize=65536)
def parts_of_speech(word: str) -> frozenset[str]:
    """The parts of speech lemminflect knows ``word`` (lower case) as: {"VERB", "NOUN", "ADJ", ...}."""
    return frozenset(getAllLemmas(word))


def can_be_adjective(word: str) -> bool:
    return "ADJ" in parts_of_speech(word)
