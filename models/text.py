"""Character folding shared by the readers and the checks: full-width forms, radicals, traditional labels.

`normalize()` is length-preserving (one character in, one character out), so a span in the
normalised text is the same span in the original.
"""
from __future__ import annotations

import re
import unicodedata

# Radicals from the CJK Radicals Supplement that PDF text layers emit for ordinary
# characters; NFKC does not decompose these, so they are listed by hand.
_RADICAL_SUPPLEMENT = dict(zip(
    "⺁⺇⺊⺌⺍⺎⺏⺐⺑⺒⺓⺔⺛⺝⺞⺟⺠⺡⺢⺣⺤⺦⺧⺨⺩⺪⺫⺬⺭⺮⺯⺰⺲⺳⺶⺹⺺⺻⺼⺾⻀⻁⻂⻃⻄⻅⻆⻇⻈⻉⻊⻋⻌⻍⻎⻏⻐⻑⻓⻔⻖⻗⻘⻙⻚⻛⻜⻝⻟⻠⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻬⻮⻰⻳",
    "厂几卜小小兀尢尢尢巳幺彐旡月歹母民氵氺灬爫丬牛犭王疋目示礻竹糸纟罒网羊耂聿聿月艹艹虎衤覀西见角角讠贝足车辶辶辶阝钅长长门阝雨青韦页风飞食饣饣首马骨鬼鱼鸟卤麦黄黾齐齿龙龟",
    strict=True))

# Traditional characters that occur in report headings, table labels and the
# sentences the checks read, folded to their simplified forms (one to one).
_TRAD = ("開網規範許處罰強費業號條項發廢現數決額單萬請況組織機構會務總計結轉辦區這屬於國穩護權類內過執詢無關"
         "沒製補後確訪舉報複復當認獲繳納續繼議訟維糾審經體題問進須統採購對門戶縣鄉鎮廳員們時間為與設種實際億個從"
         "來應該並將專論傳達歷據產質聯繫話電點說則綜責負導領劃準標價評級長書記資訊僅讓雖購轄務衛環險齡醫藥療災監"
         "動訴覆預絡訓練採訂佈週")
_SIMP = ("开网规范许处罚强费业号条项发废现数决额单万请况组织机构会务总计结转办区这属于国稳护权类内过执询无关"
         "没制补后确访举报复复当认获缴纳续继议讼维纠审经体题问进须统采购对门户县乡镇厅员们时间为与设种实际亿个从"
         "来应该并将专论传达历据产质联系话电点说则综责负导领划准标价评级长书记资讯仅让虽购辖务卫环险龄医药疗灾监"
         "动诉复预络训练采订布周")
assert len(_TRAD) == len(_SIMP), (len(_TRAD), len(_SIMP))


def _build_table() -> dict[int, int]:
    table: dict[int, int] = {}
    trad = dict(zip(_TRAD, _SIMP, strict=True))

    def put(src: int, dst: str) -> None:
        dst = trad.get(dst, dst)
        if len(dst) == 1 and ord(dst) != src:
            table[src] = ord(dst)

    for cp in range(0xFF01, 0xFF5F):  # full-width ASCII
        put(cp, chr(cp - 0xFEE0))
    for cp in list(range(0x2F00, 0x2FD6)) + list(range(0xF900, 0xFB00)):  # Kangxi, compatibility
        put(cp, unicodedata.normalize("NFKC", chr(cp)))
    for src, dst in _RADICAL_SUPPLEMENT.items():
        put(ord(src), dst)
    for src, dst in trad.items():
        put(ord(src), dst)
    for cp in (0x3000, 0x00A0, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, *range(0x2002, 0x200B)):
        table[cp] = 0x20  # odd spaces and zero-width marks count as space
    for src, dst in {"﹙": "(", "﹚": ")", "〔": "(", "〕": ")", "【": "(", "】": ")",
                     "︰": ":", "﹕": ":", "﹐": ",", "‧": ".", "·": "·", "－": "-", "﹣": "-",
                     "‐": "-", "‑": "-", "⁄": "/", "∕": "/", "\u3007": "〇", "\r": "\n",
                     "\u2028": "\n", "\u2029": "\n", "\x0b": "\n", "\x0c": "\n"}.items():
        if src != dst:
            table[ord(src)] = ord(dst)
    return table


_TABLE = _build_table()
# Only a few characters of a report need folding: find them with one regex scan
# rather than looking up every character (str.translate) — several times faster.
_FOLD = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TABLE)) + "]")
_FOLDED = {chr(k): chr(v) for k, v in _TABLE.items()}


def normalize(text: str) -> str:
    """Fold full-width forms, radicals and traditional label characters; same length as `text`.

    A Windows line end (CR LF) becomes a space and a line break, so lines stay lines.
    """
    if "\r\n" in text:
        text = text.replace("\r\n", " \n")
    # Each kind of character to fold is replaced all at once where the search meets it first (a
    # report has a few kinds, and thousands of ，and （）): what it becomes is never folded again, so the
    # search goes on from there. Beyond a few dozen kinds, one pass calling back per character.
    search, pos = _FOLD.search, 0
    for _ in range(64):
        m = search(text, pos)
        if m is None:
            return text
        pos = m.start()
        ch = m.group()
        text = text.replace(ch, _FOLDED[ch])
    return _FOLD.sub(lambda m: _FOLDED[m.group()], text)


def display_text(text: str) -> str:
    """The text as a Qt text view may show it with the same offsets: CR LF and lone CR folded as in normalize."""
    return text.replace("\r\n", " \n").replace("\r", "\n")
