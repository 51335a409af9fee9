"""Reading many reports on a QThreadPool worker: results arrive in chunks on the GUI thread."""
from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Signal

from models.session import Prepared, prepare


class LoadSignals(QObject):
    chunk = Signal(list)  # list[Prepared], in order
    progress = Signal(int, int)
    finished = Signal(bool)  # True when cancelled


class LoadTask(QRunnable):
    """Prepare report files off the GUI thread; never touches the workspace or any widget."""

    CHUNK_SECONDS = 0.04  # hand over what is read at least this often, so the queue fills as it goes

    def __init__(self, paths: list[str], stored: dict[str, dict[str, Any]]) -> None:
        super().__init__()
        self.paths = paths
        self.stored = stored
        self.signals = LoadSignals()
        self._cancel = False

    def cancel(self) -> None:
        """Stop after the file being read."""
        self._cancel = True

    def cancelled(self) -> bool:
        return self._cancel

    def run(self) -> None:
        batch: list[Prepared] = []
        last = time.monotonic()
        total = len(self.paths)
        for n, path in enumerate(self.paths, 1):
            if self._cancel:
                break
            batch.append(prepare(path, self.stored.get(path)))
            now = time.monotonic()
            if now - last >= self.CHUNK_SECONDS or n == total:
                self.signals.chunk.emit(batch)
                self.signals.progress.emit(n, total)
                batch, last = [], now
        if batch:
            self.signals.chunk.emit(batch)
        self.signals.finished.emit(self._cancel)
