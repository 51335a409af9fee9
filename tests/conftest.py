"""Test set-up: a display-less Qt platform and a fixed locale; helpers shared by the tests."""
from __future__ import annotations

import json
import os
import sys
from decimal import Decimal
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LC_ALL", "C.UTF-8")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLES = ROOT / "resources" / "samples"
TRUTH = ROOT / "tests" / "fixtures" / "truth.json"


@pytest.fixture(scope="session")
def truth() -> dict:
    """The hand-read values of the bundled samples (amounts as exact Decimals, like the values read)."""
    return json.loads(TRUTH.read_text(encoding="utf-8"), parse_float=Decimal)


@pytest.fixture(scope="session")
def sample_paths() -> list[Path]:
    """The bundled sample reports."""
    return sorted(SAMPLES.glob("*.txt"))
