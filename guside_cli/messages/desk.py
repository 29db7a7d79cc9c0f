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
    "ask.received": ("受理时间", "Received at"),
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
        "“{answer}”不是人数：请写 1 至 {most} 之间的整数",
        "'{answer}' is not a number of persons: 1 to {most}",
    ),
    "ask.confirm": ("确认保存？", "Save this case? "),
    "ask.cancelled": ("已取消，未保存", "cancelled: nothing was saved"),
    # tables and output (render/output.py, render/cases.py)
    "output.format_unavailable": (
        "这里不能用 {format} 格式：请用 table、text 或 csv",
        "format {format} is not available here: use table, text or csv",
    ),
}
