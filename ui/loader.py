"""Background work for the window: QRunnables that run the session layer's long jobs off the GUI thread.

Reading runs in worker processes (the session layer's prepare_many): parsing is pure Python, and
on a thread it would hold the GIL and starve the painting. The task thread only waits for results
and hands them over in small, frequent chunks; it never touches the workspace or any widget.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

from models.session import Prepared, Stopped, prepare_many


class LoadSignals(QObject):
    chunk = Signal(list)  # list[Prepared], in order
    progress = Signal(int, int)
    page = Signal(str, int, int)  # a scan being read by OCR: its file, pages done, pages in all
    finished = Signal(bool)  # True when cancelled


class LoadTask(QRunnable):
    """Read report files off the GUI thread and hand them over in small, frequent chunks."""

    CHUNK_SECONDS = 0.05  # hand over what is read at least this often, so the queue fills as it goes
    CHUNK_MAX = 10  # and never so much at once that taking it in stalls the window

    def __init__(self, paths: list[str]) -> None:
        super().__init__()
        self.paths = paths
        self.signals = LoadSignals()
        self._cancel = False

    def cancel(self) -> None:
        """Stop after the files being read."""
        self._cancel = True

    def cancelled(self) -> bool:
        """True once cancel() was called."""
        return self._cancel

    def run(self) -> None:
        batch: list[Prepared] = []
        last = time.monotonic()
        total = len(self.paths)
        def page(index: int, done: int, pages: int) -> None:
            self.signals.page.emit(self.paths[index], done, pages)

        for n, prepared in enumerate(prepare_many(self.paths, cancelled=lambda: self._cancel, spawn=True,
                                                  pages=page), 1):
            batch.append(prepared)
            now = time.monotonic()
            if now - last >= self.CHUNK_SECONDS or len(batch) >= self.CHUNK_MAX or n == total:
                self.signals.chunk.emit(batch)
                self.signals.progress.emit(n, total)
                batch, last = [], now
        if batch and not self._cancel:
            self.signals.chunk.emit(batch)
        self.signals.finished.emit(self._cancel)


class JobSignals(QObject):
    progress = Signal(int, int)
    done = Signal(object)  # the job's result
    failed = Signal(str)  # one line for the user
    cancelled = Signal()  # stopped at the user's request, before it finished


class JobCancelled(Exception):
    """Raised inside the job when the user cancels, so that it stops the way it stops on an error."""


class JobTask(QRunnable):
    """One long session-layer call (an export) with progress and cancel; its result or its error.

    Cancelling raises JobCancelled from the job's `cancelled()` check rather than answering True:
    a job that fails cleans up after itself (an export leaves the old files as they were), while a
    job told it was cancelled may finish with what it had (an export would write a partial dataset).
    """

    def __init__(self, job: Callable[[Callable[[int, int], None], Callable[[], bool]], Any]) -> None:
        super().__init__()
        self.job = job
        self.signals = JobSignals()
        self._cancel = False
        self.finished = threading.Event()

    def cancel(self) -> None:
        self._cancel = True

    def _check(self) -> bool:
        if self._cancel:
            raise JobCancelled
        return False

    def run(self) -> None:
        try:
            result = self.job(self.signals.progress.emit, self._check)
        except (JobCancelled, Stopped):
            self.signals.cancelled.emit()
            return
        except Exception as exc:  # shown to the user as one line; the job has cleaned up after itself
            self.signals.failed.emit(str(exc) if isinstance(exc, OSError) else f"{type(exc).__name__}: {exc}")
            return
        finally:
            self.finished.set()
        self.signals.done.emit(result)  # cancelled after its last check, the job is complete: it stands


__all__ = ["JobTask", "LoadTask", "Path"]
