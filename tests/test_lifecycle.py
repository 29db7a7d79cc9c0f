"""The case's life: 包案, 调处 steps, deadlines, 销号, reopening, repeats and the audit trail."""

import sqlite3

import pytest

from tests.conftest import snapshot

RULE = "对于到部去省和上级交办重点环境信访问题，要全面实行镇领导牵头包案"


@pytest.fixture
def leaders(cli):
    cli("leader", "add", "王镇长", "--title", "副镇长", "--rank", "town")
    cli("leader", "add", "李书记", "--title", "红豆村书记", "--rank", "村", "--village", "红豆村")
    cli("leader", "add", "赵科长", "--title", "环保办主任", "--rank", "department")


def history(cli, case):
    return cli.json("history", case)


# --- assignment (包案) -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "fields", "why"),
    [
        ((), {"level": "省"}, "属到部去省信访"),
        ((), {"level": "京"}, "属到部去省信访"),
        (("--key",), {"level": "镇", "source": "中央环保督察交办"}, "为上级交办重点件（中央环保督察交办）"),
        (("--key",), {"level": "镇", "source": "263"}, "为上级交办重点件（263专项行动交办）"),
        (("--key",), {"level": "镇", "source": "上级交办"}, "为上级交办重点件（上级交办）"),
    ],
)
def test_escalated_and_key_handed_down_cases_need_a_town_leader(cli, db_path, leaders, key, fields, why):
    number = cli.add(*key, **fields)["number"]
    before = snapshot(db_path)
    for leader, rank in (("李书记", "村（社区）负责人"), ("赵科长", "部门负责人")):
        result = cli("assign", number, "--leader", leader, ok=False)
        assert result.exit_code == 1
        assert result.stderr.strip() == (
            f"错误：{number}{why}：方案规定“{RULE}”，须由镇领导包案，{leader}（{rank}）不符合"
        )
    assert snapshot(db_path) == before
    cli("assign", number, "--leader", "王镇长")
    assert cli.json("show", number)["leader"] == "王镇长"


def test_village_cases_may_go_to_any_leader_and_reassigning_is_logged(cli, leaders):
    number = cli.add(level="镇")["number"]
    cli("assign", number, "--leader", "李书记", "--unit", "红豆村委")
    cli("assign", number, "--leader", "赵科长", "--by", "办公室小张")
    shown = cli.json("show", number)
    assert shown["leader"] == "赵科长" and shown["unit"] == "红豆村委"
    moves = [(h["field"], h["old"], h["new"], h["actor"]) for h in history(cli, number) if h["action"] == "assign"]
    assert moves == [
        ("leader", None, "李书记", "tester"),
        ("unit", None, "红豆村委", "tester"),
        ("leader", "李书记", "赵科长", "办公室小张"),
    ]


def test_unknown_leader_is_a_clear_error(cli):
    number = cli.add()["number"]
    result = cli("assign", number, "--leader", "无名", ok=False)
    assert (
        result.stderr.strip() == "错误：没有包案领导“无名”：请先用 guside leader add 无名 --title ... --rank town 添加"
    )


def test_assign_with_a_shorter_due_date(cli, leaders):
    number = cli.add(level="省", source="中央环保督察交办", received="2018-06-15")["number"]
    cli("assign", number, "--leader", "王镇长", "--due", "2018-06-25")
    assert cli.json("show", number)["due_on"] == "2018-06-25"
    result = cli("assign", number, "--leader", "王镇长", "--due", "2018-06-01", ok=False)
    assert "办结时限 2018-06-01 早于登记日期（2018-06-15）" in result.stderr


def test_leader_list_counts_open_and_overdue(cli, leaders):
    for received in ("2018-01-02", "2018-06-10"):
        cli("assign", cli.add(received=received)["number"], "--leader", "王镇长")
    table = {r["name"]: r for r in cli.json("leader", "list")}
    assert (table["王镇长"]["open"], table["王镇长"]["overdue"], table["王镇长"]["closed"]) == (2, 1, 0)
    assert table["李书记"]["open"] == 0
    assert next(iter(table)) == "王镇长"  # most overdue first


# --- deadlines ------------------------------------------------------------------------------------------


def test_notify_step_starts_the_sixty_days_from_acceptance(cli):
    number = cli.add(received="2018-06-01 08:00")["number"]
    assert cli.json("show", number)["due_on"] == "2018-07-31"
    cli("step", number, "--kind", "受理告知", "--at", "2018-06-10 09:00", "--note", "书面告知")
    shown = cli.json("show", number)
    assert shown["accepted_on"] == "2018-06-10" and shown["due_on"] == "2018-08-09"
    assert [c["clock"] for c in shown["clocks"]] == ["handling"]


def test_extensions_of_at_most_thirty_days_in_all(cli, db_path):
    number = cli.add(received="2018-06-01")["number"]
    before = snapshot(db_path)
    too_long = cli("extend", number, "--days", "31", "--reason", "监测", ok=False)
    assert too_long.stderr.strip() == "错误：延期为 1 至 30 天，不是 31 天"
    assert snapshot(db_path) == before
    cli("extend", number, "--days", "30", "--reason", "需第三方监测", "--approved-by", "王镇长")
    assert cli.json("show", number)["due_on"] == "2018-08-30"
    again = cli("extend", number, "--days", "5", "--reason", "再延", "--approved-by", "王镇长", ok=False)
    assert again.stderr.strip() == (
        f"错误：{number} 已延期 30 天，再延 5 天将超过法定延期总数 30 天（信访工作条例第三十三条）：最多还可延期 0 天"
    )


def test_extension_needs_a_reason(cli):
    number = cli.add()["number"]
    result = cli("extend", number, "--days", "5", "--reason", "  ", ok=False)
    assert result.stderr.strip() == "错误：--reason 为必填项，不能为空"


def test_overdue_on_both_clocks_on_a_fixed_date(cli, leaders):
    cli("config", "set", "deadline.calendar", "plain")  # these dates count plain days (new ledgers: official)
    late = cli.add(received="2018-03-01", subject="早已超期")["number"]  # due 2018-04-30
    notice_only = cli.add(received="2018-06-01", subject="未告知")["number"]  # notice due 2018-06-16
    told = cli.add(received="2018-06-01", subject="已告知")["number"]
    cli("step", told, "--kind", "notify", "--at", "2018-06-05", "--note", "告知")
    cli("assign", late, "--leader", "王镇长")
    rows = cli.json("--today", "2018-06-20", "overdue")
    assert [r["number"] for r in rows] == [late, notice_only]
    assert rows[0]["leader"] == "王镇长"
    assert rows[0]["clocks"] == [
        {"clock": "handling", "due_on": "2018-04-30", "days_overdue": 51},
        {"clock": "notice", "due_on": "2018-03-16", "days_overdue": 96},
    ]
    assert rows[1]["clocks"] == [{"clock": "notice", "due_on": "2018-06-16", "days_overdue": 4}]
    csv_out = cli("--today", "2018-06-20", "overdue", "--format", "csv").stdout.splitlines()
    assert csv_out[0] == "number,village,level,leader,subject,clock,due_on,days_overdue"
    assert len(csv_out) == 4
    assert cli.json("--today", "2018-06-20", "overdue", "--village", "顾山") == []


def test_due_within_lists_what_falls_due_soon(cli):
    cli("config", "set", "deadline.calendar", "plain")  # these dates count plain days (new ledgers: official)
    soon = cli.add(received="2018-04-25")["number"]  # due 2018-06-24
    cli("step", soon, "--kind", "notify", "--at", "2018-04-25 10:00", "--note", "告知")  # due 2018-06-24 still
    later = cli.add(received="2018-06-15")["number"]  # notice due 2018-06-30, handling 2018-08-14
    rows = cli.json("--today", "2018-06-20", "due", "--within", "7")
    assert [r["number"] for r in rows] == [soon]
    assert rows[0]["clocks"] == [{"clock": "handling", "due_on": "2018-06-24", "days_overdue": -4}]
    rows = cli.json("--today", "2018-06-20", "due", "--within", "10")
    assert [r["number"] for r in rows] == [soon, later]


def test_weekend_rule_is_a_setting_that_moves_open_cases(cli):
    cli("config", "set", "deadline.calendar", "plain")  # these dates count plain days (new ledgers: official)
    number = cli.add(received="2018-06-09")["number"]  # +60 days = Wednesday 2018-08-08
    saturday = cli.add(received="2018-06-02")["number"]  # +60 days = Wednesday 2018-08-01; +15 = Sunday 06-17
    assert cli.json("show", saturday)["notice_due_on"] == "2018-06-17"
    out = cli("config", "set", "deadline.roll_weekends", "true").stdout
    assert out.strip() == "deadline.roll_weekends = true（2 件在办案件的时限已重算）"
    assert cli.json("show", saturday)["notice_due_on"] == "2018-06-18"
    assert cli.json("show", number)["due_on"] == "2018-08-08"  # a Wednesday stays
    assert cli.json("show", number)["notice_due_on"] == "2018-06-25"  # Sunday 06-24 rolls to Monday
    sunday_due = cli.add(received="2018-06-10")["number"]  # +60 = Thursday; +15 = Monday
    assert cli.json("show", sunday_due)["due_on"] == "2018-08-09"
    assert cli("config", "set", "deadline.roll_weekends", "maybe", ok=False).exit_code == 2


# --- steps (调处) and the 三个第一 ---------------------------------------------------------------------


def test_first_three_are_marked_with_hours_since_receipt(cli):
    number = cli.add(received="2018-06-07 09:30")["number"]
    cli("step", number, "--kind", "联系信访人", "--at", "2018-06-07 11:00", "--note", "电话联系")
    cli("step", number, "--kind", "到达现场", "--at", "2018-06-08 12:00", "--by", "李四", "--note", "到场")
    cli("step", number, "--kind", "contact", "--at", "2018-06-09 11:00", "--note", "再次联系")
    shown = cli.json("show", number)
    assert shown["first_three"] == [
        {"kind": "contact", "at": "2018-06-07T11:00:00+08:00", "hours": 1.5, "within_24h": True},
        {"kind": "arrive", "at": "2018-06-08T12:00:00+08:00", "hours": 26.5, "within_24h": False},
        {"kind": "mediate", "at": None, "hours": None, "within_24h": False},
    ]
    assert [s["kind"] for s in shown["steps"]] == ["contact", "arrive", "contact"]
    assert shown["steps"][1]["by"] == "李四"
    text = cli("show", number).stdout
    assert "三个第一" in text and "26.5" in text


@pytest.mark.parametrize(
    ("at", "message"),
    [
        ("2018-06-07 09:00", "联系信访人时间 2018-06-07 09:00 早于信访登记时间（2018-06-07 09:30），请核对 --at"),
        ("2018-06-25", "调处时间 2018-06-25 00:00 晚于当前时间，请核对 --at"),
    ],
)
def test_steps_out_of_order_are_refused(cli, db_path, at, message):
    number = cli.add(received="2018-06-07 09:30")["number"]
    before = snapshot(db_path)
    result = cli("step", number, "--kind", "contact", "--at", at, "--note", "x", ok=False)
    assert result.stderr.strip() == f"错误：{number}：{message}"
    assert snapshot(db_path) == before


def test_unknown_step_kind(cli):
    number = cli.add()["number"]
    result = cli("step", number, "--kind", "喝茶", "--note", "x", ok=False)
    assert result.exit_code == 2 and result.stderr.startswith(
        "错误：未知的调处环节“喝茶”：可选 联系信访人（contact）、"
    )


# --- closing (销号) and reopening ----------------------------------------------------------------------


def test_resolved_needs_a_leader_and_a_step(cli, db_path, leaders):
    number = cli.add(received="2018-06-07 09:30")["number"]
    before = snapshot(db_path)
    result = cli("--lang", "en", "close", number, "--outcome", "问题解决", ok=False)
    assert result.stderr.strip() == (
        f"Error: {number} cannot be concluded as 'resolved' without a leader and a step; missing: "
        "a leader (guside assign), a step (guside step)"
    )
    assert snapshot(db_path) == before
    cli("assign", number, "--leader", "李书记")
    result = cli("close", number, "--outcome", "stopped", ok=False)
    assert result.stderr.strip().endswith("缺少调处记录（guside step）")
    cli("step", number, "--kind", "mediate", "--at", "2018-06-08 10:00", "--note", "调处成功")
    cli("close", number, "--outcome", "停诉息访", "--on", "2018-06-10", "--satisfaction", "满意", "--verified")
    shown = cli.json("show", number)
    assert (shown["status"], shown["outcome"], shown["closed_on"]) == ("closed", "stopped", "2018-06-10")
    assert (shown["stage"], shown["concluded_on"], shown["conclusion"]) == ("struck_off", "2018-06-10", "stopped")
    assert shown["satisfaction"] == "satisfied" and shown["verified"] is True
    assert shown["clocks"] == []


def test_not_accepted_is_reject_not_close(cli):
    number = cli.add()["number"]
    refused = cli("close", number, "--outcome", "不予受理", ok=False)
    assert "不予受理用 guside reject" in refused.stderr
    assert "不予受理（2018-06-20）：属诉讼事项" in cli("reject", number, "--reason", "属诉讼事项").stdout


@pytest.mark.parametrize(
    ("on", "message"),
    [
        ("2018-06-01", "the closing date 2018-06-01 is before receipt (2018-06-07); check the date"),
        ("2018-06-08", "the closing date 2018-06-08 is before the last step (2018-06-09); check the date"),
        ("2018-06-21", "the closing date 2018-06-21 is after today (2018-06-20); check --on"),
    ],
)
def test_close_dates_are_checked(cli, leaders, on, message):
    number = cli.add(received="2018-06-07")["number"]
    cli("step", number, "--kind", "contact", "--at", "2018-06-09", "--note", "x")
    result = cli("--lang", "en", "close", number, "--outcome", "unfounded", "--on", on, ok=False)
    assert result.stderr.strip() == f"Error: {number}: {message}"


def test_closed_case_refuses_steps_and_a_second_close_until_reopened(cli, db_path, leaders):
    number = cli.add(received="2018-06-07")["number"]
    cli("assign", number, "--leader", "李书记")
    cli("step", number, "--kind", "mediate", "--at", "2018-06-08", "--note", "调处")
    cli("close", number, "--outcome", "问题解决", "--on", "2018-06-09")
    before = snapshot(db_path)
    step = cli("step", number, "--kind", "contact", "--note", "x", ok=False)
    assert (
        step.stderr.strip() == f"错误：{number} 已销号（2018-06-09）：如属误销号，请先 guside reopen 更正，再记录调处"
    )
    again = cli("close", number, "--outcome", "resolved", ok=False)
    assert again.stderr.strip() == f"错误：{number} 已销号（2018-06-09）：如属误销号，请先 guside reopen 更正"
    assert snapshot(db_path) == before
    assert cli("reopen", number, "--reason", "误销号").stdout.strip() == f"{number} 已更正为未销号，回到“已登记”阶段"
    shown = cli.json("show", number)
    assert (shown["status"], shown["reopened"], shown["number"], shown["stage"]) == ("open", 1, number, "received")
    assert (shown["due_on"], shown["concluded_on"], shown["outcome"]) == ("2018-08-06", None, None)  # as it was
    cli("step", number, "--kind", "contact", "--note", "再次联系")
    cli("close", number, "--outcome", "resolved")
    closings = [(h["action"], h["field"], h["new"]) for h in history(cli, number) if h["action"] in ("close", "reopen")]
    assert ("reopen", "status", "open") in closings and closings.count(("close", "stage", "struck_off")) == 2


def test_reopening_an_open_case_is_refused(cli):
    number = cli.add()["number"]
    result = cli("reopen", number, "--reason", "x", ok=False)
    assert result.stderr.strip() == f"错误：{number} 未销号（“已登记”）：reopen 只更正误销号的案件"


# --- repeats (重复信访) --------------------------------------------------------------------------------


def test_add_warns_about_a_likely_repeat(cli):
    first = cli.add(phone="13900001111", received="2018-01-10")["number"]
    result = cli(
        "add", "--village", "顾山", "--level", "镇", "--subject", "又来", "--phone", "139 0000 1111", "--format", "json"
    )
    assert f"注意：可能是重复信访，与 {first} 联系电话相同" in result.stderr
    import json

    assert json.loads(result.stdout)["possible_repeats"] == [{"number": first, "why": "phone"}]


def test_same_village_and_enterprise_is_a_likely_repeat_but_not_after_a_year(cli):
    cli.add(enterprise="虚构锦程化工有限公司", received="2017-06-01")
    recent = cli.add(enterprise="虚构锦程化工有限公司", received="2017-06-25")["number"]
    found = cli.add(enterprise="虚构锦程化工有限公司", received="2018-06-20")["possible_repeats"]
    assert found == [{"number": recent, "why": "enterprise"}]


def test_repeat_chain_links_to_the_first_petition(cli):
    first = cli.add(received="2018-01-10")["number"]
    second = cli.add("--repeat-of", first, received="2018-03-01")
    third = cli.add("--repeat-of", second["number"], received="2018-05-01")
    assert second["repeat_of"] == first and third["repeat_of"] == first
    assert "possible_repeats" in third and third["possible_repeats"] == []
    shown = cli.json("show", first)
    assert shown["came_back"] == 2
    assert [(c["number"], c["this"]) for c in shown["chain"]] == [
        (first, True),
        (second["number"], False),
        (third["number"], False),
    ]
    cli.add(received="2018-05-02")  # not in a chain
    assert sorted(r["number"] for r in cli.json("list", "--repeats")) == sorted(
        [first, second["number"], third["number"]]
    )
    notes = [h["note"] for h in history(cli, third["number"]) if h["action"] == "repeat"]
    assert notes == [f"given {second['number']}; linked to the first petition"]


# --- edits and the audit trail -------------------------------------------------------------------------


def test_edit_corrects_elements_and_logs_old_and_new(cli):
    number = cli.add(received="2018-06-07", level="镇")["number"]
    out = cli("edit", number, "--set", "persons=12", "--set", "cause=企业夜间偷排", "--set", "level=省")
    assert out.stdout.splitlines()[0] == f"{number} 已更正：信访层级、诱因、涉及人数"
    shown = cli.json("show", number)
    assert (shown["persons"], shown["cause"], shown["level"], shown["number"]) == (
        12,
        "企业夜间偷排",
        "province",
        "2018-0001",  # the level crossed the numbering line: the town's sequence
    )
    assert shown["former_numbers"] == [number]
    edits = [(h["field"], h["old"], h["new"]) for h in history(cli, number) if h["action"] == "edit"]
    assert edits == [("level", "town", "province"), ("cause", None, "企业夜间偷排"), ("persons", "1", "12")]


def test_edit_received_moves_the_deadlines(cli):
    cli("config", "set", "deadline.calendar", "plain")  # these dates count plain days (new ledgers: official)
    number = cli.add(received="2018-06-07")["number"]
    cli("edit", number, "--set", "received=2018-06-01 08:00")
    shown = cli.json("show", number)
    assert (shown["received_on"], shown["due_on"], shown["notice_due_on"]) == ("2018-06-01", "2018-07-31", "2018-06-16")


def test_bad_edits_are_refused_and_change_nothing(cli, db_path):
    number = cli.add()["number"]
    before = snapshot(db_path)
    bad = cli("edit", number, "--set", "persons=0", ok=False)
    assert bad.stderr.strip() == "错误：无法这样更正：涉及人数：涉及人数应在 1 至 100000 之间，不能是 0"
    unknown = cli("edit", number, "--set", "number=X-1", ok=False)
    assert unknown.stderr.startswith("错误：--set 取 字段=值，字段为 received（登记时间）, village（属地）")
    assert snapshot(db_path) == before


def test_every_command_writes_history_in_its_own_transaction(cli, leaders):
    number = cli.add(received="2018-06-07 09:30")["number"]
    cli("assign", number, "--leader", "王镇长")
    cli("extend", number, "--days", "10", "--reason", "监测")
    cli("step", number, "--kind", "notify", "--at", "2018-06-08", "--note", "告知")
    cli("edit", number, "--set", "unit=镇环保办")
    cli("step", number, "--kind", "mediate", "--note", "调处")
    cli("close", number, "--outcome", "resolved")
    cli("reopen", number, "--reason", "误销号")
    actions = list(dict.fromkeys(h["action"] for h in history(cli, number)))
    assert actions == ["add", "assign", "extend", "due", "step", "accept", "edit", "close", "reopen"]


def test_history_is_append_only(cli, db_path):
    cli.add()
    with sqlite3.connect(db_path) as conn:
        for sql in ("UPDATE history SET actor = 'x'", "DELETE FROM history"):
            with pytest.raises(sqlite3.IntegrityError, match="history is append-only"):
                conn.execute(sql)


def test_history_signs_with_gusdie_user_or_by(cli):
    number = cli.add()["number"]
    cli("step", number, "--kind", "contact", "--note", "联系", "--by", "李四")
    assert [h["actor"] for h in history(cli, number)] == ["tester", "李四"]


def test_a_leader_named_by_an_import_gets_a_rank_later(cli, db_path):
    from guside_cli.commands._common import Run
    from guside_cli.services.importing import register_rows
    from guside_cli.storage.ledger import Ledger
    from tests.test_intake import NOW

    cli.add()  # create the ledger
    run = Run(db=db_path, lang="zh", today=NOW.date(), now=NOW, user="tester")
    raw = {"received": "2018-06-01", "village": "红豆", "level": "省", "subject": "s", "leader": "新领导"}
    with Ledger.open(db_path) as ledger:
        loaded = register_rows(ledger, [(2, raw)], run)
        assert (loaded.written, loaded.problems) == (1, [])  # rank unknown: the rule cannot apply yet
    assert cli.json("leader", "list")[0]["rank"] is None
    number = cli.json("list", "--level", "省")[0]["number"]
    later = cli.add(level="省")["number"]
    result = cli("assign", later, "--leader", "新领导", ok=False)
    assert "新领导 的级别未登记：请用 guside leader add 新领导 --rank town|village|department 补登" in result.stderr
    # the rank set later may not break the rule for the case the leader holds already
    refused = cli("leader", "add", "新领导", "--rank", "village", "--title", "村书记", ok=False)
    assert f"新领导 仍包案 1 件须镇领导包案的在办案件（如 {number}）" in refused.stderr
    cli("leader", "add", "新领导", "--rank", "town", "--title", "副镇长")
    cli("assign", later, "--leader", "新领导")
    assert cli.json("show", number)["leader_rank"] == "town"


# --- close and step without their options --------------------------------------------------------------


def test_close_and_step_without_a_terminal_name_what_is_missing_on_one_line(cli, db_path):
    number = cli.add()["number"]
    before = snapshot(db_path)
    close = cli("close", number, ok=False)
    assert (close.exit_code, close.stderr) == (2, "错误：缺少必填项 --outcome：没有终端可以询问，请用选项给出\n")
    step = cli("step", number, ok=False)
    assert (step.exit_code, step.stderr) == (2, "错误：缺少必填项 --kind, --note：没有终端可以询问，请用选项给出\n")
    note = cli("--lang", "en", "step", number, "--kind", "contact", ok=False)
    assert (note.exit_code, note.stderr.strip()) == (
        2,
        "Error: missing required field(s) --note: give them as options (no terminal to ask on)",
    )
    assert snapshot(db_path) == before


def test_history_speaks_the_offices_words_not_codes(cli):
    """The history table names actions, fields, step kinds and coded values by their labels; JSON keeps codes."""
    number = cli.add()["number"]
    cli("accept", number, "--on", "2018-06-08")
    cli("step", number, "--kind", "contact", "--at", "2018-06-08 10:00", "--note", "电话联系")
    text = cli("history", number, "--format", "text").stdout
    assert "受理" in text and "联系信访人" in text and "登记" in text
    assert not any(word in text.split() for word in ("accept", "contact", "step", "add"))
    actions = [h["action"] for h in cli.json("history", number)]
    assert "accept" in actions and "step" in actions


@pytest.mark.parametrize(
    ("assignment", "field", "value"),
    [("涉及人数=4", "persons", 4), ("诱因=夜间施工", "cause", "夜间施工"), ("反映问题=噪声", "subject", "噪声"),
     ("属地=新龚", "village", "新龚村"), ("persons=六", "persons", 6)],
)  # fmt: skip
def test_edit_takes_an_element_by_the_name_the_ledger_shows(cli, assignment, field, value):
    """`edit --set` reads what `show` and an office's file call an element (涉及人数), as well as its field name."""
    number = cli.add()["number"]
    cli("edit", number, "--set", assignment)
    assert cli.json("show", number)[field] == value


def test_edit_names_every_element_it_takes_in_both_words(cli, db_path):
    number = cli.add()["number"]
    before = snapshot(db_path)
    refused = cli("edit", number, "--set", "状态=已销号", ok=False)
    assert "persons（涉及人数）" in refused.stderr and "收到的是“状态=已销号”" in refused.stderr
    assert snapshot(db_path) == before


def test_a_leader_edit_that_changes_nothing_says_so_and_writes_nothing(cli, db_path):
    cli("leader", "add", "王镇长", "--rank", "town")
    before = snapshot(db_path)
    said = cli("leader", "edit", "王镇长", "--village", "")
    assert said.stdout.strip() == "王镇长 未作修改：没有给出与原来不同的级别、职务或所属村（社区）"
    assert snapshot(db_path) == before


def test_cases_without_a_leader_are_named_alike_everywhere(cli):
    number = cli.add(received="2018-06-15 09:00")["number"]
    by_leader = cli("due", "--within", "60", "--by", "leader").stdout
    assert "未包案：1 件须办结" in by_leader and number in by_leader
    assert "（未确定）" not in by_leader
