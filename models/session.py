"""Open reports into a workspace-backed review, and export a workspace — the window's core, Qt-free."""
from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path

from models.export import ExportItem, export_dataset
from models.report import Report
from models.review import Review
from models.workspace import Workspace, sha256_bytes
from parsers.decode import MAX_TEXT_BYTES
from parsers.pipeline import parse_bytes, parse_path, parse_text

LEDGER_COLUMNS = ["source", "field", "action", "published", "old", "new", "reason", "time", "auditor"]


@dataclass
class Opened:
    review: Review | None
    error: str | None = None
    notes: list[str] = field(default_factory=list)  # restored review, source changed, corrections dropped


def source_key(path: str | os.PathLike[str]) -> str:
    """How the workspace names a report file: its absolute path."""
    return str(Path(path).resolve())


def open_report(ws: Workspace, path: str | os.PathLike[str], encoding: str | None = None,
                auditor: str = "") -> Opened:
    """Read a report (read-only) and restore its review from the workspace when it is there.

    With `encoding` the file is decoded again that way; corrections to fields that no
    longer exist are dropped and named in the notes.
    """
    source = source_key(path)
    try:
        size = os.path.getsize(source)
        if size > MAX_TEXT_BYTES:
            return Opened(None, f"文件过大（{size / 1048576:.0f} MB），超过 {MAX_TEXT_BYTES // 1048576} MB 的上限")
        with open(source, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        stored = ws.find(source)
        if stored is None:
            return Opened(None, f"无法读取文件：{exc.strerror or exc}")
        data = b""  # the file is gone; the workspace still holds its text
    sha = sha256_bytes(data) if data else ""
    stored = ws.find(source)
    notes: list[str] = []
    if stored is not None and encoding is None:
        report = parse_text(stored["text"], source, stored["encoding"], stored["format"] or "text")
        rid = int(stored["id"])
        if not sha:
            notes.append("源文件已不在原处，显示的是工作区中保存的文本")
        elif sha != stored["sha256"]:
            notes.append("源文件自上次审核后已经改变（哈希不同）；显示的是审核时保存的文本")
    else:
        report = parse_path(source, encoding) if Path(source).suffix.lower() not in (".txt", ".md", ".text", "") \
            else parse_bytes(data, source, encoding)
        if report.error:
            return Opened(None, report.error)
        rid = ws.add(report, sha, encoding)
    review = Review(report, rid, auditor=auditor, store=ws)
    ws.restore(review, rid)
    if stored is not None and encoding is not None:
        valid = set(report.values())
        dropped = [f for f in review.corrections if f not in valid]
        for f in dropped:
            ws.drop_correction(rid, f)
            review.corrections.pop(f)
        review._changed()
        kept = len(review.corrections)
        notes.append(f"已按 {encoding} 重新读取；保留 {kept} 处修改" + (f"，无法保留：{'、'.join(dropped)}" if dropped else ""))
    elif stored is not None and (review.corrections or review.acceptances):
        notes.append(f"已恢复此前的审核：{len(review.corrections)} 处修改，{len(review.acceptances)} 项接受")
    return Opened(review, None, notes)


def export_item(review: Review, sha: str = "") -> ExportItem:
    """A review as the exporter sees it: cleaned values, issue states."""
    issues = [dataclasses.replace(r.issue, state=r.state) for r in review.issues()]
    values = review.values()
    return ExportItem(review.report, issues, sha, values=values,
                      statuses={fid: review.cell_state(fid) for fid in values})


def export_reviews(reviews: list[Review], ws: Workspace, out_dir: str | os.PathLike[str]) -> list[Path]:
    """The dataset of reviewed reports, with corrections.csv (the ledger)."""
    shas = {r.report.source: (ws.find(r.report.source) or {}).get("sha256", "") for r in reviews}
    items = [export_item(r, shas.get(r.report.source, "")) for r in reviews]
    sources = {r.report.source for r in reviews}
    ledger = [row for row in ws.ledger_rows() if row["source"] in sources]
    from models.values import format_value
    for row in ledger:
        for k in ("published", "old", "new"):
            row[k] = format_value(row[k])
    return export_dataset(items, out_dir, {"corrections.csv": (ledger, LEDGER_COLUMNS)})


def load_workspace_reviews(ws: Workspace) -> list[Review]:
    """Every report in a workspace as a review, from the stored text."""
    out = []
    for source in ws.sources():
        stored = ws.find(source)
        assert stored is not None
        report: Report = parse_text(stored["text"], source, stored["encoding"], stored["format"] or "text")
        review = Review(report, int(stored["id"]), store=None)
        ws.restore(review, int(stored["id"]))
        out.append(review)
    return out
