"""`list --carried-over` (信访积案): each case carried into the period with its age, the days from its receipt
to the period's start — the same ages the report's `carried_over_age` counts."""

from tests.test_judgement import load, row


def test_carried_over_cases_show_their_age_at_the_period_start(cli, db_path):
    load(
        cli,
        db_path,
        [
            row("红豆村", "2016-11-01"),  # open on 2018-01-01: 426 days old
            row("红豆村", "2017-06-01", status="closed", outcome="resolved", closed_on="2018-03-01"),  # 214 days
            row("红豆村", "2018-03-01"),  # received in the period: not carried over
        ],
    )
    listed = cli.json("--today", "2019-01-15", "list", "--carried-over", "--year", "2018")
    assert [(c["number"], c["age_days"]) for c in listed] == [("2017-红豆-001", 214), ("2016-红豆-001", 426)]
    oldest = cli.json("--today", "2019-01-15", "report", "--year", "2018")["cases"]["carried_over_age"]["oldest_days"]
    assert oldest == max(c["age_days"] for c in listed)
    text = cli("--today", "2019-01-15", "list", "--carried-over", "--year", "2018", "--format", "text").stdout
    header, *rows = [line for line in text.splitlines() if line and not set(line) <= {"-", " "}]
    assert header.split()[2:4] == ["登记日期", "积案天数"]
    assert [r.split()[3] for r in rows[:2]] == ["214", "426"]
    csv_text = cli("--today", "2019-01-15", "list", "--carried-over", "--from", "2018-06-01", "-f", "csv").stdout
    header, *lines = csv_text.splitlines()  # on 1 June the March case is carried too; the 2017 one was closed
    assert header.endswith(",age_days") and [line.rsplit(",", 1)[1] for line in lines] == ["92", "577"]
    english = cli("--lang", "en", "--today", "2019-01-15", "list", "--carried-over", "--year", "2018", "-f", "text")
    assert "age (days)" in english.stdout


def test_a_plain_list_has_no_age(cli, db_path):
    load(cli, db_path, [row("红豆村", "2016-11-01")])
    assert "age_days" not in cli.json("--today", "2019-01-15", "list")[0]
    assert "积案天数" not in cli("--today", "2019-01-15", "list", "--format", "text").stdout
