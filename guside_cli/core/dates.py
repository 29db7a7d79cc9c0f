"""Dates and times as users type them, read in China's time (Asia/Shanghai) whatever the machine's zone.

Accepted: `2018-06-07`, `2018/6/7`, `2018.6.7`, `2018年6月7日`, `20180607`, `today`/`今天`,
`yesterday`/`昨天`, each optionally followed by a time `9:30`, `09:30:15` or `9时30分` (`9点30分`).
Full-width digits are folded first. Everything else is the tool's own one-line error, never a traceback.
"""

import functools
import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from guside_cli.core.errors import InputError
from guside_cli.core.text import fold

CHINA = ZoneInfo("Asia/Shanghai")

_RELATIVE = {"today": 0, "今天": 0, "今日": 0, "yesterday": -1, "昨天": -1, "昨日": -1}
_DATE = re.compile(r"^(?P<y>\d{4})(?:[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})日?|(?P<m2>\d{2})(?P<d2>\d{2}))$")
_TIME = re.compile(r"^(?P<h>\d{1,2})(?:[:时点](?P<mi>\d{1,2})分?(?::(?P<s>\d{1,2})秒?)?)?$")


def _split(text: str) -> tuple[str, str | None]:
    """Split '2018年6月7日 9时30分' / '2018-06-07T09:30' into its date and time parts."""
    text = re.sub(r"(?<=\d)t(?=\d)", " ", fold(text))
    m = re.match(r"^(.*?日|\S+)(?:\s*(.+))?$", text)
    if not m:
        return text, None
    return m.group(1).strip(), (m.group(2) or "").strip() or None


def _date_part(text: str, today: date, original: str) -> date:
    if text in _RELATIVE:
        return today + timedelta(days=_RELATIVE[text])
    m = _DATE.match(text)
    if not m:
        raise InputError(
            f"'{original}' is not a date: write it as 2018-06-07, 2018/6/7, 2018年6月7日, today or yesterday"
        )
    year = int(m["y"])
    month = int(m["m"] or m["m2"])
    day = int(m["d"] or m["d2"])
    try:
        real = _real_date(year, month, day)
    except ValueError as e:
        raise InputError(f"'{original}' is not a real date ({e})") from None
    from guside_cli.core.bounds import check_day

    return check_day(real, original)


@functools.lru_cache(maxsize=8192)
def _real_date(year: int, month: int, day: int) -> date:
    """The date, or ValueError saying what is wrong (month 13, 30 February...). The standard library is strict
    enough here; python-dateutil is used where it truly helps (calendar arithmetic, reports/periods.py) and is
    not imported on the clerk's `add` path, where it cost 26 ms of start-up. Cached: an imported ledger repeats
    the same few thousand dates."""
    return date(year, month, day)


def parse_date(text: str, today: date) -> date:
    """The date a user typed; `today` resolves 'today'/'yesterday'."""
    day_text, time_text = _split(text)
    if time_text is not None:
        raise InputError(f"'{text}' has a time of day where only a date is wanted: drop the time")
    return _date_part(day_text, today, text)


def parse_datetime(text: str, now: datetime) -> datetime:
    """A date with an optional time, in China's time. Without a time, 00:00 of that day:
    the 24-hour clock then runs from the start of the day (a conservative reading, stated in the README).
    'today' without a time means now."""
    plain = _PLAIN.match(text)
    if plain:  # the common case of files: 2018-06-07 or 2018-06-07 09:30[:15], no parsing by stages needed
        y, mo, d, h, mi, sec = (int(g) if g else 0 for g in plain.groups())
        try:
            moment = datetime(y, mo, d, h, mi, sec, tzinfo=CHINA)
        except ValueError as e:
            what = "date" if "day" in str(e) or "month" in str(e) or "year" in str(e) else "time"
            raise InputError(f"'{text}' is not a real {what} ({e})") from None
        from guside_cli.core.bounds import check_day

        check_day(moment.date(), text)
        return moment
    stamped = _with_offset(text)
    if stamped is not None:
        return stamped
    day_text, time_text = _split(text)
    now = now.astimezone(CHINA)
    if time_text is None and day_text in ("today", "今天", "今日", "now", "现在"):
        return now.replace(microsecond=0)
    if day_text in ("now", "现在"):
        raise InputError(f"'{text}': 'now' takes no time of day")
    day = _date_part(day_text, now.date(), text)
    if time_text is None:
        return datetime.combine(day, time(0, 0), CHINA)
    m = _TIME.match(time_text)
    if not m:
        raise InputError(f"'{text}': '{time_text}' is not a time of day; write it as 09:30 or 9时30分")
    try:
        clock = time(int(m["h"]), int(m["mi"] or 0), int(m["s"] or 0))
    except ValueError as e:
        raise InputError(f"'{text}': '{time_text}' is not a time of day ({e})") from None
    return datetime.combine(day, clock, CHINA)


_PLAIN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$")
_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?([+-]\d{2}:\d{2}|Z)$")


def _with_offset(text: str) -> datetime | None:
    """A full ISO timestamp with its offset (what guside stores and exports), read in China's time."""
    text = text.strip()
    if not _OFFSET.match(text):
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(CHINA)
    except (ValueError, OverflowError) as e:
        raise InputError(f"'{text}' is not a real time ({e})") from None
    from guside_cli.core.bounds import check_day

    check_day(moment.date(), text)
    return moment


def iso_timestamp(moment: datetime) -> str:
    """How timestamps are stored: ISO 8601 in China's time with its offset, to the second."""
    return moment.astimezone(CHINA).replace(microsecond=0).isoformat()


def year_bounds(year: int) -> tuple[date, date]:
    from guside_cli.core.bounds import check_year

    check_year(year)
    return date(year, 1, 1), date(year, 12, 31)
