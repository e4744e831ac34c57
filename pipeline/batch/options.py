"""The options of a batch run, in a module of their own that imports nothing: ``extract --help``
shows their defaults without loading the pipeline."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
DEFAULT_TIMEOUT = 30.0


@dataclass(frozen=True)
class Options:
    force: bool = False
    prune: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    # Worker processes; 1 runs every document in this process (``extract`` defaults to the CPUs).
    workers: int = 1
    # A Dask distributed scheduler (``tcp://host:8786``): run the documents on its cluster instead.
    dask_scheduler: str | None = None
    # Extract the facts of pages judged not about occupations too (they stay ``not_career`` otherwise).
    keep_all: bool = False
