"""Build the packaged app (PyInstaller, one folder) and check that it works with no network:
the window starts on its bundled samples, and extract / export read text, HTML, DOCX, PDF and a
scanned page (OCR, its models inside the package).

usage: python scripts/check_build.py [--no-build] [--size]     (CI runs it after the tests)
  --size  also builds once without OCR (GIR_BUILD_NO_OCR=1, into build/dist-no-ocr) and prints both sizes
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
SRC = (ROOT / "main.py").read_text(encoding="utf-8")
NAME = re.search(r'APP_NAME = "([^"]+)"', SRC).group(1)  # type: ignore[union-attr]
VERSION = re.search(r'APP_VERSION = "([^"]+)"', SRC).group(1)  # type: ignore[union-attr]
DIST = ROOT / "build" / "dist" / f"{NAME}-{VERSION}"
EXE = DIST / (NAME + (".exe" if os.name == "nt" else ""))


def offline() -> list[str]:
    """A prefix that runs a command with no network at all, where the system allows it."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True).returncode == 0:
        return [unshare, "-n"]
    return []


def run(args: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": kw.pop("home", os.environ.get("HOME", "/tmp"))}
    return subprocess.run(offline() + [str(EXE)] + args, capture_output=True, text=True, timeout=300, env=env,
                          **kw)  # type: ignore[call-overload]


def check(ok: bool, what: str, detail: str = "") -> None:
    print(("ok    " if ok else "FAIL  ") + what + (f"\n      {detail[-1500:]}" if detail and not ok else ""))
    if not ok:
        sys.exit(1)


def documents(folder: Path) -> list[Path]:
    """A report as a web page, a Word file and a PDF, made from the sample values."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from documents import cms_page, docx_bytes
    from pdfs import make_pdf
    values = json.loads((ROOT / "tests" / "fixtures" / "truth.json").read_text(encoding="utf-8"))[
        "004_47148163d7b9be8f.txt"]["fields"]
    (folder / "page.html").write_bytes(cms_page(values, "gb2312").encode("gb18030"))
    (folder / "word.docx").write_bytes(docx_bytes(values))
    make_pdf(str(folder / "scan.pdf"), values)
    del app
    return [folder / "page.html", folder / "word.docx", folder / "scan.pdf"]


def scan_page(folder: Path) -> Path:
    """One small scanned page (table 三 with "/" cells, clean 300 dpi) as a PNG, made from the sample values."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from scans import CLEAN, scan_report, with_markers
    values = json.loads((ROOT / "tests" / "fixtures" / "truth.json").read_text(encoding="utf-8"))[
        "004_47148163d7b9be8f.txt"]["fields"]
    scan = scan_report(with_markers(values, ["s3.new.research"], []), CLEAN, tables=(1,), prose=False)
    path = folder / "page.png"
    path.write_bytes(scan.png())
    del app
    return path


def build(dist: Path, work: Path, no_ocr: bool = False) -> None:
    shutil.rmtree(dist, ignore_errors=True)
    env = {**os.environ, "GIR_BUILD_NO_OCR": "1" if no_ocr else "0"}
    b = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--distpath", str(dist),
                        "--workpath", str(work), str(ROOT / "build.spec")],
                       cwd=ROOT, capture_output=True, text=True, timeout=1800, env=env)
    check(b.returncode == 0, f"pyinstaller build.spec builds {dist.relative_to(ROOT)}"
          + (" (without OCR)" if no_ocr else ""), b.stderr)


def folder_mb(folder: Path) -> float:
    """What the folder takes, as du counts it: each file once, links not followed."""
    seen, total = set(), 0
    for f in folder.rglob("*"):
        st = f.lstat()
        if f.is_symlink() or not f.is_file() or st.st_ino in seen:
            continue
        seen.add(st.st_ino)
        total += st.st_size
    return total / 1048576


def main() -> int:
    if "--no-build" not in sys.argv:
        build(ROOT / "build" / "dist", ROOT / "build" / "work")
    check(EXE.exists(), f"the app is at {EXE.relative_to(ROOT)}")
    size = folder_mb(DIST)
    print(f"      folder size {size:.0f} MB; network {'cut off (unshare -n)' if offline() else 'not cut off here'}")
    if "--size" in sys.argv:
        bare = ROOT / "build" / "dist-no-ocr"
        build(bare, ROOT / "build" / "work-no-ocr", no_ocr=True)
        without = folder_mb(bare / DIST.name)
        print(f"      size with OCR {size:.0f} MB, without OCR {without:.0f} MB (OCR adds {size - without:.0f} MB)")
    out = run(["--version"])
    check(out.returncode == 0 and VERSION in out.stdout, f"--version says {NAME} {VERSION}", out.stderr)
    samples = sorted((DIST / "_internal" / "resources" / "samples").glob("*.txt")) or \
        sorted(DIST.rglob("resources/samples/*.txt"))
    check(len(samples) == 5, "the five sample reports are bundled")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        docs = documents(tmp)
        out = run(["extract", "--json", *map(str, samples), *map(str, docs)])
        data = json.loads(out.stdout or "{}")
        reports = {Path(r["source"]).name: r for r in data.get("reports", [])}
        check(out.returncode == 0 and len(reports) == 8, "extract reads 5 text reports, a page, a DOCX and a PDF",
              out.stderr)
        check(reports["000_978a9fff42e671ca.txt"]["fields"]["s3.new.total"] == 13, "text: a value read right")
        for name in ("page.html", "word.docx", "scan.pdf"):
            check(reports[name]["fields"]["s2.licensing.decisions"] == 2957 and reports[name]["error"] is None,
                  f"{name}: read without error, values right")
        page = scan_page(tmp)
        out = run(["extract", "--json", str(page)])
        data = json.loads(out.stdout or "{}")
        got = (data.get("reports") or [{}])[0]
        cells = got.get("cells", {})
        check(out.returncode == 0 and got.get("error") is None and got.get("format") == "image",
              "a scanned page is read by OCR with the network cut off", out.stderr)
        check(got["fields"]["s3.new.total"] == 18 and "ocr" in cells.get("s3.new.total", {}),
              "scan: a value read right, carrying its OCR read", json.dumps(cells.get("s3.new.total")))
        research = got["fields"]["s3.new.research"]
        check(research == "/" or cells.get("s3.new.research", {}).get("uncertain") is True,
              "scan: a printed “/” is “/” or uncertain, never a silent 1", json.dumps(cells.get("s3.new.research")))
        check("第 1/1 页 OCR" in out.stderr, "scan: pages reported on stderr", out.stderr)
        out = run(["export", "--out", str(tmp / "ds"), *map(str, samples)])
        check(out.returncode == 0, "export writes the dataset", out.stderr)
        raw = (tmp / "ds" / "reports.csv").read_bytes()
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
        check(raw.startswith(b"\xef\xbb\xbf") and len(rows) == 5, "reports.csv: UTF-8 with BOM, five reports")
        out = run(["--self-test"], home=str(tmp))
        check(out.returncode == 0 and "window ok: 5 reports" in out.stdout, "the window starts on the samples",
              out.stdout + out.stderr)
        many = tmp / "many"
        many.mkdir()
        for k in range(14):  # enough files for the worker processes (spawned by a frozen program)
            for p in samples:
                shutil.copy(p, many / f"{k:02d}_{p.name}")
        out = run(["--self-test", str(many)], home=str(tmp))
        check(out.returncode == 0 and "window ok: 70 reports" in out.stdout,
              "the window loads 70 reports through its worker processes", out.stdout + out.stderr)
        out = run(["export", "--out", str(tmp / "ds70"), str(many)])
        rows = list(csv.DictReader(io.StringIO((tmp / "ds70" / "reports.csv").read_bytes().decode("utf-8-sig"))))
        check(out.returncode == 0 and len(rows) == 70, "export reads 70 files on every core", out.stderr)
    print(f"the packaged app works: {DIST}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
