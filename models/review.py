"""A report under review: corrections, acceptances and the ledger, with edits that undo themselves.

Every change is an Edit whose apply() returns its inverse, so the window's undo stack only
has to keep edits. A `Store` (the workspace) is told about every change as it happens.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

from models.checks import check
from models.report import ERROR, INFO, WARNING, Issue, Report
from models.values import NA, Value, format_value

OPEN, ACCEPTED, RESOLVED = "open", "accepted", "resolved"
NOT_STARTED, IN_REVIEW, SIGNED_OFF = "not started", "in review", "signed off"


def issue_key(issue: Issue) -> str:
    """A stable name for an issue across re-checks: its rule and the cells it names."""
    return issue.rule + ":" + ",".join(issue.fields)


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
    field: str  # a field id, or an issue key for an acceptance
    action: str  # edit, restore, accept, unaccept
    published: Value
    old: Value
    new: Value
    reason: str
    time: str
    auditor: str


@dataclass
class ReviewedIssue:
    issue: Issue
    key: str
    state: str  # open or accepted
    acceptance: Acceptance | None = None


class Store(Protocol):
    """Where a review's changes go the moment they are made (the workspace), one commit each."""

    def record_correction(self, report_id: int, fid: str, value: Value | None, present: bool,
                          entry: LedgerEntry) -> None: ...
    def record_acceptance(self, report_id: int, key: str, acc: Acceptance | None, entry: LedgerEntry) -> None: ...
    def record_signoff(self, report_id: int, signoff: dict[str, str] | None, entry: LedgerEntry) -> None: ...


_UNSET = object()


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
        """Every issue on the current values, each open or accepted."""
        if self._issues is None:
            vals = self.values()
            out = []
            extra = [Issue("source", WARNING, [], self.source_note)] if self.source_note else []
            for i in extra + check(self.report, vals) + self.external:
                key = issue_key(i)
                acc = self.acceptances.get(key)
                if acc is not None and all(vals.get(f) == v for f, v in acc.values.items()):
                    out.append(ReviewedIssue(i, key, ACCEPTED, acc))
                elif self._filled(i):
                    out.append(ReviewedIssue(i, key, RESOLVED))
                else:
                    out.append(ReviewedIssue(i, key, OPEN))
            self._issues = out
        return self._issues

    def _filled(self, issue: Issue) -> bool:
        """A note that cells were not printed is settled once the auditor has entered every one."""
        if issue.rule != "missing" or issue not in self.report.structure:
            return False
        blank = [f for f in issue.fields if self.report.value(f) is None]
        return bool(blank) and all(self.corrections.get(f) is not None for f in blank)

    def open_issues(self) -> list[ReviewedIssue]:
        """Issues not yet accepted (information notes excluded)."""
        return [r for r in self.issues() if r.state == OPEN and r.issue.severity != INFO]

    def cell_state(self, fid: str) -> str:
        """What colour a cell gets: error, warning, corrected, accepted, uncertain, blank, na or ok."""
        if self._states is None:
            self._states = {}
        state = self._states.get(fid)
        if state is None:
            state = self._states[fid] = self._compute_state(fid)
        return state

    def _compute_state(self, fid: str) -> str:
        states = [r for r in self.issues_for(fid) if r.issue.severity != INFO]
        if any(r.state == OPEN and r.issue.severity == ERROR for r in states):
            return "error"
        if any(r.state == OPEN and r.issue.severity == WARNING for r in states):
            return "warning"
        if fid in self.corrections:
            return "corrected"
        if states:
            return "accepted"
        cell = self.report.cells.get(fid)
        if cell is not None and cell.uncertain:
            return "uncertain"
        v = self.value(fid)
        if v is None:
            return "blank"
        if v == NA:
            return "na"
        return "ok"

    def issues_for(self, fid: str) -> list[ReviewedIssue]:
        """The issues that name a cell."""
        if self._by_field is None:
            by: dict[str, list[ReviewedIssue]] = {}
            for r in self.issues():
                for f in r.issue.fields:
                    by.setdefault(f, []).append(r)
            self._by_field = by
        return self._by_field.get(fid, [])

    # ------------------------------------------------------------ changing
    def set_external(self, issues: list[Issue]) -> None:
        """Issues found with other reports (cross-year); replaces the previous ones."""
        if [(i.rule, i.fields, i.message) for i in issues] != [(i.rule, i.fields, i.message) for i in self.external]:
            self.external = issues
            self._changed()

    def _touch(self) -> None:
        """A change reopens the review: a sign-off no longer covers it."""
        self.state = IN_REVIEW
        self.signoff = None

    def sign_off(self, sha256: str, note: str = "") -> None:
        """The review is done: record who, when and which version of the source file."""
        record = {"auditor": self.auditor, "time": now(), "sha256": sha256}
        entry = self._entry("", "signoff", None, None, note)
        if self.store:
            self.store.record_signoff(self.report_id, record, entry)
        self.state, self.signoff = SIGNED_OFF, record
        self.ledger.append(entry)
        self._changed()

    def lapse_signoff(self, why: str) -> None:
        """The source changed since the sign-off: the review is open again."""
        if self.state != SIGNED_OFF:
            return
        entry = self._entry("", "signoff lapsed", None, None, why)
        if self.store:
            self.store.record_signoff(self.report_id, None, entry)
        self._touch()
        self.ledger.append(entry)
        self._changed()

    def _changed(self) -> None:
        self._values = None
        self._issues = None
        self._states = None
        self._by_field = None
        for f in self.listeners:
            f()

    def _entry(self, fid: str, action: str, old: Value, new: Value, reason: str) -> LedgerEntry:
        published = self.published(fid) if ":" not in fid else None
        return LedgerEntry(fid, action, published, old, new, reason, now(), self.auditor)

    def set_correction(self, fid: str, value: object, reason: str = "") -> None:
        """Correct a cell (value), or restore the published value (value=_UNSET via restore())."""
        old = self.value(fid)
        restore = value is _UNSET
        new = self.published(fid) if restore else value
        entry = self._entry(fid, "restore" if restore else "edit", old, new, reason)  # type: ignore[arg-type]
        if self.store:  # on disk first: a crash after this line loses nothing
            self.store.record_correction(self.report_id, fid, None if restore else value,  # type: ignore[arg-type]
                                         not restore, entry)
        if restore:
            self.corrections.pop(fid, None)
        else:
            self.corrections[fid] = value  # type: ignore[assignment]
        self.ledger.append(entry)
        self._touch()
        self._changed()

    def set_acceptance(self, key: str, acc: Acceptance | None, reason: str = "") -> None:
        """Accept an issue's values as published (acc), or withdraw the acceptance (None)."""
        entry = self._entry(key, "accept" if acc else "unaccept", None, None, reason)
        if self.store:
            self.store.record_acceptance(self.report_id, key, acc, entry)
        if acc is None:
            self.acceptances.pop(key, None)
        else:
            self.acceptances[key] = acc
        self.ledger.append(entry)
        self._touch()
        self._changed()


class Edit:
    """A change to a review; apply() makes it and returns the edit that takes it back."""
    text = ""

    def apply(self, review: Review) -> "Edit":
        raise NotImplementedError


@dataclass
class SetCell(Edit):
    fid: str
    value: object  # a Value, or RESTORE to go back to the published value
    reason: str = ""

    @property
    def text(self) -> str:  # type: ignore[override]
        return "恢复原值" if self.value is RESTORE else f"修改为 {format_value(self.value)}"  # type: ignore[arg-type]

    def apply(self, review: Review) -> Edit:
        before = review.corrections[self.fid] if self.fid in review.corrections else RESTORE
        review.set_correction(self.fid, _UNSET if self.value is RESTORE else self.value, self.reason)
        return SetCell(self.fid, before, "撤销：" + self.reason if not self.reason.startswith("撤销") else self.reason)


@dataclass
class AcceptIssue(Edit):
    key: str
    acceptance: Acceptance | None  # None withdraws it
    reason: str = ""
    text = "按原样接受"

    def apply(self, review: Review) -> Edit:
        before = review.acceptances.get(self.key)
        review.set_acceptance(self.key, self.acceptance, self.reason)
        return AcceptIssue(self.key, before, "撤销：" + self.reason)


RESTORE = _UNSET


def accept(review: Review, item: ReviewedIssue, reason: str) -> AcceptIssue:
    """The edit that accepts an issue's cells as they now stand."""
    vals = review.values()
    return AcceptIssue(item.key, Acceptance(item.key, reason, {f: vals.get(f) for f in item.issue.fields},
                                            review.auditor, now()), reason)


def parse_entry(text: str) -> Value:
    """What the auditor typed into a cell: a number, '/' for not applicable, '' for blank."""
    from models.values import parse_value

    v = parse_value(text.strip())
    return v
