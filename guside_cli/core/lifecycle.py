"""The case's life as pure rules: 包案 assignment and 调处 steps (the stages and clocks: core.casepath).

Each rule returns nothing or raises RuleViolation with a message that says why and what to do.
"""

from datetime import date, datetime, timedelta

from guside_cli.core.casepath import TOWN_LEADER_RULE, check_rank, needs_town_leader  # noqa: F401
from guside_cli.core.enums import FIRST_THREE, Status, StepKind
from guside_cli.core.errors import RuleViolation
from guside_cli.core.model import Leader, Petition, Step

FIRST_HOURS = 24
# A clock a few minutes fast on one desk should not refuse a step typed "now" on another.
CLOCK_SLACK = timedelta(minutes=10)


def check_open(p: Petition, action: str) -> None:
    if p.status is Status.CLOSED:
        raise RuleViolation(f"{p.number} is closed (销号 {p.closed_on}): reopen it before you {action}")


def check_assignment(p: Petition, leader: Leader) -> None:
    check_open(p, "assign it")
    check_rank(p, leader)


def check_due(p: Petition, due: date) -> None:
    if due < p.received_on:
        raise RuleViolation(f"{p.number}: due date {due} is before receipt ({p.received_on}); check --due")


def check_step(p: Petition, kind: StepKind, at: datetime, now: datetime) -> None:
    check_open(p, "record a step")
    if at < p.received_at:
        raise RuleViolation(
            f"{p.number}: a {kind.code} step at {at:%Y-%m-%d %H:%M} is before the petition was received "
            f"({p.received_at:%Y-%m-%d %H:%M}); check --at"
        )
    if at > now + CLOCK_SLACK:
        raise RuleViolation(f"{p.number}: a step at {at:%Y-%m-%d %H:%M} is in the future; check --at")


def first_marks(
    received_at: datetime, steps: tuple[Step, ...]
) -> list[tuple[StepKind, datetime | None, float | None, bool]]:
    """The plan's 三个第一: for contact, arrival and mediation, when the first one happened, the hours since
    receipt, and whether it was within 24 hours."""
    marks = []
    for kind in FIRST_THREE:
        first = min((s.at for s in steps if s.kind is kind), default=None)
        hours = None if first is None else round((first - received_at).total_seconds() / 3600, 1)
        marks.append((kind, first, hours, hours is not None and hours <= FIRST_HOURS))
    return marks
