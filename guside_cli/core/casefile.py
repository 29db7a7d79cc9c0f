"""The case file (卷宗) as data: what `show` prints and `show --format json` returns."""

from dataclasses import replace
from datetime import date
from typing import Any

from guside_cli.core.casepath import clocks
from guside_cli.core.deadlines import DeadlineRules
from guside_cli.core.extensions import as_object
from guside_cli.core.identity import mask_history, mask_in_text
from guside_cli.core.lifecycle import FIRST_HOURS, first_marks
from guside_cli.core.model import CaseFile, Petition
from guside_cli.core.records import to_record


def case_file(cf: CaseFile, today: date, *, reveal: bool, rules: DeadlineRules | None = None) -> dict[str, Any]:
    p = cf.petition
    return {
        **to_record(p, reveal=reveal),
        "clocks": clocks(p, today, rules),
        "first_three": [
            {"kind": kind.code, "at": at.isoformat() if at else None, "hours": hours, "within_24h": met}
            for kind, at, hours, met in first_marks(p.received_at, cf.steps)
        ],
        "first_hours_limit": FIRST_HOURS,
        "extensions": [as_object(e if reveal else replace(e, reason=mask_in_text(e.reason))) for e in cf.extensions],
        "steps": [
            {
                "kind": s.kind.code,
                "at": s.at.isoformat(),
                "by": s.by,
                "note": s.note if reveal else mask_in_text(s.note),
            }
            for s in cf.steps
        ],
        "chain": [
            {
                "number": c.number,
                "received_on": c.received_on.isoformat(),
                "status": c.status.code,
                "this": c.id == p.id,
            }
            for c in cf.chain
        ]
        if len(cf.chain) > 1
        else [],
        "history": [
            mask_history(
                {
                    "at": h.at,
                    "actor": h.actor,
                    "action": h.action,
                    "field": h.field,
                    "old": h.old,
                    "new": h.new,
                    "note": h.note,
                },
                reveal=reveal,
            )
            for h in cf.history
        ],
    }


def deadline_view(
    cases: list[Petition], today: date, within: int | None, rules: DeadlineRules | None = None
) -> list[dict[str, Any]]:
    """Rows of `overdue` (within=None: clocks past due) or `due --within N` (clocks due in 0..N days),
    longest overdue / soonest first."""
    views = []
    for p in cases:
        running = clocks(p, today, rules)
        if within is None:
            running = [c for c in running if c["days_overdue"] > 0]
        else:
            running = [c for c in running if -within <= c["days_overdue"] <= 0]
        if running:
            views.append(
                {
                    "number": p.number,
                    "village": p.village,
                    "level": p.level.code,
                    "subject": p.subject,
                    "leader": p.leader.name if p.leader else None,
                    "received_on": p.received_on.isoformat(),
                    "clocks": running,
                }
            )
    # longest overdue first, and for due-soon lists the soonest first: both are the largest days_overdue
    return sorted(views, key=lambda v: -max(c["days_overdue"] for c in v["clocks"]))
