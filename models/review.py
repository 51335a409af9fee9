"""A report under review: corrections, acceptances and the append-only ledger.

Every change is an Edit whose apply() makes it and returns the edit that takes it back, so the
session's undo stacks only keep edits. A `Store` (the workspace) is told about every change as it
happens and gives each ledger entry its number. No ledger entry is ever changed or removed: an
undo is a new entry that names the entry it undoes, and a reason given after an edit is a new
entry that names that edit.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from models.checks import check
from models.crossyear import YEAR_FIELDS
from models.report import ERROR, INFO, WARNING, Issue, Report
from models.status import ACCEPTED, OPEN, RESOLVED, cell_status
from models.values import Value, format_value, is_number

NOT_STARTED, IN_REVIEW, SIGNED_OFF = "not started", "in review", "signed off"
__all__ = ["ACCEPTED", "OPEN", "RESOLVED", "NOT_STARTED", "IN_REVIEW", "SIGNED_OFF", "Review", "LedgerEntry",
           "Acceptance", "ReviewedIssue", "Summary", "Edit", "SetCell", "AcceptIssue", "RESTORE", "accept",
           "issue_key", "now"]

# ledger actions
EDIT, RESTORE_ACTION, ACCEPT, UNACCEPT = "edit", "restore", "accept", "unaccept"
UNDO, REDO, REASON = "undo", "redo", "reason"
SIGNOFF, SIGNOFF_LAPSED, RELOAD = "signoff", "signoff lapsed", "reload"


def same_value(a: Value, b: Value) -> bool:
    """True when two cell values are the same: both blank, both "/", or equal numbers."""
    if is_number(a) and is_number(b):
        return bool(a == b)
    return a == b and type(a) is type(b)


def issue_key(issue: Issue) -> str:
    """A stable name for an issue across re-checks: the rule and the cause of a grouped issue (its
    `key`), else its rule and the cells it names."""
    return issue.key_of


def now() -> str:
    """The time stamp used in the ledger (local time, seconds)."""
    return _dt.datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass
class Acceptance:
    """The auditor accepted a flagged value as published, for as long as these values stand."""
    key: str
    reason: str
    values: dict[str, Value]
    auditor: str = ""
    time: str = ""


@dataclass
class LedgerEntry:
    field: str  # a field id, an issue key for an acceptance, '' for the whole report
    action: str  # edit, restore, accept, unaccept, undo, redo, reason, signoff, signoff lapsed, reload
    published: Value
    old: Value
    new: Value
    reason: str
    time: str
    auditor: str
    ref: int | None = None  # the entry this one undoes, redoes or gives the reason of
    id: int = 0  # its number in the workspace (0 while not stored)


@dataclass
class ReviewedIssue:
    issue: Issue
    key: str
    state: str  # open, accepted or resolved
    acceptance: Acceptance | None = None


@dataclass(frozen=True)
class Summary:
    """What the queue shows of a review and what the cross-year check needs of it."""
    agency: str | None
    year: int | None
    format: str
    errors: int
    warnings: int
    year_values: dict[str, Value]
    rules: dict[str, tuple[int, int]] = field(default_factory=dict)  # open errors and warnings by rule
    # the cells the open errors and the open warnings name (each cell once): an item can be one cell or 175
    error_cells: int = 0
    warning_cells: int = 0


class Store(Protocol):
    """Where a review's changes go the moment they are made (the workspace); returns the entry's number."""

    def record_correction(self, report_id: int, fid: str, value: Value, present: bool,
                          entry: LedgerEntry) -> int: ...
    def record_acceptance(self, report_id: int, key: str, acc: Acceptance | None, entry: LedgerEntry) -> int: ...
    def record_signoff(self, report_id: int, signoff: dict[str, str] | None, entry: LedgerEntry) -> int: ...
    def record_entry(self, report_id: int, entry: LedgerEntry) -> int: ...


class _Restore:
    """The marker for "back to the published value"."""

    def __repr__(self) -> str:
        return "RESTORE"


RESTORE = _Restore()


@dataclass
class Review:
    report: Report
    report_id: int = 0
    corrections: dict[str, Value] = field(default_factory=dict)
    acceptances: dict[str, Acceptance] = field(default_factory=dict)
    ledger: list[LedgerEntry] = field(default_factory=list)
    auditor: str = ""
    store: Store | None = None
    state: str = NOT_STARTED
    signoff: dict[str, str] | None = None  # auditor, time, sha256 of the source when signed off
    external: list[Issue] = field(default_factory=list)  # issues found with other reports (cross_year)
    source_note: str = ""  # set when the file on disk is not the text under review
    _values: dict[str, Value] | None = None
    _issues: list[ReviewedIssue] | None = None
    _states: dict[str, str] | None = None
    _by_field: dict[str, list[ReviewedIssue]] | None = None
    listeners: list[Callable[[], None]] = field(default_factory=list)

    # ------------------------------------------------------------ reading
    def published(self, fid: str) -> Value:
        """The value as printed in the report."""
        return self.report.value(fid) if fid else None

    def counts(self) -> tuple[int, int]:
        """Open errors and open warnings."""
        items = self.open_issues()
        return (sum(1 for r in items if r.issue.severity == ERROR),
                sum(1 for r in items if r.issue.severity == WARNING))

    def summary(self) -> Summary:
        """The queue's line of this review: its own open errors and warnings, as items and as cells
        (cross-year issues, found with other reports, are counted by the queue) and the values the
        cross-year check compares."""
        own = [r for r in self.open_issues() if r.issue.rule != "cross_year"]
        errors = sum(1 for r in own if r.issue.severity == ERROR)
        warnings = sum(1 for r in own if r.issue.severity == WARNING)
        cells = {sev: len({f for r in own if r.issue.severity == sev for f in r.issue.fields})
                 for sev in (ERROR, WARNING)}
        rules: dict[str, tuple[int, int]] = {}
        for r in own:
            e, w = rules.get(r.issue.rule, (0, 0))
            rules[r.issue.rule] = (e + (r.issue.severity == ERROR), w + (r.issue.severity == WARNING))
        vals = self.values()
        m = self.report.meta
        return Summary(m.agency, m.year, self.report.format, errors, warnings, {f: vals.get(f) for f in YEAR_FIELDS},
                       rules, cells[ERROR], cells[WARNING])

    def values(self) -> dict[str, Value]:
        """Published values with the corrections applied."""
        if self._values is None:
            vals = self.report.values()
            vals.update(self.corrections)
            self._values = vals
        return self._values

    def value(self, fid: str) -> Value:
        """The current (cleaned) value of a field."""
        return self.values().get(fid)

    def issues(self) -> list[ReviewedIssue]:
        """Every issue on the current values, each open, accepted or resolved."""
        if self._issues is None:
            vals = self.values()
            out = []
            extra = [Issue("source", WARNING, [], self.source_note)] if self.source_note else []
            for i in extra + check(self.report, vals) + self.external:
                key = issue_key(i)
                acc = self._accepted(key, i, vals)
                if acc is not None:
                    out.append(ReviewedIssue(i, key, ACCEPTED, acc))
                elif self._filled(i):
                    out.append(ReviewedIssue(i, key, RESOLVED))
                else:
                    out.append(ReviewedIssue(i, key, OPEN))
            self._issues = out
        return self._issues

    def _accepted(self, key: str, issue: Issue, vals: dict[str, Value]) -> Acceptance | None:
        """The acceptance that covers an issue while the values it accepted stand: its own, or for a
        grouped issue those of all the single issues it stands for (accepted one by one before)."""
        def holds(acc: Acceptance | None) -> bool:
            return acc is not None and all(same_value(vals.get(f), v) for f, v in acc.values.items())

        acc = self.acceptances.get(key)
        if holds(acc):
            return acc
        if issue.parts and all(holds(self.acceptances.get(p)) for p in issue.parts):
            return self.acceptances[issue.parts[0]]
        return None

    def _filled(self, issue: Issue) -> bool:
        """A note that cells were not printed is settled once the auditor has entered every one."""
        if issue.rule != "missing" or not any(s.rule == issue.rule and s.fields == issue.fields
                                               for s in self.report.structure):
            return False
        blank = [f for f in issue.fields if self.report.value(f) is None]
        return bool(blank) and all(self.corrections.get(f) is not None for f in blank)

    def open_issues(self) -> list[ReviewedIssue]:
        """Issues not yet accepted (information notes excluded)."""
        return [r for r in self.issues() if r.state == OPEN and r.issue.severity != INFO]

    def cell_state(self, fid: str) -> str:
        """What colour a cell gets (see models.status.cell_status)."""
        if self._states is None:
            self._states = {}
        state = self._states.get(fid)
        if state is None:
            cell = self.report.cells.get(fid)
            named = self.issues_for(fid)
            state = self._states[fid] = cell_status(
                [(r.issue.severity, r.state) for r in named] if named else (), fid in self.corrections,
                cell is not None and cell.uncertain, self.value(fid), cell is not None and cell.ocr is not None)
        return state

    def statuses(self) -> dict[str, str]:
        """The status of every field."""
        return {fid: self.cell_state(fid) for fid in self.values()}

    def issues_for(self, fid: str) -> list[ReviewedIssue]:
        """The issues that name a cell."""
        if self._by_field is None:
            by: dict[str, list[ReviewedIssue]] = {}
            for r in self.issues():
                for f in r.issue.fields:
                    by.setdefault(f, []).append(r)
            self._by_field = by
        return self._by_field.get(fid, [])

    def entry(self, entry_id: int) -> LedgerEntry | None:
        """A ledger entry by its number."""
        return next((e for e in self.ledger if e.id == entry_id), None)

    def reason_of(self, entry: LedgerEntry) -> str:
        """The reason of an entry: given with it, or added afterwards (later entries naming it)."""
        later = [e.reason for e in self.ledger if e.action == REASON and e.ref == entry.id and e.id]
        return "；".join([entry.reason] * bool(entry.reason) + later)

    def last_change_of(self, fid: str) -> LedgerEntry | None:
        """The newest ledger entry that changed a cell (edit, restore, or the undo or redo of one; not
        the undo of an acceptance, which names the cell too)."""
        return next((e for e in reversed(self.ledger) if e.field == fid and e.action in
                     (EDIT, RESTORE_ACTION, UNDO, REDO) and self._root(e).action in (EDIT, RESTORE_ACTION)), None)

    def _root(self, entry: LedgerEntry) -> LedgerEntry:
        """The entry an undo or redo comes from, through the chain of refs."""
        seen = 0
        while entry.action in (UNDO, REDO) and entry.ref is not None and seen < len(self.ledger):
            target = self.entry(entry.ref)
            if target is None:
                break
            entry, seen = target, seen + 1
        return entry

    # ------------------------------------------------------------ changing
    def set_external(self, issues: list[Issue]) -> bool:
        """Issues found with other reports (cross-year); replaces the previous ones. True if they changed."""
        if [(i.rule, i.fields, i.message) for i in issues] == [(i.rule, i.fields, i.message) for i in self.external]:
            return False
        self.external = issues
        self._changed()
        return True

    def _touch(self) -> None:
        """A change reopens the review: a sign-off no longer covers it."""
        self.state = IN_REVIEW
        self.signoff = None

    def _log(self, entry: LedgerEntry, entry_id: int) -> LedgerEntry:
        entry.id = entry_id
        self.ledger.append(entry)
        return entry

    def sign_off(self, sha256: str, note: str = "") -> LedgerEntry:
        """The review is done: record who, when and which version of the source file."""
        record = {"auditor": self.auditor, "time": now(), "sha256": sha256}
        entry = self._entry("", SIGNOFF, None, None, note)
        eid = self.store.record_signoff(self.report_id, record, entry) if self.store else 0
        self.state, self.signoff = SIGNED_OFF, record
        self._log(entry, eid)
        self._changed()
        return entry

    def lapse_signoff(self, why: str) -> LedgerEntry | None:
        """The source changed since the sign-off: the review is open again."""
        if self.state != SIGNED_OFF:
            return None
        entry = self._entry("", SIGNOFF_LAPSED, None, None, why)
        eid = self.store.record_signoff(self.report_id, None, entry) if self.store else 0
        self._touch()
        self._log(entry, eid)
        self._changed()
        return entry

    def note(self, action: str, reason: str, ref: int | None = None, fid: str = "") -> LedgerEntry:
        """A ledger entry that changes no value: a reason given after an edit, a reload."""
        entry = self._entry(fid, action, None, None, reason, ref)
        eid = self.store.record_entry(self.report_id, entry) if self.store else 0
        self._log(entry, eid)
        if action == REASON:
            self._changed()
        return entry

    def _changed(self) -> None:
        self._values = None
        self._issues = None
        self._states = None
        self._by_field = None
        for f in self.listeners:
            f()

    def _entry(self, fid: str, action: str, old: Value, new: Value, reason: str,
               ref: int | None = None) -> LedgerEntry:
        published = self.published(fid) if fid and ":" not in fid else None
        return LedgerEntry(fid, action, published, old, new, reason, now(), self.auditor, ref)

    def set_correction(self, fid: str, value: Value | _Restore, reason: str = "", action: str = "",
                       ref: int | None = None) -> LedgerEntry:
        """Correct a cell, or go back to the published value (RESTORE)."""
        old = self.value(fid)
        restore = isinstance(value, _Restore)
        new = self.published(fid) if isinstance(value, _Restore) else value
        action = action or (RESTORE_ACTION if restore else EDIT)
        entry = self._entry(fid, action, old, new, reason, ref)
        stored = None if isinstance(value, _Restore) else value
        eid = self.store.record_correction(self.report_id, fid, stored, not restore, entry) if self.store else 0
        if isinstance(value, _Restore):  # on disk first: a crash after the line above loses nothing
            self.corrections.pop(fid, None)
        else:
            self.corrections[fid] = value
        self._log(entry, eid)
        self._touch()
        self._changed()
        return entry

    def set_acceptance(self, key: str, acc: Acceptance | None, reason: str = "", action: str = "",
                       ref: int | None = None) -> LedgerEntry:
        """Accept an issue's values as published (acc), or withdraw the acceptance (None); one ledger entry
        that names the issue."""
        return self.set_acceptance_cells(key, acc, (), reason, action, [ref])[0]

    def set_acceptance_cells(self, key: str, acc: Acceptance | None, cells: tuple[str, ...], reason: str = "",
                             action: str = "", refs: list[int | None] | None = None) -> list[LedgerEntry]:
        """Accept an issue's values as published (acc), or withdraw the acceptance (None), with one ledger
        entry per cell it concerns (the same reason; each names the cell and the value it holds), or one
        naming the issue when it names no cell. `refs`: the entries an undo or redo names, one per cell."""
        action = action or (ACCEPT if acc else UNACCEPT)
        targets = list(cells) or [key]
        refs = list(refs or [])
        refs += [None] * (len(targets) - len(refs))
        entries = []
        for fid, ref in zip(targets, refs, strict=True):
            now_value = self.value(fid) if cells else None
            entries.append(self._entry(fid, action, now_value, now_value, reason, ref))
        ids = [self.store.record_acceptance(self.report_id, key, acc, entries[0]) if self.store else 0]
        ids += [self.store.record_entry(self.report_id, e) if self.store else 0 for e in entries[1:]]
        if acc is None:  # on disk first (the session holds the transaction): a crash here loses nothing
            self.acceptances.pop(key, None)
        else:
            self.acceptances[key] = acc
        for entry, eid in zip(entries, ids, strict=True):
            self._log(entry, eid)
        self._touch()
        self._changed()
        return entries


class Edit:
    """A change to a review; apply() makes it and returns the edit that takes it back, with its entry."""

    def describe(self) -> str:
        """What the edit does, for the undo menu."""
        raise NotImplementedError

    def apply(self, review: Review, action: str = "", ref: int | None = None) -> tuple[Edit, LedgerEntry]:
        raise NotImplementedError


@dataclass
class SetCell(Edit):
    fid: str
    value: Value | _Restore  # a Value, or RESTORE to go back to the published value
    reason: str = ""

    def describe(self) -> str:
        return "恢复原值" if isinstance(self.value, _Restore) else f"修改为 {format_value(self.value) or '空白'}"

    def apply(self, review: Review, action: str = "", ref: int | None = None) -> tuple[Edit, LedgerEntry]:
        before: Value | _Restore = review.corrections[self.fid] if self.fid in review.corrections else RESTORE
        entry = review.set_correction(self.fid, self.value, self.reason, action, ref)
        return SetCell(self.fid, before), entry


@dataclass
class AcceptIssue(Edit):
    """Accept an issue (or withdraw the acceptance): one ledger entry per cell it concerns, so that
    accepting a group of 125 blank cells writes 125 entries, and undoing it 125 more."""
    key: str
    acceptance: Acceptance | None  # None withdraws it
    reason: str = ""
    cells: tuple[str, ...] = ()  # the cells it concerns (none: one entry naming the issue)
    refs: tuple[int, ...] = ()  # the entries that made the change this edit takes back, one per cell

    def describe(self) -> str:
        return "按原样接受" if self.acceptance else "撤回接受"

    def apply(self, review: Review, action: str = "", ref: int | None = None) -> tuple[Edit, LedgerEntry]:
        before = review.acceptances.get(self.key)
        refs: list[int | None] = list(self.refs) if self.refs and action else [ref]
        entries = review.set_acceptance_cells(self.key, self.acceptance, self.cells, self.reason, action, refs)
        return AcceptIssue(self.key, before, "", self.cells, tuple(e.id for e in entries)), entries[0]


def accept(review: Review, item: ReviewedIssue, reason: str) -> AcceptIssue:
    """The edit that accepts an issue's cells as they now stand."""
    vals = review.values()
    cells = tuple(dict.fromkeys(item.issue.fields))
    return AcceptIssue(item.key, Acceptance(item.key, reason, {f: vals.get(f) for f in cells}, review.auditor,
                                            now()), reason, cells)
