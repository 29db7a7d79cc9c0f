"""The official calendar (法定节假日 and 调休 working days), from the `chinesecalendar` package: the State
Council's yearly notices, maintained there, never typed in here. Pure look-ups, no I/O.

Chinese procedure counts 期间 so: a period whose last day is a statutory rest day (a public holiday, or a weekend
that is not a 调休 working day) ends on the next working day. Where the package has no data for a year, the date
stays as counted in calendar days and `covered()` says so: the caller tells the user, never guesses silently.
"""

import functools
from datetime import date, timedelta


@functools.lru_cache(maxsize=64)
def covered(year: int) -> bool:
    """Whether the package knows the official calendar of `year`."""
    import chinese_calendar

    try:
        chinese_calendar.is_workday(date(year, 6, 1))
    except NotImplementedError:
        return False
    return True


def is_rest_day(day: date) -> bool | None:
    """True on a statutory rest day, False on a working day (调休 Saturdays included), None without data."""
    if not covered(day.year):
        return None
    import chinese_calendar

    return not chinese_calendar.is_workday(day)


def next_working_day(day: date) -> date:
    """`day` itself when it is a working day, else the first working day after it. Stops, unmoved further, at the
    first day of a year without data (the caller reports that year)."""
    while is_rest_day(day):
        day += timedelta(days=1)
    return day


def working_days_later(day: date, count: int) -> date:
    """The `count`-th working day after `day` (`day` itself when count is 0): 法定节假日 and weekends that are
    not 调休 skipped; in a year without data, Saturdays and Sundays only."""
    while count > 0:
        day += timedelta(days=1)
        rest = is_rest_day(day)
        if not (rest if rest is not None else day.weekday() >= 5):
            count -= 1
    return day
