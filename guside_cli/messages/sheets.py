"""Messages of one area (see the package docstring): id -> (中文, English), with {named} parameters.

Area: spreadsheets as offices keep them — every format, headers two rows deep, workbooks with a sheet per year
or month, cell habits, what cannot be imported as it is; and the due dates a file brings."""

MESSAGES: dict[str, tuple[str, str]] = {
    "sheets.needs_calamine": (
        "读取电子表格需要 python-calamine：pip install python-calamine",
        "reading spreadsheets needs python-calamine: pip install python-calamine",
    ),
    "sheets.password": (
        "{file} 设有打开密码：请在 Excel 或 WPS 中打开，取消密码（文件 → 信息 → 保护工作簿 / 文件加密）另存后再导入",
        "{file} is protected by a password: open it in Excel or WPS, remove the password (File → Info → Protect "
        "Workbook / Encrypt), save it and import that",
    ),
    "sheets.damaged": (
        "{file} 已损坏或不是电子表格，无法读取（{why}）：请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入",
        "{file} is damaged or not a spreadsheet and cannot be read ({why}): open it in Excel or WPS, save it as "
        ".xlsx and import that",
    ),
    "sheets.markup": (
        "{file} 其实是网页（HTML/XML）表格，只是扩展名为 .{ext}（不少系统的“导出 Excel”如此）："
        "请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入",
        "{file} is a web page (HTML/XML) table saved under a .{ext} name (what many systems' 'export to Excel' "
        "writes): open it in Excel or WPS, save it as .xlsx and import that",
    ),
    "sheets.et_unreadable": (
        "{file}：无法读取这个 WPS .et 文件：请在 WPS 表格中打开，另存为“Excel 工作簿 (*.xlsx)”后再导入",
        "{file}: this WPS .et file cannot be read: open it in WPS 表格, save it as 'Excel 工作簿 (*.xlsx)' and "
        "import that",
    ),
    "sheets.header_differs": (
        "{file}：工作表 {sheet} 的表头与 {first} 不同，未导入任何内容（{sheet}：{header}；{first}：{first_header}）；"
        "请统一表头，或用 --sheet 分别导入",
        "{file}: sheet {sheet} has another header than {first}, nothing was imported ({sheet}: {header}; "
        "{first}: {first_header}); make the headers alike, or import each with --sheet",
    ),
    "sheets.merged_rows": (
        "{file} 工作表 {sheet} 的 {ref} 是跨 {rows} 行的合并单元格，只有第一行有值：请取消合并并在每行填上值后再导入",
        "{file}, sheet {sheet}: {ref} is a cell merged over {rows} rows, so only its first row holds the value: "
        "unmerge it and fill in every row, then import",
    ),
    "sheets.formula_no_value": (
        "{file} 工作表 {sheet} 的 {cell} 是公式，文件中没有保存计算结果：请在 Excel 或 WPS 中打开并保存一次后再导入",
        "{file}, sheet {sheet}: {cell} is a formula saved without its value: open the file in Excel or WPS, save "
        "it once and import again",
    ),
    # why a sheet was left, said after its name
    "sheets.left_hidden": (
        "（隐藏的工作表；要导入请用 --sheet 指名）",
        " (a hidden sheet; name it with --sheet to read it)",
    ),
    "sheets.left_empty": ("（空表）", " (empty)"),
    "sheets.left_summary": ("（汇总表）", " (a summary)"),
    "sheets.left_no_header": ("（没有台账表头）", " (no 台账 header)"),
    "sheets.left": ("未读取的工作表：{sheets}", "Sheets not read: {sheets}"),
    "sheets.read_sheet": (
        "读取 {file} 工作表 {sheet}：表头在第 {row} 行，数据 {rows} 行",
        "Read {file}, sheet {sheet}: header on row {row}, {rows} data rows",
    ),
    "sheets.hidden_rows": (
        "隐藏的行也已作为数据读取：第 {rows} 行",
        "Hidden rows were read as data like the others: rows {rows}",
    ),
    "sheets.approximate": (
        "人数为约数，按所写数字导入：{items}",
        "Persons given as estimates, imported as the number written: {items}",
    ),
    "sheets.approximate_one": ("“{text}”（第 {rows} 行）", "'{text}' (rows {rows})"),
    "sheets.due_beyond_statute": (
        "办结时限 {due} 晚于法定最晚期限 {latest}（{received} 登记，受理 15 日、办理 60 日{extension}）：请更正",
        "due date {due} is later than the statute allows ({latest}: received {received}, 15 days to accept, "
        "60 to handle{extension}): correct it",
    ),
    "sheets.due_extension": ("，延期 {days} 日", ", extended {days} days"),
    "sheets.due_earlier": (
        "办结时限早于法定期限（如督察组的期限），按文件所写保留：第 {rows} 行",
        "Due dates earlier than the statute's (an inspection team's, say), kept as the file gives them: rows {rows}",
    ),
    # print-ready Excel exports
    "sheets.print_title": ("{town}环境信访台账 {period}", "{town} environmental petitions {period}"),
    "sheets.print_date": ("打印于 &D", "printed &D"),
    "sheets.print_pages": ("第 &P 页，共 &N 页", "page &P of &N"),
    "sheets.print_all": ("全部", "all"),
}
