"""``PhraseTable``: phrases found by their tokens' lower-case forms, as ``PhraseMatcher(attr="LOWER")``
finds them, from plain dictionaries.

spaCy's matcher makes a lexeme of every key it is given and a Doc (or string-store entries) of every
phrase; for a gazetteer of thousands of entries that is most of a run's start-up spent on its short
texts. The table's answers are the matcher's: every (key, start, end) whose phrase is the tokens from
start to end, by start, then end.
"""

from __future__ import annotations

from collections.abc import Sequence


class _Node:
    """The phrases that go on with a token (``next``) and the keys of those that end with it."""

    __slots__ = ("next", "keys")

    def __init__(self) -> None:
        self.next: dict[str, _Node] = {}
        self.keys: list[str] = []


class PhraseTable:
    """Phrases (tuples of lower-case token texts) under keys; of keys that share a phrase, the one added
    first is found first."""

    def __init__(self) -> None:
        self.root = _Node()

    def add(self, key: str, phrase: tuple[str, ...]) -> None:
        if not phrase:
            return
        node = self.root
        for word in phrase:
            child = node.next.get(word)
            if child is None:
                child = node.next[word] = _Node()
            node = child
        if key not in node.keys:
            node.keys.append(key)

    def __call__(self, words: Sequence[str]) -> list[tuple[str, int, int]]:
        """(key, start, end) of every phrase that ``words`` (the lower-case forms of a Doc's tokens)
        hold from start to end."""
        found = []
        for start in range(len(words)):
            node = self.root
            for end in range(start, len(words)):
                child = node.next.get(words[end])
                if child is None:
                    break
                node = child
                found += [(key, start, end + 1) for key in node.keys]
        return found
