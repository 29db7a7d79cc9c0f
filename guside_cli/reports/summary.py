"""The weekly summary for cron: one week's movement and the year-to-date standing."""

from dataclasses import dataclass
from typing import Any

from guside_cli.reports.periods import Period
from guside_cli.reports.report import Report


@dataclass(frozen=True)
class WeeklySummary:
    week: Period
    received: int
    received_escalated: int
    closed: int
    open_at_end: int
    overdue: tuple[
        dict[str, Any], ...
    ]  # the longest overdue, as of the week's end (no subject: this leaves the office)
    overdue_count: int
    due_next_week: tuple[dict[str, Any], ...]  # the soonest due in the 7 days after the week
    due_count: int
    year_to_date: Report

    @property
    def has_overdue(self) -> bool:
        return self.overdue_count > 0


def public_deadline_rows(views: list[dict[str, Any]]) -> tuple[dict[str, Any], ...]:
    """What a summary may say of a late case: number, village, level, leader and its clocks — never the
    subject or anything about the petitioner (cron mail leaves the office)."""
    keep = ("number", "village", "level", "leader", "clocks")
    return tuple({k: v[k] for k in keep} for v in views)
