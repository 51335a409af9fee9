"""What marks an OCR value: its confidence, the recogniser's alternatives, and the "/" rule.

On degraded scans the recogniser reads a printed "/" as "1" (with scores as high as 0.95) and "—"
as "一", while true "1"s on a phone photo score as low as 0.67: the score alone cannot tell them
apart. The slant of the ink can. A "1" stands upright (its flag even tilts it back, like "\\"),
a "/" leans right: measured from the horizontal, every real "1" stood at 78° or more and every
misread "/" at 74° or less. A lone stroke is therefore never taken as a 1 silently: slanted, it
is read as "/"; flat, as "—"; in between, or a bare bar, it stays "1" and is flagged.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from parsers.ocr_engine import Gray, Read

# Below this the recogniser's read is shown as uncertain. Correct reads of table values scored
# 0.99–1.0 on clean and office scans, wrong ones 0.55–0.69; on phone photos a few correct reads
# fall to 0.67–0.9, so a photo's doubtful digits are shown for a look rather than passed silently.
UNCERTAIN_BELOW = 0.90
SLASH_MAX = 74.0  # ink leaning right at this angle from the horizontal or less: a "/"
ONE_MIN = 78.0  # upright at this angle or more (up to BACK_MAX): a "1"
BACK_MAX = 120.0  # leaning back further than this: not a 1 either
FLAT_MAX = 0.45  # ink this much lower than wide: a dash
BAR_MAX = 0.16  # ink this much narrower than high, with no flag or foot: a bare bar, "1" or "|" unsure
LONE_STROKES = frozenset("1lI|丨一-—－–―‐_＿ー/")
DASHES = frozenset("一-—－–―‐_＿ー")


@dataclass(frozen=True, slots=True)
class Ink:
    """The shape of the ink of a short read: its principal angle (degrees from the horizontal, 90
    upright, below 90 leaning right like "/"), and its width and height in pixels."""
    angle: float
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class OcrMark:
    """How one value was read by OCR, for the auditor: what the recogniser read, how sure it was,
    its alternatives, what the shape of the ink suggests, and whether to look again."""
    text: str  # what the recogniser read ("1")
    confidence: float  # its score, 0–1
    alternatives: tuple[tuple[str, float], ...] = ()  # other readings, best first, each with its score
    shape: str | None = None  # "/" or "—" when the ink looks like one, "1" when it stands upright
    angle: float | None = None  # the ink's principal angle (degrees), for lone strokes
    uncertain: bool = False  # confidence below UNCERTAIN_BELOW, or the shape disagrees with the read
    flagged: bool = False  # a lone stroke the shape rule took for "/" or "—", or that may be one: look again
    note: str = ""  # why, for the auditor

    def to_json(self) -> list[object]:
        return [self.text, self.confidence, [list(a) for a in self.alternatives], self.shape, self.angle,
                self.uncertain, self.flagged, self.note]

    @staticmethod
    def from_json(data: list[object]) -> OcrMark:
        text, conf, alts, shape, angle, unc, flag, note = data
        assert isinstance(alts, list)
        return OcrMark(str(text), float(conf), tuple((str(a), float(s)) for a, s in alts),  # type: ignore[arg-type]
                       None if shape is None else str(shape), None if angle is None else float(angle),  # type: ignore[arg-type]
                       bool(unc), bool(flag), str(note))


def _glyph(crop: Gray) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]] | None:
    """The pixels of the ink in a crop (rows, columns), marks touching its edges (rules) left out."""
    import cv2

    if crop.size == 0 or int(crop.max()) - int(crop.min()) < 40:
        return None
    _, bw = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(bw, connectivity=8)
    h, w = crop.shape[:2]
    inner = [i for i in range(1, n)
             if stats[i, cv2.CC_STAT_LEFT] > 0 and stats[i, cv2.CC_STAT_TOP] > 0
             and stats[i, cv2.CC_STAT_LEFT] + stats[i, cv2.CC_STAT_WIDTH] < w
             and stats[i, cv2.CC_STAT_TOP] + stats[i, cv2.CC_STAT_HEIGHT] < h]
    if not inner:
        return None
    biggest = max(int(stats[i, cv2.CC_STAT_AREA]) for i in inner)
    keep = [i for i in inner if stats[i, cv2.CC_STAT_AREA] >= max(3, 0.08 * biggest)]
    ys, xs = np.nonzero(np.isin(labels, keep))
    if len(xs) < 4:
        return None
    return ys, xs


def measure_ink(crop: Gray) -> Ink | None:
    """The ink of a crop holding a short read, ruling lines at its edges left out; None when the
    crop holds no clear ink."""
    glyph = _glyph(crop)
    if glyph is None:
        return None
    ys, xs = glyph
    x = xs.astype(np.float64) - xs.mean()
    y = ys.astype(np.float64) - ys.mean()
    sxx, syy, sxy = float((x * x).mean()), float((y * y).mean()), float((x * y).mean())
    theta = 0.5 * math.atan2(2 * sxy, sxx - syy)  # image axes (y down)
    angle = (-math.degrees(theta)) % 180.0
    return Ink(round(angle, 1), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1))


def mark(read: Read, ink: Ink | None) -> tuple[str, OcrMark]:
    """The text to take for a read, and its mark. A lone stroke is judged by its ink: slanted it is
    "/", flat it is "—", upright a "1"; when the ink cannot tell, the read stays and is flagged."""
    text = read.text.strip()
    low = read.confidence < UNCERTAIN_BELOW
    alts = read.alternatives
    if text not in LONE_STROKES or ink is None:
        if text in LONE_STROKES:  # no ink to judge by: a lone stroke is always looked at
            return text, OcrMark(text, read.confidence, _with(alts, "/", "—"), None, None, True, True,
                                 f"OCR 读作“{text}”，无法判断笔画形状，可能是“/”或“—”")
        return text, OcrMark(text, read.confidence, alts, uncertain=low,
                             note=f"OCR 读作“{text}”，把握 {read.confidence:.2f}" if low else "")
    a = ink.angle
    if ink.height < FLAT_MAX * ink.width or a < 25 or a > 155:
        shape = "—"
    elif a <= SLASH_MAX:
        shape = "/"
    elif ONE_MIN <= a <= BACK_MAX:
        shape = "1"
    else:
        shape = None  # between a slash and a 1
    if shape in ("/", "—"):
        taken = shape
        changed = taken != text and not (taken == "—" and text in DASHES)
        note = (f"OCR 读作“{text}”，但笔画{'倾斜' if shape == '/' else '平直'}（{a:.0f}°），按形状取“{taken}”"
                if changed else f"OCR 读作“{text}”，笔画形状相符（{a:.0f}°）")
        # flagged when the shape overrode the read (the recogniser said "1"); a "/" read as "/"
        # and slanted like one is what was printed
        return taken, OcrMark(text, read.confidence, _with(alts, text if changed else None),
                              shape, a, changed or low, changed, note)
    if text in DASHES or text == "/":  # read as a marker, but the ink stands upright
        return text, OcrMark(text, read.confidence, _with(alts, "1"), shape, a, True, True,
                             f"OCR 读作“{text}”，但笔画直立（{a:.0f}°），可能是“1”")
    bar = ink.width < BAR_MAX * ink.height
    if shape == "1" and not bar:  # upright with a flag or a foot: a 1, shown for a look when the score is low
        note = f"OCR 读作“{text}”，把握 {read.confidence:.2f}；笔画直立（{a:.0f}°），不像“/”" if low else ""
        return "1", OcrMark(text, read.confidence, alts, "1", a, low, False, note)
    why = "笔画介于“/”与“1”之间" if shape is None else "只是一竖，没有“1”的钩"
    return "1", OcrMark(text, read.confidence, _with(alts, "/", "—"), shape, a, True, True,
                        f"OCR 读作“{text}”（{a:.0f}°，把握 {read.confidence:.2f}），{why}：可能是“/”，请核对")


def _with(alts: tuple[tuple[str, float], ...], *extra: str | None) -> tuple[tuple[str, float], ...]:
    """The recogniser's alternatives, then the readings the shape suggests (score 0 when it gave none)."""
    have = {a for a, _ in alts}
    return alts + tuple((e, 0.0) for e in extra if e is not None and e not in have)
