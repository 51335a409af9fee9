"""The report object every part of the program shares: cells with their sources, metadata, issues."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from itertools import compress, islice, repeat
from json.encoder import encode_basestring as _string  # json.dumps' own string writer (ensure_ascii=False)
from operator import add, attrgetter, is_not
from typing import Any

from models.template import FIELDS, STANDARD_IDS, field_order
from models.values import Value, dumps

ERROR = "error"
WARNING = "warning"
INFO = "info"


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a value sits in a document with real tables: the n-th table, its row and column (from 1)."""
    table: int
    row: int
    col: int

    def to_json(self) -> list[int]:
        return [self.table, self.row, self.col]


@dataclass(frozen=True, slots=True)
class OcrRead:
    """How a value read from a scan was read by OCR: the text the recogniser gave, its confidence
    (0–1), other readings with their scores, and whether its ink's shape asks for a second look
    (a lone stroke that may be a printed "/" or "—"), with why."""
    text: str
    confidence: float
    alternatives: tuple[tuple[str, float], ...] = ()
    flagged: bool = False
    note: str = ""

    def to_json(self) -> dict[str, Any]:
        """The `"ocr"` entry of a cell in `extract --json` and in the record."""
        out: dict[str, Any] = {"text": self.text, "confidence": self.confidence}
        if self.alternatives:
            out["alternatives"] = [[t, s] for t, s in self.alternatives]
        if self.flagged:
            out["flagged"] = True
        if self.note:
            out["note"] = self.note
        return out

    @staticmethod
    def from_json(d: dict[str, Any]) -> OcrRead:
        return OcrRead(str(d["text"]), float(d["confidence"]),
                       tuple((str(t), float(s)) for t, s in d.get("alternatives") or ()),
                       bool(d.get("flagged")), str(d.get("note") or ""))


@dataclass(slots=True)
class Cell:
    """One template cell as printed: its value, the raw text and where that text sits in the source."""
    id: str
    value: Value
    raw: str | None = None
    span: tuple[int, int] | None = None
    uncertain: bool = False  # placed by weak evidence (a position guess, a misprinted label)
    origin: Origin | None = None  # the source table cell (HTML, DOCX)
    box: tuple[int, float, float, float, float] | None = None  # PDF: page, left, top, right, bottom (points)
    # the printed label and the template label it was taken for, when they differ (a misprint)
    label_note: tuple[str, str] | None = None
    ocr: OcrRead | None = None  # read from a scan by OCR: what was read and how sure


@dataclass
class Issue:
    """One item for the auditor: a rule broken or unverifiable, or one cause (a blank column, the 2019
    layout) with every cell it concerns. Names for `rule` and `kind` are in models/rules.py."""
    rule: str  # R1…R5, missing, prose, period, layout, cross_year, meta, encoding, source, migration
    severity: str  # error, warning, info
    fields: list[str]
    message: str
    expected: Value = None
    evidence: tuple[int, int] | None = None  # a span of the source text (prose sentence, stray row)
    state: str = "open"  # "accepted" once an auditor accepts the values as published
    kind: str = ""  # the cause it is grouped by (blank_columns, layout_2019 …); "" = its rule (kind_of)
    key: str = ""  # a stable name (rule + cause) that survives re-checks; "" = rule + fields (key_of)
    count: int = 0  # how many cells are the cause (they come first in `fields`); 0 = all of `fields`
    parts: list[str] = field(default_factory=list)  # keys of the single issues this one stands for

    @property
    def kind_of(self) -> str:
        """The cause it is grouped by; an issue that stands alone is of its rule's kind."""
        return self.kind or self.rule

    @property
    def key_of(self) -> str:
        """Its stable name: `key`, or for an issue that stands alone its rule and the cells it names."""
        return self.key or self.rule + ":" + ",".join(self.fields)

    @property
    def cell_count(self) -> int:
        """How many cells are the cause (the 125 of a blank column group); they come first in `fields`."""
        return self.count or len(self.fields)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"rule": self.rule, "severity": self.severity, "fields": self.fields,
                               "message": self.message, "expected": self.expected,
                               "kind": self.kind_of, "count": self.cell_count, "key": self.key_of}
        if self.parts:
            out["parts"] = len(self.parts)  # how many single issues it stands for
        if self.evidence:
            out["evidence"] = list(self.evidence)
        return out


def _cell_json(c: Cell) -> dict[str, Any]:
    # Report.json_text writes a cell with only raw, span and uncertain itself (_cells_text): a new entry
    # here needs its test there too (tests/test_json_record.py holds the two to the same bytes)
    out: dict[str, Any] = {"raw": c.raw, "span": list(c.span) if c.span else None}
    if c.origin is not None:
        out["origin"] = c.origin.to_json()  # [table, row, column] in the source document
    if c.box is not None:
        out["box"] = [c.box[0]] + [round(v, 1) for v in c.box[1:]]  # [page, left, top, right, bottom]
    if c.uncertain:
        out["uncertain"] = True
    if c.label_note is not None:
        out["label"] = {"printed": c.label_note[0], "template": c.label_note[1]}
    if c.ocr is not None:
        out["ocr"] = c.ocr.to_json()  # read from a scan: what the recogniser read, how sure
    return out


def _cell_head(fid: str) -> str:
    return f'{_string(fid)}: {{"raw": '


_CELL_HEADS = {fid: _cell_head(fid) for fid in FIELDS}  # looked up without a call for a template cell


# The text of the offsets below _LOOKED_UP_OFFSETS (the spans of nearly every text report's tables), made
# once when the first record is written: writing an int is a third of the cost of writing a cell.
_LOOKED_UP_OFFSETS = 32768
_OFFSET_TEXTS: list[str] = []


def _cells_text(cells: dict[str, Cell]) -> str:
    """The `"cells"` object of a record as json.dumps writes it (ensure_ascii=False): a cell with only
    its raw text and span (nearly every cell of a text report) written directly, any other by dumps."""
    parts = []
    heads = _CELL_HEADS
    offsets = _OFFSET_TEXTS or _offset_texts()
    for fid, c in cells.items():
        raw = c.raw
        if raw is None:
            continue
        if c.origin is None and c.box is None and c.label_note is None and c.ocr is None and type(raw) is str:
            span = c.span
            if span and not c.uncertain:  # nearly every cell: one f-string
                a, b = span
                head = heads.get(fid) or _cell_head(fid)
                if 0 <= a <= b < _LOOKED_UP_OFFSETS:  # the texts of both looked up
                    parts.append(f'{head}{_string(raw)}, "span": [{offsets[a]}, {offsets[b]}]}}')
                else:  # an offset past the table (a long text)
                    parts.append(f'{head}{_string(raw)}, "span": [{a}, {b}]}}')
            else:
                parts.append(f'{heads.get(fid) or _cell_head(fid)}{_string(raw)}, "span": '
                             + (f"[{span[0]}, {span[1]}]" if span else "null")
                             + (', "uncertain": true}' if c.uncertain else "}"))
        else:
            parts.append(f"{_string(fid)}: {dumps(_cell_json(c))}")
    return "{" + ", ".join(parts) + "}"


def _offset_texts() -> list[str]:
    _OFFSET_TEXTS.extend(map(str, range(_LOOKED_UP_OFFSETS)))
    return _OFFSET_TEXTS


_FIELD_HEADS = [f"{_string(fid)}: " for fid in STANDARD_IDS]


def _fields_text(values: dict[str, Value]) -> str:
    """The `"fields"` object of a record (Report.values()) as dumps writes it: the 200 standard names
    written once here, whole numbers and blanks through _SHORT (json writes an int as str() does), any
    other value one by one (_value_text)."""
    vals = list(values.values())
    if {*map(type, vals)} <= _WHOLE_OR_BLANK:
        texts = list(map(_SHORT.__getitem__, vals))
    else:
        texts = list(map(str, vals))
        for k in compress(range(len(vals)), map(is_not, map(type, vals), repeat(int))):
            texts[k] = _value_text(vals[k])
    heads = _FIELD_HEADS  # values() holds the 200 standard fields first, in this order, then the optional ones
    if len(vals) > len(heads):
        heads = heads + [f"{_string(fid)}: " for fid in islice(values, len(heads), None)]
    return "{" + ", ".join(map(add, heads, texts)) + "}"


class _Texts(dict[Value, str]):
    """The JSON text of blank and of the small whole numbers, looked up; any other int's made by str()."""

    def __missing__(self, v: Value) -> str:
        return str(v)


# most counts a report prints are small: their text is looked up rather than made (making the text
# of an int is most of the cost of writing one). Only ints and None are looked up here: a Decimal
# or True equal to an int must not find its text
_SHORT = _Texts({i: str(i) for i in range(1000)})
_SHORT[None] = "null"
_WHOLE_OR_BLANK = frozenset({int, type(None)})


def _value_text(v: Value) -> str:
    """A value as dumps writes it: blank null, a Decimal with exactly its digits, "/" a JSON string."""
    if v is None:
        return "null"
    if type(v) is Decimal:
        return format(v, "f") if v.is_finite() else "null"
    if type(v) is str:
        return _string(v)
    return dumps(v)


_BLANK: dict[str, Value] = dict.fromkeys(STANDARD_IDS)  # Report.values() of a report with no cell
_value_of = attrgetter("value")


@dataclass
class Meta:
    agency: str | None = None
    year: int | None = None
    period: str | None = None  # "YYYY-MM-DD/YYYY-MM-DD" as stated
    period_span: tuple[int, int] | None = None
    # where agency and year were read: "title", "heading", "signature", "filename", "period" or None
    agency_from: str | None = None
    year_from: str | None = None


@dataclass
class ProseCount:
    """A count stated in the prose, with what it claims to count."""
    kind: str  # "applications", "review", "suit"
    value: int
    span: tuple[int, int]
    sentence: str


@dataclass
class Report:
    source: str
    format: str = "text"
    encoding: str | None = None
    text: str = ""
    meta: Meta = field(default_factory=Meta)
    cells: dict[str, Cell] = field(default_factory=dict)
    structure: list[Issue] = field(default_factory=list)  # found while reading; fixed once read
    prose: list[ProseCount] = field(default_factory=list)
    sections: dict[str, tuple[int, int]] = field(default_factory=dict)
    error: str | None = None
    # PDF: each piece of the laid-out text with its page and box, and the page heights, kept so
    # the same text reads the same way again (blank cells are placed by x) when restored
    layout: dict[str, Any] | None = None

    def value(self, fid: str) -> Value:
        """The value of a field (None when blank or not printed)."""
        cell = self.cells.get(fid)
        return cell.value if cell else None

    def values(self) -> dict[str, Value]:
        """All 200 standard fields plus any optional ones printed, in template order."""
        out = _BLANK.copy()
        out.update(zip(self.cells, map(_value_of, self.cells.values()), strict=True))
        if len(out) > len(_BLANK):  # optional fields printed: they follow the 200, in template order
            extra = sorted(islice(out, len(_BLANK), None), key=field_order)
            out.update([(fid, out.pop(fid)) for fid in extra])
        return out

    def to_json(self, issues: list[Issue]) -> dict[str, Any]:
        """The `extract --json` record of this report."""
        return {
            **self._head(),
            "cells": {fid: _cell_json(c) for fid, c in self.cells.items() if c.raw is not None},
            "issues": [i.to_json() for i in issues],
            "error": self.error,
        }

    def _head(self) -> dict[str, Any]:
        """The record's entries before its cells."""
        return {**self._about(), "fields": self.values()}

    def _about(self) -> dict[str, Any]:
        """The record's first entries: where it was read from and what it is."""
        return {
            "source": self.source, "format": self.format, "encoding": self.encoding,
            "meta": {"agency": self.meta.agency, "year": self.meta.year, "period": self.meta.period,
                     "agency_from": self.meta.agency_from, "year_from": self.meta.year_from},
        }

    def json_text(self, issues: list[Issue], indent: int | None = None) -> str:
        """The `extract --json` record as JSON text: every value a JSON number with exactly its
        printed digits (to_json() holds Decimals, which json.dumps cannot write)."""
        if indent is not None:
            return dumps(self.to_json(issues), indent=indent)
        # the same bytes, faster: the fields and cells (most of the record) written here, the rest by dumps
        about = dumps(self._about())
        tail = dumps({"issues": [i.to_json() for i in issues], "error": self.error})
        return (f'{about[:-1]}, "fields": {_fields_text(self.values())}, "cells": {_cells_text(self.cells)}, '
                f"{tail[1:]}")
