"""Open reports into a workspace-backed review, and export a workspace — the window's core, Qt-free."""
from __future__ import annotations

import dataclasses
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from collections.abc import Sequence

from models.crossyear import YearReport, cross_year, group_keys
from models.export import LEDGER_COLUMNS, ExportItem, export_dataset
from models.report import Report
from models.review import Review
from models.workspace import Workspace, sha256_bytes
from parsers.decode import MAX_TEXT_BYTES
from parsers.pipeline import DOCUMENT_SUFFIXES, NOT_YET, parse_bytes, parse_path, parse_stored

SOURCE_CHANGED = "源文件自上次审核后已经改变（哈希不同）；显示的是审核时保存的文本，可用“从源文件重新读取”读入新文本"


@dataclass
class Opened:
    review: Review | None
    error: str | None = None
    notes: list[str] = field(default_factory=list)  # restored review, source changed, corrections dropped


def source_key(path: str | os.PathLike[str]) -> str:
    """How the workspace names a report file: its absolute path."""
    return str(Path(path).resolve())


@dataclass
class Prepared:
    """A report file read and parsed, before it meets the workspace (safe to make off the GUI thread)."""
    source: str
    report: Report | None
    sha256: str = ""
    error: str | None = None
    stored_id: int | None = None  # the workspace row it was restored from
    notes: list[str] = field(default_factory=list)
    encoding: str | None = None  # given by the auditor, not guessed
    reread: bool = False  # read again from the file although the workspace holds its text
    changed: bool = False  # the file differs from the text the review was made on


def prepare(path: str | os.PathLike[str], stored: dict[str, Any] | None = None,
            encoding: str | None = None, reread: bool = False) -> Prepared:
    """Read (never write) a report file; with `stored`, the workspace's text of it is used unless
    another encoding or a fresh reading is asked for. Touches no workspace: safe off the GUI thread."""
    source = source_key(path)
    data = b""
    try:
        st = os.stat(source)
        if not stat.S_ISREG(st.st_mode):
            return Prepared(source, None, error="不是普通文件（文件夹、设备或管道），不读取")
        if st.st_size > MAX_TEXT_BYTES:
            return Prepared(source, None, error=f"文件过大（{st.st_size / 1048576:.1f} MB），超过 {MAX_TEXT_BYTES // 1048576} MB 的上限")
        with open(source, "rb") as fh:
            data = fh.read(MAX_TEXT_BYTES + 1)
        if len(data) > MAX_TEXT_BYTES:
            return Prepared(source, None, error=f"文件过大，超过 {MAX_TEXT_BYTES // 1048576} MB 的上限")
    except OSError as exc:
        if stored is None:
            return Prepared(source, None, error=f"无法读取文件：{exc.strerror or exc}")
    sha = sha256_bytes(data) if data else ""
    changed = bool(sha) and stored is not None and sha != stored["sha256"]
    if stored is not None and encoding is None and not reread and not changed and data \
            and Path(source).suffix.lower() in DOCUMENT_SUFFIXES:
        reread_same = parse_bytes(data, source, None, Path(source).suffix)  # unchanged: read again to know
        if reread_same.error is None and reread_same.text == stored["text"]:  # each value's table cell
            return Prepared(source, reread_same, sha, None, int(stored["id"]), [])
    if stored is not None and encoding is None and not reread:
        report = parse_stored(stored["text"], source, stored["encoding"], stored["format"] or "text",
                              stored.get("layout"))
        notes = []
        if not sha:
            notes.append("源文件已不在原处，显示的是工作区中保存的文本")
        elif changed:
            notes.append(SOURCE_CHANGED)
        return Prepared(source, report, sha, None, int(stored["id"]), notes, changed=changed)
    if Path(source).suffix.lower() in NOT_YET:
        report = parse_path(source, encoding)  # says what to do with the format
    else:
        report = parse_bytes(data, source, encoding, Path(source).suffix)
    if report.error:
        return Prepared(source, None, sha, report.error)
    return Prepared(source, report, sha, None, int(stored["id"]) if stored else None, [], encoding, reread)


def attach(ws: Workspace, p: Prepared, auditor: str = "") -> Opened:
    """Put a prepared report into the workspace (or find its review there) and restore the review."""
    if p.report is None:
        return Opened(None, p.error)
    notes = list(p.notes)
    again = p.stored_id is not None and (p.encoding is not None or p.reread)
    if p.stored_id is not None and not again:
        rid = p.stored_id
    else:
        rid = ws.add(p.report, p.sha256, p.encoding)
    review = Review(p.report, rid, auditor=auditor, store=ws)
    ws.restore(review, rid)
    if p.changed:
        review.source_note = SOURCE_CHANGED
    if review.signoff and p.sha256 and review.signoff.get("sha256") != p.sha256:
        review.lapse_signoff("源文件自签发后已改变")
        notes.append("签发已失效：源文件自签发后已改变")
    if again:
        valid = set(p.report.values())
        dropped = [f for f in review.corrections if f not in valid]
        for f in dropped:
            ws.drop_correction(rid, f)
            review.corrections.pop(f)
        review._changed()
        how = f"按 {p.encoding} " if p.encoding else "从源文件"
        notes.append(f"已{how}重新读取；保留 {len(review.corrections)} 处修改"
                     + (f"，无法保留：{'、'.join(dropped)}" if dropped else ""))
    elif p.stored_id is not None and (review.corrections or review.acceptances):
        notes.append(f"已恢复此前的审核：{len(review.corrections)} 处修改，{len(review.acceptances)} 项接受")
    return Opened(review, None, notes)


def open_report(ws: Workspace, path: str | os.PathLike[str], encoding: str | None = None,
                auditor: str = "", reread: bool = False) -> Opened:
    """Read a report (read-only) and restore its review from the workspace when it is there.

    With `encoding` the file is decoded again that way; corrections to fields that no
    longer exist are dropped and named in the notes.
    """
    return attach(ws, prepare(path, ws.find(source_key(path)), encoding, reread), auditor)


def export_item(review: Review, sha: str = "") -> ExportItem:
    """A review as the exporter sees it: cleaned values, issue states, review state and sign-off."""
    issues = [dataclasses.replace(r.issue, state=r.state) for r in review.issues()]
    values = review.values()
    so = review.signoff or {}
    extra = {"review_state": review.state, "signed_off_by": so.get("auditor", ""),
             "signed_off_at": so.get("time", ""), "signed_off_sha256": so.get("sha256", "")}
    return ExportItem(review.report, issues, sha, values=values,
                      statuses={fid: review.cell_state(fid) for fid in values}, extra=extra)


def refresh_cross_year(reviews: Sequence[Review], agency: str | None = None) -> list[Review]:
    """Re-run the cross-year checks (of one agency, or all); returns the reviews whose issues changed."""
    years = [YearReport(i, r.report.meta.agency, r.report.meta.year, r.values()) for i, r in enumerate(reviews)]
    found = cross_year(years)
    keys = range(len(reviews)) if agency is None else group_keys(years, agency)
    changed = []
    for k in keys:
        r = reviews[k]  # type: ignore[index]
        before = r.external
        r.set_external(found.get(k, []))
        if r.external is not before:
            changed.append(r)
    return changed


def export_reviews(reviews: list[Review], ws: Workspace, out_dir: str | os.PathLike[str]) -> list[Path]:
    """The dataset of reviewed reports, with corrections.csv (the ledger)."""
    shas = {r.report.source: (ws.find(r.report.source) or {}).get("sha256", "") for r in reviews}
    items = [export_item(r, shas.get(r.report.source, "")) for r in reviews]
    sources = {r.report.source for r in reviews}
    ledger = [row for row in ws.ledger_rows() if row["source"] in sources]  # read-only is enough
    from models.values import format_value
    for row in ledger:
        for k in ("published", "old", "new"):
            row[k] = format_value(row[k])
    return export_dataset(items, out_dir, {"corrections.csv": (ledger, LEDGER_COLUMNS)})


def load_workspace_reviews(ws: Workspace) -> list[Review]:
    """Every report in a workspace as a review, from the stored text."""
    out: list[Review] = []
    for source in ws.sources():
        stored = ws.find(source)
        assert stored is not None
        report: Report = parse_stored(stored["text"], source, stored["encoding"], stored["format"] or "text",
                                      stored.get("layout"))
        review = Review(report, int(stored["id"]), store=None)
        ws.restore(review, int(stored["id"]))
        out.append(review)
    refresh_cross_year(out)
    return out
