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
from models.session.workers import Cancelled, PageProgress, Progress, job_cancelled, job_progress, run_many
from parsers.pipeline import IMAGE_SUFFIXES, NOT_YET, PDF_SUFFIXES, READER_VERSION, parse_bytes

__all__ = ["READER_VERSION", "Prepared", "Result", "may_need_ocr", "prepare", "read_file", "read_one", "read_many",
           "prepare_many"]


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


def read_file(path: str | os.PathLike[str], encoding: str | None = None, progress: Progress | None = None,
              cancelled: Cancelled | None = None) -> tuple[Report, str]:
    """Read one report file (never written) into a Report, with the SHA-256 of its bytes; problems
    become Report.error, never exceptions. A scan is read by OCR page by page: progress(done, total)
    after each page, and no further page once cancelled() (the pages not read are named in an issue)."""
    source = str(path)
    suffix = Path(source).suffix.lower()
    if suffix in NOT_YET:
        return Report(source=source, format=suffix.lstrip("."), error=NOT_YET[suffix]), ""
    try:
        data = read_source(source)
    except SourceError as exc:
        return Report(source=source, error=str(exc)), ""
    if suffix in IMAGE_SUFFIXES | PDF_SUFFIXES:  # may hold scanned pages, read page by page
        return parse_bytes(data, source, encoding, suffix, progress, cancelled), sha256_bytes(data)
    return parse_bytes(data, source, encoding, suffix), sha256_bytes(data)


def prepare(path: str, encoding: str | None = None) -> Prepared:
    """Read, check and record one report file for the workspace (inside prepare_many, a scan's pages
    are reported to its `pages` callback and a cancel stops it at the next page)."""
    source = source_key(path)
    report, sha = read_file(source, encoding, job_progress, job_cancelled)
    if report.error:
        return Prepared(source, sha, report.error)
    return Prepared(source, sha, None, dumps_record(report), Review(report).summary())


def may_need_ocr(path: str) -> bool:
    """An image file or a PDF: it may hold scanned pages, read by OCR (seconds a page)."""
    return Path(path).suffix.lower() in IMAGE_SUFFIXES | PDF_SUFFIXES


def prepare_many(paths: list[str], progress: Progress | None = None, cancelled: Cancelled | None = None,
                 spawn: bool = False, pages: PageProgress | None = None) -> Iterator[Prepared]:
    """prepare() over files, in order, in worker processes when there are many. With `pages`, a scan
    reports each page read, pages(index in paths, done, total), and a cancel stops it at its next
    page: it comes back with the pages read, the others named. With spawn=True (the window) and
    `pages`, files that may be scans are always read in a worker process, however few."""
    few = 1 if spawn and pages is not None and any(may_need_ocr(p) for p in paths) else None
    chunk = 1 if pages is not None else 4  # a scan is seconds a page: one file at a time, so progress is its own
    if few is not None:
        return run_many(prepare, paths, progress, cancelled, spawn=spawn, chunksize=chunk, min_parallel=few,
                        pages=pages)
    return run_many(prepare, paths, progress, cancelled, spawn=spawn, chunksize=chunk, pages=pages)


def read_in_worker(path: str, encoding: str | None = None, progress: Progress | None = None,
                   cancelled: Cancelled | None = None) -> tuple[Report, str] | None:
    """read_file() in a worker process (spawned): for a thread of the window, since pdfium, which
    reads PDFs and draws their pages in the window, must never run on two threads at once. A scan's
    pages are reported to progress(done, total); None when cancelled before it began."""
    pages: PageProgress = (lambda _i, done, total: progress(done, total)) if progress else (lambda *_: None)
    for got in run_many(partial(_read_here, encoding=encoding), [path], None, cancelled, spawn=True,
                        min_parallel=1, pages=pages):
        return got
    return None


def _read_here(path: str, encoding: str | None = None) -> tuple[Report, str]:
    return read_file(path, encoding, job_progress, job_cancelled)


def read_one(path: str, encoding: str | None = None) -> Result:
    """Parse and check one file (the command line's extract and check); never raises for bad input.
    Inside read_many, a scan's pages are reported and a cancel stops it at its next page."""
    report, _ = read_file(path, encoding, job_progress, job_cancelled)
    return Result(report, check(report))


def read_many(paths: list[str], encoding: str | None = None, progress: Progress | None = None,
              cancelled: Cancelled | None = None, workers: int | None = None,
              pages: PageProgress | None = None) -> Iterator[Result]:
    """read_one() over files in order (in parallel for large batches); `pages` as for prepare_many."""
    return run_many(partial(read_one, encoding=encoding), paths, progress, cancelled, workers, min_parallel=64,
                    chunksize=1 if pages is not None else 16, pages=pages)
