"""The plan (四(三), 四(五), 四(七)) and 信访工作条例 read line by line, on small ledgers counted by hand:
the veto's two triggers, 撤销重办, the 复查 window from 送达, extensions up to 30 days in all, the default
calendar, the two key marks, 属地 包案, the 排查 list, the reception day's leader, late village summaries,
unknown 24-hour shares and 联名信. Every date below is counted on the plain calendar unless the test is
about the calendar."""

import sqlite3

import pytest

from tests.conftest import snapshot

LATER = ("--today", "2019-01-15")  # a report on 2018 after the year: the veto is final


@pytest.fixture
def plain(cli):
    cli("config", "set", "deadline.calendar", "plain")


def villages(r):
    return {v["village"]: v for v in r["villages"]}


# --- the veto ------------------------------------------------------------------------------------------------


def test_key_trigger_reads_the_running_clocks_and_names_case_and_clock(cli, plain):
    cli("leader", "add", "红豆村负责人", "--rank", "village", "--village", "红豆村")
    cli("leader", "add", "新龚村负责人", "--rank", "village", "--village", "新龚村")
    # 红豆: accepted 03-01 (due 04-30), concluded on time 04-20, the opinion received 12-20: its 复查 window runs
    # to 2019-01-19, so on 2018-12-31 it is not 销号 — but no clock of its own runs: resolved for the veto
    on_time = cli.add(village="红豆村", received="2018-03-01 09:00")["number"]
    # 新龚: accepted 03-01 and never concluded: its handling clock ran out on 04-30
    late = cli.add(village="新龚村", received="2018-03-01 09:00")["number"]
    for number, head in ((on_time, "红豆村负责人"), (late, "新龚村负责人")):
        cli("accept", number, "--on", "2018-03-01")
        cli("assign", number, "--leader", head)
        cli("key-cases", "mark", number)
    cli("step", on_time, "--kind", "mediate", "--at", "2018-03-05 10:00", "--note", "调处")
    cli(*LATER, "conclude", on_time, "-o", "反映不属实", "--on", "2018-04-20", "--served", "2018-12-20")
    assert [c["number"] for c in cli.json(*LATER, "overdue")] == [late]
    r = cli.json(*LATER, "report", "--year", "2018")
    v = villages(r)
    assert (v["红豆村"]["veto"], v["红豆村"]["key_cases"]) == (False, [])
    assert v["新龚村"]["veto_reasons"] == ["key_repeat_unresolved"]
    assert v["新龚村"]["key_clocks"] == [{"number": late, "clock": "handling", "due_on": "2018-04-30"}]
    text = cli(*LATER, "report", "--year", "2018").stdout
    assert f"重点重复信访化解不力：{late}（办理期限 2018-04-30 已过）" in text


@pytest.mark.parametrize(
    ("setting", "measure", "vetoed"),
    [
        (None, "items", True),  # 件次: 1 -> 2, a rise
        (None, "persons", True),  # displayed in 人次 (10 -> 2), judged in 件次 all the same
        ("persons", "items", False),  # the office's setting: 人次, 10 -> 2, no rise
        ("persons", "persons", False),
    ],
)
def test_the_escalated_trigger_has_one_measure_whatever_the_report_shows(cli, plain, setting, measure, vetoed):
    cli.add(village="顾北村", level="省", persons="10", received="2017-05-01 09:00")
    cli.add(village="顾北村", level="省", received="2018-03-01 09:00")
    cli.add(village="顾北村", level="京", received="2018-04-01 09:00")
    if setting:
        cli("config", "set", "veto.measure", setting)
    r = cli.json(*LATER, "report", "--year", "2018", "--measure", measure)
    v = villages(r)["顾北村"]
    shown = (1, 2) if measure == "items" else (10, 2)
    assert (v["escalated"]["previous"], v["escalated"]["current"]) == shown
    assert (v["veto"], r["veto_measure"]) == (vetoed, setting or "items")
    if vetoed:
        text = cli(*LATER, "report", "--year", "2018", "--measure", measure).stdout
        assert "一票否决“到部去省不降反升”按件次计" in text
    # the weekly summary names the same villages and says what it counted by
    summary = cli(*LATER, "summary", "--on", "2018-12-20")
    assert cli.json(*LATER, "summary", "--on", "2018-12-20")["year_to_date"]["veto_measure"] == (setting or "items")
    assert ("顾北村（到部去省不降反升）" in summary.stdout) is vetoed
    assert ("一票否决“到部去省不降反升”按件次计" in summary.stdout) is vetoed
    english = cli(*LATER, "--lang", "en", "summary", "--on", "2018-12-20").stdout
    assert ("The veto's escalated rise is counted in" in english) is vetoed
    assert "no leader: handling" in english and not any(c in english for c in "；：（")


# --- the clocks ------------------------------------------------------------------------------------------------


def test_a_revoked_opinion_starts_a_new_handling_clock_and_needs_a_new_conclusion(cli, db_path, plain):
    cli("leader", "add", "王镇长", "--rank", "town")
    number = cli.add(received="2018-03-01 09:00")["number"]
    cli("accept", number, "--on", "2018-03-01")
    cli("assign", number, "--leader", "王镇长")
    cli("step", number, "--kind", "mediate", "--at", "2018-03-05 10:00", "--note", "调处")
    cli("conclude", number, "-o", "反映不属实", "--on", "2018-04-01")
    cli("review", number, "--requested", "2018-04-10")
    said = cli("review", number, "--decided", "2018-05-01", "-o", "撤销重办").stdout
    assert "至 2018-06-30" in said  # 60 days from the decision
    case = cli.json("show", number)
    assert (case["stage"], case["due_on"], case["concluded_on"], case["rehandle_from"]) == (
        "accepted",
        "2018-06-30",
        None,
        "2018-05-01",
    )
    assert [c["number"] for c in cli.json("--today", "2018-06-25", "due", "--within", "7")] == [number]
    assert cli.json("--today", "2018-06-30", "overdue") == []
    assert [c["number"] for c in cli.json("--today", "2018-07-01", "overdue")] == [number]
    before = snapshot(db_path)
    refused = cli("close", number, "-o", "反映不属实", "--on", "2018-05-02", ok=False)
    assert refused.exit_code == 1 and "办结" in refused.stderr and snapshot(db_path) == before
    cli("conclude", number, "-o", "问题解决", "--on", "2018-05-20")
    assert cli.json("--today", "2018-07-01", "overdue") == []
    assert cli.json("show", number)["stage"] == "concluded"


@pytest.mark.parametrize(("requested", "allowed"), [("2018-06-09", True), ("2018-06-10", False)])
def test_the_review_window_runs_thirty_days_from_delivery(cli, db_path, plain, requested, allowed):
    number = cli.add(received="2018-03-01 09:00")["number"]
    cli("accept", number, "--on", "2018-03-01")
    cli("conclude", number, "-o", "反映不属实", "--on", "2018-05-01", "--served", "2018-05-10")
    assert cli.json("show", number)["served_on"] == "2018-05-10"
    before = snapshot(db_path)
    result = cli("review", number, "--requested", requested, ok=allowed)  # day 30 (06-09) yes, day 31 no
    if not allowed:
        assert result.exit_code == 1 and snapshot(db_path) == before
        assert "送达（2018-05-10）后 30 日（截至 2018-06-09）" in result.stderr
        # and the window having passed, the case may be struck off on the conclusion
        cli("close", number, "-o", "反映不属实", "--on", "2018-06-10")


def test_without_a_delivery_date_the_window_counts_from_the_conclusion_and_says_so(cli, plain):
    number = cli.add(received="2018-03-01 09:00")["number"]
    cli("accept", number, "--on", "2018-03-01")
    said = cli("conclude", number, "-o", "反映不属实", "--on", "2018-05-01")
    assert "按办结日期 2018-05-01 计算复查申请期限（至 2018-05-31）" in said.stderr


@pytest.mark.parametrize(
    ("extensions", "refused_at", "due"),
    [((10, 10, 10), None, "2018-08-30"), ((10, 21), 1, "2018-08-10"), ((30, 1), 1, "2018-08-30")],
)
def test_extensions_add_up_to_thirty_days_each_approved_and_told(cli, db_path, plain, extensions, refused_at, due):
    number = cli.add(received="2018-06-01 09:00")["number"]  # due 2018-07-31
    for i, days in enumerate(extensions):
        args = ("extend", number, "--days", str(days), "--reason", f"监测{i}", "--approved-by", "王镇长")
        if i == refused_at:
            before = snapshot(db_path)
            granted = sum(extensions[:i])
            refused = cli(*args, ok=False)
            assert refused.stderr.strip() == (
                f"错误：{number} 已延期 {granted} 天，再延 {days} 天将超过法定延期总数 30 天"
                f"（信访工作条例第三十三条）：最多还可延期 {30 - granted} 天"
            )
            assert snapshot(db_path) == before
        else:
            cli(*args, "--told", "2018-06-20")
    assert cli.json("show", number)["due_on"] == due
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute("SELECT days, reason, approved_by, told_on FROM extensions ORDER BY id").fetchall()
    granted = extensions if refused_at is None else extensions[:refused_at]
    assert rows == [(d, f"监测{i}", "王镇长", "2018-06-20") for i, d in enumerate(granted)]


def test_show_tells_each_extension_both_key_marks_and_the_delivery(cli, plain):
    """`show` prints what the statute's path recorded: 重点交办 and 重点重复信访 apart, 送达日期, each extension
    (its reason masked like every free text unless --reveal), and JSON carries the same."""
    number = cli.add(received="2018-06-01 09:00")["number"]
    cli("extend", number, "--days", "10", "--reason", "需监测，回电13912345678", "--approved-by", "王镇长",
        "--on", "2018-06-10", "--told", "2018-06-11")  # fmt: skip
    cli("extend", number, "--days", "5", "--reason", "补充材料", "--approved-by", "王镇长", "--on", "2018-06-12")
    cli("key-cases", "mark", number)
    text = cli("show", number, "--no-pager").stdout
    assert "重点交办      否" in text and "重点重复信访  是" in text and "送达日期" in text
    assert "延期记录" in text and "13912345678" not in text and "139****5678" in text
    assert "10          2018-06-10  王镇长    2018-06-11  需监测，回电139****5678" in text
    assert "5           2018-06-12  王镇长    2018-06-12  补充材料" in text
    assert "13912345678" in cli("show", number, "--no-pager", "--reveal").stdout
    shown = cli.json("show", number)
    assert [(e["days"], e["approved_on"], e["told_on"]) for e in shown["extensions"]] == [
        (10, "2018-06-10", "2018-06-11"),
        (5, "2018-06-12", "2018-06-12"),
    ]
    assert (shown["is_key"], shown["key_repeat"], shown["extension_days"]) == (False, True, 15)


def test_a_date_after_today_names_the_option_that_gave_it(cli, db_path, plain):
    cli("leader", "add", "王镇长", "--rank", "town")
    number = cli.add(received="2018-06-01 09:00", leader="王镇长")["number"]
    cli("step", number, "--kind", "mediate", "--at", "2018-06-05 10:00", "--note", "调处")
    today = ("--today", "2018-06-20")
    tries = [
        (("extend", number, "--days", "5", "--reason", "监测", "--approved-by", "王镇长", "--told", "2018-06-21"),
         "--told"),
        (("conclude", number, "-o", "问题解决", "--on", "2018-06-10", "--served", "2018-06-21"), "--served"),
        (("accept", number, "--on", "2018-06-21"), "--on"),
    ]  # fmt: skip
    for args, option in tries:
        before = snapshot(db_path)
        refused = cli(*today, *args, ok=False)
        assert refused.stderr.strip().endswith(f"晚于今天（2018-06-20）：请检查 {option}"), refused.stderr
        assert snapshot(db_path) == before
    cli(*today, "conclude", number, "-o", "问题解决", "--on", "2018-06-10")
    refused = cli(*today, "review", number, "--requested", "2018-06-21", ok=False)
    assert refused.stderr.strip().endswith("请检查 --requested")


def test_new_ledgers_count_on_the_official_calendar(cli):
    # received 2018-06-02: the 15 days to accept end on 06-17, in the Dragon Boat holiday: the next working day
    number = cli.add(received="2018-06-02 09:00")["number"]
    assert cli.json("show", number)["notice_due_on"] == "2018-06-19"


def test_an_existing_ledger_keeps_its_calendar_and_is_told_once(cli, db_path):
    from guside_cli.storage.connection import create_file, ensure_schema

    create_file(db_path)
    conn = sqlite3.connect(db_path)
    ensure_schema(conn, db_path, stop_before="m016_rules_as_the_plan_says")
    conn.close()
    first = cli("list")
    assert "继续按“plain”计算期限" in first.stderr
    assert "继续按" not in cli("list").stderr
    number = cli.add(received="2018-06-02 09:00")["number"]
    assert cli.json("show", number)["notice_due_on"] == "2018-06-17"
    assert cli("check").exit_code == 0


# --- 包案 and 排查 ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "leader", "refused"),
    [
        ({"village": "红豆村"}, "红豆村书记", None),
        ({"village": "顾北村"}, "红豆村书记", "村（社区）干部只包本村（社区）案件"),
        ({"village": "顾北村"}, "王镇长", None),  # a town leader holds any village's case
        ({"village": "红豆村", "level": "市"}, "红豆村书记", None),  # 无锡市级及以下: 属地
        ({"village": "红豆村", "level": "省"}, "红豆村书记", "须由镇领导包案"),
    ],
)
def test_a_village_cadre_holds_only_cases_of_their_village(cli, db_path, case, leader, refused):
    cli("leader", "add", "红豆村书记", "--rank", "village", "--village", "红豆")
    cli("leader", "add", "王镇长", "--rank", "town")
    number = cli.add(**case)["number"]
    before = snapshot(db_path)
    result = cli("assign", number, "--leader", leader, ok=refused is None)
    if refused:
        assert result.exit_code == 1 and refused in result.stderr and snapshot(db_path) == before
    else:
        assert cli.json("show", number)["leader"] == leader


def test_a_cadres_village_cannot_change_while_they_hold_another_villages_case(cli, db_path):
    cli("leader", "add", "村书记", "--rank", "village", "--village", "顾北村")
    number = cli.add(village="顾北村", leader="村书记")["number"]
    before = snapshot(db_path)
    refused = cli("leader", "edit", "村书记", "--village", "红豆村", ok=False)
    assert refused.exit_code == 1 and number in refused.stderr and snapshot(db_path) == before
    cli("leader", "edit", "村书记", "--village", "顾北村")
    assert [r["village"] for r in cli.json("leader", "list")] == ["顾北村"]


def test_a_village_cadre_with_no_village_on_record_holds_no_case_until_it_is(cli, db_path):
    added = cli("leader", "add", "村书记", "--rank", "village")
    assert (
        "提示：村书记 是村（社区）干部，包案前请登记所属村（社区）：guside leader edit 村书记 --village 村名"
        in added.stderr
    )
    number = cli.add(village="顾北村")["number"]
    before = snapshot(db_path)
    for refused in (
        cli("assign", number, "--leader", "村书记", ok=False),
        cli(
            "add",
            "--village",
            "顾北村",
            "--level",
            "town",
            "--subject",
            "异味",
            "--received",
            "2018-06-07 09:30",
            "--leader",
            "村书记",
            ok=False,
        ),
    ):
        assert refused.exit_code == 1 and "未登记所属村（社区），不能包案" in refused.stderr
        assert "guside leader edit 村书记 --village 村名" in refused.stderr and snapshot(db_path) == before
    edited = cli("leader", "edit", "村书记", "--village", "顾北村")
    assert "提示" not in edited.stderr
    cli("assign", number, "--leader", "村书记")
    assert cli.json("show", number)["leader"] == "村书记"


def test_a_closed_case_on_the_screening_list_is_held_and_leaves_the_list(cli, db_path, tmp_path):
    """三(二) reviews every case since 2017 (全面梳理), 销号 ones too: an imported history's closed handed-down case
    with no leader is listed, said closed, and takes a leader (no due date: its handling is over)."""
    history = tmp_path / "history.csv"
    history.write_text(
        "received_on,village,form,level,source,subject,status,closed_on,outcome\n"
        "2018-03-01,红豆村,来访,镇,中央督察,化工厂异味,closed,2018-05-01,resolved\n"
        "2018-03-02,红豆村,来访,镇,,噪声,closed,2018-05-01,resolved\n",
        encoding="utf-8",
    )
    cli("import", str(history))
    cli("leader", "add", "王镇长", "--rank", "town")
    survey = cli.json("campaign", "--year", "2018")["survey"]
    assert [r["status"] for r in survey] == ["closed"]
    number = survey[0]["number"]
    assert f"{number}（红豆村，已销号）" in cli("campaign", "--year", "2018").stdout
    before = snapshot(db_path)
    refused = cli("assign", number, "--leader", "王镇长", "--due", "2018-04-01", ok=False)
    assert refused.exit_code == 1 and "不带 --due" in refused.stderr and snapshot(db_path) == before
    cli("assign", number, "--leader", "王镇长")
    assert cli.json("show", number)["leader"] == "王镇长"
    assert cli.json("campaign", "--year", "2018")["survey"] == []
    other = next(r["number"] for r in cli.json("list", "--status", "closed") if r["number"] != number)
    shut = cli("assign", other, "--leader", "王镇长", ok=False)  # not on the list: a closed case stays shut
    assert shut.exit_code == 1 and "已销号" in shut.stderr
    cli("check")


@pytest.mark.parametrize(
    ("fields", "listed"),
    [
        ({"level": "省"}, True),
        ({"level": "京", "received": "2017-02-01 09:00"}, True),
        ({"source": "中央督察"}, True),
        ({"level": "省", "received": "2016-12-31 09:00"}, False),  # before 2017
        ({"level": "省", "leader": "王镇长"}, False),  # held
        ({"level": "镇"}, False),  # neither escalated nor handed down
    ],
)
def test_the_screening_list_is_every_escalated_or_handed_down_case_since_2017_without_a_leader(cli, fields, listed):
    cli("leader", "add", "王镇长", "--rank", "town")
    number = cli.add(**fields)["number"]
    survey = cli.json("campaign", "--year", "2018")["survey"]
    assert [r["number"] for r in survey] == ([number] if listed else [])
    elements = cli("check", "--elements", "--format", "json", ok=False)
    missing = {m["number"]: m["missing"] for m in __import__("json").loads(elements.stdout)}
    assert ("leader" in missing.get(number, [])) is listed
    if listed:
        assert f"排查清单（2017年以来到部去省或上级交办、尚未落实包案领导）1 件：{number}" in cli("campaign").stdout


@pytest.mark.parametrize(
    ("setup", "leader", "refused"),
    [
        ((), "王镇长", "不在领导名单中"),
        (("leader", "add", "王镇长", "--rank", "village", "--village", "红豆村"), "王镇长", "不是镇领导"),
        (("leader", "add", "王镇长", "--rank", "town"), "王镇长", None),
    ],
)
def test_the_reception_day_is_held_by_a_town_leader_on_the_register(cli, db_path, setup, leader, refused):
    cli("village", "list")  # the ledger exists
    if setup:
        cli(*setup)
    before = snapshot(db_path)
    result = cli("reception", "add", "--on", "2018-06-14", "--leader", leader, ok=refused is None)
    if refused:
        assert result.exit_code == 1 and refused in result.stderr and snapshot(db_path) == before
    else:
        assert cli.json("reception", "list", "--year", "2018")["months"][5]["held"] is True


@pytest.mark.parametrize(("on", "late"), [("2018-08-15", False), ("2018-08-16", True)])
def test_a_village_summary_due_by_8_15_is_late_on_8_16(cli, on, late):
    cli("village", "list")
    said = cli("--today", "2018-08-20", "campaign", "report", "红豆", "--on", on).stdout
    assert ("逾期" in said) is late
    summaries = cli.json("--today", "2018-08-20", "campaign")["summaries"]
    assert summaries["reported"] == [{"village": "红豆村", "on": on, "late": late}]
    assert summaries["late"] == (["红豆村"] if late else [])
    assert (f"逾期报送 1 个：红豆村（{on}）" in cli("--today", "2018-08-20", "campaign").stdout) is late


# --- figures ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("steps", "judged", "contact_pct", "without"),
    [
        ((), 0, None, 2),  # an imported history: no records at all, unknown — never 0 %
        ((("contact", "2018-06-01 10:00"),), 1, 100.0, 1),  # one case with records: judged on it alone
        ((("arrive", "2018-06-03 10:00"),), 1, 0.0, 1),  # records, but no contact within 24 hours: 0 %
    ],
)
def test_the_three_firsts_without_records_are_unknown(cli, steps, judged, contact_pct, without):
    first = cli.add(received="2018-06-01 09:00")["number"]
    cli.add(received="2018-06-02 09:00")
    for number in ("2018-红豆-001", "2018-红豆-002"):
        cli("accept", number, "--on", "2018-06-05")
    for kind, at in steps:
        cli("step", first, "--kind", kind, "--at", at, "--note", "记录")
    cases = cli.json(*LATER, "report", "--year", "2018")["cases"]
    assert (cases["accepted"], cases["three_firsts_judged"], cases["without_records"]) == (2, judged, without)
    assert cases["three_firsts"]["first_contact_24h"]["pct"] == contact_pct
    assert cases["contacted_within_24h_pct"] == contact_pct  # one denominator for the same figure
    text = cli(*LATER, "report", "--year", "2018").stdout
    assert ("—（无记录）" in text) is (judged == 0)


@pytest.mark.parametrize(
    ("form", "persons", "group", "joint"),
    [
        ("来访", "5", (1, 5), (0, 0)),
        ("来访", "4", (0, 0), (0, 0)),
        ("来信", "12", (0, 0), (1, 12)),
        ("电话", "6", (0, 0), (0, 0)),
    ],
)
def test_a_group_visit_is_a_visit_of_five_and_a_joint_letter_is_counted_apart(cli, form, persons, group, joint):
    cli.add(form=form, persons=persons)
    cases = cli.json(*LATER, "report", "--year", "2018")["cases"]
    assert (cases["group_visits"], cases["group_visit_persons"]) == group
    assert (cases["joint_letters"], cases["joint_letter_persons"]) == joint
