"""Worker processes: a build uses every core it may for work that needs nothing but its inputs.

Image renditions and share images (lantai/build_cache.py) and the search index's copies of the
pages (lantai/search/index.py) are made by a pool of processes, one per core the build may
use (`LANTAI_WORKERS` sets the number; 0 or 1 keeps everything in the build's own process, as
profiling needs). The pool starts from a clean server process (`forkserver`), not a fork of
the build: `serve` runs threads (the live-reload server), and a forked copy of a threaded
process can hang. What a worker needs is imported by name (`PRELOAD`); arguments and results
are plain values.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

PRELOAD = ["lantai.views.share", "lantai.views.media", "lantai.views.iiif", "lantai.search.chinese"]


def count(asked: int | None = None) -> int:
    """How many worker processes a build may use."""
    if asked is not None:
        return asked
    value = os.environ.get("LANTAI_WORKERS", "")
    if value.isdigit():
        return int(value)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def pool(workers: int) -> ProcessPoolExecutor:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return ProcessPoolExecutor(max_workers=workers, mp_context=context)


def map_all(function, items: list, workers: int | None = None, below: int = 64) -> list:
    """`[function(item) for item in items]`, in worker processes when there are enough items
    to be worth starting them (`below`), in chunks so each worker gets a fair share."""
    workers = count(workers)
    if workers <= 1 or len(items) < below:
        return [function(item) for item in items]
    with pool(workers) as running:
        return list(running.map(function, items, chunksize=max(1, len(items) // (workers * 8))))
