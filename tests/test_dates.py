"""Dates and times as clerks type them (core/dates.py is pure: today and now are passed in)."""

from datetime import date, datetime

import pytest

from guside_cli.core.dates import CHINA, parse_date, parse_datetime
from guside_cli.core.errors import InputError
from guside_cli.messages import set_language

TODAY = date(2018, 6, 20)
NOW = datetime(2018, 6, 20, 10, 15, tzinfo=CHINA)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("6月7日", "2018-06-07 00:00"),
        ("6月7号", "2018-06-07 00:00"),
        ("6.7", "2018-06-07 00:00"),
        ("6/7", "2018-06-07 00:00"),
        ("６月７日", "2018-06-07 00:00"),
        ("昨天", "2018-06-19 00:00"),
        ("前天", "2018-06-18 00:00"),
        ("今天", "2018-06-20 10:15"),
        ("今天 9:30", "2018-06-20 09:30"),
        ("今天9:30", "2018-06-20 09:30"),
        ("昨天下午3点", "2018-06-19 15:00"),
        ("2018年6月7日上午9时", "2018-06-07 09:00"),
        ("2018年6月7日下午3点半", "2018-06-07 15:30"),
        ("2018年6月7日 9时30分", "2018-06-07 09:30"),
        ("6月7日晚上8点", "2018-06-07 20:00"),
        ("2017-12-31 23:59", "2017-12-31 23:59"),
        ("2018.6.7 8:05", "2018-06-07 08:05"),
    ],
)
def test_what_clerks_type(typed, expected):
    assert parse_datetime(typed, NOW).strftime("%Y-%m-%d %H:%M") == expected


def test_a_month_and_day_is_this_year():
    assert parse_date("12.31", TODAY) == date(2018, 12, 31)
    assert parse_date("1月2日", date(2019, 1, 5)) == date(2019, 1, 2)


@pytest.mark.parametrize(
    ("typed", "zh", "en"),
    [
        ("6月31日", "“6月31日”不是真实的日期（这个月没有这一天）", "'6月31日' is not a real date"),
        ("13.1", "“13.1”不是真实的日期", "'13.1' is not a real date"),
        ("明天", "“明天”不是日期", "'明天' is not a date"),
        ("今天 25:00", "“25:00”不是真实的时刻", "is not a time of day"),
        ("今天 九点", "“九点”不是时刻", "'九点' is not a time of day"),
    ],
)
def test_what_is_not_a_date_says_so_in_the_users_language(typed, zh, en):
    with pytest.raises(InputError) as refused:
        parse_datetime(typed, NOW)
    try:
        assert zh in str(refused.value)
        set_language("en")
        assert en in str(refused.value)
    finally:
        set_language("zh")


def test_a_date_only_field_refuses_a_time():
    with pytest.raises(InputError, match="只要日期"):
        parse_date("6月7日 9:30", TODAY)
