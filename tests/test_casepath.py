"""The statute's case path: stages and their transitions, every refusal, the clocks, the official calendar,
包案 at every door, renumbering across the numbering line, and the migration of an existing ledger."""

import sqlite3
from datetime import date

import pytest

from guside_cli.core.deadlines import DeadlineRules, calendar_gap, handling_due
from tests.conftest import snapshot

PLAIN, OFFICIAL = DeadlineRules(), DeadlineRules(calendar="official")


@pytest.fixture
def leaders(cli):
    cli("leader", "add", "王镇长", "--title", "副镇长", "--rank", "town")
    cli("leader", "add", "李书记", "--title", "红豆村书记", "--rank", "village", "--village", "红豆村")
    cli("leader", "add", "赵科长", "--title", "环保办主任", "--rank", "department")


def handled(cli, number, at="2018-06-08 10:00"):
    """A case with its 包案 leader and a 调处 step, ready to conclude."""
    cli("assign", number, "--leader", "王镇长")
    cli("step", number, "--kind", "mediate", "--at", at, "--note", "调处")


# --- the calendar (pure) ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accepted", "rules", "due"),
    [
        (date(2018, 8, 4), PLAIN, date(2018, 10, 3)),
        (date(2018, 8, 4), OFFICIAL, date(2018, 10, 8)),  # 10-03 is 国庆: the next working day
        (date(2018, 7, 31), PLAIN, date(2018, 9, 29)),
        (date(2018, 7, 31), OFFICIAL, date(2018, 9, 29)),  # a 调休 working Saturday stays
        (date(2018, 6, 9), OFFICIAL, date(2018, 8, 8)),  # a Wednesday stays
        (date(2018, 6, 2), OFFICIAL, date(2018, 8, 1)),
        (date(2018, 6, 4), OFFICIAL, date(2018, 8, 3)),  # Friday
        (date(2018, 6, 5), OFFICIAL, date(2018, 8, 6)),  # Saturday 08-04 -> Monday
    ],
)
def test_handling_due_on_both_calendars(accepted, rules, due):
    assert handling_due(accepted, rules) == due


def test_a_year_without_official_data_is_named_not_guessed():
    late = handling_due(date(2099, 3, 1), OFFICIAL)
    assert late == date(2099, 4, 30)  # calendar days
    assert calendar_gap(late, OFFICIAL) == 2099
    assert calendar_gap(late, PLAIN) is None
    assert calendar_gap(date(2018, 10, 8), OFFICIAL) is None


def test_the_calendar_setting_recomputes_open_cases_only(cli, monkeypatch):
    cli("config", "set", "deadline.calendar", "plain")  # these dates count plain days (new ledgers: official)
    monkeypatch.setenv("GUSIDE_TODAY", "2018-08-10")  # receipts after the business date are refused
    accepted = cli.add(received="2018-08-01")["number"]
    cli("--today", "2018-08-10", "accept", accepted, "--on", "2018-08-04")
    closed = cli.add(received="2018-08-04")["number"]
    cli("--today", "2018-08-10", "reject", closed, "--reason", "不属环境信访", "--on", "2018-08-05")
    before = cli.json("show", closed)["due_on"]
    out = cli("config", "set", "deadline.calendar", "official").stdout
    assert out.strip() == "deadline.calendar = official（1 件在办案件的时限已重算）"
    assert cli.json("show", accepted)["due_on"] == "2018-10-08"
    assert cli.json("show", closed)["due_on"] == before
    cli("config", "set", "deadline.calendar", "plain")
    assert cli.json("show", accepted)["due_on"] == "2018-10-03"
    bad = cli("--lang", "en", "config", "set", "deadline.calendar", "lunar", ok=False)
    assert (bad.exit_code, bad.stderr.strip()) == (2, "Error: deadline.calendar takes plain|official, not 'lunar'")


def test_every_deadline_in_a_year_without_data_says_so(cli, monkeypatch):
    monkeypatch.setenv("GUSIDE_TODAY", "2026-12-01")
    cli("config", "set", "deadline.calendar", "official")
    number = cli.add(received="2026-12-01")["number"]
    accepted = cli("--lang", "en", "accept", number, "--on", "2026-12-01")
    assert accepted.stderr.strip() == (
        "Note: the official holiday calendar has no data for 2027; 2027-01-30 is counted in calendar days, "
        "not moved past holidays"
    )
    clocks = cli.json("show", number)["clocks"]
    assert clocks == [{"clock": "handling", "due_on": "2027-01-30", "days_overdue": -60, "calendar_gap": 2027}]
    text = cli("--lang", "en", "show", number, "--format", "text").stdout
    assert "no holiday calendar for 2027, calendar days" in text
    assert cli("due", "--within", "90", "--format", "text").stdout.count("2027-01-30*") == 1


# --- transitions --------------------------------------------------------------------------------------------


def _concluded(cli, number):
    handled(cli, number)
    cli("conclude", number, "--outcome", "反映不属实", "--on", "2018-06-10")


def _reviewed(cli, number):
    _concluded(cli, number)
    cli("review", number, "--requested", "2018-06-12")
    cli("review", number, "--decided", "2018-06-15", "--outcome", "维持")


TRANSITIONS = [
    # (name, setup, command, stage, status)
    ("accept", None, ("accept", "{n}", "--on", "2018-06-09"), "accepted", "open"),
    ("notify step accepts", None, ("step", "{n}", "--kind", "notify", "--note", "告知"), "accepted", "open"),
    ("reject", None, ("reject", "{n}", "--reason", "属诉讼事项"), "not_accepted", "closed"),
    ("reject after the notice", "accept", ("reject", "{n}", "--reason", "告知不予受理"), "not_accepted", "closed"),
    ("conclude", handled, ("conclude", "{n}", "-o", "unfounded", "--on", "2018-06-10"), "concluded", "open"),
    ("close settles", handled, ("close", "{n}", "-o", "resolved", "--on", "2018-06-10"), "struck_off", "closed"),
    ("close after 办结", _concluded, ("close", "{n}", "-o", "stopped"), "struck_off", "closed"),
    (
        "close, window passed",
        _concluded,
        ("--today", "2018-07-11", "close", "{n}", "-o", "unfounded"),
        "struck_off",
        "closed",
    ),
    ("review request", _concluded, ("review", "{n}", "--requested", "2018-06-12"), "review", "open"),
    ("review decision", _reviewed, ("close", "{n}", "-o", "unfounded", "--on", "2018-06-16"), "struck_off", "closed"),
    ("re-review request", _reviewed, ("re-review", "{n}", "--requested", "2018-06-18"), "re_review", "open"),
]


@pytest.mark.parametrize(("name", "setup", "command", "stage", "status"), TRANSITIONS, ids=[t[0] for t in TRANSITIONS])
def test_every_transition(cli, leaders, name, setup, command, stage, status):
    number = cli.add(level="省")["number"]
    if setup == "accept":
        cli("step", number, "--kind", "notify", "--note", "告知")
    elif setup:
        setup(cli, number)
    cli(*(part.format(n=number) for part in command))
    shown = cli.json("show", number)
    assert (shown["stage"], shown["status"]) == (stage, status)


def test_the_whole_path_with_its_clocks(cli, leaders, monkeypatch):
    number = cli.add(level="省", received="2018-05-01")["number"]
    assert [c["clock"] for c in cli.json("show", number)["clocks"]] == ["handling", "notice"]
    cli("accept", number, "--on", "2018-05-03")
    assert cli.json("show", number)["clocks"] == [{"clock": "handling", "due_on": "2018-07-02", "days_overdue": -12}]
    handled(cli, number, "2018-05-04")
    out = cli("conclude", number, "-o", "反映不属实", "--on", "2018-05-20", "--note", "经监测达标")
    assert out.stdout.strip() == f"{number} 已办结（反映不属实，2018-05-20）；复查申请期限至 2018-06-19"
    assert cli.json("show", number)["clocks"] == []  # the statute's clock stopped
    assert cli("review", number, "--requested", "2018-06-05").stdout.strip() == (
        f"{number} 复查申请已登记（2018-06-05），应于 2018-07-05 前作出决定"
    )
    monkeypatch.setenv("GUSIDE_TODAY", "2018-07-10")
    late = cli.json("overdue")
    assert late[0]["clocks"] == [{"clock": "review", "due_on": "2018-07-05", "days_overdue": 5}]
    cli("review", number, "--decided", "2018-07-08", "--outcome", "upheld")
    assert cli.json("overdue") == []
    cli("re-review", number, "--requested", "2018-07-09")
    assert cli.json("due", "--within", "30")[0]["clocks"][0] == {
        "clock": "re_review",
        "due_on": "2018-08-08",
        "days_overdue": -29,
    }
    cli("re-review", number, "--decided", "2018-07-10", "--outcome", "维持")
    shown = cli.json("show", number)
    assert (shown["review_outcome"], shown["re_review_outcome"], shown["re_review_decided_on"]) == (
        "upheld",
        "upheld",
        "2018-07-10",
    )
    again = cli.add("--repeat-of", number, level="省", received="2018-07-10")
    assert (again["stage"], again["status"], again["outcome"]) == ("not_accepted_again", "closed", "not_accepted")
    warned = cli("add", "--village", "红豆", "--level", "镇", "--subject", "又来", "--repeat-of", number)
    assert f"不再受理：{number} 所涉事项已复核终结" in warned.stderr
    cli("close", number, "-o", "stopped")
    report = cli.json("report", "--year", "2018")["cases"]
    assert (report["accepted"], report["concluded"], report["closed"], report["not_accepted_again"]) == (1, 1, 1, 2)


def test_a_refusal_after_the_notice_is_not_counted_as_accepted(cli):
    number = cli.add()["number"]
    cli("step", number, "--kind", "notify", "--at", "2018-06-08", "--note", "不予受理告知")
    cli("reject", number, "--reason", "属诉讼事项", "--on", "2018-06-08")
    cases = cli.json("report", "--year", "2018")["cases"]
    assert (cases["registered"], cases["accepted"], cases["not_accepted"], cases["closed"]) == (1, 0, 1, 0)


def test_reopen_corrects_a_mistaken_closing_and_keeps_the_clocks(cli, leaders):
    number = cli.add(level="省", received="2018-06-01")["number"]
    cli("accept", number, "--on", "2018-06-02")
    cli("extend", number, "--days", "10", "--reason", "监测", "--on", "2018-06-05", "--approved-by", "王镇长")
    due = cli.json("show", number)["due_on"]
    handled(cli, number)
    cli("close", number, "-o", "resolved", "--on", "2018-06-10")
    out = cli("reopen", number, "--reason", "误销号")
    assert out.stdout.strip() == f"{number} 已更正为未销号，回到“已受理”阶段"
    shown = cli.json("show", number)
    assert (shown["stage"], shown["due_on"], shown["extension_days"], shown["concluded_on"]) == (
        "accepted",
        due,
        10,
        None,
    )
    # a case concluded before it was struck off returns to 办结, its conclusion kept
    cli("conclude", number, "-o", "unfounded", "--on", "2018-06-11")
    cli("close", number, "-o", "resolved", "--on", "2018-06-12")
    cli("reopen", number, "--reason", "误销号")
    shown = cli.json("show", number)
    assert (shown["stage"], shown["concluded_on"], shown["outcome"]) == ("concluded", "2018-06-11", "unfounded")


# --- refusals -----------------------------------------------------------------------------------------------

REFUSALS = [
    # (name, level, setup, command, exit code, English message ({n}: the number))
    ("accept twice", "镇", "accept", ("accept", "{n}"), 1,
     "{n} is at the stage 'accepted' and cannot be accepted: only a registered case can be accepted or refused"),
    ("reject a concluded case", "镇", "conclude", ("reject", "{n}", "--reason", "x"), 1,
     "{n} is at the stage 'concluded' and cannot be refused acceptance: only a registered or accepted case not yet "
     "concluded can be refused"),
    ("accept before receipt", "镇", None, ("accept", "{n}", "--on", "2018-06-01"), 1,
     "{n}: the acceptance date 2018-06-01 is before receipt (2018-06-07); check the date"),
    ("accept in the future", "镇", None, ("accept", "{n}", "--on", "2018-06-21"), 1,
     "{n}: the acceptance date 2018-06-21 is after today (2018-06-20); check --on"),
    ("reject without a reason", "镇", None, ("reject", "{n}", "--reason", " "), 2,
     "not accepting a case needs a reason (--reason)"),
    ("conclude as not accepted", "镇", None, ("conclude", "{n}", "-o", "不予受理"), 2,
     "'not accepted' is not an outcome of 办结: use resolved/stopped/unfounded/transferred/interim; "
     "not accepting is guside reject"),
    ("conclude an escalated case without work", "省", None, ("conclude", "{n}", "-o", "unfounded"), 1,
     "{n} was lodged at province/Beijing level: concluding or closing it needs a town leader holding it and at "
     "least one recorded step; missing: a town leader (guside assign), a step (guside step)"),
    ("close an inspection case as not true without a step", "镇", "assign-key", ("close", "{n}", "-o", "resolved"), 1,
     "{n} is a key case handed down (central inspection): concluding or closing it needs a town leader holding it "
     "and at least one recorded step; missing: a step (guside step)"),
    ("close unconcluded as not true", "镇", None, ("close", "{n}", "-o", "unfounded"), 1,
     "{n} cannot be closed as 'report not true': it is not concluded; only resolved or stopped may record 办结 and "
     "销号 together, else guside conclude first"),
    ("close inside the review window", "镇", "conclude", ("close", "{n}", "-o", "unfounded"), 1,
     "{n} cannot be closed as 'report not true': the review window runs until 2018-07-10 (concluded 2018-06-10, "
     "'report not true'): strike it off after the window passes with no request, or after a 复查/复核 decision"),
    ("close while a review runs", "镇", "review", ("close", "{n}", "-o", "resolved"), 1,
     "{n} cannot be closed as 'resolved': the review (复查) is running (requested 2018-06-12, decision due "
     "2018-07-12): strike it off after the decision"),
    ("close an interim conclusion", "镇", "interim", ("close", "{n}", "-o", "unfounded", "--on", "2018-06-20"), 1,
     "{n} cannot be closed as 'report not true': 阶段性办结 (2018-06-10) means remediation continues, not 销号: "
     "close it as resolved or stopped when done"),
    ("close as interim", "镇", "conclude", ("close", "{n}", "-o", "阶段性办结", "--on", "2018-06-20"), 1,
     "{n} cannot be closed as 'concluded for now': 阶段性办结 means remediation continues: it is not an outcome of "
     "销号; record it with guside conclude"),
    ("conclude a handed-down case without work", "镇", "handed-down", ("conclude", "{n}", "-o", "resolved"), 1,
     "{n} was handed down (handed down from above): concluding or closing it needs its leader (a town leader or "
     "a village head) and at least one recorded step; missing: a leader (guside assign), a step (guside step)"),
    ("review before 办结", "镇", None, ("review", "{n}", "--requested", "2018-06-10"), 1,
     "{n} is at the stage 'received' and cannot be put to review (复查 needs 办结 first): a 复查 is requested "
     "within 30 days of 办结 and decided within 30 days"),
    ("review dated before 办结", "镇", "conclude", ("review", "{n}", "--requested", "2018-06-09"), 1,
     "{n}: the request date 2018-06-09 is before conclusion (2018-06-10); check the date"),
    ("review decided before it was asked", "镇", "review", ("review", "{n}", "-o", "维持", "--decided", "2018-06-11"),
     1, "{n}: the decision date 2018-06-11 is before request (2018-06-12); check the date"),
    ("review decision without an outcome", "镇", "review", ("review", "{n}", "--decided", "2018-06-13"), 2,
     "give either --requested (the request date) or --decided with --outcome (the decision date and result)"),
    ("re-review before a review decision", "镇", "review", ("re-review", "{n}", "--requested", "2018-06-13"), 1,
     "{n} is at the stage 'under review' and cannot be put to re-review (复核 needs a 复查 decision): a 复核 is "
     "requested within 30 days of the 复查 decision and decided within 30 days"),
    ("extend without a leader", "镇", None, ("extend", "{n}", "--days", "5", "--reason", "监测"), 1,
     "{n} has no leader: name the leader who approved the extension with --approved-by"),
    ("extend a concluded case", "镇", "conclude", ("extend", "{n}", "--days", "5", "--reason", "监测"), 1,
     "{n} is at the stage 'concluded': its handling clock no longer runs, so it cannot be extended"),
    ("extend on a date in the future", "镇", None,
     ("extend", "{n}", "--days", "5", "--reason", "x", "--approved-by", "王镇长", "--on", "2018-06-22"), 1,
     "{n}: the extension date 2018-06-22 is after today (2018-06-20); check --on"),
    ("reopen an open case", "镇", None, ("reopen", "{n}", "--reason", "x"), 1,
     "{n} is not closed ('received'): reopen only corrects a case closed by mistake"),
    ("a date before 1949", "镇", None, ("accept", "{n}", "--on", "1948-10-01"), 2,
     "the date 1948-10-01 is before 1949: check the date"),
    ("a date far ahead", "镇", None, ("accept", "{n}", "--on", "2081-06-07"), 2,
     "the date 2081-06-07 is after 2028-06-20 (more than 10 years from today): check the date"),
]  # fmt: skip


def _setup(cli, number, what):
    if what in ("conclude", "review", "interim"):
        handled(cli, number)
        cli("conclude", number, "-o", "阶段性办结" if what == "interim" else "unfounded", "--on", "2018-06-10")
    if what == "review":
        cli("review", number, "--requested", "2018-06-12")
    if what == "accept":
        cli("accept", number, "--on", "2018-06-08")
    if what == "assign-key":
        cli("assign", number, "--leader", "王镇长")


@pytest.mark.parametrize(
    ("name", "level", "setup", "command", "code", "message"), REFUSALS, ids=[r[0] for r in REFUSALS]
)
def test_every_refusal_is_one_line_names_the_dates_and_writes_nothing(
    cli, db_path, leaders, name, level, setup, command, code, message
):
    extra = ("--key",) if setup == "assign-key" else ()
    fields = {"source": "中央环保督察交办"} if setup == "assign-key" else {}
    fields = {"source": "上级交办"} if setup == "handed-down" else fields
    number = cli.add(*extra, level=level, received="2018-06-07", **fields)["number"]
    _setup(cli, number, setup)
    before = snapshot(db_path)
    result = cli("--lang", "en", *(part.format(n=number) for part in command), ok=False)
    assert result.exit_code == code
    assert result.stderr.strip() == "Error: " + message.format(n=number)
    assert len(result.stderr.strip().splitlines()) == 1
    assert snapshot(db_path) == before


def test_review_late_and_extension_late_quote_both_dates(cli, db_path, leaders, monkeypatch):
    number = cli.add(received="2018-04-01")["number"]
    cli("assign", number, "--leader", "李书记")
    before = snapshot(db_path)
    late = cli("extend", number, "--days", "10", "--reason", "监测", "--on", "2018-06-20", ok=False)
    assert late.stderr.strip() == (
        f"错误：{number}：办理期限已于 2018-05-31 届满，2018-06-20 不能再延期：延期须在期限届满前批准"
    )
    assert snapshot(db_path) == before
    cli("extend", number, "--days", "10", "--reason", "监测", "--on", "2018-05-30")  # approved in time
    assert cli.json("show", number)["extension_approved_by"] == "李书记"  # the case's 包案 leader by default
    handled(cli, number, "2018-04-02")
    cli("conclude", number, "-o", "resolved", "--on", "2018-05-01")
    before = snapshot(db_path)
    refused = cli("--lang", "en", "review", number, "--requested", "2018-06-01", ok=False)
    assert refused.stderr.strip() == (
        f"Error: {number}: the 复查 request of 2018-06-01 is more than 30 days after the written opinion was received "
        "(2018-05-01; the window closed 2018-05-31): the regulation allows a review request within 30 days of "
        "receiving it"
    )
    assert snapshot(db_path) == before


# --- 包案 at every door -------------------------------------------------------------------------------------

RULE = "对于到部去省和上级交办重点环境信访问题，要全面实行镇领导牵头包案"


def test_a_handed_down_case_that_is_not_key_may_go_to_a_village_head(cli, leaders):
    number = cli.add(source="263")["number"]
    cli("assign", number, "--leader", "李书记")
    refused = cli("--lang", "en", "assign", number, "--leader", "赵科长", ok=False)
    assert refused.stderr.strip() == (
        f"Error: {number} was handed down (263 campaign): a handed-down case that is not key is held by a town "
        "leader or a village head, not 赵科长 (department head); mark key ones with --key"
    )
    marked = cli("--lang", "en", "edit", number, "--key", ok=False)  # now it would need a town leader
    assert marked.stderr.strip() == (
        f"Error: {number} is a key case handed down (263 campaign): the plan says “{RULE}” — it must be held by a "
        "town leader (镇领导), not 李书记 (village head)"
    )
    cli("assign", number, "--leader", "王镇长")
    cli("edit", number, "--key")
    assert cli.json("show", number)["is_key"] is True


@pytest.mark.parametrize(
    "change",
    [("--set", "level=省"), ("--set", "level=京"), ("--set", "source=中央督察", "--key")],
    ids=["level 省", "level 京", "source 中央督察 key"],
)
def test_edit_of_level_or_source_cannot_break_the_rule(cli, db_path, leaders, change):
    number = cli.add(level="镇")["number"]
    cli("assign", number, "--leader", "李书记")
    before = snapshot(db_path)
    refused = cli("edit", number, *change, ok=False)
    assert f"方案规定“{RULE}”，须由镇领导包案，李书记（村（社区）负责人）不符合" in refused.stderr
    assert snapshot(db_path) == before


def test_leader_edit_cannot_break_the_rule(cli, db_path, leaders):
    number = cli.add(level="省")["number"]
    cli("assign", number, "--leader", "王镇长")
    before = snapshot(db_path)
    refused = cli("--lang", "en", "leader", "edit", "王镇长", "--rank", "village", ok=False)
    assert refused.stderr.strip() == (
        f"Error: 王镇长 still holds 1 open case(s) that need a town leader (e.g. {number}): making them 'village "
        f"head' would break “{RULE}”; reassign those first"
    )
    assert snapshot(db_path) == before
    cli("leader", "edit", "王镇长", "--title", "镇长")
    cli("leader", "edit", "李书记", "--rank", "department")  # holds nothing: allowed
    ranks = {row["name"]: (row["rank"], row["title"]) for row in cli.json("leader", "list")}
    assert ranks["王镇长"] == ("town", "镇长") and ranks["李书记"][0] == "department"


def test_import_keeps_a_recorded_closing_but_wants_the_town_leader_and_carries_the_stage(cli, tmp_path, leaders):
    cli.add()
    head = "received_on,village,level,subject,status,closed_on,outcome,leader,stage,concluded_on,is_key\n"
    bad = tmp_path / "bad.csv"
    bad.write_text(head + "2018-03-01,红豆村,省,已办,closed,2018-04-01,resolved,,,,\n", encoding="utf-8")
    refused = cli("import", str(bad), ok=False)
    assert "“leader”列：已销号的到部去省案件须记录镇领导包案（包案领导一栏为空）" in refused.stderr
    good = tmp_path / "good.csv"
    good.write_text(
        head
        + "2018-03-01,红豆村,省,已办,closed,2018-04-01,resolved,王镇长,,,\n"  # no step needed
        + "2018-03-02,红豆村,镇,在复查,,,unfounded,,concluded,2018-04-02,是\n"
        + "2018-03-03,红豆村,镇,不受理,,2018-03-05,not_accepted,,,,\n",
        encoding="utf-8",
    )
    cli("import", str(good))
    stages = {r["subject"]: (r["stage"], r["status"], r["is_key"]) for r in cli.json("list", "--year", "2018")}
    assert stages["已办"] == ("struck_off", "closed", False)
    assert stages["在复查"] == ("concluded", "open", True)
    assert stages["不受理"] == ("not_accepted", "closed", False)
    assert all(f["ok"] for f in cli.json("check"))


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_export_then_import_keeps_every_stage_and_its_dates(cli, tmp_path, leaders, monkeypatch, fmt):
    kept = ("stage", "status", "is_key", "concluded_on", "conclusion", "review_requested_on", "review_due_on")
    kept += ("review_decided_on", "review_outcome", "not_accepted_reason", "extension_approved_by", "outcome")
    review = cli.add("--key", level="省", received="2018-05-01")["number"]
    handled(cli, review, "2018-05-02")
    cli("extend", review, "--days", "5", "--reason", "监测", "--on", "2018-05-03")
    cli("conclude", review, "-o", "unfounded", "--on", "2018-05-10")
    cli("review", review, "--requested", "2018-05-20")
    cli("review", review, "--decided", "2018-06-01", "-o", "变更")
    refused = cli.add(received="2018-05-02")["number"]
    cli("reject", refused, "--reason", "不属本机关职责", "--on", "2018-05-03")
    concluded = cli.add(received="2018-05-03")["number"]
    cli("conclude", concluded, "-o", "transferred", "--on", "2018-06-19")
    before = {r["number"]: [r[k] for k in kept] for r in cli.json("list")}
    out = tmp_path / f"all.{fmt}"
    cli("export", "--format", fmt, "--out", str(out))
    monkeypatch.setenv("GUSIDE_DB", str(tmp_path / "copy.db"))
    cli("leader", "add", "王镇长", "--rank", "town")
    cli("import", str(out))
    assert {r["number"]: [r[k] for k in kept] for r in cli.json("list")} == before


# --- numbering across the line ------------------------------------------------------------------------------


def test_a_level_crossing_the_line_renumbers_and_the_old_number_still_finds_it(cli, leaders):
    village_case = cli.add(level="镇")["number"]
    assert village_case == "2018-红豆-001"
    out = cli("edit", village_case, "--set", "level=省").stdout.splitlines()
    assert out[1] == "层级跨越镇级编号/属地编号界线：2018-红豆-001 改编为 2018-0001（原编号仍可查询）"
    assert cli.json("show", village_case)["number"] == "2018-0001"
    assert [r["number"] for r in cli.json("list", "--search", "红豆-001")] == ["2018-0001"]
    renumbered = [
        (h["field"], h["old"], h["new"]) for h in cli.json("history", "2018-0001") if h["action"] == "renumber"
    ]
    assert renumbered == [("number", "2018-红豆-001", "2018-0001")]
    assert cli.add(level="镇")["number"] == "2018-红豆-002"  # the old number is never reused
    cli("edit", "2018-0001", "--set", "level=市")  # back across the line: a new village number
    shown = cli.json("show", "2018-红豆-001")
    assert (shown["number"], shown["former_numbers"]) == ("2018-红豆-003", ["2018-红豆-001", "2018-0001"])
    cli("edit", "2018-红豆-003", "--set", "level=县")  # county and prefecture share the village sequence
    assert cli.json("show", "2018-0001")["number"] == "2018-红豆-003"
    refused = cli("add", "--village", "红豆", "--level", "省", "--subject", "s", "--number", "2018-0001", ok=False)
    assert "编号 2018-0001 已在台账中：编号不能重复" in refused.stderr


# --- the migration of an existing ledger --------------------------------------------------------------------


def test_an_existing_ledger_migrates_to_stages_and_stays_green(cli, db_path):
    from guside_cli.core.chain import GENESIS, row_hash
    from guside_cli.storage.connection import create_file, ensure_schema

    create_file(db_path)
    conn = sqlite3.connect(db_path)
    ensure_schema(conn, db_path, stop_before="m009_case_path")
    village = conn.execute("SELECT name FROM villages LIMIT 1").fetchone()[0]
    cases = [  # number, status, accepted_on, closed_on, outcome
        ("2018-X-001", "open", None, None, None),
        ("2018-X-002", "open", "2018-03-05", None, None),
        ("2018-X-003", "closed", "2018-03-05", "2018-04-01", "resolved"),
        ("2018-X-004", "closed", None, "2018-03-06", "not_accepted"),
    ]
    with conn:
        for i, (number, status, accepted, closed, outcome) in enumerate(cases, start=1):
            conn.execute(
                "INSERT INTO petitions (id, uid, number, received_at, received_on, village, level, subject, due_on, "
                "notice_due_on, accepted_on, status, closed_on, outcome, created_at) VALUES (?, ?, ?, "
                "'2018-03-01T09:00:00+08:00', '2018-03-01', ?, 'town', 's', '2018-04-30', '2018-03-16', ?, ?, ?, ?, "
                "'2018-03-01T09:00:00+08:00')",
                (i, f"uid-{i}", number, village, accepted, status, closed, outcome),
            )
        # each case registered by the tool of that version: an `add` row in the hash chain (check names a case
        # without history as inserted outside guside)
        previous = GENESIS
        for i in range(1, len(cases) + 1):
            row = (i, i, "2018-03-01T09:00:00+08:00", "tester", "add", None, None, None, None)
            digest = row_hash(previous, row)
            conn.execute("INSERT INTO history VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (*row, previous, digest))
            previous = digest
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    assert version == 8
    listed = {r["number"]: r for r in cli.json("list")}  # opening it upgrades it
    got = {n: (r["stage"], r["status"], r["concluded_on"], r["outcome"]) for n, r in listed.items()}
    assert got == {
        "2018-X-001": ("received", "open", None, None),
        "2018-X-002": ("accepted", "open", None, None),
        "2018-X-003": ("struck_off", "closed", "2018-04-01", "resolved"),
        "2018-X-004": ("not_accepted", "closed", None, "not_accepted"),
    }
    assert all(f["ok"] for f in cli.json("check"))
    assert (
        cli("reopen", "2018-X-003", "--reason", "误销号").stdout.strip()
        == "2018-X-003 已更正为未销号，回到“已受理”阶段"
    )
    assert [r["number"] for r in cli.json("--today", "2018-06-20", "overdue")] == [
        "2018-X-001",
        "2018-X-002",
        "2018-X-003",
    ]


def test_the_schema_admits_every_stage_and_decision_and_refuses_others(cli, db_path):
    from guside_cli.core.enums import CONCLUSIONS, ReviewOutcome, Stage

    cli.add()
    with sqlite3.connect(db_path) as conn:
        conn.isolation_level = None
        for column, codes in (
            ("stage", [m.code for m in Stage]),
            ("closed_from", [m.code for m in Stage]),
            ("conclusion", [m.code for m in CONCLUSIONS]),
            ("review_outcome", [m.code for m in ReviewOutcome]),
            ("re_review_outcome", [m.code for m in ReviewOutcome]),
        ):
            for code in codes:
                conn.execute("SAVEPOINT s")
                conn.execute(f"UPDATE petitions SET {column} = ?", (code,))
                conn.execute("ROLLBACK TO s")
            with pytest.raises(sqlite3.IntegrityError):
                conn.execute(f"UPDATE petitions SET {column} = 'closed_ish'")
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("UPDATE petitions SET review_due_on = '2018-02-30'")


def test_leader_add_sets_the_rank_of_a_leader_an_import_named(cli, isolated):
    """A leader first named by an import has no rank; `leader add NAME --rank town` sets it and says so (not
    "added" for a leader who was already there)."""
    path = isolated / "l.csv"
    path.write_text("登记日期,属地,信访层级,反映问题,包案领导\n2018-06-01,红豆村,镇,异味,周建国\n", encoding="utf-8")
    cli("import", path)
    said = cli("leader", "add", "周建国", "--rank", "town").stdout.strip()
    assert said == "已设定 周建国 的职级：镇领导（导入时未知）"
    assert cli("leader", "add", "李某", "--rank", "town").stdout.strip().startswith("已添加包案领导 李某")
