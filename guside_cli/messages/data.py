"""Messages of one area (see the package docstring): id -> (中文, English), with {named} parameters.

Area: data in and out — the ledger file itself (opening, upgrading, busy), registering rows (建档 checks),
import, export, publish, backup and check, and the help texts of those commands."""

MESSAGES: dict[str, tuple[str, str]] = {
    # the ledger file (storage/connection.py, storage/ledger.py)
    "ledger.network_fs": (
        "{path} 位于网络文件系统（{kind}）上：SQLite 在其上加锁不可靠，两台电脑同时写入可能损坏台账；"
        "请把台账放在一台电脑的本地磁盘上（见 README“多台电脑”）",
        "{path} is on a network file system ({kind}): SQLite's locking is not reliable there and two desks "
        "could corrupt the ledger; keep the ledger on a local disk of one machine (see README, several desks)",
    ),
    "ledger.missing": (
        "{path} 没有台账：请检查 --db / GUSIDE_DB 是否指向台账（丢失的台账请从备份恢复）；"
        "新建台账用 guside add 登记第一件信访，或用 guside import 导入已有台账",
        "no ledger at {path}: check that --db / GUSIDE_DB names the ledger (restore a lost one from its backup); "
        "a new ledger starts with `guside add` or `guside import`",
    ),
    "ledger.dangling_link": (
        "{path} 是指向 {target} 的链接，但那里没有文件：请检查 --db / GUSIDE_DB（丢失的台账请从备份恢复）",
        "{path} is a link to {target}, where there is no file: check --db / GUSIDE_DB (restore a lost ledger from "
        "its backup)",
    ),
    "ledger.cannot_create": (
        "无法在 {path} 新建台账（{why}）：请检查文件夹是否存在、可写",
        "cannot create a ledger at {path} ({why}): check that its folder exists and can be written",
    ),
    "ledger.is_folder": (
        "{path} 是文件夹，不是台账文件：--db 请给出文件名，如 ledger.db",
        "{path} is a folder, not a ledger file: give --db a file name such as ledger.db",
    ),
    "ledger.not_sqlite": (
        "{path} 不是 guside 台账（不是 SQLite 文件）：请检查 --db / GUSIDE_DB",
        "{path} is not a guside ledger (not an SQLite file): check --db / GUSIDE_DB",
    ),
    "ledger.not_guside": (
        "{path} 是 SQLite 文件，但不是 guside 台账：请检查 --db / GUSIDE_DB",
        "{path} is an SQLite file but not a guside ledger: check --db / GUSIDE_DB",
    ),
    "ledger.upgrade_failed": (
        "{path} 从第 {version} 版结构升级到第 {latest} 版失败（{kind}：{why}）；台账未作改动",
        "upgrading {path} from schema {version} to {latest} failed ({kind}: {why}); the ledger is unchanged",
    ),
    "ledger.too_new": (
        "{path} 的结构版本为 {version}，比本 guside 能识别的版本（{latest}）新：请升级 guside（pip install -U guside）",
        "{path} has schema version {version}, newer than this guside understands (version {latest}): upgrade "
        "guside (pip install -U guside)",
    ),
    "ledger.cannot_open": (
        "{path} 无法作为 guside 台账打开（{why}）：请检查 --db / GUSIDE_DB",
        "{path} cannot be opened as a guside ledger ({why}): check --db / GUSIDE_DB",
    ),
    "ledger.busy_long": (
        "台账正忙：另一台电脑写入 {path} 的时间过长；请稍后再试",
        "ledger busy: another desk has been writing to {path} too long; try again in a moment",
    ),
    "ledger.village_clash": (
        "属地“{name}”与名单中已有的“{other}”冲突",
        "village '{name}' clashes with '{other}' already in the list",
    ),
    "ledger.no_such_village": (
        "“{name}”不在属地名单中：{hint}（新增属地用 guside village add 名称）",
        "unknown village '{name}': {hint} (add a new one with `guside village add NAME`)",
    ),
    "ledger.village_did_you_mean": ("是否指 {names}？", "did you mean {names}?"),
    "ledger.village_see_list": ("见 guside village list", "see `guside village list`"),
    "ledger.village_name_bad": (
        "属地名称“{name}”须是不含空格、不超过 32 个字的一个词，如 红豆村",
        "village name '{name}' must be one word of at most 32 characters, e.g. 红豆村",
    ),
    "ledger.unknown_village": (
        "“{name}”不在属地名单中：见 guside village list",
        "unknown village '{name}': see `guside village list`",
    ),
    # writing cases (storage/bulk.py)
    "ledger.number_used": (
        "编号 {number} 已在台账中：编号不能重复",
        "case number {number} is already in the ledger: numbers never repeat",
    ),
    "ledger.uid_used": (
        "唯一标识 {uid} 已在台账中（同一件导入了两次？）",
        "case uid {uid} is already in the ledger (the same case imported twice?)",
    ),
    "ledger.refused": ("台账拒绝写入此件（{why}）", "the ledger refused the case ({why})"),
    "ledger.repeat_of": ("原件编号：{why}", "repeat of {why}"),
    # checking a case's elements (core/intake.py)
    "intake.required": ("必填", "is required"),
    "intake.due_before_receipt": (
        "办结时限 {due} 早于登记日期",
        "due date {due} is before the receipt date",
    ),
    "intake.stage_open_but_closed": (
        "办理阶段 {code}（{label}）是在办阶段，但此件已销号",
        "the stage {code} ({label}) is an open one, but the case is closed",
    ),
    "intake.stage_needs_concluded": (
        "办理阶段 {code}（{label}）需要办结日期",
        "the stage {code} ({label}) needs the date of 办结",
    ),
    "intake.concluded_before_receipt": (
        "办结日期 {day} 早于登记日期",
        "concluded on {day}, before it was received",
    ),
    "intake.open_but_closing": (
        "此件标为在办，却有销号日期或办理结果",
        "the case is marked open but has a closing date or outcome",
    ),
    "intake.closed_needs_date": (
        "已销号的件需要销号日期",
        "a closed case needs the date it was closed (销号日期)",
    ),
    "intake.closed_before_receipt": ("销号日期 {day} 早于登记日期", "closed on {day}, before it was received"),
    "intake.closed_in_future": ("销号日期 {day} 在今天之后", "closed on {day}, which is in the future"),
    "intake.not_valid": ("“{text}”无效", "'{text}' is not valid"),
    "intake.not_yes_no": ("“{text}”不是“是”或“否”", "'{text}' is not true/false (是/否)"),
    "intake.not_count": (
        "“{text}”不是 {low} 至 {high} 之间的整数",
        "'{text}' is not a whole number from {low} to {high}",
    ),
    "intake.extension_unreadable": (
        "无法读取延期记录“{text}”：每次延期写作“10天 2018-06-10 批准：王镇长 告知：2018-06-11 理由：需现场监测”"
        "（天数之外各项可省略），多次延期分行或以“；”隔开",
        "cannot read the extension '{text}': write each as '10天 2018-06-10 批准：王镇长 告知：2018-06-11 "
        "理由：需现场监测' (all but the days may be left out), one a line or separated by ；",
    ),
    "intake.extension_total_differs": (
        "延期天数 {given} 与延期记录合计 {total} 天不符：请核对",
        "extended by {given} days, but the extensions add up to {total}: check them",
    ),
    "intake.path_date_range": (
        "日期 {day} 不可能：须在登记日期（{low}）以后、今天（{today}）以前",
        "the date {day} cannot be: it must fall between receipt ({low}) and today ({today})",
    ),
    "intake.served_before_conclusion": (
        "送达日期 {day} 须在办结日期（{concluded}）之后：处理意见书办结后才送达",
        "served on {day}, but the written opinion is served after its conclusion ({concluded})",
    ),
    "intake.rehandle_without_review": (
        "撤销重办日期 {day} 须有复查或复核决定：本行没有复查、复核决定日期",
        "handled again from {day}, but the row has no 复查 or 复核 decision that revoked the opinion",
    ),
    "intake.extensions_over": (
        "延期记录合计 {total} 天，超过法定延期总数 {limit} 天（信访工作条例第三十三条）",
        "the extensions add up to {total} days, more than the {limit} days in all the statute allows "
        "(信访工作条例 第三十三条)",
    ),
    "intake.too_long": (
        "{name}有 {length} 个字，最多保留 {limit} 个：请删减",
        "{name} is {length} characters long; at most {limit} are kept, shorten it",
    ),
    "intake.persons_not_number": (
        "“{text}”不是一个人数：请写一个数，如 6、六 或 6人",
        "'{text}' is not a number of persons: write one number, such as 6 or 6人",
    ),
    "intake.persons_range": (
        "涉及人数应在 1 至 {most} 之间，不能是 {number}",
        "persons involved must be between 1 and {most}, not {number}",
    ),
    "intake.set_form": (
        "--set 取 字段=值，字段为 {fields} 之一；收到的是“{given}”",
        "--set takes FIELD=VALUE with FIELD one of {fields}; got '{given}'",
    ),
    "intake.cannot_correct": ("无法这样更正：{problems}", "cannot correct it so: {problems}"),
    "intake.row": ("第 {row} 行：{problem}", "row {row}: {problem}"),
    # import (commands/data.py, services/importing.py, interchange/readers.py, interchange/sheets.py)
    "import.problem": (
        "{file} 第 {row} 行，“{column}”列：{problem}",
        "{file} row {row}, column {column}: {problem}",
    ),
    "import.problem_row": ("{file} 第 {row} 行：{problem}", "{file} row {row}: {problem}"),
    "import.rows_in_all": (" 等 {count}", " ({count} in all)"),
    "import.ledger_appeared": (
        "导入期间另一处已在 {path} 建了台账：本次导入未写入任何内容；请重新导入（将导入到那本台账中）",
        "a ledger was created at {path} by another desk while this import ran: nothing was imported; import again "
        "(into that ledger)",
    ),
    "import.nothing_imported": (
        "{file} 有 {count} 处问题：未导入任何内容；请更正以上各行后重新导入",
        "{count} problem(s) in {file}: nothing was imported; correct the rows above and import again",
    ),
    "import.checked": ("检查通过（未写入）", "checked (nothing written)"),
    "import.imported": ("已导入", "imported"),
    "import.done": (
        "{file}：{verb} {written} 件，更正 {updated} 件，跳过已有编号 {skipped} 件{duplicates}{villages}",
        "{file}: {verb} {written}, updated {updated}, skipped (number already there) {skipped}{duplicates}{villages}",
    ),
    "import.done_villages": ("，新增属地 {names}", ", new villages {names}"),
    "import.done_duplicates": (
        "，跳过台账中已有的相同件 {count} 件",
        ", skipped (the same case already in the ledger) {count}",
    ),
    "import.duplicates": (
        "第 {rows} 行与台账中已有的件相同（登记时间、属地、反映问题、信访人均相同），未再导入",
        "rows {rows} are cases already in the ledger (same receipt time, village, subject and petitioner): not "
        "imported again",
    ),
    "import.uid_differs": (
        "编号 {number} 已被台账中另一件使用（唯一标识不同）：这是另一台电脑的台账；请给文件中的件另编号",
        "case number {number} is already used by another case in this ledger (its uid differs): a ledger "
        "from another desk; give the file's cases new numbers",
    ),
    "import.no_file": ("{file}：没有这个文件", "{file}: no such file"),
    "import.is_folder": (
        "{file} 是文件夹：请给出要导入的文件名",
        "{file} is a folder: give the name of the file to import",
    ),
    "import.not_a_file": (
        "{file} 不是普通文件（管道或设备）：请先存成文件再导入",
        "{file} is not a regular file (a pipe or a device): save it as a file, then import it",
    ),
    "import.unknown_format": (
        "{file}：未知格式“{format}”：用 --format csv、xlsx、xls、ods、json 或 jsonl（WPS .et、.xlsm、.xlsb 亦可）",
        "{file}: unknown format '{format}': use --format csv, xlsx, xls, ods, json or jsonl (WPS .et, .xlsm and "
        ".xlsb too)",
    ),
    "import.json_item": (
        "{file} 第 {item} 项：应是一个包含案件各字段的对象",
        "{file} item {item}: expected an object with the case's fields",
    ),
    "import.json_surrogate": (
        "{file} 第 {row} 条含有半个 UTF-16 代理字符（如 \\ud800），不是可保存的文字：请修正后再导入",
        "{file}, item {row}: holds half of a UTF-16 surrogate pair (such as \\ud800), not text that can be kept; "
        "fix it and import again",
    ),
    "import.json_invalid": (
        "{file}：不是有效的 JSON（第 {line} 行）：{why}",
        "{file}: not valid JSON (line {line}): {why}",
    ),
    "import.json_not_list": (
        "{file}：应是案件列表（或带“cases”的对象）",
        '{file}: expected a list of cases (or an object with "cases")',
    ),
    "import.jsonl_invalid": (
        "{file} 第 {line} 行：不是有效的 JSON：{why}",
        "{file} line {line}: not valid JSON: {why}",
    ),
    # export, publish, backup, check
    "export.needs_openpyxl": (
        "写入 .xlsx 需要 openpyxl：pip install openpyxl",
        "writing .xlsx needs openpyxl: pip install openpyxl",
    ),
    "export.bad_format": (
        "--format 取 csv、xlsx、json 或 jsonl，--headers 取 en 或 zh",
        "--format takes csv, xlsx, json or jsonl, and --headers en or zh",
    ),
    "export.xlsx_needs_out": ("导出 .xlsx 需要 --out 文件", "an .xlsx export needs --out FILE"),
    "export.redaction_notice": (
        "已脱敏副本：信访人、电话、身份证号、重点人员已遮蔽",
        "redacted copy: petitioner, phone, ID number and key persons masked",
    ),
    "export.done": ("已导出 {count} 件到 {out}", "Exported {count} cases to {out}"),
    "export.done_redacted": ("已导出 {count} 件到 {out}（已脱敏）", "Exported {count} cases to {out} (redacted)"),
    "data.publish_format": (
        "--format 取 markdown、csv、html 或 json",
        "--format takes markdown, csv, html or json",
    ),
    "data.published": ("公开清单 {count} 件已写入 {out}", "Public list of {count} cases written to {out}"),
    "data.backup_exists": ("{dest} 已存在：要替换请加 --force", "{dest} exists: pass --force to replace it"),
    "data.backed_up": ("已备份到 {dest}（{pages} 页）", "Backed up to {dest} ({pages} pages)"),
    # the progress bar of a long import or export (render/progress.py); {n} is filled as rows go by
    "progress.rows": ("{n} 行", "{n} rows"),
    "progress.rate": ("每秒 {n} 行", "{n} rows/s"),
    "data.check_damaged": ("文件已损坏：{why}", "the file is damaged: {why}"),
    "data.check_interrupted": (
        "上次写入被中断：已查撤销后的副本，台账未动",
        "a write was cut off: checked a rolled-back copy, the ledger untouched",
    ),
    "data.check_dangling": (
        "{count} 行指向不存在的记录（第一处：表 {table}，第 {row} 行）",
        "{count} rows point nowhere (first: table {table}, row {row})",
    ),
    "data.check_version": ("第 {version} 版，最新 {latest} 版", "version {version} of {latest}"),
    "data.check_guarded": ("只增不改", "append-only"),
    "data.check_guards_altered": ("缺少或被改动：{names}", "missing or altered: {names}"),
    "data.check_chain_whole": ("完整", "whole"),
    "data.check_chain_broken": ("在历史第 {row} 行断开：{why}", "broken at history row {row}: {why}"),
    "data.check_replayed": ("各表与历史记录一致", "the tables are what the history says"),
    "data.check_anchor_held": ("第 {row} 行为 {prefix}", "row {row} holds {prefix}"),
    "data.check_anchor_lost": (
        "链中第 {row} 行已不是哈希 {prefix}：被截断或改写",
        "the chain no longer holds row {row} with hash {prefix}: cut off or rewritten",
    ),
    "data.check_headers": ("检查项|结果|说明", "check|result|detail"),
    "data.check_ok": ("通过", "ok"),
    "data.check_failed": ("未通过", "FAILED"),
    "data.elements_headers": ("编号|属地|缺少要素", "number|village|missing"),
    "data.elements_complete": ("所有案件要素齐全", "every case has all its elements"),
    # help
    "help.cmd.import": (
        "导入已有台账：按中文或英文表头对应各列，要么全部导入，要么一行不导。\n\n"
        "表头行可在标题行之下；序号、空行和合计/小计行跳过并计数。不认识的列会列出最接近的字段：用 --map 或 "
        "--rules 说明。没有编号的行若与台账中已有的件相同（登记时间、属地、反映问题、信访人），跳过并列出行号。\n\n"
        "示例：guside import 台账示例_2017_2018.xlsx --dry-run",
        "Import an existing ledger (台账): columns matched by English or Chinese header, all rows or none.\n\n"
        "The header row is found below any title lines; 序号, blank rows and 合计/小计 rows are skipped and "
        "counted. Columns guside does not know are reported with the closest fields: map them with --map or "
        "--rules. A row without a number that is the same as a case already in the ledger (receipt time, "
        "village, subject, petitioner) is skipped and its row named.\n\n"
        "Example: guside import 台账示例_2017_2018.xlsx --dry-run",
    ),
    "help.import.file": ("台账文件：.csv、.xlsx、.json 或 .jsonl", "A 台账 as .csv, .xlsx, .json or .jsonl"),
    "help.import.format": (
        "csv|xlsx|xlsm|xlsb|xls|et|ods|json|jsonl [按扩展名]",
        "csv|xlsx|xlsm|xlsb|xls|et|ods|json|jsonl [from the extension]",
    ),
    "help.import.encoding": ("指定编码：utf-8、gb18030…… [自动识别]", "Force one: utf-8, gb18030… [detected]"),
    "help.import.dry_run": ("全部检查，不写入", "Check everything, write nothing"),
    "help.import.update": ("更正台账中已有编号的件", "Correct cases whose number is already in the ledger"),
    "help.import.new_villages": ("添加台账名单中没有的属地", "Add villages not in the ledger's list"),
    "help.import.sheet": (
        "电子表格：工作表名称或序号，可多次给出 [表头可识别的所有工作表]",
        "spreadsheets: a sheet by name or number, as often as needed [every sheet whose header is recognised]",
    ),
    "help.import.map": (
        "'表头=字段'（一列）或 '字段:值=代码'（一个值）；可重复",
        "'HEADER=FIELD' (a column) or 'FIELD:VALUE=CODE' (a value); repeatable",
    ),
    "help.import.rules": (
        "同样对应关系的 TOML 文件，可随单位台账保存",
        "A TOML file of the same mappings, kept for the office's file",
    ),
    "help.import.year": ("不写年份的日期（6月7日）所属年份", "The year of dates written without one (6月7日)"),
    "help.cmd.export": (
        "导出案件：单位的完整记录（可原样导回），或 --redact 脱敏副本。\n\n"
        "默认英文字段名和代码（--headers zh：中文表头和名称）。会被电子表格当作公式的单元格已作处理。"
        "Excel 文件有日期单元格、冻结并可筛选的表头和“说明”工作表。\n\n"
        "示例：guside export --format xlsx --out 台账2018.xlsx --year 2018 --headers zh",
        "Export cases: the office's complete record (it imports back whole), or a --redact copy.\n\n"
        "Canonical headers and codes (or --headers zh: Chinese headers and labels). Cells that would run as "
        "spreadsheet formulas are neutralised. Excel files get date cells, a frozen filtered header and a 说明 "
        "sheet.\n\nExample: guside export --format xlsx --out 台账2018.xlsx --year 2018 --headers zh",
    ),
    "help.export.format": ("格式：csv|xlsx|json|jsonl", "csv|xlsx|json|jsonl"),
    "help.export.out": (
        "写入的文件（原子写入）[标准输出；xlsx 必须给出]",
        "File to write (atomically) [stdout; needed for xlsx]",
    ),
    "help.export.headers": ("en（英文字段名）或 zh（中文表头）", "en (canonical) or zh"),
    "help.export.redact": ("遮蔽个人信息，用于送出单位的副本", "Mask personal data, for a copy that leaves the office"),
    "help.export.encoding": ("CSV：utf-8-sig（Excel）或 gb18030", "CSV: utf-8-sig (Excel) or gb18030"),
    "help.export.excel": (
        'CSV：电话和身份证号写成 ="0139…"，Excel 按文本保留',
        'CSV: phone and ID numbers as ="0139…", kept as text by Excel',
    ),
    "help.cmd.publish": (
        "公开清单（定时公开曝光），不含任何个人信息。\n\n"
        "编号、属地、企业、污染类型、反映问题、责任单位、领导职务、状态和销号日期；绝不含信访人、电话、身份证号"
        "和重点人员，反映问题中写的电话和身份证号也会遮蔽。末尾列出经查属实的有奖举报奖励件数和总额，"
        "不写领取人。\n\n"
        "加 --selected：只列单位标记曝光（guside expose 编号 --on 日期）且已到日期的件；用 --out 写出时记为已公开。"
        "\n\n示例：guside publish --year 2018 --format html --out 2018公示.html ；"
        "guside publish --selected --out 曝光.md",
        "The public list (定时公开曝光), without any personal data.\n\n"
        "Number, village, enterprise, pollution, subject, responsible unit, the leader's title, status and date "
        "closed. No petitioner, phone, ID number or key person, ever; phone and ID numbers written inside the "
        "subject are masked. It ends with the count and total of rewards paid for reports that proved true "
        "(有奖举报), never who received them.\n\n"
        "With --selected, only the cases the office marked for exposure (`guside expose CASE --on DATE`) whose "
        "day has come; written with --out, they are recorded as published.\n\n"
        "Example: guside publish --year 2018 --format html --out 2018公示.html ; guside publish --selected --out "
        "曝光.md",
    ),
    "help.publish.format": ("格式：markdown|csv|html|json", "markdown|csv|html|json"),
    "help.publish.out": ("写入的文件（原子写入）[标准输出]", "File to write (atomically) [stdout]"),
    "help.publish.selected": (
        "只列用 guside expose 标记、到今天已到期的件",
        "Only the cases marked with `guside expose` and due by today",
    ),
    "help.cmd.backup": (
        "在其他电脑可能正在写入时，复制一份完整一致的台账（SQLite 在线备份），权限 0600。\n\n"
        "示例：guside backup /mnt/usb/guside-$(date +%F).db",
        "A consistent copy of the ledger while other desks may be writing (SQLite's online backup), mode 0600."
        "\n\nExample: guside backup /mnt/usb/guside-$(date +%F).db",
    ),
    "help.backup.dest": ("要写入的备份文件", "The backup file to write"),
    "help.backup.force": ("DEST 已存在时替换", "Replace DEST if it exists"),
    "help.cmd.check": (
        "检查台账（完整性、外键、结构、历史保护、链和重放），或用 --elements 列出建档缺项。只读打开，从不写入。\n\n"
        "按历史记录重放核对各表：在 guside 之外改动的案件、调处或奖励会被指出。JSON 输出末尾是链的末端（行数、"
        "哈希）；summary、report 和 publish 打印为“账本校验 行数:哈希”，check --anchor 行数:哈希 在链已不含该行"
        "或哈希不符（被截断或改写）时报错。--elements：列出缺少任一建档要素的件。发现问题时退出码为 1。\n\n"
        '示例：guside check --anchor ~/anchors.txt || mail -s "guside 台账校验未通过" office@example',
        "Check the ledger (integrity, foreign keys, schema, history guards, chain and replay), or with --elements "
        "the 建档 to-do. Never writes: the file is opened read-only.\n\n"
        "The history is replayed against the tables: a case, step or reward changed outside guside is named. "
        "JSON output ends with the chain's head (rows, hash); summary, report and publish print it as 账本校验 "
        "ROWS:HASH, and `check --anchor ROWS:HASH` fails when the chain no longer holds that row with that hash "
        "(cut off or rewritten). With --elements, the cases missing any registration element. Exits 1 when "
        "anything is wrong.\n\n"
        'Example: guside check --anchor ~/anchors.txt || mail -s "guside ledger check failed" office@example',
    ),
    "help.check.elements": ("列出缺少行动方案建档要素的件", "List cases missing the plan's 建档 elements"),
    "help.check.anchor": (
        "此前报告上打印的 行数:哈希（32 位；旧式 8 位仍核对，但注明其弱），或另处保存的锚文件（每行一个）："
        "已不成立时报错",
        "ROWS:HASH printed on an earlier report (32 hex; an old 8-hex one is still checked, said to be weak), or a "
        "file of anchors kept elsewhere (one a line): fail if any no longer holds",
    ),
}
