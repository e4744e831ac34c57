"""The writers of ``extract export``, one per format (see ``pipeline.export``)."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from pipeline.batch.errors import need_folder
from pipeline.export import jsonld
from pipeline.export.atomic import replacing
from pipeline.export.base import ExportError, ExportOptions, ExportSummary
from pipeline.export.options import kept
from pipeline.export.rows import FACT_COLUMNS, ROLE_COLUMNS, fact_rows, role_rows
from pipeline.export.source import Output, manifest, outputs, read
from pipeline.export.sqlite import Database
from schemas.article import ManifestEntry


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


def _sqlite(out: Path, entries: list[ManifestEntry], dest: Path, summary: ExportSummary,
            tick: Callable[[str], None], options: ExportOptions) -> None:
    path = dest / "articles.sqlite"
    try:
        db = Database(path, {"min_confidence": str(options.min_confidence)})
        try:
            for entry in entries:
                if not db.unchanged(entry):
                    output = read(out, entry)
                    db.write(Output(output.entry, kept(output.article, options)))
                    summary.written += 1
                tick(entry.path)
            summary.removed = db.keep_only({e.path for e in entries})
            by_path = {e.path: e for e in entries}
            summary.occupations = db.refresh_occupations(lambda path: read(out, by_path[path]).article)
        finally:
            db.close()
    except sqlite3.Error as exc:  # not a database, locked, a disk full: one line, not a traceback
        raise ExportError(f"{path}: {exc}") from None
    summary.files = ("articles.sqlite",)


def write(out: Path, dest: Path, fmt: str, tick: Callable[[str], None], options: ExportOptions) -> ExportSummary:
    """``pipeline.export.export``'s work: the manifest read, the destination made, the files written
    (of each article, the facts the options keep)."""
    entries = manifest(out)
    need_folder(dest, "destination")
    summary = ExportSummary(articles=len(entries))
    if fmt == "sqlite":
        _sqlite(out, entries, dest, summary, tick, options)
    else:
        writer = {"jsonl": _jsonl, "csv": _csv, "jsonld": _jsonld}[fmt]
        items = (Output(item.entry, kept(item.article, options)) for item in outputs(out, entries))
        writer(items, dest, summary, tick)
    return summary
