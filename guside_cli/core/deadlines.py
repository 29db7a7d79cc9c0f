"""Statutory deadlines (信访工作条例 2022). The law says "日": calendar days, the first day not counted,
so a case received (or accepted) on 6/7 with a 60-day limit is due on 8/6."""

from dataclasses import dataclass
from datetime import date, timedelta

HANDLING_DAYS = 60  # 办理期限: from acceptance (受理), or from receipt until acceptance is recorded
ACCEPTANCE_NOTICE_DAYS = 15  # 受理告知: tell the petitioner within 15 days of receipt
MAX_EXTENSION_DAYS = 30  # 第三十三条: extensions approved by the head, told to the petitioner, 30 days in all


REVIEW_DAYS = 30  # 复查 / 复核: requested within 30 days, decided within 30 days of the request
PLAIN, OFFICIAL = "plain", "official"
CALENDARS = (PLAIN, OFFICIAL)


@dataclass(frozen=True)
class DeadlineRules:
    """Office practice that varies, kept as settings. `calendar`: `plain` counts calendar days; `official` moves
    a last day on a statutory rest day to the next working day (core.calendar). `roll_weekends` (plain only):
    a last day on Saturday or Sunday moves to Monday. Stored cases keep the inputs, not only the result."""

    roll_weekends: bool = False
    calendar: str = PLAIN


def roll(day: date, rules: DeadlineRules) -> date:
    if rules.calendar == OFFICIAL:
        from guside_cli.core.calendar import next_working_day

        return next_working_day(day)
    if rules.roll_weekends and day.weekday() >= 5:
        return day + timedelta(days=7 - day.weekday())
    return day


def calendar_gap(due: date | None, rules: DeadlineRules) -> int | None:
    """The year whose official calendar is unknown, when it decides `due` (the user is told on every deadline
    it affects); None when the plain calendar is used or the year is covered."""
    if due is None or rules.calendar != OFFICIAL:
        return None
    from guside_cli.core.calendar import covered

    return None if covered(due.year) else due.year


def review_due(requested: date, rules: DeadlineRules) -> date:
    """By when a 复查 or 复核 must be decided: 30 days from the request."""
    return add_days(requested, REVIEW_DAYS, rules)


def request_window_end(decided: date | None, rules: DeadlineRules) -> date:
    """The last day a 复查 (after 办结) or 复核 (after the 复查 decision) may be requested: 30 days, counted
    as every other period (a last day on a rest day moves under the official calendar). Only asked of a case
    that has the decision (its stage says so)."""
    if decided is None:
        raise ValueError("a request window is counted from a decision the case has")
    return add_days(decided, REVIEW_DAYS, rules)


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
    rehandle_from: date | None = None,
) -> date:
    """The due date from its inputs. A date given by hand (an inspection team's own limit) is kept as given;
    the statutory one runs from acceptance once recorded; after 撤销重办 a new 60 days run from the decision.
    Extensions add to any of them."""
    extra = extension_days or 0
    if rehandle_from is not None:
        return add_days(rehandle_from, HANDLING_DAYS + extra, rules)
    if given is not None:
        return given + timedelta(days=extra)
    return add_days(accepted_on or received_on, HANDLING_DAYS + extra, rules)


def latest_due(
    received_on: date,
    rules: DeadlineRules,
    *,
    accepted_on: date | None = None,
    extension_days: int = 0,
    rehandle_from: date | None = None,
) -> date:
    """The latest due date the statute allows a case: 60 days (plus approved extensions, 30 days at most in all)
    from acceptance, or, until acceptance is recorded, from the last day of the 15 allowed to accept. A due date
    given by hand (an inspection team's) may be earlier, never later: every door that takes one checks it here."""
    start = accepted_on if accepted_on is not None else notice_due(received_on, rules)
    if rehandle_from is not None:  # 撤销重办: handled again, 60 days from the decision
        start = rehandle_from
    return add_days(start, HANDLING_DAYS + min(extension_days, MAX_EXTENSION_DAYS), rules)


def days_overdue(due: date, today: date) -> int:
    """Positive when past due, 0 on the day, negative while time is left."""
    return (today - due).days
