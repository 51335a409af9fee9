<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>GridModel</name>
    <message>
        <location filename="../../ui/table_models.py" line="142"/>
        <source>印出：</source>
        <translation>Published: </translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="142"/>
        <location filename="../../ui/table_models.py" line="144"/>
        <source>（空白）</source>
        <translation>(blank)</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="144"/>
        <source>更正为：</source>
        <translation>Corrected to: </translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="145"/>
        <source>状态：</source>
        <translation>State:</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="148"/>
        <source>［已接受］</source>
        <translation>[accepted] </translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="148"/>
        <source>［已补填］</source>
        <translation>[filled in] </translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="151"/>
        <source>（应为 </source>
        <translation> (expected </translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="151"/>
        <source>）</source>
        <translation>)</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="163"/>
        <source>只能填写数字、“/”（不适用）或留空：</source>
        <translation>Only a number, &quot;/&quot; (not applicable) or nothing can be entered: </translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <location filename="../../ui/widgets.py" line="96"/>
        <source>修改或接受的原因（记入修改记录）</source>
        <translation>Reason for the change or acceptance (goes into the ledger)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="97"/>
        <source>恢复原值</source>
        <translation>Restore published value</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="98"/>
        <source>按原样接受…</source>
        <translation>Accept as published…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="102"/>
        <source>印出值：</source>
        <translation>Published:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="103"/>
        <source>当前值：</source>
        <translation>Current:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="104"/>
        <source>状态：</source>
        <translation>State:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="105"/>
        <source>原因：</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="122"/>
        <source>选择一个单元格</source>
        <translation>Select a cell</translation>
    </message>
    <message>
        <location filename="../../ui/widgets.py" line="130"/>
        <location filename="../../ui/widgets.py" line="131"/>
        <source>（空白）</source>
        <translation>(blank)</translation>
    </message>
</context>
<context>
    <name>IssueModel</name>
    <message>
        <location filename="../../ui/table_models.py" line="243"/>
        <source>应为：</source>
        <translation>Expected: </translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../ui/widgets.py" line="74"/>
        <source>图例：</source>
        <translation>Legend:</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="65"/>
        <location filename="../../ui/main_window.py" line="242"/>
        <source>表</source>
        <translation>Table </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="107"/>
        <source>报告</source>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source>文件(&amp;F)</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130"/>
        <source>打开报告…</source>
        <translation>Open reports…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131"/>
        <source>最近打开</source>
        <translation>Recent files</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>以其他编码重新打开…</source>
        <translation>Reopen with another encoding…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135"/>
        <source>保存工作区</source>
        <translation>Save workspace</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136"/>
        <source>工作区另存为…</source>
        <translation>Save workspace as…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137"/>
        <source>打开工作区…</source>
        <translation>Open workspace…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>导出数据集…</source>
        <translation>Export dataset…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>退出</source>
        <translation>Quit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>编辑(&amp;E)</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="142"/>
        <source>撤销</source>
        <translation>Undo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144"/>
        <source>重做</source>
        <translation>Redo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="150"/>
        <source>编辑单元格（Enter）</source>
        <translation>Edit cell (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="151"/>
        <source>恢复原值</source>
        <translation>Restore published value</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="152"/>
        <source>按原样接受…</source>
        <translation>Accept as published…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="154"/>
        <source>首选项…</source>
        <translation>Preferences…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="155"/>
        <source>审核(&amp;R)</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="156"/>
        <source>下一个待处理问题</source>
        <translation>Next open issue</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="157"/>
        <source>上一个待处理问题</source>
        <translation>Previous open issue</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="158"/>
        <source>查找原文…</source>
        <translation>Find in report…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="159"/>
        <source>视图(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="161"/>
        <location filename="../../ui/main_window.py" line="552"/>
        <source>界面语言</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="187"/>
        <source>无法打开</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="264"/>
        <source>修改 </source>
        <translation>Change </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="264"/>
        <source>空白</source>
        <translation>blank</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271"/>
        <source>审核人</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271"/>
        <source>请输入审核人姓名（记入修改记录，只需输入一次）：</source>
        <translation>Your name as auditor (recorded in the ledger; asked once):</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="299"/>
        <source>无法修改</source>
        <translation>Cannot change</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="321"/>
        <source>恢复原值 </source>
        <translation>Restore published value </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="336"/>
        <source>没有需要接受的待处理问题</source>
        <translation>No open issue to accept</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="340"/>
        <source>按原样接受</source>
        <translation>Accept as published</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="341"/>
        <source>接受原因（例如：已与报告单位核实）：</source>
        <translation>Reason for accepting (e.g. confirmed with the agency):</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="347"/>
        <source>按原样接受 </source>
        <translation>Accept as published: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="347"/>
        <source> 项</source>
        <translation> issues</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="364"/>
        <source>此单元格在原文中没有对应的数字（空白或未印出）</source>
        <translation>This cell has no number in the source (blank or not printed)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="426"/>
        <source>没有待处理的问题了</source>
        <translation>No open issues left</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="441"/>
        <source>打开报告</source>
        <translation>Open reports</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="452"/>
        <source>（无）</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="459"/>
        <source>以其他编码重新打开</source>
        <translation>Reopen with another encoding</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="459"/>
        <source>编码：</source>
        <translation>Encoding:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="464"/>
        <source>无法重新打开</source>
        <translation>Cannot reopen</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="474"/>
        <source>已重新打开</source>
        <translation>Reopened</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="484"/>
        <source>已保存：</source>
        <translation>Saved: </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="488"/>
        <source>工作区另存为</source>
        <translation>Save workspace as</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="489"/>
        <source>审核工作区 (*.review.sqlite)</source>
        <translation>Review workspace (*.review.sqlite)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="502"/>
        <source>工作区已保存为 </source>
        <translation>Workspace saved as </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="506"/>
        <source>打开工作区</source>
        <translation>Open workspace</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="507"/>
        <source>审核工作区 (*.sqlite)</source>
        <translation>Review workspace (*.sqlite)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="530"/>
        <source>导出</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="530"/>
        <source>还没有打开任何报告</source>
        <translation>No report is open yet</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="532"/>
        <source>导出到文件夹</source>
        <translation>Export to folder</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="539"/>
        <source>已导出 </source>
        <translation>Exported </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="539"/>
        <source> 个文件到 </source>
        <translation> files to </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="544"/>
        <source>首选项</source>
        <translation>Preferences</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="544"/>
        <source>审核人姓名：</source>
        <translation>Auditor&apos;s name:</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="552"/>
        <source>界面语言将在下次启动时切换。</source>
        <translation>The interface language changes at the next start.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="568"/>
        <source>错误 </source>
        <translation>Errors </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="568"/>
        <source> · 警告 </source>
        <translation> · warnings </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="568"/>
        <source> · 已接受 </source>
        <translation> · accepted </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="569"/>
        <source> · 修改 </source>
        <translation> · corrections </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="573"/>
        <source>自动保存的工作区</source>
        <translation>automatic workspace</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="578"/>
        <source>政府信息公开年报审核</source>
        <translation>Open Government Information Report Review</translation>
    </message>
</context>
<context>
    <name>OfficialTable</name>
    <message>
        <location filename="../../ui/widgets.py" line="43"/>
        <source>编辑单元格</source>
        <translation>Edit cell</translation>
    </message>
</context>
<context>
    <name>RawPane</name>
    <message>
        <location filename="../../ui/raw_view.py" line="182"/>
        <source>查找原文…</source>
        <translation>Find in report…</translation>
    </message>
    <message>
        <location filename="../../ui/raw_view.py" line="184"/>
        <source>上一个</source>
        <translation>Previous</translation>
    </message>
    <message>
        <location filename="../../ui/raw_view.py" line="185"/>
        <source>下一个</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../ui/raw_view.py" line="221"/>
        <source>未找到</source>
        <translation>Not found</translation>
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
        <location filename="../../ui/table_models.py" line="31"/>
        <location filename="../../ui/table_models.py" line="173"/>
        <source>错误</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="31"/>
        <location filename="../../ui/table_models.py" line="173"/>
        <source>警告</source>
        <translation>Warning</translation>
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
        <location filename="../../ui/table_models.py" line="175"/>
        <source>已接受</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="35"/>
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="171"/>
        <source>级别</source>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="171"/>
        <source>规则</source>
        <translation>Rule</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="172"/>
        <source>说明</source>
        <translation>Message</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="172"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="174"/>
        <source>提示</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="175"/>
        <source>待处理</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../ui/table_models.py" line="176"/>
        <source>已补填</source>
        <translation>Filled in</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="26"/>
        <source>报告文件 (*.txt *.md *.text);;所有文件 (*)</source>
        <translation>Report files (*.txt *.md *.text);;All files (*)</translation>
    </message>
</context>
</TS>
