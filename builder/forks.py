"""Forked workers for the builder's per-file steps (builder/memo.py), its pages
(builder/render/parallel.py) and MkDocs' page work (builder/prerender.py).

Workers are forked after the state they need exists and read it copy-on-write; only their
results travel back. `BRIEFS_JOBS` sets the number of workers (1: none).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
JOBS_VARIABLE = "BRIEFS_JOBS"

# What forked workers work from: set just before they start, inherited, never pickled.
_SHARED: Any = None


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def shared() -> Any:
    """In a worker: the state `fork_map` was given."""
    assert _SHARED is not None, "worker started without its shared state"
    return _SHARED


def fork_map(function: Callable[[T], R], tasks: Sequence[T], state: Any, workers: int) -> list[R]:
    """`function` over `tasks`, in order, in forked workers that inherit `state` copy-on-write
    (read it with `shared()`). An executor, not a Pool: a worker that dies raises
    BrokenProcessPool here instead of leaving the caller waiting."""
    global _SHARED
    _SHARED = state
    gc.freeze()  # the workers' collector then leaves the inherited objects be
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            return list(pool.map(function, tasks))
    finally:
        _SHARED = None
        gc.unfreeze()


def jobs() -> int:
    """Workers to use: BRIEFS_JOBS, else one per available core."""
    configured = os.environ.get(JOBS_VARIABLE, "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
