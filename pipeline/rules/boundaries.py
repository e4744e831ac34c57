"""Sentence boundaries: where sentences start in a text, respecting block breaks (newlines) and common
abbreviations ("vs.", "e.g.", "U.S.") that the stock sentencizer splits on. The rules need no tokens,
so the sentences stage asks them of the text itself; the ``career_sentences`` component
(``pipeline.rules.components``) marks the same starts on a Doc.
"""

from __future__ import annotations

import re

from pipeline.rules.loader import load_terms

ABBREVIATIONS = load_terms("abbreviations.txt")
CLOSING = load_terms("closing_abbreviations.txt")
# A capitalized word, then a lower-case one: a sentence's opening, not a name ("M.D. Anderson Center").
OPENS_SENTENCE = re.compile(r"[\"“‘'(]?[A-Z][a-z]+\s+[a-z]")


# A newline, or ".", "?", "!" then a space before a capital or digit. Each alternative opens with a
# literal character, so the engine skips ahead to candidate characters (3 times faster).
_STOP_TAIL = r"[\"”’)]?[ \t]+(?=[\"“‘'(]?[A-Z0-9])"
BOUNDARY = re.compile(r"\n\s*|\." + _STOP_TAIL + r"|\?" + _STOP_TAIL + r"|!" + _STOP_TAIL)


MAX_SENTENCE = 600
INITIALS = re.compile(r"(?:[a-z]\.){1,3}")
# "World War I. Most ...", "Level I. Then ...": the numeral one ends the sentence; it is no initial.
NUMERAL_ONE = re.compile(r"\b(?:War|Level|Phase|Type|Stage|Class|Grade|Part|Title|Tier|Step|Chapter|Section) I$")


def _cap_lengths(text: str, boundaries: list[int]) -> list[int]:
    """Break run-on "sentences" (lists without full stops, scraped tables) every ~600 characters.

    Per-sentence rules look at whole sentences; an unbounded sentence makes them quadratic.
    """
    out: list[int] = []
    ends = boundaries[1:] + [len(text)]
    for start, end in zip(boundaries, ends, strict=True):
        out.append(start)
        pos = start
        while end - pos > MAX_SENTENCE:
            cut = text.rfind(" ", pos + MAX_SENTENCE // 2, pos + MAX_SENTENCE)
            if cut <= pos:
                cut = text.find(" ", pos + MAX_SENTENCE, end)  # a sentence starts where a token does
                if cut < 0:
                    break
            pos = cut + 1
            out.append(pos)
    return out


def sentence_starts(text: str) -> list[int]:
    """Character offsets where sentences start: 0, then after a newline, or after ".", "?", "!" and
    a space before a capital or digit, unless the word before is an abbreviation.

    Every start follows whitespace, so it is also where a token starts.
    """
    if not text:
        return []
    boundaries = [0]
    for m in BOUNDARY.finditer(text):
        if text[m.start()] != "\n":
            word = text[text.rfind(" ", 0, m.start()) + 1 : m.start() + 1].lstrip("\"“‘'(").lower()
            closes = word in CLOSING and OPENS_SENTENCE.match(text, m.end()) is not None
            if (word in ABBREVIATIONS and not closes) or (
                    len(word) <= 6 and INITIALS.fullmatch(word) and not closes
                    and not NUMERAL_ONE.search(text, max(0, m.start() - 12), m.start())):
                continue
        if m.end() < len(text):
            boundaries.append(m.end())
    ends = [*boundaries[1:], len(text)]
    if all(end - start <= MAX_SENTENCE for start, end in zip(boundaries, ends, strict=True)):
        return boundaries  # increasing, as found: nothing to cut or merge
    return list(dict.fromkeys(_cap_lengths(text, boundaries)))
