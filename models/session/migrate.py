"""Upgrade a workspace written before records were kept: read each stored text once, keep every act."""
from __future__ import annotations

from models.report import INFO, Issue, Report
from models.review import Review, Summary, same_value
from models.workspace import LegacyRow, Workspace
from parsers.pipeline import READER_VERSION, parse_stored


def _record(row: LegacyRow) -> tuple[Report, Summary]:
    report = parse_stored(row.text, row.source, row.encoding, row.format, row.layout)
    differ = [f for f, v in row.published.items() if not same_value(report.value(f), v)]
    for f in differ:  # the values the auditor reviewed stay the published ones
        cell = report.cells.get(f)
        if cell is not None:
            cell.value = row.published[f]
            cell.uncertain = True
    if differ:
        report.structure.append(Issue("migration", INFO, differ,
                                      "升级工作区时，当前读取程序对这些单元格读出的值与工作区原来保存的不同；"
                                      "保留原来保存的印出值，请核对"))
    review = Review(report)
    return report, review.summary()


def migrate(ws: Workspace) -> None:
    """Rewrite a schema-1 workspace as a record (in memory only when it is opened read-only)."""
    records = {row.id: _record(row) for row in ws.legacy_rows()}
    ws.migrate(records, READER_VERSION)
    for rid in records:  # the queue line with the auditor's corrections and acceptances counted
        ws.write_summary(rid, ws.load(rid).summary())
