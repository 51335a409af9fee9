"""Reading report files (in worker processes): what a reader made of each, ready for the workspace."""
from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from models.checks import check
from models.record import dumps_record
from models.report import Issue, Report
from models.review import Review, Summary
from models.session.files import SourceError, read_source, sha256_bytes, source_key
from models.session.workers import Cancelled, Progress, run_many
from parsers.pipeline import NOT_YET, READER_VERSION, parse_bytes

__all__ = ["READER_VERSION", "Prepared", "Result", "prepare", "read_file", "read_one", "read_many", "prepare_many"]


@dataclass
class Prepared:
    """A report file read and checked, before it meets the workspace (made in a worker process)."""
    source: str
    sha256: str = ""
    error: str | None = None
    record: str = ""  # dumps_record() of the report
    summary: Summary | None = None


@dataclass
class Result:
    report: Report
    issues: list[Issue]


def read_file(path: str | os.PathLike[str], encoding: str | None = None) -> tuple[Report, str]:
    """Read one report file (never written) into a Report, with the SHA-256 of its bytes; problems
    become Report.error, never exceptions."""
    source = str(path)
    suffix = Path(source).suffix.lower()
    if suffix in NOT_YET:
        return Report(source=source, format=suffix.lstrip("."), error=NOT_YET[suffix]), ""
    try:
        data = read_source(source)
    except SourceError as exc:
        return Report(source=source, error=str(exc)), ""
    return parse_bytes(data, source, encoding, suffix), sha256_bytes(data)


def prepare(path: str, encoding: str | None = None) -> Prepared:
    """Read, check and record one report file for the workspace."""
    source = source_key(path)
    report, sha = read_file(source, encoding)
    if report.error:
        return Prepared(source, sha, report.error)
    return Prepared(source, sha, None, dumps_record(report), Review(report).summary())


def prepare_many(paths: list[str], progress: Progress | None = None, cancelled: Cancelled | None = None,
                 spawn: bool = False) -> Iterator[Prepared]:
    """prepare() over files, in order, in worker processes when there are many."""
    return run_many(prepare, paths, progress, cancelled, spawn=spawn, chunksize=4)


def read_one(path: str, encoding: str | None = None) -> Result:
    """Parse and check one file (the command line's extract and check); never raises for bad input."""
    report, _ = read_file(path, encoding)
    return Result(report, check(report))


def read_many(paths: list[str], encoding: str | None = None, progress: Progress | None = None,
              cancelled: Cancelled | None = None, workers: int | None = None) -> Iterator[Result]:
    """read_one() over files in order (in parallel for large batches)."""
    return run_many(partial(read_one, encoding=encoding), paths, progress, cancelled, workers, min_parallel=64,
                    chunksize=16)
