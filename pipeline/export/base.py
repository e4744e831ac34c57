"""The export's vocabulary, shared by its entry point and its writers: the formats, what an export
reports, and how it fails. Imports nothing heavy: the CLI shows ``FORMATS`` in its help."""

from __future__ import annotations

from dataclasses import dataclass

FORMATS = ("jsonl", "csv", "sqlite", "jsonld")


class ExportError(Exception):
    """An output of the folder that cannot be read; the message is one line."""


@dataclass
class ExportSummary:
    articles: int = 0
    written: int = 0
    files: tuple[str, ...] = ()
    removed: int = 0
