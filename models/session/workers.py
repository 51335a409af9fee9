"""Run a function over many items on every core, in order, with progress and cancel (no Qt).

The window passes `spawn=True`: its process runs Qt threads, and a forked child would inherit
their locks. Worker processes may run at a lower priority so the auditor can go on working.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
T = TypeVar("T")
PARALLEL_FROM = 24  # fewer items than this run in this process: starting workers costs more


class Stopped(Exception):
    """The user cancelled a job that must not finish with part of its work (an export)."""


def _background() -> None:
    """Worker processes yield the CPU to the window."""
    try:
        os.nice(10)
    except (AttributeError, OSError):  # not on Windows; not allowed
        pass


def run_many(fn: Callable[[Any], T], items: Sequence[Any], progress: Progress | None = None,
             cancelled: Cancelled | None = None, workers: int | None = None, min_parallel: int = PARALLEL_FROM,
             spawn: bool = False, chunksize: int = 1) -> Iterator[T]:
    """fn over items in order, in worker processes when there are many; stops early when cancelled()."""
    cores = os.cpu_count() or 1
    workers = workers or (max(1, cores - 1) if spawn else cores)
    total = len(items)
    if workers == 1 and not spawn or total < min_parallel:
        for i, item in enumerate(items):
            if cancelled and cancelled():
                return
            yield fn(item)
            if progress:
                progress(i + 1, total)
        return
    context = multiprocessing.get_context("spawn") if spawn else None
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_background if spawn else None)
    try:
        for i, result in enumerate(pool.map(fn, items, chunksize=chunksize)):
            if cancelled and cancelled():
                return
            yield result
            if progress:
                progress(i + 1, total)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
