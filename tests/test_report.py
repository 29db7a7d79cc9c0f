"""`guside report` on a hand-built ledger whose answers are known, and `summary --week` for cron."""

import csv
import io
import os
import re
import subprocess
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import Cli, copy_ledger, hermetic

from guside_cli.commands._common import Run
from guside_cli.core.dates import CHINA
from guside_cli.core.enums import StepKind
from guside_cli.core.model import Step
from guside_cli.reports.periods import Period, previous, year_earlier
from guside_cli.reports.yoy import Comparison, allowance
from guside_cli.services.importing import register_rows
from guside_cli.storage.ledger import Ledger

NOW = datetime(2019, 1, 15, 10, 0, tzinfo=CHINA)


def rows_for(village, year, count, *, escalated=0, month=None, day="10", **extra):
    for i in range(count):
        m = month or (i % 12 + 1)
        yield {
            "received": f"{year}-{m:02d}-{day} 09:00",
            "village": village,
            "level": "省" if i < escalated else "镇",
            "subject": f"{village}{year}第{i + 1}件",
            "persons": "1",
            **extra,
        }


@pytest.fixture(scope="module")
def known_ledger(tmp_path_factory) -> Path:
    """红豆村 10 -> 7 (30.0 %, met; escalated 2 -> 2); 顾山社区 1000 -> 701 (29.9 %, not met); 新龚村 0 -> 3
    (no baseline, escalated 0 -> 1: veto); 漍东村 4 -> 2 (50 %; escalated 1 -> 2: veto). Town 1014 -> 713.
    Built once for the module (1,727 cases) in a test's environment; each test gets a copy (`known`)."""
    folder = tmp_path_factory.mktemp("known")
    with pytest.MonkeyPatch.context() as monkeypatch:
        hermetic(monkeypatch, folder, tmp_path_factory.mktemp("tmp"))
        _build_known(Cli(), folder / "ledger.db")
    return folder / "ledger.db"


@pytest.fixture
def known(known_ledger, db_path) -> Path:
    return copy_ledger(known_ledger, db_path)


def _build_known(cli, db_path: Path) -> None:
    cli("village", "list")  # creates the ledger
    hongdou_2018 = list(rows_for("红豆村", 2018, 7, escalated=2))
    for row, days in zip(hongdou_2018[:3], (5, 10, 20), strict=True):
        received = datetime.fromisoformat(row["received"])
        row.update(status="closed", outcome="resolved", closed_on=(received + timedelta(days=days)).date().isoformat())
        # a closed province case keeps its recorded closing, but names the town leader who held it
        row["leader"] = "王镇长"
    hongdou_2018[3].update(status="closed", outcome="不予受理", closed_on="2018-04-11")
    hongdou_2018[0]["persons"] = "5"
    raw = [
        *rows_for("红豆村", 2017, 10, escalated=2),
        *hongdou_2018,
        *rows_for("顾山社区", 2017, 1000, month=3),
        *rows_for("顾山社区", 2018, 701, month=3),
        *rows_for("新龚村", 2018, 3, escalated=1, month=8),
        *rows_for("漍东村", 2017, 4, escalated=1, month=9),
        *rows_for("漍东村", 2018, 2, escalated=2, month=9),
    ]
    run = Run(db=db_path, lang="zh", today=NOW.date(), now=NOW, user="tester")
    with Ledger.open(db_path) as ledger:
        loaded = register_rows(ledger, enumerate(raw, start=2), run)
        assert loaded.problems == [] and loaded.written == 1727
        with ledger.write(actor="tester", at=NOW.isoformat()):
            first = ledger.get("2018-红豆-001")
            second = ledger.get("2018-红豆-002")
            ledger.add_step(first, Step(StepKind.CONTACT, first.received_at + timedelta(hours=23), None, "联系"))
            ledger.add_step(second, Step(StepKind.CONTACT, second.received_at + timedelta(hours=25), None, "联系"))
    # a repeat chain in 漍东村, open and past due at the end of 2018 (added as seen from 2019: no receipt after today)
    cli(
        "--today",
        "2019-01-15",
        "add",
        "--village",
        "漍东",
        "--level",
        "镇",
        "--subject",
        "又来",
        "--received",
        "2018-09-20",
        "--repeat-of",
        "2018-0004",
    )


def report(cli, *args):
    return cli.json("--today", "2019-01-15", "report", *args)


def test_town_and_villages_against_the_targets(cli, known):
    r = report(cli, "--year", "2018")
    assert r["period"] == {"start": "2018-01-01", "end": "2018-12-31"}
    assert r["previous_period"] == {"start": "2017-01-01", "end": "2017-12-31"}
    assert r["measure"] == "items"
    assert r["total"] | {"not_accepted": None} == {
        "current": 714,
        "previous": 1014,
        "reduction_pct": 29.6,
        "target_pct": 30.0,
        "met": False,
        "not_accepted": None,
    }
    assert r["total"]["not_accepted"] == {"current": 1, "previous": 0}
    assert r["escalated"] == {"current": 5, "previous": 3, "reduction_pct": -66.7, "target_pct": 25.0, "met": False}
    villages = {v["village"]: v for v in r["villages"]}
    assert set(villages) == {"红豆村", "顾山社区", "新龚村", "漍东村"}
    # the plan's targets are the town's: a village has none unless the office set one
    assert villages["红豆村"]["total"] == {
        "current": 7,
        "previous": 10,
        "reduction_pct": 30.0,
        "target_pct": None,
        "met": None,
    }
    assert villages["红豆村"]["escalated"]["met"] is None and villages["红豆村"]["veto"] is False
    assert villages["顾山社区"]["total"]["reduction_pct"] == 29.9 and villages["顾山社区"]["total"]["met"] is None
    assert villages["顾山社区"]["escalated"] == {
        "current": 0,
        "previous": 0,
        "reduction_pct": None,
        "target_pct": None,
        "met": None,
    }
    assert villages["新龚村"]["total"] == {
        "current": 3,
        "previous": 0,
        "reduction_pct": None,
        "target_pct": None,
        "met": None,
    }
    assert villages["新龚村"]["veto"] is True and villages["漍东村"]["veto"] is True
    assert villages["新龚村"]["veto_reasons"] == ["escalated_rise"] and r["final"] is True
    assert villages["漍东村"]["overdue_repeats"] == ["2018-0004", "2018-漍东-001"]
    # vetoed first, then the larger rise in escalated (新龚 +1 = 漍东 +1), then in total (新龚 +3, 漍东 −2)
    assert [v["village"] for v in r["villages"]] == ["新龚村", "漍东村", "红豆村", "顾山社区"]
    assert r["met"] is False


def test_case_handling_figures(cli, known):
    cases = report(cli, "--year", "2018")["cases"]
    assert cases == {
        "registered": 714,
        # the case path: 3 resolved cases were concluded and struck off, 1 was not accepted (不予受理 is not 销号)
        "accepted": 3,
        "not_accepted": 1,
        "not_accepted_again": 0,
        "concluded": 3,
        "closed": 3,
        "open": 710,
        "overdue": 710,
        "reopened": 0,
        "closure_rate_pct": 0.4,
        "median_days_to_close": 7.5,
        # one denominator for the 24-hour shares: the accepted cases with records (1 of the 3 accepted)
        "contacted_within_24h_pct": 100.0,
        # one petition of 红豆村 involved five people, its form not recorded: not a 集体访 (a visit of five or
        # more), nor a 联名信; 714 petitions, 718 person-times
        "group_visits": 0,
        "group_visit_persons": 0,
        "joint_letters": 0,
        "joint_letter_persons": 0,
        "persons": 718,
        # 2017's petitions are all open: carried over into 2018, the oldest received 2017-01-10 (356 days before)
        "carried_over": 1014,
        "carried_over_closed": 0,
        "carried_over_age": {"under_1y": 1014, "1y_to_2y": 0, "over_2y": 0, "oldest_days": 356},
        # of the 3 accepted (concluded) cases, only 2018-红豆-001 has records: contacted within 24 hours (23 h);
        # no arrival, no mediation recorded. The other two are unknown, not failures.
        "three_firsts_judged": 1,
        "without_records": 2,
        "three_firsts": {
            "first_contact_24h": {"count": 1, "pct": 100.0},
            "first_arrival_24h": {"count": 0, "pct": 0.0},
            "first_mediation_24h": {"count": 0, "pct": 0.0},
            "all_three_24h": {"count": 0, "pct": 0.0},
        },
    }


def test_as_of_compares_the_same_dates_and_gives_the_allowance(cli, known):
    r = report(cli, "--year", "2018", "--as-of", "2018-06-30")
    assert r["period"] == {"start": "2018-01-01", "end": "2018-06-30"}
    assert r["previous_period"] == {"start": "2017-01-01", "end": "2017-06-30"}
    assert (r["total"]["current"], r["total"]["previous"]) == (707, 1006)
    assert r["total"]["allowance"] == 709 - 707  # floor(1014 × 0.7) − 707
    assert r["escalated"]["allowance"] == 0  # floor(3 × 0.75) − 2
    assert r["total"]["projected"] == 712.6  # 707 × 1014 / 1006
    assert r["escalated"]["projected"] == 3.0
    villages = {v["village"]: v for v in r["villages"]}
    assert villages["红豆村"]["allowance"] == {"total": None, "escalated": None}  # no village target
    cli("target", "set", "--village", "红豆", "--year", "2018", "--total", "30", "--escalated", "25")
    r = report(cli, "--year", "2018", "--as-of", "2018-06-30")
    villages = {v["village"]: v for v in r["villages"]}
    assert villages["红豆村"]["allowance"] == {"total": 7 - 6, "escalated": 1 - 2}


def test_a_year_still_running_is_reported_to_today(cli, known):
    r = cli.json("--today", "2018-06-30", "report")
    assert r["year"] == 2018 and r["period"]["end"] == "2018-06-30" and "allowance" in r["total"]


def test_persons_measure(cli, known):
    r = report(cli, "--year", "2018", "--measure", "persons")
    assert r["measure"] == "persons"
    assert r["total"]["current"] == 714 + 4  # one petition of 红豆村 involved five people
    bad = cli("report", "--measure", "households", ok=False)
    assert bad.stderr.strip() == "错误：未知的统计口径“households”：用 items（件次）或 persons（人次）"


def test_leap_day_period_maps_to_28_february(cli, known):
    r = report(cli, "--from", "2016-02-29", "--to", "2016-03-01")
    assert r["previous_period"] == {"start": "2015-02-28", "end": "2015-03-01"}
    assert r["year"] == 2016 and r["total"]["current"] == 0


def test_campaign_range(cli, known):
    r = report(cli, "--from", "2018-06-01", "--to", "2018-09-15")
    assert r["period"] == {"start": "2018-06-01", "end": "2018-09-15"}
    assert r["total"]["current"] == 1 + 3 + 2 + 1  # 红豆 07-10, 新龚 ×3, 漍东 ×2, the repeat


def test_stored_and_one_run_targets(cli, known):
    cli("target", "set", "--year", "2018", "--total", "29.6", "--escalated", "0")
    assert cli.json("target", "list") == [{"year": 2018, "total_pct": 29.6, "escalated_pct": 0.0}]
    r = report(cli, "--year", "2018")
    assert r["total"]["target_pct"] == 29.6
    r = report(cli, "--year", "2018", "--target-total", "29.5", "--target-escalated", "25")
    assert (r["total"]["target_pct"], r["total"]["met"]) == (29.5, True)
    bad = cli("report", "--target-total", "130", ok=False)
    assert bad.exit_code == 2 and bad.stderr.strip() == "错误：--target-total 须在 0 至 100 之间，不是 130"


def test_new_only_and_breakdowns(cli, known):
    r = report(cli, "--year", "2018", "--new-only", "--by", "level", "--by", "leader")
    assert r["total"]["new_only"]["current"] == 713
    levels = {row["key"]: row for row in r["breakdown"]["level"]}
    assert (levels["province"]["current"], levels["province"]["previous"]) == (5, 3)
    assert r["breakdown"]["leader"] == [
        {"key": "", "current": 711, "previous": 1014, "reduction_pct": 29.9},
        {"key": "王镇长", "current": 3, "previous": 0, "reduction_pct": None},
    ]
    bad = cli("report", "--by", "colour", ok=False)
    assert bad.stderr.strip() == "错误：未知的分类“colour”：可用 level, form, source, pollution, leader, town"


def test_text_markdown_and_csv(cli, known):
    text = cli("--today", "2019-01-15", "report", "--year", "2018").stdout
    assert "结论：信访总量下降29.6%（目标30.0%）未达标；越级赴京到省上升66.7%（目标25.0%）未达标。" in text
    assert "一票否决：新龚村（到部去省不降反升）、漍东村（到部去省不降反升）。" in text
    md = cli("--today", "2019-01-15", "report", "--year", "2018", "--format", "markdown").stdout
    assert md.startswith("# 顾山镇环境信访同比情况") and "| 属地 " in md
    rows = list(
        csv.DictReader(io.StringIO(cli("--today", "2019-01-15", "report", "--year", "2018", "-f", "csv").stdout))
    )
    assert rows[0]["village"] == "(town)" and rows[0]["total_reduction_pct"] == "29.6"
    english = cli("--lang", "en", "--today", "2019-01-15", "report", "--year", "2018").stdout
    assert "Verdict: total down 29.6% (target 30.0%): NOT met" in english


def test_report_out_file_is_written_atomically_and_privately(cli, known, isolated):
    out = isolated / "report.md"
    cli("--today", "2019-01-15", "report", "--year", "2018", "--format", "markdown", "--out", out)
    assert out.read_text(encoding="utf-8").startswith("# 顾山镇")
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in isolated.iterdir() if p.name.startswith(".report")] == []


def test_summary_for_a_fixed_week(cli, known):
    s = cli.json("--today", "2019-01-15", "summary", "--week", "--on", "2018-09-12")
    assert s["week"] == {"start": "2018-09-10", "end": "2018-09-16"}
    assert (s["received"], s["received_escalated"], s["closed"]) == (2, 2, 0)
    assert s["year_to_date"]["period"] == {"start": "2018-01-01", "end": "2018-09-16"}
    assert s["year_to_date"]["total"]["current"] == 713
    assert all(set(row) == {"number", "village", "level", "leader", "clocks"} for row in s["overdue"])
    assert s["overdue"][0]["clocks"][0]["days_overdue"] > 0


def test_summary_headline_counts_every_late_case_not_only_those_named(cli, known, monkeypatch):
    """The text names at most LISTED cases per list; its headline counts all of them, as the JSON does."""
    from guside_cli.commands import summary

    monkeypatch.setattr(summary, "LISTED", 2)
    s = cli.json("--today", "2019-01-15", "summary", "--week", "--on", "2018-09-12")
    assert s["overdue_count"] > 2 and len(s["overdue"]) == 2
    text = cli("--today", "2019-01-15", "summary", "--week", "--on", "2018-09-12").stdout
    assert f"超期 {s['overdue_count']} 件；未来 7 天到期 {s['due_next_7_days_count']} 件" in text
    assert f"……另有 {s['overdue_count'] - 2} 件（guside overdue 查看全部）" in text


def test_summary_defaults_to_the_last_full_week(cli, known):
    s = cli.json("--today", "2018-09-19", "summary")  # a Wednesday: the week before is 09-10..09-16
    assert s["week"] == {"start": "2018-09-10", "end": "2018-09-16"}


def test_summary_for_cron_in_a_real_process(known, isolated):
    """No terminal, UTC host, --out written atomically, exit 1 with --fail-on-overdue when cases are late."""
    from tests.test_cli import guside_executable

    out = isolated / "weekly.txt"
    env = {**os.environ, "TZ": "UTC", "GUSIDE_TODAY": "2019-01-15"}
    done = subprocess.run(
        [guside_executable(), "summary", "--week", "--on", "2018-09-12", "--out", str(out), "--fail-on-overdue"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout == "" and re.fullmatch(r"超期 [1-9]\d* 件\n", done.stderr)  # one line for the cron mail
    text = out.read_text(encoding="utf-8")
    assert text.startswith("顾山镇环境信访周报（2018-09-10 至 2018-09-16）")
    assert "\x1b[" not in text
    ok = subprocess.run(
        [guside_executable(), "summary", "--on", "2018-09-12", "--format", "markdown"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert ok.returncode == 0 and ok.stdout.startswith("# 顾山镇环境信访周报")


def test_report_totals_equal_plain_counts(cli, known):
    import sqlite3

    r = report(cli, "--year", "2018")
    with sqlite3.connect(known) as conn:
        (total,) = conn.execute("SELECT count(*) FROM petitions WHERE received_on LIKE '2018-%'").fetchone()
        (escalated,) = conn.execute(
            "SELECT count(*) FROM petitions WHERE received_on LIKE '2018-%' AND level IN ('province', 'national')"
        ).fetchone()
    assert (r["total"]["current"], r["escalated"]["current"]) == (total, escalated)


# --- pure parts ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "previous", "target", "reduction", "met"),
    [
        (70, 100, 30, Decimal(30), True),
        (701, 1000, 30, Decimal("29.9"), False),
        (0, 0, 30, None, True),
        (1, 0, 30, None, False),
        (75, 100, 25, Decimal(25), True),
        (120, 100, 30, Decimal(-20), False),
    ],
)
def test_comparison_is_exact(current, previous, target, reduction, met):
    c = Comparison(current, previous, Decimal(target))
    assert (c.reduction_pct, c.met) == (reduction, met)


def test_allowance_floors_the_ceiling():
    assert allowance(0, 10, Decimal(30)) == 7
    assert allowance(8, 10, Decimal(30)) == -1
    assert allowance(3, 0, Decimal(30)) is None


def test_periods():
    from datetime import date

    assert year_earlier(date(2020, 2, 29)) == date(2019, 2, 28)
    assert previous(Period(date(2018, 6, 1), date(2018, 9, 15))) == Period(date(2017, 6, 1), date(2017, 9, 15))


def test_rich_table_with_the_monthly_chart(cli, known):
    out = cli("--today", "2019-01-15", "report", "--year", "2018", "--format", "table").stdout
    assert "逐月对比" in out and "█" in out and "░" in out
    assert "┃ 属地" in out


def test_a_year_not_yet_begun_is_refused_not_judged(cli, known):
    """Next year passes the --year bounds (a target may be set for it), but a report on it would read
    'down 100 %, met' with nothing counted: refused, exit 2."""
    result = cli("--today", "2018-12-31", "report", "--year", "2019", ok=False)
    assert result.exit_code == 2
    assert result.stderr.strip() == "错误：2019 年还没有开始（今天是 2018-12-31）：没有可比的数字；请选今年或以前的年份"
    assert cli("--today", "2018-12-31", "target", "set", "--year", "2019", "--total", "20", "--escalated", "15")
