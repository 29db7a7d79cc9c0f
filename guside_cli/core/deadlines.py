"""Statutory deadlines (信访工作条例 2022). The law says "日": calendar days, the first day not counted,
so a case received (or accepted) on 6/7 with a 60-day limit is due on 8/6."""

from dataclasses import dataclass
from datetime import date, timedelta

HANDLING_DAYS = 60  # 办理期限: from acceptance (受理), or from receipt until acceptance is recorded
ACCEPTANCE_NOTICE_DAYS = 15  # 受理告知: tell the petitioner within 15 days of receipt
MAX_EXTENSION_DAYS = 30  # one extension, with the head's approval and a notice to the petitioner


@dataclass(frozen=True)
class DeadlineRules:
    """Office practice that varies, kept as settings: whether a deadline on a weekend rolls to Monday.
    A public-holiday calendar would slot in here: stored cases keep the inputs, not only the result."""

    roll_weekends: bool = False


def roll(day: date, rules: DeadlineRules) -> date:
    if rules.roll_weekends and day.weekday() >= 5:
        return day + timedelta(days=7 - day.weekday())
    return day


def add_days(start: date, days: int, rules: DeadlineRules) -> date:
    return roll(start + timedelta(days=days), rules)


def handling_due(start: date, rules: DeadlineRules) -> date:
    """The statutory due date: 60 days from `start` (acceptance, or receipt until acceptance is recorded)."""
    return add_days(start, HANDLING_DAYS, rules)


def notice_due(received_on: date, rules: DeadlineRules) -> date:
    """By when the petitioner must be told whether the case is accepted (受理告知)."""
    return add_days(received_on, ACCEPTANCE_NOTICE_DAYS, rules)


def effective_due(
    received_on: date,
    rules: DeadlineRules,
    *,
    accepted_on: date | None = None,
    given: date | None = None,
    extension_days: int | None = None,
) -> date:
    """The due date from its inputs. A date given by hand (an inspection team's own limit) is kept as given;
    the statutory one runs from acceptance once recorded. An extension adds to either."""
    extra = extension_days or 0
    if given is not None:
        return given + timedelta(days=extra)
    return add_days(accepted_on or received_on, HANDLING_DAYS + extra, rules)


def days_overdue(due: date, today: date) -> int:
    """Positive when past due, 0 on the day, negative while time is left."""
    return (today - due).days
