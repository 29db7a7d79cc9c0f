"""Messages of the reports: the leadership report and its targets, the supervision bulletin, the campaign's
commands, reception days, 约谈 and exposure, and the demo; their help texts. id -> (中文, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # the period and the report's options (reports/periods.py, services/report.py, storage/reports.py)
    "report.period_empty": (
        "时段 {start}..{end} 是空的：起日不能晚于止日",
        "the period {start}..{end} is empty: the start must not be after the end",
    ),
    "report.as_of_outside": ("--as-of {on} 不在 {year} 年内", "--as-of {on} is not in {year}"),
    "report.year_or_range": (
        "--year/--as-of 与 --from/--to 只能二选一",
        "give either --year/--as-of or --from/--to, not both",
    ),
    "report.range_both_ends": (
        "--from 和 --to 须同时给出：写明时段的起止",
        "--from and --to go together: give both ends of the period",
    ),
    "report.unknown_measure": (
        "未知的统计口径“{measure}”：用 items（件次）或 persons（人次）",
        "unknown measure '{measure}': use items (件次) or persons (人次)",
    ),
    "report.unknown_breakdown": (
        "未知的分类“{by}”：可用 {known}",
        "unknown breakdown '{by}': use one of {known}",
    ),
    "report.bad_percent": (
        "{option} 取百分数，如 30 或 27.5，不是“{text}”",
        "{option} takes a percentage such as 30 or 27.5, not '{text}'",
    ),
    "report.percent_range": (
        "{option} 须在 0 至 100 之间，不是 {text}",
        "{option} must be between 0 and 100, not {text}",
    ),
    # the report, rendered (render/report.py, render/judgement.py, render/report_tables.py)
    "report.measure.items": ("件次", "petitions"),
    "report.measure.persons": ("人次", "person-times"),
    "report.title": (
        "{town}环境信访同比情况（{start} 至 {end}，对比 {prev_start} 至 {prev_end}，{unit}）",
        "{town} environmental petitions, {start}..{end} against {prev_start}..{prev_end} ({unit})",
    ),
    "report.verdict": ("结论：{total}；{escalated}。", "Verdict: {total}; {escalated}."),
    "report.verdict.no_baseline": ("{name}去年同期为零，无基数", "{name}: no baseline last year"),
    "report.verdict.down": ("下降{pct}%", "down {pct}%"),
    "report.verdict.up": ("上升{pct}%", "up {pct}%"),
    "report.verdict.part": ("{name}{moved}（目标{target}）{state}", "{name} {moved} (target {target}): {state}"),
    "report.verdict.met": ("达标", "met"),
    "report.verdict.not_met": ("未达标", "NOT met"),
    "report.verdict.veto": ("一票否决：{villages}。", "Veto: {villages}."),
    "report.verdict.veto_warning": (
        "一票否决预警：{villages}，待年终认定。",
        "Veto warning: {villages}, to be judged at year end.",
    ),
    "report.veto": ("一票否决", "veto"),
    "report.veto_warning": ("一票否决预警", "veto warning"),
    "report.veto_reason.escalated_rise": ("到部去省不降反升", "escalated rose"),
    "report.veto_reason.key_repeat_unresolved": ("重点重复信访化解不力", "key repeat case unresolved"),
    "report.no_petitions": ("无信访", "none"),
    "report.met": ("✓ 达标", "✓ met"),
    "report.not_met": ("✗ 未达标", "✗ not met"),
    "report.row.total": ("信访总量", "total"),
    "report.row.escalated": ("越级赴京到省", "escalated (province/Beijing)"),
    "report.row.not_accepted": ("其中不予受理", "of which not accepted"),
    "report.row.total_new": ("总量（不含重复信访）", "total without repeats"),
    "report.row.escalated_new": ("越级（不含重复信访）", "escalated without repeats"),
    "report.h.measure": ("指标", "measure"),
    "report.h.current": ("本期", "current"),
    "report.h.previous": ("去年同期", "previous"),
    "report.h.reduction": ("降幅", "reduction"),
    "report.h.target": ("目标", "target"),
    "report.h.met": ("达标", "met"),
    "report.h.village": ("属地", "village"),
    "report.h.total": ("总量", "total"),
    "report.h.prev": ("同期", "prev"),
    "report.h.change": ("增减", "change"),
    "report.h.escalated": ("越级", "escalated"),
    "report.h.overdue_repeats": ("重点重复信访超期", "overdue repeats"),
    "report.h.figure": ("指标", "figure"),
    "report.h.value": ("数值", "value"),
    "report.h.allowance": ("全年上限内尚可", "allowance left"),
    "report.h.projected": ("全年预测", "projected year end"),
    "report.h.month": ("月份", "month"),
    "report.h.this_year": ("本年", "this year"),
    "report.h.last_year": ("上年", "last year"),
    "report.month": ("{month}月", "{month}"),
    "report.not_recorded": ("（未填）", "(not recorded)"),
    "report.numbers": ("{count} 件：{numbers}", "{count}: {numbers}"),
    "report.handling.registered": ("登记", "registered"),
    "report.handling.accepted": ("受理", "accepted"),
    "report.handling.not_accepted": ("不予受理", "not accepted"),
    "report.handling.not_accepted_again": ("不再受理", "not accepted again"),
    "report.handling.concluded": ("办结", "concluded"),
    "report.handling.closed": ("已销号", "closed"),
    "report.handling.closure_rate": ("销号率", "closure rate"),
    "report.handling.open": ("在办", "open"),
    "report.handling.overdue": ("超期", "overdue"),
    "report.handling.reopened": ("重新打开", "reopened"),
    "report.handling.median_days": ("办结天数中位数", "median days to close"),
    "report.handling.contacted_24h": ("24小时内联系信访人", "contacted within 24h"),
    "report.extras.group_visits": ("集体访（来访5人以上）件次", "group visits (5+ visitors)"),
    "report.extras.group_visit_persons": ("集体访人次", "group visit persons"),
    "report.extras.persons": ("信访人次", "persons"),
    "report.extras.carried_over": ("积案（期初未销号）", "carried over"),
    "report.extras.over_a_year": ("其中超过1年", "of which over 1 year"),
    "report.extras.carried_over_closed": ("积案本期销号", "carried over, closed"),
    "report.extras.accepted": ("受理", "accepted"),
    "report.extras.contact_24h": ("24小时内联系", "contact ≤24h"),
    "report.extras.arrival_24h": ("24小时内到场", "arrival ≤24h"),
    "report.extras.mediation_24h": ("24小时内调处", "mediation ≤24h"),
    "report.extras.all_three_24h": ("三个第一均做到", "all three ≤24h"),
    "report.s.town": ("全镇", "town"),
    "report.s.towns": ("各镇合计（{n}个）", "{n} towns"),
    "report.in.towns": ("各镇（共{n}个）", "{n} towns"),
    "report.s.villages": ("各村（社区），问题最突出的在前", "villages, worst first"),
    "report.s.handling": ("案件办理（本期登记的信访件）", "case handling (petitions received in the period)"),
    "report.s.extras": ("集体访、积案与三个第一", "group visits, carried over, the three firsts"),
    "report.s.candidates": (
        "重点重复信访候选（12个月内同一事项3次以上，用 guside key-cases mark 标记）",
        "key repeat candidates (3+ on one matter in 12 months; mark with guside key-cases mark)",
    ),
    "report.s.outlook": ("年内余量与预测（对比上年全年）", "allowance and projection (against last full year)"),
    "report.s.breakdown": ("分类统计", "breakdown"),
    "report.s.monthly": ("逐月对比", "month by month"),
    # targets (commands/report.py)
    "report.targets_set": (
        "{year} 年目标：总量下降 ≥ {total}%，越级下降 ≥ {escalated}%",
        "{year} targets: total down ≥ {total} %, escalated down ≥ {escalated} %",
    ),
    "report.h.year": ("年份", "year"),
    "report.h.total_target": ("总量降幅目标%", "total %"),
    "report.h.escalated_target": ("越级降幅目标%", "escalated %"),
    "report.town_row": ("（全镇）", "(town)"),
    # the demo (commands/demo.py)
    "report.demo.is_ledger": (
        "{path} 是您的台账（--db / GUSIDE_DB）：请给演示另一个 --out",
        "{path} is your ledger (--db / GUSIDE_DB): give the demo another --out",
    ),
    "report.demo.exists": (
        "{path} 已存在：加 --force 覆盖，或换一个 --out",
        "{path} exists: pass --force to replace it, or another --out",
    ),
    "report.demo.bad_sample": (
        "sample_data/petitions.csv 第 {row} 行：{problem}（请重新安装 guside）",
        "sample_data/petitions.csv row {row}: {problem} (reinstall guside)",
    ),
    "report.demo.built": (
        "演示台账：{path}（信访 {petitions} 件，调处记录 {steps} 条），以 {today} 为今天",
        "Demo ledger: {path} ({petitions} petitions, {steps} steps), seen from {today}",
    ),
    # the supervision bulletin (render/bulletin.py, commands/bulletin.py)
    "bulletin.reason.veto": ("一票否决情形", "a veto trigger"),
    "bulletin.reason.veto_warning": ("一票否决预警情形（待年终认定）", "a veto warning (judged at year end)"),
    "bulletin.reason.total_up": ("信访总量增幅较大", "petitions up sharply year on year"),
    "bulletin.reason.escalated_up": ("越级赴京到省信访增幅较大", "escalated petitions up sharply"),
    "bulletin.reason.long_open_escalated": ("越级信访超期未结（久拖不决）", "escalated cases open past the limit"),
    "bulletin.reason.low_closure": ("销号率低于要求", "closure rate under the threshold"),
    "bulletin.action.interview": ("约谈", "talk"),
    "bulletin.action.supervise": ("专项督办", "supervision"),
    "bulletin.named": (
        "{village}（{action}）：{reasons}。涉及案件：{cases}",
        "{village} ({action}): {reasons}. Cases: {cases}",
    ),
    "bulletin.none": ("无", "none"),
    "bulletin.interview_held": (
        "{village}：{named_on} 通报约谈，已于 {held_on} 由 {held_by} 约谈",
        "{village}: named {named_on}, held {held_on} by {held_by}",
    ),
    "bulletin.interview_owed": ("{village}：{named_on} 通报约谈，尚未约谈", "{village}: named {named_on}, still owed"),
    "bulletin.downgrade": (
        "{enterprise}：由{rating}降为{should_be}（{why}）",
        "{enterprise}: {rating} → {should_be} ({why})",
    ),
    "bulletin.heading": (
        "{town}环境信访突出问题专项整治督查通报",
        "{town}: supervision bulletin on environmental petitions",
    ),
    "bulletin.s.ranked": ("一、各村（社区）排名（问题最突出的在前）", "1. Villages ranked, worst first"),
    "bulletin.s.named": ("二、专项督办与约谈对象", "2. Villages named for supervision or a talk with their heads"),
    "bulletin.closure_threshold": ("（销号率要求：{pct}）", "(closure rate threshold: {pct})"),
    "bulletin.s.interviews": (
        "约谈落实情况（往期通报）",
        "Talks (约谈) named by earlier bulletins: held and owed",
    ),
    "bulletin.s.downgrade": ("三、应降级的企业（环保信用评价）", "3. Enterprises to downgrade"),
    "bulletin.format": (
        "--format 只能是 auto、markdown、text、json、html 或 docx",
        "--format takes auto, markdown, text, json, html or docx",
    ),
    "bulletin.written": ("督查通报已写入 {path}", "Bulletin written to {path}"),
    # help texts (app.py translates ids written as help; a command's own is help.cmd.<name>)
    "help.cmd.report": (
        "领导看的同比报告：对照 30% / 25% 降幅目标，全镇和各村（社区）。\n\n"
        "含一票否决、案件办理；当年未过完时，另列全年余量与预测。终端上用分页器。\n\n"
        "示例：guside report --year 2018 ；guside report --from 2018-06-01 --to 2018-09-15 --by level",
        "The leadership report: year-over-year reduction against the 30 % / 25 % targets, per village.\n\n"
        "With the 一票否决, case handling and, for a year still running, the allowance left and a projection. "
        "Through a pager on a terminal.\n\n"
        "Example: guside report --year 2018 ; guside report --from 2018-06-01 --to 2018-09-15 --by level",
    ),
    "help.report.as_of": ("年初至此日（同比同期）", "Year to this date (同比 with the same dates)"),
    "help.report.measure": ("统计口径：items 件次或 persons 人次", "items (件次) or persons (人次)"),
    "help.report.new_only": ("另列不含重复信访的数字", "Also show counts without repeats"),
    "help.report.by": (
        "按 level | form | source | pollution | leader | town 分类，可重复",
        "Breakdown: level|form|source|pollution|leader|town; repeatable",
    ),
    "help.report.target_total": ("本次改用的总量目标（%）", "Override the total target (%)"),
    "help.report.target_escalated": ("本次改用的越级目标（%）", "Override the escalated target (%)"),
    "help.report.format": (
        "格式：auto | table | text | markdown | csv | json | html（含图表的网页）| docx（公文格式 Word 文档）",
        "auto|table|text|markdown|csv|json|html (a page with charts)|docx (a Word document in 公文 form)",
    ),
    "help.report.out": ("写入此文件（原子写入）", "Write to this file (atomically) instead of stdout"),
    "help.cmd.target": (
        "各年的降幅目标（默认总量 30%、越级 25%）",
        "Reduction targets per year (30 % total / 25 % escalated by default)",
    ),
    "help.cmd.target set": (
        "设定某年的降幅目标（方案定 2018 年为 30% 和 25%），或某村（社区）自己的目标。\n\n"
        "示例：guside target set --year 2019 --total 20 --escalated 15 ；"
        "guside target set --village 红豆村 --year 2018 --total 30 --escalated 25",
        "Set a year's reduction targets (the plan's 2018 targets are 30 and 25), or a village's own.\n\n"
        "Example: guside target set --year 2019 --total 20 --escalated 15 ; "
        "guside target set --village 红豆村 --year 2018 --total 30 --escalated 25",
    ),
    "help.cmd.target list": (
        "列出台账中设定的目标（未列出的年份按 30 / 25）",
        "List the targets kept in the ledger (years not listed use 30 / 25)",
    ),
    "help.target.year": ("目标适用的年份", "The year the targets apply to"),
    "help.target.total": ("信访总量的最低降幅（%）", "Minimum reduction of all petitions, %"),
    "help.target.escalated": ("越级赴京到省信访的最低降幅（%）", "Minimum reduction of province/Beijing ones, %"),
    "help.target.village": (
        "某村（社区）自己的目标",
        "A village's own targets (the plan sets the town's only)",
    ),
    "help.cmd.bulletin": (
        "督查通报：各村（社区）排名、专项督办与约谈对象、应降级的企业。\n\n"
        "全镇对照两项目标；列出应通报督办或约谈的村（社区）（信访上升、越级上升、越级信访久拖不决、"
        "销号率低于要求），各附案件；以及环保信用评价应下调的企业。\n\n"
        "示例：guside bulletin --year 2018 --format html --out 督查通报.html",
        "The supervision bulletin (督查通报): villages ranked, named for supervision, enterprises to downgrade.\n\n"
        "The town against both targets; the villages to name for supervision or a talk (petitions up, escalated "
        "up, escalated cases 久拖不决, closure under the threshold, each with its cases); the enterprises whose "
        "rating must fall.\n\n"
        "Example: guside bulletin --year 2018 --format html --out 督查通报.html",
    ),
    "help.bulletin.as_of": ("年初至此日", "The year to this date"),
    "help.bulletin.format": (
        "格式：auto（终端上直接阅读，管道和文件中为 markdown） | markdown | text | json | html"
        " | docx（公文格式 Word 文档）",
        "auto (to read on a terminal; markdown when piped or to a file)|markdown|text|json|html|docx (公文 form)",
    ),
    "help.bulletin.out": ("写入此文件（原子写入） [默认：屏幕]", "File to write (atomically) [stdout]"),
    "help.bulletin.issue": (
        "登记为已印发：其中的约谈在 guside interview 记录前一直列为未落实",
        "Record it as issued: its 约谈 are owed until `guside interview`",
    ),
    "help.cmd.campaign": (
        "百日行动：各阶段起止及各阶段办理情况；未报书面报告的村（社区）。\n\n"
        "每个阶段：受理、受理告知、办结、销号、阶段末超期在办；全面梳理排查阶段另列要素齐全的比例。"
        "2018 年的阶段取自方案，台账中另设的除外。\n\n"
        "示例：guside campaign --year 2018 ；guside campaign set 排查 --from 2019-06-07 --to 2019-06-15",
        "百日行动: the campaign's phases with their dates and what happened in each; villages' written summaries "
        "missing.\n\n"
        "Per phase: received, accepted (受理告知), concluded, 销号, open past due at its end; for 全面梳理排查 the "
        "share of cases with every 建档 element. 2018's phases come from the plan unless set in the ledger.\n\n"
        "Example: guside campaign --year 2018 ; guside campaign set 排查 --from 2019-06-07 --to 2019-06-15",
    ),
    "help.cmd.campaign set": (
        "设定某年行动某阶段的起止日期（年份取 --from 的年份）。\n\n"
        "示例：guside campaign set 集中化解 --from 2019-06-16 --to 2019-08-15",
        "Set a phase's dates for a year's campaign (the year is the one of --from).\n\n"
        "Example: guside campaign set 集中化解 --from 2019-06-16 --to 2019-08-15",
    ),
    "help.cmd.campaign report": (
        "记录村（社区）报送的书面报告（集中化解情况和机制创新情况，2018 年 8 月 15 日前报送）。\n\n"
        "示例：guside campaign report 红豆村 --on 2018-08-10",
        "Record a village's written summary (集中化解情况和机制创新情况, due 8/15 in 2018).\n\n"
        "Example: guside campaign report 红豆村 --on 2018-08-10",
    ),
    "help.campaign.phase": (
        "阶段：动员/排查/化解/督查，或 mobilise|survey|resolve|review",
        "mobilise|survey|resolve|review, or 动员/排查/化解/督查",
    ),
    "help.campaign.from": ("阶段第一天", "First day of the phase"),
    "help.campaign.to": ("阶段最后一天", "Last day of the phase"),
    "help.campaign.village": ("报送的村（社区）", "The village or community that reported"),
    "help.campaign.on": ("书面报告收到的日期", "Date the written summary arrived"),
    "help.campaign.note": ("报告内容摘要", "What it covers"),
    "help.cmd.reception": ("环境信访日：领导每月接访", "环境信访日: the leaders' monthly reception day"),
    "help.cmd.reception add": (
        "记录一次环境信访日；当天登记的来访计为当日接访。\n\n"
        "示例：guside reception add --on 2018-06-20 --leader 王镇长 --village 红豆村",
        "Record a reception day (环境信访日); visits (来访) received that day count as taken there.\n\n"
        "Example: guside reception add --on 2018-06-20 --leader 王镇长 --village 红豆村",
    ),
    "help.cmd.reception list": (
        "全年逐月：哪位领导接访、当日接访登记几件，以及未开展的月份。\n\n示例：guside reception list --year 2018",
        "Each month of the year: who received, how many petitions were taken, and the months with none.\n\n"
        "Example: guside reception list --year 2018",
    ),
    "help.reception.on": ("接访日期", "The reception day"),
    "help.reception.leader": ("接访领导（镇党委、政府主要负责人）", "Who received (镇党委、政府主要负责人)"),
    "help.reception.note": ("说明", "A note"),
    "help.cmd.interview": (
        "记录对村（社区）负责人的约谈；下一期通报据此列为已约谈或尚未约谈。\n\n"
        "示例：guside interview 漍东村 --on 2018-09-01 --by 王镇长",
        "Record a 约谈 held with a village's head; the next bulletin shows it held, or still owed.\n\n"
        "Example: guside interview 漍东村 --on 2018-09-01 --by 王镇长",
    ),
    "help.interview.village": ("被约谈负责人所在的村（社区）", "The village whose head was talked to"),
    "help.interview.on": ("约谈日期", "The day of the 约谈"),
    "help.interview.by": ("约谈人", "Who held it"),
    "help.cmd.expose": (
        "将案件列入定时公开曝光；publish --selected 公开已列入的案件。\n\n"
        "示例：guside expose 2018-0042 --on 2018-07-01 ；guside expose（列出）；guside expose 2018-0042 --undo",
        "Mark a case for public exposure (定时公开曝光); `publish --selected` publishes the marked cases.\n\n"
        "Example: guside expose 2018-0042 --on 2018-07-01 ; guside expose (the list) ; guside expose 2018-0042 --undo",
    ),
    "help.expose.case": (
        "编号或序号；不填则列出曝光名单",
        "Case number or id (none: list the marked cases)",
    ),
    "help.expose.on": ("此日起公开 [默认今天]", "Publish on or after this day [today]"),
    "help.expose.undo": ("撤出曝光", "Withdraw the mark"),
    "help.cmd.demo": (
        "用 sample_data/ 建一个演示台账（顾山镇 2017—2018 年的虚构信访），并显示 2018 年的报告。\n\n"
        "演示以 2018-12-31 为今天，不动您自己的台账。\n\n"
        "示例：guside demo && guside --db ~/.config/guside/demo.db --today 2018-12-31 overdue",
        "Build a demo ledger from sample_data/ (fictional 2017–2018 petitions of 顾山镇) and print the 2018 report.\n\n"
        "The demo is seen from 2018-12-31. Your own ledger is not touched.\n\n"
        "Example: guside demo && guside --db ~/.config/guside/demo.db --today 2018-12-31 overdue",
    ),
    "help.demo.out": ("建在哪里 [默认 <程序目录>/demo.db，每次重建]", "Where to build it [<app dir>/demo.db, rebuilt]"),
    "help.demo.force": ("--out 已存在时覆盖", "Replace --out if it exists"),
    "report.year_not_begun": (
        "{year} 年还没有开始（今天是 {today}）：没有可比的数字；请选今年或以前的年份",
        "the year {year} has not begun (today is {today}): there is nothing to compare; choose this year or an "
        "earlier one",
    ),
}
