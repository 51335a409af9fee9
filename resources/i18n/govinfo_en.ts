<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../ui/summary.py" line="48"/>
        <source>没有待处理的问题</source>
        <translation>No open issues</translation>
    </message>
</context>
<context>
    <name>GridModel</name>
    <message>
        <location filename="../../ui/table_models.py" line="158"/>
        <source>印出：</source>
        <translation>Published: </translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="158"/>
        <location filename="../../ui/table_models.py" line="164"/>
        <source>（空白）</source>
        <translation>(blank)</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="161"/>
        <source>来源：第 </source>
        <translation>Source: table </translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="161"/>
        <source> 个表格，第 </source>
        <translation>, row </translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="162"/>
        <source> 行，第 </source>
        <translation>, column </translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="162"/>
        <source> 列</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="164"/>
        <source>更正为：</source>
        <translation>Corrected to: </translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="165"/>
        <source>状态：</source>
        <translation>State:</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="168"/>
        <source>［已接受］</source>
        <translation>[accepted] </translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="168"/>
        <source>［已补填］</source>
        <translation>[filled in] </translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="171"/>
        <source>（应为 </source>
        <translation> (expected </translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="171"/>
        <source>）</source>
        <translation>)</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="183"/>
        <source>只能填写数字、“/”（不适用）或留空：</source>
        <translation>Only a number, &quot;/&quot; (not applicable) or nothing can be entered: </translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../ui/widgets.py" line="118"/>
        <source>修改或接受的原因（记入修改记录）</source>
        <translation>Reason for the change or acceptance (goes into the ledger)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="119"/>
        <source>恢复原值</source>
        <translation>Restore published value</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="120"/>
        <source>按原样接受…</source>
        <translation>Accept as published…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="124"/>
        <source>印出值：</source>
        <translation>Published:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="125"/>
        <source>当前值：</source>
        <translation>Current:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="126"/>
        <source>状态：</source>
        <translation>State:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="127"/>
        <source>原因：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="144"/>
        <source>选择一个单元格</source>
        <translation>Select a cell</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="152"/>
        <location filename="../../ui/widgets.py" line="153"/>
        <source>（空白）</source>
        <translation>(blank)</translation>
    </message>
</context>
<context>
    <name>IssueModel</name>
    <message>
        <location filename="../../ui/table_models.py" line="270"/>
        <source>应为：</source>
        <translation>Expected: </translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../ui/widgets.py" line="96"/>
        <source>图例：</source>
        <translation>Legend:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="102"/>
        <location filename="../../ui/main_window.py" line="360"/>
        <source>表</source>
        <translation>Table </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="80"/>
        <location filename="../../ui/main_window.py" line="746"/>
        <source>无法打开工作区</source>
        <translation>Cannot open workspace</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="81"/>
        <source>
已改用新的工作区：</source>
        <translation>
Using a new workspace: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="90"/>
        <source>原文文本</source>
        <translation>Report text</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="91"/>
        <source>PDF 页面</source>
        <translation>PDF pages</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144"/>
        <source>报告队列</source>
        <translation>Report queue</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="151"/>
        <source>汇总</source>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="161"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="182"/>
        <source>打开报告…</source>
        <translation>Open reports…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="183"/>
        <source>打开文件夹…</source>
        <translation>Open folder…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="184"/>
        <source>最近打开</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186"/>
        <source>以指定编码打开…</source>
        <translation>Open with encoding…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>以其他编码重新打开…</source>
        <translation>Reopen with another encoding…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="188"/>
        <source>从源文件重新读取</source>
        <translation>Reload from source</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="190"/>
        <source>保存工作区</source>
        <translation>Save workspace</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="191"/>
        <source>工作区另存为…</source>
        <translation>Save workspace as…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="192"/>
        <source>打开工作区…</source>
        <translation>Open workspace…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="193"/>
        <source>导出数据集…</source>
        <translation>Export dataset…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="195"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="196"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="197"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="199"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="205"/>
        <source>编辑单元格（Enter）</source>
        <translation>Edit cell (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="206"/>
        <source>恢复原值</source>
        <translation>Restore published value</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="207"/>
        <source>按原样接受…</source>
        <translation>Accept as published…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="209"/>
        <source>首选项…</source>
        <translation>Preferences…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="210"/>
        <source>审核(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>下一个待处理问题</source>
        <translation>Next open issue</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="212"/>
        <source>上一个待处理问题</source>
        <translation>Previous open issue</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213"/>
        <source>查找原文…</source>
        <translation>Find in report…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="215"/>
        <source>签发本报告…</source>
        <translation>Sign off this report…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="216"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="221"/>
        <location filename="../../ui/main_window.py" line="788"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="262"/>
        <source>正在读取 </source>
        <translation>Reading </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="262"/>
        <source> 份报告…</source>
        <translation> reports…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="316"/>
        <location filename="../../ui/main_window.py" line="704"/>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="319"/>
        <source>已取消；</source>
        <translation>Cancelled; </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="319"/>
        <source>队列中共 </source>
        <translation>Queue holds </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="320"/>
        <source> 份报告</source>
        <translation> reports</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="376"/>
        <location filename="../../ui/main_window.py" line="472"/>
        <source>无法保存修改</source>
        <translation>Change not saved</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="376"/>
        <location filename="../../ui/main_window.py" line="472"/>
        <source>修改没有保存，工作区无法写入：</source>
        <translation>The change was not saved; the workspace cannot be written: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="380"/>
        <source>修改 </source>
        <translation>Change </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="380"/>
        <source>空白</source>
        <translation>blank</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="387"/>
        <source>审核人</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="387"/>
        <source>请输入审核人姓名（记入修改记录，只需输入一次）：</source>
        <translation>Your name as auditor (recorded in the ledger; asked once):</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="417"/>
        <source>无法修改</source>
        <translation>Cannot change</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="439"/>
        <source>恢复原值 </source>
        <translation>Restore published value </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="454"/>
        <source>没有需要接受的待处理问题</source>
        <translation>No open issue to accept</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="458"/>
        <source>按原样接受</source>
        <translation>Accept as published</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="459"/>
        <source>接受原因（例如：已与报告单位核实）：</source>
        <translation>Reason for accepting (e.g. confirmed with the agency):</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="465"/>
        <source>按原样接受 </source>
        <translation>Accept as published: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="465"/>
        <source> 项</source>
        <translation> issues</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="488"/>
        <source>此单元格在原文中没有对应的数字（空白或未印出）</source>
        <translation>This cell has no number in the source (blank or not printed)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="551"/>
        <source>无法显示 PDF 页面：</source>
        <translation>Cannot show the PDF pages: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="583"/>
        <source>没有待处理的问题了</source>
        <translation>No open issues left</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="598"/>
        <source>打开报告</source>
        <translation>Open reports</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="605"/>
        <source>打开文件夹（含子文件夹）</source>
        <translation>Open folder (with subfolders)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="617"/>
        <source>本报告已签发</source>
        <translation>This report is signed off</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="621"/>
        <source>签发</source>
        <translation>Sign off</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="621"/>
        <source>还有 </source>
        <translation>There are still </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="621"/>
        <source> 个错误、</source>
        <translation> errors and </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="622"/>
        <source> 个警告未处理。仍要签发吗？</source>
        <translation> warnings open. Sign off anyway?</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="632"/>
        <source>已签发：</source>
        <translation>Signed off: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="644"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="651"/>
        <source>以其他编码重新打开</source>
        <translation>Reopen with another encoding</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="651"/>
        <location filename="../../ui/main_window.py" line="684"/>
        <source>编码：</source>
        <translation>Encoding:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="664"/>
        <source>无法重新读取</source>
        <translation>Cannot read again</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="675"/>
        <source>已重新读取</source>
        <translation>Read again</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="680"/>
        <location filename="../../ui/main_window.py" line="684"/>
        <source>以指定编码打开</source>
        <translation>Open with encoding</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="714"/>
        <source>已保存：</source>
        <translation>Saved: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="718"/>
        <source>工作区另存为</source>
        <translation>Save workspace as</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="719"/>
        <source>审核工作区 (*.review.sqlite)</source>
        <translation>Review workspace (*.review.sqlite)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="732"/>
        <source>工作区已保存为 </source>
        <translation>Workspace saved as </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="736"/>
        <source>打开工作区</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="737"/>
        <source>审核工作区 (*.sqlite)</source>
        <translation>Review workspace (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="766"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="766"/>
        <source>还没有打开任何报告</source>
        <translation>No report is open yet</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="768"/>
        <source>导出到文件夹</source>
        <translation>Export to folder</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="775"/>
        <source>已导出 </source>
        <translation>Exported </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="775"/>
        <source> 个文件到 </source>
        <translation> files to </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="780"/>
        <source>首选项</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="780"/>
        <source>审核人姓名：</source>
        <translation>Auditor&apos;s name:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="788"/>
        <source>界面语言将在下次启动时切换。</source>
        <translation>The interface language changes at the next start.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="804"/>
        <source>错误 </source>
        <translation>Errors </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="804"/>
        <source> · 警告 </source>
        <translation> · warnings </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="804"/>
        <source> · 已接受 </source>
        <translation> · accepted </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="805"/>
        <source> · 修改 </source>
        <translation> · corrections </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="809"/>
        <source>自动保存的工作区</source>
        <translation>automatic workspace</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="814"/>
        <source>政府信息公开年报审核</source>
        <translation>Open Government Information Report Review</translation>
    </message>
</context>
<context>
    <name>OfficialTable</name>
    <message>
        <location filename="../../ui/widgets.py" line="47"/>
        <source>编辑单元格</source>
        <translation>Edit cell</translation>
    </message>
</context>
<context>
    <name>PdfPane</name>
    <message>
        <location filename="../../ui/pdf_view.py" line="42"/>
        <source>第 </source>
        <translation>Page </translation>
    </message>
    <message>
        <location filename="../../ui/pdf_view.py" line="55"/>
        <source>缩放</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../ui/pdf_view.py" line="70"/>
        <source> 页，共 </source>
        <translation> of </translation>
    </message>
    <message>
        <location filename="../../ui/pdf_view.py" line="70"/>
        <source> 页</source>
        <translation></translation>
    </message>
    <message>
        <location filename="../../ui/pdf_view.py" line="102"/>
        <source>（无页面）</source>
        <translation>(no pages)</translation>
    </message>
</context>
<context>
    <name>QueuePane</name>
    <message>
        <location filename="../../ui/queue.py" line="164"/>
        <source>按机关、年度或文件名筛选</source>
        <translation>Filter by agency, year or file name</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="166"/>
        <source>只看有错误</source>
        <translation>Errors only</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="167"/>
        <source>只看未签发</source>
        <translation>Not signed off only</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="209"/>
        <source>全部年度</source>
        <translation>All years</translation>
    </message>
</context>
<context>
    <name>RawPane</name>
    <message>
        <location filename="../../ui/raw_view.py" line="184"/>
        <source>查找原文…</source>
        <translation>Find in report…</translation>
    </message>
    <message>
        <location filename="../../ui/raw_view.py" line="186"/>
        <source>上一个</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../ui/raw_view.py" line="187"/>
        <source>下一个</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ui/raw_view.py" line="223"/>
        <source>未找到</source>
        <translation>Not found</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <location filename="../../ui/summary.py" line="73"/>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/summary.py" line="73"/>
        <location filename="../../ui/summary.py" line="75"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/summary.py" line="73"/>
        <location filename="../../ui/summary.py" line="75"/>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/summary.py" line="73"/>
        <source>涉及报告</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/summary.py" line="75"/>
        <source>机关</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../ui/summary.py" line="75"/>
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
        <translation>Warning (missing, prose, period)</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="11"/>
        <location filename="../../ui/table_models.py" line="32"/>
        <source>位置存疑</source>
        <translation>Uncertain placement</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="12"/>
        <source>空白（未印数字）</source>
        <translation>Blank (nothing printed)</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="13"/>
        <source>不适用（/）</source>
        <translation>Not applicable (/)</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="14"/>
        <location filename="../../ui/table_models.py" line="34"/>
        <source>已更正</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="15"/>
        <source>按原样接受</source>
        <translation>Accept as published</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="20"/>
        <source>机关</source>
        <translation>Agency</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="20"/>
        <source>年度</source>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="20"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="21"/>
        <location filename="../../ui/table_models.py" line="31"/>
        <location filename="../../ui/table_models.py" line="193"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="21"/>
        <location filename="../../ui/table_models.py" line="31"/>
        <location filename="../../ui/table_models.py" line="193"/>
        <source>警告</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="22"/>
        <source>审核状态</source>
        <translation>Review state</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="23"/>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="23"/>
        <source>审核中</source>
        <translation>In review</translation>
    </message>
    <message>
        <location filename="../../ui/queue.py" line="24"/>
        <source>已签发</source>
        <translation>Signed off</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="32"/>
        <source>空白</source>
        <translation>blank</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="33"/>
        <source>不适用</source>
        <translation>N/A</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="34"/>
        <location filename="../../ui/table_models.py" line="195"/>
        <source>已接受</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="35"/>
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="191"/>
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="191"/>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="192"/>
        <source>说明</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="192"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="194"/>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="195"/>
        <source>待处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="196"/>
        <source>已补填</source>
        <translation>Filled in</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="37"/>
        <source>报告文件 (*.txt *.md *.text *.html *.htm *.docx *.pdf);;所有文件 (*)</source>
        <translation>Report files (*.txt *.md *.text *.html *.htm *.docx *.pdf);;All files (*)</translation>
    </message>
</context>
</TS>
