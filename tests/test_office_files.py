"""Real office files in (hand-kept Excel 台账 with their habits) and Excel-ready files out."""

import os
import pty
import select
import shutil
import stat
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from tests.conftest import rows, snapshot

SAMPLE = Path(__file__).parent.parent / "sample_data" / "台账示例_2017_2018.xlsx"
LATE = ("--today", "2019-01-10")  # the sample runs to the end of 2018


def counts(db: Path, column: str) -> dict:
    return dict(rows(db, f"SELECT {column}, count(*) FROM petitions GROUP BY 1"))


# --- the sample office file ------------------------------------------------------------------------------


def test_the_sample_office_file_imports_once_its_village_is_named(cli, db_path):
    refused = cli(*LATE, "import", SAMPLE, ok=False)
    assert refused.exit_code == 2 and "“属地”列：没有“顾山村”这个村（社区）" in refused.stderr
    assert not db_path.exists()  # nothing written: not even the new ledger is left
    cli("village", "add", "顾山村")
    result = cli(*LATE, "import", SAMPLE)
    assert result.stdout.splitlines() == [
        "读取 台账示例_2017_2018.xlsx（工作表 台账）：表头在第 2 行，数据 126 行",
        "未读取的工作表：说明（没有台账表头）",
        "跳过 2 行：空行 129；合计/小计 130",
        "忽略的列：序号",
        "台账示例_2017_2018.xlsx：已导入 126 件，更正 0 件，跳过已有编号 0 件",
    ]
    assert result.stderr.startswith("未导入的列：备注（第 2 行表头：序号 | 登记日期 | 属地 | 来信来访人 |")
    # 顾山 is 顾山社区's short form; 顾山村 is the village added beside it
    assert counts(db_path, "village") == {"北漍社区": 22, "南曹庄村": 15, "红豆村": 30, "顾山村": 33, "顾山社区": 26}
    # 未办结 6 + 办理中 12 + 调处中 8 are open; 已办结, 已化解, 已销号 closed with their dates
    assert counts(db_path, "status") == {"closed": 100, "open": 26}
    assert counts(db_path, "level") == {"county": 45, "national": 12, "prefecture": 14, "province": 10, "town": 45}
    assert counts(db_path, "persons") == {1: 50, 2: 23, 3: 28, 6: 25}
    first = cli.json(*LATE, "show", "2017-顾山-001")
    assert (first["received_on"], first["closed_on"], first["leader"]) == ("2017-01-03", "2017-01-14", "周建国")
    assert rows(db_path, "SELECT phone FROM petitions WHERE number = '2017-顾山-001'") == [("13924337211",)]
    assert cli.json(*LATE, "show", "2017-北漍-001")["closed_on"] == "2017-02-20"  # a date cell at 00:00


def test_village_add_beside_a_community_holding_the_short_form(cli, db_path):
    result = cli("village", "add", "顾山村")
    assert result.stdout.splitlines() == [
        "简称“顾山”已属于 顾山社区：顾山村 以全名“顾山村”为编号简称（用 --short 另选）",
        "已添加 顾山村（简称 顾山村）",
    ]
    assert cli("village", "add", "新桥村", "--short", "新桥二").stdout.strip() == "已添加 新桥村（简称 新桥二）"
    before = snapshot(db_path)
    refused = cli("village", "add", "顾北新村", "--short", "顾北", ok=False)
    assert refused.stderr.strip() == "错误：简称“顾北”已属于 顾北村：用 --short 另选一个"
    assert snapshot(db_path) == before


# --- files generated with each habit ---------------------------------------------------------------------

HEADER = ["序号", "来信来访日期", "所属村（社区）", "信访方式", "去向", "问题类别", "信访事项", "涉及人数",
          "联系电话", "责任领导", "办理情况", "销号时间", "化解情况"]  # fmt: skip


def habits_book(path: Path, cases: list[list], *, first_sheet: str | None = "填表说明") -> Path:
    book = Workbook()
    if first_sheet:
        book.active.title = first_sheet
        book.active.append(["每月 5 日前报镇信访办"])
        sheet = book.create_sheet("台账")
    else:
        sheet = book.active
        sheet.title = "台账"
    sheet.append(["顾山镇环境信访台账"])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append(["填报单位：顾山镇信访办", None, None, None, "填报日期：2018年12月31日"])
    sheet.append([])
    sheet.append(HEADER)
    for number, case in enumerate(cases, start=1):
        sheet.append([number, *case])
    sheet.append([])
    sheet.append([len(cases) + 1])  # a template row: only its 序号
    sheet.append(["小计", None, None, None, None, None, None, 9])
    sheet.append(["合计", "3件"])
    sheet.append(["填表人：张三", None, None, None, "审核人：李四"])
    book.save(path)
    return path


CASES = [
    # a real date cell, a serial number, text dates, status words, 3人, short village names, 省/京/镇
    [datetime(2018, 3, 5), "红豆", "来访", "省", "大气", "化工厂异味", "3人", "13912345678", "周建国", "调处中", None,
     None],
    [43258, "北漍", "来信", "京", "噪声", "夜间施工", 2, "0510-86123456", "周建国", "已答复", "2018.6.20",
     "问题解决"],
    ["2018/6/7", "南曹庄", "电话", "镇", "水", "河道发黑", "1人", None, "陈志明", "已化解",
     datetime(2018, 6, 15, 0, 0), "停诉息访"],
]  # fmt: skip


def test_each_habit_of_a_hand_kept_file(cli, isolated, db_path):
    path = habits_book(isolated / "habits.xlsx", CASES)
    result = cli("import", path)
    assert result.stdout.splitlines() == [
        "读取 habits.xlsx（工作表 台账）：表头在第 4 行，数据 3 行",
        "未读取的工作表：填表说明（没有台账表头）",
        "跳过 5 行：空行 8–9；落款/注 12；合计/小计 10–11",
        "忽略的列：序号",
        "habits.xlsx：已导入 3 件，更正 0 件，跳过已有编号 0 件",
    ]
    assert result.stderr == ""
    got = rows(
        db_path,
        "SELECT village, level, persons, status, substr(received_at, 1, 10), closed_on, outcome, phone "
        "FROM petitions ORDER BY id",
    )
    assert got == [
        ("红豆村", "province", 3, "open", "2018-03-05", None, None, "13912345678"),
        ("北漍社区", "national", 2, "closed", "2018-06-07", "2018-06-20", "resolved", "0510-86123456"),
        ("南曹庄村", "town", 1, "closed", "2018-06-07", "2018-06-15", "stopped", None),
    ]


def test_the_sheet_is_chosen_by_name_or_number(cli, isolated):
    path = habits_book(isolated / "s.xlsx", CASES)
    cli("village", "list")  # the ledger exists: a dry run needs one
    refused = cli("import", path, "--sheet", "1", "--dry-run", ok=False)
    assert "前 30 行中找不到表头" in refused.stderr
    assert "工作表 台账" in cli("import", path, "--sheet", "台账", "--dry-run").stdout
    missing = cli("import", path, "--sheet", "统计", ok=False)
    assert missing.stderr.strip() == "错误：s.xlsx：没有工作表 '统计'；有：填表说明、台账"


def test_dates_without_a_year_need_year(cli, isolated, db_path):
    case = ["6月7日", "红豆村", "来访", "镇级", "大气", "异味", 1, None, None, "在办", None, None]
    path = habits_book(isolated / "y.xlsx", [case], first_sheet=None)
    refused = cli("import", path, ok=False)
    # named as the file names it: the file, its row and column; nothing imported; how to give the year
    assert "y.xlsx 第 5 行，“来信来访日期”列：“6月7日”没有年份，未导入任何内容：请用 --year" in refused.stderr
    assert not db_path.exists()  # nothing written: not even the new ledger is left
    cli("import", path, "--year", "2018")
    assert rows(db_path, "SELECT substr(received_at, 1, 10) FROM petitions") == [("2018-06-07",)]


OWN = ["日期", "村", "反映事项摘要", "层级", "备注"]
OWN_ROWS = [["2018-06-01", "红豆村", "异味", "区级", "x"], ["2018-06-02", "顾北村", "噪声", "镇", ""]]


def own_csv(path: Path) -> Path:
    lines = [",".join(OWN)] + [",".join(r) for r in OWN_ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_unknown_headers_are_reported_with_the_closest_fields_and_mapped(cli, isolated, db_path):
    path = own_csv(isolated / "own.csv")
    refused = cli("import", path, ok=False)
    assert refused.stderr.strip() == (
        "错误：own.csv 第 1 行（表头：日期 | 村 | 反映事项摘要 | 层级 | 备注）："
        "缺少 village (属地)、subject (反映问题) 列；未识别：村（最接近：village）、反映事项摘要（最接近：subject）；"
        "用 --map '表头=字段' 指定"
    )
    mapped = cli("import", path, "--map", "村=village", "--map", "反映事项摘要=subject", "--map", "level:区级=county")
    assert "未导入的列：备注" in mapped.stderr
    assert rows(db_path, "SELECT village, level, subject FROM petitions ORDER BY id") == [
        ("红豆村", "county", "异味"),
        ("顾北村", "town", "噪声"),
    ]


def test_a_rules_file_holds_the_same_mappings(cli, isolated, db_path):
    rules = isolated / "顾山.toml"
    rules.write_text(
        '[columns]\n"村" = "village"\n"反映事项摘要" = "反映问题"\n"备注" = "-"\n\n[values.level]\n"区级" = "county"\n',
        encoding="utf-8",
    )
    result = cli("import", own_csv(isolated / "own.csv"), "--rules", rules)
    assert result.stderr == ""  # 备注 left out quietly
    assert "忽略的列：备注" in result.stdout
    assert counts(db_path, "level") == {"county": 1, "town": 1}
    bad = isolated / "bad.toml"
    bad.write_text('[columns]\n"村" = "hamlet"\n', encoding="utf-8")
    refused = cli("import", own_csv(isolated / "own.csv"), "--rules", bad, ok=False)
    assert "'hamlet' in '村 = hamlet' is not a field" in cli("--lang", "en", "import", isolated / "own.csv",
                                                              "--rules", bad, ok=False).stderr  # fmt: skip
    assert refused.exit_code == 2
    wrong = cli("import", isolated / "own.csv", "--map", "村", ok=False)
    assert wrong.stderr.strip() == "错误：--map 取 '表头=字段' 或 '字段:值=代码'，而不是 '村'"


# --- a file without numbers imported again ---------------------------------------------------------------


def unnumbered_csv(path: Path, lines: list[tuple[str, str, str]]) -> Path:
    body = ["登记日期,属地,信访层级,反映问题,信访人"] + [f"{d},红豆村,镇,{s},{who}" for d, s, who in lines]
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    return path


def test_a_file_without_numbers_imported_again_skips_the_cases_already_there_and_names_their_rows(
    cli, isolated, db_path
):
    first = [("2018-06-01 09:30", "异味", "张三"), ("2018-06-02", "噪声", "李四"), ("2018-06-02", "噪声", "李四")]
    cli("import", unnumbered_csv(isolated / "t.csv", first))  # two people on one day: two cases
    assert rows(db_path, "SELECT count(*) FROM petitions") == [(3,)]
    again = cli("import", isolated / "t.csv")
    assert "第 2–4 行与台账中已有的件相同（登记时间、属地、反映问题、信访人均相同），未再导入" in again.stdout
    assert again.stdout.splitlines()[-1] == (
        "t.csv：已导入 0 件，更正 0 件，跳过已有编号 0 件，跳过台账中已有的相同件 3 件"
    )
    assert rows(db_path, "SELECT count(*) FROM petitions") == [(3,)]
    # the office's file grew: the new row comes in, the old ones are named; another time or person is another case
    grown = [*first, ("2018-06-01 10:00", "异味", "张三"), ("2018-06-02", "噪声", "王五")]
    more = cli("--lang", "en", "import", unnumbered_csv(isolated / "t.csv", grown))
    assert (
        "rows 2–4 are cases already in the ledger (same receipt time, village, subject and petitioner)" in more.stdout
    )
    assert more.stdout.splitlines()[-1].startswith("t.csv: imported 2, updated 0")
    assert rows(db_path, "SELECT count(*) FROM petitions") == [(5,)]


# --- numbers given twice ---------------------------------------------------------------------------------


def numbered_csv(path: Path, lines: list[tuple[str, str, str]]) -> Path:
    body = ["编号,登记日期,属地,信访层级,反映问题"] + [f"{n},{d},红豆村,镇,{s}" for n, d, s in lines]
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    return path


def test_a_number_twice_in_the_file_or_held_by_another_case_names_both(cli, isolated, db_path):
    twice = numbered_csv(isolated / "t.csv", [("A-1", "2018-06-01", "异味"), ("A-2", "2018-06-02", "噪声"),
                                               ("A-1", "2018-06-03", "污水")])  # fmt: skip
    result = cli("import", twice, ok=False)
    assert "t.csv 第 4 行，“编号”列：编号 A-1 在文件中出现两次：第 2 行和第 4 行" in result.stderr
    assert not db_path.exists()  # nothing written: not even the new ledger is left
    cli("import", numbered_csv(isolated / "one.csv", [("A-1", "2018-06-01", "异味")]))
    again = cli("import", isolated / "one.csv")  # the same case again: left as it is, counted
    assert again.stdout.splitlines()[-1] == "one.csv：已导入 0 件，更正 0 件，跳过已有编号 1 件"
    other = numbered_csv(isolated / "other.csv", [("A-1", "2018-06-05", "废水直排")])
    held = cli("import", other, ok=False)
    assert (
        "编号 A-1 已是台账中另一件（2018-06-01，红豆村，“异味”）；要更正那件用 --update，否则给本行另一个编号"
        in held.stderr
    )
    assert cli("import", other, "--update").stdout.splitlines()[-1].endswith("更正 1 件，跳过已有编号 0 件")


def test_an_encoding_error_names_the_line_and_an_encoding_that_works(cli, isolated):
    path = isolated / "u16.csv"
    path.write_text("登记日期,属地,信访层级,反映问题\n2018-06-01,红豆村,镇,异味\n", encoding="utf-16")
    result = cli("import", path, "--encoding", "gb18030", ok=False)
    assert result.stderr.strip() == "错误：u16.csv 第 1 行：不是 gb18030 编码的文字；可试 --encoding utf-16"
    mixed = isolated / "mixed.csv"
    mixed.write_bytes(
        "登记日期,属地,信访层级,反映问题\n2018-06-01,红豆村,镇,异味\n".encode()
        + "2018-06-02,红豆村,镇,噪声\n".encode("gbk")
    )
    result = cli("import", mixed, "--encoding", "utf-8", ok=False)
    assert result.stderr.strip().startswith("错误：mixed.csv 第 3 行：不是 utf-8 编码的文字；")
    assert "--encoding utf-8" not in result.stderr  # never the one that just failed


# --- files out -------------------------------------------------------------------------------------------


def test_xlsx_round_trip_gives_the_same_report_and_opens_well(cli, isolated, db_path):
    cli("village", "add", "顾山村")
    cli(*LATE, "import", SAMPLE)
    out = isolated / "台账.xlsx"
    cli(*LATE, "export", "--format", "xlsx", "--headers", "zh", "--out", out)
    book = load_workbook(out)
    sheet = book["台账"]
    assert book.sheetnames == ["台账", "说明"]
    from openpyxl.utils import get_column_letter

    from guside_cli.interchange.headers import EXPORT_FIELDS

    last = get_column_letter(len(EXPORT_FIELDS))  # every exported column is under the filter, all 126 rows
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:{last}{126 + 1}"
    assert sheet["A1"].font.b and sheet["B1"].value == "登记日期"
    assert sheet["B2"].is_date and sheet["B2"].value == datetime(2017, 1, 3)
    closed = next(c for c in sheet[1] if c.value == "销号日期").column_letter
    assert sheet[f"{closed}2"].is_date and sheet[f"{closed}2"].number_format == "yyyy-mm-dd"
    phone = next(c for c in sheet[1] if c.value == "联系电话").column_letter
    assert sheet[f"{phone}2"].value == "13924337211" and sheet[f"{phone}2"].number_format == "@"
    level = next(c for c in sheet[1] if c.value == "信访层级").column_letter
    assert {sheet[f"{level}{r}"].value for r in range(2, 128)} == {"镇级", "县级", "市级", "省级", "国家级"}
    subject = next(c for c in sheet[1] if c.value == "反映问题").column_letter
    assert sheet.column_dimensions[subject].width >= 2 * len("企业夜间排放废气，气味刺鼻")
    assert ("件数", "126") in list(book["说明"].iter_rows(values_only=True))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # personal data
    fresh = isolated / "fresh.db"
    cli("--db", fresh, "village", "add", "顾山村")
    cli("--db", fresh, *LATE, "import", out)
    for year in ("2017", "2018"):
        mine = cli(*LATE, "report", "--year", year).stdout
        theirs = cli("--db", fresh, *LATE, "report", "--year", year).stdout

        def figures(report: str) -> str:  # the anchor (账本校验 N:hash) names each ledger's own chain
            return "\n".join(line for line in report.splitlines() if not line.startswith("账本校验"))

        assert figures(theirs) == figures(mine) and "账本校验" in mine


def test_csv_for_excel_keeps_phone_numbers_text_and_reads_back(cli, isolated, db_path):
    cli.add(phone="13912345678", level="县级")
    out = isolated / "e.csv"
    cli("export", "--headers", "zh", "--excel", "--out", out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert '"=""13912345678"""' in text and ",县级," in text
    gb = isolated / "gb.csv"
    cli("export", "--headers", "zh", "--encoding", "gb18030", "--out", gb)
    assert "登记日期" in gb.read_bytes().decode("gb18030")
    fresh = isolated / "fresh.db"
    cli("--db", fresh, "import", out)
    assert rows(fresh, "SELECT phone, level FROM petitions") == [("13912345678", "county")]
    refused = cli("export", "--format", "json", "--excel", ok=False)
    assert refused.stderr.strip() == "错误：--excel 只用于 CSV"


def test_public_files_are_readable_by_others_and_the_rest_private(cli, isolated):
    cli.add()
    old = os.umask(0o077)
    try:
        cli("publish", "--format", "html", "--out", isolated / "公示.html")
        cli("bulletin", "--year", "2018", "--format", "html", "--out", isolated / "通报.html")
        cli("bulletin", "--year", "2018", "--format", "markdown", "--out", isolated / "通报.md")
        cli("export", "--out", isolated / "e.csv")
    finally:
        os.umask(old)
    modes = {
        name: stat.S_IMODE((isolated / name).stat().st_mode) for name in ("公示.html", "通报.html", "通报.md", "e.csv")
    }
    assert modes == {"公示.html": 0o644, "通报.html": 0o644, "通报.md": 0o600, "e.csv": 0o600}


# --- the progress bar ------------------------------------------------------------------------------------


def run_on_terminal(args: list[str], env: dict) -> tuple[int, str]:
    """Run guside with stderr on a pseudo-terminal (as a clerk's shell has it); returns (exit code, stderr)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    proc.wait()
    os.close(master)
    return proc.returncode, seen.decode("utf-8", "replace")


def test_progress_bar_shows_on_a_terminal_and_never_when_piped(cli, isolated):
    guside = shutil.which("guside", path=str(Path(sys.executable).parent))
    lines = ["登记日期,属地,信访层级,反映问题"] + [f"2018-06-{1 + i % 20:02d},红豆村,镇,异味 {i}" for i in range(1500)]
    path = isolated / "big.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = dict(os.environ, GUSIDE_PROGRESS_AFTER="0", COLUMNS="100")
    code, shown = run_on_terminal([guside, "--db", str(isolated / "t.db"), "import", str(path)], env)
    assert code == 0 and "每秒" in shown and "big.csv" in shown
    code, shown = run_on_terminal(
        [guside, "--db", str(isolated / "t.db"), "export", "--out", str(isolated / "o.csv")], env
    )
    assert code == 0 and "每秒" in shown
    piped = subprocess.run(
        [guside, "--db", str(isolated / "p.db"), "import", str(path)], env=env, capture_output=True, text=True
    )
    assert piped.returncode == 0 and piped.stderr == ""
    slow_start = dict(env, GUSIDE_PROGRESS_AFTER="60")  # a quick run shows nothing, even on a terminal
    code, shown = run_on_terminal([guside, "--db", str(isolated / "q.db"), "import", str(path)], slow_start)
    assert code == 0 and "每秒" not in shown


WORDS = [("在办", "open"), ("正在办理", "open"), ("未办结", "open"), ("调处中", "open"), ("已销号", "closed"),
         ("办结", "closed"), ("已答复", "closed"), ("已化解", "closed")]  # fmt: skip


@pytest.mark.parametrize("word,status", WORDS)
def test_status_words_of_real_ledgers(cli, isolated, db_path, word, status):
    closed = "" if status == "open" else "2018-06-10"
    path = isolated / "s.csv"
    path.write_text(
        f"登记日期,属地,信访层级,反映问题,办理状态,办结日期\n2018-06-01,红豆,镇,异味,{word},{closed}\n", "utf-8"
    )
    cli("import", path)
    assert rows(db_path, "SELECT status, closed_on FROM petitions") == [(status, closed or None)]


def test_new_villages_name_the_row_that_brought_them_in(cli, isolated, db_path):
    case = ["2018-06-01", "新桥村", "来访", "镇级", "大气", "异味", 1, None, None, "在办", None, None]
    path = habits_book(isolated / "v.xlsx", [CASES[0], case], first_sheet=None)
    assert "没有“新桥村”这个村（社区）" in cli("import", path, ok=False).stderr
    result = cli("import", path, "--new-villages")
    assert "新增属地 新桥村（第 6 行）" in result.stdout.splitlines()


def test_a_redacted_xlsx_says_what_was_removed(cli, isolated):
    cli.add(petitioner="张三", phone="13912345678")
    out = isolated / "r.xlsx"
    cli("export", "--format", "xlsx", "--redact", "--out", out)
    book = load_workbook(out)
    about = dict(book["说明"].iter_rows(values_only=True))
    assert about["脱敏"].startswith("已脱敏副本") and about["件数"] == "1"
    assert book["台账"]["M2"].value == "张*" and book["台账"]["N2"].value.startswith("139")


def test_a_date_column_written_with_midnight_is_that_day(cli, isolated, db_path):
    path = isolated / "m.csv"
    path.write_text(
        "登记日期,属地,信访层级,反映问题,办理状态,办结日期\n"
        "2017-12-01 00:00:00,红豆村,镇,异味,已办结,2017-12-12 00:00:00\n",
        encoding="utf-8",
    )
    cli("import", path)
    assert rows(db_path, "SELECT closed_on FROM petitions") == [("2017-12-12",)]
    late = isolated / "late.csv"
    late.write_text(
        "登记日期,属地,信访层级,反映问题,办理状态,办结日期\n2017-12-01,红豆村,镇,噪声,已办结,2017-12-12 15:30\n",
        "utf-8",
    )
    assert (
        "has a time of day" in cli("--lang", "en", "import", late, ok=False).stderr
    )  # a time that is not midnight is asked about


def test_an_unknown_status_word_says_how_to_map_it(cli, isolated, db_path):
    path = isolated / "w.csv"
    path.write_text("登记日期,属地,信访层级,反映问题,办理状态\n2018-06-01,红豆村,镇,异味,已转办\n", encoding="utf-8")
    refused = cli("import", path, ok=False)
    assert "“办理状态”列中有不认识的值：用 --map 'status:值=代码'" in refused.stderr
    cli("import", path, "--map", "status:已转办=open")
    assert rows(db_path, "SELECT status FROM petitions") == [("open",)]


def test_a_first_dry_run_needs_no_ledger_and_leaves_none(cli, isolated, db_path):
    result = cli(*LATE, "import", SAMPLE, "--dry-run", ok=False)
    assert "没有“顾山村”这个村（社区）" in result.stderr  # checked against the town's list of villages
    ok = cli(*LATE, "import", SAMPLE, "--dry-run", "--new-villages")
    assert ok.stdout.splitlines()[-1].startswith("台账示例_2017_2018.xlsx：检查通过（未写入） 126 件")
    assert not db_path.exists()
    temp = Path(tempfile.gettempdir())  # the test's own (conftest): what the dry run made there, it removed
    assert temp != isolated and not list(temp.glob("guside-dry-run-*"))
