"""Agency, report year, the stated statistics period and the counts the prose states."""
from __future__ import annotations

import re

from models.report import Meta, ProseCount

_TITLE = re.compile(r"([^\n]{0,60}?)\s*((?:19|20)\d{2})\s*年度?\s*(?:的)?\s*(?:政府)?信息公开(?:工作)?(?:年度)?报告")
_MARKUP = re.compile(r"^[\s#*>_|]+|[\s#*>_|]+$")
_BY = re.compile(r"本报告由\s*([^\s，,。、（(]{2,40}?)\s*(?:根据|依据|按照|编制)")
_DATE = r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
_PERIOD = re.compile(r"(?:统计|数据)[^。\n]{0,30}?(?:期限|期间|时间|时段|区间|时限|周期|口径|范围)"
                     r"[^。\n\d]{0,12}" + _DATE
                     + r"\s*(?:起)?\s*(?:至|到|—+|-|–|~|～)\s*(?:" + _DATE + r"|(\d{1,2})\s*月\s*(\d{1,2})\s*日)")
_SENTENCE = re.compile(r"[^。；;！!？?\n]+")
_CLAUSE = re.compile(r"[^，,。；;！!？?\n]+")
_APPLY = re.compile(r"(?:共|全年|累计|本年度?)?(?:受理|收到|新收|接收|接到|办理)[^，,。；;]{0,20}?"
                    r"(?:依申请|申请)[^，,。；;]{0,12}?(\d+)\s*(?:件|个|条|宗|份)")
_APPLY_ALT = re.compile(r"(?:依申请|申请)[^，,。；;\d]{0,12}?(?:受理|收到|新收|办理)[^，,。；;\d]{0,8}?"
                        r"(\d+)\s*(?:件|个|条|宗|份)")
_APPLY_NONE = re.compile(r"(?:无|没有|未收到|未发生)[^，,。；;\d]{0,8}(?:依申请|依法申请|政府信息公开申请)")
_REVIEW = re.compile(r"行政复议[^，,。；;\d]{0,10}?(\d+)\s*(?:件|起|宗|个)")
_SUIT = re.compile(r"行政诉讼[^，,。；;\d]{0,10}?(\d+)\s*(?:件|起|宗|个)")
_NONE_OF = re.compile(r"(?:无|没有|未发生|未收到|未有)[^，,。；;\d]{0,12}?(行政复议|行政诉讼)")


def read_meta(text: str, head_end: int) -> Meta:
    """Agency and year from the title (else from 本报告由…), and the statistics period."""
    meta = Meta()
    head = text[:max(head_end, 0) or 3000]
    # The title is the last title line before section 一: a page's sidebar may list the same
    # agency's reports of other years above it.
    found = []
    for m in _TITLE.finditer(head):
        agency = _MARKUP.sub("", m.group(1)).strip(" ：:（(")
        if agency and not re.search(r"[。，,；;]", agency):
            line_start = head.rfind("\n", 0, m.start()) + 1
            line_end = head.find("\n", m.end())
            line = head[line_start: line_end if line_end >= 0 else len(head)]
            standalone = len(_MARKUP.sub("", line).strip()) <= len(m.group(0).strip()) + 6
            found.append((standalone, m.start(), re.sub(r"\s+", "", agency), int(m.group(2))))
    if found:
        best = max(found, key=lambda f: (f[0], f[1])) if any(f[0] for f in found) else found[0]
        meta.agency, meta.year = best[2], best[3]
    else:
        title = _TITLE.search(head)
        if title:
            meta.year = int(title.group(2))
    if meta.agency is None:
        by = _BY.search(text[:6000])
        if by:
            meta.agency = by.group(1)
    p = _PERIOD.search(text)
    if p:
        y1, m1, d1 = int(p.group(1)), int(p.group(2)), int(p.group(3))
        if p.group(4):
            y2, m2, d2 = int(p.group(4)), int(p.group(5)), int(p.group(6))
        else:
            y2, m2, d2 = y1, int(p.group(7)), int(p.group(8))
        meta.period = f"{y1:04d}-{m1:02d}-{d1:02d}/{y2:04d}-{m2:02d}-{d2:02d}"
        meta.period_span = (p.start(), p.end())
        if meta.year is None:
            meta.year = y1
    return meta


def read_prose_counts(text: str, start: int, end: int) -> list[ProseCount]:
    """Counts of applications, reviews and suits stated in the prose between start and end."""
    out: list[ProseCount] = []
    for s in _SENTENCE.finditer(text, start, end):
        sentence = s.group()
        if "申请" in sentence and "主动公开" not in sentence:
            for c in _CLAUSE.finditer(sentence):
                clause = c.group()
                if clause.lstrip().startswith("其中"):
                    continue
                m = _APPLY.search(clause) or _APPLY_ALT.search(clause)
                if m and ("信息公开" in sentence or "依申请" in sentence or "申请公开" in sentence):
                    a = s.start() + c.start() + m.start(1)
                    out.append(ProseCount("applications", int(m.group(1)), (a, a + len(m.group(1))), sentence.strip()))
                    break
                n = _APPLY_NONE.search(clause)
                if n:
                    a = s.start() + c.start()
                    out.append(ProseCount("applications", 0, (a, a + len(clause)), sentence.strip()))
                    break
        for c in _CLAUSE.finditer(sentence):
            clause = c.group()
            for kind, rx in (("review", _REVIEW), ("suit", _SUIT)):
                m = rx.search(clause)
                if m:
                    a = s.start() + c.start() + m.start(1)
                    out.append(ProseCount(kind, int(m.group(1)), (a, a + len(m.group(1))), sentence.strip()))
            for n in _NONE_OF.finditer(clause):
                kind = "review" if n.group(1) == "行政复议" else "suit"
                a = s.start() + c.start()
                out.append(ProseCount(kind, 0, (a, a + len(clause)), sentence.strip()))
    return out
