"""Agency, report year, the stated statistics period and the counts the prose states.

Agency and year are read the way a person reads a report: from the title, else the first heading,
else the signature (落款) at the end, else the file name; the year also from the statistics period.
Each value says which of these it came from (`Meta.agency_from`, `Meta.year_from`).
"""
from __future__ import annotations

import re
from operator import itemgetter

from models.crossyear import agency_key
from models.report import WARNING, Issue, Meta, ProseCount
from models.text import normalize

_CN_DIGITS = dict(zip("〇零○O0一二三四五六七八九", "00000123456789", strict=True))
_CN_TABLE = str.maketrans(_CN_DIGITS)
# 2023, or 二〇二三 (only 20xx in Chinese numerals: 一九… is too often part of other words)
_YEAR = r"((?:19|20)\d{2}|二[〇零○O0][〇零○O0一二三四五六七八九]{2})"
_PHRASE = r"(?:政府|政务)?(?:信息)?公开(?:工作)?(?:年度)?(?:报告|年报)"
_PHRASE_RX = re.compile(_PHRASE)
# <before><year>年(度)<between><phrase><after>, on a line with all white space removed
_TITLE_LINE = re.compile(r"^(.*?)" + _YEAR + r"年度?(.*?)(?:的)?" + _PHRASE + r"(.*)$")
_TITLE_NO_YEAR = re.compile(r"^(.*?)(?:的)?" + _PHRASE + r"(.*)$")
_LOOSE_YEAR = re.compile(_YEAR + r"年度?(?:的)?" + _PHRASE)  # a year before the phrase, in a line not a title
_YEAR_ONLY = re.compile(r"^[(（]?" + _YEAR + r"年度?[)）]?$")
_HEADING_YEAR = re.compile(r"^(.*?)" + _YEAR + r"年度?(?![\d月])(.*)$")
# a trailing run of markup starts only where the run starts (the look-behind): tried from inside a long run
# of spaces it would scan the rest of the run once per character
_MARKUP = re.compile(r"<[^<>]{0,80}>|^[#*>_|=\-\s]+|(?<![#*_|=\s])[#*_|=\s]+$")
_SPACE = re.compile(r"\s+")
_QUOTES = "《》“”\"'「」『』〈〉‘’"
_DATE = r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
# white space before the date only from the start of its run, and no two \s* side by side after it (each
# would make a long run of spaces quadratic)
_DATE_AT_END = re.compile(r"(?<!\s)\s*" + _DATE + r"\s*(?:(?:印发|发布|制)\s*)?$")
_PERIOD = re.compile(r"(?:统计|数据)[^。\n]{0,30}?(?:期限|期间|时间|时段|区间|时限|周期|口径|范围)"
                     r"[^。\n\d]{0,12}" + _DATE
                     + r"\s*(?:起\s*)?(?:至|到|—+|-|–|~|～)\s*(?:" + _DATE + r"|(\d{1,2})\s*月\s*(\d{1,2})\s*日)")
# An agency is a name: it ends like one, and holds no sentence punctuation, verbs or page furniture.
_AGENCY_ENDS = tuple("政府 办公室 办公厅 办 局 委员会 委 厅 院 署 中心 办事处 街道 乡 镇 公司 集团 管委会 "
                     "开发区 新区 园区 分局 支队 大队 所 站 部 处 会 社 馆 队 行 关 台 团 校 学 县 市 区 旗 "
                     "州 盟 省 村 社区 场 室".split())
_NOT_AGENCY = re.compile(r"[。，,；;、！!？?：:<>《》“”\"|/\\\d…]|根据|按照|依据|依照|现将|特此|本报告|公布|发布|"
                         r"印发|编制|制定|报送|如下|以下|通知|关于|点击|查看|下载|浏览|来源|时间|日期|作者|字号|字体|"
                         r"打印|关闭|分享|位置|首页|索引|文号|主题|分类|网站|网页|门户|官网|平台|专栏|栏目|频道|版权|"
                         r"主办|承办|备案|"
                         r"报告|年报|信息公开|进一步|认真|坚持|推进|加强|落实|开展|做好|积极|全面|深入|持续|不断|"
                         r"[我本](?:局|县|市|区|委|乡|镇|办|院|厅|单位|部门|机关|年)|各(?:级|乡|部门|单位|镇|街道)|的|了")
_NAME_START = re.compile(r"[A-Za-z\u4e00-\u9fff]")  # never =, +, @ or other marks
_NOTE = re.compile(r"[（(][^（()）]{1,12}[)）]$")  # XX县人民政府（本级）
_GENERIC = {"人民政府", "政府", "办公室", "办公厅", "管委会", "委员会"}
# a section heading (一、总体情况), where the head of the report ends for the first-heading search
_SECTION_ONE = re.compile(r"^[#*\s]*(?:第?一[、.．:：)）\s]|[(（]一[)）])")
_ABOUT_WORD = re.compile(r"关于(?:印发|发布|公布)?")
_STOP = re.compile(r"[。；;]")  # a sentence's stops
_REPORT_AFTER = re.compile(r"报告|年报|公开$")  # what follows a heading's year
# what may stand before a title's agency or year: quotes, 关于(印发)
_ABOUT = re.compile(r"^[《“\"'「『]*(?:关于(?:印发|发布|公布)?)?")
_BULLET = re.compile(r"^[·•●○◆◇■□▪►▶\-–—]+")
# years in section 一 a person would not read as the report's year: comparisons (较2022年)
_COMPARED = "较比与同"
_CLAUSE = re.compile(r"[^，,。；;！!？?\n]+")
_APPLY = re.compile(r"(?:共|全年|累计|本年度?)?(?:受理|收到|新收|接收|接到|办理)[^，,。；;]{0,20}?"
                    r"(?:依申请|申请)[^，,。；;]{0,12}?(?<!\d)(\d{1,12})(?!\d)\s*(?:件|个|条|宗|份)")
_APPLY_ALT = re.compile(r"(?:依申请|申请)[^，,。；;\d]{0,12}?(?:受理|收到|新收|办理)[^，,。；;\d]{0,8}?"
                        r"(?<!\d)(\d{1,12})(?!\d)\s*(?:件|个|条|宗|份)")
_APPLY_NONE = re.compile(r"(?:无|没有|未收到|未发生)[^，,。；;\d]{0,8}(?:依申请|依法申请|政府信息公开申请)")
_REVIEW = re.compile(r"行政复议[^，,。；;\d]{0,10}?(?<!\d)(\d{1,12})(?!\d)\s*(?:件|起|宗|个)")
_SUIT = re.compile(r"行政诉讼[^，,。；;\d]{0,10}?(?<!\d)(\d{1,12})(?!\d)\s*(?:件|起|宗|个)")
_NONE_OF = re.compile(r"(?:无|没有|未发生|未收到|未有)[^，,。；;\d]{0,12}?(行政复议|行政诉讼)")
SOURCE_WORDS = {"title": "标题", "heading": "开头标题行", "signature": "落款", "filename": "文件名",
                "period": "统计期限"}


def _year(s: str) -> int | None:
    """A year written in Arabic or Chinese digits, if plausible."""
    digits = s.translate(_CN_TABLE)
    y = int(digits) if digits.isdigit() else 0
    return y if 1990 <= y <= 2099 else None


# white space as the regex \s finds it (str.isspace: every such character lies below U+3001)
_WHITE = "".join(chr(i) for i in range(0x3001) if chr(i).isspace())
_LEAD = "#*>_|=-" + _WHITE  # what _MARKUP takes from the start of a line, and from its end
_TRAIL = "#*_|=" + _WHITE


def _clean(line: str) -> str:
    """A line without markup, quotes and white space."""
    if "<" in line:  # twice: <h1># 标题 loses the tag, then the # (without a tag, once leaves nothing more)
        s = _MARKUP.sub("", _MARKUP.sub("", line))
    else:  # no tag: _MARKUP takes only the runs of markup at either end
        s = line.lstrip(_LEAD).rstrip(_TRAIL)
    if s and s[0] in "·•●○◆◇■□▪►▶-–—":
        s = _BULLET.sub("", s)
    return "".join(s.split()).strip(_QUOTES)  # str.split() cuts at what \s matches; faster than _SPACE.sub


def _name(s: str) -> str | None:
    """A text without white space (cut from cleaned lines) as an agency name, or None when it is a
    fragment of a sentence, a page link or empty."""
    s = s.strip(_QUOTES + "（(")
    if "关于" in s:
        for word in ("关于印发", "关于发布", "关于公布", "关于"):
            s = s.removeprefix(word).removesuffix(word)
    s = s.removesuffix("的")
    if not 2 <= len(s) <= 54:  # a name of 2 to 40 characters, with a bracketed note of at most 14
        return None
    if s.endswith("人民"):  # XX县人民|政府信息公开…: the title phrase took the agency's 政府
        s += "政府"
    bare = _NOTE.sub("", s) if s.endswith((")", "）")) else s
    # the cheap tests first: most lines tried (a signature's neighbours, a title's words) fail on the ending
    if not 2 <= len(bare) <= 40 or not bare.endswith(_AGENCY_ENDS) or bare in _GENERIC \
            or not _NAME_START.match(bare) or _NOT_AGENCY.search(bare):
        return None
    return s


def _parse_title(s: str) -> tuple[str | None, int | None] | None:
    """(agency, year) of a cleaned title text, or None when it holds no title phrase or is a sentence."""
    m = _TITLE_LINE.match(s)
    if m:
        before, year, between, after = m.group(1), _year(m.group(2)), m.group(3), m.group(4)
    else:
        m = _TITLE_NO_YEAR.match(s)
        if not m:
            return None
        before, year, between, after = m.group(1), None, "", m.group(2)
    if _STOP.search(before) or _STOP.search(between):
        return None  # a sentence that names the report, not its title
    lead = _ABOUT.sub("", before)
    agency = _name(before) if lead else None
    if agency is None and "关于" in lead:  # XX县人民政府办公室关于印发XX县2023年…报告的通知: the report's agency
        agency = _name(_ABOUT_WORD.split(lead)[-1]) or _name(lead.split("关于")[0])
    if agency is None and lead:
        return None  # something else stands before the year: a link, a sentence
    if agency is None and between:
        agency = _name(between)
    if agency is None and len(after.strip(_QUOTES + "()（）")) > 8:
        return None  # 2023年政府信息公开工作年度报告已经…: a sentence
    return agency, year


def _head_lines(head: str) -> list[str]:
    """The non-empty lines of the head (for both the title and the heading search)."""
    return [line for line in head.split("\n") if line and not line.isspace()]


def _last_lines(text: str, start: int, n: int) -> list[tuple[int, str]]:
    """The last n non-empty lines of the text from `start`, with their offsets."""
    region = text[start:]
    k = 2 * n  # lines cut off the end at once (one split), more when many are empty
    while True:
        parts = region.rsplit("\n", k)
        whole = len(parts) <= k  # every part a line; else the first is the rest of the region
        out: list[tuple[int, str]] = []
        end = len(text)
        for line in reversed(parts if whole else parts[1:]):
            if line and not line.isspace():
                out.append((end - len(line), line))
                if len(out) == n:
                    break
            end -= len(line) + 1
        if len(out) == n or whole:
            out.reverse()
            return out
        k *= 4


def _title(lines: list[str]) -> tuple[str | None, int | None]:
    """Agency and year of the title (the last title line of the head's lines; a title may be split over
    lines: the agency, the year and the title phrase each on its own line)."""
    found: list[tuple[str | None, int | None]] = []
    loose_year = None
    for i, line in enumerate(lines):
        # every phrase holds 公开, and cleaning only takes characters out: a line without 公 and 开 is no title
        if "公" not in line or "开" not in line:
            continue
        clean = _clean(line)
        if len(clean) > 80 or "公开" not in clean or not _PHRASE_RX.search(clean):
            continue
        best = _parse_title(clean)
        if best is None:
            m = _LOOSE_YEAR.search(clean)
            if m and loose_year is None:
                loose_year = _year(m.group(1))
            continue
        # the agency or year on the lines just above (or the year just below) a split title
        above = [_clean(x) for x in lines[max(0, i - 2):i]]
        below = _clean(lines[i + 1]) if i + 1 < len(lines) else ""
        for k in (1, 2):
            if len(above) < k or any(len(x) > 40 for x in above[-k:]):
                break
            joined = _parse_title("".join(above[-k:]) + clean)
            if joined and (joined[0] is not None) + (joined[1] is not None) > \
                    (best[0] is not None) + (best[1] is not None):
                best = joined
        if best[1] is None and (y := _YEAR_ONLY.match(below)):
            best = (best[0], _year(y.group(1)))
        if best[0] is not None or best[1] is not None:
            found.append(best)
    if found:
        # the last title line: a page's sidebar may list the same agency's reports of other years above it
        agency, year = found[-1]
        return agency, year if year is not None else loose_year
    return None, loose_year


def _heading(lines: list[str]) -> tuple[str | None, int | None]:
    """The agency and the year of the first headings above section 一 (short lines, not sentences)."""
    agency = year = None
    for line in lines:
        if _SECTION_ONE.match(line):
            break
        clean = _clean(line)
        if len(clean) > 40 or ("公开" in clean and _PHRASE_RX.search(clean)):
            continue
        if agency is None:
            agency = _name(clean)
        m = _HEADING_YEAR.match(clean)
        if year is None and m and (_YEAR_ONLY.match(clean) or _REPORT_AFTER.search(m.group(3))):
            year = _year(m.group(2))
    return agency, year


def signature(text: str) -> tuple[str, tuple[int, int]] | None:
    """The agency signing the report (落款): a name on its own line near the end, next to a date
    line or last of all; the first such line, as an issuing note (…印发) may follow it."""
    lines = _last_lines(text, max(0, len(text) - 2000), 15)
    # a date always takes characters with it (and always holds a 日)
    undated = [_DATE_AT_END.sub("", line) if "日" in line else line for _, line in lines]
    dated = [u != line for u, (_, line) in zip(undated, lines, strict=True)]
    date_only = [d and not _clean(u) for d, u in zip(dated, undated, strict=True)]
    last = len(lines) - 1
    for i, (pos, line) in enumerate(lines):
        near_date = dated[i] or (i < last and date_only[i + 1]) or (i > 0 and date_only[i - 1])
        if not near_date and i != last:
            continue  # cannot sign: not cleaned and read as a name (most of the lines)
        name = _name(_clean(undated[i]))
        if name is not None:
            return name, (pos, pos + len(line))
    return None


def _file_name(source: str) -> tuple[str | None, int | None]:
    """Agency and year of a file name such as 2023年XX县人民政府政府信息公开工作年度报告.pdf or XX局2022年报.docx."""
    name = normalize(re.split(r"[\\/]", source)[-1])
    name = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", name)
    name = _SPACE.sub("", re.sub(r"^\d{1,3}[_\-. ]+", "", name))
    m = re.search(r"(?<![0-9A-Za-z])" + _YEAR + r"(?:年度?)?(?![0-9A-Za-z])", name)
    if not m or not re.search(r"报告|年报|公开", name):
        return None, None
    year = _year(m.group(1))
    agency = _name(name[:m.start()])
    if agency is None:
        rest = re.split(r"(?:的)?" + _PHRASE + r"|(?:的)?(?:年度)?报告|年报", name[m.end():])[0]
        agency = _name(rest) if rest else None
    return agency, year


def _period(text: str) -> re.Match[str] | None:
    """_PERIOD.search(text), tried only where 统计 or 数据 starts: the engine's own scan for a first character
    out of two tests every character of the text, where str.find skips to the next one."""
    a, b = text.find("统计"), text.find("数据")
    while a >= 0 or b >= 0:
        if b < 0 or 0 <= a < b:
            at, a = a, text.find("统计", a + 1)
        else:
            at, b = b, text.find("数据", b + 1)
        m = _PERIOD.match(text, at)
        if m:
            return m
    return None


def read_meta(text: str, head_end: int, source: str = "") -> Meta:
    """Agency and year from the title, the first heading, the signature and the file name, in that
    order of trust (the year also from the statistics period, before the file name)."""
    meta = Meta()
    lines = _head_lines(text[:max(head_end, 0) or 3000])
    t_agency, t_year = _title(lines)
    # each later source only stands in for what the ones before it left out: it is not read when both are known
    h_agency, h_year = _heading(lines) if t_agency is None or t_year is None else (None, None)
    sig = signature(text) if t_agency is None and h_agency is None else None
    p = _period(text)
    p_year = None
    if p:
        y1, m1, d1 = int(p.group(1)), int(p.group(2)), int(p.group(3))
        if p.group(4):
            y2, m2, d2 = int(p.group(4)), int(p.group(5)), int(p.group(6))
        else:
            y2, m2, d2 = y1, int(p.group(7)), int(p.group(8))
        meta.period = f"{y1:04d}-{m1:02d}-{d1:02d}/{y2:04d}-{m2:02d}-{d2:02d}"
        meta.period_span = (p.start(), p.end())
        p_year = y1
    agencies = [(t_agency, "title"), (h_agency, "heading"), (sig[0] if sig else None, "signature")]
    years = [(t_year, "title"), (h_year, "heading"), (p_year, "period")]
    if source and (all(a is None for a, _ in agencies) or all(y is None for y, _ in years)):
        f_agency, f_year = _file_name(source)
        agencies.append((f_agency, "filename"))
        years.append((f_year, "filename"))
    for value, where in agencies:
        if value is not None:
            meta.agency, meta.agency_from = value, where
            break
    for year, where in years:
        if year is not None:
            meta.year, meta.year_from = year, where
            break
    return meta


def _period_year(meta: Meta) -> int | None:
    """The one calendar year the stated statistics period lies in, if it lies in one."""
    if not meta.period:
        return None
    a, b = meta.period[:4], meta.period.split("/")[-1][:4]
    return int(a) if a == b and a.isdigit() else None


_CITED = re.compile(r"《[^》\n]{0,80}》")
_BODY_YEAR = re.compile(r"(?<!\d)" + _YEAR + r"\s*年度?(?!\s*\d{1,2}\s*月)(?!\d)")


def _body_years(text: str, span: tuple[int, int] | None) -> dict[int, int]:
    """The years section 一 speaks of (2022年，我局…), without dates, comparisons and cited titles:
    how often each (a plain dict: a Counter costs more to make than the few years it counts)."""
    counts: dict[int, int] = {}
    if span is None:
        return counts
    body = text[span[0]:span[1]]
    cited = [(m.start(), m.end()) for m in _CITED.finditer(body)] if "《" in body else []
    # The matches of _BODY_YEAR, found from their 年s: its look-behind leaves the engine no first character to
    # skip to, so finditer tries every position, and str.find is many times faster. A match is four
    # characters of year, white space, then 年, so the 年 gives the one place where it can start.
    q = body.find("年")
    while q >= 0:
        at = q
        while at and body[at - 1].isspace():  # str.isspace is what \s matches
            at -= 1
        m = _BODY_YEAR.match(body, at - 4) if at >= 4 else None
        q = body.find("年", q + 1)
        if m is None:
            continue
        y_at = m.start()
        if (y_at and body[y_at - 1] in _COMPARED) or (cited and any(a <= y_at < b for a, b in cited)):
            continue
        y = _year(m.group(1))
        if y is not None:
            counts[y] = counts.get(y, 0) + 1
    return counts


def meta_issues(text: str, meta: Meta, section_one: tuple[int, int] | None) -> list[Issue]:
    """`meta` warnings when the sources disagree: the title's year against the statistics period and
    the years section 一 speaks of; the title's agency against the signature."""
    out: list[Issue] = []
    if meta.year is not None and meta.year_from:
        said = []
        p_year = _period_year(meta)
        if meta.year_from != "period" and p_year is not None and p_year != meta.year:
            said.append(f"正文统计期限为 {p_year} 年")
        counts = _body_years(text, section_one)
        if counts:
            top, n = max(counts.items(), key=itemgetter(1))  # the first of the most frequent, as most_common(1)
            total = sum(counts.values())
            if top != meta.year and n >= 2 and n * 2 > total and n >= 2 * counts.get(meta.year, 0):
                said.append(f"“总体情况”中的年份多为 {top} 年（{total} 处中 {n} 处）")
        if said:
            out.append(Issue("meta", WARNING, ["meta.year"],
                             f"{SOURCE_WORDS[meta.year_from]}写 {meta.year} 年，{'，'.join(said)}：请核对报告年度",
                             evidence=meta.period_span if p_year is not None and p_year != meta.year else None))
    if meta.agency and meta.agency_from in ("title", "heading"):
        sig = signature(text)
        if sig and not same_agency(meta.agency, sig[0]):
            out.append(Issue("meta", WARNING, ["meta.agency"],
                             f"{SOURCE_WORDS[meta.agency_from]}写“{meta.agency}”，落款为“{sig[0]}”：请核对发布机关",
                             evidence=sig[1]))
    return out


_OFFICE_TAILS = ("办公室", "办公厅", "政府办", "政府", "管委会", "党工委", "街道")


def same_agency(a: str, b: str) -> bool:
    """Whether two names plausibly mean one agency: after folding 全称/简称, a government and its
    office count as one, and a name may leave out the place above it (绥阳县小关乡 = 小关乡人民政府)."""
    ka, kb = agency_key(a), agency_key(b)
    for _ in range(3):
        for tail in _OFFICE_TAILS:
            if len(ka) > len(tail) + 1:
                ka = ka.removesuffix(tail)
            if len(kb) > len(tail) + 1:
                kb = kb.removesuffix(tail)
    return not ka or not kb or ka.endswith(kb) or kb.endswith(ka)


_KEYS = ("申请", "行政复议", "行政诉讼")  # a sentence holding none of these states no count read below
_STOPS = re.compile(r"[。；;！!？?\n]")  # what ends a sentence
_TO_LAST_STOP = re.compile(r"(?s:.*)[。；;！!？?\n]")


def _key_sentences(text: str, start: int, end: int) -> list[tuple[int, str]]:
    """The sentences between start and end that hold one of _KEYS (the runs between _STOPS), with their
    offsets. Most sentences hold none: the key words are found with str.find, and only the sentences around
    them are cut out (back to the last stop before the word, on to the next one)."""
    hits = []
    for word in _KEYS:
        at = text.find(word, start, end)
        while at >= 0:
            hits.append(at)
            at = text.find(word, at + 1, end)
    out = []
    lo = start  # the sentences before lo are read; text[lo] is a stop, unless lo is start
    for p in sorted(hits):
        if p < lo:
            continue  # in the sentence just read
        m = _TO_LAST_STOP.match(text, lo, p)  # backtracks from p to the stop: the length of the sentence's start
        a = m.end() if m else lo
        m = _STOPS.search(text, p, end)
        lo = m.start() if m else end
        out.append((a, text[a:lo]))
    return out


def read_prose_counts(text: str, start: int, end: int) -> list[ProseCount]:
    """Counts of applications, reviews and suits stated in the prose between start and end."""
    out: list[ProseCount] = []
    for s_at, sentence in _key_sentences(text, start, end):
        if "申请" in sentence and "主动公开" not in sentence:
            for c in _CLAUSE.finditer(sentence):
                clause = c.group()
                if "申请" not in clause or clause.lstrip().startswith("其中"):
                    continue  # (the three patterns below each hold 申请)
                # both patterns hold one of these verbs: a clause without one is not searched (a search
                # tries every character of it)
                m = _APPLY.search(clause) or _APPLY_ALT.search(clause) \
                    if "受理" in clause or "收到" in clause or "办理" in clause or "新收" in clause \
                    or "接收" in clause or "接到" in clause else None
                if m and ("信息公开" in sentence or "依申请" in sentence or "申请公开" in sentence):
                    a = s_at + c.start() + m.start(1)
                    out.append(ProseCount("applications", int(m.group(1)), (a, a + len(m.group(1))), sentence.strip()))
                    break
                n = _APPLY_NONE.search(clause)
                if n:
                    a = s_at + c.start()
                    out.append(ProseCount("applications", 0, (a, a + len(clause)), sentence.strip()))
                    break
        if "行政复议" not in sentence and "行政诉讼" not in sentence:
            continue  # what the three patterns below look for
        for c in _CLAUSE.finditer(sentence):
            clause = c.group()
            for kind, rx in (("review", _REVIEW), ("suit", _SUIT)):
                m = rx.search(clause)
                if m:
                    a = s_at + c.start() + m.start(1)
                    out.append(ProseCount(kind, int(m.group(1)), (a, a + len(m.group(1))), sentence.strip()))
            for n in _NONE_OF.finditer(clause):
                kind = "review" if n.group(1) == "行政复议" else "suit"
                a = s_at + c.start()
                out.append(ProseCount(kind, 0, (a, a + len(clause)), sentence.strip()))
    return out
