"""The one export path: reviews → dataset rows (made in worker processes) → the CSV dataset.

A workspace's reviews and a folder of unreviewed files go the same way: a reviewed report gives its
Review's values, issues and statuses; a file no one has reviewed its published values and check()'s
issues, all open, its statuses decided by the same function (models.status). Its rows are made into
CSV in the worker, by pandas (models.export.Tables, one call a table for a chunk of reports), and the
writer streams the bytes to disk. What the cross-year check needs of each report waits on disk too
(YearStore), so the writing process's memory stays flat. The workspace is only read.
"""
from __future__ import annotations

import dataclasses
import os
import pickle
import tempfile
from array import array
from collections.abc import Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import IO

from models.checks import check
from models.crossyear import YEAR_FIELDS, YearReport, agency_key, cross_year
from models.export import LEDGER_COLUMNS, Chunk, ExportItem, Tables, export_csv_chunks, issue_row
from models.report import WARNING, Issue
from models.review import NOT_STARTED, REASON, Review
from models.session.reading import read_file
from models.session.workers import Cancelled, Progress, run_many
from models.status import OPEN
from models.values import Value, format_value
from models.workspace import Workspace

EXPORT_CHUNK = 50  # reports a worker turns into CSV text at a time: one pandas call a table for all 50
# what the cross-year check needs of a report, made in the worker: its place in its chunk, its agency key,
# and a record, pickled: (source, agency, year, the YEAR_FIELDS values in order, which of those fields its
# own open warnings already name: bit k for YEAR_FIELDS[k], so a cell a cross-year warning adds counts once)
YearData = tuple[int, str, bytes]
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
    tables = Tables()
    for rid, sha, external in part:
        review = ws.load(rid)
        review.store = None
        review.external = external
        review._changed()
        tables.add(export_item(review, sha))
    return tables.csv()


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
def _files_chunk(paths: list[str], encoding: str | None = None) -> tuple[Chunk, list[str], list[YearData]]:
    """Dataset text of some report files no one has reviewed (in a worker), the lines naming those that
    could not be read, and what the cross-year check needs of each (its place in `paths`)."""
    tables = Tables()
    errors: list[str] = []
    years: list[YearData] = []
    for k, path in enumerate(paths):
        report, sha = read_file(path, encoding)
        # what a review of it would say before anyone touched it: every issue open, the published values
        issues = [i if i.state == OPEN else dataclasses.replace(i, state=OPEN) for i in check(report)]
        tables.add(ExportItem(report, issues, sha, extra=dict(_NOT_STARTED)))
        if report.error:
            errors.append(f"{tables.reports[-1][0]}: {report.error}")
        m = report.meta
        key = agency_key(m.agency)
        if key and m.year:  # without both, the cross-year check has nothing to pair the report with
            values = report.values()
            named = {f for i in issues if i.severity == WARNING for f in i.fields}
            years.append((k, key, pickle.dumps((report.source, m.agency, m.year,
                                                tuple(values.get(f) for f in YEAR_FIELDS),
                                                sum(1 << j for j, f in enumerate(YEAR_FIELDS) if f in named)))))
    return tables.csv(), errors, years


_NOT_STARTED = {"review_state": NOT_STARTED, "signed_off_by": "", "signed_off_at": "", "signed_off_sha256": ""}


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


class YearStore:
    """What the cross-year check needs of each report of a batch, in a nameless temporary file in the
    export folder (a full disk there is the export's full disk). In memory stays only where each
    report's record is, by agency: three numbers a report, so the writing process stays flat."""

    def __init__(self, folder: str | os.PathLike[str] | None = None) -> None:
        self.folder = folder
        self.fh: IO[bytes] | None = None
        self.groups: dict[str, array[int]] = {}  # agency key → (row, offset, size) of each report's record

    def add(self, row: int, key: str, record: bytes) -> None:
        """The record (YearData's pickle) of the report in reports.csv's row `row` (from 0)."""
        if self.fh is None:
            self.fh = tempfile.TemporaryFile(dir=self.folder)
        self.groups.setdefault(key, array("q")).extend((row, self.fh.tell(), len(record)))
        self.fh.write(record)

    def agencies(self) -> Iterator[list[tuple[int, str, str, int, tuple[Value, ...], int]]]:
        """The records of each agency with two reports or more: (row, source, agency, year, values,
        the bits of the YEAR_FIELDS its own warnings name)."""
        fh = self.fh
        if fh is None:
            return
        fh.flush()
        for where in self.groups.values():
            if len(where) < 6:
                continue
            out = []
            for j in range(0, len(where), 3):
                fh.seek(where[j + 1])
                out.append((where[j], *pickle.loads(fh.read(where[j + 2]))))
            fh.seek(0, os.SEEK_END)
            yield out

    def close(self) -> None:
        if self.fh is not None:
            self.fh.close()


def _by_row(triples: array[int]) -> Iterator[tuple[int, int, int]]:
    """The (row, a, b) triples of an array, rows rising."""
    for j in sorted(range(0, len(triples), 3), key=triples.__getitem__):
        yield triples[j], triples[j + 1], triples[j + 2]


def cross_year_rows(store: YearStore, folder: str | os.PathLike[str] | None = None
                    ) -> tuple[Iterator[list[str]], Iterator[tuple[int, int, int]]]:
    """issues.csv rows of the cross-year check over a whole batch, in the batch's order, and the warnings
    each report gains, rows rising: (its row, items, cells its own warnings did not name yet). The check
    runs one agency at a time; the rows wait in a nameless temporary file (in `folder`, the export's),
    not in memory, and are read back as the iterator goes."""
    spool = tempfile.TemporaryFile(dir=folder)
    placed = array("q")  # (row, offset, size) of each report's issue rows in the spool
    gained = array("q")  # (row, items, cells)
    try:
        for records in store.agencies():
            found = cross_year([YearReport(row, agency, year, _YearValues(values))
                                for row, _, agency, year, values, _ in records])
            for row, src, _, _, _, own in records:
                issues = found[row]
                if not issues:
                    continue
                data = pickle.dumps([issue_row(src, i) for i in issues])
                placed.extend((row, spool.tell(), len(data)))
                spool.write(data)
                new_cells = {f for i in issues for f in i.fields if not own >> _YEAR_AT[f] & 1}
                gained.extend((row, len(issues), len(new_cells)))
    except BaseException:
        spool.close()
        raise
    finally:
        store.close()

    def rows() -> Iterator[list[str]]:
        with spool:
            for _, at, size in _by_row(placed):
                spool.seek(at)
                batch: list[list[str]] = pickle.loads(spool.read(size))
                yield from batch

    return rows(), _by_row(gained)


def export_files(paths: list[str], out_dir: str | os.PathLike[str], encoding: str | None = None,
                 progress: Progress | None = None, cancelled: Cancelled | None = None) -> tuple[list[Path], list[str]]:
    """Read report files and write their dataset (cross-year checks over the whole batch); returns the
    files written and the lines naming the files that could not be read."""
    parts = [paths[i:i + EXPORT_CHUNK] for i in range(0, len(paths), EXPORT_CHUNK)]
    sizes = [len(c) for c in parts]
    errors: list[str] = []
    years = YearStore(out_dir)

    def chunk_progress(done: int, _total: int) -> None:
        if progress:
            progress(sum(sizes[:done]), len(paths))

    def chunks() -> Iterator[Chunk]:
        start = 0  # the reports.csv row of the chunk's first report
        for (texts, chunk_errors, chunk_years), size in zip(
                run_many(partial(_files_chunk, encoding=encoding), parts, chunk_progress, cancelled, min_parallel=2,
                         workers=None if len(paths) >= 64 else 1), sizes, strict=False):
            errors.extend(chunk_errors)
            for k, key, record in chunk_years:
                years.add(start + k, key, record)
            start += size
            yield texts

    try:
        written = export_csv_chunks(chunks(), out_dir, lambda: cross_year_rows(years, out_dir))
    finally:
        years.close()
    return written, errors
