"""``extract export OUT DEST --format F``: a finished output folder as the files comparison sites load.

- ``jsonl``: ``articles.jsonl``, one article per line, as written;
- ``csv``: ``roles.csv`` (one row per article and role) and ``facts.csv`` (one row per fact and role);
- ``sqlite``: ``articles.sqlite`` (``pipeline.export.sqlite``), updated in place: only articles
  whose input changed are written again;
- ``jsonld``: ``occupations.jsonld``, a list of schema.org ``Occupation`` objects, one per article
  and role (``pipeline.export.jsonld``).

Only inputs the manifest lists as ``ok`` or ``skipped`` are exported; ``ExportOptions`` can keep
only the facts of at least a confidence (``--min-confidence``). A missing or unreadable
manifest and a destination that is not a writable folder are ``UsageError``s; an output that
cannot be read is an ``ExportError``. This module loads nothing heavy (the CLI shows ``FORMATS``
in its help); ``pipeline.export.files`` does the writing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipeline.batch.errors import UsageError
from pipeline.export.base import FORMATS, ExportError, ExportOptions, ExportSummary

__all__ = ["FORMATS", "ExportError", "ExportOptions", "ExportSummary", "export"]


def export(out: str | Path, dest: str | Path, fmt: str, tick: Callable[[str], None] | None = None,
           options: ExportOptions | None = None) -> ExportSummary:
    """Export the outputs in ``out`` to ``dest`` in format ``fmt``; ``tick``, if given, is called per article."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    from pipeline.export.files import write

    return write(Path(out), Path(dest), fmt, tick if tick is not None else (lambda path: None),
                 options if options is not None else ExportOptions())
