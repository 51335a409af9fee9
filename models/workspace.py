"""The workspace file (SQLite): the record of a review.

It holds what was read (each report's record: text, values, sources, the reader's version) and
every act of the auditor (corrections, acceptances, sign-offs and the append-only ledger).
Every change is committed the moment it is made, in rollback-journal mode, so the one
`.review.sqlite` file is complete on its own after each commit and a killed program loses
nothing. One program at a time may write a workspace (a lock file beside it); others may open
it read-only. The original report files are never written.
"""
from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import socket
import sqlite3
import sys
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

from models.crossyear import agency_key
from models.record import dumps_record, loads_record, values_from_text, values_to_text
from models.report import Report
from models.review import Acceptance, LedgerEntry, Review, Summary, now
from models.values import Value, is_number, loads, value_from_text, value_to_text

SCHEMA_VERSION = 2
TABLES = (
    """CREATE TABLE IF NOT EXISTS reports (
  id INTEGER PRIMARY KEY, source TEXT UNIQUE NOT NULL, sha256 TEXT NOT NULL, reader TEXT NOT NULL,
  added TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'not started', signoff TEXT,
  agency TEXT, year INTEGER, format TEXT, errors INTEGER NOT NULL DEFAULT 0, warnings INTEGER NOT NULL DEFAULT 0,
  year_values TEXT, rules TEXT, agency_key TEXT, error_cells INTEGER, warning_cells INTEGER)""",
    # what was read, apart from the queue lines so that listing a province reads no record
    """CREATE TABLE IF NOT EXISTS records (
  report_id INTEGER PRIMARY KEY REFERENCES reports(id), record TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS corrections (
  report_id INTEGER NOT NULL REFERENCES reports(id), field TEXT NOT NULL, value TEXT,
  PRIMARY KEY (report_id, field))""",
    """CREATE TABLE IF NOT EXISTS acceptances (
  report_id INTEGER NOT NULL REFERENCES reports(id), key TEXT NOT NULL, data TEXT NOT NULL,
  PRIMARY KEY (report_id, key))""",
    """CREATE TABLE IF NOT EXISTS ledger (
  id INTEGER PRIMARY KEY, report_id INTEGER NOT NULL REFERENCES reports(id), field TEXT NOT NULL,
  action TEXT NOT NULL, published TEXT, old TEXT, new TEXT, reason TEXT, time TEXT, auditor TEXT,
  ref INTEGER REFERENCES ledger(id))""",
)
# the ledger only grows: no entry is ever changed or removed, by this program or any other
TRIGGERS = (
    """CREATE TRIGGER IF NOT EXISTS ledger_append_only_update BEFORE UPDATE ON ledger
  BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END""",
    """CREATE TRIGGER IF NOT EXISTS ledger_append_only_delete BEFORE DELETE ON ledger
  BEGIN SELECT RAISE(ABORT, 'the ledger is append-only'); END""",
)
APP_DIR_NAME = "GovInfoReview"
APPLICATION_ID = 0x47495652  # "GIVR": marks a SQLite file as one of our workspaces
_SUMMARY_KEYS = ("id", "source", "sha256", "agency", "agency_key", "year", "format", "errors", "warnings", "state",
                 "year_values", "rules", "reader", "added", "error_cells", "warning_cells")
# Columns a queue line gained after schema 2 was released: added to an older file when it is opened for
# writing (NULL until its summary is written again), read as NULL from one opened read-only.
_ADDED_COLUMNS = ("error_cells", "warning_cells")


class WorkspaceError(Exception):
    """The workspace cannot be opened; the message says exactly why."""


class WorkspaceLocked(WorkspaceError):
    """Another program is writing this workspace; it can still be opened read-only."""

    def __init__(self, path: Path, holder: str) -> None:
        super().__init__(f"工作区正由另一个程序使用（{holder or '未知'}）：{path}")
        self.path = path
        self.holder = holder


@dataclass(frozen=True)
class Entry:
    """A report's line in the workspace: enough to list the queue without reading any record."""
    id: int
    source: str
    sha256: str
    agency: str | None
    agency_key: str  # the agency's name folded for the cross-year pairing (models.crossyear.agency_key)
    year: int | None
    format: str
    errors: int
    warnings: int
    state: str
    year_json: str  # the cross-year fields' values (year_values_of), read only when needed
    rules_json: str  # open errors and warnings by rule (rules_of)
    reader: str  # the version of the reader that made the record
    added: str  # when the report joined the workspace
    # the cells its open errors and warnings name; None when the line was written before they were counted
    error_cells: int | None = None
    warning_cells: int | None = None


@dataclass(frozen=True)
class LegacyRow:
    """A report of a workspace written before the record was kept (schema 1): its text, to read once."""
    id: int
    source: str
    encoding: str | None
    format: str
    text: str
    layout: dict[str, Any] | None
    published: dict[str, Value]


def _entry(row: tuple[Any, ...]) -> Entry:
    rid, source, sha, agency, key, year, fmt, errors, warnings, state, year_json, rules_json, reader, added, \
        error_cells, warning_cells = row
    return Entry(int(rid), source, sha, agency, key or "", year, fmt or "text", int(errors), int(warnings), state,
                 year_json or "{}", rules_json or "{}", reader, added,
                 None if error_cells is None else int(error_cells),
                 None if warning_cells is None else int(warning_cells))


def year_values_json(values: dict[str, Value]) -> str:
    """The cross-year fields' values as compact JSON: whole numbers as numbers, others as exact text."""
    return json.dumps({k: v if v is None or type(v) is int else value_to_text(v) for k, v in values.items()},
                      ensure_ascii=False, separators=(",", ":"))


def year_values_of(text: str) -> dict[str, Value]:
    """The values of year_values_json()."""
    return {k: v if v is None or type(v) is int else value_from_text(v) for k, v in json.loads(text).items()}


def rules_of(text: str) -> dict[str, tuple[int, int]]:
    """Open errors and warnings by rule, as stored with a queue line."""
    return {k: (int(v[0]), int(v[1])) for k, v in json.loads(text).items()}


def default_workspace_path() -> Path:
    """The automatic workspace in the user's data folder."""
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share"))
    return base / APP_DIR_NAME / "autosave.review.sqlite"


def sha256_bytes(data: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def _text(v: Value) -> str | None:
    return value_to_text(v)


def _legacy_value(s: str | None) -> Value:
    """A value as schema 1 stored it (JSON); decimals are read exactly as they were written."""
    if s is None:
        return None
    v: object = loads(s)
    if v is None or isinstance(v, str):
        return v
    if is_number(v):
        return v
    raise ValueError(f"不是单元格的值：{s[:40]}")


def _why(exc: BaseException) -> str:
    """What a SQLite or OS error means for the user."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code == sqlite3.SQLITE_FULL or getattr(exc, "errno", None) in (errno.ENOSPC, errno.EDQUOT):
        return "磁盘空间不足"
    if code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM) or \
            getattr(exc, "errno", None) in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "文件或文件夹只读，没有写入权限"
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return "文件被另一个程序锁定"
    if code in (sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_CORRUPT):
        return "不是审核工作区文件，或文件已损坏"
    return str(getattr(exc, "strerror", None) or exc)


def _is_write_problem(exc: BaseException) -> bool:
    return _why(exc) in ("磁盘空间不足", "文件或文件夹只读，没有写入权限")


class _Lock:
    """An exclusive lock on `<workspace>.lock`, held while a program writes the workspace."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.fh: IO[str] | None = None

    def acquire(self) -> None:
        fh = open(self.path, "a+", encoding="utf-8")
        try:
            if sys.platform.startswith("win"):
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.seek(0)
            holder = fh.read().strip()
            fh.close()
            raise WorkspaceLocked(self.path.with_suffix(""), holder) from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"{socket.gethostname()} pid {os.getpid()} {now()}")
        fh.flush()
        self.fh = fh

    def release(self) -> None:
        if self.fh is not None:
            self.fh.close()  # closing the file releases the lock
            self.fh = None
            with contextlib.suppress(OSError):
                self.path.unlink()


class Workspace:
    """One workspace file, opened for the life of a session."""

    def __init__(self, path: str | os.PathLike[str], readonly: bool = False) -> None:
        """Open (or create) a workspace for writing, or read-only.

        A file or folder that cannot be written, or a full disk, opens read-only and says why in
        `readonly_reason`; WorkspaceLocked when another program writes it; WorkspaceError for
        anything else, with the exact cause.
        """
        self.path = Path(path)
        self._depth = 0
        self.readonly_reason = "以只读方式打开" if readonly else ""
        self._lock: _Lock | None = None
        exists = self.path.exists() and self.path.stat().st_size > 0
        if not exists and (readonly or self.path.exists()):
            if readonly:
                raise WorkspaceError(f"工作区文件不存在：{self.path}")
        if not readonly:
            problem = self._write_problem(exists)
            if problem and exists:
                self.readonly_reason = problem
            elif problem:
                raise WorkspaceError(f"无法创建工作区：{problem}（{self.path}）")
        if not self.readonly_reason:
            self._lock = _Lock(self.path.with_name(self.path.name + ".lock"))
            self._lock.acquire()
        try:
            self._connect(exists)
        except BaseException:
            if self._lock:
                self._lock.release()
            raise

    @property
    def readonly(self) -> bool:
        """True when this program may not write the workspace (see readonly_reason)."""
        return bool(self.readonly_reason)

    def _write_problem(self, exists: bool) -> str:
        """Why the workspace could not be written here ('' when it can)."""
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            return _why(exc)
        if exists and not os.access(self.path, os.W_OK):
            return "文件只读"
        if not os.access(folder, os.W_OK):
            return "所在文件夹只读"
        probe = folder / f".{self.path.name}.probe-{os.getpid()}"
        try:  # a read-only mount or a full disk says so only when written
            with open(probe, "wb") as fh:
                fh.write(b"\0" * 4096)
                fh.flush()
                os.fsync(fh.fileno())
        except OSError as exc:
            return _why(exc)
        finally:
            with contextlib.suppress(OSError):
                probe.unlink()
        return ""

    def _connect(self, exists: bool) -> None:
        try:
            if self.readonly:
                self.db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
                                          check_same_thread=False)
            else:
                self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA busy_timeout=5000")
            self._check(exists)
            if not self.readonly:
                mode = self.db.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
                if str(mode).lower() != "delete":
                    raise WorkspaceError(f"无法把工作区切换到单文件模式：{self.path}")
                self.db.execute("PRAGMA synchronous=FULL")
                if not exists:
                    for statement in TABLES + TRIGGERS:
                        self.db.execute(statement)
                    self.db.execute(f"PRAGMA application_id={APPLICATION_ID}")
                    self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            self.version = int(self.db.execute("PRAGMA user_version").fetchone()[0])
            self._select = ""
            if self.version == SCHEMA_VERSION and not self.readonly:
                self._add_columns()
            if self.version > SCHEMA_VERSION:
                raise WorkspaceError(f"这个工作区由更新版本的程序写成（格式 {self.version}），"
                                     f"请升级本程序：{self.path}")
            if self.version < SCHEMA_VERSION and self.readonly:
                self._copy_to_memory()  # an old workspace opened read-only is upgraded in memory only
        except sqlite3.DatabaseError as exc:
            with contextlib.suppress(Exception):
                self.db.close()
            if _is_write_problem(exc) and not self.readonly and exists:
                self.readonly_reason = _why(exc)
                if self._lock:
                    self._lock.release()
                    self._lock = None
                self._connect(exists)
                return
            raise WorkspaceError(f"无法打开工作区：{_why(exc)}（{self.path}）") from exc
        except OSError as exc:
            raise WorkspaceError(f"无法打开工作区：{_why(exc)}（{self.path}）") from exc

    def _add_columns(self) -> None:
        """Give a queue line written by an earlier release the columns it lacks (NULL until rewritten)."""
        have = {r[1] for r in self.db.execute("PRAGMA table_info(reports)")}
        for name in _ADDED_COLUMNS:
            if name not in have:
                self.db.execute(f"ALTER TABLE reports ADD COLUMN {name} INTEGER")

    def _summary_select(self) -> str:
        """The SELECT list of a queue line; a column an older file lacks reads as NULL."""
        if not self._select:
            have = {r[1] for r in self.db.execute("PRAGMA table_info(reports)")}
            self._select = ", ".join(k if k in have or k not in _ADDED_COLUMNS else f"NULL AS {k}"
                                     for k in _SUMMARY_KEYS)
        return self._select

    @property
    def in_memory(self) -> bool:
        """True when the workspace is held in memory (an old one opened read-only and upgraded there)."""
        return bool(self.db.execute("PRAGMA database_list").fetchone()[2] == "")

    def _copy_to_memory(self) -> None:
        mem = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        self.db.backup(mem)
        self.db.close()
        self.db = mem

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
        """Close the file (everything is already committed) and give up the lock."""
        with contextlib.suppress(sqlite3.Error):
            self.db.close()
        if self._lock:
            self._lock.release()
            self._lock = None

    def save_copy(self, path: str | os.PathLike[str]) -> Path:
        """Write a complete, self-contained copy of the workspace to another file (this one stays open)."""
        target = Path(path)
        tmp = target.with_name(target.name + ".tmp")
        try:
            tmp.unlink(missing_ok=True)
            dest = sqlite3.connect(tmp)
            try:
                with dest:
                    self.db.backup(dest)
                dest.execute("PRAGMA journal_mode=DELETE")
            finally:
                dest.close()
            os.replace(tmp, target)
        except (OSError, sqlite3.Error) as exc:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
            raise WorkspaceError(f"无法保存副本：{_why(exc)}（{target}）") from exc
        return target

    def save_as(self, path: str | os.PathLike[str]) -> Workspace:
        """Copy the workspace to a new file and continue there."""
        target = self.save_copy(path)
        self.close()
        return Workspace(target)

    # ------------------------------------------------------------ migration from schema 1
    @property
    def needs_migration(self) -> bool:
        """True for a workspace written before records were kept: its texts must be read once."""
        return self.version < SCHEMA_VERSION

    def legacy_rows(self) -> list[LegacyRow]:
        """The reports of a schema-1 workspace, with the published values it stored."""
        out = []
        for rid, source, enc, fmt, text, layout, published in self.db.execute(
                "SELECT id, source, encoding, format, text, layout, published FROM reports ORDER BY id"):
            pub = json.loads(published or "{}")
            out.append(LegacyRow(int(rid), source, enc, fmt or "text", text, json.loads(layout) if layout else None,
                                 {k: _legacy_value(json.dumps(v)) for k, v in pub.items()}))
        return out

    def migrate(self, records: dict[int, tuple[Report, Summary]], reader: str) -> None:
        """Rewrite a schema-1 workspace as schema 2, in one transaction, keeping every act of the auditor."""
        old_reports = self.db.execute("SELECT id, source, sha256, added, state, signoff FROM reports").fetchall()
        corrections = self.db.execute("SELECT report_id, field, value FROM corrections").fetchall()
        acceptances = self.db.execute("SELECT report_id, key, data FROM acceptances").fetchall()
        ledger = self.db.execute("SELECT id, report_id, field, action, published, old, new, reason, time, auditor "
                                 "FROM ledger ORDER BY id").fetchall()
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for table in ("ledger", "acceptances", "corrections", "reports", "records"):
                self.db.execute(f"DROP TABLE IF EXISTS {table}")
            for statement in TABLES:
                self.db.execute(statement)
            for rid, source, sha, added, state, signoff in old_reports:
                report, summary = records[int(rid)]
                self.db.execute("INSERT INTO reports (id, source, sha256, reader, added, state, signoff) "
                                "VALUES (?,?,?,?,?,?,?)", (rid, source, sha, reader, added, state, signoff))
                self.db.execute("INSERT INTO records VALUES (?,?)", (rid, dumps_record(report)))
                self.write_summary(int(rid), summary)
            for rid, fid, value in corrections:
                self.db.execute("INSERT INTO corrections VALUES (?,?,?)", (rid, fid, _text(_legacy_value(value))))
            for rid, key, data in acceptances:
                d = json.loads(data)
                d["values"] = values_to_text({k: _legacy_value(json.dumps(v)) for k, v in d.get("values", {}).items()})
                self.db.execute("INSERT INTO acceptances VALUES (?,?,?)", (rid, key, json.dumps(d, ensure_ascii=False)))
            for lid, rid, fid, action, pub, old, new, reason, time, auditor in ledger:
                self.db.execute("INSERT INTO ledger (id, report_id, field, action, published, old, new, reason, time, "
                                "auditor) VALUES (?,?,?,?,?,?,?,?,?,?)",
                                (lid, rid, fid, action, _text(_legacy_value(pub)), _text(_legacy_value(old)),
                                 _text(_legacy_value(new)), reason, time, auditor))
            for statement in TRIGGERS:
                self.db.execute(statement)
            self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")
        self.version = SCHEMA_VERSION
        self._select = ""

    # ------------------------------------------------------------ reports
    def entries(self) -> list[Entry]:
        """Every report's line, in the order added (no record is read)."""
        return [_entry(row) for row in self.db.execute(f"SELECT {self._summary_select()} FROM reports ORDER BY id")]

    def entry(self, report_id: int) -> Entry | None:
        """One report's line."""
        row = self.db.execute(f"SELECT {self._summary_select()} FROM reports WHERE id=?", (report_id,)).fetchone()
        return None if row is None else _entry(row)

    def ids_of(self, sources: list[str]) -> dict[str, int]:
        """The ids of the reports among these sources that the workspace holds."""
        out: dict[str, int] = {}
        for i in range(0, len(sources), 500):
            part = sources[i:i + 500]
            for rid, src in self.db.execute(f"SELECT id, source FROM reports WHERE source IN "
                                            f"({','.join('?' * len(part))})", part):
                out[src] = int(rid)
        return out

    def add(self, source: str, sha256: str, record: str, summary: Summary, reader: str) -> int:
        """Store a newly read report: its record (dumps_record) and its queue line."""
        with self._transaction():
            cur = self.db.execute("INSERT INTO reports (source, sha256, reader, added) VALUES (?,?,?,?)",
                                  (source, sha256, reader, now()))
            rid = int(cur.lastrowid or 0)
            self.db.execute("INSERT INTO records VALUES (?,?)", (rid, record))
            self.write_summary(rid, summary)
            return rid

    def replace_record(self, report_id: int, sha256: str, report: Report, reader: str) -> None:
        """What was read, read again (reload from source, another encoding): the auditor confirmed it."""
        with self._transaction():
            self.db.execute("UPDATE reports SET sha256=?, reader=? WHERE id=?", (sha256, reader, report_id))
            self.db.execute("UPDATE records SET record=? WHERE report_id=?", (dumps_record(report), report_id))

    def update_summary(self, report_id: int, summary: Summary) -> None:
        """Keep the queue line in step with the review (inside the change's transaction)."""
        with self._transaction():
            self.write_summary(report_id, summary)

    def write_summary(self, report_id: int, s: Summary) -> None:
        """Write a queue line as it is (the caller holds the transaction, or none is needed)."""
        self.db.execute("UPDATE reports SET agency=?, agency_key=?, year=?, format=?, errors=?, warnings=?, "
                        "year_values=?, rules=?, error_cells=?, warning_cells=? WHERE id=?",
                        (s.agency, agency_key(s.agency), s.year, s.format, s.errors, s.warnings,
                         year_values_json(s.year_values), json.dumps(s.rules, ensure_ascii=False), s.error_cells,
                         s.warning_cells, report_id))

    def load(self, report_id: int, review: Review | None = None) -> Review:
        """A report's review exactly as recorded: what was read, and every act of the auditor."""
        row = self.db.execute("SELECT c.record, r.state, r.signoff FROM reports r JOIN records c ON c.report_id = r.id "
                              "WHERE r.id=?", (report_id,)).fetchone()
        if row is None:
            raise KeyError(report_id)
        review = review or Review(loads_record(row[0]), report_id)
        review.report_id = report_id
        review.state = row[1]
        review.signoff = json.loads(row[2]) if row[2] else None
        review.corrections = {f: value_from_text(v) for f, v in self.db.execute(
            "SELECT field, value FROM corrections WHERE report_id=?", (report_id,))}
        review.acceptances = {}
        for key, data in self.db.execute("SELECT key, data FROM acceptances WHERE report_id=?", (report_id,)):
            d = json.loads(data)
            d["values"] = values_from_text(d.get("values", {}))
            review.acceptances[key] = Acceptance(**d)
        review.ledger = [LedgerEntry(f, a, value_from_text(p), value_from_text(o), value_from_text(n), r or "",
                                     t or "", au or "", ref, int(lid))
                         for lid, f, a, p, o, n, r, t, au, ref in self.db.execute(
                             "SELECT id, field, action, published, old, new, reason, time, auditor, ref FROM ledger "
                             "WHERE report_id=? ORDER BY id", (report_id,))]
        if not self.readonly:
            review.store = self
        review._changed()
        return review

    def record_text(self, report_id: int) -> str:
        """The stored record of a report (for a worker process that loads it itself)."""
        row = self.db.execute("SELECT record FROM records WHERE report_id=?", (report_id,)).fetchone()
        if row is None:
            raise KeyError(report_id)
        return str(row[0])

    # ------------------------------------------------------------ the Store protocol
    def record_correction(self, report_id: int, fid: str, value: Value, present: bool,
                          entry: LedgerEntry) -> int:
        """Record a cell's correction (present) or its removal, with its ledger line, in one commit."""
        with self._transaction():
            if present:
                self.db.execute("INSERT OR REPLACE INTO corrections VALUES (?,?,?)", (report_id, fid, _text(value)))
            else:
                self.db.execute("DELETE FROM corrections WHERE report_id=? AND field=?", (report_id, fid))
            self._reopen(report_id)
            return self._insert_ledger(report_id, entry)

    def record_acceptance(self, report_id: int, key: str, acc: Acceptance | None, entry: LedgerEntry) -> int:
        """Record an acceptance (or its withdrawal) with its ledger line, in one commit."""
        with self._transaction():
            if acc is None:
                self.db.execute("DELETE FROM acceptances WHERE report_id=? AND key=?", (report_id, key))
            else:
                d = asdict(acc)
                d["values"] = values_to_text(acc.values)
                self.db.execute("INSERT OR REPLACE INTO acceptances VALUES (?,?,?)",
                                (report_id, key, json.dumps(d, ensure_ascii=False)))
            self._reopen(report_id)
            return self._insert_ledger(report_id, entry)

    def record_signoff(self, report_id: int, signoff: dict[str, str] | None, entry: LedgerEntry) -> int:
        """Sign a report off (or let the sign-off lapse), with its ledger line, in one commit."""
        with self._transaction():
            self.db.execute("UPDATE reports SET state=?, signoff=? WHERE id=?",
                            ("signed off" if signoff else "in review",
                             json.dumps(signoff, ensure_ascii=False) if signoff else None, report_id))
            return self._insert_ledger(report_id, entry)

    def record_entry(self, report_id: int, entry: LedgerEntry) -> int:
        """A ledger line that changes no value (a reason given afterwards, a reload)."""
        with self._transaction():
            return self._insert_ledger(report_id, entry)

    def drop_correction(self, report_id: int, fid: str) -> None:
        """Forget a correction whose field no longer exists (after a reload the auditor confirmed)."""
        with self._transaction():
            self.db.execute("DELETE FROM corrections WHERE report_id=? AND field=?", (report_id, fid))

    def _reopen(self, report_id: int) -> None:
        # any change reopens the review, and a sign-off no longer covers it
        self.db.execute("UPDATE reports SET state='in review', signoff=NULL WHERE id=?", (report_id,))

    def _insert_ledger(self, report_id: int, e: LedgerEntry) -> int:
        cur = self.db.execute("INSERT INTO ledger (report_id, field, action, published, old, new, reason, time, "
                              "auditor, ref) VALUES (?,?,?,?,?,?,?,?,?,?)",
                              (report_id, e.field, e.action, _text(e.published), _text(e.old), _text(e.new), e.reason,
                               e.time, e.auditor, e.ref))
        return int(cur.lastrowid or 0)

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        if self.readonly:
            raise WorkspaceError(f"工作区是只读的（{self.readonly_reason}），修改没有保存：{self.path}")
        if self._depth:  # inside batch(): one commit at the end
            yield
            return
        self._depth += 1
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.db.in_transaction:
                with contextlib.suppress(sqlite3.Error):
                    self.db.execute("ROLLBACK")
            raise WorkspaceError(f"修改没有保存：{_why(exc)}（{self.path}）") from exc
        finally:
            self._depth -= 1

    def batch(self) -> contextlib.AbstractContextManager[None]:
        """Group many writes (a folder of reports, a change and its queue line) into one commit."""
        return self._transaction()

    # ------------------------------------------------------------ reading the ledger
    def ledger_rows(self, report_ids: list[int] | None = None) -> list[dict[str, Any]]:
        """The ledger, oldest first, for corrections.csv."""
        rows = []
        where = ""
        args: list[int] = []
        if report_ids is not None:
            where = f" WHERE l.report_id IN ({','.join('?' * len(report_ids))})"
            args = report_ids
        for lid, src, f, a, p, o, n, r, t, au, ref in self.db.execute(
                "SELECT l.id, r.source, l.field, l.action, l.published, l.old, l.new, l.reason, l.time, l.auditor, "
                f"l.ref FROM ledger l JOIN reports r ON r.id = l.report_id{where} ORDER BY l.id", args):
            rows.append({"entry": lid, "source": src, "field": f, "action": a, "published": value_from_text(p),
                         "old": value_from_text(o), "new": value_from_text(n), "reason": r or "", "time": t,
                         "auditor": au, "refers_to": ref})
        return rows
