"""How a command fails: the errors that stop a whole run (and the folder checks that raise them), and
the one-line reason an input fails with."""

from __future__ import annotations

import os
import re
from pathlib import Path

MAX_REASON = 300


class UsageError(Exception):
    """Bad arguments for a whole run (exit status 2)."""


class RunError(Exception):
    """The run as a whole could not finish (e.g. the manifest cannot be written)."""


def need_folder(path: Path, what: str) -> None:
    """Make ``path`` a folder this process can write in, or say in one line why it cannot be one."""
    if path.exists() and not path.is_dir():
        raise UsageError(f"{what} {str(path)!r} exists and is not a folder")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot create {what} {str(path)!r}: {exc.strerror}") from None
    if not os.access(path, os.R_OK | os.W_OK | os.X_OK):
        raise UsageError(f"{what} {str(path)!r} is not readable and writable")


def one_line(text: str) -> str:
    line = re.sub(r"\s+", " ", text).strip()
    return line if len(line) <= MAX_REASON else line[: MAX_REASON - 1] + "…"


def reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        detail = exc.strerror
    else:
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return one_line(f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__)
