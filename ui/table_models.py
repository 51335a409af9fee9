"""Qt item models over a Review: the official table grids and the issue list. They own no data."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from models.checks import label
from models.report import OcrRead
from models.review import ACCEPTED, RESOLVED, Review, ReviewedIssue, same_value
from models.template import FIELDS
from models.values import Value, format_value, parse_value
from ui import palette
from ui.layouts import HEADER, VALUE, Grid
from ui.rule_names import issue_message, issue_rule, rule_help, rule_name

FIELD_ROLE = Qt.ItemDataRole.UserRole + 1
STATE_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
ISSUE_ROLE = Qt.ItemDataRole.UserRole + 4
CORRECTED_ROLE = Qt.ItemDataRole.UserRole + 5  # True for a cell the auditor corrected (drawn with a mark)

Index = QModelIndex | QPersistentModelIndex
Submit = Callable[[str, Value], None]

def word(text: str) -> str:
    """A word of the interface declared with QT_TRANSLATE_NOOP("Words", …), translated."""
    return QCoreApplication.translate("Words", text)


STATE_WORDS = {"error": QT_TRANSLATE_NOOP("Words", "错误"), "warning": QT_TRANSLATE_NOOP("Words", "警告"),
               "uncertain": QT_TRANSLATE_NOOP("Words", "位置存疑"), "blank": QT_TRANSLATE_NOOP("Words", "空白"),
               "na": QT_TRANSLATE_NOOP("Words", "不适用"),
               "ocr": QT_TRANSLATE_NOOP("Words", "OCR 识别"),
               "corrected": QT_TRANSLATE_NOOP("Words", "已更正"), "accepted": QT_TRANSLATE_NOOP("Words", "已接受"),
               "ok": QT_TRANSLATE_NOOP("Words", "正常")}


class GridModel(QAbstractTableModel):
    """One official table: header and label cells read-only, value cells editable."""
    edit_rejected = Signal(str)

    def __init__(self, grid: Grid, submit: Submit | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.grid = grid
        self.review: Review | None = None
        self.on_edit = submit  # not "submit": that name is a virtual slot of QAbstractItemModel
        self._pos = {c.field: pos for pos, c in grid.cells.items() if c.field}
        self._shown: dict[str, tuple[str, str, bool]] = {}  # field → (text, state, corrected) as last painted
        self.readonly = False  # a read-only workspace: nothing can be typed

    # ------------------------------------------------------------ structure
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else self.grid.rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else self.grid.cols

    def set_review(self, review: Review | None) -> None:
        """Show another report's values (or none)."""
        self.beginResetModel()
        self.review = review
        self._shown = self._snapshot()
        self.endResetModel()

    def _snapshot(self) -> dict[str, tuple[str, str, bool]]:
        r = self.review
        if r is None:
            return {}
        return {fid: (format_value(r.value(fid)), r.cell_state(fid), fid in r.corrections) for fid in self._pos}

    def refresh(self) -> None:
        """Values or issues changed: repaint just the cells whose value or colour changed."""
        now = self._snapshot()
        roles = [Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.BackgroundRole,
                 Qt.ItemDataRole.ToolTipRole, STATE_ROLE, CORRECTED_ROLE]
        for fid, shown in now.items():
            if self._shown.get(fid) != shown:
                idx = self.index(*self._pos[fid])
                self.dataChanged.emit(idx, idx, roles)
        self._shown = now

    def index_of(self, fid: str) -> QModelIndex:
        """The index of a field's value cell (invalid if this table does not show it)."""
        pos = self._pos.get(fid)
        return self.index(*pos) if pos else QModelIndex()

    def field_at(self, index: Index) -> str:
        """The field id of a value cell, '' elsewhere."""
        cell = self.grid.at(index.row(), index.column()) if index.isValid() else None
        return cell.field if cell else ""

    # ------------------------------------------------------------ data
    def flags(self, index: Index) -> Qt.ItemFlag:
        cell = self.grid.at(index.row(), index.column()) if index.isValid() else None
        if cell is None:
            return Qt.ItemFlag.NoItemFlags
        if cell.kind == VALUE:
            editable = Qt.ItemFlag.NoItemFlags if self.readonly else Qt.ItemFlag.ItemIsEditable
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | editable
        return Qt.ItemFlag.ItemIsEnabled

    _ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.BackgroundRole,
                        Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole,
                        FIELD_ROLE, STATE_ROLE, KIND_ROLE, CORRECTED_ROLE})

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in self._ROLES or not index.isValid():  # views ask for many roles we do not use
            return None
        cell = self.grid.at(index.row(), index.column())
        if cell is None:
            return None
        if role == KIND_ROLE:
            return cell.kind
        if cell.kind != VALUE:
            return self._label_data(cell.kind, cell.text, role)
        return self._value_data(cell.field, role)

    def _label_data(self, kind: str, text: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(QColor(palette.HEADER_BG if kind == HEADER else palette.LABEL_BG))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter) if kind == HEADER else \
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text
        if role == Qt.ItemDataRole.FontRole and kind == HEADER:
            f = QFont()
            f.setBold(True)
            return f
        return None

    def _value_data(self, fid: str, role: int) -> Any:
        r = self.review
        if role == FIELD_ROLE:
            return fid
        if r is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return format_value(r.value(fid))
        if role == Qt.ItemDataRole.EditRole:
            return format_value(r.value(fid))
        if role == STATE_ROLE:
            return r.cell_state(fid)
        if role == CORRECTED_ROLE:
            return fid in r.corrections
        if role == Qt.ItemDataRole.BackgroundRole:
            c = palette.color(r.cell_state(fid))
            return QBrush(c) if c else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, fid)
        return None

    def _tooltip(self, r: Review, fid: str) -> str:
        f = FIELDS.get(fid)
        cell = r.report.cells.get(fid)
        lines = [f"{f.row_label} · {f.column_label}" if f else cell_name(fid)]
        raw = cell.raw if cell and cell.raw is not None else None
        lines.append(self.tr("印出：{raw}").format(raw=raw if raw is not None else self.tr("（空白）")))
        if cell is not None and cell.label_note is not None:
            lines.append(self.tr("标签印为「{printed}」，按「{template}」读取").format(
                printed=cell.label_note[0], template=cell.label_note[1]))
        if cell is not None and cell.ocr is not None:
            lines.extend(self._ocr_lines(cell.ocr, raw))
        if cell is not None and cell.origin is not None:
            o = cell.origin
            lines.append(self.tr("来源：第 {table} 个表格，第 {row} 行，第 {col} 列").format(
                table=o.table, row=o.row, col=o.col))
        if fid in r.corrections:
            lines.append(self.tr("已由审核人更正为：{value}").format(
                value=format_value(r.value(fid)) or self.tr("（空白）")))
        lines.append(self.tr("状态：{state}").format(state=word(STATE_WORDS.get(r.cell_state(fid), ""))))
        for item in r.issues_for(fid):
            i = item.issue
            tag = {ACCEPTED: self.tr("［已接受］"), RESOLVED: self.tr("［已补填］")}.get(item.state, "")
            text = self.tr("• {rule}：{tag}{message}").format(rule=rule_name(issue_rule(i)), tag=tag,
                                                              message=issue_message(i, r.value))
            if i.expected is not None:
                text += self.tr("（应为 {value}）").format(value=format_value(i.expected))
            lines.append(text)
        return "\n".join(lines)

    def _ocr_lines(self, ocr: OcrRead, raw: str | None) -> list[str]:
        """What OCR read in the scan, how sure it was, its other readings, and any doubt about the ink
        (the scores as the recogniser gave them)."""
        out = [self.tr("OCR 读作「{text}」，置信度 {confidence}").format(text=ocr.text,
                                                                      confidence=f"{ocr.confidence:g}")]
        if raw is not None and raw.strip() != ocr.text.strip():
            out.append(self.tr("按笔画形状取「{taken}」").format(taken=raw.strip()))
        if ocr.alternatives:
            out.append(self.tr("其他读法：{alternatives}").format(
                alternatives=", ".join(f"\"{t}\" {s:g}" for t, s in ocr.alternatives)))
        if ocr.flagged:
            out.append(self.tr("笔画可能是印出的“/”或“—”，请对照原件"))
        return out

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        fid = self.field_at(index)
        if not fid or role != Qt.ItemDataRole.EditRole or self.review is None or self.on_edit is None \
                or self.readonly:
            return False
        text = str(value).strip()
        try:
            parsed = parse_value(text)
        except ValueError:
            self.edit_rejected.emit(self.tr("只能填写数字、“/”（不适用）或留空：{text}").format(text=text))
            return False
        if same_value(parsed, self.review.value(fid)):
            return False  # confirming a cell without changing it changes nothing and logs nothing
        self.on_edit(fid, parsed)  # a command to the session; the window refreshes from what it changed
        return True


ISSUE_HEADERS = (QT_TRANSLATE_NOOP("Words", "级别"), QT_TRANSLATE_NOOP("Words", "规则"),
                 QT_TRANSLATE_NOOP("Words", "说明"), QT_TRANSLATE_NOOP("Words", "状态"))
SEVERITY_WORDS = {"error": QT_TRANSLATE_NOOP("Words", "错误"), "warning": QT_TRANSLATE_NOOP("Words", "警告"),
                  "info": QT_TRANSLATE_NOOP("Words", "提示")}
ISSUE_STATE_WORDS = {"open": QT_TRANSLATE_NOOP("Words", "待处理"), "accepted": QT_TRANSLATE_NOOP("Words", "已接受"),
                     "resolved": QT_TRANSLATE_NOOP("Words", "已补填")}
META_NAMES = {"meta.period": QT_TRANSLATE_NOOP("Words", "统计期限"), "meta.agency": QT_TRANSLATE_NOOP("Words", "机关"),
              "meta.year": QT_TRANSLATE_NOOP("Words", "年度")}
LIST_SEP = QT_TRANSLATE_NOOP("Words", "、")  # between the names of several cells
TOP = 0  # internalId of a top-level (issue) index; a cell under issue n has n + 1


def cell_name(fid: str) -> str:
    """What the window calls a cell: its official row and column labels (report content), never its id."""
    if fid in FIELDS:
        return label(fid)
    return word(META_NAMES.get(fid, QT_TRANSLATE_NOOP("Words", "报告信息")))


class IssueModel(QAbstractItemModel):
    """The issue list of one review; an issue naming several cells opens to its cells."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.review: Review | None = None
        self.items: list[ReviewedIssue] = []
        self._cells_shown: list[tuple[tuple[str, str], ...]] = []  # each issue's cells as last painted

    def set_review(self, review: Review | None) -> None:
        self.beginResetModel()
        self.review = review
        self.items = list(review.issues()) if review else []
        self._cells_shown = [self._cells_now(r) for r in range(len(self.items))]
        self.endResetModel()

    def _cells_now(self, row: int) -> tuple[tuple[str, str], ...]:
        r = self.review
        return tuple((format_value(r.value(f)), r.cell_state(f)) for f in self.cells(row)) if r else ()

    def refresh(self) -> None:
        """After an edit: rebuild the list if issues came or went, else repaint the rows that changed."""
        new = list(self.review.issues()) if self.review else []
        if [it.key for it in new] != [it.key for it in self.items]:
            self.set_review(self.review)
            return
        old, self.items = self.items, new
        last = len(ISSUE_HEADERS) - 1
        for row, (a, b) in enumerate(zip(old, new, strict=True)):
            if (a.state, a.issue.message, a.acceptance) != (b.state, b.issue.message, b.acceptance):
                self.dataChanged.emit(self.index(row, 0), self.index(row, last))
            now = self._cells_now(row)
            if now != self._cells_shown[row]:  # a cell under it changed value or colour
                self._cells_shown[row] = now
                top = self.index(row, 0)
                self.dataChanged.emit(self.index(0, 0, top), self.index(len(now) - 1, last, top))

    def cells(self, row: int) -> list[str]:
        """The cells an issue opens to (none when it names one cell or none)."""
        fields = self.items[row].issue.fields if 0 <= row < len(self.items) else []
        return list(fields) if len(fields) > 1 else []

    # ------------------------------------------------------------ structure
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, TOP)
        if parent.internalId() == TOP:
            return self.createIndex(row, column, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: Index | None = None) -> Any:  # type: ignore[override]
        if index is None:  # QObject.parent()
            return super().parent()
        if not index.isValid() or index.internalId() == TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self.items)
        if parent.internalId() == TOP and parent.column() == 0:
            return len(self.cells(parent.row()))
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802
        return len(ISSUE_HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return word(ISSUE_HEADERS[section])
        return None

    def issue_row(self, index: Index) -> int:
        """The row of the issue an index belongs to (itself or the cell under it)."""
        if not index.isValid():
            return -1
        return index.row() if index.internalId() == TOP else index.internalId() - 1

    def field_at(self, index: Index) -> str:
        """The cell a cell row stands for ('' for an issue row)."""
        if not index.isValid() or index.internalId() == TOP:
            return ""
        cells = self.cells(index.internalId() - 1)
        return cells[index.row()] if index.row() < len(cells) else ""

    # ------------------------------------------------------------ data
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.issue_row(index)
        if not 0 <= row < len(self.items):
            return None
        item = self.items[row]
        if role == ISSUE_ROLE:
            return item
        if index.internalId() != TOP:
            return self._cell_data(item, self.field_at(index), index.column(), role)
        if role == FIELD_ROLE:
            return ""
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item)
        if role == Qt.ItemDataRole.BackgroundRole and index.column() == 0:
            c = palette.color(item.issue.severity if item.state == "open" else "accepted")
            return QBrush(c) if c else None
        if role == Qt.ItemDataRole.ForegroundRole and item.state != "open":
            return QBrush(QColor("#707b7c"))
        return None

    def _cell_data(self, item: ReviewedIssue, fid: str, column: int, role: int) -> Any:
        r = self.review
        if role == FIELD_ROLE:
            return fid
        if r is None or not fid:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 2 or role == Qt.ItemDataRole.ToolTipRole:
                return f"{cell_name(fid)} = {format_value(r.value(fid)) or word(QT_TRANSLATE_NOOP('Words', '空白'))}"
            if column == 3:
                return word(STATE_WORDS.get(r.cell_state(fid), ""))
            return ""
        if role == Qt.ItemDataRole.BackgroundRole and column == 3:
            c = palette.color(r.cell_state(fid))
            return QBrush(c) if c else None
        return None

    def _display(self, item: ReviewedIssue, column: int) -> str:
        i = item.issue
        if column == 0:
            return word(SEVERITY_WORDS.get(i.severity, i.severity))
        if column == 1:
            return rule_name(issue_rule(i))
        if column == 2:
            return issue_message(i, self.review.value if self.review else None)
        state = word(ISSUE_STATE_WORDS.get(item.state, item.state))
        if item.acceptance and item.acceptance.reason:
            return self.tr("{state}：{reason}").format(state=state, reason=item.acceptance.reason)
        return state

    def _tooltip(self, item: ReviewedIssue) -> str:
        i = item.issue
        code = issue_rule(i)
        text = self.tr("{rule}：{help}").format(rule=rule_name(code), help=rule_help(code)) + "\n" + \
            issue_message(i, self.review.value if self.review else None)
        if i.fields:
            text += "\n" + word(LIST_SEP).join(cell_name(f) for f in i.fields[:12])
        if i.expected is not None:
            text += "\n" + self.tr("应为：{value}").format(value=format_value(i.expected))
        return text

    def row_of(self, key: str) -> int:
        """The row of an issue by key, -1 if gone."""
        return next((n for n, it in enumerate(self.items) if it.key == key), -1)
