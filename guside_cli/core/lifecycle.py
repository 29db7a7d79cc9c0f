"""The case's life as pure rules: 包案 assignment and 调处 steps (the stages and clocks: core.casepath).

Each rule returns nothing or raises RuleViolation with a message that says why and what to do.
"""

from datetime import date, datetime, timedelta

from guside_cli.core.casepath import TOWN_LEADER_RULE, check_rank, needs_town_leader  # noqa: F401
from guside_cli.core.deadlines import DeadlineRules, latest_due
from guside_cli.core.enums import FIRST_THREE, Status, StepKind
from guside_cli.core.errors import RuleViolation
from guside_cli.core.model import Leader, Petition, Step
from guside_cli.messages import M, language

FIRST_HOURS = 24
# A clock a few minutes fast on one desk should not refuse a step typed "now" on another.
CLOCK_SLACK = timedelta(minutes=10)


def check_open(p: Petition, action: str) -> None:
    """`action`: the catalogue id of what is refused on a closed case (lifecycle.action.*)."""
    if p.status is Status.CLOSED:
        raise RuleViolation(M("lifecycle.closed", number=p.number, day=p.closed_on, action=M(action)))


def check_assignment(p: Petition, leader: Leader, *, due: date | None = None) -> None:
    """包案: an open case, or a 销号 one on the 排查 list (三(二): 2017年以来到部去省 … 列出清单，逐个包案), which takes
    a leader but no due date (its handling is over)."""
    from guside_cli.core.rules import needs_holder

    on_list = needs_holder(p)
    if due is not None or not on_list:  # a closed case is refused, and told why
        check_open(p, "lifecycle.action.assign_due" if on_list else "lifecycle.action.assign")
    check_rank(p, leader)


def check_due(p: Petition, due: date, rules: DeadlineRules) -> None:
    """A due date given for `p` (assign --due, edit --due): not before receipt, not after the statute's limit."""
    if due < p.received_on:
        raise RuleViolation(M("lifecycle.due_before_receipt", number=p.number, due=due, received=p.received_on))
    latest = latest_due(p.received_on, rules, accepted_on=p.accepted_on, rehandle_from=p.rehandle_from)
    if due > latest:
        raise RuleViolation(
            M("lifecycle.due_beyond_limit", number=p.number, due=due, latest=latest, received=p.received_on)
        )


def check_standing(p: Petition, rules: DeadlineRules) -> None:
    """What an open case must meet whatever wrote it, judged at the end of every write that changed what these
    rules read (services.ledger): the plan's 包案 rule for the leader who holds it (三(二): a leader whose rank is
    not yet known passes, as an import's does), and a due date given by hand no later than the statute allows
    (信访工作条例 第三十三条: 60 days from acceptance; an earlier one, an inspection team's, stands)."""
    if p.status is Status.CLOSED:
        return
    if p.leader is not None:
        check_rank(p, p.leader, strict=False)
    if p.due_given is not None:
        latest = latest_due(p.received_on, rules, accepted_on=p.accepted_on, rehandle_from=p.rehandle_from)
        if p.due_given > latest:
            raise RuleViolation(
                M("lifecycle.due_beyond_limit", number=p.number, due=p.due_given, latest=latest, received=p.received_on)
            )


def check_step(p: Petition, kind: StepKind, at: datetime, now: datetime) -> None:
    check_open(p, "lifecycle.action.step")
    if at < p.received_at:
        raise RuleViolation(
            M(
                "lifecycle.step_before_receipt",
                number=p.number,
                kind=_KindLabel(kind),
                at=f"{at:%Y-%m-%d %H:%M}",
                received=f"{p.received_at:%Y-%m-%d %H:%M}",
            )
        )
    if at > now + CLOCK_SLACK:
        raise RuleViolation(M("lifecycle.step_in_future", number=p.number, at=f"{at:%Y-%m-%d %H:%M}"))


class _KindLabel:
    """A step kind named in a message: its Chinese label in Chinese, its code in English, as the run reads."""

    def __init__(self, kind: StepKind) -> None:
        self.kind = kind

    def __str__(self) -> str:
        return self.kind.zh if language() == "zh" else self.kind.code

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __eq__(self, other: object) -> bool:  # a memo compares messages by their parameters
        return isinstance(other, _KindLabel) and self.kind == other.kind

    def __hash__(self) -> int:
        return hash(self.kind)


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
