"""How a batch fails: the errors that stop a whole run, and the one-line reason an input fails with."""

from __future__ import annotations

import re

MAX_REASON = 300


class UsageError(Exception):
    """Bad arguments for a whole run (exit status 2)."""


class RunError(Exception):
    """The run as a whole could not finish (e.g. the manifest cannot be written)."""


def one_line(text: str) -> str:
    line = re.sub(r"\s+", " ", text).strip()
    return line if len(line) <= MAX_REASON else line[: MAX_REASON - 1] + "…"


def reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        detail = exc.strerror
    else:
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return one_line(f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__)
