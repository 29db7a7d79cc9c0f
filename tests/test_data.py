"""Data in and out: import (CSV in UTF-8, UTF-8 with BOM and GB18030, Excel, JSON), export, publish, backup, check."""

import csv
import json
import sqlite3
import stat
from pathlib import Path

import pytest
from conftest import copy_ledger, rows, snapshot
from openpyxl import Workbook, load_workbook

ZH_HEADER = [
    "编号",
    "受理日期",
    "属地",
    "信访形式",
    "信访层级",
    "来源",
    "污染类型",
    "反映问题",
    "诱因",
    "涉及人数",
    "责任单位",
    "涉事企业",
    "信访人",
    "联系电话",
    "身份证号",
    "重点人员",
    "事态发展预测",
    "交办编号",
    "包案领导",
    "办结时限",
    "状态",
    "销号日期",
    "办理结果",
    "原件编号",
    "备注",
]
ROWS = [
    [
        "XF2017-01",
        "2017/3/5",
        "红豆村",
        "来访",
        "省",
        "中央环保督察交办",
        "大气;噪声",
        "化工厂夜间异味",
        "设施停运",
        "6",
        "镇综合执法局",
        "虚构锦程化工",
        "张某",
        "13900001234",
        "32028119900508953X",
        "王某某、李某某",
        "可能越级上访",
        "D3JS201703050001",
        "王镇长",
        "2017-03-15",
        "已销号",
        "2017-03-12",
        "停诉息访",
        "",
        "老台账",
    ],
    [
        "XF2017-02",
        "2017年4月1日",
        "顾山",
        "电话",
        "镇",
        "12345",
        "噪声",
        "工地夜间施工",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "XF2017-01",
        "",
    ],
]


def write_csv(path: Path, header, rows, encoding: str) -> Path:
    with open(path, "w", encoding=encoding, newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def check_imported(cli):
    first = cli.json("show", "XF2017-01", "--reveal")
    assert (first["received_on"], first["village"], first["level"], first["source"]) == (
        "2017-03-05",
        "红豆村",
        "province",
        "central_inspection",
    )
    assert first["pollution"] == ["air", "noise"] and first["key_persons"] == ["王某某", "李某某"]
    assert (first["persons"], first["phone"], first["id_number"]) == (6, "13900001234", "32028119900508953X")
    assert (first["status"], first["closed_on"], first["outcome"], first["leader"]) == (
        "closed",
        "2017-03-12",
        "stopped",
        "王镇长",
    )
    assert first["came_back"] == 1
    second = cli.json("show", "XF2017-02")
    assert (second["village"], second["persons"], second["source"], second["repeat_of"]) == (
        "顾山社区",
        1,
        "hotline_12345",
        "XF2017-01",
    )


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8-sig", "utf-8"])
def test_import_csv_with_chinese_headers_in_each_encoding(cli, isolated, encoding):
    path = write_csv(isolated / f"台账-{encoding}.csv", ZH_HEADER, ROWS, encoding)
    result = cli("import", path)
    assert result.stdout.splitlines() == [
        f"读取 {path.name}：表头在第 1 行，数据 2 行",
        "办结时限早于法定期限（如督察组的期限），按文件所写保留：第 2 行",  # the central inspection's 10 days
        "文件只有“受理日期”一个日期列：作为登记（收到）日期导入",
        f"{path.name}：已导入 2 件，更正 0 件，跳过已有编号 0 件",
    ]
    assert result.stderr.startswith("未导入的列：备注（第 1 行表头：编号 | 受理日期 | 属地 |")
    check_imported(cli)


def test_forced_encoding_that_is_wrong_is_a_clear_error(cli, isolated):
    path = write_csv(isolated / "gbk.csv", ZH_HEADER, ROWS, "gb18030")
    result = cli("import", path, "--encoding", "utf-8", ok=False)
    assert result.exit_code == 2
    assert result.stderr.strip() == "错误：gbk.csv 第 1 行：不是 utf-8 编码的文字；可试 --encoding gb18030"


def test_import_xlsx_with_real_and_text_dates(cli, isolated):
    from datetime import datetime

    book = Workbook()
    sheet = book.active
    sheet.append(ZH_HEADER)
    first = list(ROWS[0])
    first[1] = datetime(2017, 3, 5, 9, 30)  # a real Excel date
    first[9] = 6  # a number cell
    sheet.append(first)
    sheet.append(ROWS[1])
    path = isolated / "台账.xlsx"
    book.save(path)
    cli("import", path)
    check_imported(cli)
    assert cli.json("show", "XF2017-01")["received_at"] == "2017-03-05T09:30:00+08:00"


def test_every_bad_row_is_reported_and_nothing_is_written(cli, db_path, isolated):
    cli.add()  # an existing ledger with one case
    before = snapshot(db_path)
    rows = [list(ROWS[0]), list(ROWS[1]), list(ROWS[1]), list(ROWS[1])]
    rows[1][0], rows[2][0], rows[3][0] = "B-1", "B-2", "B-3"
    rows[1][1] = "2017-02-30"
    rows[2][4] = "区"
    rows[3][2] = "无此村"
    rows[3][13] = "12345"
    path = write_csv(isolated / "bad.csv", ZH_HEADER, rows, "utf-8")
    result = cli("--lang", "en", "import", path, ok=False)  # dates speak the run's language
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert lines[1:] == [
        "Error: bad.csv row 3, column 受理日期: '2017-02-30' is not a real date (day is out of range for month)",
        "Error: bad.csv row 4, column 信访层级: unknown level '区': use one of town (镇级), county (县级), "
        "prefecture (市级), province (省级), national (国家级)",
        "Error: bad.csv row 5, column 属地: unknown village '无此村': see `guside village list` "
        "(add a new one with `guside village add NAME`)",
        "Error: bad.csv row 5, column 联系电话: phone number is not valid: a mobile has 11 digits starting 13-19, "
        "a landline its area code first (0510-86001234)",
        "the column '信访层级' holds values guside does not know: map them with --map 'level:VALUE=CODE' or a "
        "rules file's [values.level], e.g. --map 'level:区级=county'",
        "if the file's villages are truly new, run this import again with --new-villages to register them with it "
        "(add --dry-run to see which first)",
        "Error: 4 problem(s) in bad.csv: nothing was imported; correct the rows above and import again",
    ]
    assert "12345" not in result.stderr.replace("12345热线", "")  # a bad phone number is not echoed
    assert snapshot(db_path) == before


def test_dry_run_checks_and_writes_nothing(cli, db_path, isolated):
    cli.add()
    before = snapshot(db_path)
    path = write_csv(isolated / "ok.csv", ZH_HEADER, ROWS, "utf-8")
    out = cli("import", path, "--dry-run").stdout
    assert out.splitlines()[-1] == "ok.csv：检查通过（未写入） 2 件，更正 0 件，跳过已有编号 0 件"
    assert snapshot(db_path) == before


def test_reimport_skips_or_updates_by_number(cli, isolated):
    path = write_csv(isolated / "a.csv", ZH_HEADER, ROWS, "utf-8")
    cli("import", path)
    assert "跳过已有编号 2 件" in cli("import", path).stdout
    changed = [list(r) for r in ROWS]
    changed[1][7] = "工地夜间施工噪声（更正）"
    write_csv(path, ZH_HEADER, changed, "utf-8")
    assert "更正 1 件，跳过已有编号 1 件" in cli("import", path, "--update").stdout
    assert cli.json("show", "XF2017-02")["subject"] == "工地夜间施工噪声（更正）"
    assert [h["field"] for h in cli.json("history", "XF2017-02") if h["action"] == "edit"] == ["subject"]


def test_new_villages_only_when_asked(cli, isolated):
    rows = [list(ROWS[1])]
    rows[0][2], rows[0][23] = "新桥村", ""
    path = write_csv(isolated / "v.csv", ZH_HEADER, rows, "utf-8")
    assert "没有“新桥村”这个村（社区）" in cli("import", path, ok=False).stderr
    assert "新增属地 新桥村" in cli("import", path, "--new-villages").stdout
    assert cli.json("show", "XF2017-02")["village"] == "新桥村"


def test_missing_required_column(cli, isolated):
    path = write_csv(isolated / "m.csv", ["编号", "属地", "反映问题"], [["X-1", "红豆", "s"]], "utf-8")
    result = cli("import", path, ok=False)
    assert result.stderr.strip() == (
        "错误：m.csv 第 1 行（表头：编号 | 属地 | 反映问题）：缺少 received_on (登记日期)、level (信访层级) 列；"
        "用 --map '表头=字段' 指定"
    )


@pytest.fixture
def demo(demo_ledger, isolated):
    return copy_ledger(demo_ledger, isolated / "demo.db")


REPORT = ("--today", "2018-12-31", "report", "--year", "2018", "--format", "json")


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json", "jsonl"])
def test_export_then_import_gives_the_same_report(cli, demo, isolated, fmt):
    out = isolated / f"export.{fmt}"
    cli("--db", demo, "export", "--format", fmt, "--out", out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    fresh = isolated / "fresh.db"
    cli("--db", fresh, "--today", "2018-12-31", "import", out)
    copy, source = (json.loads(cli("--db", db, *REPORT).stdout) for db in (fresh, demo))
    # the export carries a case's first contact and acceptance, not its arrival and mediation steps
    assert (
        copy["cases"].pop("three_firsts")["first_contact_24h"]
        == source["cases"].pop("three_firsts")["first_contact_24h"]
    )
    assert copy == source
    original = {r["uid"]: r for r in cli.json("--db", demo, "list", "--reveal")}
    copied = {r["uid"]: r for r in cli.json("--db", fresh, "list", "--reveal")}
    keep = (
        "number",
        "received_at",
        "village",
        "level",
        "pollution",
        "subject",
        "phone",
        "id_number",
        "status",
        "closed_on",
        "outcome",
        "leader",
        "due_on",
        "repeat_of",
    )
    assert {u: {k: r[k] for k in keep} for u, r in copied.items()} == {
        u: {k: r[k] for k in keep} for u, r in original.items()
    }


def test_csv_export_is_excel_friendly_with_chinese_headers(cli, demo, isolated):
    out = isolated / "zh.csv"
    cli("--db", demo, "export", "--headers", "zh", "--out", out, "--year", "2018")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel opens it right
    header = raw.decode("utf-8-sig").splitlines()[0].split(",")
    assert header[:4] == ["编号", "登记日期", "属地", "信访形式"]
    gb = isolated / "gb.csv"
    cli("--db", demo, "export", "--encoding", "gb18030", "--out", gb)
    assert gb.read_bytes().decode("gb18030").startswith("number,received_on")


def test_formula_injection_is_neutralised_and_reads_back_unchanged(cli, isolated):
    evil = '=HYPERLINK("http://x","点击")'
    cli.add(subject=evil, enterprise="+86企业", cause="-减号开头", forecast="@at")
    out = isolated / "f.csv"
    cli("export", "--out", out)
    text = out.read_text(encoding="utf-8-sig")
    assert "'=HYPERLINK" in text and "'+86企业" in text and "'-减号开头" in text and "'@at" in text
    xlsx = isolated / "f.xlsx"
    cli("export", "--format", "xlsx", "--out", xlsx)
    cells = [c.value for c in next(load_workbook(xlsx).worksheets[0].iter_rows(min_row=2, max_row=2))]
    assert "'" + evil in cells and not any(isinstance(v, str) and v.startswith("=") for v in cells)
    for source in (out, xlsx):
        fresh = isolated / f"fresh-{source.suffix}.db"
        cli("--db", fresh, "import", source)
        shown = cli.json("--db", fresh, "show", "1")
        assert (shown["subject"], shown["enterprise"], shown["cause"], shown["forecast"]) == (
            evil,
            "+86企业",
            "-减号开头",
            "@at",
        )


def test_redacted_export_masks_personal_data_and_says_so(cli, isolated):
    cli.add(
        petitioner="张小明",
        phone="13900001234",
        id_number="32028119900508953X",
        subject="电话13900001234反映",
        **{"key_person": "王某某"},
    )
    out = isolated / "r.csv"
    cli("export", "--redact", "--out", out)
    text = out.read_text(encoding="utf-8-sig")
    assert text.startswith("# 已脱敏副本")
    for secret in ("张小明", "13900001234", "32028119900508953X", "王某某"):
        assert secret not in text
    assert "139****1234" in text and "张**" in text
    jsonl = isolated / "r.jsonl"
    cli("export", "--redact", "--format", "jsonl", "--out", jsonl)
    assert json.loads(jsonl.read_text(encoding="utf-8").splitlines()[0])["_meta"]["notice"].startswith("已脱敏")


def test_publish_never_shows_personal_data(cli, leaders_and_case):
    for fmt in ("markdown", "csv", "html", "json"):
        out = cli("publish", "--year", "2018", "--format", fmt).stdout
        for secret in ("张小明", "13900001234", "32028119900508953X", "王某某", "0510-86001234", "王镇长"):
            assert secret not in out, (fmt, secret)
        assert "2018-0001" in out and "副镇长" in out
    html = cli("publish", "--format", "html").stdout
    assert html.startswith("<!doctype html>") and "&lt;script&gt;" in html
    data = json.loads(cli("publish", "--format", "json").stdout)
    assert data["cases"][0]["subject"] == "电话139****1234、身份证320281********953X、座机********1234<script>"
    assert set(data["cases"][0]) == {
        "number",
        "received_on",
        "village",
        "enterprise",
        "pollution",
        "subject",
        "unit",
        "leader_title",
        "status",
        "closed_on",
    }


@pytest.fixture
def leaders_and_case(cli):
    cli("leader", "add", "王镇长", "--title", "副镇长", "--rank", "town")
    number = cli.add(
        level="省",
        petitioner="张小明",
        phone="13900001234",
        id_number="32028119900508953X",
        subject="电话13900001234、身份证32028119900508953X、座机0510-86001234<script>",
        **{"key_person": "王某某"},
    )["number"]
    cli("assign", number, "--leader", "王镇长")


def test_backup_is_consistent_private_and_checks_clean(cli, db_path, isolated):
    cli.add()
    dest = isolated / "backup.db"
    assert "已备份到" in cli("backup", dest).stdout
    assert stat.S_IMODE(dest.stat().st_mode) == 0o600
    assert cli.json("--db", dest, "show", "1")["subject"] == "化工厂异味"
    assert all(f["ok"] for f in cli.json("--db", dest, "check"))
    again = cli("backup", dest, ok=False)
    assert again.exit_code == 2 and "已存在：要替换请加 --force" in again.stderr


def test_check_finds_a_broken_ledger(cli, db_path):
    cli.add()
    assert cli("check").exit_code == 0
    with sqlite3.connect(db_path) as conn:  # a row pointing nowhere, written around the tool
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("INSERT INTO steps (petition_id, kind, at, created_at) VALUES (999, 'contact', 'x', 'x')")
    result = cli("check", "--format", "json", ok=False)
    assert result.exit_code == 1
    findings = {f["check"]: f for f in json.loads(result.stdout)}
    assert findings["foreign_keys"]["ok"] is False and findings["integrity"]["ok"] is True


def test_json_import_of_plain_objects(cli, isolated):
    path = isolated / "cases.json"
    path.write_text(
        json.dumps(
            [
                {
                    "受理日期": "2018-06-01",
                    "属地": "红豆",
                    "信访层级": "京",
                    "反映问题": "异味",
                    "污染类型": ["大气", "水"],
                    "涉及人数": 3,
                }
            ],
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    cli("import", path)
    shown = cli.json("show", "1")
    assert (shown["level"], shown["pollution"], shown["persons"]) == ("national", ["air", "water"], 3)


def test_a_damaged_xls_is_refused_with_advice(cli, isolated):
    path = isolated / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0")  # cut off after four bytes
    refused = cli("import", path, ok=False)
    assert refused.exit_code == 2 and refused.stderr.count("\n") == 1
    assert refused.stderr.startswith("错误：old.xls 已损坏或不是电子表格，无法读取（")
    assert refused.stderr.strip().endswith("请在 Excel 或 WPS 中打开，另存为 .xlsx 后再导入")


def test_csv_written_by_export_reads_back_row_numbers_after_the_notice(cli, isolated):
    text = "# 已脱敏副本\nreceived_on,village,level,subject\n2018-06-01,红豆,镇,s\n2018-02-30,红豆,镇,s\n"
    path = isolated / "n.csv"
    path.write_text(text, encoding="utf-8")
    result = cli("import", path, ok=False)
    assert "错误：n.csv 第 4 行，“received_on”列：" in result.stderr


def test_the_same_case_under_another_number_is_refused_by_its_uid(cli, isolated):
    cli.add()
    out = isolated / "one.csv"
    cli("export", "--out", out)
    text = out.read_text(encoding="utf-8-sig").replace("2018-红豆-001", "XF-renumbered")
    out.write_text(text, encoding="utf-8")
    result = cli("import", out, ok=False)
    assert "已在台账中（同一件导入了两次？）" in result.stderr
    assert len(cli.json("list")) == 1


def index_names(db: Path) -> set[str]:
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(db)) as conn:
        return {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")}


def test_a_bulk_load_into_an_empty_ledger_rebuilds_every_index(cli, isolated):
    cli("village", "list")
    fresh = index_names(isolated / "ledger.db")
    assert {"petitions_received", "petitions_village", "steps_petition", "history_petition"} <= fresh
    bad = write_csv(isolated / "bad.csv", ZH_HEADER, [ROWS[0], [*ROWS[1][:4], "区", *ROWS[1][5:]]], "utf-8")
    cli("import", bad, ok=False)  # refused: the indexes dropped for the load come back with the rollback
    assert index_names(isolated / "ledger.db") == fresh
    cli("import", write_csv(isolated / "ok.csv", ZH_HEADER, ROWS, "utf-8"))
    assert index_names(isolated / "ledger.db") == fresh
    assert all(f["ok"] for f in cli.json("check"))


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
@pytest.mark.parametrize("headers", ["en", "zh"])
def test_a_struck_off_case_keeps_its_conclusion_apart_from_its_closing_outcome(cli, isolated, fmt, headers):
    """办结 as 反映不属实, then 销号 as 问题解决: the export carries both, and import gives them back apart."""
    cli("leader", "add", "王镇长", "--title", "副镇长", "--rank", "town")
    number = cli.add(received="2018-06-07 09:30")["number"]
    cli("assign", number, "--leader", "王镇长")
    cli("step", number, "--kind", "mediate", "--at", "2018-06-08 10:00", "--note", "调处")
    cli("conclude", number, "--outcome", "反映不属实", "--on", "2018-06-10")
    cli("close", number, "-o", "问题解决", "--on", "2018-06-20")
    before = cli.json("show", number)
    assert (before["conclusion"], before["outcome"], before["stage"]) == ("unfounded", "resolved", "struck_off")
    out = isolated / f"export.{fmt}"
    cli("export", "--format", fmt, "--headers", headers, "--out", out)
    fresh = isolated / "fresh.db"
    cli("--db", fresh, "leader", "add", "王镇长", "--title", "副镇长", "--rank", "town")
    cli("--db", fresh, "import", out)
    after = cli.json("--db", fresh, "show", number)
    keep = ("stage", "status", "concluded_on", "conclusion", "closed_on", "outcome")
    assert {k: after[k] for k in keep} == {k: before[k] for k in keep}


def test_an_imported_conclusion_must_be_an_outcome_of_banjie(cli, isolated):
    path = isolated / "bad.csv"
    path.write_text(
        "编号,登记日期,属地,信访层级,反映问题,办结日期,办结结果,处理意见书日期\n"
        "2018-0001,2018-06-07,红豆村,镇级,异味,2018-06-20,不予受理,2018-06-10\n",
        encoding="utf-8",
    )
    result = cli("import", path, ok=False)
    assert result.exit_code == 2 and "不是办结结果" in result.stderr


@pytest.mark.parametrize("worker", [False, True], ids=["read here", "read by a worker"])
def test_a_csv_cut_off_inside_a_quoted_cell_is_refused_with_its_row(cli, db_path, isolated, monkeypatch, worker):
    """A copy or download cut off inside a quoted cell: csv (lenient) would close the cell at the end of the file
    and the cut row would import as if whole. It is refused, naming the row where the cell opens; the same file
    whole imports, and so does one whose last cell is quoted over two lines or that has no final newline."""
    from guside_cli.services import checking

    if worker:
        monkeypatch.setattr(checking, "PARALLEL_FROM", 0)

    def refused(name: str, text: str, words: str) -> None:  # one line, exit 2, nothing written, no ledger left
        (isolated / name).write_text(text, encoding="utf-8")
        result = cli("import", isolated / name, ok=False)
        assert result.exit_code == 2 and result.stderr.count("\n") == 1 and words in result.stderr, result.stderr
        assert not db_path.exists()

    head = "登记日期,属地,信访层级,反映问题\n" + "".join(f"2018-06-01,红豆村,镇,异味{i}\n" for i in range(30))
    refused(
        "cut.csv",
        head + '2018-06-02,红豆村,镇,"噪声扰民，晚上',
        "cut.csv 第 32 行起的一格以引号开头，到文件末尾也没有结束引号",
    )
    # the line put after the file is new each time: a file's own text cannot end it early or pass for a cut
    forged = isolated / "forged.csv"
    forged.write_text(head + "\ue000guside:end\ue000\n2018-06-02,红豆村,镇,x\ue000guside:end\ue000\n", encoding="utf-8")
    result = cli("import", forged, "--dry-run", ok=False)
    assert "forged.csv 第 32 行，“反映问题”列：必填" in result.stderr and "引号" not in result.stderr
    # rows are numbered as in every message (and in Excel): a cell's line breaks do not count
    refused(
        "lined.csv", head + '2018-06-02,红豆村,镇,"两\n行"\n2018-06-03,红豆村,镇,"噪声', "lined.csv 第 33 行起的一格"
    )
    # cut outside any quote: the last row shorter than the header and the row before, no line break after it
    wide = "登记日期,属地,信访层级,反映问题,信访人\n" + "".join(f"2018-06-01,红豆村,镇,异味{i},张\n" for i in range(30))
    refused("short.csv", wide + "2018-06-02,红豆村,镇,噪", "short.csv 第 32 行只有 4 格（表头 5 列、上一行更多）")
    whole = isolated / "whole.csv"
    whole.write_text(
        head + '2018-06-02,红豆村,镇,"噪声扰民，""晚上""\n十点后"\n2018-06-03,红豆村,镇,末行', encoding="utf-8"
    )
    # a last row as long as the others, with no line break after it, is imported, and noted
    note = "whole.csv 的最后一行（第 33 行）后没有换行：若文件是复制或下载所得，请核对这一行是否完整"
    assert note in cli("import", whole).stdout
    subjects = [s for (s,) in rows(db_path, "SELECT subject FROM petitions ORDER BY id")]
    assert len(subjects) == 32 and subjects[-1] == "末行" and subjects[-2].startswith('噪声扰民，"晚上"')


def test_a_failed_import_leaves_no_ledger_where_there_was_none(cli, db_path, isolated):
    """An office's first import, refused (a village the ledger does not know, a file it cannot read): the next
    command must not find an empty ledger made by the failure. A ledger that was there stays as it was."""
    bad = isolated / "bad.csv"
    bad.write_text("登记日期,属地,信访层级,反映问题\n2018-06-01,新河村,镇,异味\n", encoding="utf-8")
    result = cli("import", bad, ok=False)
    assert result.exit_code == 2 and not db_path.exists() and not list(isolated.glob(".*building*"))
    assert "在这条 import 命令后加上 --new-villages" in result.stderr  # the way to register the file's villages
    headless = isolated / "headless.csv"
    headless.write_text("甲,乙\n1,2\n", encoding="utf-8")
    assert cli("import", headless, ok=False).exit_code == 2 and not db_path.exists()
    cli("add", "--village", "红豆村", "--level", "镇", "--subject", "异味", "--received", "2018-06-01")
    before = snapshot(db_path)
    assert cli("import", bad, ok=False).exit_code == 2
    assert snapshot(db_path) == before
    cli("import", bad, "--new-villages")
    assert len(rows(db_path)) == 2


def test_a_new_ledger_is_built_aside_and_never_replaces_or_removes_another_desks(isolated):
    """An import into a path with no ledger builds it under a private name and links it into place only when it
    succeeds: a failure removes only the private file, and a ledger another desk made at the path meanwhile is
    neither replaced nor removed (removing an 'empty' ledger after a failure could take one another desk had just
    written to, a red team found)."""
    from guside_cli.core.errors import LedgerError
    from guside_cli.storage.connection import built_aside

    path = isolated / "new.db"
    with pytest.raises(RuntimeError), built_aside(path) as aside:
        aside.write_bytes(b"half built")
        raise RuntimeError("the import failed")
    assert sorted(p.name for p in isolated.iterdir()) == []
    with pytest.raises(LedgerError) as refused, built_aside(path) as aside:
        aside.write_bytes(b"ours")
        path.write_bytes(b"another desk's ledger")
    assert "导入期间另一处已在" in str(refused.value) and path.read_bytes() == b"another desk's ledger"
    assert sorted(p.name for p in isolated.iterdir()) == ["new.db"]
    path.unlink()
    with built_aside(path) as aside:
        aside.write_bytes(b"ours")
    assert path.read_bytes() == b"ours" and sorted(p.name for p in isolated.iterdir()) == ["new.db"]
    deep = isolated / "新目录" / "二级" / "ledger.db"  # folders made for a ledger that did not come go too
    with pytest.raises(RuntimeError), built_aside(deep) as aside:
        aside.parent.mkdir(parents=True)
        aside.write_bytes(b"half built")
        raise RuntimeError("the import failed")
    assert not (isolated / "新目录").exists()


def test_files_that_cannot_be_imported_or_hold_a_ledger_are_one_line_each(cli, isolated):
    """A folder or a pipe given as the file, a UTF-8 file cut inside its last character, a --db that is a link to
    nothing: each its own Chinese line, exit 2, no ledger made (they were 'no such file', a gb18030 hint, and
    'unexpected error')."""
    import os

    (isolated / "folder.csv").mkdir()
    os.mkfifo(isolated / "pipe.csv")
    good = "登记日期,属地,信访层级,反映问题\n2018-06-01,红豆村,镇,异味\n2018-06-02,红豆村,镇,噪声".encode()
    (isolated / "cut.csv").write_bytes(good[:-2])  # 声 is three bytes in UTF-8: two of them left
    (isolated / "link.db").symlink_to(isolated / "gone" / "ledger.db")
    expected = {
        ("import", isolated / "folder.csv"): "folder.csv 是文件夹：请给出要导入的文件名",
        ("import", isolated / "pipe.csv"): "pipe.csv 不是普通文件（管道或设备）",
        ("import", isolated / "cut.csv"): "cut.csv 在最后一个字的中间结束（utf-8）：文件可能不完整",
        ("--db", isolated / "link.db", "add", "--village", "红豆村", "--level", "镇", "--subject", "x"): (
            "是指向 " + str(isolated / "gone" / "ledger.db") + " 的链接，但那里没有文件"
        ),
    }
    for args, words in expected.items():
        result = cli(*args, ok=False)
        assert result.exit_code == 2 and result.stderr.count("\n") == 1 and words in result.stderr, result.stderr
    assert not (isolated / "ledger.db").exists() and not (isolated / "gone").exists()


def test_an_unreadable_file_says_what_to_do_and_a_missing_header_names_its_sheet(cli, isolated):
    """A UTF-8 file with one GB18030 line read as neither: the codec named as the clerk would type it (not
    'utf-8-sig') and a way forward; a sheet chosen with --sheet that holds no header is named (a newcomer)."""
    mixed = isolated / "mixed.csv"
    mixed.write_bytes("登记日期,属地,信访层级,反映问题\n".encode() + "2018-06-01,红豆村,镇,异味\n".encode("gb18030"))
    mixed.write_bytes(mixed.read_bytes() + "2018-06-02,红豆村,镇,噪声\n".encode())
    err = cli("import", mixed, ok=False).stderr
    assert "编码的文字" in err and "utf-8-sig" not in err and "另存为“CSV UTF-8”" in err, err
    book = Workbook()
    book.active.title = "台账"
    book.active.append(["登记日期", "属地", "信访层级", "反映问题"])
    book.create_sheet("说明").append(["本表说明"])
    book.save(isolated / "two.xlsx")
    err = cli("import", isolated / "two.xlsx", "--sheet", "说明", ok=False).stderr
    assert "two.xlsx（工作表 说明）：前 30 行中找不到表头" in err, err
