"""Run a function over many items on every core, in order, with progress and cancel (no Qt).

The window passes `spawn=True`: its process runs Qt threads, and a forked child would inherit
their locks. Worker processes may run at a lower priority so the auditor can go on working.

A long item (a scan read by OCR, page by page) reports its own progress and sees a cancel while it
runs: given `pages`, run_many passes each worker a queue and a stop flag, and the function asks
job_progress(done, total) and job_cancelled() (from any process). pages(index, done, total) is
then called in the caller's process, index being the item's place in `items`.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import queue as queues
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing.context import BaseContext
from typing import Any, TypeVar

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
PageProgress = Callable[[int, int, int], None]  # item index (in items), pages done, pages in all
T = TypeVar("T")
POLL = 0.1  # seconds between looks at page progress and cancel while an item runs in a worker
PARALLEL_FROM = 24  # fewer items than this run in this process: starting workers costs more


class Stopped(Exception):
    """The user cancelled a job that must not finish with part of its work (an export)."""


def _background() -> None:
    """Worker processes yield the CPU to the window."""
    try:
        os.nice(10)
    except (AttributeError, OSError):  # not on Windows; not allowed
        pass


def _pool_worker(background: bool) -> None:
    """A worker process starts: its garbage collector leaves alone the objects it starts with (the modules
    a forked worker shares with its parent: never scanned, never copied by being touched) and runs less
    often (a report is thousands of short-lived objects; a full scan of the heap every few reports cost
    about a tenth of an export's CPU)."""
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
    if background:
        _background()


class _Job:
    """This process's part in a job: the item it runs, and where its page progress and stop come from."""
    index = 0
    pages: PageProgress | None = None  # in the caller's process
    cancelled: Cancelled | None = None
    queue: Any = None  # in a worker: (index, done, total) to the caller
    stop: Any = None  # in a worker: set when the caller cancels


def job_progress(done: int, total: int) -> None:
    """An item's own progress (pages of a scan), for the caller's pages() callback."""
    if _Job.pages is not None:
        _Job.pages(_Job.index, done, total)
    elif _Job.queue is not None:
        _Job.queue.put((_Job.index, done, total))


def job_cancelled() -> bool:
    """True once the caller cancelled the job: an item stops at its next page."""
    if _Job.cancelled is not None:
        return bool(_Job.cancelled())
    return _Job.stop is not None and bool(_Job.stop.is_set())


def _worker(queue: Any, stop: Any, background: bool) -> None:
    """A worker of a job with page progress: Ctrl+C is the caller's to handle (it sets `stop`)."""
    _Job.queue, _Job.stop = queue, stop
    try:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    except (ValueError, OSError):
        pass
    _pool_worker(background)


def _context(spawn: bool) -> BaseContext:
    """How worker processes start: spawned for the window (a forked child would inherit its Qt threads'
    locks); on Linux forked, so a worker starts with the modules its parent has loaded (pandas, the
    readers) instead of importing them again (Python 3.14 makes forkserver the default there); elsewhere
    as the system starts them (spawn on Windows and macOS)."""
    if spawn:
        return multiprocessing.get_context("spawn")
    return multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)


def _chunk(fn: Callable[[Any], T], start: int, items: Sequence[Any]) -> list[T]:
    out = []
    for k, item in enumerate(items):
        _Job.index = start + k
        out.append(fn(item))
        if _Job.queue is not None:
            _Job.queue.put((start + k, -1, -1))  # done: its progress is all in the queue before this
    return out


def run_many(fn: Callable[[Any], T], items: Sequence[Any], progress: Progress | None = None,
             cancelled: Cancelled | None = None, workers: int | None = None, min_parallel: int = PARALLEL_FROM,
             spawn: bool = False, chunksize: int = 1, pages: PageProgress | None = None) -> Iterator[T]:
    """fn over items in order, in worker processes when there are many; stops early when cancelled().
    With `pages`, each item may report its own progress and stop early (job_progress, job_cancelled):
    once cancelled, the item being read comes back with what it has, and no other is started."""
    cores = os.cpu_count() or 1
    workers = workers or (max(1, cores - 1) if spawn else cores)
    total = len(items)
    if workers == 1 and not spawn or total < min_parallel:
        before = (_Job.pages, _Job.cancelled)
        if pages is not None or cancelled is not None:  # an item sees a cancel while it runs
            _Job.pages, _Job.cancelled = pages, cancelled
        try:
            for i, item in enumerate(items):
                if cancelled and cancelled():
                    return
                _Job.index = i
                yield fn(item)
                if progress:
                    progress(i + 1, total)
        finally:
            _Job.pages, _Job.cancelled = before
        return
    if pages is not None:
        yield from _run_pool(fn, items, progress, cancelled, workers, spawn, chunksize, pages)
        return
    context = _context(spawn)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_pool_worker, initargs=(spawn,))
    try:
        for i, result in enumerate(pool.map(fn, items, chunksize=chunksize)):
            if cancelled and cancelled():
                return
            yield result
            if progress:
                progress(i + 1, total)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _run_pool(fn: Callable[[Any], T], items: Sequence[Any], progress: Progress | None, cancelled: Cancelled | None,
              workers: int, spawn: bool, chunksize: int, pages: PageProgress) -> Iterator[T]:
    """run_many's worker processes when items report pages: the caller polls their progress and passes
    a cancel on to the item running."""
    context = _context(spawn)
    queue = context.Queue()
    stop = context.Event()
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_worker,
                               initargs=(queue, stop, spawn))
    chunks = [(i, items[i:i + chunksize]) for i in range(0, len(items), chunksize)]
    pending: deque[Future[list[T]]] = deque()
    nxt = done = 0
    total = len(items)

    finished: set[int] = set()

    def drain(until: int | None = None) -> None:
        """Hand on the items' page progress; with `until`, wait (a little) for that item's last word,
        which may reach the queue after its result."""
        while True:
            try:
                index, d, t = queue.get(timeout=POLL) if until is not None and until not in finished \
                    else queue.get_nowait()
            except queues.Empty:
                return
            if d < 0:
                finished.add(index)
            else:
                pages(index, d, t)

    try:
        while True:
            while nxt < len(chunks) and len(pending) < 2 * workers and not stop.is_set():
                start, part = chunks[nxt]
                pending.append(pool.submit(_chunk, fn, start, part))
                nxt += 1
            if not pending:
                return
            head = pending[0]
            while not head.done():
                try:
                    head.exception(timeout=POLL)
                except TimeoutError:
                    pass
                drain()
                if cancelled is not None and not stop.is_set() and cancelled():
                    stop.set()  # the item being read stops at its next page; none other starts
                    for f in list(pending)[1:]:
                        f.cancel()
            results = head.result()
            drain(chunks[nxt - len(pending)][0] + len(results) - 1 if results else None)
            pending.popleft()
            for result in results:
                yield result
                done += 1
                if progress:
                    progress(done, total)
            if stop.is_set():
                return
    finally:
        stop.set()
        pool.shutdown(wait=False, cancel_futures=True)
