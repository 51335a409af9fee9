"""Headless work on many files: extract, check and export, with progress and cancel callables."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from models.checks import check
from models.export import ExportItem, sha256_file
from models.report import Issue, Report

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

READABLE_SUFFIXES = (".txt", ".text", ".md")


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


def read_many(paths: list[str], encoding: str | None = None, progress: Progress | None = None,
              cancelled: Cancelled | None = None) -> Iterator[Result]:
    """Parse and check files in order, reporting progress; stops early when cancelled() is true."""
    for i, p in enumerate(paths):
        if cancelled and cancelled():
            return
        yield read_one(p, encoding)
        if progress:
            progress(i + 1, len(paths))


def export_item(result: Result) -> ExportItem:
    """What the exporter needs of a result, with the source file's hash."""
    sha = ""
    if not result.report.error or Path(result.report.source).is_file():
        try:
            sha = sha256_file(result.report.source)
        except OSError:
            sha = ""
    return ExportItem(result.report, result.issues, sha)
