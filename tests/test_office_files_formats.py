"""Every spreadsheet an office keeps, made at test time in each format (tests/office_books.py), imported through
the real CLI into a real ledger: .xls, .et, .xlsx, .ods; two-row merged headers; a sheet per year; cell habits;
what cannot be imported as it is; due dates a file gives; and Excel exports that print."""

import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.conftest import rows, snapshot
from tests.office_books import YEARS, ods_book, xls_book, xlsx_book

SAMPLES = Path(__file__).parent.parent / "sample_data"
LATE = ("--today", "2019-01-10")  # the samples run to the end of 2018

IMPORTED = [
    ("2017-0001", "红豆村", "province", "direct", "visit", 6, "closed", "2017-03-05", "2017-03-20", "stopped",
     "张三", "13912345678", '["air"]', "化工厂异味"),
    ("2017-北漍-001", "北漍社区", "prefecture", "hotline_12345", "phone", 20, "open", "2017-04-01", None, None,
     "李四", None, '["noise"]', "夜间施工"),
    ("2017-南曹庄-001", "南曹庄村", "town", "superior", "letter", 2, "closed", "2017-06-07", "2017-06-30", "resolved",
     "王五", None, '["water"]', "河道发黑"),
    ("2018-0001", "红豆村", "national", "direct", "phone", 1, "open", "2018-01-10", None, None, "赵六",
     "13800000000", '["solid_waste"]', "倾倒垃圾"),
    ("2018-北漍-001", "北漍社区", "county", "hotline_12345", "online", 3, "closed", "2018-06-07", "2018-06-20",
     "resolved", "钱七", None, '["air"]', "油烟扰民"),
]  # fmt: skip
FIELDS = (
    "SELECT number, village, level, source, form, persons, status, received_on, closed_on, outcome, petitioner, "
    "phone, pollution, subject FROM petitions ORDER BY id"
)


def book(kind: str, path: Path) -> Path:
    if kind == "xls":
        return xls_book(path.with_suffix(".xls"))
    if kind == "et":  # a WPS .et saved in the old format, as WPS does
        return Path(shutil.copy(xls_book(path.with_suffix(".xls")), path.with_suffix(".et")))
    if kind == "et-xlsx":  # and one of the newer WPS, an .xlsx inside
        return Path(shutil.copy(xlsx_book(path.with_suffix(".xlsx")), path.with_suffix(".et")))
    if kind == "ods":
        return ods_book(path.with_suffix(".ods"))
    return xlsx_book(path.with_suffix(".xlsx"))


@pytest.mark.parametrize("kind", ["xls", "et", "et-xlsx", "xlsx", "ods"])
def test_a_workbook_with_a_sheet_per_year_and_two_row_headers_imports_in_one_command(cli, isolated, db_path, kind):
    path = book(kind, isolated / "台账")
    result = cli("import", path)
    name = path.name
    assert result.stdout.splitlines() == [
        f"读取 {name} 工作表 2017：表头在第 3–4 行，数据 3 行",
        f"读取 {name} 工作表 2018：表头在第 3–4 行，数据 2 行",
        "未读取的工作表：说明（没有台账表头）、汇总（汇总表）",
        "跳过 4 行：空行 2017!8, 2018!7；合计/小计 2017!9, 2018!8",
        "人数为约数，按所写数字导入：“约20人”（第 2017!6 行）",
        "忽略的列：序号",
        f"{name}：已导入 5 件，更正 0 件，跳过已有编号 0 件",
    ]
    assert result.stderr == ""  # every column of the two-row header was understood
    # date cells, a serial number and text dates alike in every format; 6人（集体访） is 6; the other templates'
    # words: 赴省/到市/进京, 群众直接反映/12345转办/来电, 已息访/正在调处/待反馈; 时间 under 办理情况 is the closing
    assert rows(db_path, FIELDS) == IMPORTED


def test_sheets_are_chosen_with_a_repeated_sheet_option(cli, isolated, db_path):
    path = xls_book(isolated / "台账.xls")
    one = cli("import", path, "--sheet", "2018")
    assert one.stdout.splitlines()[0] == "读取 台账.xls（工作表 2018）：表头在第 3–4 行，数据 2 行"
    assert rows(db_path, "SELECT count(*) FROM petitions") == [(2,)]
    two = cli("import", path, "--sheet", "2017", "--sheet", "3")  # by name and by number; 2018 is there already
    assert two.stdout.splitlines()[:2] == [
        "读取 台账.xls 工作表 2017：表头在第 3–4 行，数据 3 行",
        "读取 台账.xls 工作表 2018：表头在第 3–4 行，数据 2 行",
    ]
    assert "台账.xls：已导入 3 件，更正 0 件，跳过已有编号 0 件，跳过台账中已有的相同件 2 件" in two.stdout
    refused = cli("import", path, "--sheet", "说明", ok=False)
    assert refused.exit_code == 2 and "台账.xls（工作表 说明）：前 30 行中找不到表头" in refused.stderr


def test_a_sheet_whose_header_differs_is_refused_with_both_headers(cli, isolated, db_path):
    def drop_phone(sheet, year):
        if year == "2018":
            sheet["D4"] = None  # 2018's sheet names no 联系电话 under 信访人情况

    path = xlsx_book(isolated / "台账.xlsx", shape=drop_phone)
    refused = cli("import", path, ok=False)
    line = refused.stderr.strip()
    assert refused.exit_code == 2 and line.count("\n") == 0
    assert line.startswith("错误：台账.xlsx：工作表 2018 的表头与 2017 不同，未导入任何内容（2018：序号 | 来访日期 | ")
    theirs, first = line.split("；2017：")
    assert "信访人情况/联系电话" in first and "信访人情况/联系电话" not in theirs and "信访人情况 |" in theirs
    assert not db_path.exists()
    cli("import", path, "--sheet", "2017")  # each alone is fine
    assert rows(db_path, "SELECT count(*) FROM petitions") == [(3,)]


def test_a_hidden_sheet_is_left_and_said_and_read_when_named(cli, isolated, db_path):
    path = xls_book(isolated / "台账.xls", hidden=("2017",))
    result = cli("import", path)
    assert (
        "未读取的工作表：说明（没有台账表头）、2017（隐藏的工作表；要导入请用 --sheet 指名）、汇总（汇总表）"
        in result.stdout
    )
    assert rows(db_path, "SELECT count(*) FROM petitions") == [(2,)]
    cli("import", path, "--sheet", "2017")
    assert rows(db_path, "SELECT count(*) FROM petitions") == [(5,)]


def test_a_problem_names_its_sheet_and_row_and_nothing_is_imported(cli, isolated, db_path):
    years = {year: [list(case) for case in cases] for year, cases in YEARS.items()}
    years["2018"][1][5] = "无此村"
    path = xls_book(isolated / "台账.xls", years)
    refused = cli("import", path, ok=False)
    assert "错误：台账.xls 第 2018!6 行，“村（社区）”列：没有“无此村”这个村（社区）" in refused.stderr
    assert not db_path.exists()


GROUPED_TIME = [
    ["序号", "来访情况", None, "村（社区）", "层级", "反映问题", "办理情况", None],
    [None, "时间", "形式", None, None, None, "状态", "时间"],
    [1, "2018-03-01", "来访", "红豆村", "镇", "异味", "已办结", "2018-03-20"],
]


@pytest.mark.parametrize("merged", [True, False])
def test_the_group_tells_what_an_ambiguous_sub_header_means(cli, isolated, db_path, merged):
    """时间 under 来访情况 is the receipt, under 办理情况 the closing: with merged cells (.xlsx) and without (a CSV
    saved from such a sheet, where the group's name stands in its first column only)."""
    if merged:
        workbook = Workbook()
        for row in GROUPED_TIME:
            workbook.active.append(row)
        for cells in ("A1:A2", "B1:C1", "D1:D2", "E1:E2", "F1:F2", "G1:H1"):
            workbook.active.merge_cells(cells)
        path = isolated / "g.xlsx"
        workbook.save(path)
    else:
        path = isolated / "g.csv"
        path.write_text("\n".join(",".join("" if v is None else str(v) for v in r) for r in GROUPED_TIME) + "\n")
    result = cli("import", path)
    assert f"读取 {path.name}：表头在第 1–2 行，数据 1 行" in result.stdout and result.stderr == ""
    assert rows(db_path, "SELECT received_on, form, status, closed_on FROM petitions") == [
        ("2018-03-01", "visit", "closed", "2018-03-20")
    ]


# --- the office's own files ------------------------------------------------------------------------------


def test_the_two_row_header_sample_imports_in_one_command(cli, db_path):
    result = cli(*LATE, "import", SAMPLES / "台账示例_两行表头_2017_2018.xls", "--new-villages")
    assert result.stdout.splitlines()[:3] == [
        "读取 台账示例_两行表头_2017_2018.xls 工作表 2017：表头在第 3–4 行，数据 70 行",
        "读取 台账示例_两行表头_2017_2018.xls 工作表 2018：表头在第 3–4 行，数据 50 行",
        "未读取的工作表：说明（没有台账表头）、汇总（汇总表）",
    ]
    assert "已导入 120 件" in result.stdout and "新增属地 顾山村" in result.stdout
    # 已化解 35, 已息访 30, 已办结 28 closed; 正在调处 12, 在办 8, 调处中 7 open
    assert rows(db_path, "SELECT count(*), sum(status = 'open') FROM petitions") == [(120, 27)]
    assert dict(rows(db_path, "SELECT source, count(*) FROM petitions GROUP BY 1")).keys() == {
        "direct", "hotline_12345", "hotline_12369", "superior",
    }  # fmt: skip


def test_the_xlsx_sample_still_imports_through_the_same_reader(cli, db_path):
    cli("village", "add", "顾山村")
    result = cli(*LATE, "import", SAMPLES / "台账示例_2017_2018.xlsx")
    assert "已导入 126 件" in result.stdout
    assert rows(db_path, "SELECT count(*) FROM petitions WHERE closed_on IS NOT NULL") == [(100,)]


# --- what cannot be imported as it is: one line, nothing written, never a traceback -------------------------


def one_line_refusal(cli, path: Path, *args: str) -> str:
    refused = cli("import", path, *args, ok=False)
    assert refused.exit_code == 2, refused.stderr
    assert refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr + refused.stdout
    return refused.stderr.strip()


def test_a_password_protected_workbook_is_refused_with_what_to_do(cli, isolated, db_path):
    ooxml = pytest.importorskip("msoffcrypto.format.ooxml")
    plain = xlsx_book(isolated / "plain.xlsx")
    locked = isolated / "加密.xlsx"
    with open(plain, "rb") as given, open(locked, "wb") as out:
        ooxml.OOXMLFile(given).encrypt("1234", out)
    line = one_line_refusal(cli, locked)
    assert line.startswith("错误：加密.xlsx 设有打开密码：请在 Excel 或 WPS 中打开，取消密码")
    assert not db_path.exists()


def test_a_damaged_workbook_is_refused(cli, isolated, db_path):
    whole = xlsx_book(isolated / "whole.xlsx").read_bytes()
    cut = isolated / "cut.xlsx"
    cut.write_bytes(whole[: len(whole) // 2])  # a copy interrupted
    assert one_line_refusal(cli, cut).startswith("错误：cut.xlsx 已损坏或不是电子表格，无法读取（")
    et = isolated / "坏.et"
    et.write_bytes(b"not a spreadsheet at all" * 10)
    assert one_line_refusal(cli, et) == (
        "错误：坏.et：无法读取这个 WPS .et 文件：请在 WPS 表格中打开，另存为“Excel 工作簿 (*.xlsx)”后再导入"
    )
    assert not db_path.exists()


def test_a_web_page_saved_as_xls_is_named_for_what_it_is(cli, isolated, db_path):
    page = isolated / "系统导出.xls"
    page.write_text("<html><body><table><tr><td>登记日期</td><td>属地</td></tr></table></body></html>", "utf-8")
    assert one_line_refusal(cli, page) == (
        "错误：系统导出.xls 其实是网页（HTML/XML）表格，只是扩展名为 .xls（不少系统的“导出 Excel”如此）："
        "请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入"
    )
    assert not db_path.exists()


def test_cells_merged_over_data_rows_are_refused_by_their_range(cli, isolated, db_path):
    def merge_village(sheet, year):
        if year == "2017":
            sheet.merge_cells("F6:F7")  # one village for two cases: the second row would hold none

    path = xlsx_book(isolated / "m.xlsx", shape=merge_village)
    assert one_line_refusal(cli, path) == (
        "错误：m.xlsx 工作表 2017 的 F6:F7 是跨 2 行的合并单元格，只有第一行有值：请取消合并并在每行填上值后再导入"
    )
    assert not db_path.exists()


def test_a_formula_without_a_saved_value_is_refused_by_its_cell(cli, isolated, db_path):
    def formula(sheet, year):
        if year == "2018":
            sheet["E5"] = "=1+0"  # openpyxl saves a formula without its value, as no spreadsheet program ran it

    path = xlsx_book(isolated / "f.xlsx", shape=formula)
    assert one_line_refusal(cli, path) == (
        "错误：f.xlsx 工作表 2018 的 E5 是公式，文件中没有保存计算结果：请在 Excel 或 WPS 中打开并保存一次后再导入"
    )
    assert not db_path.exists()


def with_cached_value(path: Path, sheet_xml: str, cell: str, formula: str, value: str) -> None:
    """The formula cell as Excel saves it: the formula and its last value."""
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts[sheet_xml].decode()
    start = xml.index(f'<c r="{cell}"')
    end = xml.index("</c>", start) + 4
    parts[sheet_xml] = (xml[:start] + f'<c r="{cell}"><f>{formula}</f><v>{value}</v></c>' + xml[end:]).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def test_a_formula_with_its_saved_value_imports_that_value(cli, isolated, db_path):
    path = xlsx_book(isolated / "v.xlsx")
    with_cached_value(path, "xl/worksheets/sheet3.xml", "E5", "1+0", "4")  # sheet 2018, row 5: 人数
    cli("import", path)
    assert rows(db_path, "SELECT persons FROM petitions WHERE number = '2018-0001'") == [(4,)]


def test_hidden_rows_are_read_as_data_and_said(cli, isolated, db_path):
    def hide(sheet, year):
        if year == "2017":
            sheet.row_dimensions[6].hidden = True

    result = cli("import", xlsx_book(isolated / "h.xlsx", shape=hide))
    assert "隐藏的行也已作为数据读取：第 2017!6 行" in result.stdout
    assert rows(db_path, "SELECT count(*) FROM petitions") == [(5,)]


def test_an_ods_says_its_hidden_rows_and_refuses_merged_rows_and_formulas_without_values(cli, isolated, db_path):
    """.ods files (LibreOffice, 永中) tell none of this through the reader: their XML is read for it."""
    hidden = cli("import", ods_book(isolated / "h.ods", hidden_rows=(5,)))
    assert "隐藏的行也已作为数据读取：第 2017!6 行" in hidden.stdout
    assert rows(db_path, "SELECT count(*) FROM petitions") == [(5,)]
    db_path.unlink()
    merged = ods_book(isolated / "m.ods", spans=((4, 5, 5, 5),))  # 村（社区） of 2017's first two cases
    assert one_line_refusal(cli, merged) == (
        "错误：m.ods 工作表 2017 的 F5:F6 是跨 2 行的合并单元格，只有第一行有值：请取消合并并在每行填上值后再导入"
    )
    formula = ods_book(isolated / "f.ods", formula=(5, 4))
    assert one_line_refusal(cli, formula) == (
        "错误：f.ods 工作表 2017 的 E6 是公式，文件中没有保存计算结果：请在 Excel 或 WPS 中打开并保存一次后再导入"
    )
    assert not db_path.exists()


def test_a_million_empty_formatted_rows_after_the_cases_cost_nothing(cli, isolated, db_path):
    """A sheet formatted down to its last row (a template): the empty rows are not cases, and take no time."""
    path = isolated / "template.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["登记日期", "属地", "信访层级", "反映问题"])
    sheet.append(["2018-06-01", "红豆村", "镇", "异味"])
    workbook.save(path)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    empty = "".join(f'<row r="{r}" s="1" customFormat="1" ht="20" customHeight="1"/>' for r in range(3, 1_000_001))
    parts["xl/worksheets/sheet1.xml"] = xml.replace("</sheetData>", empty + "</sheetData>").encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    result = cli("import", path)
    assert result.stdout.splitlines()[0] == "读取 template.xlsx：表头在第 1 行，数据 1 行"
    assert rows(db_path, "SELECT count(*) FROM petitions") == [(1,)]


# --- cell habits --------------------------------------------------------------------------------------------


def test_a_word_still_unknown_names_its_cell_and_a_rules_file_can_say_more(cli, isolated, db_path):
    path = isolated / "w.csv"
    path.write_text("登记日期,属地,信访层级,反映问题,办理状态\n2018-06-01,红豆村,镇,异味,已转省里\n", encoding="utf-8")
    refused = cli("import", path, ok=False)
    assert "w.csv 第 2 行，“办理状态”列：" in refused.stderr and "已转省里" in refused.stderr
    rules = isolated / "规则.toml"
    rules.write_text('[values.status]\n"已转省里" = "open"\n', encoding="utf-8")
    cli("import", path, "--rules", rules)
    assert rows(db_path, "SELECT status FROM petitions") == [("open",)]


# --- a due date in a file is evidence, not law --------------------------------------------------------------


def test_a_due_date_later_than_the_statute_is_refused_naming_both_dates(cli, isolated, db_path):
    path = isolated / "d.csv"
    path.write_text(
        "登记日期,属地,信访层级,反映问题,办结时限\n2018-03-01,红豆村,镇,异味,2018-06-30\n", encoding="utf-8"
    )
    refused = cli("import", path, ok=False)
    assert (
        "错误：d.csv 第 2 行，“办结时限”列：办结时限 2018-06-30 晚于法定最晚期限 2018-05-15"
        "（2018-03-01 登记，受理 15 日、办理 60 日）：请更正"
    ) in refused.stderr
    assert not db_path.exists()


def test_an_earlier_due_date_is_kept_and_said(cli, isolated, db_path):
    path = isolated / "d.csv"
    path.write_text(
        "登记日期,属地,信访层级,反映问题,办结时限\n2018-03-01,红豆村,镇,异味,2018-03-11\n2018-03-02,红豆村,镇,噪声,\n",
        encoding="utf-8",
    )
    result = cli("import", path)
    assert "办结时限早于法定期限（如督察组的期限），按文件所写保留：第 2 行" in result.stdout
    # the statutory one on a new ledger's official calendar: 2018-05-01 is 劳动节, the next working day 05-02
    assert rows(db_path, "SELECT due_on FROM petitions ORDER BY id") == [("2018-03-11",), ("2018-05-02",)]


# --- Excel out, ready to print ------------------------------------------------------------------------------


def test_an_excel_export_prints_landscape_one_page_wide_with_its_header_on_every_page(cli, isolated):
    cli("import", xls_book(isolated / "台账.xls"))
    out = isolated / "out.xlsx"
    cli("export", "--format", "xlsx", "--headers", "zh", "--year", "2018", "--out", out)
    sheet = load_workbook(out)["台账"]
    setup = sheet.page_setup
    assert (setup.orientation, str(setup.paperSize), setup.fitToWidth, setup.fitToHeight) == ("landscape", "9", 1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.print_title_rows == "$1:$1"
    assert sheet["A1"].value == "编号"  # the number column first: every page says its cases
    assert sheet.oddHeader.center.text == "顾山镇环境信访台账 2018年"
    assert sheet.oddFooter.center.text == "第 &P 页，共 &N 页" and sheet.oddHeader.right.text == "打印于 &D"
    assert str(sheet.print_area).endswith("$A$1:$X$3")  # the canonical columns, the two cases of 2018


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdfinfo") is None, reason="no LibreOffice")
def test_a_long_export_prints_on_pages_one_wide_through_libreoffice(cli, isolated):
    many = {"2018": [[n, date(2018, 1, 1 + n % 28), "某", "", 1, "红豆村", "来访", "镇", "来电", "大气",
                      f"第{n}件", "周建国", "待反馈", "", ""] for n in range(1, 121)]}  # fmt: skip
    cli("import", xls_book(isolated / "多.xls", many))
    out = isolated / "多.xlsx"
    cli("export", "--format", "xlsx", "--headers", "zh", "--out", out)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(isolated), str(out)],
        check=True,
        capture_output=True,
        timeout=180,
        env={"HOME": str(isolated), "PATH": "/usr/bin:/bin"},
    )
    info = subprocess.run(["pdfinfo", str(isolated / "多.pdf")], capture_output=True, text=True, check=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    # 120 cases: a few landscape pages for the cases (not twenty portrait ones), and the 说明 sheet's one
    assert 2 <= pages <= 5, info
    assert "841.89 x 595.3" in info  # A4 landscape, in points


def test_nothing_is_written_when_a_workbook_is_refused_into_an_existing_ledger(cli, isolated, db_path):
    cli("village", "list")
    before = snapshot(db_path)

    def formula(sheet, year):
        if year == "2018":
            sheet["E6"] = "=2"

    one_line_refusal(cli, xlsx_book(isolated / "f.xlsx", shape=formula))
    assert snapshot(db_path) == before
