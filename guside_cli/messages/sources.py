"""Messages of one area (see the package docstring): what other ledgers and anchors kept outside tell about this
one — `check --anchor` with long and old short anchors and a file of them, and what `merge` refuses to take from
a source (a ledger behind or off what an earlier merge saw, one failing its own check, a row add would refuse)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # check --anchor
    "anchor.weak": (
        "第 {row} 行为 {prefix}——但这是旧式短锚（{bits} 位），数分钟即可伪造：只说明未发现异常；"
        "今后请保存报告上的 32 位锚",
        "row {row} holds {prefix} — but this is an old short anchor ({bits} bits), forged in minutes: it only says "
        "nothing was found; keep the 32-digit anchors printed from now on",
    ),
    "anchor.file_line": (
        "锚文件 {file} 第 {line} 行没有锚（行数:哈希）：{value}",
        "anchors file {file}, line {line}: no anchor (ROWS:HASH) in {value}",
    ),
    "anchor.file_empty": (
        "锚文件 {file} 中没有锚（每行一个 行数:哈希）",
        "anchors file {file} holds no anchor (one ROWS:HASH a line)",
    ),
    "anchor.file_not_file": (
        "锚文件 {file} 不是普通文件",
        "anchors file {file} is not a regular file",
    ),
    "anchor.file_too_big": ("锚文件 {file} 超过 {limit} KiB", "anchors file {file} is over {limit} KiB"),
    "anchor.file_unreadable": ("无法读取锚文件 {file}：{why}", "cannot read anchors file {file}: {why}"),
    # merge: where the source stands against what an earlier merge saw
    "sources.behind": (
        "{source}（{town}）的台账比本台账 {day} 合并时看到的更旧：它的历史只到第 {rows} 行（{head}），那次合并时已到第 "
        "{seen_rows} 行（{seen}）——是否恢复了旧备份？未合并",
        "{source} ({town}) is older than the copy this ledger merged on {day}: its history ends at row {rows} "
        "({head}), that merge saw row {seen_rows} ({seen}) — a backup restored? Nothing merged",
    ),
    "sources.off": (
        "{source}（{town}）的历史与本台账 {day} 合并时看到的不同：第 {seen_rows} 行那时是 {seen}，现在是 {now}（末端 "
        "{head}）——换成了另一本同号台账，或历史被改写？未合并",
        "{source} ({town}) has another history than the one this ledger merged on {day}: row {seen_rows} was {seen}, "
        "is now {now} (head {head}) — another ledger with the same id, or a rewritten history? Nothing merged",
    ),
    "sources.same_file": (
        "{path} 与本台账是同一个文件（硬链接或链接）：未合并，未写入",
        "{path} is this ledger's own file (a hard or symbolic link): nothing merged, nothing written",
    ),
    "sources.fails_check": (
        "来源台账 {path} 自身校验未通过（{failed}）：未合并，未写入。请在来源处运行 guside check",
        "the source ledger {path} fails its own check ({failed}): nothing merged, nothing written. Run guside "
        "check on the source",
    ),
    "sources.not_a_ledger": (
        "{path} 不是完整的 guside 台账（{why}）：未合并",
        "{path} is not a whole guside ledger ({why}): nothing merged",
    ),
    "sources.row_refused": (
        "来源台账 {path} 的案件 {case} 不能合并：{problems}",
        "case {case} of the source ledger {path} cannot be merged: {problems}",
    ),
    "sources.text_unclean": (
        "含不可见或控制字符（{value}）",
        "holds invisible or control characters ({value})",
    ),
    "sources.take_side_only": (
        "字段 {field} 不能以 add/edit 之外的值解决：请用 --take mine 或 --take theirs",
        "field {field} is not one add or edit sets: settle it with --take mine or --take theirs",
    ),
    "numbering.not_as_drawn": (
        "编号 {number} 请写作 {drawn}：镇级编号序号四位、属地编号序号三位（同一序号只有一种写法）",
        "write the number {number} as {drawn}: town numbers have four digits, village numbers three (one way to "
        "write each)",
    ),
    "numbering.bad_sequence": (
        "编号 {number} 的序号不可能：序号从 1 起，至多 {most}",
        "the number {number} has no such place in its sequence: from 1 to {most}",
    ),
    "numbering.town_on_village": (
        "{number} 是镇级编号，只给到省、进京的件；本件为{level}，用属地编号",
        "{number} is a town number, given only to cases lodged at province or Beijing; this case is {level}: "
        "it takes its village's number",
    ),
    "numbering.village_elsewhere": (
        "{number} 不是本件属地（{short}）的编号，或本件为到省、进京的件（用镇级编号）",
        "{number} is not a number of this case's village ({short}), or the case is lodged at province or Beijing "
        "(it takes a town number)",
    ),
    "sources.missing_table": ("缺少表 {name}", "table {name} is missing"),
    "sources.missing_column": ("缺少字段 {name}", "column {name} is missing"),
}
