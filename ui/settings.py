"""QSettings behind typed accessors with named keys."""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

ORG, APP = "GovInfoReview", "GovInfoReview"
K_AUDITOR = "review/auditor"
K_LANGUAGE = "ui/language"
K_RECENT = "files/recent"
K_LAST_DIR = "files/last_dir"
K_GEOMETRY = "window/geometry"
K_STATE = "window/state"
K_SPLIT_MAIN = "window/split_main"
K_SPLIT_RIGHT = "window/split_right"
K_WORKSPACE = "files/workspace"
K_LAST_WORKSPACE = "review/last_workspace"  # where the auditor stopped: the workspace, report and cell
K_LAST_REPORT = "review/last_report"
K_LAST_FIELD = "review/last_field"
MAX_RECENT = 10


class Settings:
    """The program's remembered choices."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.q = settings or QSettings(ORG, APP)

    def _str(self, key: str, default: str = "") -> str:
        v = self.q.value(key, default)
        return str(v) if v is not None else default

    @property
    def auditor(self) -> str:
        return self._str(K_AUDITOR)

    @auditor.setter
    def auditor(self, name: str) -> None:
        self.q.setValue(K_AUDITOR, name)

    @property
    def language(self) -> str:
        """"zh" (default) or "en"."""
        return self._str(K_LANGUAGE, "zh")

    @language.setter
    def language(self, lang: str) -> None:
        self.q.setValue(K_LANGUAGE, lang)

    @property
    def last_dir(self) -> str:
        return self._str(K_LAST_DIR)

    @last_dir.setter
    def last_dir(self, path: str) -> None:
        self.q.setValue(K_LAST_DIR, path)

    @property
    def workspace(self) -> str:
        """The workspace file last used ('' for the automatic one)."""
        return self._str(K_WORKSPACE)

    @workspace.setter
    def workspace(self, path: str) -> None:
        self.q.setValue(K_WORKSPACE, path)

    def recent(self) -> list[str]:
        v = self.q.value(K_RECENT, [])
        if isinstance(v, str):
            return [v] if v else []
        return [str(x) for x in (v or [])]

    def add_recent(self, path: str) -> None:
        items = [path] + [p for p in self.recent() if p != path]
        self.q.setValue(K_RECENT, items[:MAX_RECENT])

    def bytes(self, key: str) -> QByteArray | None:
        v = self.q.value(key)
        return v if isinstance(v, QByteArray) else None

    def set_bytes(self, key: str, value: QByteArray) -> None:
        self.q.setValue(key, value)

    def last_place(self) -> tuple[str, str, str]:
        """(workspace, report source, field) in view when the window last closed."""
        return self._str(K_LAST_WORKSPACE), self._str(K_LAST_REPORT), self._str(K_LAST_FIELD)

    def set_last_place(self, workspace: str, source: str, fid: str) -> None:
        self.q.setValue(K_LAST_WORKSPACE, workspace)
        self.q.setValue(K_LAST_REPORT, source)
        self.q.setValue(K_LAST_FIELD, fid)
