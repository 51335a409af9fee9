"""Report files on disk: which ones a folder holds, how the workspace names them, reading them safely."""
from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterable
from pathlib import Path

from parsers.pipeline import max_bytes, read_upto

READABLE_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".shtml", ".docx", ".pdf",
                    ".png", ".jpg", ".jpeg", ".tif", ".tiff")  # images: scans, read by OCR


def source_key(path: str | os.PathLike[str]) -> str:
    """How the workspace names a report file: its absolute path."""
    return str(Path(path).resolve())


def scan_paths(paths: Iterable[str]) -> tuple[list[str], dict[str, list[str]]]:
    """The files to read (files named, and the readable files inside folders named, recursively,
    sorted) and, for each folder named, its files that are not report files of a kind we read;
    each folder walked once."""
    files: list[str] = []
    skipped: dict[str, list[str]] = {}
    for p in paths:
        path = Path(p)
        if not path.is_dir():
            files.append(p)
            continue
        others = []
        for f in sorted(path.rglob("*")):
            if not f.is_file():
                continue
            if f.suffix.lower() in READABLE_SUFFIXES:
                files.append(str(f))
            elif not f.name.startswith("."):
                others.append(str(f))
        if others:
            skipped[p] = others
    return files, skipped


class SourceError(Exception):
    """A report file that cannot be read; the message says why."""


def read_source(path: str | os.PathLike[str]) -> bytes:
    """A report file's bytes (read-only, at most max_bytes() of its kind: 20 MB of text, 200 MB of a
    PDF or an image); SourceError with the reason otherwise."""
    limit = max_bytes(Path(path).suffix)
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise SourceError("这是一个文件夹，不是报告文件")
        if not stat.S_ISREG(st.st_mode):
            raise SourceError("不是普通文件（设备或管道），不读取")
        if st.st_size > limit:
            raise SourceError(f"文件过大（{st.st_size / 1048576:.1f} MB），超过 {limit // 1048576} MB 的上限")
        data = read_upto(path, st.st_size, limit)
    except FileNotFoundError:
        raise SourceError("文件不存在（已被移动或删除）") from None
    except OSError as exc:
        raise SourceError(f"无法读取文件：{exc.strerror or exc}") from None
    if len(data) > limit:
        raise SourceError(f"文件过大，超过 {limit // 1048576} MB 的上限")
    return data


def sha256_bytes(data: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()
