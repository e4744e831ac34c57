"""``extract export OUT DEST --format F``: a finished output folder as the files comparison sites load.

- ``jsonl``: ``articles.jsonl``, one article per line, as written;
- ``csv``: ``roles.csv`` (one row per article and role) and ``facts.csv`` (one row per fact and role);
- ``sqlite``: ``articles.sqlite`` (``pipeline.export.sqlite``), updated in place: only articles
  whose input changed are written again, and only the occupations (SOC codes) they cover rebuilt;
- ``jsonld``: ``occupations.jsonld``, a list of schema.org ``Occupation`` objects, one per article
  and role (``pipeline.export.jsonld``).

Only inputs the manifest lists as ``ok`` or ``skipped`` are exported. Files are written next to
their final name and renamed into place, so a reader never sees half a file.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.export import jsonld
from pipeline.export.atomic import replacing
from pipeline.export.rows import FACT_COLUMNS, ROLE_COLUMNS, fact_rows, role_rows
from pipeline.export.source import ExportError, Output, manifest, outputs, read
from pipeline.export.sqlite import Database

FORMATS = ("jsonl", "csv", "sqlite", "jsonld")
__all__ = ["FORMATS", "ExportError", "ExportSummary", "export"]


@dataclass
class ExportSummary:
    articles: int = 0
    written: int = 0
    files: tuple[str, ...] = ()
    removed: int = 0
    # SQLite: the occupations rebuilt because articles covering them were written or removed.
    occupations: int = 0


def _jsonl(items: Iterator[Output], dest: Path, summary: ExportSummary, tick: Callable[[str], None]) -> None:
    with replacing(dest / "articles.jsonl") as handle:
        for item in items:
            handle.write(item.article.model_dump_json() + "\n")
            summary.written += 1
            tick(item.entry.path)
    summary.files = ("articles.jsonl",)


def _csv(items: Iterator[Output], dest: Path, summary: ExportSummary, tick: Callable[[str], None]) -> None:
    with replacing(dest / "roles.csv", newline="") as roles, replacing(dest / "facts.csv", newline="") as facts:
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
    with replacing(dest / "occupations.jsonld") as handle:
        json.dump(found, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    summary.files = ("occupations.jsonld",)


def export(out: str | Path, dest: str | Path, fmt: str, tick: Callable[[str], None] | None = None) -> ExportSummary:
    """Export the outputs in ``out`` to ``dest`` in format ``fmt``; ``tick``, if given, is called per article."""
    step: Callable[[str], None] = tick if tick is not None else (lambda path: None)
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    out, dest = Path(out), Path(dest)
    entries = manifest(out)
    dest.mkdir(parents=True, exist_ok=True)
    summary = ExportSummary(articles=len(entries))
    if fmt == "sqlite":
        db = Database(dest / "articles.sqlite")
        try:
            for entry in entries:
                if not db.unchanged(entry):
                    db.write(read(out, entry))
                    summary.written += 1
                step(entry.path)
            summary.removed = db.keep_only({e.path for e in entries})
            by_path = {e.path: e for e in entries}
            summary.occupations = db.refresh_occupations(lambda path: read(out, by_path[path]).article)
        finally:
            db.close()
        summary.files = ("articles.sqlite",)
        return summary
    writer = {"jsonl": _jsonl, "csv": _csv, "jsonld": _jsonld}[fmt]
    writer(outputs(out, entries), dest, summary, step)
    return summary
