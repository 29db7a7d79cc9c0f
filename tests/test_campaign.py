"""The campaign's calendar on small ledgers counted by hand: phases and their counts, the villages' written
summaries, the monthly reception day, 约谈 owed and held, the bulletin's 增幅较大, exposure and publish."""

import json

from conftest import rows, snapshot


def step(cli, number, kind, at):
    cli("--today", "2018-12-31", "step", number, "--kind", kind, "--at", at, "--note", "记录")


def test_the_phases_from_the_plan_with_their_counts(cli, db_path, monkeypatch):
    monkeypatch.setenv("GUSIDE_TODAY", "2018-12-31")  # receipts after the business date are refused
    cli("village", "list")
    # received in 动员部署 (6/1–6/7): a, with a 受理告知 on 6/3 and closed (销号) on 6/6
    a = cli.add(received="2018-06-02 09:00", cause="偷排", unit="执法局", forecast="平稳")["number"]
    step(cli, a, "notify", "2018-06-03 09:00")
    step(cli, a, "contact", "2018-06-03 10:00")
    # received in 排查 (6/7–6/15): b (elements missing) and c (complete, concluded as 阶段性办结 on 8/20)
    cli.add(received="2018-06-10 09:00")  # b
    c = cli.add(received="2018-06-12 09:00", cause="噪声", unit="执法局", forecast="平稳")["number"]
    # in 集中化解 (6/16–8/15): d, an escalated case, never accepted: overdue on the notice clock from 7/1
    cli.add(received="2018-07-01 09:00", level="省")
    cli("leader", "add", "王镇长", "--title", "镇长", "--rank", "town")
    for n in (a, c):
        cli("--today", "2018-12-31", "assign", n, "--leader", "王镇长")
    cli("--today", "2018-12-31", "close", a, "--outcome", "resolved", "--on", "2018-06-06")
    step(cli, c, "contact", "2018-06-12 10:00")
    cli("--today", "2018-12-31", "conclude", c, "--outcome", "interim", "--on", "2018-08-20")
    r = cli.json("--today", "2018-12-31", "campaign")
    assert [(p["code"], p["from"], p["to"], p["from_plan"]) for p in r["phases"]] == [
        ("mobilise", "2018-06-01", "2018-06-07", True),
        ("survey", "2018-06-07", "2018-06-15", True),
        ("resolve", "2018-06-16", "2018-08-15", True),
        ("review", "2018-08-16", "2018-09-15", True),
    ]
    counts = {p["code"]: [p[k] for k in ("received", "accepted", "concluded", "struck_off", "overdue")] for p in
              r["phases"]}  # fmt: skip
    assert counts == {
        "mobilise": [1, 1, 1, 1, 0],
        "survey": [2, 0, 0, 0, 0],
        # overdue at a phase's end, as the cases stand now (the report's rule): b and d, open past the 15-day
        # notice clock; c is concluded (阶段性办结, 8/20): no clock runs
        "resolve": [1, 0, 0, 0, 2],
        "review": [0, 0, 1, 0, 2],  # c concluded as 阶段性办结 (not 销号)
    }
    # 排查: cases received by 6/15 and open during it: a (closed 6/6, before the phase) is out; b and c
    assert r["phases"][1]["elements"] == {"cases": 2, "complete": 1, "complete_pct": 50.0}
    text = cli("--today", "2018-12-31", "campaign").stdout
    assert "全面梳理排查" in text and "50.0%" in text


def test_setting_another_years_phases_and_refusals(cli, db_path):
    cli("village", "list")
    assert "没有行动阶段" in cli("--today", "2019-05-01", "campaign").stdout
    cli("campaign", "set", "排查", "--from", "2019-06-07", "--to", "2019-06-15")
    r = cli.json("--today", "2019-07-01", "campaign")
    assert [(p["code"], p["from"], p["from_plan"]) for p in r["phases"]] == [("survey", "2019-06-07", False)]
    before = snapshot(db_path)
    for args in (
        ("campaign", "set", "月球", "--from", "2019-06-07", "--to", "2019-06-15"),
        ("campaign", "set", "排查", "--from", "2019-06-15", "--to", "2019-06-07"),
        ("campaign", "set", "排查", "--from", "2019-12-30", "--to", "2020-01-02"),
        ("campaign", "report", "月球村", "--on", "2018-08-10"),
    ):
        bad = cli(*args, ok=False)
        assert bad.exit_code != 0 and len(bad.stderr.strip().splitlines()) == 1, bad.stderr
    assert snapshot(db_path) == before
    assert rows(db_path, "SELECT action, field, new FROM history WHERE action = 'campaign.phase'") == [
        ("campaign.phase", "2019 survey", "2019-06-07..2019-06-15")
    ]


def test_villages_missing_their_written_summary_after_the_due_date(cli, db_path):
    cli("village", "list")
    villages = [v["name"] for v in cli.json("village", "list")]
    cli("--today", "2018-08-20", "campaign", "report", "红豆", "--on", "2018-08-10")
    before = cli.json("--today", "2018-08-15", "campaign")["summaries"]
    assert before["due_on"] == "2018-08-15" and before["missing"] == []  # not due yet
    after = cli.json("--today", "2018-08-16", "campaign")["summaries"]
    assert after["reported"] == [{"village": "红豆村", "on": "2018-08-10", "late": False}]
    assert after["missing"] == [v for v in villages if v != "红豆村"]
    assert "逾期未报" in cli("--today", "2018-08-16", "campaign").stdout
    bad = cli("--today", "2018-08-20", "campaign", "report", "红豆", "--on", "2018-09-01", ok=False)
    assert bad.exit_code == 2 and "2018-09-01" in bad.stderr


def test_reception_days_month_by_month(cli, db_path, monkeypatch):
    monkeypatch.setenv("GUSIDE_TODAY", "2018-12-31")  # receipts after the business date are refused
    cli("village", "list")
    cli("leader", "add", "王镇长", "--rank", "town")  # 环境信访日: the town's leaders receive (二(二))
    cli("leader", "add", "李书记", "--rank", "town")
    cli("--today", "2018-12-31", "reception", "add", "--on", "2018-06-20", "--leader", "王镇长")
    cli("--today", "2018-12-31", "reception", "add", "--on", "2018-07-18", "--leader", "李书记", "--village", "红豆")
    cli.add(received="2018-06-20 09:00", form="来访", reception="2018-06-20")
    cli.add(received="2018-06-20 10:00", village="顾北", reception="2018-06-20")  # a visit by default
    cli.add(received="2018-06-20 11:00", form="来信")  # a letter of that day was not taken there
    cli.add(received="2018-07-18 09:00", form="来访", village="红豆")  # nor a visit to the office that day
    r = cli.json("--today", "2018-12-31", "reception", "list", "--year", "2018")
    held = {m["month"]: [(x["leader"], x["petitions"]) for x in m["receptions"]] for m in r["months"] if m["held"]}
    assert held == {6: [("王镇长", 2)], 7: [("李书记", 0)]}
    assert r["months_without"] == [1, 2, 3, 4, 5, 8, 9, 10, 11, 12]
    # a year still running shows the months so far
    assert len(cli.json("--today", "2018-07-31", "reception", "list", "--year", "2018")["months"]) == 7
    text = cli("--today", "2018-12-31", "reception", "list", "--year", "2018").stdout
    assert "未开展环境信访日的月份 10 个" in text
    bad = cli("--today", "2018-12-31", "reception", "add", "--on", "2018-06-20", "--leader", " ", ok=False)
    assert bad.exit_code == 2 and len(bad.stderr.strip().splitlines()) == 1


def test_interviews_owed_by_the_last_bulletin(cli, db_path):
    cli("village", "list")
    # 漍东村: escalated 0 -> 1, vetoed: a 约谈. 顾北村: total 1 -> 4 (+3, 300 %) and none closed: two reasons, a
    # 约谈. 赤岸村: one open case (0 -> 1 is no sharp rise), closure 0 %: one reason, 专项督办
    cli.add(received="2018-03-06 09:00", village="赤岸")
    cli.add(received="2017-03-01 09:00", village="顾北")
    cli.add(received="2018-03-01 09:00", village="漍东", level="省")
    for day in ("03-02", "03-03", "03-04", "03-05"):
        cli.add(received=f"2018-{day} 09:00", village="顾北")
    first = json.loads(
        cli("--today", "2018-06-30", "bulletin", "--as-of", "2018-06-30", "--format", "json", "--issue").stdout
    )
    named = {n["village"]: n for n in first["named"]}
    assert named["漍东村"]["action"] == "interview" and named["漍东村"]["reasons"][0] == "veto"
    assert named["顾北村"]["action"] == "interview" and named["顾北村"]["reasons"] == ["total_up", "low_closure"]
    assert named["赤岸村"]["action"] == "supervise" and named["赤岸村"]["reasons"] == ["low_closure"]
    assert first["interviews"] == {"held": [], "owed": []}
    nxt = json.loads(cli("--today", "2018-07-31", "bulletin", "--as-of", "2018-07-31", "--format", "json").stdout)
    assert nxt["interviews"]["owed"] == [
        {"bulletin_on": "2018-06-30", "village": "漍东村"},
        {"bulletin_on": "2018-06-30", "village": "顾北村"},
    ]
    cli("--today", "2018-07-31", "interview", "漍东", "--on", "2018-07-10", "--by", "王镇长")
    nxt = json.loads(cli("--today", "2018-07-31", "bulletin", "--as-of", "2018-07-31", "--format", "json").stdout)
    assert nxt["interviews"] == {
        "held": [{"bulletin_on": "2018-06-30", "village": "漍东村", "held_on": "2018-07-10", "held_by": "王镇长"}],
        "owed": [{"bulletin_on": "2018-06-30", "village": "顾北村"}],
    }
    text = cli("--today", "2018-07-31", "bulletin", "--as-of", "2018-07-31").stdout
    assert "漍东村：2018-06-30 通报约谈，已于 2018-07-10 由 王镇长 约谈" in text


def test_the_rise_threshold_is_a_setting_stated_in_the_bulletin(cli, db_path):
    cli("village", "list")
    cli.add(received="2017-03-01 09:00")  # 红豆村 1 -> 2: +1, under the default 2 and 50 %
    cli.add(received="2018-03-01 09:00")
    cli.add(received="2018-03-02 09:00")
    args = ("--today", "2019-01-15", "bulletin", "--year", "2018")
    b = json.loads(cli(*args, "--format", "json").stdout)
    assert b["rise_threshold"] == {"count": 2, "pct": 50.0}
    assert all("total_up" not in n["reasons"] for n in b["named"])
    assert "同比上升至少 2 件且至少 50%" in cli(*args).stdout
    cli("config", "set", "bulletin.rise_threshold", "1,100")
    b = json.loads(cli(*args, "--format", "json").stdout)
    assert "total_up" in {r for n in b["named"] for r in n["reasons"]}
    bad = cli("config", "set", "bulletin.rise_threshold", "lots", ok=False)
    assert bad.exit_code == 2 and len(bad.stderr.strip().splitlines()) == 1


def test_publish_selected_publishes_only_the_exposed_cases_on_their_day(cli, db_path, isolated):
    cli("village", "list")
    a = cli.add(received="2018-06-02 09:00", subject="甲厂异味")["number"]
    b = cli.add(received="2018-06-03 09:00", subject="乙厂噪声")["number"]
    cli.add(received="2018-06-04 09:00", subject="丙厂污水")
    cli("--today", "2018-07-01", "expose", a, "--on", "2018-07-01")
    cli("--today", "2018-07-01", "expose", b, "--on", "2018-08-01")
    listed = cli.json("--today", "2018-07-01", "publish", "--selected")
    assert [c["subject"] for c in listed["cases"]] == ["甲厂异味"]
    out = isolated / "曝光.md"
    cli("--today", "2018-07-01", "publish", "--selected", "--out", out)
    assert "甲厂异味" in out.read_text() and "丙厂污水" not in out.read_text()
    assert rows(db_path, "SELECT published_on FROM exposures ORDER BY petition_id") == [("2018-07-01",), (None,)]
    cli("--today", "2018-08-01", "expose", b, "--undo")
    assert [e["number"] for e in cli.json("expose")] == [a]
    assert len(cli.json("--today", "2018-08-01", "publish")["cases"]) == 3  # the full list stays
