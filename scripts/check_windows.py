"""Check the Windows package under Wine with the network cut off, against the Linux build.

usage: python scripts/check_windows.py [--update-picture] [--installer]
       (CI runs it after build_windows.py; --installer also checks build_windows.py --installer's setup.exe)

In a new Wine prefix (a clean "PC": Chinese locale, so the ANSI code page is GBK as on auditors'
Windows), the zip is unpacked into a folder whose name has Chinese characters and a space, and
the reports lie in another such folder. Then, under `unshare -n`:
- `--version`; `extract --json` on the five samples and on a web page, a DOCX and a PDF, whose
  JSON must equal the Linux build's on the same files, and on the scanned page (OCR) that
  scripts/check_build.py reads, when it reads one; `export` whose CSV files must equal the
  Linux build's; 70 reports read through the worker processes, by `export` and by the window;
- `--self-test`: the window opens on the bundled samples, renders, and exits 0;
- the window started as a user starts it, with %APPDATA% under a user name with Chinese
  characters and a space, keeps its automatic workspace in %APPDATA%\\GovInfoReview, and
  `export` reads that workspace;
- the Windows CPython 3.13 of the build imports every module of the app from the source tree,
  and renders the window (sample 003 on its first issue) to build/win/wine-self-test.png
  (--update-picture copies it to docs/wine-self-test.png).
When all of it passes, the zip's copy in the build cache is marked verified, so that
scripts/build_windows.py uses it again while its inputs stay the same (this check still runs).
The offscreen platform and the font folder are set in the prefix's registry (HKCU\\Environment):
Wine passes no QT_* variable from Linux, and real Windows needs neither.
"""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import socket
import sqlite3
import struct
import subprocess
import sys
import time
import zipfile
from pathlib import Path, PureWindowsPath

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_windows import (  # noqa: E402
    CACHE,
    NAME,
    OUT,
    ROOT,
    SETUP,
    VERSION,
    ZIP,
    cache_key,
    ensure_wine,
    mark_verified,
    new_prefix,
    stop_wine,
    wine,
    wine_env,
    winpath,
)

PREFIX = CACHE / "prefix-check"
CHECK = OUT / "check"
INSTALL_DIR = "审核 工具"  # C:\审核 工具\GovInfoReview-<version>\
REPORTS_DIR = "报告 文件"
APPDATA = r"C:\users\审核 员\AppData\Roaming"
LOCALE: dict[str, str] = {}  # Chinese Windows (code page 936): see chinese_locale()
LINUX_EXE = ROOT / "build" / "dist" / f"{NAME}-{VERSION}" / NAME
PICTURE = OUT / "wine-self-test.png"
STARTED = time.monotonic()


def check(ok: bool, what: str, detail: str | bytes = "") -> None:
    if isinstance(detail, bytes):
        detail = detail.decode("utf-8", errors="replace")
    print(("ok    " if ok else "FAIL  ") + what + (f"\n      {detail.strip()[-2500:]}" if detail and not ok else ""),
          flush=True)
    if not ok:
        stop_wine(PREFIX)
        sys.exit(1)


def offline() -> bool:
    """Re-run this script inside a new network namespace (`unshare -n`) once; True when cut off."""
    if os.environ.get("GOVINFO_OFFLINE") == "1":
        return True
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-n", "true"], capture_output=True).returncode == 0:
        r = subprocess.run([unshare, "-n", sys.executable, *sys.argv], env={**os.environ, "GOVINFO_OFFLINE": "1"})
        sys.exit(r.returncode)
    return False


# ------------------------------------------------------------------------------ the clean PC


LOCALE_DIR = CACHE / "locale"
ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8"}


def _utf8(env: dict[str, str]) -> bool:
    out = subprocess.run(["locale", "charmap"], env={**os.environ, **env}, capture_output=True, text=True).stdout
    return out.strip() == "UTF-8"


def prepare_locale() -> None:
    """Compile zh_CN.UTF-8 into the cache when the system lacks it (before the network is cut:
    its source is in Debian's locales package, installed here when missing)."""
    if _utf8(ZH) or (LOCALE_DIR / "zh_CN.UTF-8" / "LC_CTYPE").exists():
        return
    LOCALE_DIR.mkdir(parents=True, exist_ok=True)
    localedef = ["localedef", "-i", "zh_CN", "-f", "UTF-8", str(LOCALE_DIR / "zh_CN.UTF-8")]
    if subprocess.run(localedef, capture_output=True).returncode != 0 and shutil.which("apt-get") \
            and os.geteuid() == 0:
        subprocess.run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", "locales"],
                       capture_output=True, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
        subprocess.run(localedef, capture_output=True)


def chinese_locale() -> dict[str, str]:
    """The environment that makes Wine a Chinese Windows (ANSI code page 936, GBK). Wine also turns
    the Linux command line into the Windows one with this locale, so it must exist on Linux, or
    Chinese paths arrive garbled: from the system, or compiled into the cache (LOCPATH)."""
    if _utf8(ZH):
        return dict(ZH)
    env = {**ZH, "LOCPATH": str(LOCALE_DIR)}
    check(_utf8(env), "the zh_CN.UTF-8 locale for Wine (from Debian's locales package, compiled by localedef)")
    return env


def cjk_font(target: Path) -> None:
    """Noto Sans CJK SC (installed by install.sh as a collection, .ttc) as one OpenType file: Qt's
    offscreen platform on Windows reads .ttf/.otf files only."""
    ttc = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
    if target.exists() or not ttc.exists():
        return
    data = ttc.read_bytes()
    count = struct.unpack(">I", data[8:12])[0]
    for off in struct.unpack(f">{count}I", data[12:12 + 4 * count]):
        version, ntables = struct.unpack(">4sH", data[off:off + 6])
        tables = {}
        for k in range(ntables):
            tag, checksum, start, length = struct.unpack(">4sIII", data[off + 12 + 16 * k:off + 28 + 16 * k])
            tables[tag] = (checksum, start, length)
        _, nstart, _ = tables[b"name"]
        _, nrec, strings = struct.unpack(">HHH", data[nstart:nstart + 6])
        family = ""
        for k in range(nrec):
            pid, _, _, nid, length, at = struct.unpack(">HHHHHH", data[nstart + 6 + 12 * k:nstart + 18 + 12 * k])
            if pid == 3 and nid == 1:
                family = data[nstart + strings + at:nstart + strings + at + length].decode("utf-16-be")
        if family != "Noto Sans CJK SC":
            continue
        tags = sorted(tables)
        sel = max(e for e in range(16) if 2 ** e <= len(tags))
        head = struct.pack(">4sHHHH", version, len(tags), 16 * 2 ** sel, sel, 16 * len(tags) - 16 * 2 ** sel)
        records, body, pos = b"", b"", 12 + 16 * len(tags)
        for tag in tags:
            checksum, start, length = tables[tag]
            blob = data[start:start + length]
            records += struct.pack(">4sIII", tag, checksum, pos + len(body), length)
            body += blob + b"\0" * (-len(blob) % 4)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(head + records + body)
        return


def clean_pc() -> Path:
    """A new Wine prefix with fonts, the offscreen platform, and the unzipped app. Returns the
    app's folder as Linux sees it."""
    new_prefix(PREFIX)
    fonts = PREFIX / "drive_c" / "windows" / "Fonts"
    cjk = CACHE / "fonts" / "NotoSansCJKsc-Regular.otf"
    cjk_font(cjk)
    for f in [cjk, *Path("/usr/share/fonts/truetype/dejavu").glob("DejaVuSans*.ttf")]:
        if f.exists():
            shutil.copy(f, fonts / f.name)
    for name, value in (("QT_QPA_PLATFORM", "offscreen"), ("QT_QPA_FONTDIR", r"C:\windows\Fonts")):
        r = wine(["reg", "add", r"HKCU\Environment", "/v", name, "/d", value, "/f"], PREFIX, timeout=120)
        check(r.returncode == 0, f"test prefix: {name}={value}", r.stdout + r.stderr)
    stop_wine(PREFIX)
    subprocess.run(["wineserver", "-w"], env=wine_env(PREFIX), timeout=120)
    target = PREFIX / "drive_c" / INSTALL_DIR
    with zipfile.ZipFile(ZIP) as z:
        z.extractall(target)
    return target / f"{NAME}-{VERSION}"


# ---------------------------------------------------------------------------------- helpers


def app(app_dir: Path, args: list[str], timeout: float = 600, **extra: str) -> subprocess.CompletedProcess[bytes]:
    exe = f"C:\\{INSTALL_DIR}\\{app_dir.name}\\{NAME}.exe"
    return wine([exe, *args], PREFIX, timeout=timeout, **{**LOCALE, **extra})


def linux(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    """The same command by the Linux build (scripts/check_build.py made it), else from source."""
    cmd = [str(LINUX_EXE)] if LINUX_EXE.exists() else [sys.executable, str(ROOT / "main.py")]
    return subprocess.run([*cmd, *args], capture_output=True, timeout=600, stdin=subprocess.DEVNULL,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def by_name(out: bytes) -> dict[str, dict[str, object]]:
    """extract --json's reports by file name (the paths differ between the systems)."""
    reports = json.loads(out.decode("utf-8"))["reports"]
    return {Path(r["source"].replace("\\", "/")).name: {**r, "source": None} for r in reports}


def csv_rows(folder: Path, name: str, sources: dict[str, str]) -> list[dict[str, str]]:
    raw = (folder / name).read_bytes()
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    for row in rows:
        for k, v in row.items():
            if v in sources:
                row[k] = sources[v]
    return rows


def documents(folder: Path) -> list[Path]:
    """A web page, a DOCX and a PDF of the sample values, as scripts/check_build.py makes them."""
    r = subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; import check_build; "
                        "check_build.documents(Path(sys.argv[1]))", str(folder)],
                       cwd=ROOT / "scripts", capture_output=True, text=True, timeout=300,
                       env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT / "scripts")})
    check(r.returncode == 0, "a web page, a DOCX and a PDF report made for the check", r.stderr)
    return [folder / "page.html", folder / "word.docx", folder / "scan.pdf"]


def scanned_page(app_dir: Path, folder: Path) -> None:
    """A scanned page (an image, read by OCR inside the package) by extract, as on Linux: when
    scripts/check_build.py checks one in the Linux package, the same page is read here too."""
    r = subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; import check_build; "
                        "print(check_build.scan_page(Path(sys.argv[1])) "
                        "if hasattr(check_build, 'scan_page') else '')", str(folder)],
                       cwd=ROOT / "scripts", capture_output=True, text=True, timeout=300,
                       env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT / "scripts")})
    check(r.returncode == 0, "a scanned page made for the check (scripts/check_build.py)", r.stderr)
    if not r.stdout.strip():
        print("      (scripts/check_build.py checks no scanned page: none checked here either)")
        return
    page = folder / "扫描 页.png"
    Path(r.stdout.strip().splitlines()[-1]).replace(page)
    t = time.monotonic()
    w = app(app_dir, ["extract", "--json", winpath(page)])
    check(w.returncode == 0, "extract reads a scanned page by OCR (onnxruntime inside the package)", w.stderr)
    lin = linux(["extract", "--json", str(page)])
    check(lin.returncode == 0, "the Linux build's extract of the scanned page", lin.stderr)
    a, b = by_name(w.stdout)[page.name], by_name(lin.stdout)[page.name]
    diff = [k for k in b if a.get(k) != b[k]]
    check(not diff and a["error"] is None,
          f"extract of a scanned page: JSON equal to the Linux build's ({time.monotonic() - t:.0f} s)",
          f"differs in {diff}: {json.dumps({k: a.get(k) for k in diff}, ensure_ascii=False)[:1500]}")


# -------------------------------------------------------------------------------------- main


def main() -> int:
    if os.environ.get("GOVINFO_OFFLINE") != "1":  # what may need the network, before it is cut
        ensure_wine()
        prepare_locale()
    cut = offline()
    wine_version = ensure_wine()
    if cut:
        names = [n for _, n in socket.if_nameindex()]
        check(names == ["lo"], f"network cut off (unshare -n): interfaces {names}")
    else:
        print("      network not cut off here (unshare -n is not allowed)")
    check(ZIP.exists(), f"the Windows package is {ZIP.relative_to(ROOT)} ({ZIP.stat().st_size / 1048576:.1f} MB)"
          if ZIP.exists() else f"the Windows package {ZIP.relative_to(ROOT)} exists (run scripts/build_windows.py)")
    print(f"      {wine_version}; Linux reference: "
          f"{LINUX_EXE.relative_to(ROOT) if LINUX_EXE.exists() else 'main.py from source (no Linux build)'}")
    LOCALE.update(chinese_locale())
    app_dir = clean_pc()
    check((app_dir / f"{NAME}.exe").exists(), f"unzipped into C:\\{INSTALL_DIR}\\{app_dir.name}\\")

    shutil.rmtree(CHECK, ignore_errors=True)
    reports = CHECK / REPORTS_DIR
    reports.mkdir(parents=True)
    samples = sorted((app_dir / "_internal" / "resources" / "samples").glob("*.txt"))
    check(len(samples) == 5, "the five sample reports are bundled")
    for p in samples:
        shutil.copy(p, reports / p.name)
    files = [reports / p.name for p in samples] + documents(reports)
    win_files = [winpath(p) for p in files]
    sources = {**{str(p): p.name for p in files}, **{w: p.name for w, p in zip(win_files, files, strict=True)}}

    r = app(app_dir, ["--version"])
    check(r.returncode == 0 and f"{NAME} {VERSION}".encode() in r.stdout, f"--version says {NAME} {VERSION}",
          r.stdout + r.stderr)

    t = time.monotonic()
    r = app(app_dir, ["extract", "--json", *win_files])
    check(r.returncode == 0, "extract reads 5 text reports, a web page, a DOCX and a PDF", r.stderr)
    win_json = by_name(r.stdout)
    ref = linux(["extract", "--json", *map(str, files)])
    check(ref.returncode == 0, "the Linux build's extract on the same files", ref.stderr)
    lin_json = by_name(ref.stdout)
    check(sorted(win_json) == sorted(lin_json) and len(win_json) == 8, "extract: the same 8 reports as on Linux")
    for name in sorted(lin_json):
        diff = [k for k in lin_json[name] if win_json[name].get(k) != lin_json[name][k]]
        check(not diff and win_json[name]["error"] is None,
              f"extract {name}: JSON equal to the Linux build's ({len(lin_json[name]['fields'])} fields)",  # type: ignore[arg-type]
              f"differs in {diff}: {json.dumps({k: win_json[name].get(k) for k in diff}, ensure_ascii=False)[:1500]}")
    print(f"      (extract under Wine: {time.monotonic() - t:.0f} s with the Linux run)")
    scanned_page(app_dir, CHECK / REPORTS_DIR)

    out_win, out_lin = CHECK / "导出 结果" / "windows", CHECK / "导出 结果" / "linux"
    r = app(app_dir, ["export", "--quiet", "--out", winpath(out_win), *win_files])
    check(r.returncode == 0 and (out_win / "reports.csv").exists(), "export writes the dataset into a Chinese path",
          r.stdout + r.stderr)
    ref = linux(["export", "--quiet", "--out", str(out_lin), *map(str, files)])
    check(ref.returncode == 0, "the Linux build's export of the same files", ref.stderr)
    for name in sorted(p.name for p in out_lin.glob("*.csv")):
        check((out_win / name).read_bytes().startswith(b"\xef\xbb\xbf"), f"export {name}: UTF-8 with BOM")
        a, b = csv_rows(out_win, name, sources), csv_rows(out_lin, name, sources)
        check(a == b, f"export {name}: {len(a)} rows equal to the Linux build's",
              next((f"row {i}: {x} != {y}" for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y),
                   f"{len(a)} rows != {len(b)} rows"))

    r = app(app_dir, ["--self-test"], timeout=300)
    check(r.returncode == 0 and b"window ok: 5 reports" in r.stdout,
          "--self-test: the window opens on the bundled samples, renders and exits 0", r.stdout + r.stderr)
    print(f"      {r.stdout.decode('utf-8', errors='replace').strip()}")

    many = CHECK / "70 份报告"
    many.mkdir()
    for k in range(14):  # enough files for the worker processes (spawned by the frozen program)
        for p in samples:
            shutil.copy(p, many / f"{k:02d}_{p.name}")
    t = time.monotonic()
    r = app(app_dir, ["export", "--quiet", "--out", winpath(CHECK / "ds70"), winpath(many)], timeout=900)
    rows = csv_rows(CHECK / "ds70", "reports.csv", {}) if (CHECK / "ds70" / "reports.csv").exists() else []
    check(r.returncode == 0 and len(rows) == 70, f"export reads 70 files on every core ({time.monotonic() - t:.0f} s)",
          r.stdout + r.stderr)
    t = time.monotonic()
    r = app(app_dir, ["--self-test", winpath(many)], timeout=900)
    check(r.returncode == 0 and b"window ok: 70 reports" in r.stdout,
          f"the window loads 70 reports through its worker processes ({time.monotonic() - t:.0f} s)",
          r.stdout + r.stderr)

    data_folder(app_dir, files[0])
    source_check()
    if "--installer" in sys.argv:
        installer(files[0])
    stop_wine(PREFIX)
    if mark_verified():
        print("      marked verified in the cache: the next build from the same inputs uses this zip again")
    print(f"the Windows package works under Wine, offline: {ZIP.name} "
          f"({ZIP.stat().st_size / 1048576:.1f} MB); check took {time.monotonic() - STARTED:.0f} s", flush=True)
    return 0


def data_folder(app_dir: Path, report: Path) -> None:
    """Start the window as a user does (on one report) with %APPDATA% under a user name with
    Chinese characters and a space; its automatic workspace must appear in %APPDATA%\\GovInfoReview."""
    exe = f"C:\\{INSTALL_DIR}\\{app_dir.name}\\{NAME}.exe"
    # Wine sets APPDATA itself; a batch file (in the ANSI code page, as on Chinese Windows) sets it
    batch = CHECK / "start-window.cmd"
    batch.write_bytes(f'@echo off\r\nset "APPDATA={APPDATA}"\r\n"{exe}" "{winpath(report)}"\r\n'.encode("gbk"))
    linux_appdata = PREFIX / "drive_c" / Path(*APPDATA.split("\\")[1:])
    workspace = linux_appdata / "GovInfoReview" / "autosave.review.sqlite"
    proc = subprocess.Popen(["wine", "cmd", "/c", winpath(batch)], env=wine_env(PREFIX, **LOCALE),
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    agency, deadline = None, time.monotonic() + 180
    while time.monotonic() < deadline and agency is None and proc.poll() is None:
        time.sleep(2)
        try:
            with sqlite3.connect(f"file:{workspace}?mode=ro", uri=True, timeout=1) as db:
                agency = db.execute("SELECT agency FROM reports").fetchone()[0]
        except (sqlite3.Error, TypeError):
            pass
    time.sleep(2)
    stop_wine(PREFIX)  # the window runs until closed: end it (the workspace is complete after every change)
    out = proc.communicate(timeout=60)[0]
    check(agency is not None, f"the window keeps its workspace in %APPDATA%\\GovInfoReview ({APPDATA}): {agency}",
          out)
    r = app(app_dir, ["export", "--quiet", "--out", winpath(CHECK / "工作区 导出"),
                      APPDATA + r"\GovInfoReview\autosave.review.sqlite"])
    done = CHECK / "工作区 导出"
    rows = csv_rows(done, "reports.csv", {}) if (done / "reports.csv").exists() else []
    check(r.returncode == 0 and len(rows) == 1 and rows[0]["agency"] == agency,
          "export reads that workspace from the Chinese %APPDATA% path", r.stdout + r.stderr)


def installer(report: Path) -> None:
    """The installer (build_windows.py --installer) in the same clean PC: a silent install for
    this user, the app run from the install folder, the Start-menu entry and the "Apps & features"
    key; then a silent uninstall that removes them and keeps %APPDATA%\\GovInfoReview."""
    check(SETUP.exists(), f"the installer is {SETUP.relative_to(ROOT)} ({SETUP.stat().st_size / 1048576:.1f} MB)"
          if SETUP.exists() else f"the installer {SETUP.relative_to(ROOT)} exists (build_windows.py --installer)")
    (user,) = [d for d in (PREFIX / "drive_c" / "users").iterdir()  # Wine's user: the Linux one
               if d.name != "Public" and (d / "AppData" / "Local").is_dir()]
    home = PureWindowsPath("C:\\users", user.name)
    folder = user / "AppData" / "Local" / "Programs" / NAME
    link = user / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs" / f"{NAME}.lnk"
    data = user / "AppData" / "Roaming" / NAME / "autosave.review.sqlite"
    data.parent.mkdir(parents=True, exist_ok=True)
    data.write_bytes(b"the user's workspace, which no uninstall may touch")
    key = rf"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\{NAME}"
    t = time.monotonic()
    r = wine([winpath(SETUP), "/S"], PREFIX, timeout=900, **LOCALE)
    subprocess.run(["wineserver", "-w"], env=wine_env(PREFIX), timeout=900)
    check(r.returncode == 0 and (folder / f"{NAME}.exe").exists() and (folder / "uninstall.exe").exists(),
          f"the installer (/S) installs into %LOCALAPPDATA%\\Programs\\{NAME} ({time.monotonic() - t:.0f} s)",
          r.stdout + r.stderr)
    exe = str(home / "AppData" / "Local" / "Programs" / NAME / f"{NAME}.exe")
    v = wine([exe, "--version"], PREFIX, timeout=300, **LOCALE)
    x = wine([exe, "extract", "--json", winpath(report)], PREFIX, timeout=300, **LOCALE)
    ref = linux(["extract", "--json", str(report)])
    check(v.returncode == 0 and f"{NAME} {VERSION}".encode() in v.stdout and x.returncode == 0
          and by_name(x.stdout) == by_name(ref.stdout),
          "the installed app runs: --version, and extract equal to the Linux build's", v.stdout + v.stderr + x.stderr)
    q = wine(["reg", "query", key, "/v", "DisplayVersion"], PREFIX, timeout=120)
    check(link.exists() and q.returncode == 0 and VERSION.encode() in q.stdout,
          f"a Start-menu entry and the uninstall key (HKCU, DisplayVersion {VERSION})", q.stdout + q.stderr)
    t = time.monotonic()
    r = wine([str(home / "AppData" / "Local" / "Programs" / NAME / "uninstall.exe"), "/S"], PREFIX, timeout=600)
    subprocess.run(["wineserver", "-w"], env=wine_env(PREFIX), timeout=600)
    q = wine(["reg", "query", key], PREFIX, timeout=120)
    check(not folder.exists() and not link.exists() and q.returncode != 0,
          f"the uninstaller (/S) removes the program, the shortcut and the key ({time.monotonic() - t:.0f} s)",
          f"left: {[str(p) for p in (folder, link) if p.exists()]}; reg query exit {q.returncode}")
    check(data.read_bytes() == b"the user's workspace, which no uninstall may touch",
          "the uninstaller keeps %APPDATA%\\GovInfoReview (the user's workspace)")


def source_check() -> None:
    """The app's modules under the Windows CPython 3.13 of the build, and the window's picture."""
    python = CACHE / "python" / cache_key() / "python.exe"
    if not python.exists():
        print("      (the build's Windows Python is not in the cache: no import check, no picture)")
        return
    PICTURE.unlink(missing_ok=True)
    samples = sorted((ROOT / "resources" / "samples").glob("*.txt"))
    r = wine([winpath(python), winpath(ROOT / "scripts" / "wine" / "source_check.py"), winpath(PICTURE),
              *map(winpath, samples)], PREFIX, timeout=600, **LOCALE)
    text = r.stdout.decode("utf-8", errors="replace")
    check(r.returncode == 0 and "imported" in text, "every module of the app imports under Windows CPython 3.13",
          text + r.stderr.decode("utf-8", errors="replace"))
    print("      " + next(line for line in text.splitlines() if line.startswith("imported")))
    check(PICTURE.exists(), f"the window rendered under Wine: {PICTURE.relative_to(ROOT)}", text)
    if "--update-picture" in sys.argv:
        shutil.copy(PICTURE, ROOT / "docs" / "wine-self-test.png")
        print("      copied to docs/wine-self-test.png")
    if not (ROOT / "parsers" / "ocr.py").exists():
        return
    # a scanned page (an image: no text layer), read by OCR on Windows and on Linux
    page, lin, win = CHECK / "扫描 页.png", CHECK / "ocr-linux.txt", CHECK / "ocr-windows.txt"
    r = subprocess.run([sys.executable, "-c", SCANNED_PAGE, str(page)], capture_output=True, text=True, timeout=120)
    check(r.returncode == 0, "a scanned page made for the OCR check", r.stderr)
    script = ROOT / "scripts" / "wine" / "source_check.py"
    r = subprocess.run([sys.executable, str(script), "--ocr", str(page), str(lin)], capture_output=True, text=True,
                       timeout=600)
    check(r.returncode == 0, "OCR on Linux reads the scanned page", r.stdout + r.stderr)
    w = wine([winpath(python), winpath(script), "--ocr", winpath(page), winpath(win)], PREFIX, timeout=600, **LOCALE)
    check(w.returncode == 0 and win.exists(), "OCR (rapidocr, onnxruntime) under Windows CPython 3.13 reads it",
          w.stdout + w.stderr)
    a, b = win.read_text(encoding="utf-8"), lin.read_text(encoding="utf-8")
    check(a == b and "2957" in a, f"OCR: the same text as on Linux ({len(a)} characters)", f"{a!r}\n!=\n{b!r}")


SCANNED_PAGE = """
import sys
from PIL import Image, ImageDraw, ImageFont
font = ImageFont.truetype("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 34, index=2)
img = Image.new("L", (1300, 420), 255)
d = ImageDraw.Draw(img)
d.text((40, 30), "二、主动公开政府信息情况", fill=0, font=font)
rows = [("行政许可", "2957"), ("行政处罚", "41"), ("行政强制", "0")]
for k, (label, value) in enumerate(rows):
    y = 120 + 80 * k
    d.rectangle((40, y - 10, 1100, y + 60), outline=0, width=2)
    d.text((60, y), label, fill=0, font=font)
    d.text((800, y), value, fill=0, font=font)
img.save(sys.argv[1])
"""


if __name__ == "__main__":
    sys.exit(main())
