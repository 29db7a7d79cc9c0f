"""The case's life as pure rules: 包案 assignment, 调处 steps, extension, 销号 closing, reopening.

Each rule returns nothing or raises RuleViolation with a message that says why and what to do.
"""

from datetime import date, datetime, timedelta

from guside_cli.core.deadlines import MAX_EXTENSION_DAYS
from guside_cli.core.enums import FIRST_THREE, Outcome, Rank, Status, StepKind
from guside_cli.core.errors import RuleViolation
from guside_cli.core.model import Leader, NewPetition, Petition, Step

# 顾山镇 plan, 四(三): who must hold province/Beijing and handed-down cases.
TOWN_LEADER_RULE = "对于到部去省和上级交办重点环境信访问题，要全面实行镇领导牵头包案"
FIRST_HOURS = 24
# A clock a few minutes fast on one desk should not refuse a step typed "now" on another.
CLOCK_SLACK = timedelta(minutes=10)


def needs_town_leader(p: "Petition | NewPetition") -> bool:
    """Lodged at province or Beijing level, or handed down from above (inspection, 263, superior)."""
    return p.level.escalated or p.source.handed_down


def check_open(p: Petition, action: str) -> None:
    if p.status is Status.CLOSED:
        raise RuleViolation(f"{p.number} is closed (销号 {p.closed_on}): reopen it before you {action}")


def check_assignment(p: Petition, leader: Leader) -> None:
    check_open(p, "assign it")
    check_rank(p, leader)


def check_rank(p: "Petition | NewPetition", leader: Leader, *, strict: bool = True) -> None:
    """The plan's 镇领导包案 rule. `strict=False` (import) lets a leader whose rank is not yet known pass."""
    if not needs_town_leader(p):
        return
    name = p.number or "the case"
    why = "was lodged at province/Beijing level" if p.level.escalated else f"was handed down ({p.source.zh})"
    if leader.rank is None:
        if not strict:
            return
        raise RuleViolation(
            f"{name} {why} and must be held by a town leader, but {leader.name}'s rank is not known: "
            f"set it with `guside leader add {leader.name} --rank town|village|department`"
        )
    if leader.rank is not Rank.TOWN:
        raise RuleViolation(
            f"{name} {why}: the plan says “{TOWN_LEADER_RULE}” — assign a town leader (镇领导), "
            f"not {leader.name} ({leader.rank.zh})"
        )


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


def check_extension(p: Petition, days: int) -> None:
    check_open(p, "extend it")
    if p.extension_days:
        raise RuleViolation(
            f"{p.number} was already extended by {p.extension_days} days ({p.extension_reason}): "
            "the law allows one extension only"
        )
    if not 1 <= days <= MAX_EXTENSION_DAYS:
        raise RuleViolation(f"an extension is 1 to {MAX_EXTENSION_DAYS} days, not {days}")


def check_close(p: Petition, outcome: Outcome, on: date, steps: tuple[Step, ...], today: date) -> None:
    check_open(p, "close it again")
    if outcome.needs_work and (p.leader is None or not steps):
        missing = " and ".join(
            what
            for what, absent in (("a leader (guside assign)", p.leader is None), ("a step (guside step)", not steps))
            if absent
        )
        raise RuleViolation(f"{p.number} cannot be closed as {outcome.code} ({outcome.zh}) without {missing}")
    if on < p.received_on:
        raise RuleViolation(f"{p.number}: closing on {on} is before receipt ({p.received_on}); check --on")
    last = max((s.at.date() for s in steps), default=None)
    if last and on < last:
        raise RuleViolation(f"{p.number}: closing on {on} is before its last step ({last}); check --on")
    if on > today:
        raise RuleViolation(f"{p.number}: closing on {on} is in the future; check --on")


def check_reopen(p: Petition) -> None:
    if p.status is not Status.CLOSED:
        raise RuleViolation(f"{p.number} is open already: only a closed case can be reopened")


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
