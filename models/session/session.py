"""The review session: one workspace, its queue, and every operation the window or the command line makes.

Each operation changes the workspace in one transaction and returns a `Changes` saying which
reports, cells and issues changed; every view redraws from that. No widget keeps review state.
Reviews are loaded from the workspace's records only when a report is opened, so a province's
queue lists at once.
"""
from __future__ import annotations

import contextlib
import json
import os
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from models.checks import label
from models.record import values_from_text
from models.report import WARNING, Issue, Report
from models.review import (
    REASON,
    REDO,
    RELOAD,
    RESTORE,
    SIGNED_OFF,
    UNDO,
    Acceptance,
    Edit,
    LedgerEntry,
    Review,
    SetCell,
    Summary,
    accept,
    issue_key,
    now,
    same_value,
)
from models.session.changes import Changes
from models.session.files import SourceError, read_source, scan_paths, sha256_bytes, source_key
from models.session.pairing import Pairing
from models.session.reading import READER_VERSION, Prepared, read_file, read_in_worker
from models.session.workers import Cancelled, Progress, Stopped
from models.values import Value, format_value
from models.workspace import Entry, Workspace, WorkspaceError, rules_of, year_values_json, year_values_of

if TYPE_CHECKING:
    from parsers.ocr_suggest import Suggestion

OCR_SUGGESTION_REASON = "按勾稽关系采纳 OCR 备选读数"
LOADED_MAX = 64  # reviews kept loaded (the rest are read again from their record when opened)


@dataclass(slots=True)
class QueueItem:
    """A report's line in the queue (what the workspace's row says; parts are read only when needed)."""
    id: int
    source: str
    sha256: str
    agency: str | None
    year: int | None
    format: str
    own_errors: int  # open errors and warnings of the report itself
    own_warnings: int
    state: str
    year_json: str  # the cross-year fields' values, as stored
    rules_json: str  # the report's own open issues by rule, as stored
    reader: str = ""  # the reader's version that made the record
    added: str = ""  # when the report joined the workspace
    own_error_cells: int = 0  # the cells its own open errors and warnings name (each cell once)
    own_warning_cells: int = 0
    external: list[Issue] = field(default_factory=list)  # cross-year issues found with other reports
    accepted: dict[str, dict[str, Value]] = field(default_factory=dict)  # accepted cross-year issues
    _year: dict[str, Value] | None = None
    _rules: dict[str, tuple[int, int]] | None = None

    @property
    def year_values(self) -> dict[str, Value]:
        """The current values of the fields the cross-year check compares."""
        if self._year is None:
            self._year = year_values_of(self.year_json)
        return self._year

    @property
    def rules(self) -> dict[str, tuple[int, int]]:
        """The report's own open errors and warnings by rule."""
        if self._rules is None:
            self._rules = rules_of(self.rules_json)
        return self._rules

    def set_summary(self, s: Summary, state: str) -> None:
        """Take a review's new summary."""
        self.agency, self.year, self.format = s.agency, s.year, s.format
        self.own_errors, self.own_warnings, self.state = s.errors, s.warnings, state
        self.own_error_cells, self.own_warning_cells = s.error_cells, s.warning_cells
        self.year_json, self._year = year_values_json(s.year_values), dict(s.year_values)
        self.rules_json, self._rules = "", dict(s.rules)

    @property
    def name(self) -> str:
        """The file name."""
        return Path(self.source).name

    @property
    def errors(self) -> int:
        return self.own_errors

    @property
    def warnings(self) -> int:
        """Open warnings (items, one per cause), cross-year ones included."""
        return self.own_warnings + len(self._open_external())

    @property
    def error_cells(self) -> int:
        """The cells its open errors name."""
        return self.own_error_cells

    @property
    def warning_cells(self) -> int:
        """The cells its open warnings name (a cell a cross-year item names may be counted once more)."""
        return self.own_warning_cells + len({f for i in self._open_external() for f in i.fields})

    def open_by_rule(self) -> dict[str, tuple[int, int]]:
        """Open errors and warnings by rule, cross-year ones included."""
        out = dict(self.rules)
        for i in self._open_external():
            e, w = out.get(i.rule, (0, 0))
            out[i.rule] = (e + (i.severity == "error"), w + (i.severity == WARNING))
        return out

    def _open_external(self) -> list[Issue]:
        """The cross-year warnings not accepted."""
        return [i for i in self.external if i.severity == WARNING and not self._accepted(i)]

    def _accepted(self, issue: Issue) -> bool:
        vals = self.accepted.get(issue_key(issue))
        return vals is not None and all(same_value(self.year_values.get(f), v) for f, v in vals.items())


@dataclass
class _Step:
    """One undoable act: the edits it made, each with the edit that takes it back and its ledger entry."""
    text: str
    done: list[tuple[Edit, Edit, int]]  # (forward, inverse, entry id)


@dataclass
class ReloadPlan:
    """What reading a report's source again would change, shown before anything is applied."""
    report_id: int
    report: Report | None
    sha256: str
    encoding: str | None
    changed: list[tuple[str, Value, Value]]  # field, published now, published in the new reading
    dropped: list[str]  # corrected fields the new reading does not have
    error: str | None = None
    same_file: bool = False  # the file's bytes are those already read
    reader_was: str = ""  # the reader's version that made the record now kept
    reader_now: str = READER_VERSION


class Session:
    """One open workspace and the reviews in it."""

    def __init__(self, ws: Workspace, auditor: str = "") -> None:
        self.ws = ws
        self._auditor = auditor
        self.items: list[QueueItem] = []
        self._by_id: dict[int, QueueItem] = {}
        self._by_source: dict[str, int] = {}
        self._row: dict[int, int] = {}
        self._loaded: OrderedDict[int, Review] = OrderedDict()
        self._undo: dict[int, list[_Step]] = {}
        self._redo: dict[int, list[_Step]] = {}
        self.pairing = Pairing()
        self._unpaired: set[str] = set()
        self._stale: set[int] = set()  # queue lines an earlier release counted: pair_some() counts them again
        self._dups: dict[int, list[int]] | None = None  # duplicates(), worked out again after adds and reloads
        self._load_queue(ws.entries())

    # ================================================================ opening and closing
    @classmethod
    def open(cls, path: str | os.PathLike[str], readonly: bool = False, auditor: str = "") -> Session:
        """Open a workspace (WorkspaceError / WorkspaceLocked say why not); an old one is upgraded once."""
        ws = Workspace(path, readonly=readonly)
        try:
            if ws.needs_migration:
                from models.session.migrate import migrate

                migrate(ws)
            return cls(ws, auditor)
        except BaseException:
            ws.close()
            raise

    @property
    def readonly(self) -> bool:
        return self.ws.readonly

    @property
    def auditor(self) -> str:
        return self._auditor

    @auditor.setter
    def auditor(self, name: str) -> None:
        self._auditor = name
        for r in self._loaded.values():
            r.auditor = name

    def close(self) -> None:
        """Close the workspace (everything is already committed)."""
        self.ws.close()

    def save_copy(self, path: str | os.PathLike[str]) -> Path:
        """A complete, self-contained copy of the workspace in another file."""
        return self.ws.save_copy(path)

    def save_as(self, path: str | os.PathLike[str]) -> None:
        """Copy the workspace to a new file and go on working there."""
        self.ws = self.ws.save_as(path)
        for r in self._loaded.values():
            r.store = self.ws

    # ================================================================ the queue
    def _load_queue(self, entries: Iterable[Entry]) -> None:
        accepted: dict[int, dict[str, dict[str, Value]]] = {}

        for rid, key, data in self.ws.db.execute(
                "SELECT report_id, key, data FROM acceptances WHERE key LIKE 'cross_year:%'"):
            accepted.setdefault(int(rid), {})[key] = values_from_text(json.loads(data).get("values", {}))
        for e in entries:
            item = QueueItem(e.id, e.source, e.sha256, e.agency, e.year, e.format, e.errors, e.warnings, e.state,
                             e.year_json, e.rules_json, e.reader, e.added, e.error_cells or 0, e.warning_cells or 0,
                             accepted=accepted.get(e.id, {}))
            if e.error_cells is None:  # counted by an earlier release (one per single issue): counted again
                self._stale.add(e.id)
            self._append(item)
            self.pairing.place_key(e.id, e.agency_key)
        # the cross-year check runs a little at a time (pair_some) or for one agency when it is opened
        self._unpaired = set(self.pairing.groups_to_check())

    def _append(self, item: QueueItem) -> None:
        self._dups = None
        self._row[item.id] = len(self.items)
        self.items.append(item)
        self._by_id[item.id] = item
        self._by_source[item.source] = item.id

    def item(self, rid: int) -> QueueItem:
        """A report's queue line."""
        return self._by_id[rid]

    def row_of(self, rid: int) -> int:
        """A report's position in the queue (-1 if not there)."""
        return self._row.get(rid, -1)

    def find(self, path: str | os.PathLike[str]) -> int | None:
        """The id of a report file in the queue."""
        return self._by_source.get(source_key(path))

    def to_read(self, paths: list[str]) -> tuple[list[str], list[str], list[int]]:
        """Of files and folders asked for: the files still to read, the files of kinds we do not read,
        and the reports already in the queue."""
        files, in_folders = scan_paths(paths)
        skipped = [f for fs in in_folders.values() for f in fs]
        todo, known = [], []
        for k in dict.fromkeys(source_key(p) for p in files):
            rid = self._by_source.get(k)
            if rid is None:
                todo.append(k)
            else:
                known.append(rid)
        return todo, skipped, known

    def add_prepared(self, prepared: list[Prepared]) -> Changes:
        """Reports read by prepare() join the workspace and the queue, in one commit."""
        ch = Changes()
        if self.readonly:
            ch.errors += [f"{Path(p.source).name}：工作区是只读的，不能加入新报告" for p in prepared]
            return ch
        groups = set()
        with self.ws.batch():
            for p in prepared:
                if p.source in self._by_source:
                    continue
                if p.error or p.summary is None:
                    ch.errors.append(f"{Path(p.source).name}：{p.error}")
                    continue
                s = p.summary
                rid = self.ws.add(p.source, p.sha256, p.record, s, READER_VERSION)
                item = QueueItem(rid, p.source, p.sha256, s.agency, s.year, s.format, s.errors, s.warnings,
                                 "not started", "", "", READER_VERSION, now())
                item.set_summary(s, "not started")
                self._append(item)
                groups.add(self.pairing.place(rid, s.agency)[1])
                ch.added.append(rid)
        ch.rows |= self._pair(groups)
        return ch

    def duplicates(self) -> dict[int, list[int]]:
        """Reports that look like the same report twice: the same agency (folded as for the cross-year
        check) and year, or the same file bytes (SHA-256); report → the others, in queue order."""
        if self._dups is None:
            groups: dict[tuple[str, str], list[int]] = {}
            for it in self.items:
                key = self.pairing.group_of(it.id)
                if key and it.year:
                    groups.setdefault((key, str(it.year)), []).append(it.id)
                if it.sha256:
                    groups.setdefault(("", it.sha256), []).append(it.id)
            dups: dict[int, list[int]] = {}
            for members in groups.values():
                for rid in members if len(members) > 1 else ():
                    dups.setdefault(rid, []).extend(m for m in members if m != rid)
            self._dups = {rid: sorted(set(others), key=self.row_of) for rid, others in dups.items()}
        return self._dups

    def next_needing_work(self, after: int | None, order: Sequence[int] | None = None) -> int | None:
        """The first report after `after` (in `order`, else the queue's, from the top again) that needs
        work: one with open errors first, else one not signed off; None when no other report does."""
        ids = list(order) if order is not None else [it.id for it in self.items]
        if after in ids:
            k = ids.index(after)
            ids = ids[k + 1:] + ids[:k]
        todo = [it for it in (self._by_id.get(r) for r in ids) if it is not None and it.state != SIGNED_OFF]
        first = next((it for it in todo if it.errors), todo[0] if todo else None)
        return first.id if first is not None else None

    def pair_some(self, seconds: float = 0.02) -> Changes:
        """Run the cross-year check of agencies not checked yet, for about this long (the window calls
        it when idle after a workspace opens); Changes().rows is empty once all are done."""
        import time

        ch = Changes()
        end = time.perf_counter() + seconds
        while self._unpaired and time.perf_counter() < end:
            ch.rows |= self._pair([self._unpaired.pop()])
        while self._stale and not self._unpaired and time.perf_counter() < end:
            ch.rows.add(self._recount(self._stale.pop()))
        ch.issues |= {r for r in ch.rows if r in self._loaded}
        return ch

    @property
    def pairing_done(self) -> bool:
        """True when every agency's cross-year check has run and every queue line counts issues by cause."""
        return not self._unpaired and not self._stale

    def _recount(self, rid: int) -> int:
        """Count a queue line's open issues again from its record (a line an earlier release wrote counted
        single issues, not causes, and no cells)."""
        item = self._by_id[rid]
        review = self._loaded.get(rid)
        if review is None:
            review = self.ws.load(rid)
            review.external = list(item.external)
        s = review.summary()
        item.set_summary(s, item.state)
        if not self.readonly:
            with contextlib.suppress(WorkspaceError):  # the line in memory is right; the file's, next change
                self.ws.update_summary(rid, s)
        return rid

    def _pair(self, groups: Iterable[str]) -> set[int]:
        """Re-run the cross-year check of these agency groups; the reports whose issues changed."""
        changed: set[int] = set()
        for key in groups:
            self._unpaired.discard(key)
            if not key:
                continue
            found = self.pairing.issues(key, lambda rid: self._by_id[rid].year,
                                        lambda rid: self._by_id[rid].year_values)
            for rid, issues in found.items():
                item = self._by_id[rid]
                if [(i.rule, i.fields, i.message) for i in issues] != \
                        [(i.rule, i.fields, i.message) for i in item.external]:
                    item.external = issues
                    changed.add(rid)
                    review = self._loaded.get(rid)
                    if review is not None:
                        review.set_external(issues)
        return changed

    # ================================================================ reviews
    def review(self, rid: int) -> Review:
        """A report's review, loaded from its record in the workspace (no file is read, no reader runs)."""
        review = self._loaded.get(rid)
        if review is not None:
            self._loaded.move_to_end(rid)
            return review
        group = self.pairing.group_of(rid)
        if group in self._unpaired:
            self._pair([group])
        review = self.ws.load(rid)
        review.auditor = self._auditor
        review.external = list(self._by_id[rid].external)
        review._changed()
        self._loaded[rid] = review
        while len(self._loaded) > LOADED_MAX:
            # its undo history stays (edits and entry numbers only): loaded again, the review is the same
            self._loaded.popitem(last=False)
        return review

    def _after_change(self, rid: int, review: Review, ch: Changes, old_year_values: Mapping[str, Value]) -> None:
        """Bring the queue line, the stored summary and the cross-year check in step with a changed review."""
        item = self._by_id[rid]
        s = review.summary()
        item.set_summary(s, review.state)
        item.accepted = {k: dict(a.values) for k, a in review.acceptances.items() if k.startswith("cross_year:")}
        self.ws.update_summary(rid, s)
        ch.rows.add(rid)
        ch.issues.add(rid)
        if any(not same_value(old_year_values.get(f), v) for f, v in s.year_values.items()):
            ch.rows |= self._pair([self.pairing.group_of(rid)])
            ch.issues |= {r for r in ch.rows if r in self._loaded}

    @contextlib.contextmanager
    def _changing(self, rid: int) -> Iterator[None]:
        """One commit for a change; if it fails, what is in memory is read again from the record."""
        try:
            with self.ws.batch():
                yield
        except BaseException:
            self._loaded.pop(rid, None)
            self._undo.pop(rid, None)
            self._redo.pop(rid, None)
            e = self.ws.entry(rid)
            if e is not None:
                item = self._by_id[rid]
                item.own_errors, item.own_warnings, item.state = e.errors, e.warnings, e.state
                item.own_error_cells, item.own_warning_cells = e.error_cells or 0, e.warning_cells or 0
                item.year_json, item.rules_json, item._year, item._rules = e.year_json, e.rules_json, None, None
            raise

    def _apply(self, rid: int, text: str, edits: list[Edit]) -> Changes:
        """Make edits as one undoable step, in one commit."""
        ch = Changes()
        review = self.review(rid)
        before = dict(self._by_id[rid].year_values)
        done = []
        with self._changing(rid):
            for e in edits:
                inverse, entry = e.apply(review)
                done.append((e, inverse, entry.id))
            self._after_change(rid, review, ch, before)
        self._undo.setdefault(rid, []).append(_Step(text, done))
        self._redo.pop(rid, None)
        ch.cells[rid] = {getattr(e, "fid", "") for e in edits} - {""}
        return ch

    def edit(self, rid: int, fid: str, value: Value, reason: str = "") -> Changes:
        """Correct a cell. Giving the value it already has changes nothing and logs nothing."""
        review = self.review(rid)
        if same_value(review.value(fid), value):
            return Changes()
        return self._apply(rid, f"{label(fid)} → {format_value(value) or '空白'}", [SetCell(fid, value, reason)])

    def edit_many(self, rid: int, values: Mapping[str, Value], reason: str = "") -> Changes:
        """Correct several cells (a pasted range) as ONE undoable step with one reason; cells given the
        value they already have are left alone."""
        review = self.review(rid)
        edits: list[Edit] = [SetCell(f, v, reason) for f, v in values.items() if not same_value(review.value(f), v)]
        if not edits:
            return Changes()
        return self._apply(rid, f"粘贴 {len(edits)} 个单元格", edits)

    def restore(self, rid: int, fid: str, reason: str = "") -> Changes:
        """Take a cell back to the value printed in the report."""
        if fid not in self.review(rid).corrections:
            return Changes()
        return self._apply(rid, f"{label(fid)} 恢复原值", [SetCell(fid, RESTORE, reason)])

    def accept(self, rid: int, keys: list[str], reason: str) -> Changes:
        """Accept open issues (by key) as published, with a reason, as one step: one acceptance per issue
        (the values of all its cells) and one ledger entry per cell it names, all with that reason."""
        review = self.review(rid)
        items = [it for it in review.issues() if it.key in keys and it.state == "open"]
        if not items:
            return Changes()
        return self._apply(rid, f"按原样接受 {len(items)} 项", [accept(review, it, reason) for it in items])

    def accept_kind(self, report_ids: Iterable[int], kind: str, reason: str) -> Changes:
        """Accept every open issue of one kind (Issue.kind_of: a grouped cause such as blank_columns, or a
        rule such as R3 for the issues that stand alone) in each of these reports, with one reason. Each
        report is one undoable step (undo(rid) takes back that report's part); every cell gets its entry."""
        ch = Changes()
        for rid in report_ids:
            review = self.review(rid)
            keys = [it.key for it in review.open_issues() if it.issue.kind_of == kind]
            if keys:
                ch.merge(self.accept(rid, keys, reason))
        return ch

    def can_undo(self, rid: int) -> bool:
        return bool(self._undo.get(rid))

    def can_redo(self, rid: int) -> bool:
        return bool(self._redo.get(rid))

    def undo_text(self, rid: int) -> str:
        steps = self._undo.get(rid)
        return steps[-1].text if steps else ""

    def redo_text(self, rid: int) -> str:
        steps = self._redo.get(rid)
        return steps[-1].text if steps else ""

    def undo_edits(self, rid: int) -> list[Edit]:
        """The edits (SetCell, AcceptIssue) of the step undo would take back, for a window to name in its words."""
        steps = self._undo.get(rid)
        return [forward for forward, _, _ in steps[-1].done] if steps else []

    def redo_edits(self, rid: int) -> list[Edit]:
        """The edits of the step redo would make again (as it was first made)."""
        steps = self._redo.get(rid)
        return [inverse for _, inverse, _ in steps[-1].done] if steps else []

    def undo(self, rid: int) -> Changes:
        """Take back the last step: new ledger entries that name the entries they undo."""
        return self._replay(rid, self._undo, self._redo, UNDO)

    def redo(self, rid: int) -> Changes:
        """Make an undone step again: new ledger entries that name the entries they redo."""
        return self._replay(rid, self._redo, self._undo, REDO)

    def _replay(self, rid: int, source: dict[int, list[_Step]], target: dict[int, list[_Step]],
                action: str) -> Changes:
        steps = source.get(rid)
        if not steps:
            return Changes()
        step = steps[-1]
        review = self.review(rid)
        before = dict(self._by_id[rid].year_values)
        ch = Changes()
        redone = []
        with self._changing(rid):
            for _forward, inverse, eid in reversed(step.done):
                again, entry = inverse.apply(review, action, eid)
                redone.append((inverse, again, entry.id))
            self._after_change(rid, review, ch, before)
        steps.pop()
        target.setdefault(rid, []).append(_Step(step.text, list(reversed(redone))))
        ch.cells[rid] = {getattr(f, "fid", "") for f, _, _ in step.done} - {""}
        return ch

    def give_reason(self, rid: int, entry_id: int, reason: str) -> Changes:
        """Give the reason for an edit after it was made: a new entry that names it."""
        review = self.review(rid)
        target = review.entry(entry_id)
        if target is None or not reason.strip():
            return Changes()
        with self._changing(rid):
            review.note(REASON, reason.strip(), entry_id, target.field)
        return Changes(issues={rid})

    def sign_off(self, rid: int, note: str = "") -> Changes:
        """The review is done: who, when, and the SHA-256 of the source as it was read."""
        review = self.review(rid)
        ch = Changes()
        with self._changing(rid):
            review.sign_off(self._by_id[rid].sha256, note)
            self._after_change(rid, review, ch, self._by_id[rid].year_values)
        return ch

    # ================================================================ OCR suggestions
    def ocr_suggestions(self, rid: int) -> list[Suggestion]:
        """For a scan whose consistency rules (R1–R4) fail: each change of ONE doubtful OCR cell (not
        corrected yet) to another reading of it (an alternative the recogniser gave, or what its ink's
        shape suggests) that makes every failing rule hold, likeliest first; Suggestion.message says it
        ("OCR 读作 6，按勾稽关系应为 9"). Nothing is changed: apply_suggestion() takes one."""
        review = self.review(rid)
        if not any(c.ocr is not None for c in review.report.cells.values()):
            return []  # not a scan: nothing to suggest, and no OCR module to load
        from parsers.ocr_marks import OcrMark
        from parsers.ocr_suggest import suggest

        marks = {}
        for fid, cell in review.report.cells.items():
            o = cell.ocr
            if o is None or fid in review.corrections:
                continue
            marks[fid] = OcrMark(o.text, o.confidence, o.alternatives, None, None, cell.uncertain, o.flagged, o.note)
        if not marks:
            return []
        return suggest(review.values(), marks)

    def apply_suggestion(self, rid: int, suggestion: Suggestion) -> Changes:
        """The auditor accepts a suggestion: an ordinary correction of that cell (undoable, one ledger
        entry), its reason saying why."""
        reason = f"{OCR_SUGGESTION_REASON}：{suggestion.message}（{'、'.join(suggestion.rules)}）"
        return self.edit(rid, suggestion.field, suggestion.value, reason)

    # ================================================================ reading the source again
    def reload_plan(self, rid: int, encoding: str | None = None, progress: Progress | None = None,
                    cancelled: Cancelled | None = None) -> ReloadPlan:
        """Read the report's file again (never written) and say what would change; applies nothing. A
        scan is read by OCR again: progress(page, pages) after each page, and cancelled() stops it at
        the next page (the plan then names the pages not read in its report's issues)."""
        report, sha = read_file(self._by_id[rid].source, encoding, progress, cancelled)
        return self.plan_reload(rid, encoding, report, sha)

    def read_again(self, rid: int, encoding: str | None = None, progress: Progress | None = None,
                   cancelled: Cancelled | None = None, worker: bool = False) -> tuple[Report, str] | None:
        """Read a report's file again (as reload_plan does) and nothing else: it takes only the file's
        name from the session, so the window may run it on another thread (a scan: minutes of OCR),
        with worker=True, which reads it in a worker process (None: cancelled before it began)."""
        source = self._by_id[rid].source
        if worker:
            return read_in_worker(source, encoding, progress, cancelled)
        return read_file(source, encoding, progress, cancelled)

    def plan_reload(self, rid: int, encoding: str | None, report: Report, sha: str) -> ReloadPlan:
        """What would change if the report read again (read_again) replaced the reading in the workspace."""
        item = self._by_id[rid]
        review = self.review(rid)
        if report.error:
            return ReloadPlan(rid, None, sha, encoding, [], [], report.error)
        old, new = review.report.values(), report.values()
        changed = [(f, old.get(f), new.get(f)) for f in dict.fromkeys(list(old) + list(new))
                   if not same_value(old.get(f), new.get(f))]
        dropped = [f for f in review.corrections if f not in new]
        return ReloadPlan(rid, report, sha, encoding, changed, dropped, same_file=sha == item.sha256,
                          reader_was=item.reader)

    def apply_reload(self, plan: ReloadPlan) -> Changes:
        """Take the new reading the auditor confirmed: corrections are kept, those without a field are named."""
        if plan.report is None:
            return Changes()
        rid = plan.report_id
        old_review = self.review(rid)
        item = self._by_id[rid]
        ch = Changes()
        how = f"按 {plan.encoding} 编码" if plan.encoding else "从源文件"
        reason = f"{how}重新读取：{len(plan.changed)} 个印出值改变" + \
            (f"；无法保留的修改：{'、'.join(plan.dropped)}" if plan.dropped else "")
        with self._changing(rid):
            self.ws.replace_record(rid, plan.sha256, plan.report, READER_VERSION)
            for f in plan.dropped:
                self.ws.drop_correction(rid, f)
            old_review.note(RELOAD, reason)
            if plan.sha256 != item.sha256 and old_review.lapse_signoff("源文件已改变，重新读取") is not None:
                ch.notes.append("签发已失效：源文件自签发后已改变，请审核后重新签发")
            self._loaded.pop(rid, None)
            review = self.review(rid)
            item.sha256, item.reader = plan.sha256, READER_VERSION
            self._dups = None
            old_group = self.pairing.group_of(rid)
            new_group = self.pairing.place(rid, review.report.meta.agency)[1]
            self._after_change(rid, review, ch, {})
            ch.rows |= self._pair({old_group, new_group})
        self._undo.pop(rid, None)
        self._redo.pop(rid, None)
        ch.reloaded.add(rid)
        ch.notes.insert(0, reason)
        return ch

    def source_bytes(self, rid: int) -> bytes:
        """The source file's bytes, to show its pages (SourceError when it is gone or no longer the one read)."""
        item = self._by_id[rid]
        data = read_source(item.source)
        if sha256_bytes(data) != item.sha256:
            raise SourceError("源文件自读取后已经改变；页面与审核的文本不一致，请“从源文件重新读取”")
        return data

    # ================================================================ export
    def export(self, out_dir: str | os.PathLike[str], progress: Progress | None = None,
               cancelled: Cancelled | None = None, spawn: bool = False) -> list[Path]:
        """Write the dataset of every report in the queue. ExportError says why it could not be written and
        Stopped that it was cancelled; either way the files already in out_dir stay as they were."""
        from models.session.exporting import export_workspace

        while self._unpaired:  # the cross-year issues go into the export (recounting queue lines need not)
            self.pair_some(1.0)
        items = [(it.id, it.sha256, list(it.external)) for it in self.items]

        def step(done: int, total: int) -> None:  # a cancelled export stops before anything is replaced
            if cancelled is not None and cancelled():
                raise Stopped
            if progress is not None:
                progress(done, total)

        if cancelled is not None and cancelled():
            raise Stopped
        # read through a connection of its own: the window may be writing while the export runs
        reader = self.ws if self.ws.in_memory else Workspace(self.ws.path, readonly=True)
        try:
            return export_workspace(reader, items, out_dir, step, None, spawn)
        finally:
            if reader is not self.ws:
                reader.close()

    # ================================================================ the ledger
    def ledger(self, rid: int) -> list[LedgerEntry]:
        """A report's ledger, oldest first."""
        return list(self.review(rid).ledger)

    def acceptance_of(self, rid: int, key: str) -> Acceptance | None:
        return self.review(rid).acceptances.get(key)


def as_text_error(exc: BaseException) -> str:
    """One line for the user from an error a session operation raised."""
    if isinstance(exc, (WorkspaceError, SourceError)):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"
