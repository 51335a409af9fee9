"""The workspace survives kill -9 in the middle of a burst of edits."""
from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import ROOT, SAMPLES
from models.session import Session


def test_every_edit_made_before_the_kill_is_there_after(tmp_path):
    report = tmp_path / "003.txt"
    shutil.copy(SAMPLES / "003_669b05754e9fb909.txt", report)
    before = report.read_bytes()
    ws_path = tmp_path / "ws.sqlite"
    proc = subprocess.Popen([sys.executable, str(ROOT / "tests" / "edit_driver.py"), str(ws_path),
                             str(tmp_path / "s.ini"), str(report)],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=ROOT)
    done: dict[str, int] = {}
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            fid, n = line.split()
            done[fid] = int(n)
            if int(n) >= 60:
                break
    finally:
        proc.kill()  # SIGKILL: no clean-up of any kind
        proc.wait(timeout=30)
    assert proc.returncode == -9
    assert len(done) == 8
    session = Session.open(ws_path)  # the killed program's lock went with it
    rid = session.find(report)
    assert rid is not None
    review = session.review(rid)
    for fid, n in done.items():  # each edit was reported only after it was committed
        assert review.value(fid) >= n
    assert len(review.ledger) >= 60 and all(e.action == "edit" for e in review.ledger)
    session.close()
    assert report.read_bytes() == before
