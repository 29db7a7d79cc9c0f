"""Dates and times as users type them, read in China's time (Asia/Shanghai) whatever the machine's zone.

Accepted: `2018-06-07`, `2018/6/7`, `2018.6.7`, `2018年6月7日`, `20180607`, a month and day of the current
year as clerks write them (`6月7日`, `6.7`, `6/7`, `6-7`), `today`/`今天`, `yesterday`/`昨天`/`前天`, each optionally
followed by a time `9:30`, `09:30:15`, `9时30分`, `9点半`, with `上午`/`下午`/`晚上`… before it (`2018年6月7日上午9时`,
`今天 9:30`, `昨天下午3点`). Full-width digits are folded first. Everything else is the tool's own one-line error
(a catalogue message), never a traceback.
"""

import functools
import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from guside_cli.core.errors import InputError
from guside_cli.core.text import fold
from guside_cli.messages import M

CHINA = ZoneInfo("Asia/Shanghai")

_RELATIVE = {
    "today": 0, "今天": 0, "今日": 0, "yesterday": -1, "昨天": -1, "昨日": -1, "前天": -2, "前日": -2,
}  # fmt: skip
_DATE = re.compile(r"^(?P<y>\d{4})(?:[-/.年](?P<m>\d{1,2})[-/.月](?P<d>\d{1,2})日?|(?P<m2>\d{2})(?P<d2>\d{2}))$")
# a month and day without the year, read in the current year: 6月7日, 6月7号, 6.7, 6/7, 6-7
_MONTH_DAY = re.compile(r"^(?P<m>\d{1,2})(?:月(?P<d>\d{1,2})[日号]?|[-/.](?P<d2>\d{1,2}))$")
_TIME = re.compile(r"^(?P<h>\d{1,2})(?:[:时点](?:(?P<mi>\d{1,2})分?|(?P<half>半))?(?::(?P<s>\d{1,2})秒?)?)?$")
# the part of the day written before a Chinese time: 下午3点 is 15:00; 上午/早上/凌晨 keep the hour
_AFTERNOON = ("下午", "晚上", "傍晚", "夜里", "夜间", "晚")
_DAYPARTS = ("上午", "早上", "早晨", "凌晨", "中午", *_AFTERNOON)
_DAYPART = re.compile("(" + "|".join(sorted(_DAYPARTS, key=len, reverse=True)) + ")")


def _split(text: str) -> tuple[str, str | None]:
    """Split '2018年6月7日 9时30分' / '2018年6月7日上午9时' / '今天9:30' / '2018-06-07T09:30' into date and time."""
    text = re.sub(r"(?<=\d)t(?=\d)", " ", fold(text))
    text = _DAYPART.sub(r" \1", text, count=1)  # 6月7日上午9时 -> 6月7日 上午9时
    text = re.sub(r"^(今天|今日|昨天|昨日|前天|前日)(?=\d)", r"\1 ", text)  # 今天9:30
    m = re.match(r"^(.*?[日号]|\S+)(?:\s*(.+))?$", text)
    if not m:
        return text, None
    return m.group(1).strip(), (m.group(2) or "").strip() or None


def _date_part(text: str, today: date, original: str) -> date:
    if text in _RELATIVE:
        return today + timedelta(days=_RELATIVE[text])
    m = _DATE.match(text.replace("号", "日"))
    short = None if m else _MONTH_DAY.match(text)
    if m:
        year, month, day = int(m["y"]), int(m["m"] or m["m2"]), int(m["d"] or m["d2"])
    elif short:
        year, month, day = today.year, int(short["m"]), int(short["d"] or short["d2"])
    else:
        raise InputError(M("date.not_a_date", text=original))
    try:
        found = _real_date(year, month, day)
    except ValueError as e:
        raise InputError(M("date.not_real", text=original, why=_why(e))) from None
    return check_plausible(found, today)


EARLIEST_YEAR = 1949  # no ledger holds a petition from before the People's Republic
FUTURE_YEARS = 10  # a date further ahead than this is a typing error (2081 for 2018), not a plan


def check_plausible(day: date, today: date) -> date:
    """Refuse a date before 1949 or more than ten years after today: a typing error, never a petition's date."""
    if day.year < EARLIEST_YEAR:
        raise InputError(M("date.before_1949", day=day))
    limit = _years_later(today, FUTURE_YEARS)
    if day > limit:
        raise InputError(M("date.far_future", day=day, limit=limit, years=FUTURE_YEARS))
    return day


@functools.lru_cache(maxsize=64)  # one `today` for every date of an import
def _years_later(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


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
        raise InputError(M("date.time_not_wanted", text=text))
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
            if not EARLIEST_YEAR <= y <= now.year + FUTURE_YEARS - 1:
                check_plausible(moment.date(), now.date())
            return moment
        except ValueError as e:
            what = "date.not_real" if "day" in str(e) or "month" in str(e) or "year" in str(e) else "date.not_real_time"
            raise InputError(M(what, text=text, why=_why(e))) from None
    stamped = _with_offset(text)
    if stamped is not None:
        check_plausible(stamped.date(), now.date())
        return stamped
    day_text, time_text = _split(text)
    now = now.astimezone(CHINA)
    if time_text is None and day_text in ("today", "今天", "今日", "now", "现在"):
        return now.replace(microsecond=0)
    if day_text in ("now", "现在"):
        raise InputError(M("date.now_with_time", text=text))
    day = _date_part(day_text, now.date(), text)
    if time_text is None:
        return datetime.combine(day, time(0, 0), CHINA)
    part = _DAYPART.match(time_text)
    clock_text = time_text[part.end() :].strip() if part else time_text
    m = _TIME.match(clock_text)
    if not m:
        raise InputError(M("date.not_a_time", text=text, time=time_text))
    hour = int(m["h"])
    if part and part.group(1) in _AFTERNOON and hour < 12:
        hour += 12  # 下午3点 is 15:00
    try:
        clock = time(hour, 30 if m["half"] else int(m["mi"] or 0), int(m["s"] or 0))
    except ValueError as e:
        raise InputError(M("date.not_real_time_of_day", text=text, time=time_text, why=_why(e))) from None
    return datetime.combine(day, clock, CHINA)


_PLAIN = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$")
_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2})?(\.\d+)?([+-]\d{2}:\d{2}|Z)$")


def _with_offset(text: str) -> datetime | None:
    """A full ISO timestamp with its offset (what guside stores and exports), read in China's time."""
    text = text.strip()
    if not _OFFSET.match(text):
        return None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(CHINA)
    except (ValueError, OverflowError) as e:
        raise InputError(M("date.not_real_time", text=text, why=_why(e))) from None


def iso_timestamp(moment: datetime) -> str:
    """How timestamps are stored: ISO 8601 in China's time with its offset, to the second."""
    return moment.astimezone(CHINA).replace(microsecond=0).isoformat()


def year_bounds(year: int) -> tuple[date, date]:
    from guside_cli.core.bounds import check_year

    check_year(year)
    return date(year, 1, 1), date(year, 12, 31)


_REASONS = {  # Python's words for an impossible date or time, said in the catalogue
    "day is out of range for month": "date.why.day",
    "month must be in 1..12": "date.why.month",
    "hour must be in 0..23": "date.why.hour",
    "minute must be in 0..59": "date.why.minute",
    "second must be in 0..59": "date.why.second",
}


def _why(e: Exception):
    """Why a date or time is not real, in the run's language where Python's reason is a known one."""
    key = _REASONS.get(str(e))
    if key is None and "out of range" in str(e) and "year" in str(e):
        key = "date.why.year"
    return M(key) if key else str(e)
