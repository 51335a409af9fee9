"""One scanned page through OCR: find the text boxes, straighten the page by their slant, read each
box upright, and measure the ink of short reads (the "/" rule needs its slant)."""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from parsers.ocr_engine import Gray, Quad, Read, detect, recognise
from parsers.ocr_marks import Ink, measure_ink

# The recogniser reads the detector's box as it is: with a margin added, its confidence in table
# digits fell (0.99 to as low as 0.61 on clean pages with 18 % of the box height around).
INK_PAD = 0.25  # the ink of a short read is measured this share of its box's height around the box


@dataclass(frozen=True, slots=True)
class Word:
    """One run of text read on a page: where it stands on the straightened page (pixels), where it
    stands on the page as given (pixels), what was read, and the ink of short reads."""
    box: tuple[float, float, float, float]  # left, top, right, bottom on the straightened page
    page_box: tuple[float, float, float, float]  # the same, on the page image as given
    read: Read
    ink: Ink | None = None
    late: bool = False  # read from a cell's ink after the detector found no text there


@dataclass
class PageRead:
    """What OCR found on one page image."""
    words: list[Word]
    width: int  # pixels
    height: int
    skew: float  # degrees the page was turned to straighten it
    straight: Gray  # the straightened page
    inverse: npt.NDArray[np.float64]  # straightened page → page as given (a 2×3 affine matrix)

    def to_page(self, box: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
        """A box on the straightened page, as the box that holds it on the page as given."""
        corners = np.array([[box[0], box[1], 1], [box[2], box[1], 1], [box[2], box[3], 1], [box[0], box[3], 1]])
        back = corners @ self.inverse.T
        return (float(back[:, 0].min()), float(back[:, 1].min()), float(back[:, 0].max()), float(back[:, 1].max()))


def skew_angle(quads: list[Quad]) -> float:
    """The page's slant (degrees, counter-clockwise positive): the median slant of the long boxes."""
    angles = []
    for q in quads:
        dx, dy = float(q[1][0] - q[0][0]), float(q[1][1] - q[0][1])
        h = float(np.hypot(q[3][0] - q[0][0], q[3][1] - q[0][1]))
        if math.hypot(dx, dy) > 3 * max(h, 1.0) and dx > 0:
            angles.append(math.degrees(math.atan2(-dy, dx)))
    return float(np.median(angles)) if angles else 0.0


def _rotation(width: int, height: int, angle: float) -> npt.NDArray[np.float64]:
    import cv2

    return np.asarray(cv2.getRotationMatrix2D((width / 2, height / 2), -angle, 1.0), dtype=np.float64)


def _ink(page: Gray, box: tuple[float, float, float, float]) -> Ink | None:
    """The ink around a short read, with room so that no stroke touches the crop's edge."""
    pad = INK_PAD * (box[3] - box[1])
    h, w = page.shape[:2]
    x0, y0 = max(0, int(box[0] - pad)), max(0, int(box[1] - pad))
    x1, y1 = min(w, int(math.ceil(box[2] + pad))), min(h, int(math.ceil(box[3] + pad)))
    return measure_ink(page[y0:y1, x0:x1])


SAMPLE_BOXES = 12  # boxes read both ways to tell which way up a page is
FLIP_GAIN = 0.15  # a page is turned over only when its sample reads this much surer upside down


def _bbox(q: Quad) -> tuple[float, float, float, float]:
    return float(q[:, 0].min()), float(q[:, 1].min()), float(q[:, 0].max()), float(q[:, 1].max())


def _turn(page: Gray, quads: list[Quad], threads: int | None) -> int:
    """How many quarter turns (counter-clockwise, as np.rot90) set the page upright: a page scanned
    sideways (a landscape table on a portrait scan) has its lines of text standing up; one scanned
    upside down reads surer turned over. The longest boxes are read each way, and the surer wins."""
    sizes = [_bbox(q) for q in quads]
    standing = [b for b in sizes if (b[3] - b[1]) > 2.5 * (b[2] - b[0]) and b[3] - b[1] > 40]
    lying = [b for b in sizes if (b[2] - b[0]) > 2.5 * (b[3] - b[1])]
    if len(standing) > max(5, 2 * len(lying)):
        sample, turns = standing, (1, 3)
    else:
        sample, turns = lying, (0, 2)
    sample = sorted(sample, key=lambda b: -max(b[2] - b[0], b[3] - b[1]))[:SAMPLE_BOXES]
    if len(sample) < 3:
        return 0
    crops = [page[max(0, int(b[1])):int(math.ceil(b[3])), max(0, int(b[0])):int(math.ceil(b[2]))] for b in sample]
    score = {}
    for k in turns:
        reads = recognise([np.ascontiguousarray(np.rot90(c, k)) for c in crops], threads)
        score[k] = float(np.mean([r.confidence if r.text.strip() else 0.0 for r in reads]))
    if turns == (0, 2):
        return 2 if score[2] > score[0] + FLIP_GAIN else 0
    return max(turns, key=lambda k: score[k])


def _quarter(w: int, h: int, k: int) -> npt.NDArray[np.float64]:
    """The 2×3 matrix taking a point of a w×h image to where np.rot90(image, k) puts it."""
    if k == 1:
        return np.array([[0.0, 1.0, 0.0], [-1.0, 0.0, w - 1.0]])
    if k == 2:
        return np.array([[-1.0, 0.0, w - 1.0], [0.0, -1.0, h - 1.0]])
    if k == 3:
        return np.array([[0.0, -1.0, h - 1.0], [1.0, 0.0, 0.0]])
    return np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]])


def _then(first: npt.NDArray[np.float64], second: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """The 2×3 affine map applying `first`, then `second`."""
    a = np.vstack([first, [0.0, 0.0, 1.0]])
    b = np.vstack([second, [0.0, 0.0, 1.0]])
    return np.asarray((b @ a)[:2], dtype=np.float64)


def read_page(page: Gray, threads: int | None = None) -> PageRead:
    """OCR one grey page image (turned upright first when it was scanned sideways or upside down)."""
    import cv2

    h, w = page.shape[:2]
    quads = detect(page, threads)
    k = _turn(page, quads, threads)
    turned = _quarter(w, h, k)
    if k:
        page = np.ascontiguousarray(np.rot90(page, k))
        h, w = page.shape[:2]
        quads = detect(page, threads)
    angle = skew_angle(quads)
    if abs(angle) >= 0.1:
        m = _rotation(w, h, angle)
        straight = np.asarray(cv2.warpAffine(page, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=255),
                              dtype=np.uint8)
    else:
        m = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]], dtype=np.float64)
        straight = page
    inv = np.asarray(cv2.invertAffineTransform(_then(turned, m)), dtype=np.float64)  # straight → as given
    boxes = []
    crops = []
    for q in quads:
        pts = np.hstack([q.astype(np.float64), np.ones((4, 1))]) @ m.T
        x0, y0 = (float(v) for v in pts.min(axis=0))
        x1, y1 = (float(v) for v in pts.max(axis=0))
        cx0, cy0 = max(0, int(x0)), max(0, int(y0))
        cx1, cy1 = min(w, int(math.ceil(x1))), min(h, int(math.ceil(y1)))
        if cx1 - cx0 < 2 or cy1 - cy0 < 2:
            continue
        boxes.append((x0, y0, x1, y1))
        crops.append(straight[cy0:cy1, cx0:cx1])
    reads = recognise(crops, threads)
    out = PageRead([], w, h, angle, straight, inv)
    for box, read in zip(boxes, reads, strict=True):
        if read.text.strip():
            ink = _ink(straight, box) if len(read.text.strip()) <= 2 else None
            out.words.append(Word(box, out.to_page(box), read, ink))
    return out
