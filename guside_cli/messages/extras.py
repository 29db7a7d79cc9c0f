"""Messages of one area (see the package docstring): id -> (中文, English), with {named} parameters."""

MESSAGES: dict[str, tuple[str, str]] = {
    # add --reception: a petition taken at the monthly 环境信访日
    "help.add.reception": (
        "在环境信访日（领导接访）接访登记的，填接访日期（须已用 guside reception add 登记）",
        "Taken at the reception day (环境信访日) of this date (recorded with guside reception add)",
    ),
    "reception.not_recorded": (
        "{on} 未登记环境信访日，请先登记：guside reception add --on {on} --leader 姓名",
        "no reception day is recorded on {on}; record it first: guside reception add --on {on} --leader NAME",
    ),
    "reception.other_day": (
        "环境信访日 {on} 接访的信访件，登记日期应为 {on}，不是 {received}",
        "a petition taken at the reception day {on} is received on {on}, not {received}",
    ),
    "reception.h.taken": ("接访受理", "petitions taken"),
    # list --carried-over: each case's age at the period's start
    "list.h.age": ("积案天数", "age (days)"),
    "summary.no_baseline": ("去年同期为零，无基数，不作判断", "no baseline last year: no verdict"),
    "history.action.accept": ("受理", "accept"),
    "history.action.add": ("登记", "register"),
    "history.action.assign": ("包案", "assign"),
    "history.action.business_date": ("业务日期", "business date"),
    "history.action.close": ("销号", "close"),
    "history.action.conclude": ("办结", "conclude"),
    "history.action.due": ("时限", "deadline"),
    "history.action.edit": ("更正", "correct"),
    "history.action.expose": ("曝光", "expose"),
    "history.action.extend": ("延期", "extend"),
    "history.action.import": ("导入", "import"),
    "history.action.interview": ("约谈", "interview"),
    "history.action.key": ("重点标记", "key mark"),
    "history.action.merge": ("合并", "merge"),
    "history.action.qualify": ("编号加镇名", "qualify number"),
    "history.action.reception": ("领导接访", "reception"),
    "history.action.renumber": ("重新编号", "renumber"),
    "history.action.reopen": ("更正销号", "reopen"),
    "history.action.resolve": ("解决冲突", "resolve conflict"),
    "history.action.reveal": ("查看完整个人信息", "reveal"),
    "history.action.reward": ("奖励", "reward"),
    "history.action.step": ("调处", "step"),
    "history.action.reject": ("不予受理", "reject"),
    "history.action.review": ("复查", "review"),
    "history.action.re_review": ("复核", "re-review"),
    "history.action.petition": ("信访件", "petition"),
    "leader.rank_set": (
        "已设定 {name} 的职级：{rank}（导入时未知）",
        "Set the rank of {name}: {rank} (unknown when imported)",
    ),
    "history.action.leader.add": ("添加领导", "add leader"),
    "history.action.leader.rank": ("设定领导职级", "set leader rank"),
    "history.action.leader.edit": ("更正领导", "correct leader"),
}
