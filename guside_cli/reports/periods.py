"""Reporting periods and their year-earlier counterparts (同比)."""

from dataclasses import dataclass
from datetime import date, timedelta

from guside_cli.core.errors import InputError
from guside_cli.messages import M


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def __post_init__(self):
        if self.start > self.end:
            raise InputError(M("report.period_empty", start=self.start, end=self.end))

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def as_dict(self) -> dict[str, str]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


def year_earlier(day: date) -> date:
    """The same date one year earlier; 29 February maps to 28 February (dateutil's relativedelta does exactly
    that: it clips to the month's last day)."""
    from dateutil.relativedelta import relativedelta

    return day - relativedelta(years=1)


def previous(period: Period) -> Period:
    """The same dates one year earlier. A period ending on the last day of February compares with the whole
    February of the year before: to 28 February 2017 takes in 29 February 2016 ("to the end of February");
    to 29 February 2016 compares with 28 February 2015."""
    end = year_earlier(period.end)
    if _last_of_february(period.end):
        end = date(end.year, 3, 1) - timedelta(days=1)
    return Period(year_earlier(period.start), end)


def _last_of_february(day: date) -> bool:
    return day.month == 2 and (day + timedelta(days=1)).month == 3


def is_whole_year(period: Period) -> bool:
    return period.start == date(period.start.year, 1, 1) and period.end == date(period.start.year, 12, 31)


def year_period(year: int, as_of: date | None = None) -> Period:
    """The calendar year, or with `as_of` the year up to that date (年初至今)."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    if as_of is not None:
        if not start <= as_of <= end:
            raise InputError(M("report.as_of_outside", on=as_of, year=year))
        end = as_of
    return Period(start, end)


def week_of(day: date) -> Period:
    """The Monday-to-Sunday week that contains `day`."""
    from dateutil.relativedelta import MO, SU, relativedelta

    return Period(day + relativedelta(weekday=MO(-1)), day + relativedelta(weekday=SU(+1)))


def last_full_week(today: date) -> Period:
    return week_of(today - timedelta(days=7))


def report_period(
    *, today: date, year: int | None, as_of: date | None, start: date | None, end: date | None
) -> tuple[int | None, Period]:
    """Which period a report covers. `--from/--to` win; else the year (default: this year), to `--as-of`.
    A year still running is reported to today, never as if it were complete (assumption, stated in the README)."""
    if start or end:
        if year is not None or as_of is not None:
            raise InputError(M("report.year_or_range"))
        if not (start and end):
            raise InputError(M("report.range_both_ends"))
        period = Period(start, end)
        return (start.year if start.year == end.year else None), period
    year = year if year is not None else (as_of.year if as_of else today.year)
    if date(year, 1, 1) > today:  # no petition can have come in yet: "down 100 %, met" would be a false verdict
        raise InputError(M("report.year_not_begun", year=year, today=today))
    if as_of is None and year == today.year and today < date(year, 12, 31):
        as_of = today
    return year, year_period(year, as_of)


def is_year_to_date(period: Period) -> bool:
    """Jan 1 to a day before Dec 31 of the same year: the year is still running."""
    return (
        period.start == date(period.start.year, 1, 1)
        and period.end.year == period.start.year
        and period.end < date(period.start.year, 12, 31)
    )
