"""The texts rules are asked about, with what the rules need of them computed once.

- ``Piece``: a text and its case fold; what a matcher (``pipeline.rules.matcher``) takes.
  ``piece[a:b]`` is a piece of it that keeps its share of the fold.
- ``Text``: a piece that also knows its lower case and its words, and keeps the answers rules
  have given about it; cue words (``pipeline.rules.cues``) take one. A sentence is a ``Text``
  (``pipeline.types.Sentence``). What is worked out from the text alone is kept by text
  (``pipeline.rules.cache``): every ``Text`` of the same words shares it.
"""

from __future__ import annotations

import re
from typing import Any

from pipeline.rules.cache import text_cache

WORD = re.compile(r"[a-z][a-z'’-]*")


def _fold(text: str, low: str) -> str:
    # The lower case is the case fold of ASCII text, and cheaper to make.
    return low if low.isascii() else text.casefold()


class Piece:
    """``text`` with its case fold."""

    __slots__ = ("text", "fold", "same_length")

    def __init__(self, text: str, fold: str | None = None) -> None:
        self.text = text
        self.fold = _fold(text, text.lower()) if fold is None else fold
        # Matchers may run on the fold in place of the text only where offsets agree.
        self.same_length = len(self.fold) == len(text)

    def __getitem__(self, part: slice) -> Piece:
        """The piece ``text[part]`` as a text of its own (``^`` and ``\\b`` see only the piece)."""
        piece = self.text[part]
        return Piece(piece, self.fold[part]) if self.same_length else Piece(piece)

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.text!r})"


class Text(Piece):
    """A piece with its lower case, its set of words, and the answers given about it, keyed by
    the asker (a clause of a sentence): several extractors ask one sentence the same questions.
    ``text_answers`` holds those that depend on the text alone (a cue word set's), shared by the
    texts of the same words."""

    __slots__ = ("low", "words", "answers", "text_answers")

    def __init__(self, text: str) -> None:
        low, fold, self.words, self.text_answers = _read(text)
        super().__init__(text, fold)
        self.low = low
        self.answers: dict[Any, Any] = {}


@text_cache(maxsize=16384)
def _read(text: str) -> tuple[str, str, frozenset[str], dict[Any, Any]]:
    """A text's lower case, case fold, words and answers about it alone, kept by text: sentences recur."""
    low = text.lower()
    return low, _fold(text, low), frozenset(WORD.findall(low)), {}
