"""The finished outputs of an ``extract`` run, read through its manifest."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from pipeline.batch.errors import UsageError, reason
from pipeline.batch.journal import MANIFEST
from pipeline.export.base import ExportError
from schemas.article import Article, ManifestEntry


@dataclass(frozen=True)
class Output:
    """One input's article, as the manifest lists it."""

    entry: ManifestEntry
    article: Article


def manifest(out: Path) -> list[ManifestEntry]:
    """The manifest's entries whose output is there to read (status ok or skipped)."""
    return [e for e in all_entries(out) if e.status in ("ok", "skipped") and e.output]


def all_entries(out: Path) -> list[ManifestEntry]:
    """Every entry of the manifest, failed ones too."""
    path = out / MANIFEST
    if not out.is_dir():
        raise UsageError(f"output folder {str(out)!r} does not exist or is not a folder")
    if not path.is_file():
        raise UsageError(f"{out} has no {MANIFEST}: is it an output folder of 'extract SRC DST'?")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"cannot read {path}: {reason(exc)}") from None
    entries: list[ManifestEntry] = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            entry = ManifestEntry.model_validate(json.loads(line))
        except (ValueError, ValidationError) as exc:
            raise UsageError(f"{path}:{n}: not a manifest line ({type(exc).__name__})") from exc
        entries.append(entry)
    return entries


def read(out: Path, entry: ManifestEntry) -> Output:
    assert entry.output is not None
    path = out / entry.output
    try:
        article = Article.model_validate_json(path.read_bytes())
    except (OSError, ValidationError) as exc:
        raise ExportError(f"{path}: cannot be read as an article ({type(exc).__name__})") from exc
    return Output(entry, article)


def outputs(out: Path, entries: list[ManifestEntry]) -> Iterator[Output]:
    for entry in entries:
        yield read(out, entry)
