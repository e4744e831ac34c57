"""The writers of ``extract export``, one per format (see ``pipeline.export``)."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from pipeline.batch.errors import need_folder
from pipeline.export import jsonld
from pipeline.export.base import ExportError, ExportSummary
from pipeline.export.rows import FACT_COLUMNS, ROLE_COLUMNS, fact_rows, role_rows
from pipeline.export.source import Output, manifest, outputs, read
from pipeline.export.sqlite import Database
from schemas.article import ManifestEntry


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


def _sqlite(out: Path, entries: list[ManifestEntry], dest: Path, summary: ExportSummary,
            tick: Callable[[str], None]) -> None:
    path = dest / "articles.sqlite"
    try:
        db = Database(path)
        try:
            for entry in entries:
                if not db.unchanged(entry):
                    db.write(read(out, entry))
                    summary.written += 1
                tick(entry.path)
            summary.removed = db.keep_only({e.path for e in entries})
        finally:
            db.close()
    except sqlite3.Error as exc:  # not a database, locked, a disk full: one line, not a traceback
        raise ExportError(f"{path}: {exc}") from None
    summary.files = ("articles.sqlite",)


def write(out: Path, dest: Path, fmt: str, tick: Callable[[str], None]) -> ExportSummary:
    """``pipeline.export.export``'s work: the manifest read, the destination made, the files written."""
    entries = manifest(out)
    need_folder(dest, "destination")
    summary = ExportSummary(articles=len(entries))
    if fmt == "sqlite":
        _sqlite(out, entries, dest, summary, tick)
    else:
        writer = {"jsonl": _jsonl, "csv": _csv, "jsonld": _jsonld}[fmt]
        writer(outputs(out, entries), dest, summary, tick)
    return summary
