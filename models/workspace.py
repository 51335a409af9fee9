"""The workspace file (SQLite): reports, their text and hash, corrections, acceptances, the ledger.

Every change is committed the moment it is made, so a killed program loses nothing the
auditor entered. The original report files are only ever read.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Any

from models.report import Report
from models.review import Acceptance, LedgerEntry, Review
from models.values import Value

SCHEMA = """
CREATE TABLE IF NOT EXISTS reports (
  id INTEGER PRIMARY KEY, source TEXT UNIQUE NOT NULL, sha256 TEXT NOT NULL, encoding TEXT,
  forced_encoding TEXT, format TEXT, text TEXT NOT NULL, published TEXT NOT NULL, added TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'not started', signoff TEXT, layout TEXT);
CREATE TABLE IF NOT EXISTS corrections (
  report_id INTEGER NOT NULL REFERENCES reports(id), field TEXT NOT NULL, value TEXT NOT NULL,
  PRIMARY KEY (report_id, field));
CREATE TABLE IF NOT EXISTS acceptances (
  report_id INTEGER NOT NULL REFERENCES reports(id), key TEXT NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (report_id, key));
CREATE TABLE IF NOT EXISTS ledger (
  id INTEGER PRIMARY KEY, report_id INTEGER NOT NULL REFERENCES reports(id), field TEXT NOT NULL,
  action TEXT NOT NULL, published TEXT, old TEXT, new TEXT, reason TEXT, time TEXT, auditor TEXT);
"""
APP_DIR_NAME = "GovInfoReview"
APPLICATION_ID = 0x47495652  # "GIVR": marks a SQLite file as one of our workspaces


class WorkspaceError(Exception):
    """The file is not a workspace of this program, or cannot be opened."""


def default_workspace_path() -> Path:
    """The automatic workspace in the user's data folder."""
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / APP_DIR_NAME / "autosave.review.sqlite"


_ROW_KEYS = ["id", "source", "sha256", "encoding", "forced_encoding", "format", "text", "state", "signoff", "layout"]


def _dump(v: Value) -> str:
    return json.dumps(v, ensure_ascii=False)


def _load(s: str | None) -> Value:
    return None if s is None else json.loads(s)


def sha256_bytes(data: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()


class Workspace:
    """One workspace file, opened for the life of a session."""

    def __init__(self, path: str | os.PathLike[str], readonly: bool = False) -> None:
        """Open (or, unless readonly, create) a workspace; WorkspaceError if the file is something else."""
        self.path = Path(path)
        self._depth = 0
        exists = self.path.exists() and self.path.stat().st_size > 0
        if readonly and not exists:
            raise WorkspaceError(f"工作区文件不存在：{self.path}")
        try:
            if readonly:
                self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, isolation_level=None,
                                          check_same_thread=False)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._check(exists)
            if not readonly:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=FULL")
                self.db.executescript(SCHEMA)
                self.db.execute(f"PRAGMA application_id={APPLICATION_ID}")
                columns = {r[1] for r in self.db.execute("PRAGMA table_info(reports)")}
                if "layout" not in columns:  # a workspace written before PDFs were read
                    self.db.execute("ALTER TABLE reports ADD COLUMN layout TEXT")
        except sqlite3.DatabaseError as exc:
            raise WorkspaceError(f"不是审核工作区文件，或文件已损坏：{self.path}（{exc}）") from exc
        except OSError as exc:
            raise WorkspaceError(f"无法打开工作区：{self.path}（{exc.strerror or exc}）") from exc

    def _check(self, exists: bool) -> None:
        """An existing file must be one of ours: never add our tables to somebody else's database."""
        if not exists:
            return
        app_id = self.db.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if app_id != APPLICATION_ID or "reports" not in tables:
            self.db.close()
            raise WorkspaceError(f"这不是本程序的审核工作区：{self.path}")

    def close(self) -> None:
        """Close the file (everything is already committed)."""
        self.db.close()

    def save_as(self, path: str | os.PathLike[str]) -> "Workspace":
        """Copy the workspace to a new file and continue there."""
        target = Path(path)
        tmp = target.with_name(target.name + ".tmp")
        tmp.unlink(missing_ok=True)
        dest = sqlite3.connect(tmp)
        with dest:
            self.db.backup(dest)
        dest.close()
        os.replace(tmp, target)
        self.close()
        return Workspace(target)

    # ------------------------------------------------------------ reports
    def find(self, source: str) -> dict[str, Any] | None:
        """The stored row of a report by its source path."""
        found = self.find_many([source])
        return found.get(source)

    def find_many(self, sources: list[str]) -> dict[str, dict[str, Any]]:
        """Stored rows of the reports among these sources that the workspace holds."""
        out = {}
        for i in range(0, len(sources), 500):
            part = sources[i:i + 500]
            cur = self.db.execute(f"SELECT {', '.join(_ROW_KEYS)} FROM reports "
                                  f"WHERE source IN ({','.join('?' * len(part))})", part)
            for row in cur:
                out[row[1]] = dict(zip(_ROW_KEYS, row))
                out[row[1]]["layout"] = json.loads(row[-1]) if row[-1] else None
        return out

    def sources(self) -> list[str]:
        """Every report source in the workspace, in the order added."""
        return [r[0] for r in self.db.execute("SELECT source FROM reports ORDER BY id")]

    def add(self, report: Report, sha256: str, forced_encoding: str | None = None) -> int:
        """Store a newly read report (or replace its text after reopening with another encoding)."""
        published = json.dumps(report.values(), ensure_ascii=False)
        existing = self.find(report.source)
        with self._transaction():
            return self._add(report, sha256, forced_encoding, published, existing)

    def _add(self, report: Report, sha256: str, forced_encoding: str | None, published: str,
             existing: dict[str, Any] | None) -> int:
        layout = json.dumps(report.layout) if report.layout else None
        if existing:
            self.db.execute("UPDATE reports SET sha256=?, encoding=?, forced_encoding=?, format=?, text=?, published=?, "
                            "layout=? WHERE id=?", (sha256, report.encoding, forced_encoding, report.format, report.text,
                                                    published, layout, existing["id"]))
            return int(existing["id"])
        from models.review import now
        cur = self.db.execute(
            "INSERT INTO reports (source, sha256, encoding, forced_encoding, format, text, published, added, layout) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            (report.source, sha256, report.encoding, forced_encoding, report.format, report.text, published, now(),
             layout))
        return int(cur.lastrowid or 0)

    # ------------------------------------------------------------ the Store protocol
    def record_correction(self, report_id: int, fid: str, value: Value | None, present: bool,
                          entry: LedgerEntry) -> None:
        """Record a cell's correction (present) or its removal, with its ledger line, in one commit."""
        with self._transaction():
            if present:
                self.db.execute("INSERT OR REPLACE INTO corrections VALUES (?,?,?)", (report_id, fid, _dump(value)))
            else:
                self.db.execute("DELETE FROM corrections WHERE report_id=? AND field=?", (report_id, fid))
            self._after_change(report_id, entry)

    def record_acceptance(self, report_id: int, key: str, acc: Acceptance | None, entry: LedgerEntry) -> None:
        """Record an acceptance (or its withdrawal) with its ledger line, in one commit."""
        with self._transaction():
            if acc is None:
                self.db.execute("DELETE FROM acceptances WHERE report_id=? AND key=?", (report_id, key))
            else:
                self.db.execute("INSERT OR REPLACE INTO acceptances VALUES (?,?,?)",
                                (report_id, key, json.dumps(asdict(acc), ensure_ascii=False)))
            self._after_change(report_id, entry)

    def record_signoff(self, report_id: int, signoff: dict[str, str] | None, entry: LedgerEntry) -> None:
        """Sign a report off (or let the sign-off lapse), with its ledger line, in one commit."""
        with self._transaction():
            self.db.execute("UPDATE reports SET state=?, signoff=? WHERE id=?",
                            ("signed off" if signoff else "in review",
                             json.dumps(signoff, ensure_ascii=False) if signoff else None, report_id))
            self._insert_ledger(report_id, entry)

    def drop_correction(self, report_id: int, fid: str) -> None:
        """Forget a correction whose field no longer exists (after reopening with another encoding)."""
        self.db.execute("DELETE FROM corrections WHERE report_id=? AND field=?", (report_id, fid))

    def _after_change(self, report_id: int, e: LedgerEntry) -> None:
        self._insert_ledger(report_id, e)
        # any change reopens the review, and a sign-off no longer covers it
        self.db.execute("UPDATE reports SET state='in review', signoff=NULL WHERE id=?", (report_id,))

    def _insert_ledger(self, report_id: int, e: LedgerEntry) -> None:
        self.db.execute("INSERT INTO ledger (report_id, field, action, published, old, new, reason, time, auditor) "
                        "VALUES (?,?,?,?,?,?,?,?,?)",
                        (report_id, e.field, e.action, _dump(e.published), _dump(e.old), _dump(e.new), e.reason,
                         e.time, e.auditor))

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        if self._depth:  # inside batch(): one commit at the end
            yield
            return
        self._depth += 1
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        finally:
            self._depth -= 1
        self.db.execute("COMMIT")

    def batch(self) -> Any:
        """Group many writes (adding a folder of reports) into one commit."""
        return self._transaction()

    # ------------------------------------------------------------ restoring
    def restore(self, review: Review, report_id: int) -> None:
        """Load a report's corrections, acceptances, ledger, state and sign-off into a review."""
        review.report_id = report_id
        row = self.db.execute("SELECT state, signoff FROM reports WHERE id=?", (report_id,)).fetchone()
        if row:
            review.state = row[0]
            review.signoff = json.loads(row[1]) if row[1] else None
        review.corrections = {f: _load(v) for f, v in self.db.execute(
            "SELECT field, value FROM corrections WHERE report_id=?", (report_id,))}
        review.acceptances = {}
        for key, data in self.db.execute("SELECT key, data FROM acceptances WHERE report_id=?", (report_id,)):
            review.acceptances[key] = Acceptance(**json.loads(data))
        review.ledger = [LedgerEntry(f, a, _load(p), _load(o), _load(n), r or "", t or "", au or "")
                         for f, a, p, o, n, r, t, au in self.db.execute(
                             "SELECT field, action, published, old, new, reason, time, auditor FROM ledger "
                             "WHERE report_id=? ORDER BY id", (report_id,))]
        review._changed()

    def ledger_rows(self) -> list[dict[str, Any]]:
        """The whole ledger, for corrections.csv."""
        rows = []
        for src, f, a, p, o, n, r, t, au in self.db.execute(
                "SELECT r.source, l.field, l.action, l.published, l.old, l.new, l.reason, l.time, l.auditor FROM ledger l "
                "JOIN reports r ON r.id = l.report_id ORDER BY l.id"):
            rows.append({"source": src, "field": f, "action": a, "published": _load(p), "old": _load(o),
                         "new": _load(n), "reason": r, "time": t, "auditor": au})
        return rows
