"""The 2021 report template (国办公开办函〔2021〕30号) and the 2019 variants, declared once.

Parsers, checks, the table views and the exports all read this module. Keyword
patterns are regular expressions matched against the *compact* normalised text
(all white space removed, full-width forms and radicals folded; see
parsers.normalize), so a label broken over lines still matches.
"""
from __future__ import annotations

from dataclasses import dataclass

COUNT = "count"
AMOUNT = "万元"
SIGNED = "signed count"


@dataclass(frozen=True)
class Column:
    id: str
    label: str
    pattern: str  # regex on compact text that finds this column's header
    unit: str = COUNT
    group: str = ""  # spanning header above the column, if any


@dataclass(frozen=True)
class Row:
    id: str
    label: str
    pattern: str  # regex on compact text that finds this row's label
    group: str = ""  # group heading the row sits under


@dataclass(frozen=True)
class Field:
    id: str
    table: str  # "二", "三", "四"
    row_id: str
    column_id: str
    row_label: str
    column_label: str
    unit: str
    block: str = ""


# ---------------------------------------------------------------- table 二

@dataclass(frozen=True)
class Layout:
    """One way a block of table 二 is printed: its columns and the header that betrays it."""
    prefix: str  # "s2" or "s2_2019"
    columns: tuple[Column, ...]
    signature: str  # regex on the block header that selects this layout
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Block:
    id: str
    label: str
    anchor: str  # regex on compact text that starts the block
    layouts: tuple[Layout, ...]  # the first is the 2021 layout


_ISSUED = Column("issued", "本年制发件数", r"本年制发件数|制发件数|本年制发")
_REPEALED = Column("repealed", "本年废止件数", r"本年废止件数|废止件数|本年废止")
_IN_FORCE = Column("in_force", "现行有效件数", r"现行有效件数|现行有效")
_NEW_MADE = Column("new_made", "本年新制作数量", r"本年新制作数量|新制作数量|新制作")
_NEW_PUB = Column("new_published", "本年新公开数量", r"本年新公开数量|新公开数量|新公开")
_TOTAL_PUB = Column("total_published", "对外公开总数量", r"对外公开总数量|对外公开总数|公开总数量")
_DECISIONS = Column("decisions", "本年处理决定数量", r"(?:本年)?处理决定数量|处理决定数")
_PREV = Column("prev_items", "上一年项目数量", r"上一年项目数量|上一年项目数|上年项目数量")
_CHANGE = Column("change", "本年增/减", r"本年增[/／、]?减|增[/／、]?减", SIGNED)
_AMOUNT = Column("amount", "本年收费金额（单位：万元）", r"本年收费金额|收费金额", AMOUNT)
_PROC_COUNT = Column("count", "采购项目数量", r"采购项目数量|采购项目数")
_PROC_AMOUNT = Column("amount", "采购总金额", r"采购总金额|采购金额", AMOUNT)

_REGULATIONS = Row("regulations", "规章", r"规章")
_NORMATIVE_2021 = Row("normative", "行政规范性文件", r"(?:行政)?规范性文件")
_NORMATIVE_2019 = Row("normative", "规范性文件", r"(?:行政)?规范性文件")
_LICENSING = Row("licensing", "行政许可", r"行政许可")
_OTHER_SERVICES = Row("other_services", "其他对外管理服务事项", r"其他对外管理服务事项|对外管理服务事项")
_PENALTY = Row("penalty", "行政处罚", r"行政处罚")
_COERCION = Row("coercion", "行政强制", r"行政强制")
_FEES = Row("fees", "行政事业性收费", r"行政事业性收费")
_PROCUREMENT = Row("procurement", "政府集中采购", r"政府集中采购")

TABLE2_BLOCKS: tuple[Block, ...] = (
    Block("b1", "第二十条第（一）项", r"第二十条第\(一\)项",
          (Layout("s2", (_ISSUED, _REPEALED, _IN_FORCE), r"制发|废止|现行有效",
                  (_REGULATIONS, _NORMATIVE_2021)),
           Layout("s2_2019", (_NEW_MADE, _NEW_PUB, _TOTAL_PUB), r"新制作|新公开|对外公开总",
                  (_REGULATIONS, _NORMATIVE_2019)))),
    Block("b5", "第二十条第（五）项", r"第二十条第\(五\)项",
          (Layout("s2", (_DECISIONS,), r"(?!)", (_LICENSING,)),
           Layout("s2_2019", (_PREV, _CHANGE, _DECISIONS), r"上一?年项目|增[/／、]?减",
                  (_LICENSING, _OTHER_SERVICES)))),
    Block("b6", "第二十条第（六）项", r"第二十条第\(六\)项",
          (Layout("s2", (_DECISIONS,), r"(?!)", (_PENALTY, _COERCION)),
           Layout("s2_2019", (_PREV, _CHANGE, _DECISIONS), r"上一?年项目|增[/／、]?减",
                  (_PENALTY, _COERCION)))),
    Block("b8", "第二十条第（八）项", r"第二十条第\(八\)项",
          (Layout("s2", (_AMOUNT,), r"(?!)", (_FEES,)),
           Layout("s2_2019", (_PREV, _CHANGE), r"上一?年项目|增[/／、]?减", (_FEES,)))),
    Block("b9", "第二十条第（九）项", r"第二十条第\(九\)项",
          (Layout("s2_2019", (_PROC_COUNT, _PROC_AMOUNT), r"采购", (_PROCUREMENT,)),)),
)

# ---------------------------------------------------------------- table 三

S3_ORG_GROUP = "法人或其他组织"
S3_COLUMNS: tuple[Column, ...] = (
    Column("natural_person", "自然人", r"自然人"),
    Column("commercial", "商业企业", r"商业企业|商业|企业", group=S3_ORG_GROUP),
    Column("research", "科研机构", r"科研机构|科研", group=S3_ORG_GROUP),
    Column("social_org", "社会公益组织", r"社会公益组织|社会组织|公益组织|社会公益", group=S3_ORG_GROUP),
    Column("legal_service", "法律服务机构", r"法律服务机构|法律服务", group=S3_ORG_GROUP),
    Column("other_org", "其他", r"其他", group=S3_ORG_GROUP),
    Column("total", "总计", r"总计|合计"),
)
S3_APPLICANT_COLUMNS = tuple(c.id for c in S3_COLUMNS if c.id != "total")
# header text that contains column words but is not a column ("法人或其他组织" holds 其他)
S3_HEADER_NOISE = r"法人或其他组织|申请人情况|\(本列数据的勾稽关系为[^)]*\)|本列数据的勾稽关系为.*?之和.*?之和"

G_RESULTS = "三、本年度办理结果"
G_DENIED = "（三）不予公开"
G_UNABLE = "（四）无法提供"
G_REJECTED = "（五）不予处理"
G_OTHER = "（六）其他处理"

S3_ROWS: tuple[Row, ...] = (
    Row("new", "一、本年新收政府信息公开申请数量", r"本年新收|新收政府信息公开申请"),
    Row("carried_over", "二、上年结转政府信息公开申请数量", r"上年结转"),
    Row("granted", "（一）予以公开", r"予以公开", G_RESULTS),
    Row("partly_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        r"部分公开(?:\(区分处理的,?只计这一情形,?不计其他情形\))?", G_RESULTS),
    Row("denied_state_secret", "1.属于国家秘密", r"国家秘密", G_DENIED),
    Row("denied_law_prohibited", "2.其他法律行政法规禁止公开", r"法律行政法规禁止公开|法规禁止公开", G_DENIED),
    Row("denied_three_safeties", "3.危及“三安全一稳定”", r"三安全一稳定", G_DENIED),
    Row("denied_third_party", "4.保护第三方合法权益", r"第三方合法权益", G_DENIED),
    Row("denied_internal_affairs", "5.属于三类内部事务信息", r"内部事务信息|内部事务", G_DENIED),
    Row("denied_process_info", "6.属于四类过程性信息", r"过程性信息", G_DENIED),
    Row("denied_enforcement_file", "7.属于行政执法案卷", r"执法案卷", G_DENIED),
    Row("denied_admin_query", "8.属于行政查询事项", r"行政查询事项|查询事项", G_DENIED),
    Row("unable_not_held", "1.本机关不掌握相关政府信息", r"不掌握相关政府信息|不掌握", G_UNABLE),
    Row("unable_needs_creation", "2.没有现成信息需要另行制作", r"没有现成信息需要另行制作|另行制作", G_UNABLE),
    Row("unable_unclear", "3.补正后申请内容仍不明确", r"补正后申请内容仍不明确|仍不明确", G_UNABLE),
    Row("rejected_petition", "1.信访举报投诉类申请", r"信访举报投诉类申请|信访举报投诉", G_REJECTED),
    Row("rejected_duplicate", "2.重复申请", r"重复申请", G_REJECTED),
    Row("rejected_publication", "3.要求提供公开出版物", r"要求提供公开出版物|公开出版物", G_REJECTED),
    Row("rejected_mass_requests", "4.无正当理由大量反复申请", r"无正当理由由?大量反复申请|大量反复申请", G_REJECTED),
    Row("rejected_confirmation", "5.要求行政机关确认或重新出具已获取信息",
        r"要求行政机关确认或重新出具已获取信息|确认或重新出具", G_REJECTED),
    Row("other_no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        r"申请人无正当理由逾期不补正、?行政机关不再处理其政府信息公开申请|逾期不补正", G_OTHER),
    Row("other_unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        r"申请人逾期未按收费通知要求缴纳费用、?行政机关不再处理其政府信息公开申请|缴纳费用", G_OTHER),
    Row("other_other", "3.其他", r"(?:3|三)[.、]?其他(?!处理)", G_OTHER),
    Row("results_total", "（七）总计", r"\(七\)总计|总计|合计"),
    Row("carried_forward", "四、结转下年度继续办理", r"结转下年度继续办理|结转下年度|结转下年"),
)
S3_ROW_IDS = tuple(r.id for r in S3_ROWS)
S3_OUTCOME_ROWS = S3_ROW_IDS[2:23]  # granted … other_other, summed by R2
S3_OTHER_SUBROWS = ("other_no_correction", "other_unpaid_fee", "other_other")
# The collapsed （六）其他处理 row of the 2019 layout.
S3_OTHER_TOTAL = Row("other_total", "（六）其他处理", r"\(六\)其他处理|其他处理", G_OTHER)
# their cells: the collapsed row's and its three sub-rows'
S3_OTHER_TOTAL_FIELDS = tuple(f"s3.{S3_OTHER_TOTAL.id}.{c.id}" for c in S3_COLUMNS)
S3_OTHER_SUBROW_FIELDS = tuple(f"s3.{r}.{c.id}" for r in S3_OTHER_SUBROWS for c in S3_COLUMNS)

# Group headings: labels with no cells of their own. A group heading directly
# followed by numbers is a collapsed group.
S3_GROUP_HEADINGS: tuple[tuple[str, str], ...] = (
    (G_RESULTS, r"三、本年度办理结果|本年度办理结果|办理结果"),
    (G_DENIED, r"\(三\)不予公开|不予公开"),
    (G_UNABLE, r"\(四\)无法提供|无法提供"),
    (G_REJECTED, r"\(五\)不予处理|不予处理"),
    (G_OTHER, S3_OTHER_TOTAL.pattern),
)

# ---------------------------------------------------------------- table 四

S4_GROUPS: tuple[tuple[str, str, str], ...] = (
    ("review", "行政复议", r"行政复议(?!后)"),
    ("suit_direct", "行政诉讼·未经复议直接起诉", r"未经复议直接起诉|直接起诉"),
    ("suit_after_review", "行政诉讼·复议后起诉", r"复议后起诉"),
)
S4_COLUMNS: tuple[Column, ...] = (
    Column("upheld", "结果维持", r"结果维持|维持"),
    Column("corrected", "结果纠正", r"结果纠正|纠正"),
    Column("other", "其他结果", r"其他结果"),
    Column("pending", "尚未审结", r"尚未审结|未审结"),
    Column("total", "总计", r"总计|合计"),
)
S4_HEADER_NOISE = r"行政诉讼"

# ---------------------------------------------------------------- all fields


def _build_fields() -> tuple[Field, ...]:
    out: list[Field] = []
    for block in TABLE2_BLOCKS:
        for layout in block.layouts:
            for row in layout.rows:
                for col in layout.columns:
                    out.append(Field(f"{layout.prefix}.{row.id}.{col.id}", "二", row.id, col.id,
                                     row.label, col.label, col.unit, block.label))
    for row in S3_ROWS + (S3_OTHER_TOTAL,):
        for col in S3_COLUMNS:
            out.append(Field(f"s3.{row.id}.{col.id}", "三", row.id, col.id, row.label,
                             f"{col.group}·{col.label}" if col.group else col.label, COUNT))
    for gid, glabel, _ in S4_GROUPS:
        for col in S4_COLUMNS:
            out.append(Field(f"s4.{gid}.{col.id}", "四", gid, col.id, glabel, col.label, COUNT))
    return tuple(out)


ALL_FIELDS: tuple[Field, ...] = _build_fields()
FIELDS: dict[str, Field] = {f.id: f for f in ALL_FIELDS}
# The 200 cells of the 2021 template, in printed order; always present in every output.
STANDARD_IDS: tuple[str, ...] = tuple(
    f.id for f in ALL_FIELDS
    if f.id.startswith(("s2.", "s4.")) or (f.id.startswith("s3.") and f.row_id != "other_total"))
assert len(STANDARD_IDS) == 200, len(STANDARD_IDS)


def field_order(fid: str) -> int:
    """Position of a field in printed order (unknown ids last)."""
    return _ORDER.get(fid, len(_ORDER))


_ORDER = {f.id: i for i, f in enumerate(ALL_FIELDS)}
