"""parsers/ and models/ import no Qt, and the command line never loads it."""
from __future__ import annotations

import subprocess
import sys

from conftest import ROOT, SAMPLES

BLOCK_QT = """
import sys, importlib.abc
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6'):
            raise ImportError('Qt is blocked in this test: ' + name)
sys.meta_path.insert(0, Block())
"""


def test_core_modules_import_with_qt_blocked():
    code = BLOCK_QT + """
import pkgutil, importlib
import models, parsers
for pkg in (models, parsers):
    for m in pkgutil.iter_modules(pkg.__path__):
        importlib.import_module(pkg.__name__ + '.' + m.name)
print('ok')
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_command_line_runs_with_qt_blocked():
    code = BLOCK_QT + f"""
import runpy
sys.argv = ['main.py', 'extract', '--json', {str(SAMPLES / '001_dfce13c1242a961e.txt')!r}]
try:
    runpy.run_path('main.py', run_name='__main__')
except SystemExit as e:
    assert e.code == 0, e.code
assert not any(m.startswith('PySide6') for m in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert '"s3.new.total": 0' in out.stdout
