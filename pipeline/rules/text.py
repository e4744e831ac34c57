"""``Text``: a piece of article text with what the rules ask of it, each computed once.

Matchers (``pipeline.rules.matcher``) and cue words (``pipeline.rules.cues``) take a ``Text``; a
sentence is one (``pipeline.types.Sentence``), and ``text[a:b]`` is a piece of it that keeps its
share of what was computed.
"""

from __future__ import annotations

import re
from typing import Any

WORD = re.compile(r"[a-z][a-z'’-]*")


class Text:
    """``text`` with its case fold, lower case and word set, and the answers given about it.

    ``answers`` holds what a rule found out about the text, keyed by the asker (a cue word set, a
    clause of a sentence): several extractors ask the same questions of one sentence.
    """

    __slots__ = ("text", "fold", "same_length", "_low", "_words", "answers")

    def __init__(self, text: str, fold: str | None = None) -> None:
        self.text = text
        if fold is None:
            low = text.lower()
            # The lower case is the case fold of ASCII text, and cheaper to make.
            fold = low if low.isascii() else text.casefold()
            self._low: str | None = low
        else:
            self._low = None
        self.fold = fold
        # Matchers may run on the fold in place of the text only where offsets agree.
        self.same_length = len(fold) == len(text)
        self._words: frozenset[str] | None = None
        self.answers: dict[Any, Any] = {}

    @property
    def low(self) -> str:
        low = self._low
        if low is None:
            low = self._low = self.text.lower()
        return low

    @property
    def words(self) -> frozenset[str]:
        """The lower-case words of the text (letters, apostrophes and hyphens)."""
        words = self._words
        if words is None:
            words = self._words = frozenset(WORD.findall(self.low))
        return words

    def __getitem__(self, part: slice) -> Text:
        """The piece ``text[part]`` as a text of its own (``^`` and ``\\b`` see only the piece)."""
        piece = self.text[part]
        if self.same_length:
            return Text(piece, self.fold[part])
        return Text(piece)

    def __len__(self) -> int:
        return len(self.text)

    def __repr__(self) -> str:
        return f"Text({self.text!r})"
