"""``extract export OUT DEST --format F``: a finished output folder as the files comparison sites load.

- ``jsonl``: ``articles.jsonl``, one article per line, as written;
- ``csv``: ``roles.csv`` (one row per article and role) and ``facts.csv`` (one row per fact and role);
- ``sqlite``: ``articles.sqlite`` (``pipeline.export.sqlite``), updated in place: only articles
  whose input changed are written again;
- ``jsonld``: ``occupations.jsonld``, a list of schema.org ``Occupation`` objects, one per article
  and role (``pipeline.export.jsonld``).

Only inputs the manifest lists as ``ok`` or ``skipped`` are exported; ``ExportOptions`` can keep
only the facts of at least a confidence (``--min-confidence``). Files are written next to their
final name and renamed into place, so a reader never sees half a file.
"""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from pipeline.export import jsonld
from pipeline.export.options import ExportOptions, kept
from pipeline.export.rows import FACT_COLUMNS, ROLE_COLUMNS, fact_rows, role_rows
from pipeline.export.source import ExportError, Output, manifest, outputs, read
from pipeline.export.sqlite import Database

FORMATS = ("jsonl", "csv", "sqlite", "jsonld")
__all__ = ["FORMATS", "ExportError", "ExportOptions", "ExportSummary", "export"]


@dataclass
class ExportSummary:
    articles: int = 0
    written: int = 0
    files: tuple[str, ...] = ()
    removed: int = 0


@contextmanager
def _replacing(path: Path, newline: str | None = None) -> Iterator[IO[str]]:
    """A text file written beside ``path`` and renamed onto it when complete."""
    part = path.with_name(f".{path.name}.part")
    with part.open("w", encoding="utf-8", newline=newline) as handle:
        yield handle
    os.replace(part, path)


def _jsonl(items: Iterator[Output], dest: Path, summary: ExportSummary, tick: Callable[[str], None]) -> None:
    with _replacing(dest / "articles.jsonl") as handle:
        for item in items:
            handle.write(item.article.model_dump_json() + "\n")
            summary.written += 1
            tick(item.entry.path)
    summary.files = ("articles.jsonl",)


def _csv(items: Iterator[Output], dest: Path, summary: ExportSummary, tick: Callable[[str], None]) -> None:
    with _replacing(dest / "roles.csv", newline="") as roles, _replacing(dest / "facts.csv", newline="") as facts:
        role_writer = csv.DictWriter(roles, ROLE_COLUMNS)
        fact_writer = csv.DictWriter(facts, FACT_COLUMNS)
        role_writer.writeheader()
        fact_writer.writeheader()
        for item in items:
            role_writer.writerows(role_rows(item.article, item.entry.path))
            fact_writer.writerows(fact_rows(item.article, item.entry.path))
            summary.written += 1
            tick(item.entry.path)
    summary.files = ("roles.csv", "facts.csv")


def _jsonld(items: Iterator[Output], dest: Path, summary: ExportSummary, tick: Callable[[str], None]) -> None:
    found: list[dict[str, object]] = []
    for item in items:
        found.extend(jsonld.occupations(item.article))
        summary.written += 1
        tick(item.entry.path)
    with _replacing(dest / "occupations.jsonld") as handle:
        json.dump(found, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    summary.files = ("occupations.jsonld",)


def export(out: str | Path, dest: str | Path, fmt: str, tick: Callable[[str], None] | None = None,
           options: ExportOptions | None = None) -> ExportSummary:
    """Export the outputs in ``out`` to ``dest`` in format ``fmt``; ``tick``, if given, is called per article."""
    step: Callable[[str], None] = tick if tick is not None else (lambda path: None)
    opts = options if options is not None else ExportOptions()

    def keep(item: Output) -> Output:
        return Output(item.entry, kept(item.article, opts))

    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    out, dest = Path(out), Path(dest)
    entries = manifest(out)
    dest.mkdir(parents=True, exist_ok=True)
    summary = ExportSummary(articles=len(entries))
    if fmt == "sqlite":
        db = Database(dest / "articles.sqlite", {"min_confidence": str(opts.min_confidence)})
        try:
            for entry in entries:
                if not db.unchanged(entry):
                    db.write(keep(read(out, entry)))
                    summary.written += 1
                step(entry.path)
            summary.removed = db.keep_only({e.path for e in entries})
        finally:
            db.close()
        summary.files = ("articles.sqlite",)
        return summary
    writer = {"jsonl": _jsonl, "csv": _csv, "jsonld": _jsonld}[fmt]
    writer(map(keep, outputs(out, entries)), dest, summary, step)
    return summary
