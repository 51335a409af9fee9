"""Headless work on many files: extract, check and export, on every core, with progress and cancel."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from models.checks import check
from models.export import Chunk, ExportItem, Rows, report_rows, rows_csv, sha256_file
from models.report import Issue, Report
from models.template import S3_COLUMNS

Progress = Callable[[int, int], None]
YearData = tuple[str, "str | None", "int | None", dict[str, Any]]  # source, agency, year, values
Cancelled = Callable[[], bool]
T = TypeVar("T")

READABLE_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".shtml", ".docx", ".pdf")
PARALLEL_FROM = 64  # fewer files than this are read in this process: starting workers costs more


@dataclass
class Result:
    report: Report
    issues: list[Issue]


def expand_paths(paths: Iterable[str]) -> list[str]:
    """Files named, and the readable files inside folders named (recursively, sorted)."""
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out += [str(f) for f in sorted(path.rglob("*")) if f.is_file() and f.suffix.lower() in READABLE_SUFFIXES]
        else:
            out.append(p)
    return out


def unreadable_in(paths: Iterable[str]) -> dict[str, list[str]]:
    """For each folder named, the files in it that are not text reports (PDF, Word, …)."""
    out = {}
    for p in paths:
        path = Path(p)
        if path.is_dir():
            skipped = [str(f) for f in sorted(path.rglob("*")) if f.is_file()
                       and f.suffix.lower() not in READABLE_SUFFIXES and not f.name.startswith(".")]
            if skipped:
                out[p] = skipped
    return out


def read_one(path: str, encoding: str | None = None) -> Result:
    """Parse and check one file; never raises for bad input."""
    from parsers import parse_path

    report = parse_path(path, encoding)
    return Result(report, check(report))


YEAR_FIELDS = tuple(f"s3.{r}.{c.id}" for r in ("carried_over", "carried_forward") for c in S3_COLUMNS) + \
    tuple(f"s2.{r}.{c}" for r in ("regulations", "normative") for c in ("issued", "repealed", "in_force"))


def export_one(path: str, encoding: str | None = None) -> tuple[Rows, str | None, YearData]:
    """Parse, check and hash one file; its dataset rows (built in the worker), its error, and what
    the cross-year check needs of it."""
    res = read_one(path, encoding)
    sha = ""
    try:
        sha = sha256_file(path)
    except OSError:
        pass
    r = res.report
    values = r.values()
    year = (r.source, r.meta.agency, r.meta.year, {f: values.get(f) for f in YEAR_FIELDS})
    return report_rows(ExportItem(r, res.issues, sha, extra={"review_state": "not started"})), r.error, year


def run_many(fn: Callable[[Any], T], paths: list[Any], progress: Progress | None = None,
             cancelled: Cancelled | None = None, workers: int | None = None,
             min_parallel: int = PARALLEL_FROM) -> Iterator[T]:
    """fn over paths in order, on every core when there are many; stops early when cancelled() is true."""
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(paths) < min_parallel:
        for i, p in enumerate(paths):
            if cancelled and cancelled():
                return
            yield fn(p)
            if progress:
                progress(i + 1, len(paths))
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        try:
            for i, item in enumerate(pool.map(fn, paths, chunksize=1 if min_parallel < PARALLEL_FROM else 16)):
                if cancelled and cancelled():
                    return
                yield item
                if progress:
                    progress(i + 1, len(paths))
        finally:
            pool.shutdown(wait=False, cancel_futures=True)


def read_many(paths: list[str], encoding: str | None = None, progress: Progress | None = None,
              cancelled: Cancelled | None = None, workers: int | None = None) -> Iterator[Result]:
    """Parse and check files in order (in parallel for large batches)."""
    return run_many(partial(read_one, encoding=encoding), paths, progress, cancelled, workers)


EXPORT_CHUNK = 50  # reports a worker turns into CSV text at a time


def export_chunk(paths: list[str], encoding: str | None = None) -> tuple[Chunk, list[str], list[YearData]]:
    """Read, check and hash some files and make their dataset CSV text (in a worker); with their
    errors and their cross-year data."""
    done = [export_one(p, encoding) for p in paths]
    errors = [f"{rows[0][0]}: {error}" for rows, error, _ in done if error]
    return rows_csv(rows for rows, _, _ in done), errors, [y for _, _, y in done]


def cross_year_rows(years: list[YearData]) -> tuple[list[list[str]], dict[str, int]]:
    """issues.csv rows of the cross-year check over a whole batch, and the warnings each source gains."""
    from models.crossyear import YearReport, cross_year
    found = cross_year([YearReport(src, agency, year, values) for src, agency, year, values in years])
    rows, counts = [], {}
    for src, issues in found.items():
        for i in issues:
            rows.append([str(src), i.rule, i.severity, " ".join(i.fields), i.message,
                         "" if i.expected is None else str(i.expected), "open"])
        if issues:
            counts[str(src)] = len(issues)
    return rows, counts


def export_csv(paths: list[str], encoding: str | None = None, progress: Progress | None = None,
               cancelled: Cancelled | None = None,
               workers: int | None = None) -> Iterator[tuple[Chunk, list[str], list[YearData]]]:
    """The dataset CSV text of the files, in order, chunk by chunk (in parallel for large batches)."""
    chunks = [paths[i:i + EXPORT_CHUNK] for i in range(0, len(paths), EXPORT_CHUNK)]
    sizes = [len(c) for c in chunks]

    def chunk_progress(done_chunks: int, _total: int) -> None:
        if progress:
            progress(sum(sizes[:done_chunks]), len(paths))

    many = len(paths) >= PARALLEL_FROM
    return run_many(partial(export_chunk, encoding=encoding), chunks, chunk_progress, cancelled,  # type: ignore[arg-type]
                    workers if many else 1, min_parallel=2)


def export_many(paths: list[str], encoding: str | None = None, progress: Progress | None = None,
                cancelled: Cancelled | None = None,
                workers: int | None = None) -> Iterator[tuple[Rows, str | None]]:
    """The dataset rows of each file and its error, in order (in parallel for large batches)."""
    return run_many(partial(export_one, encoding=encoding), paths, progress, cancelled, workers)
