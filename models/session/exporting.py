"""The one export path: reviews → dataset rows (made in worker processes) → the CSV dataset.

A workspace's reviews and a folder of unreviewed files go the same way: each report becomes a
Review (values, issues, statuses from models.status), its rows are made into CSV by models.export in
the worker, and the writer streams them to disk. Of each report the writing process keeps only what
the cross-year check needs (a few hundred bytes), so its memory stays flat. The workspace is only read.
"""
from __future__ import annotations

import dataclasses
import os
import pickle
import tempfile
from collections.abc import Iterator, Mapping, Sequence
from functools import partial
from pathlib import Path

from models.crossyear import YEAR_FIELDS, YearReport, agency_key, cross_year
from models.export import LEDGER_COLUMNS, Chunk, ExportItem, export_csv_chunks, issue_row, report_rows, rows_csv
from models.report import WARNING, Issue
from models.review import REASON, Review
from models.session.reading import read_file
from models.session.workers import Cancelled, Progress, run_many
from models.values import Value, format_value
from models.workspace import Workspace

EXPORT_CHUNK = 50  # reports a worker turns into CSV text at a time
# what the cross-year check needs of a report: source, agency, year, the YEAR_FIELDS values in order, and
# which of those fields its own open warnings already name (bit k for YEAR_FIELDS[k]: the cells a cross-year
# warning adds are counted once). A tuple: the writing process keeps one per report until the end.
YearData = tuple[str, str, int, tuple[Value, ...], int]
_YEAR_AT = {fid: k for k, fid in enumerate(YEAR_FIELDS)}


def export_item(review: Review, sha: str = "") -> ExportItem:
    """A review as the exporter sees it: cleaned values, issue states, cell statuses, review state and sign-off."""
    issues = [r.issue if r.issue.state == r.state else dataclasses.replace(r.issue, state=r.state)
              for r in review.issues()]
    so = review.signoff or {}
    extra = {"review_state": review.state, "signed_off_by": so.get("auditor", ""),
             "signed_off_at": so.get("time", ""), "signed_off_sha256": so.get("sha256", "")}
    return ExportItem(review.report, issues, sha, values=review.values(), statuses=review.statuses(), extra=extra)


# ---------------------------------------------------------------- a workspace
def _workspace_chunk(path: str, part: list[tuple[int, str, list[Issue]]]) -> Chunk:
    """Dataset text of some reviews, loaded from the workspace file (in a worker: opened read-only)."""
    ws = Workspace(path, readonly=True)
    try:
        return _reviews_chunk(ws, part)
    finally:
        ws.close()


def _reviews_chunk(ws: Workspace, part: list[tuple[int, str, list[Issue]]]) -> Chunk:
    rows = []
    for rid, sha, external in part:
        review = ws.load(rid)
        review.store = None
        review.external = external
        review._changed()
        rows.append(report_rows(export_item(review, sha)))
    return rows_csv(rows)


def ledger_table(ws: Workspace, report_ids: list[int] | None = None) -> list[list[str]]:
    """corrections.csv: every ledger entry, oldest first; an edit's row carries reasons given later too."""
    rows = ws.ledger_rows(report_ids)
    later: dict[int, list[str]] = {}
    for r in rows:
        if r["action"] == REASON and r["refers_to"] is not None:
            later.setdefault(int(r["refers_to"]), []).append(str(r["reason"]))
    out = []
    for r in rows:
        reason = "；".join(([str(r["reason"])] if r["reason"] else []) + later.get(int(r["entry"]), []))
        vals = {**r, "reason": reason, "published": format_value(r["published"]), "old": format_value(r["old"]),
                "new": format_value(r["new"]), "refers_to": "" if r["refers_to"] is None else str(r["refers_to"])}
        out.append(["" if vals[c] is None else str(vals[c]) for c in LEDGER_COLUMNS])
    return out


def export_workspace(ws: Workspace, items: list[tuple[int, str, list[Issue]]], out_dir: str | os.PathLike[str],
                     progress: Progress | None = None, cancelled: Cancelled | None = None,
                     spawn: bool = False) -> list[Path]:
    """The dataset of reviewed reports (id, sha256, cross-year issues), with corrections.csv (the ledger)."""
    parts = [items[i:i + EXPORT_CHUNK] for i in range(0, len(items), EXPORT_CHUNK)]
    sizes = [len(p) for p in parts]

    def chunk_progress(done: int, _total: int) -> None:
        if progress:
            progress(sum(sizes[:done]), len(items))

    if ws.path.exists() and not ws.needs_migration and ws.version and len(parts) > 1 and not _in_memory(ws):
        chunks: Iterator[Chunk] = run_many(partial(_workspace_chunk, str(ws.path)), parts, chunk_progress, cancelled,
                                           min_parallel=2, spawn=spawn)
    else:
        chunks = run_many(partial(_reviews_chunk, ws), parts, chunk_progress, cancelled, workers=1)
    return export_csv_chunks(chunks, out_dir, corrections=ledger_table(ws, [rid for rid, _, _ in items]))


def _in_memory(ws: Workspace) -> bool:
    return bool(ws.db.execute("PRAGMA database_list").fetchone()[2] == "")


# ---------------------------------------------------------------- files not yet reviewed
def _file_rows(path: str, encoding: str | None) -> tuple[tuple[list[str], list[list[str]], list[list[str]]],
                                                            str | None, YearData | None]:
    report, sha = read_file(path, encoding)
    review = Review(report)
    m = report.meta
    item = export_item(review, sha)
    year = None
    if m.agency and m.year:  # without both, the cross-year check has nothing to pair the report with
        values = review.values()  # no corrections yet: the published values
        named = {f for i in item.issues if i.state == "open" and i.severity == WARNING for f in i.fields}
        year = (report.source, m.agency, m.year, tuple(values.get(f) for f in YEAR_FIELDS),
                sum(1 << k for k, f in enumerate(YEAR_FIELDS) if f in named))
    item.extra["review_state"] = "not started"
    return report_rows(item), report.error, year


def _files_chunk(paths: list[str], encoding: str | None = None) -> tuple[Chunk, list[str], list[YearData]]:
    done = [_file_rows(p, encoding) for p in paths]
    errors = [f"{rows[0][0]}: {error}" for rows, error, _ in done if error]
    return rows_csv(rows for rows, _, _ in done), errors, [y for _, _, y in done if y is not None]


class _YearValues(Mapping[str, Value]):
    """A report's YEAR_FIELDS values, read from its tuple (no dictionary per report)."""
    __slots__ = ("_values",)

    def __init__(self, values: tuple[Value, ...]) -> None:
        self._values = values

    def __getitem__(self, fid: str) -> Value:
        return self._values[_YEAR_AT[fid]]

    def __iter__(self) -> Iterator[str]:
        return iter(YEAR_FIELDS)

    def __len__(self) -> int:
        return len(YEAR_FIELDS)


def cross_year_rows(years: Sequence[YearData], folder: str | os.PathLike[str] | None = None
                    ) -> tuple[Iterator[list[str]], dict[str, tuple[int, int]]]:
    """issues.csv rows of the cross-year check over a whole batch, in the batch's order, and the warnings
    each source gains: items, and cells its own warnings did not name yet. The check runs one agency at a
    time; the rows wait in a nameless temporary file (in `folder`: the export's, so a full disk there is
    the export's full disk), not in memory, and are read back as the iterator goes."""
    groups: dict[str, list[int]] = {}
    for k, (_, agency, _, _, _) in enumerate(years):
        key = agency_key(agency)
        if key:
            groups.setdefault(key, []).append(k)
    spool = tempfile.TemporaryFile(dir=folder)
    try:
        where: dict[int, tuple[int, int]] = {}  # a report's place in the batch: where its rows are in the file
        counts: dict[str, tuple[int, int]] = {}
        for members in groups.values():
            if len(members) < 2:
                continue
            found = cross_year([YearReport(k, years[k][1], years[k][2], _YearValues(years[k][3])) for k in members])
            for k in members:
                issues = found[k]
                if not issues:
                    continue
                src, own = years[k][0], years[k][4]
                data = pickle.dumps([issue_row(src, i) for i in issues])
                where[k] = (spool.tell(), len(data))
                spool.write(data)
                new_cells = {f for i in issues for f in i.fields if not own >> _YEAR_AT[f] & 1}
                items, cells = counts.get(src, (0, 0))
                counts[src] = (items + len(issues), cells + len(new_cells))
    except BaseException:
        spool.close()
        raise

    def rows() -> Iterator[list[str]]:
        with spool:
            for k in sorted(where):
                at, size = where[k]
                spool.seek(at)
                batch: list[list[str]] = pickle.loads(spool.read(size))
                yield from batch

    return rows(), counts


def export_files(paths: list[str], out_dir: str | os.PathLike[str], encoding: str | None = None,
                 progress: Progress | None = None, cancelled: Cancelled | None = None) -> tuple[list[Path], list[str]]:
    """Read report files and write their dataset (cross-year checks over the whole batch); returns the
    files written and the lines naming the files that could not be read."""
    parts = [paths[i:i + EXPORT_CHUNK] for i in range(0, len(paths), EXPORT_CHUNK)]
    sizes = [len(c) for c in parts]
    errors: list[str] = []
    years: list[YearData] = []

    def chunk_progress(done: int, _total: int) -> None:
        if progress:
            progress(sum(sizes[:done]), len(paths))

    def chunks() -> Iterator[Chunk]:
        for texts, chunk_errors, chunk_years in run_many(partial(_files_chunk, encoding=encoding), parts,
                                                         chunk_progress, cancelled, min_parallel=2,
                                                         workers=None if len(paths) >= 64 else 1):
            errors.extend(chunk_errors)
            years.extend(chunk_years)
            yield texts

    written = export_csv_chunks(chunks(), out_dir, lambda: cross_year_rows(years, out_dir))
    return written, errors
