"""Statutory deadlines (信访工作条例 2022). The law says "日": calendar days, the first day not counted,
so a case received (or accepted) on 6/7 with a 60-day limit is due on 8/6."""

from dataclasses import dataclass
from datetime import date, timedelta

HANDLING_DAYS = 60  # 办理期限: from acceptance
ACCEPTANCE_NOTICE_DAYS = 15  # 受理告知: tell the petitioner within 15 days
MAX_EXTENSION_DAYS = 30  # one extension, with the head's approval


@dataclass(frozen=True)
class DeadlineRules:
    """Office practice that varies, kept as settings: whether a deadline on a weekend rolls to Monday."""

    roll_weekends: bool = False


def add_days(start: date, days: int, rules: DeadlineRules) -> date:
    due = start + timedelta(days=days)
    if rules.roll_weekends and due.weekday() >= 5:
        due += timedelta(days=7 - due.weekday())
    return due


def handling_due(start: date, rules: DeadlineRules) -> date:
    """The default due date: 60 days from `start` (acceptance, or receipt until acceptance is recorded)."""
    return add_days(start, HANDLING_DAYS, rules)
