"""Caches of results keyed by a piece of article text: a sentence, a clause, a heading.

Within an article several extractors ask about the same sentence; across articles, boilerplate
sentences recur. ``clear()`` empties every such cache, so that a benchmark can also measure
throughput on text the process has never seen (word-level caches, such as verb forms, stay:
a real corpus repeats its vocabulary).

``text_cache`` keeps a function's answers by its arguments; ``TextStore`` keeps answers that code
works out together (the lexicon matches of several stretches of text, tokenized in one run) or from
more than its key holds.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from functools import lru_cache
from typing import Any, Generic, TypeVar, cast

F = TypeVar("F", bound=Callable[..., Any])
V = TypeVar("V")
_CACHES: list[Any] = []


def text_cache(maxsize: int) -> Callable[[F], F]:
    def wrap(fn: F) -> F:
        cached = lru_cache(maxsize=maxsize)(fn)
        _CACHES.append(cached)
        return cast(F, cached)

    return wrap


class TextStore(Generic[V]):
    """Answers kept by text (or by a key that holds the text), the least recently used dropped past
    ``maxsize``, for code that works out the missing ones together or from more than the key holds
    (``text_cache`` keeps one call's answer, keyed by all its arguments)."""

    def __init__(self, maxsize: int) -> None:
        self.maxsize = maxsize
        self._kept: OrderedDict[Hashable, V] = OrderedDict()
        _CACHES.append(self)

    def get(self, key: Hashable) -> V | None:
        found = self._kept.get(key)
        if found is not None:
            self._kept.move_to_end(key)
        return found

    def put(self, key: Hashable, value: V) -> None:
        self._kept[key] = value
        self._kept.move_to_end(key)
        if len(self._kept) > self.maxsize:
            self._kept.popitem(last=False)

    def cache_clear(self) -> None:
        self._kept.clear()


def clear() -> None:
    for cached in _CACHES:
        cached.cache_clear()
