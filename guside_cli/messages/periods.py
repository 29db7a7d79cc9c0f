"""Reported periods (上报) and the reconciliation with the county's list. id -> (中文, English)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "period.bad": (
        "报送期“{text}”无法识别：请写月份（2018-08）、季度（2018-Q3）或年度（2018）",
        "cannot read the period '{text}': give a month (2018-08), a quarter (2018-Q3) or a year (2018)",
    ),
    "period.not_over": (
        '{period} 尚未结束（至 {end}）：提前报送请加 --early "原因"',
        '{period} has not ended (it runs to {end}): to close it early give --early "reason"',
    ),
    "period.already_closed": (
        '{period} 已于 {at} 报送关账；如需重报，先用 guside period reopen {period} --reason "原因"',
        '{period} was closed on {at}; to report it again, first guside period reopen {period} --reason "why"',
    ),
    "period.not_closed": ("{period} 未报送关账，无需重开", "{period} is not closed: there is nothing to reopen"),
    "period.closed": (
        "{period} 已报送关账：信访总量 {total} 件次，越级赴京到省 {escalated} 件次；此后改动这些数字须加 --correction",
        "{period} closed as reported: {total} petitions, {escalated} escalated; a later change to these figures "
        "needs --correction",
    ),
    "period.reopened": ("{period} 已重开：其数字不再锁定", "{period} reopened: its figures are no longer held"),
    "period.town": ("全镇", "the town"),
    "period.more": ("（另有 {count} 项）", " (and {count} more)"),
    "period.figure.total": ("信访总量", "total petitions"),
    "period.figure.escalated": ("越级赴京到省", "escalated petitions"),
    "period.measure.items": ("件次", "items"),
    "period.measure.persons": ("人次", "persons"),
    "period.figure": (
        "{where}{figure}（{measure}）已上报 {reported}，改后为 {now}",
        "{where} {figure} ({measure}): reported {reported}, would be {now}",
    ),
    "period.refused": (
        "{period} 已于 {at} 报送关账，此改动会改变已上报的数字：{figure}{more}；"
        '确需更正请在 guside 后加 --correction "原因"（如 guside --correction "9月3日补录7月来信" add …），'
        "将记为对已报数字的更正",
        "{period} was closed as reported on {at}, and this change would alter a reported figure: {figure} "
        '{more}; to correct it, give --correction "reason" after guside (guside --correction "…" add …): '
        "it is recorded as a correction to the reported period",
    ),
    "period.h.period": ("报送期", "period"),
    "period.h.closed": ("关账时间", "closed"),
    "period.h.by": ("经办人", "by"),
    "period.h.total": ("总量（件次）", "total (items)"),
    "period.h.escalated": ("越级（件次）", "escalated (items)"),
    "period.h.state": ("状态", "state"),
    "period.state.closed": ("已关账，更正 {count} 次", "closed, {count} corrections"),
    "period.state.reopened": ("已于 {at} 重开：{reason}", "reopened on {at}: {reason}"),
    "period.correction_line": (
        "{period} 更正：{at} {by}：{reason}（案件 {cases}）",
        "{period} corrected on {at} by {by}: {reason} (cases {cases})",
    ),
    "period.reported_line": (
        "{period} 已上报 {reported}，现 {now}（{figure}）：{reasons}",
        "{period}: reported {reported}, now {now} ({figure}): {reasons}",
    ),
    "period.name.year": ("{year}年", "{year}"),
    "period.name.quarter": ("{year}年第{quarter}季度", "{year} Q{quarter}"),
    "period.name.month": ("{year}年{month}月", "{month}/{year}"),
    "period.return.title": ("{town}环境信访情况报表（{period}）", "{town}: environmental petitions, {period}"),
    "period.return.closed": ("报送关账日期：{day}", "closed as reported on {day}"),
    "period.return.body": (
        "{period}全镇信访总量 {total} 件次，其中越级赴京到省 {escalated} 件次；各村（社区）情况见下表。"
        "本表数字于 {day} 报送关账。",
        "{period}: {total} petitions in the town, {escalated} of them escalated; each village below. These "
        "figures were closed as reported on {day}.",
    ),
    "period.return.h.where": ("属地", "where"),
    "period.return.h.total": ("信访总量（件次）", "total (items)"),
    "period.return.h.escalated": ("越级赴京到省（件次）", "escalated (items)"),
    "period.return.h.persons": ("信访总量（人次）", "total (persons)"),
    "period.return.h.escalated_p": ("越级赴京到省（人次）", "escalated (persons)"),
    "period.return_format": (
        "{file}：报表只写 .xlsx 或 .docx，请换一个文件名",
        "{file}: the return is written as .xlsx or .docx; choose such a name",
    ),
    "period.not_found": ("{period} 尚未报送关账：先用 guside period close {period}", "{period} is not closed"),
    "help.cmd.period return": (
        "按关账时锁定的数字写出报送期的报表（.xlsx 或 .docx 公文），与锁定的数字一致。\n\n"
        "示例：guside period return 2018-08 --out 2018年8月报表.docx",
        "Write a closed period's return from the figures its close locked (.xlsx, or .docx in the 公文 layout).\n\n"
        "Example: guside period return 2018-08 --out 2018-08.docx",
    ),
    "help.period.out": ("同时写出上报报表（.xlsx 或 .docx）", "also write the return (.xlsx or .docx)"),
    "period.return_written": ("{period} 报表已写入 {out}", "{period}: return written to {out}"),
    "period.figure_named": ("{where}的{figure}，按{measure}计", "{where} {figure}, in {measure}"),
    "period.no_correction": ("未记录更正原因（关账前写入或已重开）", "no correction recorded"),
    "help.cmd.period": (
        "报送关账：锁定已上报的月度、季度、年度数字；此后改动须加 --correction 并记为更正。",
        "Close reporting periods: hold the figures reported for a month, quarter or year; a later change needs "
        "--correction and is recorded as a correction.",
    ),
    "help.cmd.period close": (
        "把一个报送期的数字记为已上报（全镇、越级、各村，件次和人次，及其案件摘要），写入封存的历史。\n\n"
        "此后任何会改变这些数字的改动（补录该期来信、改登记日期、层级、属地，合并带来该期案件）都被拒绝，"
        '除非加 --correction "原因"，则写入并记为对已报数字的更正。\n\n'
        "示例：guside period close 2018-08 ；guside period close 2018-Q3 ；guside period close 2018",
        "Record a period's figures as reported (the town, escalated, each village, in items and persons, and a "
        "digest of its cases), sealed in the history.\n\nAfterwards a change that would alter them (a petition of "
        "the period added late, a receipt date, level or village changed, a merge bringing such a case) is "
        'refused unless --correction "reason" is given: then it is written and recorded as a correction.\n\n'
        "Example: guside period close 2018-08 ; guside period close 2018-Q3 ; guside period close 2018",
    ),
    "help.cmd.period reopen": (
        "重开已关账的报送期（须写原因）：其数字不再锁定，可再次关账。\n\n"
        '示例：guside period reopen 2018-08 --reason "县里退回，要求重报"',
        "Reopen a closed period (a reason is required): its figures are no longer held, and it can be closed "
        'again.\n\nExample: guside period reopen 2018-08 --reason "returned by the county"',
    ),
    "help.cmd.period list": (
        "列出已关账的报送期：何时、由谁关账，上报的全镇数字，此后的更正。\n\n示例：guside period list",
        "List the closed periods: when and by whom, the town's reported figures, the corrections since.\n\n"
        "Example: guside period list",
    ),
    "help.period.period": (
        "报送期：月份 2018-08、季度 2018-Q3 或年度 2018",
        "the period: a month 2018-08, a quarter 2018-Q3, a year 2018",
    ),
    "help.period.early": ("提前关账（期末之前）的原因", "the reason to close before the period ends"),
    "help.period.reason": ("重开的原因（必填）", "why it is reopened (required)"),
    "help.opt.correction": (
        "更正已上报报送期数字的原因（补录、改层级等），记入更正记录",
        "why this run changes figures already reported (a late entry, a level corrected): recorded as a correction",
    ),
    "help.cmd.reconcile": (
        "与县里的信访信息系统名单对账：逐条匹配本台账案件，列出已匹配、仅县里有（待登记）、仅台账有（县里未计）"
        "和不一致（层级、属地、日期），按村计数；25% 目标按县里的数字考核。\n\n"
        "先按已记录的县里编号匹配，否则按登记日期（前后 --days 天）、属地、信访人和反映事项相近程度匹配。"
        "--apply 把县里编号记到已匹配案件上（经同一写入通道），下次对账按编号精确匹配；其他一律不自动改动。"
        "有未匹配或不一致时退出码 1。\n\n"
        "示例：guside reconcile 县信访系统导出.xlsx --out 对账.xlsx ；guside reconcile 县信访系统导出.xlsx --apply",
        "Reconcile against the county's list (信访信息系统 export): match each row to a case and list the matched, "
        "upstream only (to register), ledger only (not counted upstream) and disagreements (level, village, "
        "date), with counts per village; the 25 % target is judged on the upstream count.\n\nMatched by the "
        "upstream id once recorded, else by receipt date (± --days), village, petitioner and subject. --apply "
        "records the upstream id on matched cases (through the same write path), so the next run matches "
        "exactly; nothing else is changed. Exit 1 while anything is unmatched or disagrees.\n\n"
        "Example: guside reconcile county.xlsx --out reconciled.xlsx ; guside reconcile county.xlsx --apply",
    ),
    "help.reconcile.file": (
        "县里的名单（xlsx、xls、csv 等，表头同导入）",
        "the county's list (xlsx, xls, csv…; headers as import reads them)",
    ),
    "help.reconcile.apply": ("把县里编号记到已匹配的案件上", "record the upstream id on matched cases"),
    "help.reconcile.days": ("登记日期允许相差的天数（默认 3）", "days a receipt date may differ by (default 3)"),
    "help.reconcile.out": ("另存对账结果为 .xlsx（每个清单一张表）", "also write the lists as an .xlsx, a sheet each"),
    "reconcile.duplicate": (
        "县里名单第 {row} 行的编号 {id} 与第 {first} 行重复：请核对名单",
        "the upstream id {id} on row {row} repeats row {first}: check the list",
    ),
    "reconcile.outside": (
        "{file} 第 {row} 行的登记日期 {day} 不在 {period} 内：请核对名单或 --period",
        "{file}, row {row}: received {day}, outside {period}; check the list or --period",
    ),
    "help.reconcile.period": (
        "名单所属的报送期（如 2018-08）：期外的行不予对账，台账按整期比对",
        "the period the list is for (2018-08): rows outside it are refused, the ledger compared over the whole period",
    ),
    "reconcile.empty": ("{file} 中没有可对账的行", "{file} holds no rows to reconcile"),
    "reconcile.no_dates": (
        "{file} 中没有可识别的登记日期列（如“登记日期”）：无法对账",
        "{file} has no receipt date column that can be read (such as 登记日期): nothing to reconcile on",
    ),
    "reconcile.other_id": (
        "{number} 已记有县里编号 {id}，未改为 {new}：请核对",
        "{number} already holds the upstream id {id}; {new} not recorded: check",
    ),
    "reconcile.id_held": ("县里编号 {id} 已记在 {number} 上，未重复记录", "upstream id {id} is already on {number}"),
    "reconcile.summary": (
        "对账 {file}（{start} 至 {end}）：已匹配 {matched}，仅县里有 {upstream_only}，仅台账有 {ledger_only}，"
        "不一致 {disagreements}",
        "reconciled {file} ({start} to {end}): {matched} matched, {upstream_only} upstream only, "
        "{ledger_only} ledger only, {disagreements} disagreeing",
    ),
    "reconcile.by_village": ("按村（社区）", "by village"),
    "reconcile.applied": ("已在 {count} 件案件上记录县里编号", "upstream id recorded on {count} cases"),
    "reconcile.h.village": ("村（社区）", "village"),
    "reconcile.h.matched": ("已匹配", "matched"),
    "reconcile.h.upstream_only": ("仅县里有", "upstream only"),
    "reconcile.h.ledger_only": ("仅台账有", "ledger only"),
    "reconcile.h.disagreements": ("不一致", "disagreeing"),
    "reconcile.h.row": ("名单行", "row"),
    "reconcile.h.id": ("县里编号", "upstream id"),
    "reconcile.h.received": ("登记日期", "received"),
    "reconcile.h.level": ("信访层级", "level"),
    "reconcile.h.subject": ("反映问题", "subject"),
    "reconcile.h.number": ("台账编号", "number"),
    "reconcile.h.differs": ("不一致项", "differs in"),
    "reconcile.h.theirs": ("县里", "upstream"),
    "reconcile.h.mine": ("台账", "ledger"),
    "reconcile.field.level": ("信访层级", "level"),
    "reconcile.field.village": ("属地", "village"),
    "reconcile.field.received_on": ("登记日期", "receipt date"),
    "reconcile.list.upstream_only": ("仅县里有（待登记或核实）", "upstream only (to register or check)"),
    "reconcile.list.ledger_only": ("仅台账有（县里未计）", "ledger only (not counted upstream)"),
    "reconcile.list.disagreements": ("不一致", "disagreements"),
    "reconcile.sheet.summary": ("汇总", "summary"),
    "reconcile.sheet.upstream_only": ("仅县里有", "upstream only"),
    "reconcile.sheet.ledger_only": ("仅台账有", "ledger only"),
    "reconcile.sheet.disagreements": ("不一致", "disagreements"),
}
