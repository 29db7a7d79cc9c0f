"""Messages of one area (see the package docstring): id -> (中文, English), with {named} parameters."""

MESSAGES: dict[str, tuple[str, str]] = {
    # add --reception: a petition taken at the monthly 环境信访日
    "help.add.reception": (
        "在环境信访日（领导接访）受理的，填接访日期（须已用 guside reception add 登记）",
        "Taken at the reception day (环境信访日) of this date (recorded with guside reception add)",
    ),
    "reception.not_recorded": (
        "{on} 未登记环境信访日，请先登记：guside reception add --on {on} --leader 姓名",
        "no reception day is recorded on {on}; record it first: guside reception add --on {on} --leader NAME",
    ),
    "reception.other_day": (
        "环境信访日 {on} 受理的信访件，受理日期应为 {on}，不是 {received}",
        "a petition taken at the reception day {on} is received on {on}, not {received}",
    ),
    "reception.h.taken": ("接访受理", "petitions taken"),
    # list --carried-over: each case's age at the period's start
    "list.h.age": ("积案天数", "age (days)"),
    "summary.no_baseline": ("去年同期为零，无基数，不作判断", "no baseline last year: no verdict"),
}
