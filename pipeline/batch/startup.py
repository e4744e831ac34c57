"""A run's start-up: loading the pipeline with Python's cyclic garbage collector paused.

Loading the pipeline (the imports, the spaCy pipelines, the rule files, lemminflect's tables) makes
hundreds of thousands of objects that live as long as the process and hold no garbage cycles; the
collections their allocations set off walk them all again for nothing, a large share of the
start-up's CPU time (``benchmarks/startup_bench.py`` measures the start-up). The collector runs as
usual afterwards. Imports nothing heavy: the CLI uses it before it loads the pipeline.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
