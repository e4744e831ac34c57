"""Phrases as the tokenizer reads them: ``lower_tokens`` (their tokens' lower-case forms) and
``lower_patterns`` (the same as a PhraseMatcher's patterns), and ``PhraseTable``, which finds phrases
by their tokens' lower-case forms, as ``PhraseMatcher(attr="LOWER")`` finds them, from plain
dictionaries.

spaCy's matcher makes a lexeme of every key it is given and a Doc (or string-store entries) of every
phrase; for a gazetteer of thousands of entries that is most of a run's start-up spent on its short
texts. The table's answers are the matcher's: every (key, start, end) whose phrase is the tokens from
start to end, by start, then end.
"""

from __future__ import annotations

import re
from collections.abc import KeysView, Sequence
from typing import Any

from spacy.language import Language


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


# Lower-case ASCII words between single spaces, each maybe followed by a comma: the tokenizer makes
# each word one token and splits a comma off as another, unless the word is one of its special
# cases ("cannot" -> "can" "not").
PLAIN_WORDS = re.compile(r"[a-z]+,?(?: [a-z]+,?)*")


def lower_tokens(nlp: Language, texts: list[str]) -> list[tuple[str, ...]]:
    """The lower-case forms of the tokens the tokenizer makes of each of ``texts``: for a text of plain
    words read off the text itself, else off the Doc the tokenizer makes of it.

    A gazetteer of thousands of names is read in a fraction of the time: no Doc, and no lexeme for
    a word until a text has it.
    """
    tokenizer: Any = nlp.tokenizer
    special: dict[str, Any] = tokenizer.rules
    out: list[tuple[str, ...] | None] = []
    others: list[str] = []
    for text in texts:
        words = _plain_words(text, special.keys())
        out.append(words)
        if words is None:
            others.append(text)
    docs = iter(tokenizer.pipe(others))
    return [words if words is not None else tuple(token.lower_ for token in next(docs)) for words in out]


def _plain_words(text: str, special_cases: KeysView[str]) -> tuple[str, ...] | None:
    """The tokens of a text of plain words none of which is a special case: its words, each comma
    a token of its own; None for any other text."""
    if not PLAIN_WORDS.fullmatch(text):
        return None
    chunks = text.split(" ")
    words = text.replace(",", " ,").split(" ") if "," in text else chunks
    return tuple(words) if special_cases.isdisjoint(chunks) and special_cases.isdisjoint(words) else None


def lower_patterns(nlp: Language, texts: list[str]) -> list[Any]:
    """A ``PhraseMatcher(attr="LOWER")``'s patterns for ``texts``: what the matcher reads off the Docs
    the tokenizer makes of them, their tokens' lower-case forms (``lower_tokens``) as hashes in the
    string store (the form spaCy pickles a PhraseMatcher's patterns in)."""
    add = nlp.vocab.strings.add
    return [tuple(add(word) for word in words) for words in lower_tokens(nlp, texts)]
