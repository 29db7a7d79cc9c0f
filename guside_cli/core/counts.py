"""What storage counts for a report: plain numbers, computed by SQL aggregates, handed to `reports`."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PeriodCounts:
    """Per village: (total, escalated) in one period, in the chosen measure (items or persons)."""

    by_village: dict[str, tuple[int, int]]
    not_accepted: int = 0

    @property
    def total(self) -> int:
        return sum(t for t, _ in self.by_village.values())

    @property
    def escalated(self) -> int:
        return sum(e for _, e in self.by_village.values())


@dataclass(frozen=True)
class Handling:
    """Case handling for petitions received in the period, as of a date."""

    registered: int
    closed: int
    open: int
    overdue: int
    reopened: int
    contacted_within_24h: int
    median_days_middle: tuple[float, ...] = ()  # the one or two middle values of days-to-close
    # the case path (受理, 不予受理, 不再受理, 办结); `closed` counts 销号 (struck off)
    accepted: int = 0
    not_accepted: int = 0
    not_accepted_again: int = 0
    concluded: int = 0
    # accepted cases with records of their handling: the one denominator of the 24-hour shares (core.rules)
    with_records: int = 0


@dataclass(frozen=True)
class ReportCounts:
    current: PeriodCounts
    previous: PeriodCounts
    handling: Handling
    current_new: PeriodCounts | None = None  # without repeats (--new-only)
    previous_new: PeriodCounts | None = None
    previous_full_year: PeriodCounts | None = None  # for the allowance, when the year is still running
    breakdown: dict[str, tuple[dict[str, int], dict[str, int]]] = field(default_factory=dict)  # dim -> (cur, prev)
    monthly: tuple[dict[int, int], dict[int, int]] = ({}, {})  # month -> count, current and previous year
    overdue_repeats: dict[str, list[str]] = field(default_factory=dict)  # village -> open overdue repeat cases
    # village -> key repeat cases with a clock running past due at the end: (number, clock, due date)
    key_cases: dict[str, list[tuple[str, str, str]]] = field(default_factory=dict)
    # the veto's measure (件次 unless the office's setting says otherwise) and, when the report displays another,
    # the escalated counts per village in it: (current, previous)
    veto_measure: str = "items"
    veto_escalated: dict[str, tuple[int, int]] | None = None
    towns: int = 1  # the towns whose cases it counts: a county ledger's report is of several (全镇 would mislead)
    extras: dict = field(default_factory=dict)  # 集体访, 人次, 积案, 三个第一
    candidates: list[dict] = field(default_factory=list)  # chains that may be 重点重复信访
    late: dict[str, list[tuple]] = field(default_factory=dict)  # "leader"/"unit" -> storage.Ledger.lateness rows
