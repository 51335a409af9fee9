"""What was read from a report, as the workspace keeps it: a JSON record that restores the Report exactly.

The record holds the text, every cell with its value, printed text, span, uncertainty, source table
cell and PDF box (and the printed label when a misprinted one was matched), the metadata, the
structural notes and the prose counts. Restoring it never
reads the source file and never runs a reader, so a newer reader cannot change a published value
under the auditor's corrections.
"""
from __future__ import annotations

import json
from typing import Any

from models.report import Cell, Issue, Meta, OcrRead, Origin, ProseCount, Report
from models.values import Value, value_from_text, value_to_text

RECORD_FORMAT = 1  # the layout of the record itself; readers have their own version (READER_VERSION)


def _span(s: Any) -> tuple[int, int] | None:
    return (int(s[0]), int(s[1])) if s else None


def issue_to_record(i: Issue) -> dict[str, Any]:
    """An issue as plain JSON (values as exact text)."""
    out: dict[str, Any] = {"rule": i.rule, "severity": i.severity, "fields": list(i.fields), "message": i.message}
    if i.expected is not None:
        out["expected"] = value_to_text(i.expected)
    if i.evidence:
        out["evidence"] = list(i.evidence)
    for name in ("kind", "key", "count", "parts"):  # only when set: older records have none of them
        if getattr(i, name):
            out[name] = getattr(i, name)
    return out


def issue_from_record(d: dict[str, Any]) -> Issue:
    """The issue of issue_to_record()."""
    return Issue(str(d["rule"]), str(d["severity"]), [str(f) for f in d["fields"]], str(d["message"]),
                 expected=value_from_text(d.get("expected")), evidence=_span(d.get("evidence")),
                 kind=str(d.get("kind") or ""), key=str(d.get("key") or ""), count=int(d.get("count") or 0),
                 parts=[str(p) for p in d.get("parts") or ()])


def _cell_to_record(c: Cell) -> list[Any]:
    out: list[Any] = [c.id, value_to_text(c.value), c.raw, list(c.span) if c.span else None, c.uncertain,
           c.origin.to_json() if c.origin else None, list(c.box) if c.box else None]
    if c.label_note is not None or c.ocr is not None:  # 8th/9th only when set: older records have 7
        out.append(list(c.label_note) if c.label_note is not None else None)
    if c.ocr is not None:
        out.append(c.ocr.to_json())
    return out


def _cell_from_record(d: list[Any]) -> Cell:
    fid, value, raw, span, uncertain, origin, box = d[:7]
    note = d[7] if len(d) > 7 and d[7] else None
    ocr = d[8] if len(d) > 8 and d[8] else None
    return Cell(str(fid), value_from_text(value), raw, _span(span), bool(uncertain),
                Origin(int(origin[0]), int(origin[1]), int(origin[2])) if origin else None,
                (int(box[0]), float(box[1]), float(box[2]), float(box[3]), float(box[4])) if box else None,
                (str(note[0]), str(note[1])) if note else None, OcrRead.from_json(ocr) if ocr else None)


def report_to_record(report: Report) -> dict[str, Any]:
    """Everything a reader produced for one report, as plain JSON."""
    m = report.meta
    return {
        "format_version": RECORD_FORMAT, "source": report.source, "format": report.format,
        "encoding": report.encoding, "text": report.text,
        "meta": {"agency": m.agency, "year": m.year, "period": m.period,
                 "period_span": list(m.period_span) if m.period_span else None,
                 "agency_from": m.agency_from, "year_from": m.year_from},
        "cells": [_cell_to_record(c) for c in report.cells.values()],
        "structure": [issue_to_record(i) for i in report.structure],
        "prose": [[p.kind, p.value, list(p.span), p.sentence] for p in report.prose],
        "sections": {k: list(v) for k, v in report.sections.items()},
        "error": report.error,
    }


def report_from_record(d: dict[str, Any]) -> Report:
    """The Report a record was made from, exactly."""
    m = d.get("meta") or {}
    report = Report(source=str(d["source"]), format=str(d.get("format") or "text"), encoding=d.get("encoding"),
                    text=str(d.get("text") or ""),
                    meta=Meta(m.get("agency"), m.get("year"), m.get("period"), _span(m.get("period_span")),
                              agency_from=m.get("agency_from"), year_from=m.get("year_from")),  # None in old records
                    error=d.get("error"))
    for c in d.get("cells", []):
        cell = _cell_from_record(c)
        report.cells[cell.id] = cell
    report.structure = [issue_from_record(i) for i in d.get("structure", [])]
    report.prose = [ProseCount(str(k), int(v), (int(s[0]), int(s[1])), str(t)) for k, v, s, t in d.get("prose", [])]
    report.sections = {str(k): (int(v[0]), int(v[1])) for k, v in d.get("sections", {}).items()}
    return report


def dumps_record(report: Report) -> str:
    """The record as the text the workspace stores."""
    return json.dumps(report_to_record(report), ensure_ascii=False, separators=(",", ":"))


def loads_record(text: str) -> Report:
    """The Report of a stored record text."""
    return report_from_record(json.loads(text))


def values_to_text(values: dict[str, Value]) -> dict[str, str | None]:
    """Field values as exact text, for JSON."""
    return {k: value_to_text(v) for k, v in values.items()}


def values_from_text(d: dict[str, str | None]) -> dict[str, Value]:
    """The values of values_to_text()."""
    return {k: value_from_text(v) for k, v in d.items()}
