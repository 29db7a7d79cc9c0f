"""The leadership report (`guside report`): computed once from counts, rendered many ways."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from guside_cli.core.counts import ReportCounts
from guside_cli.reports.periods import Period
from guside_cli.reports.yoy import HUNDRED, Comparison, allowance, projection

DEFAULT_TARGETS = (Decimal(30), Decimal(25))  # the plan: total ≥ 30 %, province/Beijing ≥ 25 %


@dataclass(frozen=True)
class VillageRow:
    village: str
    total: Comparison
    escalated: Comparison
    veto: bool  # 一票否决: escalated petitions rose
    overdue_repeats: tuple[str, ...] = ()  # 重点重复信访化解不力: open repeat cases past due


@dataclass(frozen=True)
class HandlingRow:
    registered: int
    closed: int
    open: int
    overdue: int
    reopened: int
    closure_rate_pct: Decimal | None
    median_days_to_close: Decimal | None
    contacted_within_24h_pct: Decimal | None
    accepted: int = 0  # 受理 (the case path's counts; `closed` is 销号)
    not_accepted: int = 0
    not_accepted_again: int = 0
    concluded: int = 0


@dataclass(frozen=True)
class Outlook:
    """For a year still running: what is left of the year's budget, and where the pace leads."""

    total_allowance: int | None
    escalated_allowance: int | None
    total_projected: Decimal
    escalated_projected: Decimal
    villages: dict[str, tuple[int | None, int | None]] = field(default_factory=dict)  # village -> allowances


@dataclass(frozen=True)
class Report:
    year: int | None
    period: Period
    previous_period: Period
    measure: str
    total: Comparison
    escalated: Comparison
    villages: tuple[VillageRow, ...]
    handling: HandlingRow
    not_accepted: tuple[int, int]  # current, previous
    new_only: tuple[Comparison, Comparison] | None = None
    breakdowns: dict[str, list[tuple[str, int, int, Decimal | None]]] = field(default_factory=dict)
    monthly: tuple[tuple[int, int, int], ...] = ()  # month, current, previous
    outlook: Outlook | None = None

    @property
    def met(self) -> bool:
        return self.total.met and self.escalated.met

    @property
    def vetoed(self) -> list[str]:
        return [v.village for v in self.villages if v.veto]


def _pct(part: int, whole: int) -> Decimal | None:
    return None if whole == 0 else Decimal(part) * HUNDRED / Decimal(whole)


def _worst_first(row: VillageRow) -> tuple:
    """Vetoed villages first, then by how far the total is from its target (rises and no-baseline first)."""
    reduction = row.total.reduction_pct
    gap = Decimal("-Infinity") if reduction is None else reduction - row.total.target_pct
    return (not row.veto, not row.overdue_repeats, gap, row.village)


def build_report(
    counts: ReportCounts,
    *,
    year: int | None,
    period: Period,
    previous_period: Period,
    measure: str,
    targets: tuple[Decimal, Decimal],
    as_of: date | None = None,
) -> Report:
    total_target, escalated_target = targets
    cur, prev = counts.current, counts.previous
    villages = tuple(
        sorted(
            (
                VillageRow(
                    village=name,
                    total=Comparison(
                        cur.by_village.get(name, (0, 0))[0], prev.by_village.get(name, (0, 0))[0], total_target
                    ),
                    escalated=Comparison(
                        cur.by_village.get(name, (0, 0))[1], prev.by_village.get(name, (0, 0))[1], escalated_target
                    ),
                    veto=cur.by_village.get(name, (0, 0))[1] > prev.by_village.get(name, (0, 0))[1],
                    overdue_repeats=tuple(counts.overdue_repeats.get(name, ())),
                )
                for name in set(cur.by_village) | set(prev.by_village)
            ),
            key=_worst_first,
        )
    )
    h = counts.handling
    middle = h.median_days_middle
    handling = HandlingRow(
        registered=h.registered,
        closed=h.closed,
        open=h.open,
        overdue=h.overdue,
        reopened=h.reopened,
        closure_rate_pct=_pct(h.closed, h.registered),
        median_days_to_close=sum((Decimal(str(m)) for m in middle), Decimal(0)) / len(middle) if middle else None,
        contacted_within_24h_pct=_pct(h.contacted_within_24h, h.registered),
        accepted=h.accepted,
        not_accepted=h.not_accepted,
        not_accepted_again=h.not_accepted_again,
        concluded=h.concluded,
    )
    new_only = None
    if counts.current_new is not None and counts.previous_new is not None:
        new_only = (
            Comparison(counts.current_new.total, counts.previous_new.total, total_target),
            Comparison(counts.current_new.escalated, counts.previous_new.escalated, escalated_target),
        )
    breakdowns = {
        dim: [
            (key, c.get(key, 0), p.get(key, 0), Comparison(c.get(key, 0), p.get(key, 0), Decimal(0)).reduction_pct)
            for key in sorted(set(c) | set(p), key=lambda k: (-c.get(k, 0), -p.get(k, 0), k))
        ]
        for dim, (c, p) in counts.breakdown.items()
    }
    months = sorted(set(counts.monthly[0]) | set(counts.monthly[1]))
    return Report(
        year=year,
        period=period,
        previous_period=previous_period,
        measure=measure,
        total=Comparison(cur.total, prev.total, total_target),
        escalated=Comparison(cur.escalated, prev.escalated, escalated_target),
        villages=villages,
        handling=handling,
        not_accepted=(cur.not_accepted, prev.not_accepted),
        new_only=new_only,
        breakdowns=breakdowns,
        monthly=tuple((m, counts.monthly[0].get(m, 0), counts.monthly[1].get(m, 0)) for m in months),
        outlook=_outlook(counts, period, targets) if counts.previous_full_year is not None else None,
    )


def _outlook(counts: ReportCounts, period: Period, targets: tuple[Decimal, Decimal]) -> Outlook:
    full = counts.previous_full_year
    cur, prev = counts.current, counts.previous
    days_in_year = (date(period.start.year, 12, 31) - date(period.start.year, 1, 1)).days + 1

    def project(now: int, before: int, whole: int) -> Decimal:
        return projection(now, before, whole, period.days, days_in_year)

    return Outlook(
        total_allowance=allowance(cur.total, full.total, targets[0]),
        escalated_allowance=allowance(cur.escalated, full.escalated, targets[1]),
        total_projected=project(cur.total, prev.total, full.total),
        escalated_projected=project(cur.escalated, prev.escalated, full.escalated),
        villages={
            name: (
                allowance(cur.by_village.get(name, (0, 0))[0], whole[0], targets[0]),
                allowance(cur.by_village.get(name, (0, 0))[1], whole[1], targets[1]),
            )
            for name, whole in full.by_village.items()
        },
    )
