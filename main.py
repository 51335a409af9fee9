"""Entry point: the review window, or `extract` / `check` / `export` headless (no Qt loaded)."""
from __future__ import annotations

import argparse
import multiprocessing
import signal
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from models.session import Result

APP_NAME = "GovInfoReview"
APP_VERSION = "0.2.0"


def _resource_root() -> Path:
    return Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent))


def bundled_samples() -> list[str]:
    """The sample reports shipped in resources/samples."""
    return [str(p) for p in sorted((_resource_root() / "resources" / "samples").glob("*.txt"))]


class _Interrupt:
    """Ctrl+C on the command line: the first stops reading at the next page of a scan (the pages read
    so far are reported, the others named), the second stops at once."""

    def __init__(self) -> None:
        self.hit = False
        self._old: Any = None

    def __enter__(self) -> _Interrupt:
        self._old = signal.signal(signal.SIGINT, self._handle)
        return self

    def _handle(self, signum: int, frame: object) -> None:
        if self.hit:
            raise KeyboardInterrupt
        self.hit = True
        print("\n已取消：读完当前页后停止（再按一次 Ctrl+C 立即退出）", file=sys.stderr, flush=True)

    def __exit__(self, *exc: object) -> None:
        signal.signal(signal.SIGINT, self._old)

    def __call__(self) -> bool:
        return self.hit


def _page_progress(paths: list[str]) -> Callable[[int, int, int], None]:
    """A scan's pages on stderr: 第 3/6 页 OCR — file."""
    tty = sys.stderr.isatty()  # on a terminal one line counts up; into a file or a pipe, a line a page

    def pages(index: int, done: int, total: int) -> None:
        start, end = ("\r", "\n" if done == total else "") if tty else ("", "\n")
        print(f"{start}第 {done}/{total} 页 OCR — {Path(paths[index]).name}", end=end, file=sys.stderr, flush=True)
    return pages


def _cmd_extract(args: argparse.Namespace) -> int:
    from models.session import read_many

    paths = _paths_or_say_why(args.paths)
    if not paths:
        return 1
    failed = 0
    indent = 1 if args.pretty else None
    out = sys.stdout
    out.write('{"reports": [')
    # one record at a time, so a batch of thousands streams instead of piling up
    written = 0
    with _Interrupt() as stop:
        for res in read_many(paths, args.encoding, cancelled=stop, pages=_page_progress(paths)):
            if res.report.error:
                failed += 1
                print(f"{res.report.source}: {res.report.error}", file=sys.stderr)
            out.write((",\n" if written else "\n") + res.report.json_text(res.issues, indent=indent))
            written += 1
    out.write("\n]}\n")
    if stop.hit:
        print(f"已取消：输出了 {written} 份报告（扫描件只含已读的页），其余 {len(paths) - written} 份未读取",
              file=sys.stderr)
        return 130
    return 1 if failed else 0


SEVERITY_WORDS = {"error": "错误", "warning": "警告", "info": "提示"}


def _cmd_check(args: argparse.Namespace) -> int:
    from models.session import read_many

    paths = _paths_or_say_why(args.paths)
    if not paths:
        return 1
    failed = 0
    with _Interrupt() as stop:
        failed = _print_checks(read_many(paths, args.encoding, cancelled=stop, pages=_page_progress(paths)), args)
    if stop.hit:
        print("已取消：其余报告未读取", file=sys.stderr)
        return 130
    return 1 if failed else 0


def _print_checks(results: Iterable[Result], args: argparse.Namespace) -> int:
    """Each report's issues, one item per cause; how many reports could not be read."""
    from models.rules import rule_name

    failed = 0
    for res in results:
        r = res.report
        if r.error:
            failed += 1
            print(f"{r.source}: 错误：{r.error}")
            continue
        counts = {s: sum(1 for i in res.issues if i.severity == s) for s in ("error", "warning", "info")}
        cells = {s: len({f for i in res.issues if i.severity == s for f in i.fields}) for s in ("error", "warning")}
        print(f"{r.source}: {r.meta.agency or '（机关不明）'} {r.meta.year or '（年度不明）'} — "
              f"{counts['error']} 个错误（{cells['error']} 格），{counts['warning']} 个警告（{cells['warning']} 格）")
        for i in res.issues:  # one item per cause, as the window lists them, with every cell it concerns
            if i.severity == "info" and not args.all:
                continue
            print(f"  [{SEVERITY_WORDS.get(i.severity, i.severity)}] {i.rule} {rule_name(i.kind_of)}")
            print(f"      {i.message}")
            if i.fields:
                print(f"      单元格（{len(i.fields)}）：{', '.join(i.fields)}")
    return failed


def _paths_or_say_why(given: list[str]) -> list[str]:
    """The files to read; says on stderr what a folder held that cannot be read (PDF, Word…)."""
    from models.session import scan_paths

    paths, in_folders = scan_paths(given)
    for folder, skipped in in_folders.items():
        kinds = "、".join(sorted({Path(f).suffix.lower() or "（无扩展名）" for f in skipped}))
        print(f"{folder}：跳过 {len(skipped)} 个暂不支持的文件（{kinds}）", file=sys.stderr)
    if not paths:
        print("没有找到可读取的报告文件（.txt .md .html .htm .docx .pdf .png .jpg .tif）：" + " ".join(given),
              file=sys.stderr)
    return paths


def _is_workspace(path: str) -> bool:
    return path.endswith(".sqlite") and Path(path).is_file()


def _cmd_export(args: argparse.Namespace) -> int:
    from models.export import ExportError

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        print(f"--out 应是一个文件夹，而 {out} 是一个文件", file=sys.stderr)
        return 2
    workspaces = [p for p in args.paths if _is_workspace(p)]
    try:
        if workspaces:
            return _export_workspaces(workspaces, [p for p in args.paths if not _is_workspace(p)], args)
        return _export_files(args)
    except ExportError as exc:
        if not args.quiet:
            print(file=sys.stderr)
        print(str(exc), file=sys.stderr)
        return 1


def _progress(args: argparse.Namespace, what: str) -> Callable[[int, int], None]:
    def progress(done: int, total: int) -> None:
        step = max(1, total // 200)
        if not args.quiet and (done % step == 0 or done == total):
            print(f"\r{what} {done}/{total}", end="", file=sys.stderr, flush=True)
    return progress


def _export_files(args: argparse.Namespace) -> int:
    from models.session.exporting import export_files

    paths = _paths_or_say_why(args.paths)
    if not paths:
        return 1
    written, errors = export_files(paths, args.out, args.encoding, _progress(args, "读取"))
    if not args.quiet:
        print(file=sys.stderr)
    for path in written:
        print(path)
    for line in errors:
        print(line, file=sys.stderr)
    return 1 if errors else 0


def _export_workspaces(workspaces: list[str], others: list[str], args: argparse.Namespace) -> int:
    """Export reviewed reports from workspace files: cleaned values, statuses and the ledger."""
    from models.session import Session, WorkspaceError

    if others:
        print("导出工作区时不能同时指定报告文件：" + " ".join(others), file=sys.stderr)
        return 2
    for path in workspaces:
        try:
            session = Session.open(path, readonly=True)  # an export never writes into the workspace it reads
        except WorkspaceError as exc:
            print(str(exc), file=sys.stderr)
            return 1
        try:
            out = Path(args.out) if len(workspaces) == 1 else Path(args.out) / Path(path).stem
            written = session.export(out, _progress(args, "导出"))
            if not args.quiet and session.items:
                print(file=sys.stderr)
            for w in written:
                print(w)
        finally:
            session.close()
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    ap = argparse.ArgumentParser(prog="main.py", description="政府信息公开工作年度报告审核工具")
    ap.add_argument("--version", action="version", version=f"{APP_NAME} {APP_VERSION}")
    sub = ap.add_subparsers(dest="command")
    for name, helptext in (("extract", "读取报告，输出 JSON"), ("check", "列出每份报告的问题"),
                           ("export", "导出 CSV 数据集")):
        p = sub.add_parser(name, help=helptext)
        p.add_argument("paths", nargs="+", metavar="PATH",
                       help="报告文件或文件夹" + ("；或审核工作区文件（*.sqlite）" if name == "export" else ""))
        p.add_argument("--encoding", help="指定文本编码（如 gb18030、big5、utf-8），不自动检测")
        if name == "extract":
            p.add_argument("--json", action="store_true", help="输出 JSON（默认即是）")
            p.add_argument("--pretty", action="store_true", help="缩进输出")
        if name == "check":
            p.add_argument("--all", action="store_true", help="也列出提示信息")
        if name == "export":
            p.add_argument("--out", required=True, help="输出文件夹")
            p.add_argument("--quiet", action="store_true", help="不显示进度")
    return ap


def main(argv: list[str] | None = None) -> int:
    """Run the command line, or the window when no command is given."""
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in ("extract", "check", "export") or any(a in ("-h", "--help", "--version") for a in argv[:1]):
        args = build_parser().parse_args(argv)
        return {"extract": _cmd_extract, "check": _cmd_check, "export": _cmd_export}[args.command](args)
    try:
        from ui.app import run, self_test
    except ImportError as exc:  # the window needs PySide6; the command line does not
        print(f"无法启动窗口（{exc}）。命令行用法：python main.py extract|check|export PATH...", file=sys.stderr)
        return 2
    if argv[:1] == ["--self-test"]:
        return self_test(argv[1:] or bundled_samples())
    return run(argv, bundled_samples())


if __name__ == "__main__":
    multiprocessing.freeze_support()  # worker processes of a frozen build start here
    sys.exit(main())
