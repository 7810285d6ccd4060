"""Reading many features on several cores: a fork-based process pool on Linux, in order, else one by one.

Parsing Markdown is pure CPU in pure Python, so one process reads one feature at a time however many cores
the runner has. Above `MIN_PER_WORKER` features per extra core, rte forks workers that inherit the
already-imported modules (no re-import, no pickling of code) and send back the read features, in the
order they were asked for. Results are identical to the sequential path (a test compares them).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many features per worker, forking costs more than it saves (measured: benchmarks/scale.py).
MIN_PER_WORKER = 16


def cores() -> int:
    """The cores this process may run on (the container's CPU set, not the host's core count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def workers_for(count: int, jobs: int = 0) -> int:
    """How many processes read `count` features: `jobs` when given (>= 1), else by cores and count."""
    if sys.platform != "linux":  # fork is the only start method that keeps the imports; Linux only
        return 1
    limit = jobs if jobs >= 1 else cores()
    return max(1, min(limit, count // MIN_PER_WORKER if jobs < 1 else count))


def ordered_map(function: Callable[[T], R], items: Sequence[T], workers: int) -> list[R]:
    """`list(map(function, items))`, spread over `workers` forked processes when more than one.

    Where processes cannot be made (no /dev/shm for the pool's locks, a process limit) or a worker dies
    (killed for memory), the items are read again in this process: slower, never a failed run."""
    if workers <= 1 or len(items) <= 1:
        return list(map(function, items))
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunk = max(1, min(64, len(items) // (workers * 8)))
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(function, items, chunksize=chunk))
    except (BrokenProcessPool, OSError):
        return list(map(function, items))
