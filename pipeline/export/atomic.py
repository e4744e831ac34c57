"""Files written beside their final name and renamed into place, so a reader never sees half a file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


@contextmanager
def replacing(path: Path, newline: str | None = None) -> Iterator[IO[str]]:
    """A text file written beside ``path`` and renamed onto it when complete."""
    part = path.with_name(f".{path.name}.part")
    with part.open("w", encoding="utf-8", newline=newline) as handle:
        yield handle
    os.replace(part, path)
