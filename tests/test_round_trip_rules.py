"""Export -> import gives the same ledger and the same report, m016's elements too: the key repeat mark
(重点重复信访, which the veto reads), the day the opinion was served (送达, the 复查 window's start), a revoked
opinion's new clock (撤销重办) and every approved extension (reason, approver, approval and told dates)."""

import json
from pathlib import Path

import pytest

from tests.conftest import rows

LATER = ("--today", "2019-01-15")  # a report on 2018 after the year: the veto is final
REPORT = (*LATER, "report", "--year", "2018", "--format", "json")
EXTENSIONS = (
    "SELECT p.number, e.days, e.reason, e.approved_by, e.approved_on, e.told_on FROM extensions e "
    "JOIN petitions p ON p.id = e.petition_id ORDER BY p.number, e.id"
)
LEADERS = (("王镇长", "town", None), ("新龚村负责人", "village", "新龚村"))


def leaders(cli, db: Path) -> None:
    for name, rank, village in LEADERS:
        cli("--db", db, "leader", "add", name, "--rank", rank, *(("--village", village) if village else ()))


@pytest.fixture
def ledger(cli, isolated) -> tuple[Path, dict[str, str]]:
    """Four cases, one of each element m016 added."""
    db = isolated / "ledger.db"
    cli("config", "set", "deadline.calendar", "plain")
    leaders(cli, db)
    # a key repeat case its village's head holds, never concluded: the veto's key trigger
    key = cli.add(village="新龚村", received="2018-03-01 09:00")["number"]
    cli("accept", key, "--on", "2018-03-01")
    cli("assign", key, "--leader", "新龚村负责人")
    cli("key-cases", "mark", key)
    # concluded on time, the opinion served later: the 复查 window runs from the serving
    served = cli.add(received="2018-03-02 09:00", subject="噪声扰民")["number"]
    cli("accept", served, "--on", "2018-03-02")
    cli("assign", served, "--leader", "王镇长")
    cli("step", served, "--kind", "contact", "--at", "2018-03-02 10:00", "--note", "电话")  # 三个第一: in 24 hours
    cli("step", served, "--kind", "arrive", "--at", "2018-03-02 15:00", "--note", "到场")
    cli("step", served, "--kind", "mediate", "--at", "2018-03-05 10:00", "--note", "调处")
    cli("step", served, "--kind", "mediate", "--at", "2018-03-06 10:00", "--note", "再次调处")  # not the first
    cli("conclude", served, "-o", "反映不属实", "--on", "2018-04-20", "--served", "2018-05-10")
    # extended once, concluded, then the 复查 decision revoked the opinion: a new clock, the extension kept on record
    revoked = cli.add(received="2018-03-03 09:00", subject="污水直排")["number"]
    cli("accept", revoked, "--on", "2018-03-03")
    cli("assign", revoked, "--leader", "王镇长")
    cli("extend", revoked, "--days", "5", "--reason", "等待检测", "--approved-by", "王镇长", "--on", "2018-03-20")
    cli("step", revoked, "--kind", "mediate", "--at", "2018-03-25 10:00", "--note", "调处")
    cli("conclude", revoked, "-o", "反映不属实", "--on", "2018-04-01")
    cli("review", revoked, "--requested", "2018-04-10")
    cli("review", revoked, "--decided", "2018-05-01", "-o", "撤销重办")
    # two extensions, 10 + 10 days, each with its reason, approver, approval and told dates
    extended = cli.add(received="2018-06-01 09:00", subject="粉尘污染")["number"]
    cli("assign", extended, "--leader", "王镇长")
    for days, reason, on, told in (
        (10, "需现场监测", "2018-06-10", "2018-06-11"),
        (10, "需第三方检测", "2018-06-15", "2018-06-18"),
    ):
        cli(
            "extend",
            extended,
            "--days",
            days,
            "--reason",
            reason,
            "--approved-by",
            "王镇长",
            "--on",
            on,
            "--told",
            told,
        )
    return db, {"key": key, "served": served, "revoked": revoked, "extended": extended}


def shown(cli, db: Path, number: str) -> dict:
    """A case as `show` gives it, without what belongs to the ledger it is in (its id, when it was entered, its
    history of commands) or what the export does not carry (mediation steps)."""
    case = cli.json(*LATER, "--db", db, "show", number)
    for local in ("id", "created_at", "history", "steps"):
        case.pop(local, None)
    return case


def report(cli, db: Path) -> dict:
    """The whole report: 三个第一 included (an export carries each case's first contact, arrival and mediation)."""
    r = json.loads(cli("--db", db, *REPORT).stdout)
    assert r["cases"]["three_firsts"]["first_arrival_24h"]["count"] == 1  # the ledger has them to carry
    return r


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
@pytest.mark.parametrize("headers", ["en", "zh"])
@pytest.mark.parametrize("worker", [False, True], ids=["read here", "read by a worker"])
def test_export_then_import_gives_the_same_cases_extensions_report_and_a_whole_ledger(
    cli, isolated, ledger, monkeypatch, fmt, headers, worker
):
    from guside_cli.services import checking

    if worker:  # a large file is read and checked in a second process, which hands its cases over
        monkeypatch.setattr(checking, "PARALLEL_FROM", 0)
        if not checking.worth_a_worker(1):
            pytest.skip("one CPU, or no fork: an import never uses the worker here")
    db, numbers = ledger
    out = isolated / f"export.{fmt}"
    cli("--db", db, "export", "--format", fmt, "--headers", headers, "--out", out)
    fresh = isolated / "fresh.db"
    cli("--db", fresh, "config", "set", "deadline.calendar", "plain")
    leaders(cli, fresh)
    cli("--db", fresh, *LATER, "import", out)
    before = report(cli, db)
    assert [v for v in before["villages"] if v["veto"]] != []  # the key mark decides a veto
    assert report(cli, fresh) == before
    for number in numbers.values():
        assert shown(cli, fresh, number) == shown(cli, db, number)
    assert rows(fresh, EXTENSIONS) == rows(db, EXTENSIONS)
    assert len(rows(fresh, EXTENSIONS)) == 3
    assert all(found["ok"] for found in cli.json("--db", fresh, "check"))


# --- a file's 延期记录 as a clerk types it, and a file of an older ledger ---------------------------------------

HEADER = "登记时间,属地,信访层级,反映问题,包案领导,延期记录"


def office_file(path: Path, *lines: str, header: str = HEADER) -> Path:
    path.write_text("\n".join((header, *lines)) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("cell", "said"),
    [
        ('"十天 批准：王镇长"', "无法读取延期记录“十天 批准：王镇长”"),
        ('"10天 批准王镇长"', "无法读取延期记录“10天 批准王镇长”"),
        ('"10天 2018-06-10 告知：六月"', "“六月”"),
        ('"40天"', "“40”不是 1 至 30 之间的整数"),
        ('"20天 2018-06-10 批准：王镇长；15天 2018-06-15 批准：王镇长"', "延期记录合计 35 天，超过法定延期总数 30 天"),
    ],
    ids=["days in words", "approver without its colon", "told date unreadable", "40 days at once", "35 days in all"],
)
def test_an_extension_cell_that_cannot_be_read_or_passes_thirty_days_is_refused_on_one_line(
    cli, isolated, db_path, cell, said
):
    path = office_file(isolated / "台账.csv", f"2018-06-01 09:00,红豆村,镇,异味,王镇长,{cell}")
    refused = cli("import", path, ok=False)
    assert refused.exit_code == 2
    first = refused.stderr.splitlines()[0]
    assert first.startswith("错误：台账.csv 第 2 行，“延期记录”列：") and said in first
    assert not db_path.exists()


def test_a_clerks_cell_gives_each_extension_and_the_clock_their_total(cli, isolated, db_path):
    cli("config", "set", "deadline.calendar", "plain")
    cell = '"10天 2018-06-10 批准：王镇长 告知：2018-06-11 理由：需现场监测；5天 理由：复测"'
    cli("import", office_file(isolated / "台账.csv", f"2018-06-01 09:00,红豆村,镇,异味,王镇长,{cell}"))
    case = cli.json("show", "1")
    assert (case["extension_days"], case["extension_reason"], case["due_on"]) == (15, "复测", "2018-08-15")
    assert rows(db_path, EXTENSIONS) == [
        (case["number"], 10, "需现场监测", "王镇长", "2018-06-10", "2018-06-11"),
        (case["number"], 5, "复测", None, None, None),
    ]
    assert all(found["ok"] for found in cli.json("check"))


def test_a_file_of_an_older_ledger_with_only_the_total_brings_it_as_one_extension(cli, isolated, db_path):
    """As migration m016 did for a ledger kept before extensions had rows of their own."""
    cli("config", "set", "deadline.calendar", "plain")
    header = "登记时间,属地,信访层级,反映问题,包案领导,办结时限,延期天数,延期理由,延期批准人"
    path = office_file(
        isolated / "旧台账.csv", "2018-06-01 09:00,红豆村,镇,异味,王镇长,2018-08-10,10,需监测,王镇长", header=header
    )
    cli("import", path)
    case = cli.json("show", "1")
    assert (case["extension_days"], case["due_on"]) == (10, "2018-08-10")
    assert rows(db_path, EXTENSIONS) == [(case["number"], 10, "需监测", "王镇长", None, None)]
    assert all(found["ok"] for found in cli.json("check"))
    # and a second extension on top of it is held to the 30 days in all
    refused = cli("extend", case["number"], "--days", "21", "--reason", "复测", "--approved-by", "王镇长", ok=False)
    assert "已延期 10 天" in refused.stderr


def test_a_redacted_export_masks_numbers_in_the_extensions_and_keeps_the_marks(cli, isolated, ledger):
    db, numbers = ledger
    cli("--db", db, "extend", numbers["key"], "--days", "5", "--reason", "联系13900001234复测", "--on", "2018-03-20")
    for fmt in ("csv", "json"):
        out = isolated / f"redacted.{fmt}"
        cli("--db", db, "export", "--redact", "--format", fmt, "--out", out)
        text = out.read_text(encoding="utf-8-sig")
        assert "13900001234" not in text and "联系139****1234复测" in text
        assert "2018-05-10" in text and "需第三方检测" in text  # a served date and a reason are no personal data


@pytest.mark.parametrize(
    ("header", "cells", "column", "said"),
    [
        ("延期天数,延期记录", '5,"10天 2018-06-10；15天 2018-06-11"', "延期天数",
         "延期天数 5 与延期记录合计 25 天不符"),
        ("送达日期", "2018-06-15", "送达日期", "送达日期 2018-06-15 须在办结日期（—）之后"),
        ("处理意见书日期,办结结果,送达日期", "2018-06-18,问题解决,2018-06-17", "送达日期",
         "须在办结日期（2018-06-18）之后"),
        ("处理意见书日期,办结结果,送达日期", "2018-06-10,问题解决,2018-07-01", "送达日期", "今天（2018-06-20）以前"),
        ("撤销重办日期", "2018-06-15", "撤销重办日期", "须有复查或复核决定"),
        ("撤销重办日期", "2018-05-01", "撤销重办日期", "须在登记日期（2018-06-01）以后"),
        ("撤销重办日期", "2018-07-01", "撤销重办日期", "今天（2018-06-20）以前"),
    ],
    ids=["total disagrees", "served, never concluded", "served before 办结", "served after today",
         "rehandled without a review", "rehandled before receipt", "rehandled after today"],
)  # fmt: skip
def test_the_statutes_dates_and_totals_a_file_gives_must_agree(cli, isolated, db_path, header, cells, column, said):
    """A file cannot move a clock at will: a total that contradicts its extensions, 送达 without or before 办结,
    撤销重办 without a 复查/复核 decision, or a date out of the case's life is refused, naming row and column."""
    path = office_file(
        isolated / "台账.csv", f"2018-06-01 09:00,红豆村,镇,异味,王镇长,{cells}",
        header=f"登记时间,属地,信访层级,反映问题,包案领导,{header}",
    )  # fmt: skip
    refused = cli("import", path, ok=False)
    first = refused.stderr.splitlines()[0]
    assert refused.exit_code == 2 and first.startswith(f"错误：台账.csv 第 2 行，“{column}”列：") and said in first
    assert not db_path.exists()


def test_a_reason_typed_over_two_lines_stays_one_extension_through_a_round_trip(cli, isolated, ledger):
    """`extend --reason` with a line break (a pasted note) is kept on one line: in the file's cell a new line
    starting with N天 would read as another extension."""
    db, numbers = ledger
    case = numbers["key"]
    cli("--db", db, "extend", case, "--days", "5", "--reason", "需监测\n25天 理由：追加", "--on", "2018-03-20")
    out = isolated / "w.csv"
    cli("--db", db, "export", "--out", out)
    fresh = isolated / "fresh.db"
    cli("--db", fresh, "import", out)
    shown = cli.json("--db", fresh, "show", case)
    assert [(e["days"], e["reason"]) for e in shown["extensions"]] == [(5, "需监测 25天 理由：追加")]
    assert shown["extension_days"] == 5
