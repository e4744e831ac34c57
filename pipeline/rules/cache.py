"""Caches of results keyed by a piece of article text: a sentence, a clause, a heading.

Within an article several extractors ask about the same sentence; across articles, boilerplate
sentences recur. ``clear()`` empties every such cache, so that a benchmark can also measure
throughput on text the process has never seen (word-level caches, such as verb forms, stay:
a real corpus repeats its vocabulary).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar, cast

F = TypeVar("F", bound=Callable[..., Any])
_CACHES: list[Any] = []


def text_cache(maxsize: int) -> Callable[[F], F]:
    def wrap(fn: F) -> F:
        cached = lru_cache(maxsize=maxsize)(fn)
        _CACHES.append(cached)
        return cast(F, cached)

    return wrap


def clear() -> None:
    for cached in _CACHES:
        cached.cache_clear()
