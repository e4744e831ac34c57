"""The export's vocabulary, shared by its entry point and its writers: the formats, the options, what
an export reports, and how it fails. Imports nothing heavy: the CLI shows ``FORMATS`` in its help."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.batch.errors import UsageError

FORMATS = ("jsonl", "csv", "sqlite", "jsonld")


class ExportError(Exception):
    """An output of the folder that cannot be read; the message is one line."""


@dataclass
class ExportSummary:
    articles: int = 0
    written: int = 0
    files: tuple[str, ...] = ()
    removed: int = 0
    # SQLite: the occupations rebuilt because articles covering them were written or removed.
    occupations: int = 0


@dataclass(frozen=True)
class ExportOptions:
    """``min_confidence``: only facts whose confidence is at least this are exported (0 exports every fact);
    the comparison block is made again from the facts kept (``pipeline.export.options``)."""

    min_confidence: float = 0.0

    def __post_init__(self) -> None:
        if not 0 <= self.min_confidence <= 1:
            raise UsageError(f"min confidence must be between 0 and 1, not {self.min_confidence}")
