"""The names of the checks, as data: what an auditor calls each rule and each kind of grouped issue.

Issues carry stable codes (`R1`, `missing`, `blank_columns` …) that the CSV files, the JSON and the
workspace keep. People never see a code: the window, the summary and the exports' rules table show
the names declared here, in Chinese or English. No Qt here; the window translates nothing itself,
it asks rule_name(code, lang).
"""
from __future__ import annotations

from dataclasses import dataclass

ZH, EN = "zh", "en"


@dataclass(frozen=True)
class RuleName:
    zh: str  # the name an auditor knows
    en: str
    zh_help: str  # one line saying what it checks
    en_help: str
    group: str = "rule"  # "rule" (Issue.rule) or "kind" (Issue.kind: a cause issues are grouped by)


RULES: dict[str, RuleName] = {
    # ---------------------------------------------------------------- rules (Issue.rule)
    "R1": RuleName("勾稽关系一：新收+上年结转＝办理结果+结转下年度",
                   "Balance: new + carried over = results + carried forward",
                   "表三每一列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理",
                   "Table 3, each column: new + carried over = results total + carried forward"),
    "R2": RuleName("勾稽关系二：办理结果总计＝各项之和", "Results total = sum of the outcomes",
                   "表三每一列：（七）总计 = 各项办理结果之和",
                   "Table 3, each column: results total = the sum of the outcome rows"),
    "R3": RuleName("勾稽关系三：总计＝各类申请人之和", "Row total = sum of the applicant columns",
                   "表三每一行：总计 = 自然人与五类法人或其他组织之和",
                   "Table 3, each row: total = natural persons + the five kinds of organisation"),
    "R4": RuleName("表四：总计＝维持+纠正+其他+尚未审结", "Table 4: total = upheld + corrected + other + pending",
                   "表四每一组：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
                   "Table 4, each group: total = upheld + corrected + other + pending"),
    "R5": RuleName("数值范围", "Value range",
                   "件数为不小于 0 的整数；金额不为负，最多 4 位小数；不像真实数字的长数字",
                   "Counts are whole numbers ≥ 0; amounts are ≥ 0 with at most 4 decimals; no run-on digits"),
    "missing": RuleName("空白或缺项", "Blank or missing",
                        "应有数字却空白，缺行缺列，或一行印出的数字过多过少",
                        "A number belongs here but none is printed; a missing row or column; too many or "
                        "too few values in a row"),
    "prose": RuleName("正文与表格不符", "Text disagrees with the table", "正文中说的件数与表格中的不一致",
                      "A count stated in the text differs from the table"),
    "period": RuleName("统计期限", "Reporting period", "正文所述统计期限没有覆盖报告年度全年",
                       "The stated period does not cover the whole report year"),
    "cross_year": RuleName("与上年报告衔接", "Continuity with last year's report",
                           "本年上年结转应等于上年结转下年度；现行有效件数应前后衔接",
                           "Carried over must equal last year's carried forward; documents in force must "
                           "follow on from last year"),
    "meta": RuleName("机关与年度", "Agency and year", "标题、落款、文件名中的机关或年度不一致，或无法识别",
                     "Title, signature and file name disagree on the agency or year, or name none"),
    "layout": RuleName("版式", "Layout", "按 2019 年版格式印制的栏目，或栏目顺序、标签与官方表格不同",
                       "Parts printed in the 2019 layout, or columns and labels that differ from the official "
                       "form"),
    "encoding": RuleName("编码", "Encoding", "文件编码可能判断有误（乱码）",
                         "The file's text encoding may have been guessed wrong (garbled text)"),
    "source": RuleName("源文件", "Source file", "磁盘上的源文件不是审核中的文本",
                       "The file on disk is not the text under review"),
    "ocr": RuleName("OCR 读数", "OCR reading", "扫描件中由 OCR 读出的数值：把握不足，或可能是“/”“—”",
                    "Values read from a scan by OCR: read with low confidence, or a stroke that may be '/' or '—'"),
    "migration": RuleName("工作区升级", "Workspace upgrade", "升级旧版工作区时发现的差异",
                          "Differences found when an older workspace was upgraded"),
    # ---------------------------------------------------------------- kinds (Issue.kind): grouped causes
    "blank_table": RuleName("整张表空白", "Whole table blank", "一张表全部空白或未找到，不按 0 计算",
                            "A whole table is blank or was not found; blank is not 0", "kind"),
    "blank_columns": RuleName("整列空白", "Whole columns blank",
                              "表中一列或几列在每一行都空白；由此无法核对的勾稽关系并入此项",
                              "One or more columns are blank in every row; the rules they leave unchecked "
                              "are part of this item", "kind"),
    "blank_rows": RuleName("整行空白", "Whole rows blank",
                           "表中一行或几行（表二的一整项）全部空白或未印出",
                           "One or more rows (a whole block of table 2) are blank or not printed", "kind"),
    "blank_parts": RuleName("只印了总计", "Only the totals printed",
                            "这些行只印了总计，各分项空白；本行勾稽关系无法核对",
                            "These rows print only their total and leave the parts blank, so their sums "
                            "cannot be checked", "kind"),
    "blank_cells": RuleName("个别空白", "Blank cells",
                            "几行在相同的栏目空白；由此无法核对的勾稽关系并入此项",
                            "Rows blank in the same columns; the rules they leave unchecked are part of "
                            "this item", "kind"),
    "not_applicable": RuleName("印为“/”，无法核对", "Marked not applicable, so unchecked",
                               "参与勾稽关系的单元格印为“/”“—”或“无”，不按 0 计算，该关系无法核对",
                               "Cells a rule adds up are printed as '/', '—' or '无'; they are not 0, so "
                               "the rule cannot be checked", "kind"),
    "ocr_doubt": RuleName("OCR 读数存疑", "Doubtful OCR readings",
                          "扫描件中 OCR 把握不足的数值，或单独一笔可能是“/”“—”的格，请对照原件核对",
                          "Values read from a scan with low confidence, or lone strokes that may be '/' or "
                          "'—': compare with the page", "kind"),
    "layout_2019": RuleName("2019 年版式", "2019 layout",
                            "按国办公开办函〔2019〕60号的旧版格式印制的栏目，已按旧版读取",
                            "Parts printed in the earlier layout of 2019, read as that layout", "kind"),
}
OTHER = RuleName("其他检查", "Other check", "其他检查", "Other check")


def rule_name(code: str, lang: str = ZH) -> str:
    """The name people see for a rule or kind code, in Chinese ("zh") or English ("en")."""
    r = RULES.get(code, OTHER)
    return r.en if lang == EN else r.zh


def rule_help(code: str, lang: str = ZH) -> str:
    """One line saying what a rule or kind checks."""
    r = RULES.get(code, OTHER)
    return r.en_help if lang == EN else r.zh_help


def rule_rows() -> list[dict[str, str]]:
    """One row per code for a rules table beside data_dictionary.csv: code, what it names (rule or
    kind), the Chinese and English names and descriptions."""
    return [{"code": code, "group": r.group, "name_zh": r.zh, "name_en": r.en, "description_zh": r.zh_help,
             "description_en": r.en_help} for code, r in RULES.items()]


__all__ = ["EN", "OTHER", "RULES", "RuleName", "ZH", "rule_help", "rule_name", "rule_rows"]
