"""Messages of what leaders read: who is late (per leader and unit), the charts, the Word documents in 公文 form
(`report --format docx`, `bulletin --format docx`), the report as one HTML page, `due --by leader`, and the web
view's own words. id -> (中文, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # who is late (reports/late.py, render/late.py)
    "late.s.leader": ("包案领导办理情况（谁超期）", "Who is late, per leader (包案)"),
    "late.s.unit": ("责任单位办理情况", "Who is late, per responsible unit"),
    "late.h.leader": ("包案领导", "leader"),
    "late.h.unit": ("责任单位", "unit"),
    "late.h.held": ("承办件数", "held"),
    "late.h.owed": ("应办结", "due by now"),
    "late.h.on_time": ("按期办结", "concluded on time"),
    "late.h.overdue": ("当前超期", "overdue now"),
    "late.h.on_time_pct": ("按期办结率", "on-time rate"),
    "late.h.satisfaction_pct": ("满意率", "satisfaction"),
    "late.nobody": ("（未确定）", "(none recorded)"),
    "late.note": (
        "口径：本期受理（不含不予受理、不再受理）的信访件；应办结＝截至{day}已办结或已过办理时限；"
        "按期办结率＝按期办结÷应办结；满意率＝（满意＋基本满意）÷已评价，未评价的为“—”。",
        "Counted: petitions received in the period and not refused; due by now = concluded by {day} or past the"
        " handling limit on it; on-time rate = on time / due by now; satisfaction = (satisfied + basically"
        " satisfied) / rated, '—' where none was rated.",
    ),
    "late.sentence": (
        "截至{day}，{leaders}名下有超期未办结案件：{names}。",
        "As of {day}, {leaders} hold cases overdue: {names}.",
    ),
    "late.sentence_none": (
        "截至{day}，各包案领导名下均无超期未办结案件。",
        "As of {day}, no leader holds an overdue case.",
    ),
    "late.who": ("{name}{overdue}件", "{name} {overdue}"),
    "late.leaders": ("{count}名包案领导", "{count} leaders"),
    # the charts (render/charts.py)
    "chart.villages.title": (
        "各村（社区）信访件次：{year}年与{previous}年同期",
        "Petitions per village: {year} against {previous}",
    ),
    "chart.villages.current": ("本期（{year}年）", "this period ({year})"),
    "chart.villages.previous": ("去年同期（{year}年）", "same dates {year}"),
    "chart.villages.target": (
        "按{whole}目标降{pct}%应到（去年同期×{share}）",
        "where the target of the {whole} (down {pct}%) would put it (last year × {share})",
    ),
    "chart.villages.vetoed": ("▲ {word}（红色）", "▲ {word} (red)"),
    "chart.villages.none": ("本期与去年同期均无信访", "no petitions in either period"),
    "chart.monthly.title": (
        "逐月信访件次：{year}年与{previous}年",
        "Petitions month by month: {year} against {previous}",
    ),
    "chart.monthly.current": ("{year}年", "{year}"),
    "chart.monthly.previous": ("{year}年", "{year}"),
    "chart.month": ("{month}月", "{month}"),
    "chart.axis.items": ("件次", "petitions"),
    "chart.not_installed": (
        "画图表要装 matplotlib：{install}",
        "charts need matplotlib: {install}",
    ),
    "chart.no_font": (
        "没有能显示中文的字体，图表会成方框：请安装字体（Debian/Ubuntu：apt-get install fonts-noto-cjk），"
        "或 {install}（含思源/Noto 中文字体），或用 GUSIDE_CJK_FONT 指定字体文件",
        "no font that shows Chinese (charts would show boxes): install one (Debian/Ubuntu: apt-get install"
        " fonts-noto-cjk), or {install} (it brings Noto Sans SC), or name a font file in"
        " GUSIDE_CJK_FONT",
    ),
    "chart.font_lacks": (
        "字体 {font} 缺少“{chars}”的字形，图表会成方框：请安装 fonts-noto-cjk 或用 GUSIDE_CJK_FONT 指定字体文件",
        "the font {font} has no glyph for '{chars}' (the chart would show boxes): install fonts-noto-cjk or name a"
        " font file in GUSIDE_CJK_FONT",
    ),
    "chart.bad_font": (
        "GUSIDE_CJK_FONT 指定的 {path} 不是可用的字体文件",
        "GUSIDE_CJK_FONT names {path}, which is not a usable font file",
    ),
}

MESSAGES |= {
    # the Word documents (render/documents.py, services/documents.py)
    "doc.office": (
        "{town}环境信访突出问题专项整治百日行动领导小组办公室",
        "{town} leading group office for the 100-day campaign on environmental petitions",
    ),
    "doc.addressee": ("各村（社区），镇各有关部门：", "To the villages and communities and the town's departments:"),
    "doc.cc": ("镇党委、镇政府主要领导", "the town's party secretary and mayor"),
    "doc.cc_label": ("抄送：", "Copy to: "),
    "doc.issued": ("{day}印发", "issued {day}"),
    "doc.report.title": ("{town}环境信访同比情况报告", "{town}: environmental petitions against last year"),
    "doc.bulletin.opening": (
        "现将{start}至{end}{whole}环境信访突出问题专项整治情况通报如下：",
        "This bulletin reports the environmental petitions of the {whole} from {start} to {end}:",
    ),
    "doc.report.opening": (
        "现将{start}至{end}{whole}环境信访情况（对比{prev_start}至{prev_end}）报告如下：",
        "This report sets the environmental petitions of the {whole} from {start} to {end} against {prev_start} to "
        "{prev_end}:",
    ),
    "doc.part": (
        "{name}{current}件次，去年同期{previous}件次，{moved}，目标下降{target}，{state}",
        "{name}: {current} against {previous} a year before, {moved}; target down {target}: {state}",
    ),
    "doc.part.no_baseline": (
        "{name}{current}件次，去年同期为零，无基数",
        "{name}: {current}, none a year before (no baseline)",
    ),
    "doc.town": (
        "{start}至{end}，{whole}{total}；{escalated}。",
        "From {start} to {end}, {whole}: {total}; {escalated}.",
    ),
    "doc.veto": ("{village}{reasons}，列入{word}{pending}。", "{village}: {reasons}; {word}{pending}."),
    "doc.veto.pending": ("，待年终认定", ", to be judged at year end"),
    "doc.veto.none": ("本期无一票否决情形。", "No village meets a veto trigger in the period."),
    "doc.named": (
        "{village}：{reasons}，涉及案件{cases}。列为{action}对象。",
        "{village}: {reasons}; cases {cases}. Named for {action}.",
    ),
    "doc.named.none": ("本期无专项督办、约谈对象。", "No village is named for supervision or a talk."),
    "doc.named.rules": (
        "（增幅较大：同比上升至少{count}件且至少{share}%；销号率要求{pct}。被通报约谈的村（社区）主要负责人须到镇领导小组办公室说明情况、限期整改。）",
        "(up sharply: by at least {count} and {share}%; closure rate required {pct}. The heads of villages named"
        " for a talk explain to the leading group office and put it right within a set time.)",
    ),
    "doc.downgrade.none": ("本期无应降级的企业。", "No enterprise is to be downgraded."),
    "doc.h.overview": ("一、总体情况", "1. Overview"),
    "doc.h.villages": ("二、各村（社区）情况", "2. Villages and communities"),
    "doc.h.named": ("三、专项督办与约谈", "3. Supervision and talks"),
    "doc.h.veto": ("四、一票否决", "4. Veto"),
    "doc.h.late": ("五、包案领导与责任单位办理情况", "5. Who is late: leaders and units"),
    "doc.h.downgrade": ("六、应降级的企业（环保信用评价）", "6. Enterprises to downgrade"),
    "doc.h.handling": ("三、案件办理", "3. Case handling"),
    "doc.h.report_late": ("四、包案领导与责任单位办理情况", "4. Who is late: leaders and units"),
    "doc.h.monthly": ("五、逐月情况", "5. Month by month"),
    "doc.handling": (
        "本期登记{registered}件，已销号{closed}件，销号率{rate}；在办{open}件，其中超期{overdue}件。",
        "{registered} registered, {closed} struck off ({rate}); {open} open, {overdue} of them overdue.",
    ),
    "doc.figure": ("图{n}　{caption}", "Figure {n}. {caption}"),
    "doc.written": ("已写入 {path}（Word 文档）", "Written to {path} (a Word document)"),
    "doc.html_written": ("已写入 {path}", "Written to {path}"),
    "doc.needs_out": (
        "Word 文档不能显示在终端上：用 --out 文件名.docx 写入文件",
        "a Word document cannot be shown on a terminal: write it with --out FILE.docx",
    ),
    "doc.not_installed": (
        "生成 Word 文档要装 python-docx：{install}",
        "Word documents need python-docx: {install}",
    ),
    "doc.options_without_docx": (
        "--number、--office、--cc 只用于 --format docx",
        "--number, --office and --cc go with --format docx only",
    ),
    "help.doc.number": ("文号，如 顾信办〔2018〕3号（docx）", "Document number, e.g. 顾信办〔2018〕3号 (docx)"),
    "help.doc.office": ("发文机关（docx；默认领导小组办公室）", "Issuing office (docx; the leading group office)"),
    "help.doc.cc": ("抄送（docx）", "Copy to (docx)"),
}

# the web view's chrome: the words put in place of Datasette's own in its templates (web/chrome.py)
MESSAGES |= {
    "web.w.menu": ("菜单", "Menu"),
    "web.w.powered": ("由 Datasette 提供的只读视图", "a read-only view powered by Datasette"),
    "web.w.license": ("数据许可：", "Data license:"),
    "web.w.source": ("数据来源：", "Data source:"),
    "web.w.about": ("说明：", "About:"),
    "web.w.views": ("视图", "views"),
    "web.w.rows": ("行", "rows"),
    "web.w.home": ("首页", "home"),
    "web.w.public": ("公开视图", "public view"),
    "web.w.raw": ("原始数据", "raw data"),
    "web.w.edit_sql": ("修改 SQL", "Edit SQL"),
    "web.w.hide_sql": ("隐藏 SQL", "hide"),
    "web.w.show_sql": ("显示 SQL", "show"),
    "web.w.took": ("查询用时", "queries took"),
    "web.w.many_rows": ("行数很多", "many rows"),
    "web.w.total": ("共", "in all"),
    "web.w.queries": ("查询（带表单）", "Queries (with a form)"),
    "web.w.tables": ("数据表", "Tables"),
    "web.w.hidden": ("（隐藏）", " (hidden)"),
    "web.w.table_actions": ("表格操作", "Table actions"),
    "web.w.custom_sql": ("自定义查询（SQL）", "Custom SQL query"),
    "web.w.format_sql": ("整理 SQL", "Format SQL"),
    "web.w.run": ("查询", "Run"),
    "web.w.download_db": ("下载数据库文件：", "Download the database:"),
    "web.w.results": ("查询结果", "Results"),
    "web.w.more_than": ("超过", "more than"),
    "web.w.parameters": ("查询条件", "Query parameters"),
    "web.w.this_data_as": ("下载本页数据：", "Download this data: "),
    "web.w.csv": ("CSV（Excel 可打开）", "CSV (opens in Excel)"),
    "web.w.zero_results": ("没有符合条件的记录", "No rows match"),
    "web.w.immutable": ("数据库只读，此查询不能执行。", "The database is read-only: this query cannot run."),
    "web.w.filtered": ("（已筛选、排序）", "(filtered, sorted)"),
    "web.w.search": ("搜索：", "Search:"),
    "web.w.remove_filter": ("去掉条件", "remove filter"),
    "web.w.column": ("列", "column"),
    "web.w.sort": ("排序…", "Sort…"),
    "web.w.sort_by": ("排序：", "Sort by: "),
    "web.w.descending": ("降序", "descending"),
    "web.w.apply": ("筛选", "Apply"),
    "web.w.view_sql": ("查看 SQL", "View the SQL"),
    "web.w.advanced": ("更多下载方式", "more download options"),
    "web.w.facets_timed_out": ("以下分类统计超时：", "These facets timed out:"),
    "web.w.next_page": ("下一页", "Next page"),
    "web.w.json_shape": ("JSON 格式：", "JSON shape:"),
    "web.w.csv_options": ("CSV 选项：", "CSV options:"),
    "web.w.download_file": ("下载为文件", "download a file"),
    "web.w.expand_labels": ("展开标签", "expand labels"),
    "web.w.stream_all": ("全部行", "all rows"),
    "web.w.export_csv": ("导出 CSV", "Export CSV"),
    "web.w.zero_records": ("没有记录", "No records"),
    "web.w.links_from": ("其他表中的关联", "Links from other tables"),
    "web.w.suggested_facets": ("可按以下列分类统计：", "Columns to count by:"),
}

# the web view's pages (web/leaders.py, web/site.py)
MESSAGES |= {
    "web.bad_year": (
        "年份须是四位数字，如 2018，不是“{text}”",
        "the year takes four digits, such as 2018, not '{text}'",
    ),
    "web.bad_box": ("输入有误", "Input not understood"),
    "web.home": ("返回首页", "Back to the front page"),
    "web.report.title": ("信访同比报告（达标、一票否决、谁超期）", "The report: targets, veto, who is late"),
    "web.report.submit": ("查看", "Show"),
    "web.report.off": ("报告页未启用", "the report page is not set up"),
    "web.hint.year": ("如 2018；空为今年", "e.g. 2018; empty: this year"),
    "web.hint.date": ("如 2018/6/30、6月30日；空为全年或至今", "e.g. 2018/6/30; empty: the whole year or to date"),
    "web.hint.village": ("如 红豆村 或 红豆；空为全部", "e.g. 红豆村 or 红豆; empty: all"),
}

# due --by leader (commands/deadlines.py, render/cases.py)
MESSAGES |= {
    "due.leader": (
        "{leader}：{count} 件须办结，最早 {first} 到期",
        "{leader}: {count} to finish, the first due {first}",
    ),
    "due.by": (
        "--by 只能是 leader（按包案领导分组），不是“{by}”",
        "--by takes leader (grouped per leader), not '{by}'",
    ),
    "help.due.by": (
        "按包案领导分组（leader）：每位领导须在期限内办结的案件，用于催办",
        "Group by leader: what each must finish",
    ),
    "help.due.working": (
        "N 按工作日计（跳过周末和法定节假日，调休上班日照常）",
        "Count N in working days (weekends and public holidays skipped)",
    ),
}
