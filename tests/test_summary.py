"""The weekly summary names a deadline the official calendar cannot place (a year without data), as `overdue`
and `due` do: a * on the date and the legend under the lists, in text, markdown and JSON."""


def _gap_ledger(cli, monkeypatch):
    """A case accepted 2026-12-01 under the official calendar: due 2027-01-30, a year without calendar data."""
    monkeypatch.setenv("GUSIDE_TODAY", "2026-12-01")
    cli("config", "set", "deadline.calendar", "official")
    number = cli.add(received="2026-12-01")["number"]
    cli("accept", number, "--on", "2026-12-01")
    return number


def test_the_summary_marks_a_deadline_in_a_year_without_calendar_data(cli, monkeypatch):
    number = _gap_ledger(cli, monkeypatch)
    coming = cli("--today", "2027-01-25", "summary", "--week").stdout  # the week 1/18..1/24: due 1/30 next
    assert f"{number} 红豆村" in coming and "2027-01-30*" in coming
    assert "2027-01-30*\n\n* 法定节假日日历无该年数据：按自然日计算，未顺延节假日\n" in coming
    late = cli("--today", "2027-02-10", "--lang", "en", "summary", "--week", "--format", "markdown").stdout
    assert "handling 2027-01-30* 8 days overdue" in late
    assert "\n\\* no official holiday calendar for that year: counted in calendar days, not moved past holidays" in late
    data = cli.json("--today", "2027-02-10", "summary", "--week")
    assert data["overdue"][0]["clocks"] == [
        {"clock": "handling", "due_on": "2027-01-30", "days_overdue": 8, "calendar_gap": 2027}
    ]


def test_no_legend_when_every_deadline_has_calendar_data(cli, monkeypatch):
    monkeypatch.setenv("GUSIDE_TODAY", "2018-09-20")
    cli("config", "set", "deadline.calendar", "official")
    cli.add(received="2018-06-07 09:30")
    out = cli("summary", "--week").stdout
    assert "超期案件" in out and "*" not in out


def test_a_year_without_a_baseline_gets_no_verdict(cli):
    """No petition in the same period last year: nothing to reduce from, so the weekly summary (what cron
    mails) gives no verdict, as the report says 无基数 — never 达标 for an empty comparison."""
    cli("village", "list")  # a ledger with no petitions at all
    out = cli("summary", "--week").stdout
    assert out.count("去年同期为零，无基数，不作判断") == 2  # total and escalated
    assert "达标" not in out


def test_long_summary_lines_wrap_at_safe_points_on_a_terminal():
    """On an 80-column terminal a case's clocks wrap between clauses, indented, never inside a date; cron's
    mail (not a terminal) keeps whole lines."""
    from guside_cli.render.paragraphs import fit_lines

    line = (
        "  2018-李家桥-005 李家桥村 县级 李家桥村负责人：办理时限 2018-05-01 超期47天；受理告知时限 2018-03-17 超期92天"
    )
    fitted = fit_lines(line + "\n", 80).splitlines()
    assert fitted == [
        "  2018-李家桥-005 李家桥村 县级 李家桥村负责人：办理时限 2018-05-01 超期47天；",
        "  受理告知时限 2018-03-17 超期92天",
    ]
    assert fit_lines("短行\n", 80) == "短行\n"
