"""Messages of one area (see the package docstring): id -> (中文, English), with {named} parameters.

Area: files in and out — reading offices' 台账 (header rows, sheets, mappings, encodings), writing exports."""

MESSAGES: dict[str, tuple[str, str]] = {
    # reading
    "files.no_header": (
        "{file}{sheet}：前 {scan} 行中找不到表头（需要 {needed} 等列）；用 --map '表头=字段' 说明各列",
        "{file}{sheet}: no header row in the first {scan} rows (columns such as {needed} are needed); "
        "name the columns with --map 'HEADER=FIELD'",
    ),
    "files.missing_columns": (
        "{file} 第 {row} 行（表头：{header}）：缺少 {names} 列{unknown}；用 --map '表头=字段' 指定",
        "{file} row {row} (header: {header}): no column for {names}{unknown}; name one with --map 'HEADER=FIELD'",
    ),
    "files.unknown_headers": ("；未识别：{headers}", "; not recognised: {headers}"),
    "files.no_sheet": (
        "{file}：没有工作表 '{sheet}'；有：{sheets}",
        "{file}: no sheet '{sheet}'; it has: {sheets}",
    ),
    "files.no_sheet_header": (
        "{file}：没有一个工作表有可识别的表头（{sheets}）；用 --sheet 选择，--map 说明各列",
        "{file}: no sheet has a header row guside recognises ({sheets}); choose one with --sheet and name the "
        "columns with --map",
    ),
    "files.encoding": (
        "{file} 第 {line} 行：不是 {encoding} 编码的文字；{hint}",
        "{file} line {line}: not {encoding} text; {hint}",
    ),
    "files.encoding_try": ("可试 --encoding {other}", "try --encoding {other}"),
    "files.encoding_none": (
        "也不是 {others}：是否真是 CSV 文本文件？若是，请在 Excel 或 WPS 中打开后另存为“CSV UTF-8”再导入",
        "nor {others}: is it really a CSV text file? If it is, open it in Excel or WPS and save it as "
        "'CSV UTF-8', then import that",
    ),
    "files.unknown_encoding": (
        "未知编码 '{encoding}'：用 utf-8、gb18030 等",
        "unknown encoding '{encoding}': use utf-8, gb18030…",
    ),
    # mappings
    "files.map_form": (
        "--map 取 '表头=字段' 或 '字段:值=代码'，而不是 '{given}'",
        "--map takes 'HEADER=FIELD' or 'FIELD:VALUE=CODE', not '{given}'",
    ),
    "files.map_field": (
        "'{given}' 中的 '{field}' 不是字段；字段有：{fields}",
        "'{field}' in '{given}' is not a field; fields are: {fields}",
    ),
    "files.rules_read": ("规则文件 {file}：{problem}", "rules file {file}: {problem}"),
    "files.rules_key": (
        "规则文件 {file}：不认识 '{key}'；可用 sheet、year、encoding、[columns]、[values.字段]",
        "rules file {file}: unknown '{key}'; use sheet, year, encoding, [columns], [values.FIELD]",
    ),
    # the import's report
    "files.unused_columns": (
        "未导入的列：{columns}（第 {row} 行表头：{header}）。要导入某列：--map '表头=字段'；不再提示：--map '表头=-'",
        "Columns not imported: {columns} (header row {row}: {header}). To import one: --map 'HEADER=FIELD'; "
        "to leave it out quietly: --map 'HEADER=-'",
    ),
    "files.closest": ("{header}（最接近：{fields}）", "{header} (closest: {fields})"),
    "files.read": (
        "读取 {file}{sheet}：表头在第 {row} 行，数据 {rows} 行",
        "Read {file}{sheet}: header on row {row}, {rows} data rows",
    ),
    "files.sheet": ("（工作表 {sheet}）", " (sheet {sheet})"),
    "files.skipped": ("跳过 {count} 行：{detail}", "Skipped {count} rows: {detail}"),
    "files.skip_blank": ("空行 {rows}", "blank {rows}"),
    "files.skip_total": ("合计/小计 {rows}", "totals (合计/小计) {rows}"),
    "files.skip_note": ("落款/注 {rows}", "notes and signatures {rows}"),
    "files.ignored": ("忽略的列：{columns}", "Columns ignored: {columns}"),
    "files.accepted_as_received": (
        "文件只有“{header}”一个日期列：作为登记（收到）日期导入",
        "The file has only '{header}' as a date: taken as the date received",
    ),
    "files.yearless": (
        "{file} 第 {row} 行，“{column}”列：“{text}”没有年份，未导入任何内容："
        "请用 --year 说明是哪一年（如 --year 2018）",
        "{file} row {row}, column {column}: '{text}' has no year; nothing imported: give the year with --year "
        "(e.g. --year 2018)",
    ),
    "files.yearless_row": (
        "第 {row} 行 {field}“{text}”没有年份：用 --year 年份 说明是哪一年",
        "row {row}, {field} '{text}' has no year: give it with --year YEAR",
    ),
    "files.cut_character": (
        "{file} 在最后一个字的中间结束（{encoding}）：文件可能不完整（复制或下载被中断），未导入任何内容",
        "{file} ends in the middle of its last character ({encoding}): the file may be cut off (a copy or download "
        "interrupted); nothing imported",
    ),
    "files.csv_cut_row": (
        "{file} 第 {row} 行只有 {cells} 格（表头 {width} 列、上一行更多），文件也在这一行中间结束、没有换行："
        "文件可能不完整（复制或下载被中断），未导入任何内容",
        "{file} row {row} has {cells} cells (the header {width}, the row before more) and the file ends inside it, "
        "without a line break: the file may be cut off (a copy or download interrupted); nothing imported",
    ),
    "files.unterminated": (
        "{file} 的最后一行（第 {row} 行）后没有换行：若文件是复制或下载所得，请核对这一行是否完整",
        "{file} ends without a line break after its last row (row {row}): if the file was copied or downloaded, "
        "check that this row is whole",
    ),
    "files.village_hint": (
        "文件里的村（社区）若确是新的，在这条 import 命令后加上 --new-villages 重新导入，即随导入一并登记"
        "（再加 --dry-run 可先看会新增哪些）",
        "if the file's villages are truly new, run this import again with --new-villages to register them with it "
        "(add --dry-run to see which first)",
    ),
    "files.value_hint": (
        "“{column}”列中有不认识的值：用 --map '{field}:值=代码' 或规则文件的 [values.{field}] 说明，"
        "例如 --map '{field}:{example}'",
        "the column '{column}' holds values guside does not know: map them with --map '{field}:VALUE=CODE' or a "
        "rules file's [values.{field}], e.g. --map '{field}:{example}'",
    ),
    "files.village_added": ("新增属地 {name}（第 {row} 行）", "new village {name} (row {row})"),
    "files.number_twice": (
        "编号 {number} 在文件中出现两次：第 {first} 行和第 {row} 行",
        "case number {number} appears twice in the file: rows {first} and {row}",
    ),
    "files.cell_too_long": (
        "{file} 第 {row} 行：有一格超过 {limit} 个字，不像台账内容（是否少了一个引号？）：未导入任何内容",
        "{file} row {row}: a cell longer than {limit} characters is not ledger content (a quote missing?): "
        "nothing imported",
    ),
    "files.csv_broken": (
        "{file} 第 {row} 行无法按 CSV 读取（{why}）：未导入任何内容",
        "{file} row {row} cannot be read as CSV ({why}): nothing imported",
    ),
    "files.csv_cut": (
        "{file} 第 {row} 行起的一格以引号开头，到文件末尾也没有结束引号："
        "文件可能不完整（复制或下载被中断），未导入任何内容",
        "{file}: the cell that opens with a quote on row {row} is still open at the end of the file: the file may be "
        "cut off (a copy or download interrupted); nothing imported",
    ),
    "files.reader_died": (
        "读取文件的进程意外结束（退出码 {code}）：未写入任何内容；请重新导入",
        "the process reading the file ended unexpectedly (exit code {code}): nothing was written; import again",
    ),
    "files.uid_twice": (
        "唯一标识 {uid} 在文件中出现两次：第 {first} 行和第 {row} 行（同一件写了两行，还是两件用了同一标识？）",
        "case uid {uid} appears twice in the file: rows {first} and {row} (one case written twice, or two cases "
        "given one uid?)",
    ),
    "files.number_held": (
        "编号 {number} 已是台账中另一件（{received}，{village}，“{subject}”）；"
        "要更正那件用 --update，否则给本行另一个编号",
        "case number {number} is held by another case in the ledger ({received}, {village}, '{subject}'); "
        "use --update to correct that case, or give this row another number",
    ),
    "files.summary": (
        "{file}：{verb} {written} 件，更正 {updated} 件，已在台账中（相同）{same} 件",
        "{file}: {verb} {written}, updated {updated}, already in the ledger (the same) {same}",
    ),
    # villages
    "files.short_taken": (
        "简称“{short}”已属于 {other}：{name} 以全名“{name}”为编号简称（用 --short 另选）",
        "the short name '{short}' belongs to {other}: {name} is numbered by its full name '{name}' "
        "(choose another with --short)",
    ),
    "files.short_clash": (
        "简称“{short}”已属于 {other}：用 --short 另选一个",
        "the short name '{short}' belongs to {other}: choose another with --short",
    ),
    "files.short_bad": (
        "简称“{short}”须是不含空格、不超过 32 个字的一个词",
        "the short name '{short}' must be one word of at most 32 characters",
    ),
    # writing
    "files.notes_title": ("说明", "About this file"),
    "files.notes_town": ("单位", "Office"),
    "files.notes_made": ("导出时间", "Exported at"),
    "files.notes_rows": ("件数", "Cases"),
    "files.notes_filter": ("筛选", "Filter"),
    "files.notes_all": ("全部案件", "all cases"),
    "files.notes_headers": ("表头", "Headers"),
    "files.notes_headers_zh": ("中文表头；代码列写中文名称", "Chinese headers; coded columns in Chinese"),
    "files.notes_headers_en": ("英文字段名；代码列写代码", "canonical field names; coded columns as codes"),
    "files.notes_redacted": ("脱敏", "Redaction"),
    "files.notes_back": (
        "用 guside import 可原样导回（日期、编号、代码均可读回）",
        "guside import reads this file back as it is (dates, numbers, codes)",
    ),
    "files.excel_needs_csv": ("--excel 只用于 CSV", "--excel is for CSV files only"),
}
