"""The Qt binding keeps Python's reference counts straight (PySide6 6.12.0 on Python 3.11 did not)."""
from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class _Emitter(QObject):
    changed = Signal(bool)


def test_void_calls_and_signals_do_not_drop_references_to_none_or_bools(qapp):
    label = QLabel()
    emitter = _Emitter()
    seen = []
    emitter.changed.connect(seen.append)
    gc.collect()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(2000):
        label.setText("x")
        emitter.changed.emit(True)
    seen.clear()
    gc.collect()
    assert sys.getrefcount(None) >= none_before - 50
    assert sys.getrefcount(True) >= true_before - 50
