"""Reading many reports for the window: a QThreadPool task that hands the parsing to worker processes.

Parsing is pure Python: done on a thread it would hold the GIL and starve the GUI thread,
whose every paint calls back into Python. The task thread only waits for results from
processes and passes them on in chunks; it never touches the workspace or any widget.
"""
from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

from models.session import Prepared, prepare

IN_PROCESS_BELOW = 24  # fewer files than this are read on the task thread: starting processes costs more


def _background() -> None:
    """Worker processes yield the CPU to the window."""
    try:
        os.nice(10)
    except (AttributeError, OSError):  # not on Windows; not allowed
        pass


class LoadSignals(QObject):
    chunk = Signal(list)  # list[Prepared], in order
    progress = Signal(int, int)
    finished = Signal(bool)  # True when cancelled


class LoadTask(QRunnable):
    """Prepare report files off the GUI thread and hand them over in small, frequent chunks."""

    CHUNK_SECONDS = 0.05  # hand over what is read at least this often, so the queue fills as it goes
    CHUNK_MAX = 10  # and never so much at once that taking it in stalls the window

    def __init__(self, paths: list[str], stored: dict[str, dict[str, Any]]) -> None:
        super().__init__()
        self.paths = paths
        self.stored = stored
        self.signals = LoadSignals()
        self._cancel = False

    def cancel(self) -> None:
        """Stop after the files being read."""
        self._cancel = True

    def cancelled(self) -> bool:
        return self._cancel

    def _results(self) -> Any:
        stored = [self.stored.get(p) for p in self.paths]
        if len(self.paths) < IN_PROCESS_BELOW:
            return None, map(prepare, self.paths, stored)
        # spawn, not fork: this process runs Qt threads, and a forked child would inherit their locks.
        # One core is left to the window, and the workers run at a lower priority, so that
        # the auditor can go on reviewing while a province loads.
        pool = ProcessPoolExecutor(max_workers=max(1, (os.cpu_count() or 2) - 1),
                                   mp_context=multiprocessing.get_context("spawn"), initializer=_background)
        return pool, pool.map(prepare, self.paths, stored, chunksize=8)

    def run(self) -> None:
        pool, results = self._results()
        batch: list[Prepared] = []
        last = time.monotonic()
        total = len(self.paths)
        n = 0
        try:
            for n, prepared in enumerate(results, 1):
                if self._cancel:
                    break
                batch.append(prepared)
                now = time.monotonic()
                if now - last >= self.CHUNK_SECONDS or len(batch) >= self.CHUNK_MAX or n == total:
                    self.signals.chunk.emit(batch)
                    self.signals.progress.emit(n, total)
                    batch, last = [], now
        finally:
            if pool is not None:
                pool.shutdown(wait=False, cancel_futures=True)
        if batch and not self._cancel:
            self.signals.chunk.emit(batch)
        self.signals.finished.emit(self._cancel)
