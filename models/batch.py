"""Headless work on many files: extract, check and export, on every core, with progress and cancel."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

from models.checks import check
from models.export import ExportItem, Rows, report_rows, sha256_file
from models.report import Issue, Report

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
T = TypeVar("T")

READABLE_SUFFIXES = (".txt", ".text", ".md")
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


def read_one(path: str, encoding: str | None = None) -> Result:
    """Parse and check one file; never raises for bad input."""
    from parsers import parse_path

    report = parse_path(path, encoding)
    return Result(report, check(report))


def export_one(path: str, encoding: str | None = None) -> tuple[Rows, str | None]:
    """Parse, check and hash one file; its dataset rows (built in the worker) and its error."""
    res = read_one(path, encoding)
    sha = ""
    try:
        sha = sha256_file(path)
    except OSError:
        pass
    return report_rows(ExportItem(res.report, res.issues, sha)), res.report.error


def run_many(fn: Callable[[str], T], paths: list[str], progress: Progress | None = None,
             cancelled: Cancelled | None = None, workers: int | None = None) -> Iterator[T]:
    """fn over paths in order, on every core when there are many; stops early when cancelled() is true."""
    workers = workers or os.cpu_count() or 1
    if workers == 1 or len(paths) < PARALLEL_FROM:
        for i, p in enumerate(paths):
            if cancelled and cancelled():
                return
            yield fn(p)
            if progress:
                progress(i + 1, len(paths))
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        try:
            for i, item in enumerate(pool.map(fn, paths, chunksize=16)):
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


def export_many(paths: list[str], encoding: str | None = None, progress: Progress | None = None,
                cancelled: Cancelled | None = None,
                workers: int | None = None) -> Iterator[tuple[Rows, str | None]]:
    """The dataset rows of each file and its error, in order (in parallel for large batches)."""
    return run_many(partial(export_one, encoding=encoding), paths, progress, cancelled, workers)
