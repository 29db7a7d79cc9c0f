"""Messages of the desk at a terminal: dates as clerks type them, the guided `add`, tables and their notes,
help texts of the root, of add/list/show/summary and of the shared options. id -> (中文, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # dates (core/dates.py)
    "date.not_a_date": (
        "“{text}”不是日期：请写成 2018-06-07、2018/6/7、2018年6月7日、6月7日、6.7、今天或昨天",
        "'{text}' is not a date: write it as 2018-06-07, 2018/6/7, 2018年6月7日, 6月7日, 6.7, today or yesterday",
    ),
    "date.not_real": ("“{text}”不是真实的日期（{why}）", "'{text}' is not a real date ({why})"),
    "date.not_real_time": ("“{text}”不是真实的时间（{why}）", "'{text}' is not a real time ({why})"),
    "date.time_not_wanted": (
        "“{text}”带有时刻，这里只要日期：请去掉时刻",
        "'{text}' has a time of day where only a date is wanted: drop the time",
    ),
    "date.now_with_time": ("“{text}”：“现在”不能再带时刻", "'{text}': 'now' takes no time of day"),
    "date.not_a_time": (
        "“{text}”：“{time}”不是时刻；请写成 09:30、9时30分或下午3点",
        "'{text}': '{time}' is not a time of day; write it as 09:30, 9时30分 or 下午3点",
    ),
    "date.not_real_time_of_day": (
        "“{text}”：“{time}”不是真实的时刻（{why}）",
        "'{text}': '{time}' is not a time of day ({why})",
    ),
    "date.year_range": (
        "年份 {year} 不对：请写四位数年份，{first} 至 {last}",
        "year {year} is not right: write four digits, {first} to {last}",
    ),
    "date.period_empty": (
        "时段 {begin}..{end} 是空的：--from 不能晚于 --to",
        "the period {begin}..{end} is empty: --from must not be after --to",
    ),
    # the guided add (commands/guided.py, commands/prompts.py)
    "add.missing": (
        "缺少必填项 {flags}：没有终端可以询问，请用选项给出",
        "missing required field(s) {flags}: give them as options (no terminal to ask on)",
    ),
    "ask.intro": (
        "登记信访件：逐项填写，回车取方括号中的默认值，Tab 补全，Ctrl-C 取消",
        "Register a petition: answer each item; Enter takes the default in brackets, Tab completes, Ctrl-C cancels",
    ),
    "ask.received": ("登记时间", "Received at"),
    "ask.village": ("属地（村/社区）", "Village"),
    "ask.form": ("信访形式", "Form"),
    "ask.level": ("信访层级", "Level"),
    "ask.source": ("来源", "Source"),
    "ask.pollution": ("污染类型", "Pollution"),
    "ask.subject": ("反映问题", "Subject"),
    "ask.persons": ("涉及人数", "Persons involved"),
    "ask.petitioner": ("信访人", "Petitioner"),
    "ask.phone": ("联系电话", "Phone"),
    "ask.leader": ("包案领导", "Leader in charge"),
    "ask.outcome": ("办理结果", "Outcome"),
    "ask.kind": ("调处环节", "Kind of step"),
    "ask.note": ("情况说明", "What was done and found"),
    "ask.now": ("现在", "now"),
    "ask.optional": ("（可不填）", " (optional)"),
    "ask.several": ("（可多选，用空格或、分隔）", "(several: separate with spaces or commas)"),
    "ask.reason": ("  ✗ {reason}；请重新输入", "  ✗ {reason}; try again"),
    "ask.required": ("此项必填", "this item is required"),
    "ask.not_a_choice": (
        "“{answer}”不是可选项：请输入序号或名称",
        "'{answer}' is not one of the choices: type its number or name",
    ),
    "ask.unknown_village": ("没有“{name}”这个村（社区）：{hint}", "there is no village '{name}': {hint}"),
    "ask.did_you_mean": ("可能是 {names}", "perhaps {names}"),
    "ask.bad_phone": (
        "“{answer}”不是电话号码：手机 11 位、以 13–19 开头，座机先写区号（0510-86001234）",
        "'{answer}' is not a phone number: a mobile has 11 digits starting 13-19, a landline its area code first "
        "(0510-86001234)",
    ),
    "ask.tab_for_villages": ("按 Tab 查看已有的村（社区）", "press Tab to see the villages"),
    "ask.unknown_leader": (
        "没有“{name}”这位领导；已有：{known}",
        "there is no leader '{name}'; the leaders are: {known}",
    ),
    "ask.too_long": (
        "共 {length} 个字，最多 {limit} 个：请缩短",
        "{length} characters long; at most {limit}: shorten it",
    ),
    "ask.bad_persons": (
        "“{answer}”不是人数：请写 1 至 {most} 之间的一个数，如 6、六 或 6人",
        "'{answer}' is not a number of persons: one number from 1 to {most}, such as 6 or 6人",
    ),
    "ask.confirm": ("确认保存？", "Save this case? "),
    "ask.cancelled": ("已取消，未保存", "cancelled: nothing was saved"),
    # tables and output (render/output.py, render/cases.py)
    "output.format_unavailable": (
        "这里不能用 {format} 格式：请用 table、text 或 csv",
        "format {format} is not available here: use table, text or csv",
    ),
    # the weekly summary (commands/summary.py)
    "summary.overdue": ("超期 {count} 件", "{count} overdue"),
    "summary.title": ("{town}环境信访周报（{start} 至 {end}）", "{town} environmental petitions, week {start}..{end}"),
    "summary.received": (
        "本周登记 {received} 件，其中越级赴京到省 {escalated} 件",
        "received {received}, of which escalated (province/Beijing) {escalated}",
    ),
    "summary.closed": ("本周销号 {closed} 件；周末在办 {open} 件", "closed {closed}; open at the week's end {open}"),
    "summary.overdue_and_due": (
        "超期 {overdue} 件；未来 7 天到期 {due} 件",
        "overdue {overdue}; due in the next 7 days {due}",
    ),
    "summary.year_to_date": (
        "年初至今（{start} 至 {end}，同比）",
        "Year to date ({start}..{end}, against the same dates last year)",
    ),
    "summary.measure.total": ("信访总量", "total"),
    "summary.measure.escalated": ("越级赴京到省", "escalated"),
    "summary.met": ("达标", "met"),
    "summary.not_met": ("未达标", "NOT met"),
    "summary.comparison": (
        "{name} {current}（去年同期 {previous}），降幅 {reduction}，目标 {target}：{state}",
        "{name} {current} (last year {previous}), reduction {reduction}, target {target}: {state}",
    ),
    "summary.veto": ("越级上升（一票否决）：{villages}", "escalated up (veto): {villages}"),
    "summary.overdue_title": ("超期案件（超期最久的在前）", "Overdue (longest first)"),
    "summary.due_title": ("未来 7 天到期", "Due in 7 days"),
    "summary.more": ("……另有 {more} 件（guside overdue 查看全部）", "... and {more} more (guside overdue lists all)"),
    "summary.days_overdue": (" 超期{days}天", " {days} days overdue"),
    "summary.no_leader": ("未包案", "no leader"),
    "summary.format": (
        "周报只能写成 text、markdown 或 json，不能是 {format}",
        "summary is written as text, markdown or json, not {format}",
    ),
    # help: the root, add/list/show/summary and the shared options (app.py translates ids written as help)
    "help.cmd.root": (
        "环境信访台账：一个镇的环境信访登记、办理、统计，存于一个 SQLite 文件。日期时间均按北京时间。\n\n"
        "退出码（供 cron 和脚本判断）：0 无事可报；1 发现问题（--fail-on-overdue 时有超期件、check 未通过、"
        "企业评级过期），或被规则拒绝；2 无法运行（用法错误、输入有误、台账不存在或不可用、文件无法读取）；"
        "130 Ctrl-C 取消；143 被终止（SIGTERM）；141 输出的读取方已关闭（如 | head）。",
        "The environmental-petition ledger of a town office, in one SQLite file. Dates and times are China's.\n\n"
        "Exit codes (for cron and scripts): 0 nothing to report; 1 found something (overdue cases with "
        "--fail-on-overdue, a failed check, stale ratings) or refused by a rule; 2 could not run (usage, bad "
        "input, no or unusable ledger, unreadable file); 130 cancelled with Ctrl-C; 143 terminated (SIGTERM); "
        "141 the reader of the output went away (| head).",
    ),
    "help.cmd.add": (
        "登记一件信访（登记建档），输出编号和序号。\n\n在终端上缺少必填项时逐项询问，每项当场检查，保存前确认。\n\n"
        '示例：guside add --village 红豆村 --level 省 --form 来访 -p 大气 --subject "化工厂夜间异味"',
        "Register a petition (登记建档) and print its number and id.\n\nOn a terminal, every element the options "
        "lack is asked for, each answer checked as given, and the case is shown before it is saved.\n\n"
        'Example: guside add --village 红豆村 --level 省 --form 来访 -p 大气 --subject "化工厂夜间异味"',
    ),
    "help.cmd.list": (
        "列出信访件，新的在前，可筛选。\n\n终端上一屏显示，并提示如何看其余的。\n\n"
        "示例：guside list --year 2018 --village 红豆村 --level 省 --format csv",
        "List cases, newest first, with filters.\n\nOn a terminal one screenful, saying how to see the rest.\n\n"
        "Example: guside list --year 2018 --village 红豆村 --level 省 --format csv",
    ),
    "help.cmd.show": (
        "显示一件卷宗（要素、时限、三个第一、调处、变更记录）。\n\n终端上用分页器。\n\n示例：guside show 2018-红豆-007",
        "Show one case file (卷宗): elements, leader, deadlines, the 三个第一, steps, repeats and history.\n\n"
        "Through a pager on a terminal.\n\nExample: guside show 2018-红豆-007",
    ),
    "help.cmd.summary": (
        "供 cron 使用的周报：本周收结情况和年度累计对比目标。\n\n不询问、无颜色，--out 原子写入。"
        "--fail-on-overdue：有超期件时仍写出周报，在标准错误输出“超期 N 件”，退出码 1。\n\n"
        "示例（crontab，每周一 07:30）：30 7 * * 1 guside summary --week --out /srv/guside/weekly.txt",
        "The weekly summary for cron: the week's movement and the year to date against the targets.\n\nNever "
        "prompts, no colour; --out is written atomically. With --fail-on-overdue the summary is still written, "
        "'N overdue' goes to stderr and the exit code is 1.\n\n"
        "Example (crontab, Mondays 07:30): 30 7 * * 1 guside summary --week --out /srv/guside/weekly.txt",
    ),
    "help.opt.db": ("台账文件 [每个用户的默认位置]", "Ledger file [per-user default]"),
    "help.opt.lang": ("输出和提示的语言：zh 中文（默认）或 en", "Language of messages and labels: zh (default) or en"),
    "help.opt.today": ("固定“今天”的日期（重算、测试）", "Pin today's date (re-runs, tests)"),
    "help.opt.version": ("显示版本", "Show the version"),
    "help.opt.format": ("auto：终端上显示表格，管道中输出文本", "auto: a table on a terminal, text when piped"),
    "help.opt.reveal": ("完整显示电话和身份证号（默认打码）", "Show phone and ID numbers in full (masked by default)"),
    "help.opt.year": ("登记年份，四位数，如 2018", "Calendar year of receipt, four digits, e.g. 2018"),
    "help.opt.from": ("登记日期不早于此日", "Received on or after this date"),
    "help.opt.to": ("登记日期不晚于此日", "Received on or before this date"),
    "help.opt.village": ("属地村（社区）：红豆村或红豆", "Village or community: 红豆村 or 红豆"),
    "help.opt.level": (
        "信访层级：镇/县/市/省/京，或 town|county|prefecture|province|national",
        "town|county|prefecture|province|national, or 镇/县/市/省/京",
    ),
    "help.opt.form": ("信访形式：来信/来访/网上/电话", "letter|visit|online|phone, or 来信/来访/网上/电话"),
    "help.opt.source": ("来源：直接、12345、12369、中央环保督察交办……", "direct, 12345, 12369, 中央环保督察交办, …"),
    "help.opt.status": ("状态：在办/已销号（open|closed）", "open|closed, or 在办/已销号"),
    "help.opt.search": (
        "在编号、反映问题、诱因、责任单位、涉事企业中查找",
        "Text in number, subject, cause, unit, enterprise",
    ),
    "help.opt.limit": ("最多显示这么多行", "At most this many rows"),
    "help.opt.by": (
        "操作人（记入变更记录）[GUSIDE_USER，否则登录名]",
        "Who does this (history) [GUSIDE_USER, else your login]",
    ),
    "help.opt.case": ("信访件编号（2018-0042）或序号", "Case number (2018-0042) or id"),
    "help.opt.leader": ("只看此领导包案的件", "Cases held by this leader (包案领导)"),
    "help.opt.no_pager": ("不用分页器，直接输出", "Print straight out, without a pager"),
    "help.add.subject": ("反映问题", "反映问题: what the petition is about"),
    "help.add.received": (
        "登记日期和时间（默认现在）：6月7日、今天 9:30、2018年6月7日上午9时……",
        "Date and time of receipt (default: now): 6月7日, 今天 9:30, 2018-06-07 09:30…",
    ),
    "help.add.source": (
        "来源（默认直接受理）：12345、12369、中央环保督察交办、省环保督察交办、263、上级",
        "Source (default: direct): 12345, 12369, 中央环保督察交办, 省环保督察交办, 263, 上级",
    ),
    "help.add.pollution": ("污染类型，可重复；第一个为主要类型", "Pollution; repeatable, the first is the main"),
    "help.add.cause": ("诱因", "Cause (诱因)"),
    "help.add.persons": ("涉及人数（默认 1）", "Persons involved (default: 1)"),
    "help.add.unit": ("责任单位", "Responsible unit (责任单位)"),
    "help.add.enterprise": ("涉事企业", "Related enterprise (涉事企业)"),
    "help.add.petitioner": ("信访人（可不填：匿名信访）", "Petitioner (optional: anonymous petitions exist)"),
    "help.add.phone": ("联系电话", "Phone (联系电话)"),
    "help.add.id_number": ("身份证号", "ID number (身份证号)"),
    "help.add.key_person": ("重点人员，可重复", "Key person (重点人员); repeatable"),
    "help.add.forecast": ("事态发展预测", "Forecast (事态发展预测)"),
    "help.add.ref": ("外部编号：督察组、12345 工单……", "External number: inspection team, 12345 order…"),
    "help.add.number": ("沿用这个编号，不自动编号", "Keep this case number instead of assigning one"),
    "help.add.due": ("办结时限，短于法定 60 天时", "Due date, when shorter than the statutory 60 days"),
    "help.add.repeat_of": ("关联同一事项的前一件（重复信访）", "Link to an earlier case on the same matter"),
    "help.add.leader": ("包案领导（登记时即交办）", "The leader in charge (包案), assigned as it is registered"),
    "help.add.format": ("text 或 json", "text or json"),
    "help.list.repeats": ("只看重复信访链中的件", "Only cases in a repeat chain (重复信访)"),
    "help.summary.week": (
        "按周（周一至周日）汇总（目前唯一的时段）",
        "Summarise a Monday–Sunday week (the only span so far)",
    ),
    "help.summary.on": ("周内任一日期（默认上一个完整周）", "A date in the week (default: the last full week)"),
    "help.summary.format": ("格式：text|markdown|json", "text|markdown|json"),
    "help.summary.out": (
        "写入此文件，原子写入（临时文件 + 改名）",
        "Write to this file, atomically (temp file + rename)",
    ),
    "help.summary.fail_on_overdue": (
        "有超期件时退出码为 1（周报照常写出，标准错误输出“超期 N 件”）",
        "Exit 1 when any case is overdue (the summary is still written; 'N overdue' on stderr)",
    ),
    # the case file and lists (render/cases.py, commands/cases.py)
    "case.repeat_reason.phone": ("联系电话相同", "same phone number"),
    "case.repeat_reason.id_number": ("身份证号相同", "same ID number"),
    "case.repeat_reason.enterprise": ("属地和涉事企业相同", "same village and enterprise"),
    "case.clock.handling": ("办理时限", "handling"),
    "case.clock.notice": ("受理告知时限", "acceptance notice"),
    "case.yes": ("是", "yes"),
    "case.no": ("否", "no"),
    "case.days_overdue": ("超期 {days} 天", "{days} days overdue"),
    "case.due_today": ("今日到期", "due today"),
    "case.days_left": ("还剩 {days} 天", "{days} days left"),
    "case.clock_state": ("{clock}为 {due}（{state}）", "{clock} {due} ({state})"),
    "case.deadline": ("时限", "deadline"),
    "case.field": ("项目", "field"),
    "case.value": ("内容", "value"),
    "case.firsts": ("三个第一", "the three firsts"),
    "case.firsts.step": ("环节", "step"),
    "case.firsts.at": ("首次时间", "first at"),
    "case.firsts.hours": ("距登记小时", "hours"),
    "case.firsts.within": ("{hours}小时内", "within {hours}h"),
    "case.steps": ("调处记录", "steps"),
    "case.extensions": ("延期记录", "extensions"),
    "case.extensions.days": ("延期天数", "days"),
    "case.extensions.approved_on": ("批准日期", "approved on"),
    "case.extensions.approved_by": ("批准人", "approved by"),
    "case.extensions.told_on": ("告知日期", "told on"),
    "case.extensions.reason": ("延期理由", "reason"),
    "case.repeats": ("重复信访", "repeats"),
    "case.history": ("变更记录", "history"),
    "case.history.when": ("时间", "when"),
    "case.history.who": ("操作人", "who"),
    "case.history.action": ("操作", "action"),
    "case.history.file_row": ("文件第 {row} 行", "file row {row}"),
    "case.history.field": ("字段", "field"),
    "case.history.old": ("原值", "old"),
    "case.history.new": ("新值", "new"),
    "case.history.note": ("说明", "note"),
    "case.added": ("已登记 {number}（序号 {id}），办结时限 {due}", "Registered {number} (id {id}), due {due}"),
    "case.maybe_repeat": (
        "注意：可能是重复信访，与 {number} {why}；确认后用 --repeat-of {number} 关联",
        "Note: this may repeat {number} ({why}); link it with --repeat-of {number}",
    ),
    "case.more": (
        "……另有 {more} 件未显示（共 {total} 件；用 --limit 或 --format csv 查看全部）",
        "... {more} more not shown ({total} in all; use --limit or --format csv for all)",
    ),
    "case.total": ("共 {total} 件", "{total} in all"),
    "date.why.day": ("这个月没有这一天", "day is out of range for month"),
    "date.why.month": ("月份须在 1 至 12 之间", "month must be in 1..12"),
    "date.why.hour": ("小时须在 0 至 23 之间", "hour must be in 0..23"),
    "date.why.minute": ("分钟须在 0 至 59 之间", "minute must be in 0..59"),
    "date.why.second": ("秒须在 0 至 59 之间", "second must be in 0..59"),
    "date.why.year": ("年份超出范围", "year is out of range"),
}
