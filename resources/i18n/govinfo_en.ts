<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../ui/summary.py" line="44"/>
        <source>点击一条，队列只显示有此规则问题的报告</source>
        <translation>Click a bar: the queue lists only the reports with open issues of that rule</translation>
    </message>
    <message>
        <location filename="../../ui/summary.py" line="67"/>
        <source>没有待处理的问题</source>
        <translation>No open issues</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../ui/dialogs.py" line="36"/>
        <source>工作区正在使用</source>
        <translation>Workspace in use</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="37"/>
        <source>以只读方式打开</source>
        <translation>Open read-only</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="38"/>
        <source>停止</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="46"/>
        <source>打开其他工作区…</source>
        <translation>Open another workspace…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="47"/>
        <source>新建工作区…</source>
        <translation>New workspace…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="48"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="51"/>
        <source>打开工作区</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="52"/>
        <source>审核工作区 (*.sqlite)</source>
        <translation>Review workspace (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="55"/>
        <source>新建工作区</source>
        <translation>New workspace</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="56"/>
        <source>审核工作区 (*.review.sqlite)</source>
        <translation>Review workspace (*.review.sqlite)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="62"/>
        <source>无法打开工作区</source>
        <translation>Cannot open workspace</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="136"/>
        <source>方向键</source>
        <translation>Arrow keys</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="136"/>
        <source>在表格中移动</source>
        <translation>Move in the table</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="137"/>
        <source>Shift+方向键</source>
        <translation>Shift+Arrow keys</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="137"/>
        <source>选择一片单元格（复制、粘贴）</source>
        <translation>Select a range of cells (to copy or paste)</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="138"/>
        <source>数字键</source>
        <translation>Digits</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="138"/>
        <source>直接改写所选单元格</source>
        <translation>Type over the selected cell</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="139"/>
        <location filename="../../ui/dialogs.py" line="143"/>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="139"/>
        <source>编辑单元格；再按 Enter 确认</source>
        <translation>Edit the cell; Enter again confirms</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="140"/>
        <source>Esc</source>
        <translation>Esc</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="140"/>
        <source>取消编辑</source>
        <translation>Cancel the edit</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="141"/>
        <source>Tab</source>
        <translation>Tab</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="141"/>
        <source>到下一个单元格或控件</source>
        <translation>On to the next cell or control</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="142"/>
        <source>→ / ←</source>
        <translation>→ / ←</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="142"/>
        <source>问题列表中：展开或收起问题涉及的单元格</source>
        <translation>In the issue list: open or close the cells an issue names</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="143"/>
        <source>报告队列中：打开所选报告</source>
        <translation>In the report queue: open the selected report</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <location filename="../../ui/file_actions.py" line="39"/>
        <source>打开报告</source>
        <translation>Open reports</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="54"/>
        <source>打开文件夹（含子文件夹）</source>
        <translation>Open folder (with subfolders)</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="71"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="79"/>
        <source>以其他编码重新打开</source>
        <translation>Reopen with another encoding</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="79"/>
        <location filename="../../ui/file_actions.py" line="178"/>
        <source>编码：</source>
        <translation>Encoding:</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="92"/>
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="92"/>
        <source>工作区是只读的，不能重新读取。</source>
        <translation>The workspace is read-only: the report cannot be read again.</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="103"/>
        <source>重新读取</source>
        <translation>Read again</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="103"/>
        <source>正在重新读取一份报告，请等它完成或取消。</source>
        <translation>A report is being read again; wait for it to finish or cancel it.</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="120"/>
        <source>正在重新读取 {name}…</source>
        <translation>Reading {name} again…</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="127"/>
        <source>正在重新识别扫描件：第 {done}/{pages} 页（OCR）</source>
        <translation>Reading the scan again by OCR: page {done} of {pages}</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="138"/>
        <source>已取消重新读取；报告保持不变</source>
        <translation>Reading again cancelled; the report is unchanged</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="147"/>
        <location filename="../../ui/file_actions.py" line="153"/>
        <source>无法重新读取</source>
        <translation>Cannot read again</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="162"/>
        <source>无法保存修改</source>
        <translation>Change not saved</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="167"/>
        <source>签发已失效：读取的文件不是签发时的文件，请审核后重新签发。</source>
        <translation>The sign-off has lapsed: the file read is not the one signed off. Review it and sign off again.</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="168"/>
        <source>已重新读取</source>
        <translation>Read again</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="174"/>
        <location filename="../../ui/file_actions.py" line="178"/>
        <source>以指定编码打开</source>
        <translation>Open with encoding</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="197"/>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="206"/>
        <source>每次修改都已保存：{path}</source>
        <translation>Every change is already saved: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="210"/>
        <source>工作区另存为</source>
        <translation>Save workspace as</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="216"/>
        <location filename="../../ui/file_actions.py" line="231"/>
        <source>无法保存</source>
        <translation>Cannot save</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="220"/>
        <source>工作区已保存为 {path}</source>
        <translation>Workspace saved as {path}</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="225"/>
        <source>保存工作区副本</source>
        <translation>Save a copy of the workspace</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="233"/>
        <source>副本已保存：{path}</source>
        <translation>Copy saved: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="237"/>
        <source>审核工作区 (*.review.sqlite)</source>
        <translation>Review workspace (*.review.sqlite)</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="244"/>
        <source>打开工作区</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="245"/>
        <source>审核工作区 (*.sqlite)</source>
        <translation>Review workspace (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="252"/>
        <source>这个工作区已经打开：{path}</source>
        <translation>This workspace is already open: {path}</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="255"/>
        <location filename="../../ui/file_actions.py" line="263"/>
        <source>无法打开工作区</source>
        <translation>Cannot open workspace</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="255"/>
        <source>正在导出，请等它完成或取消后再换工作区。</source>
        <translation>An export is running: wait for it or cancel it before changing workspaces.</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="281"/>
        <location filename="../../ui/file_actions.py" line="290"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="281"/>
        <source>还没有打开任何报告</source>
        <translation>No report is open yet</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="283"/>
        <source>导出到文件夹</source>
        <translation>Export to folder</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="290"/>
        <source>正在导出，请等它完成或取消后再导出。</source>
        <translation>An export is running: wait for it or cancel it before exporting again.</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="303"/>
        <source>正在导出 {n} 份报告…</source>
        <translation>Exporting {n} reports…</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="312"/>
        <source>已取消导出；{folder} 中原有的文件保持不变</source>
        <translation>Export cancelled; the files in {folder} are as they were</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="316"/>
        <source>导出失败</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="319"/>
        <source>已导出 {n} 个文件到 {folder}</source>
        <translation>Exported {n} files to {folder}</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="325"/>
        <source>首选项</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="325"/>
        <source>审核人姓名：</source>
        <translation>Auditor&apos;s name:</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="332"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="332"/>
        <source>界面语言将在下次启动时切换。</source>
        <translation>The interface language changes at the next start.</translation>
    </message>
</context>
<context>
    <name>GridModel</name>
    <message>
        <location filename="../../ui/table_models.py" line="174"/>
        <location filename="../../ui/table_models.py" line="186"/>
        <source>（空白）</source>
        <translation>(blank)</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="174"/>
        <source>印出：{raw}</source>
        <translation>Published: {raw}</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="176"/>
        <source>标签印为「{printed}」，按「{template}」读取</source>
        <translation>Label printed as “{printed}”, read as “{template}”</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="182"/>
        <source>来源：第 {table} 个表格，第 {row} 行，第 {col} 列</source>
        <translation>Source: table {table}, row {row}, column {col}</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="185"/>
        <source>已由审核人更正为：{value}</source>
        <translation>Corrected by the auditor to: {value}</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="187"/>
        <source>状态：{state}</source>
        <translation>State: {state}</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="190"/>
        <source>［已接受］</source>
        <translation>[accepted] </translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="190"/>
        <source>［已补填］</source>
        <translation>[filled in] </translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="191"/>
        <source>• {rule}：{tag}{message}</source>
        <translation>• {rule}: {tag}{message}</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="194"/>
        <source>（应为 {value}）</source>
        <translation> (should be {value})</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="201"/>
        <source>OCR 读作「{text}」，置信度 {confidence}</source>
        <translation>Read by OCR as &quot;{text}&quot;, confidence {confidence}</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="204"/>
        <source>按笔画形状取「{taken}」</source>
        <translation>Taken as &quot;{taken}&quot; by the shape of the ink</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="206"/>
        <source>其他读法：{alternatives}</source>
        <translation>Other readings: {alternatives}</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="209"/>
        <source>笔画可能是印出的“/”或“—”，请对照原件</source>
        <translation>The stroke may be a printed &quot;/&quot; or &quot;—&quot;: check the original</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="221"/>
        <source>只能填写数字、“/”（不适用）或留空：{text}</source>
        <translation>Only a number, “/” (not applicable) or nothing can be entered: {text}</translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../ui/widgets.py" line="130"/>
        <source>机关和年度依次取自标题、开头标题行、落款、文件名；年度也可取自统计期限</source>
        <translation>Agency and year are taken from the title, the first heading, the signature or the file name, in that order; the year also from the statistics period</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="139"/>
        <source>修改或接受的原因（记入修改记录）</source>
        <translation>Reason for the change or acceptance (goes into the ledger)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="142"/>
        <source>恢复原值</source>
        <translation>Restore published value</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="143"/>
        <source>按原样接受…</source>
        <translation>Accept as published…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="144"/>
        <source>记入原因</source>
        <translation>Record reason</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="145"/>
        <source>把原因记到这个单元格最近一次修改上</source>
        <translation>Give the reason to this cell&apos;s last change</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="161"/>
        <source>印出值：</source>
        <translation>Published:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="162"/>
        <source>当前值：</source>
        <translation>Current:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="163"/>
        <source>状态：</source>
        <translation>State:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="164"/>
        <source>上次修改：</source>
        <translation>Last change:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="165"/>
        <source>原因：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="188"/>
        <source>OCR 读作 {read}，按勾稽关系（{rules}）应为 {value}</source>
        <translation>OCR read {read}; the consistency rules ({rules}) call for {value}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="196"/>
        <source>{suggestion} — 采纳？</source>
        <translation>{suggestion}. Take it?</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="197"/>
        <source>采纳</source>
        <translation>Take</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="198"/>
        <source>改为建议的值，作为一次更正记入修改记录</source>
        <translation>Change to the suggested value, recorded in the ledger as a correction</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="202"/>
        <source>本报告有 {n} 条 OCR 建议（按勾稽关系）</source>
        <translation>This report has {n} OCR suggestion(s) from the consistency rules</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="203"/>
        <source>转到</source>
        <translation>Go to</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="204"/>
        <source>选中下一个有建议的单元格</source>
        <translation>Select the next cell with a suggestion</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="237"/>
        <source>机关：未识别</source>
        <translation>Agency: not found</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="239"/>
        <source>机关：{agency}（取自{source}）</source>
        <translation>Agency: {agency} (from the {source})</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="242"/>
        <source>机关：{agency}</source>
        <translation>Agency: {agency}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="244"/>
        <source>年度：未识别</source>
        <translation>Year: not found</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="246"/>
        <source>年度：{year}（取自{source}）</source>
        <translation>Year: {year} (from the {source})</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="249"/>
        <source>年度：{year}</source>
        <translation>Year: {year}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="250"/>
        <source>{agency}；{year}</source>
        <translation>{agency}; {year}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="263"/>
        <source>选择一个单元格</source>
        <translation>Select a cell</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="268"/>
        <source>（未修改）</source>
        <translation>(not changed)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="271"/>
        <source>{old} → {new}，{who} {time}；原因：{reason}</source>
        <translation>{old} → {new}, {who} {time}; reason: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="189"/>
        <location filename="../../ui/widgets.py" line="272"/>
        <source>空白</source>
        <translation>blank</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="273"/>
        <source>（未填）</source>
        <translation>(none given)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="278"/>
        <location filename="../../ui/widgets.py" line="279"/>
        <source>（空白）</source>
        <translation>(blank)</translation>
    </message>
</context>
<context>
    <name>IssueModel</name>
    <message>
        <location filename="../../ui/table_models.py" line="386"/>
        <source>{state}：{reason}</source>
        <translation>{state}: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="392"/>
        <source>{rule}：{help}</source>
        <translation>{rule}: {help}</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="396"/>
        <source>应为：{value}</source>
        <translation>Should be: {value}</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../ui/rule_names.py" line="16"/>
        <source>zh</source>
        <translation>en</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../ui/widgets.py" line="102"/>
        <source>图例：</source>
        <translation>Legend:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="100"/>
        <source>报告队列</source>
        <translation>Report queue</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108"/>
        <source>汇总</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>只读：{reason}。可以查看和导出，修改不会保存。</source>
        <translation>Read-only: {reason}. You can look and export; changes are not saved.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="164"/>
        <source>跳过的文件</source>
        <translation>Files skipped</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="164"/>
        <source>以下文件不是可读取的报告格式，未打开：
{files}</source>
        <translation>These files are not of a kind that can be read and were not opened:
{files}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168"/>
        <source>工作区是只读的，不能加入新报告：{reason}</source>
        <translation>The workspace is read-only; no report can be added: {reason}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="205"/>
        <source>正在读取 {n} 份报告…</source>
        <translation>Reading {n} reports…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>正在识别扫描件 {name}：第 {done}/{pages} 页（OCR）</source>
        <translation>Reading the scan {name} by OCR: page {done} of {pages}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>已取消；队列中共 {n} 份报告</source>
        <translation>Cancelled; {n} reports in the queue</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="270"/>
        <source>队列中共 {n} 份报告</source>
        <translation>{n} reports in the queue</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="302"/>
        <source>无法显示 PDF 页面：{why}</source>
        <translation>Cannot show the PDF pages: {why}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="353"/>
        <source>错误 {errors} · 警告 {warnings} · 已接受 {accepted} · 修改 {corrected}</source>
        <translation>Errors {errors} · warnings {warnings} · accepted {accepted} · corrected {corrected}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="361"/>
        <source>{workspace}（只读）</source>
        <translation>{workspace} (read-only)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="364"/>
        <source>政府信息公开年报审核 [{workspace}]</source>
        <translation>Annual report review [{workspace}]</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="367"/>
        <source>{report} {year} — 政府信息公开年报审核 [{workspace}]</source>
        <translation>{report} {year} — Annual report review [{workspace}]</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="33"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="34"/>
        <source>打开报告…</source>
        <translation>Open reports…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="35"/>
        <source>打开文件夹…</source>
        <translation>Open folder…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="37"/>
        <source>最近打开</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="39"/>
        <source>以指定编码打开…</source>
        <translation>Open with encoding…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="40"/>
        <source>以其他编码重新打开…</source>
        <translation>Reopen with another encoding…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="41"/>
        <source>从源文件重新读取…</source>
        <translation>Reload from source…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="44"/>
        <source>保存工作区</source>
        <translation>Save workspace</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="45"/>
        <source>工作区另存为…</source>
        <translation>Save workspace as…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="47"/>
        <source>保存工作区副本…</source>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="48"/>
        <source>打开工作区…</source>
        <translation>Open workspace…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="49"/>
        <source>导出数据集…</source>
        <translation>Export dataset…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="51"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="52"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="53"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="54"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="57"/>
        <source>复制所选单元格</source>
        <translation>Copy cells</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="58"/>
        <source>复制所选单元格（带行列名称）</source>
        <translation>Copy cells with labels</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="60"/>
        <source>粘贴到单元格…</source>
        <translation>Paste into cells…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="65"/>
        <source>编辑单元格</source>
        <translation>Edit cell</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="86"/>
        <source>签发本报告并转到下一份…</source>
        <translation>Sign off and go to the next report…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="111"/>
        <source>帮助(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="112"/>
        <source>键盘快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="66"/>
        <source>恢复原值</source>
        <translation>Restore published value</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="68"/>
        <source>按原样接受…</source>
        <translation>Accept as published…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="69"/>
        <source>填写原因</source>
        <translation>Type a reason</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="71"/>
        <source>首选项…</source>
        <translation>Preferences…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="72"/>
        <source>审核(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="73"/>
        <source>下一个待处理问题</source>
        <translation>Next open issue</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="74"/>
        <source>上一个待处理问题</source>
        <translation>Previous open issue</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="77"/>
        <source>下一份需要处理的报告</source>
        <translation>Next report that needs work</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="79"/>
        <source>队列中的下一份报告</source>
        <translation>Next report in the queue</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="81"/>
        <source>队列中的上一份报告</source>
        <translation>Previous report in the queue</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="84"/>
        <source>查找原文…</source>
        <translation>Find in report…</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="88"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="97"/>
        <source>表{key}</source>
        <translation>Table {n}</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="99"/>
        <source>筛选报告队列</source>
        <translation>Filter the queue</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="100"/>
        <source>问题列表</source>
        <translation>Issue list</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="101"/>
        <source>下一个窗格</source>
        <translation>Next pane</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="102"/>
        <source>上一个窗格</source>
        <translation>Previous pane</translation>
    </message>
    <message>
        <location filename="../../ui/menus.py" line="104"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="168"/>
        <location filename="../../ui/main_window.py" line="266"/>
        <location filename="../../ui/main_window.py" line="281"/>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="359"/>
        <source>自动保存的工作区</source>
        <translation>automatic workspace</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <location filename="../../ui/navigation.py" line="42"/>
        <source>本报告没有更多待处理问题；其他报告都已签发</source>
        <translation>No more open issues in this report; every other report is signed off</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="44"/>
        <source>本报告没有更多待处理的问题。</source>
        <translation>This report has no more open issues.</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="45"/>
        <source>这是本报告最后一个待处理的问题。</source>
        <translation>This is the last open issue of this report.</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="46"/>
        <source>下一份报告</source>
        <translation>Next report</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="46"/>
        <source>转到下一份需要处理的报告（{name}）吗？</source>
        <translation> Go to the next report that needs work ({name})?</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="54"/>
        <source>前面没有待处理的问题了</source>
        <translation>No open issue before this one</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="73"/>
        <source>没有其他需要处理的报告：都已签发</source>
        <translation>No other report needs work: all are signed off</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="76"/>
        <source>下一份需要处理的报告：{name}</source>
        <translation>Next report that needs work: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="106"/>
        <source>本报告已签发</source>
        <translation>This report is signed off</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="112"/>
        <source>签发</source>
        <translation>Sign off</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="112"/>
        <source>还有 {errors} 个错误、{warnings} 个警告未处理。仍要签发吗？</source>
        <translation>{errors} errors and {warnings} warnings are still open. Sign off anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="120"/>
        <source>已签发：{name}。队列中的报告都已签发。</source>
        <translation>Signed off: {name}. Every report in the queue is signed off.</translation>
    </message>
    <message>
        <location filename="../../ui/navigation.py" line="123"/>
        <source>已签发：{name}。下一份需要处理的报告：{next}</source>
        <translation>Signed off: {name}. Next report that needs work: {next}</translation>
    </message>
</context>
<context>
    <name>OfficialTable</name>
    <message>
        <location filename="../../ui/grid_view.py" line="152"/>
        <source>编辑单元格</source>
        <translation>Edit cell</translation>
    </message>
</context>
<context>
    <name>PdfPane</name>
    <message>
        <location filename="../../ui/pdf_view.py" line="53"/>
        <source>上一页</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_view.py" line="53"/>
        <source>下一页</source>
        <translation>Next page</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_view.py" line="56"/>
        <source>缩小</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_view.py" line="56"/>
        <source>放大</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_view.py" line="59"/>
        <source>适合宽度</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_view.py" line="61"/>
        <source>页码</source>
        <translation>Page</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_view.py" line="82"/>
        <source>共 {n} 页</source>
        <translation>of {n}</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_view.py" line="135"/>
        <source>（无页面）</source>
        <translation>(no pages)</translation>
    </message>
</context>
<context>
    <name>Queue</name>
    <message>
        <location filename="../../ui/queue.py" line="48"/>
        <source>机关</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="48"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="48"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="49"/>
        <source>错误</source>
        <translation>Err.</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="49"/>
        <source>警告</source>
        <translation>Warn.</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="50"/>
        <source>审核状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="51"/>
        <source>报告单位；未识别时显示文件名（斜体）</source>
        <translation>Agency; the file name (in italics) when no agency was found</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="52"/>
        <source>报告年度</source>
        <translation>Report year</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="52"/>
        <source>文件名</source>
        <translation>File name</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="53"/>
        <source>待处理的错误</source>
        <translation>Open errors</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="54"/>
        <source>待处理的警告</source>
        <translation>Open warnings</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="54"/>
        <source>未开始、审核中或已签发</source>
        <translation>Not started, in review or signed off</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="55"/>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="55"/>
        <source>审核中</source>
        <translation>In review</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="56"/>
        <source>已签发</source>
        <translation>Signed off</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../ui/queue.py" line="175"/>
        <source>未识别报告单位；显示的是文件名</source>
        <translation>Agency not found; the file name is shown</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="178"/>
        <source>文件内容完全相同</source>
        <translation>the same file content</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="178"/>
        <source>同一机关、同一年度</source>
        <translation>the same agency and year</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="179"/>
        <source>可能重复：{name}（{why}）</source>
        <translation>Possible duplicate: {name} ({why})</translation>
    </message>
</context>
<context>
    <name>QueuePane</name>
    <message>
        <location filename="../../ui/queue.py" line="250"/>
        <source>按机关、年度或文件名筛选</source>
        <translation>Filter by agency, year or file name</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="254"/>
        <source>只看有错误</source>
        <translation>Errors only</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="255"/>
        <source>只看未签发</source>
        <translation>Not signed off only</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="338"/>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="347"/>
        <source>规则：{rule} ✕</source>
        <translation>Rule: {rule} ✕</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="348"/>
        <source>只显示有此规则待处理问题的报告；点击取消</source>
        <translation>Only the reports with open issues of this rule are listed; click to list all</translation>
    </message>
</context>
<context>
    <name>RawPane</name>
    <message>
        <location filename="../../ui/raw_view.py" line="192"/>
        <source>查找原文…</source>
        <translation>Find in report…</translation>
    </message>
    <message>
        <location filename="../../ui/raw_view.py" line="195"/>
        <source>上一个</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../ui/raw_view.py" line="197"/>
        <source>下一个</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ui/raw_view.py" line="233"/>
        <source>未找到</source>
        <translation>Not found</translation>
    </message>
</context>
<context>
    <name>ReloadDialog</name>
    <message>
        <location filename="../../ui/dialogs.py" line="95"/>
        <source>从源文件重新读取：{name}</source>
        <translation>Reload from source: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="97"/>
        <source>源文件与上次读取时相同。</source>
        <translation>The source file is the same as when it was last read.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="97"/>
        <source>源文件自上次读取后已经改变。</source>
        <translation>The source file has changed since it was last read.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="98"/>
        <source>重新读取会改变 {n} 个印出值：</source>
        <translation>Reading it again changes {n} published values:</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="99"/>
        <source>重新读取不会改变任何印出值。</source>
        <translation>Reading it again changes no published value.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="105"/>
        <source>单元格</source>
        <translation>Cell</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="105"/>
        <source>现在</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="105"/>
        <source>重新读取后</source>
        <translation>After reading again</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="107"/>
        <source>空白</source>
        <translation>blank</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="113"/>
        <source>审核人的修改都会保留。</source>
        <translation>The auditor&apos;s corrections are all kept.</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="115"/>
        <source>以下修改所在的单元格在新读取中不存在，无法保留：{fields}</source>
        <translation>These corrections cannot be kept: their cells are not in the new reading: {fields}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="121"/>
        <source>重新读取</source>
        <translation>Read again</translation>
    </message>
</context>
<context>
    <name>ReviewActions</name>
    <message>
        <location filename="../../ui/review_actions.py" line="29"/>
        <source>只读</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="29"/>
        <source>工作区是只读的（{reason}），修改不会保存。</source>
        <translation>The workspace is read-only ({reason}); changes are not saved.</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="42"/>
        <source>无法保存修改</source>
        <translation>Change not saved</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="55"/>
        <source>无法修改</source>
        <translation>Cannot change</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="71"/>
        <source>没有需要接受的待处理问题</source>
        <translation>No open issue to accept</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="75"/>
        <source>按原样接受</source>
        <translation>Accept as published</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="76"/>
        <source>接受原因（例如：已与报告单位核实）：</source>
        <translation>Reason for accepting (e.g. confirmed with the agency):</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="110"/>
        <source>撤回接受 {n} 项</source>
        <translation>withdraw {n} acceptances</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="111"/>
        <source>按原样接受 {n} 项</source>
        <translation>accept {n} as published</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="115"/>
        <source>{cell} 恢复原值</source>
        <translation>restore {cell}</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="116"/>
        <source>{cell} → {value}</source>
        <translation>{cell} → {value}</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="117"/>
        <source>空白</source>
        <translation>blank</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="118"/>
        <source>修改 {n} 个单元格</source>
        <translation>change {n} cells</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="128"/>
        <source>撤销 {what}</source>
        <translation>Undo {what}</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="128"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="129"/>
        <source>重做 {what}</source>
        <translation>Redo {what}</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="129"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="134"/>
        <source>审核人</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="135"/>
        <source>请输入审核人姓名（记入修改记录，只需输入一次）：</source>
        <translation>Your name as auditor (recorded in the ledger; asked once):</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="151"/>
        <source>已复制 {n} 个单元格</source>
        <translation>Copied {n} cells</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="168"/>
        <source>剪贴板里没有可粘贴的内容，或没有选中单元格</source>
        <translation>Nothing to paste on the clipboard, or no cell selected</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="171"/>
        <location filename="../../ui/review_actions.py" line="175"/>
        <source>无法粘贴</source>
        <translation>Cannot paste</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="171"/>
        <source>粘贴的范围超出了表格：“{text}”没有对应的单元格。本次粘贴没有应用任何值。</source>
        <translation>The pasted range goes beyond the table: “{text}” has no cell to go to. Nothing of this paste was applied.</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="175"/>
        <source>{cell}：“{text}”不是数字、“/”或空白。本次粘贴没有应用任何值。</source>
        <translation>{cell}: “{text}” is not a number, “/” or empty. Nothing of this paste was applied.</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="180"/>
        <source>粘贴的值与现有值相同，没有修改</source>
        <translation>The pasted values are those already there: nothing changed</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="184"/>
        <source>粘贴</source>
        <translation>Paste</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="185"/>
        <source>粘贴 {n} 个单元格的原因（记入修改记录，这些单元格共用）：</source>
        <translation>Reason for pasting {n} cells (goes into the ledger, one for all of them):</translation>
    </message>
    <message>
        <location filename="../../ui/review_actions.py" line="191"/>
        <source>已粘贴 {n} 个单元格（一步，可撤销）</source>
        <translation>Pasted {n} cells (one step, can be undone)</translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message>
        <location filename="../../ui/review_pane.py" line="53"/>
        <source>原文文本</source>
        <translation>Report text</translation>
    </message>
    <message>
        <location filename="../../ui/review_pane.py" line="54"/>
        <location filename="../../ui/review_pane.py" line="155"/>
        <source>PDF 页面</source>
        <translation>PDF pages</translation>
    </message>
    <message>
        <location filename="../../ui/review_pane.py" line="112"/>
        <location filename="../../ui/review_pane.py" line="117"/>
        <source>表{key}</source>
        <translation>Table {n}</translation>
    </message>
    <message>
        <location filename="../../ui/review_pane.py" line="155"/>
        <source>扫描页面</source>
        <translation>Scanned pages</translation>
    </message>
    <message>
        <location filename="../../ui/review_pane.py" line="303"/>
        <source>此单元格在原文中没有对应的数字（空白或未印出）</source>
        <translation>This cell has no number in the source (blank or not printed)</translation>
    </message>
</context>
<context>
    <name>ShortcutSheet</name>
    <message>
        <location filename="../../ui/dialogs.py" line="153"/>
        <source>键盘快捷键</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="163"/>
        <source>表格与列表</source>
        <translation>Table and lists</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="167"/>
        <source>菜单</source>
        <translation>Menu</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="167"/>
        <source>操作</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="167"/>
        <source>按键</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs.py" line="178"/>
        <source>关闭</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <location filename="../../ui/summary.py" line="95"/>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/summary.py" line="95"/>
        <location filename="../../ui/summary.py" line="97"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/summary.py" line="95"/>
        <location filename="../../ui/summary.py" line="97"/>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/summary.py" line="95"/>
        <source>涉及报告</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/summary.py" line="97"/>
        <source>机关</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../ui/summary.py" line="97"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <location filename="../../ui/palette.py" line="9"/>
        <source>错误（违反勾稽关系）</source>
        <translation>Error (rule broken)</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="10"/>
        <source>警告（缺项、正文、期限）</source>
        <translation>Warning (blank, text, period)</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="11"/>
        <location filename="../../ui/table_models.py" line="43"/>
        <source>位置存疑</source>
        <translation>Uncertain placement</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="12"/>
        <source>OCR 识别（扫描件，请对照原件）</source>
        <translation>Read by OCR (a scan: check against the original)</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="13"/>
        <source>空白（未印数字）</source>
        <translation>Blank (nothing printed)</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="14"/>
        <source>不适用（/）</source>
        <translation>Not applicable (/)</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="15"/>
        <location filename="../../ui/table_models.py" line="46"/>
        <source>已更正</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="16"/>
        <source>按原样接受</source>
        <translation>Accepted as published</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="235"/>
        <source>机关</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="236"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="42"/>
        <location filename="../../ui/table_models.py" line="231"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="42"/>
        <location filename="../../ui/table_models.py" line="231"/>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="121"/>
        <source>文件名</source>
        <translation>file name</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="43"/>
        <source>空白</source>
        <translation>Blank</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="44"/>
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="45"/>
        <source>OCR 识别</source>
        <translation>Read by OCR</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="46"/>
        <location filename="../../ui/table_models.py" line="233"/>
        <source>已接受</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="47"/>
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="229"/>
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="229"/>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="230"/>
        <source>说明</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="230"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="232"/>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="233"/>
        <source>待处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="234"/>
        <source>已补填</source>
        <translation>Filled in</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="235"/>
        <location filename="../../ui/widgets.py" line="122"/>
        <source>统计期限</source>
        <translation>statistics period</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="237"/>
        <source>、</source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="245"/>
        <source>报告信息</source>
        <translation>Report details</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="120"/>
        <source>标题</source>
        <translation>title</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="120"/>
        <source>开头标题行</source>
        <translation>first heading</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="121"/>
        <source>落款</source>
        <translation>signature</translation>
    </message>
    <message>
        <location filename="../../ui/file_actions.py" line="25"/>
        <source>报告文件 (*.txt *.md *.text *.html *.htm *.docx *.pdf *.png *.jpg *.jpeg *.tif *.tiff);;所有文件 (*)</source>
        <translation>Report files (*.txt *.md *.text *.html *.htm *.docx *.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)</translation>
    </message>
</context>
</TS>
