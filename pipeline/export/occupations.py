"""``extract profiles OUT DEST``: one profile per occupation (SOC code) across the articles of a
finished output folder, as ``DEST/profiles.jsonl`` (``schemas.profile.Profile``, one per line) and
``DEST/profiles.jsonld`` (a list of schema.org ``Occupation`` objects).

Articles are read one at a time through the manifest (inputs listed ``ok`` or ``skipped``). With
``min_confidence``, facts whose ``confidence`` is below it stay out (facts without one stay in).
A missing manifest, a destination that is no writable folder and a threshold outside 0-1 are
``UsageError``s; an output that cannot be read is an ``ExportError``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pipeline.batch.errors import UsageError, need_folder
from pipeline.export.atomic import replacing
from pipeline.export.jsonld import profile_occupation
from pipeline.export.source import manifest, outputs
from pipeline.profiles import Collector
from schemas.profile import Profile

FILES = ("profiles.jsonl", "profiles.jsonld")


@dataclass
class ProfilesSummary:
    articles: int = 0
    profiles: int = 0
    # Roles no profile holds: their articles named no SOC occupation for them.
    uncoded: int = 0
    outliers: int = 0
    files: tuple[str, ...] = FILES


def write(dest: Path, profiles: list[Profile]) -> None:
    with replacing(dest / FILES[0]) as handle:
        for profile in profiles:
            handle.write(profile.model_dump_json() + "\n")
    with replacing(dest / FILES[1]) as handle:
        json.dump([profile_occupation(p) for p in profiles], handle, ensure_ascii=False, indent=1)
        handle.write("\n")


def profiles(out: str | Path, dest: str | Path, min_confidence: float | None = None,
             tick: Callable[[str], None] | None = None) -> ProfilesSummary:
    """Write the profiles of the articles in ``out`` to ``dest``; ``tick``, if given, is called per article."""
    if min_confidence is not None and not 0 <= min_confidence <= 1:
        raise UsageError(f"--min-confidence must be between 0 and 1, not {min_confidence}")
    out, dest = Path(out), Path(dest)
    entries = manifest(out)
    need_folder(dest, "destination")
    summary = ProfilesSummary(articles=len(entries))

    collector = Collector(min_confidence)
    for item in outputs(out, entries):
        collector.add(item.article, item.entry.path)
        summary.uncoded += sum(1 for r in item.article.roles if not r.soc)
        if tick is not None:
            tick(item.entry.path)
    found = collector.profiles()
    write(dest, found)
    summary.profiles = len(found)
    summary.outliers = sum(1 for p in found for s in p.salaries if s.outlier)
    return summary
