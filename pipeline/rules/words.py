"""Word-level lookups shared by the stages, cached: lemminflect's out-of-vocabulary rules take up to
~100 µs a word, and the same words come back in every article."""

from __future__ import annotations

import gzip
from copy import deepcopy
from functools import cache, lru_cache
from pathlib import Path

from lemminflect import config
from lemminflect.codecs.LemmaLUCodec import LemmaLUCodec
from lemminflect.codecs.OverridesCodec import OverridesCodec
from lemminflect.core.LexicalUtils import applyCapsStyleToDict, categoryToUPos, getCapsStyle

from pipeline.rules.loader import load_terms

VERBS = load_terms("duty_verbs.txt")
NOT_VERBS = load_terms("not_duty_verbs.txt")


def _word_of(line: str) -> str:
    return line.partition(",")[0]


class LemmaTable:
    """lemminflect's lemma dictionary, read by word: ``lemmas(word)`` is ``lemminflect.getAllLemmas(word)``.

    lemminflect builds a dict for each of its 80,000 entries before its first answer; a run asks for a
    few thousand words. Its table file lists a word's lines together, sorted by word, so a word's lines
    are found by bisection in the file's text, kept as it is.
    """

    def __init__(self) -> None:
        self.text = gzip.decompress(Path(config.lemma_lu_fn).read_bytes()).decode()
        self.overrides: dict[str, dict[str, tuple[str, ...]]] = OverridesCodec.load(config.lemma_overrides_fn)

    def _first_line(self, word: str) -> int:
        """Where the first line whose word is ``word`` or after it starts (the text's end if none)."""
        text = self.text
        lo, hi = 0, len(text)  # both where a line starts (or the end); the lines before lo are before word
        while lo < hi:
            start = text.rfind("\n", lo, (lo + hi) // 2) + 1 or lo  # the line around the middle
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            if _word_of(text[start:end]) < word:
                lo = end + 1
            else:
                hi = start
        return lo

    def entry(self, word: str) -> dict[str, tuple[str, ...]]:
        """The table's entry for a lower-case word (its lemmas by part of speech), as lemminflect loads it."""
        out: dict[str, tuple[str, ...]] = {}
        text, start = self.text, self._first_line(word)
        while start < len(text):
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            line = text[start:end]
            if _word_of(line) != word:
                break
            _, category, forms = LemmaLUCodec.fromString(line)
            out[categoryToUPos(category)] = forms
            start = end + 1
        return out

    def lemmas(self, word: str) -> dict[str, tuple[str, ...]]:
        caps_style = getCapsStyle(word)
        low = word.lower()
        found = self.entry(low)
        found.update(deepcopy(self.overrides.get(low, {})))
        out: dict[str, tuple[str, ...]] = applyCapsStyleToDict(found, caps_style)
        return out


@cache
def lemma_table() -> LemmaTable:
    return LemmaTable()


@lru_cache(maxsize=65536)
def parts_of_speech(word: str) -> frozenset[str]:
    """The parts of speech lemminflect knows ``word`` (lower case) as: {"VERB", "NOUN", "ADJ", ...}."""
    return frozenset(lemma_table().lemmas(word))


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
    lemmas = lemma_table().lemmas(w)
    if "VERB" not in lemmas:
        return None
    base = lemmas["VERB"][0]
    if base in NOT_VERBS:
        return None
    if loose or base in VERBS or lemmas.keys() <= {"VERB", "ADJ"}:
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
