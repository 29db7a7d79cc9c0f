"""Messages of the trust area: output files, the error boundary's catch-all, the ledger's own checks, input that
cannot be true. id -> (中文, English), with {named} parameters."""

MESSAGES: dict[str, tuple[str, str]] = {
    # output files (guside_cli.interchange.outfile)
    "trust.out.is_ledger": (
        "{path} 是台账文件本身（或其日志文件）：请为 --out 另选文件名",
        "{path} is the ledger itself (or one of its journal files): give --out another file name",
    ),
    "trust.out.is_folder": ("{path} 是文件夹：--out 需要文件名", "{path} is a folder: --out takes a file name"),
    "trust.out.not_regular": (
        "{path} 不是普通文件（管道或设备）：--out 需要普通文件，写到屏幕请用 --out -",
        "{path} is not a regular file (a pipe or a device): give --out a file, or --out - for stdout",
    ),
    "trust.out.read_only_file": (
        "无法写入 {path}：该文件只读",
        "cannot write {path}: the file is read-only",
    ),
    "trust.out.read_only_folder": (
        "无法写入 {path}：文件夹 {folder} 不可写",
        "cannot write {path}: the folder {folder} is not writable",
    ),
    "trust.out.no_folder": (
        "无法写入 {path}：文件夹 {folder} 不存在",
        "cannot write {path}: the folder {folder} does not exist",
    ),
    "trust.out.cannot_write": ("无法写入 {path}：{why}", "cannot write {path}: {why}"),
    "trust.out.disk_full": (
        "写入 {path} 时磁盘 {disk} 已满：未留下任何文件；请释放空间后重试",
        "the disk {disk} is full writing {path}: nothing was left behind; free some space and try again",
    ),
    # the error boundary's catch-all
    "trust.error.unexpected": (
        "意外错误（{kind}）：未写入任何内容；请把本行和所用命令报告给维护人员",
        "unexpected error ({kind}): nothing was written; please report this line and the command you ran",
    ),
    "trust.error.malformed": (
        "{path} 已损坏（{why}）：请用 guside check 查看，并从备份恢复",
        "{path} is damaged ({why}): run guside check, and restore it from a backup",
    ),
    "trust.error.not_a_file": (
        "{path} 不是普通文件（管道或设备）：--db / GUSIDE_DB 需要台账文件",
        "{path} is not a regular file (a pipe or a device): point --db / GUSIDE_DB at a ledger file",
    ),
    "trust.error.read_only_ledger": (
        "无法写入台账 {path}：文件或其文件夹只读",
        "cannot write the ledger {path}: the file or its folder is read-only",
    ),
    "trust.error.busy_timeout": (
        "GUSIDE_BUSY_TIMEOUT 须为 0 到 3600 之间的秒数，而不是 {value}",
        "GUSIDE_BUSY_TIMEOUT takes seconds between 0 and 3600, not {value}",
    ),
    # text
    "trust.text.empty": ("{field} 去除控制字符后为空", "{field} is empty once control characters are removed"),
    "trust.text.too_long": (
        "{field} 长 {length} 字，最多 {limit} 字",
        "{field} is {length} characters long; at most {limit} are kept",
    ),
    # check
    "trust.check.anchor_format": (
        "--anchor 须为 行数:哈希（如 120:3fa9c2d17b0e44a1c9d2e8f05a6b3c71）或一个锚文件，而不是 {value}",
        "--anchor takes ROWS:HASH (such as 120:3fa9c2d17b0e44a1c9d2e8f05a6b3c71) or a file of anchors, not {value}",
    ),
    "trust.anchor.label": ("账本校验", "ledger anchor"),
    # input that cannot be true
    "trust.date.out_of_range": (
        "登记日期 {value} 不可能：须在 1949 年以后、今天（{today}）以前",
        "received {value} cannot be true: it must be after 1948 and not after today ({today})",
    ),
    "trust.date.far": (
        "日期 {value} 超出范围：须在 1900 年到 9998 年之间",
        "the date {value} is out of range: dates run from 1900 to 9998",
    ),
    "trust.year.out_of_range": (
        "年份 {value} 超出范围：须在 1949 到 9998 之间",
        "year {value} is out of range: it must be between 1949 and 9998",
    ),
    "trust.number.not_finite": ("{field} 须为有限数值，而不是 {value}", "{field} takes a finite number, not {value}"),
    "trust.repeat.later": (
        "{number} 登记于 {when}，晚于本件：重复信访只能指向更早的信访件",
        "{number} was received on {when}, after this petition: a repeat points to an earlier petition",
    ),
    "trust.replay.orphan_rows": (
        "案件 id {id} 的调处或奖励记录仍在，而案件已不在：在 guside 之外删除",
        "rows of petition id {id} remain though the petition is gone: deleted outside guside",
    ),
    "trust.replay.no_history": (
        "{number} 没有任何历史记录：在 guside 之外插入",
        "{number} has no history: inserted outside guside",
    ),
    "trust.replay.case_changed": (
        "{number} 与其历史记录不符：案件、调处或奖励记录在 guside 之外被修改",
        "{number} differs from its history: changed outside guside (the case, a step or a reward)",
    ),
    "trust.replay.case_gone": (
        "案件 id {id} 在历史记录中而已不在台账：在 guside 之外删除",
        "petition id {id} is in the history but gone from the ledger: deleted outside guside",
    ),
    "trust.replay.table_changed": (
        "表 {table} 与其历史记录不符（行：{rows}）：在 guside 之外被修改",
        "table {table} differs from its history (rows: {rows}): changed outside guside",
    ),
    "trust.replay.table_unsealed": (
        "表 {table} 中有历史记录未记载的行（{rows}）：在 guside 之外写入",
        "table {table} holds rows no history vouches for ({rows}): written outside guside",
    ),
    "trust.replay.table_gone": (
        "表 {table} 在历史记录中而已不在台账：在 guside 之外删除",
        "table {table} is in the history but gone from the ledger: dropped outside guside",
    ),
    "trust.replay.schema_changed": (
        "台账结构（表、索引、触发器、视图）与其历史记录不符（{rows}）：在 guside 之外被修改",
        "the schema (tables, indexes, triggers, views) differs from its history ({rows}): changed outside guside",
    ),
    "trust.replay.schema_unsealed": (
        "台账结构没有历史记录的封存：在 guside 之外建立或修改",
        "the schema has no seal in the history: made or changed outside guside",
    ),
    "trust.replay.not_replayed": ("未复核：历史链已断", "not replayed: the chain is broken"),
    "trust.number.form": (
        "编号 {value} 不是台账的编号格式：只能含字母、数字、汉字和 -，且不以 - 开头（如 2018-0042）",
        "case number {value} is not of the ledger's forms: letters, digits, Chinese and '-' only, not starting "
        "with '-' (such as 2018-0042)",
    ),
    "trust.number.year": (
        "编号 {value} 属于 {year} 年，而本件登记于 {received} 年",
        "case number {value} belongs to {year}, but the petition was received in {received}",
    ),
    "trust.error.empty_ledger": (
        "台账文件 {path} 是空的（0 字节）：台账可能已丢失或被截断；请从备份恢复，或用 --db 指向正确的台账",
        "the ledger file {path} is empty (0 bytes): the ledger may have been lost or truncated; restore it from a "
        "backup, or point --db at the right ledger",
    ),
}
