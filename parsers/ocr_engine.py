"""The OCR models: rapidocr's PP-OCR text detector and recogniser (ONNX, bundled in its wheel), run
offline, with each read's confidence and the recogniser's alternatives.

rapidocr's own pipeline crops each box along its own slant and turns tall, narrow crops by 90°:
a lone "1" or "/" then reaches the recogniser on its side, or upright when it was a slash. Reports
are upright pages, so this module runs the detector, then crops every box upright from the page
(deskewed once, by the caller) and decodes the recogniser's output itself, keeping the
runner-up characters that rapidocr's decoder drops.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

# onnxruntime ≥ 1.25 sends usage telemetry from Linux and macOS too, and keeps a device id under
# ~/.cache; this app works offline and writes nothing it was not asked to. Opt out before it loads.
os.environ["ORT_DISABLE_TELEMETRY"] = "1"

Gray = npt.NDArray[np.uint8]
Quad = npt.NDArray[np.float32]  # 4 corners (x, y) in pixels, clockwise from the top left

# rapidocr settings (its config.yaml keys). The direction classifier is off: report pages are
# upright, and with it on, lone digits were sometimes turned over.
SETTINGS: dict[str, Any] = {
    "Global.use_cls": False,
    "Global.log_level": "error",
    "EngineConfig.onnxruntime.enable_cpu_mem_arena": True,
}
# The detector sees the page at most this many pixels high (rapidocr: 2000). At 1600 it found the
# same boxes on the test scans and took a third less time; the recogniser still reads each box
# from the page at full resolution.
DET_MAX_SIDE = 1600
REC_HEIGHT = 48  # the recogniser's input height
BATCH_PX = 1920  # a batch holds crops up to this much padded width in all (rapidocr: 6 × 320)
ALTERNATIVES = 3  # runner-up readings kept per box

_lock = threading.Lock()
_engine: Any = None


def _rapidocr(threads: int | None) -> Any:
    """One rapidocr engine per process, its two models loaded on first use (`threads`: the
    recogniser's threads, all cores by default; it applies when the engine is made)."""
    global _engine
    with _lock:
        if _engine is None:
            from rapidocr import RapidOCR

            params = dict(SETTINGS)
            params["EngineConfig.onnxruntime.intra_op_num_threads"] = threads or (os.cpu_count() or 1)
            engine: Any = RapidOCR(params=params)
            engine._load_det_model()
            engine._load_rec_model()
            _engine = engine
        return _engine


def raw_engine(threads: int | None = None) -> Any:
    """The rapidocr engine itself (benchmarks compare with its own pipeline)."""
    return _rapidocr(threads)


@dataclass(frozen=True, slots=True)
class Read:
    """What the recogniser read in one crop: text, mean character confidence, and other readings
    it gave weight to (each with its confidence), best first."""
    text: str
    confidence: float
    alternatives: tuple[tuple[str, float], ...] = ()


def detect(page: Gray, threads: int | None = None) -> list[Quad]:
    """Text boxes on a grey page image, as quads in its pixels."""
    import cv2

    engine = _rapidocr(threads)
    h, w = page.shape[:2]
    ratio = min(1.0, DET_MAX_SIDE / max(h, w))
    small = cv2.resize(page, (round(w * ratio), round(h * ratio)), interpolation=cv2.INTER_AREA) \
        if ratio < 1.0 else page
    out = engine.text_det(cv2.cvtColor(small, cv2.COLOR_GRAY2BGR))
    if out.boxes is None:
        return []
    return [np.asarray(b, dtype=np.float32) / ratio for b in out.boxes]


def recognise(crops: Sequence[Gray], threads: int | None = None) -> list[Read]:
    """Read each crop (an upright grey image holding one run of text)."""
    import cv2

    engine = _rapidocr(threads)
    rec = engine.text_rec
    chars: list[str] = rec.postprocess_op.character
    out: list[Read | None] = [None] * len(crops)
    ratios = [c.shape[1] / max(1, c.shape[0]) for c in crops]
    order = sorted(range(len(crops)), key=lambda i: ratios[i])
    start = 0
    while start < len(order):
        # narrow crops (most table cells hold one number) go in big batches, padded only to the
        # widest of the batch: rapidocr pads every crop to 320 pixels, six at a time
        width = max(REC_HEIGHT, 8 * int(np.ceil(ratios[order[start]] * REC_HEIGHT / 8)))
        size = max(1, min(32, BATCH_PX // width))
        batch = order[start:start + size]
        width = max(REC_HEIGHT, 8 * int(np.ceil(max(ratios[i] for i in batch) * REC_HEIGHT / 8)))
        x = np.zeros((len(batch), 3, REC_HEIGHT, width), dtype=np.float32)
        for k, i in enumerate(batch):
            c = crops[i]
            cw = max(1, min(width, int(np.ceil(REC_HEIGHT * ratios[i]))))
            img = cv2.resize(c, (cw, REC_HEIGHT)).astype(np.float32) / 127.5 - 1.0
            x[k, :, :, :cw] = img[None, :, :]
        probs = rec.session(x)
        for k, i in enumerate(batch):
            out[i] = _decode(probs[k], chars)
        start += len(batch)
    return [r if r is not None else Read("", 0.0) for r in out]


def _decode(prob: npt.NDArray[np.float32], chars: list[str]) -> Read:
    """CTC greedy decoding, with the runner-up characters where the least sure characters were read."""
    best = prob.argmax(axis=1)
    keep = np.ones(len(best), dtype=bool)
    keep[1:] = best[1:] != best[:-1]
    keep &= best != 0  # 0 is the CTC blank
    steps = np.flatnonzero(keep)
    if len(steps) == 0:
        return Read("", 0.0)
    text_chars = [chars[best[t]] for t in steps]
    confs = [float(prob[t, best[t]]) for t in steps]
    text = "".join(text_chars)
    confidence = float(np.mean(confs))
    alts: dict[str, float] = {}
    for j in sorted(range(len(steps)), key=lambda j: confs[j])[:2]:  # the two least sure characters
        row = prob[steps[j]]
        top = np.argpartition(row, -(ALTERNATIVES + 1))[-(ALTERNATIVES + 1):]
        for idx in top[np.argsort(row[top])[::-1]]:
            if idx == best[steps[j]]:
                continue
            cand = "" if idx == 0 else chars[idx]
            alt = "".join(text_chars[:j]) + cand + "".join(text_chars[j + 1:])
            if alt and alt != text:
                score = float(np.mean(confs[:j] + [float(row[idx])] + confs[j + 1:]))
                alts[alt] = max(alts.get(alt, 0.0), score)
    ranked = sorted(alts.items(), key=lambda kv: -kv[1])[:ALTERNATIVES]
    return Read(text, round(confidence, 4), tuple((a, round(s, 4)) for a, s in ranked if s >= 0.001))
