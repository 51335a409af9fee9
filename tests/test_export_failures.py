"""An export that cannot be written (full disk, read-only folder, file in use, interrupted) says so
in one line, leaves no temporary file behind and leaves the previous export byte for byte as it was.

The full and read-only disks are small tmpfs mounts (CI runs as root, and root writes through
chmod); those tests are skipped, saying why, where mounting is not allowed.
"""
from __future__ import annotations

import errno
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import SAMPLES
from models import export
from models.checks import check
from models.export import ExportError, ExportItem, export_csv_chunks, export_dataset, report_rows, rows_csv
from parsers import parse_path


@pytest.fixture(scope="module")
def items() -> list[ExportItem]:
    """The bundled samples as exported: read and checked."""
    reports = [parse_path(str(p)) for p in sorted(SAMPLES.glob("*.txt"))]
    return [ExportItem(r, check(r)) for r in reports]


def listing(folder: Path) -> dict[str, bytes]:
    """Every file in the folder (hidden ones too) with its bytes."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith((".tmp-", ".old-")))


def _run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=30)


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[..., Path]]:
    """mount(size, name): a fresh tmpfs of that size; unmounted after the test, whatever happens."""
    mounted: list[Path] = []

    def mount(size: str, name: str = "disk") -> Path:
        if not sys.platform.startswith("linux"):
            pytest.skip("tmpfs mounts need Linux")
        point = tmp_path / name
        point.mkdir()
        try:
            done = _run("mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(point))
        except (OSError, subprocess.SubprocessError) as exc:
            pytest.skip(f"cannot run mount: {exc}")
        if done.returncode != 0:
            pytest.skip(f"mounting a tmpfs is not allowed here (needs root or CAP_SYS_ADMIN): {done.stderr.strip()}")
        mounted.append(point)
        return point

    yield mount
    for point in reversed(mounted):
        if _run("umount", str(point)).returncode != 0:
            _run("umount", "-l", str(point))


def fill(disk: Path, leave: int) -> None:
    """Fill the disk with one file until only about `leave` bytes are free."""
    st = os.statvfs(disk)
    free = st.f_bavail * st.f_frsize
    with open(disk / "filler.bin", "wb") as fh:
        fh.write(b"\0" * max(0, free - leave))


def remount_read_only(disk: Path) -> None:
    done = _run("mount", "-o", "remount,ro", str(disk))
    if done.returncode != 0:
        pytest.skip(f"cannot remount the tmpfs read-only: {done.stderr.strip()}")


def chunks_of(items: list[ExportItem], size: int = 7) -> Iterator[export.Chunk]:
    """The command line's way in: chunks of CSV text made by rows_csv (in workers there)."""
    for at in range(0, len(items), size):
        yield rows_csv(map(report_rows, items[at:at + size]))


# ------------------------------------------------------------------ full disk

@pytest.mark.parametrize("way", ["dataset", "chunks"])
def test_a_full_disk_says_so_in_one_line_and_leaves_the_previous_export_whole(tmpfs, items, way):
    disk = tmpfs("512k")
    out = disk / "out"
    export_dataset(items[:1], out)  # the previous export: fits
    before = listing(out)
    fill(disk, leave=16 * 1024)
    many = items * 30  # about 5 MB of cells.csv: cannot fit
    with pytest.raises(ExportError) as caught:
        if way == "dataset":
            export_dataset(many, out)
        else:
            export_csv_chunks(chunks_of(many), out)
    message = str(caught.value)
    assert message == f"导出失败：磁盘空间不足（{out}）；原有文件保持不变"
    assert "\n" not in message and "Traceback" not in message
    assert caught.value.errno == errno.ENOSPC
    assert isinstance(caught.value.__cause__, OSError) and caught.value.__cause__.errno == errno.ENOSPC
    assert leftovers(out) == []
    assert listing(out) == before  # same names, same bytes


def test_a_disk_that_is_full_from_the_start_leaves_nothing_behind(tmpfs, items):
    disk = tmpfs("256k")
    out = disk / "out"
    out.mkdir()
    fill(disk, leave=0)
    with pytest.raises(ExportError, match="磁盘空间不足"):
        export_dataset(items[:1], out)
    assert listing(out) == {}


def test_a_disk_that_fills_at_the_last_flush_still_removes_every_temporary_file(tmp_path, items, monkeypatch):
    """A full disk often fails only when the buffered end of a file is flushed, at close: every
    close fails, and the cleanup goes on past each failure."""
    out = tmp_path / "out"
    export_dataset(items, out)
    before = listing(out)

    class FullAtFlush:
        def __init__(self, fh):
            self._fh = fh

        def write(self, text):
            return self._fh.write(text)

        def fileno(self):
            return self._fh.fileno()

        @property
        def closed(self):
            return self._fh.closed

        def flush(self):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        def close(self):
            self._fh.close()
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    real_init = export.CsvWriter.__init__

    def init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        self.fh = FullAtFlush(self.fh)
    monkeypatch.setattr(export.CsvWriter, "__init__", init)
    with pytest.raises(ExportError, match="^导出失败：磁盘空间不足"):
        export_dataset(items, out)
    assert listing(out) == before


# ------------------------------------------------------------------ read-only folder

def test_a_read_only_disk_says_so_and_leaves_the_previous_export_whole(tmpfs, items):
    disk = tmpfs("1m")
    out = disk / "out"
    export_dataset(items[:2], out)
    before = listing(out)
    remount_read_only(disk)
    with pytest.raises(ExportError) as caught:
        export_dataset(items, out)
    assert str(caught.value) == f"导出失败：文件夹只读（{out}）；原有文件保持不变"
    assert listing(out) == before
    with pytest.raises(ExportError) as caught:
        export_csv_chunks(chunks_of(items), out)
    assert "只读" in str(caught.value) and str(out) in str(caught.value)
    assert listing(out) == before


def test_a_new_folder_that_cannot_be_made_is_an_export_error(tmpfs, items):
    disk = tmpfs("64k")
    remount_read_only(disk)
    out = disk / "new" / "out"
    with pytest.raises(ExportError) as caught:
        export_dataset(items[:1], out)
    assert str(caught.value) == f"导出失败：文件夹只读（{out}）；原有文件保持不变"
    assert list(disk.iterdir()) == []


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root writes into a chmod 0o555 folder; the tmpfs tests cover root")
def test_a_folder_without_write_permission_says_so(tmp_path, items):
    out = tmp_path / "out"
    export_dataset(items[:1], out)
    before = listing(out)
    out.chmod(0o555)
    try:
        with pytest.raises(ExportError) as caught:
            export_dataset(items, out)
    finally:
        out.chmod(0o755)
    assert str(caught.value) == f"导出失败：没有写入权限（{out}）；原有文件保持不变"
    assert listing(out) == before


def test_a_temporary_file_refused_half_way_removes_the_ones_already_made(tmp_path, items, monkeypatch):
    """The third temporary file cannot be made (permission taken away meanwhile): the first two go."""
    out = tmp_path / "out"
    export_dataset(items[:1], out)
    before = listing(out)
    real = export.tempfile.mkstemp
    made = []

    def mkstemp(*args, **kwargs):
        if len(made) == 2:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(out))
        made.append(real(*args, **kwargs))
        return made[-1]
    monkeypatch.setattr(export.tempfile, "mkstemp", mkstemp)
    with pytest.raises(ExportError) as caught:
        export_csv_chunks(chunks_of(items), out)
    assert str(caught.value) == f"导出失败：没有写入权限（{out}）；原有文件保持不变"
    assert len(made) == 2 and listing(out) == before


# ------------------------------------------------------------------ failing while moving files into place

def _failing_replace(monkeypatch, fails: Callable[[str, str], OSError | None]) -> None:
    real = os.replace

    def replace(src, dst):
        exc = fails(str(src), str(dst))
        if exc is not None:
            raise exc
        return real(src, dst)
    monkeypatch.setattr(os, "replace", replace)


def test_a_file_in_use_while_moving_files_into_place_puts_every_old_file_back(tmp_path, items, monkeypatch):
    """The new issues.csv cannot replace the old one (open in Excel): the files already replaced go
    back, and corrections.csv, which the previous export did not have, is taken away again."""
    out = tmp_path / "out"
    export_dataset(items[:2], out)
    (out / "corrections.csv").unlink()  # as a folder exported before corrections.csv existed
    before = listing(out)
    assert "corrections.csv" not in before

    def fails(src, dst):
        if Path(src).name == "issues.csv" and Path(dst).name.startswith(".old-"):
            exc = PermissionError(errno.EACCES, "The process cannot access the file", src)
            exc.winerror = 32  # ERROR_SHARING_VIOLATION, as Windows says for a file open in Excel
            return exc
        return None
    _failing_replace(monkeypatch, fails)
    with pytest.raises(ExportError) as caught:
        export_dataset(items, out, [])
    assert str(caught.value) == f"导出失败：文件被占用（{out / 'issues.csv'}）；原有文件保持不变"
    assert listing(out) == before


def test_a_failure_after_some_files_are_replaced_puts_the_old_ones_back(tmp_path, items, monkeypatch):
    out = tmp_path / "out"
    export_dataset(items[:2], out)
    before = listing(out)
    _failing_replace(monkeypatch, lambda src, dst: OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), src)
                     if Path(dst).name == "data_dictionary.csv" and Path(src).name.startswith(".tmp-") else None)
    with pytest.raises(ExportError, match="磁盘空间不足"):
        export_dataset(items, out)
    assert listing(out) == before


def test_an_old_file_that_cannot_be_put_back_is_named_not_lost(tmp_path, items, monkeypatch):
    out = tmp_path / "out"
    export_dataset(items[:2], out)
    old_reports = (out / "reports.csv").read_bytes()

    def fails(src, dst):
        if Path(src).name.startswith(".tmp-") and Path(dst).name == "cells.csv":
            return OSError(errno.EIO, os.strerror(errno.EIO), src)
        if Path(src).name == ".old-reports.csv":  # and putting reports.csv back fails as well
            return OSError(errno.EIO, os.strerror(errno.EIO), src)
        return None
    _failing_replace(monkeypatch, fails)
    with pytest.raises(ExportError) as caught:
        export_dataset(items, out)
    kept = out / ".old-reports.csv"
    assert str(caught.value) == (f"导出失败：{os.strerror(errno.EIO)}（{out}）；原有文件未能全部放回，保存在 {kept}")
    assert caught.value.kept == [str(kept)]
    assert kept.read_bytes() == old_reports
    assert [p for p in leftovers(out) if p.startswith(".tmp-")] == []


# ------------------------------------------------------------------ not an OSError

def test_an_interrupted_export_cleans_up_and_stays_an_interrupt(tmp_path, items, monkeypatch):
    out = tmp_path / "out"
    export_dataset(items[:1], out)
    before = listing(out)
    calls = {"n": 0}

    def interrupted(it):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return report_rows(it)
    monkeypatch.setattr(export, "report_rows", interrupted)
    with pytest.raises(KeyboardInterrupt):
        export_dataset(items, out)
    assert listing(out) == before


def test_an_error_in_the_rows_is_not_dressed_up_as_an_export_error(tmp_path, items):
    out = tmp_path / "out"
    export_dataset(items[:1], out)
    before = listing(out)

    def broken() -> Iterator[export.Chunk]:
        yield rows_csv(map(report_rows, items[:1]))
        raise ValueError("a bug")
    with pytest.raises(ValueError, match="a bug"):
        export_csv_chunks(broken(), out)
    assert listing(out) == before


def test_export_error_is_one_sentence_and_still_an_os_error():
    err = ExportError("磁盘空间不足", "/data/out")
    assert str(err) == "导出失败：磁盘空间不足（/data/out）；原有文件保持不变"
    assert isinstance(err, OSError)  # callers that catch OSError (the window) keep working
    err = ExportError("没有写入权限", Path("/data/out"))
    assert str(err) == "导出失败：没有写入权限（/data/out）；原有文件保持不变"
