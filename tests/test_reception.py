"""`add --reception DATE`: a petition taken at the monthly 环境信访日 carries the reception's date, and
`reception list` counts those petitions, not every visit received that day."""

import sqlite3

import pytest

from tests.conftest import snapshot


@pytest.fixture
def reception_day(cli, monkeypatch):
    monkeypatch.setenv("GUSIDE_TODAY", "2018-12-31")
    cli("leader", "add", "王镇长", "--rank", "town")
    cli("reception", "add", "--on", "2018-06-14", "--leader", "王镇长")


def test_a_petition_taken_at_the_reception_day_is_counted_there(cli, db_path, reception_day):
    taken = cli.add("--reception", "2018-06-14", received="2018-06-14 09:30")
    assert taken["form"] == "visit" and taken["received_on"] == "2018-06-14"
    by_date = cli.json("add", "--reception", "2018-06-14", "--village", "顾北", "--level", "镇级", "--subject", "噪声")
    assert by_date["received_on"] == "2018-06-14"  # the receipt defaults to the reception's date
    cli.add(received="2018-06-14 15:00", form="来访")  # a visit to the office that day, not taken there
    months = cli.json("reception", "list", "--year", "2018")["months"]
    assert months[5]["receptions"][0]["petitions"] == 2
    with sqlite3.connect(db_path) as conn:
        marked = conn.execute("SELECT number FROM petitions WHERE reception_on = '2018-06-14' ORDER BY id")
        assert [n for (n,) in marked] == [taken["number"], by_date["number"]]
    history = cli.json("show", taken["number"])["history"]
    assert any(h["action"] == "reception" and h["new"] == "2018-06-14" for h in history)
    text = cli("reception", "list", "--year", "2018", "--format", "csv").stdout
    assert text.splitlines()[0].endswith("接访受理")
    assert cli("check").exit_code == 0


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (
            ("--reception", "2018-06-15"),
            "2018-06-15 未登记环境信访日，请先登记：guside reception add --on 2018-06-15 --leader 姓名",
            "no reception day is recorded on 2018-06-15; record it first: "
            "guside reception add --on 2018-06-15 --leader NAME",
        ),
        (
            ("--reception", "2018-06-14", "--received", "2018-06-16"),
            "环境信访日 2018-06-14 接访的信访件，登记日期应为 2018-06-14，不是 2018-06-16",
            "a petition taken at the reception day 2018-06-14 is received on 2018-06-14, not 2018-06-16",
        ),
    ],
)
def test_a_reception_that_was_not_held_that_day_is_refused(cli, db_path, reception_day, args, zh, en):
    before = snapshot(db_path)
    base = ("add", "--village", "红豆村", "--level", "镇级", "--subject", "异味", *args)
    refused = cli(*base, ok=False)
    assert (refused.exit_code, refused.stderr.strip()) == (2, f"错误：{zh}")
    assert cli("--lang", "en", *base, ok=False).stderr.strip() == f"Error: {en}"
    assert snapshot(db_path) == before
