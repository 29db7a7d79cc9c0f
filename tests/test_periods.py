"""Figures once reported stay reported: `period close` holds a period's figures; each kind of late change is
refused with the period and figure named, and accepted with --correction as a recorded correction; `report` of the
period shows both figures. `reconcile` matches the county's list: every kind of difference, counts by hand."""

import json
import sqlite3
from contextlib import closing

import pytest
from conftest import snapshot

from guside_cli.core.errors import InputError
from guside_cli.core.periods import parse_period


@pytest.mark.parametrize(
    ("text", "label", "start", "end"),
    [
        ("2018-08", "2018-08", "2018-08-01", "2018-08-31"),
        ("2018年8月", "2018-08", "2018-08-01", "2018-08-31"),
        ("２０１８/2", "2018-02", "2018-02-01", "2018-02-28"),
        ("2016-02", "2016-02", "2016-02-01", "2016-02-29"),
        ("2018-Q3", "2018-Q3", "2018-07-01", "2018-09-30"),
        ("2018年第4季度", "2018-Q4", "2018-10-01", "2018-12-31"),
        ("2018", "2018", "2018-01-01", "2018-12-31"),
        ("2018年", "2018", "2018-01-01", "2018-12-31"),
    ],
)
def test_a_period_is_written_as_offices_write_it(text, label, start, end):
    period = parse_period(text)
    assert (period.label, period.start.isoformat(), period.end.isoformat()) == (label, start, end)


@pytest.mark.parametrize("text", ["", "2018-13", "2018-Q5", "18-08", "八月", "2018-08-01", "1900"])
def test_a_period_that_is_not_one_is_refused(text):
    with pytest.raises(InputError):
        parse_period(text)


def _case(cli, received: str, level: str = "town", village: str = "红豆村", *pre: str) -> str:
    args = [*pre, "add", "--village", village, "--level", level, "--subject", "化工厂异味", "--received", received]
    return json.loads(cli(*args, "--format", "json").stdout)["number"]


@pytest.fixture
def closed_may(cli, db_path):
    """May 2018 closed with two town-level petitions and one provincial one; today is 2018-06-20."""
    cases = [_case(cli, "2018-05-03 09:00"), _case(cli, "2018-05-10 09:00"), _case(cli, "2018-05-20 09:00", "province")]
    cli("period", "close", "2018-05")
    return cases


def whole(cli, db) -> bool:
    return all(r["ok"] for r in json.loads(cli("--db", db, "check", "--format", "json", ok=False).stdout))


def test_a_period_not_over_or_closed_twice_is_refused_with_why(cli, db_path, closed_may):
    refused = cli("period", "close", "2018-06", ok=False)
    assert refused.exit_code == 2 and "尚未结束" in refused.stderr and "--early" in refused.stderr
    cli("period", "close", "2018-06", "--early", "月中提前报送")
    again = cli("period", "close", "2018-05", ok=False)
    assert again.exit_code == 2 and "已于" in again.stderr and "period reopen" in again.stderr
    listed = cli.json("period", "list")
    assert [p["period"] for p in listed] == ["2018-05", "2018-06"]
    assert listed[0]["figures"]["items"]["town"] == [3, 1]
    assert listed[1]["early"] == "月中提前报送"


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (("add", "--village", "红豆村", "--level", "town", "--subject", "补录", "--received", "2018-05-15 09:00"),
         "信访总量"),
        (("edit", "{0}", "--set", "received=2018-06-02 09:00"), "信访总量"),
        (("edit", "{0}", "--set", "level=province"), "越级赴京到省"),
        (("edit", "{0}", "--set", "village=新龚村"), "新龚村"),
        (("edit", "{0}", "--set", "persons=3"), "人次"),
    ],
)  # fmt: skip
def test_each_late_change_to_a_closed_period_is_refused_naming_it_and_accepted_as_a_correction(
    cli, db_path, closed_may, change, named
):
    args = [a.format(*closed_may) for a in change]
    before = snapshot(db_path)
    refused = cli(*args, ok=False)
    assert refused.exit_code == 1, refused.stdout
    assert "2018-05" in refused.stderr and "已上报" in refused.stderr and named in refused.stderr
    assert "--correction" in refused.stderr
    assert snapshot(db_path) == before, "nothing written"
    cli("--correction", "6月2日补录5月来信", *args)
    listed = cli.json("period", "list")[0]
    assert [c["reason"] for c in listed["corrections"]] == ["6月2日补录5月来信"]
    assert listed["figures"]["items"]["town"] == [3, 1], "what was reported stays reported"
    assert whole(cli, db_path)


def test_a_change_that_moves_no_reported_figure_needs_no_correction(cli, db_path, closed_may):
    cli("edit", closed_may[0], "--set", "level=county")  # town -> county: still counted, still not escalated
    cli("edit", closed_may[0], "--set", "subject=化工厂夜间异味")
    cli("step", closed_may[0], "--kind", "contact", "--at", "2018-06-01 10:00", "--note", "电话联系")
    _case(cli, "2018-06-02 09:00")  # June is not closed
    assert cli.json("period", "list")[0]["corrections"] == []


def test_the_report_of_a_closed_period_shows_the_reported_figure_beside_todays(cli, db_path, closed_may):
    report = ("report", "--from", "2018-05-01", "--to", "2018-05-31")
    assert "已上报" not in cli(*report, "--format", "text").stdout  # as reported: nothing to say
    _case(cli, "2018-05-25 09:00", "town", "红豆村", "--correction", "补录5月25日来访")
    shown = cli(*report, "--format", "text").stdout
    assert "2018-05 已上报 3，现 4（全镇的信访总量，按件次计）：补录5月25日来访" in shown
    data = json.loads(cli(*report, "--format", "json").stdout)
    assert data["reported"]["reported"]["items"]["town"] == [3, 1]
    assert data["reported"]["now"]["items"]["town"] == [4, 1]
    weekly = cli("summary", "--week", "--format", "text").stdout
    assert "2018-05 已上报 3，现 4" in weekly


def test_reopen_needs_a_reason_and_frees_the_period(cli, db_path, closed_may):
    assert cli("period", "reopen", "2018-05", ok=False).exit_code == 2  # --reason is required
    cli("period", "reopen", "2018-05", "--reason", "县里退回重报")
    _case(cli, "2018-05-26 09:00")
    cli("period", "close", "2018-05")
    assert cli.json("period", "list")[0]["figures"]["items"]["town"] == [4, 1]
    assert whole(cli, db_path)


def test_a_merge_bringing_a_case_into_a_closed_period_is_refused_unless_corrected(cli, db_path, tmp_path, closed_may):
    desk = tmp_path / "desk.db"
    cli("--db", desk, "add", "--village", "新龚村", "--level", "town", "--subject", "夜间噪声", "--received",
        "2018-05-12 09:00")  # fmt: skip
    before = snapshot(db_path)
    refused = cli("merge", desk, ok=False)
    assert refused.exit_code == 1 and "2018-05" in refused.stderr
    assert snapshot(db_path) == before
    cli("--correction", "并入新龚村台账5月来访", "merge", desk)
    assert cli.json("period", "list")[0]["corrections"][0]["reason"] == "并入新龚村台账5月来访"
    assert whole(cli, db_path)


def test_an_import_into_a_closed_period_is_refused_whole(cli, db_path, tmp_path, closed_may):
    file = tmp_path / "late.csv"
    file.write_text(
        "登记日期,村（社区）,信访层级,反映问题\n2018-05-30,红豆村,镇,补录\n2018-06-03,红豆村,镇,六月\n",
        encoding="utf-8",
    )
    before = snapshot(db_path)
    refused = cli("import", file, ok=False)
    assert refused.exit_code == 1 and "2018-05" in refused.stderr
    assert snapshot(db_path) == before


# --- reconcile ------------------------------------------------------------------------------------------------

UPSTREAM = """信访件编号,登记日期,信访人,反映事项,去向,所属村（社区）
JY-001,2018-05-03,张三,化工厂异味,镇级,红豆村
JY-002,2018-05-11,李四,化工厂夜间异味,县级,红豆村
JY-003,2018-05-21,王五,化工厂异味,镇级,红豆村
JY-004,2018-05-28,赵六,河道发黑有异味,镇级,新龚村
"""


def test_reconcile_names_every_kind_of_difference_and_apply_then_matches_by_id(cli, db_path, tmp_path):
    for received, level, petitioner in (
        ("2018-05-03 09:00", "town", "张三"),
        ("2018-05-10 09:00", "town", "李四"),
        ("2018-05-20 09:00", "province", "王五"),
        ("2018-05-15 09:00", "town", "孙七"),
    ):
        cli("add", "--village", "红豆村", "--level", level, "--subject", "化工厂异味", "--received", received,
            "--petitioner", petitioner)  # fmt: skip
    file = tmp_path / "county.csv"
    file.write_text(UPSTREAM, encoding="utf-8")
    result = cli("reconcile", file, "--format", "json", ok=False)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    # by hand: rows 1-3 match the cases of 5/3, 5/10 (a day apart), 5/20 (a day apart); JY-004 (新龚村, 5/28) has
    # no case; the case of 5/15 (孙七) is not on the list; row 2 says 县级 (ledger 镇级) and 5/11 (ledger 5/10),
    # row 3 says 镇级 (ledger 省级) and 5/21 (ledger 5/20)
    assert data["counts"] == {"matched": 3, "upstream_only": 1, "ledger_only": 1, "disagreements": 2}
    assert data["upstream_only"][0]["upstream_id"] == "JY-004"
    assert data["ledger_only"][0]["received_on"] == "2018-05-15"
    differs = {d["upstream"]["upstream_id"]: d["fields"] for d in data["disagreements"]}
    assert differs == {"JY-002": ["level", "received_on"], "JY-003": ["level", "received_on"]}
    assert data["villages"]["红豆村"] == {"matched": 3, "upstream_only": 0, "ledger_only": 1, "disagreements": 2}
    assert data["villages"]["新龚村"]["upstream_only"] == 1
    assert "张三" not in result.stdout, "petitioners' names are masked"
    out = tmp_path / "对账.xlsx"
    cli("reconcile", file, "--apply", "--out", out, ok=False)
    from openpyxl import load_workbook

    assert load_workbook(out).sheetnames == ["汇总", "仅县里有", "仅台账有", "不一致"]
    again = json.loads(cli("reconcile", file, "--format", "json", ok=False).stdout)
    assert {m["by"] for m in again["matched"]} == {"id"} and again["counts"]["matched"] == 3
    with closing(sqlite3.connect(db_path)) as conn:
        assert sorted(
            r[0] for r in conn.execute("SELECT upstream_id FROM petitions WHERE upstream_id IS NOT NULL")
        ) == [
            "JY-001",
            "JY-002",
            "JY-003",
        ]
    assert whole(cli, db_path)


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("甲,乙\n1,2\n", "登记日期"),
        (
            "信访件编号,登记日期,反映事项,所属村（社区）,去向\nA,2018-05-01,x,红豆村,镇\nA,2018-05-02,y,红豆村,镇\n",
            "重复",
        ),
    ],
)
def test_an_upstream_list_that_cannot_be_reconciled_is_one_line_and_changes_nothing(
    cli, db_path, tmp_path, content, said
):
    _case(cli, "2018-05-03 09:00")
    file = tmp_path / "county.csv"
    file.write_text(content, encoding="utf-8")
    before = snapshot(db_path)
    refused = cli("reconcile", file, "--apply", ok=False)
    assert refused.exit_code == 2 and said in refused.stderr and "Traceback" not in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert snapshot(db_path) == before


def test_the_return_is_written_from_the_locked_figures_not_todays(cli, db_path, tmp_path, closed_may):
    from openpyxl import load_workbook

    _case(cli, "2018-05-25 09:00", "town", "红豆村", "--correction", "补录")  # today's figures move to 4
    out = tmp_path / "5月报表.xlsx"
    said = cli("period", "return", "2018-05", "--out", out).stdout
    assert "报表已写入" in said
    sheet = load_workbook(out).active
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][0] == "顾山镇环境信访情况报表（2018年5月）"
    assert rows[3][:3] == ["全镇", 3, 1], "what was reported, not the 4 the ledger now has"
    docx = tmp_path / "5月报表.docx"
    cli("period", "return", "2018-05", "--out", docx)
    from docx import Document

    texts = " ".join(p.text for p in Document(str(docx)).paragraphs)
    assert "2018年5月全镇信访总量 3 件次" in texts


def test_close_with_out_writes_the_return_and_a_bad_name_closes_nothing(cli, db_path, tmp_path):
    _case(cli, "2018-04-03 09:00")
    refused = cli("period", "close", "2018-04", "--out", tmp_path / "x.pdf", ok=False)
    assert refused.exit_code == 2 and ".xlsx 或 .docx" in refused.stderr
    assert cli.json("period", "list") == []
    cli("period", "close", "2018-04", "--out", tmp_path / "4月.xlsx")
    assert (tmp_path / "4月.xlsx").exists() and cli.json("period", "list")[0]["period"] == "2018-04"
    assert cli("period", "return", "2018-03", "--out", tmp_path / "3.xlsx", ok=False).exit_code == 2


def test_reconcile_for_a_period_refuses_rows_outside_it_and_compares_the_whole_period(cli, db_path, tmp_path):
    _case(cli, "2018-05-03 09:00")
    _case(cli, "2018-05-30 09:00")
    file = tmp_path / "county.csv"
    file.write_text(UPSTREAM.splitlines()[0] + "\nJY-001,2018-05-03,张三,化工厂异味,镇级,红豆村\n", encoding="utf-8")
    data = json.loads(cli("reconcile", file, "--period", "2018-05", "--format", "json", ok=False).stdout)
    assert data["counts"]["matched"] == 1 and [c["received_on"] for c in data["ledger_only"]] == ["2018-05-30"]
    refused = cli("reconcile", file, "--period", "2018-04", ok=False)
    assert refused.exit_code == 2 and "第 2 行" in refused.stderr and "2018-04" in refused.stderr
