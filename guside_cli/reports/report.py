"""The leadership report (`guside report`): computed once from counts, rendered many ways."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from guside_cli.core.counts import ReportCounts
from guside_cli.reports.late import Lateness, build_lateness
from guside_cli.reports.periods import Period
from guside_cli.reports.yoy import HUNDRED, Comparison, allowance, projection

DEFAULT_TARGETS = (Decimal(30), Decimal(25))  # the plan: total ≥ 30 %, province/Beijing ≥ 25 %


VETO_REASONS = ("escalated_rise", "key_repeat_unresolved")  # the plan's two triggers, 四(七)


@dataclass(frozen=True)
class VillageRow:
    village: str
    total: Comparison  # target_pct None unless the office set a target for this village
    escalated: Comparison
    veto_reasons: tuple[
        str, ...
    ] = ()  # escalated_rise (到部去省不降反升), key_repeat_unresolved (重点重复信访化解不力)
    overdue_repeats: tuple[str, ...] = ()  # open repeat cases past due at the period's end (shown, not a trigger)
    key_cases: tuple[str, ...] = ()  # the office's key repeat cases with a clock past due at the period's end
    key_clocks: tuple[tuple[str, str, str], ...] = ()  # each of those as (number, clock, due date)
    has_target: bool = False

    @property
    def veto(self) -> bool:
        return bool(self.veto_reasons)


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
    final: bool = False  # the whole calendar year, judged after it ended: 一票否决, else 一票否决预警
    extras: dict = field(default_factory=dict)  # 集体访, 人次, 积案, 三个第一 (storage.judgement.case_extras)
    candidates: tuple[dict, ...] = ()  # chains that may be 重点重复信访, not marked key yet
    late: Lateness = field(default_factory=lambda: Lateness((), ()))  # who is late, per leader and unit
    veto_measure: str = "items"  # the veto counts 到部去省 in this measure, whatever `measure` displays
    towns: int = 1  # the towns whose cases it counts (a county ledger: several)

    @property
    def met(self) -> bool:
        return bool(self.total.met and self.escalated.met)

    @property
    def village_targets(self) -> bool:
        return any(v.has_target for v in self.villages)

    @property
    def vetoed(self) -> list[str]:
        return [v.village for v in self.villages if v.veto]


def _pct(part: int, whole: int) -> Decimal | None:
    return None if whole == 0 else Decimal(part) * HUNDRED / Decimal(whole)


def _worst_first(row: VillageRow) -> tuple:
    """What needs attention first: vetoed villages, then the largest rise in escalated petitions, then in all
    petitions (absolute numbers: a rise from zero is not infinitely bad), then the most petitions."""
    return (not row.veto, -row.escalated.rise, -row.total.rise, -row.total.current, row.village)


def build_report(
    counts: ReportCounts,
    *,
    year: int | None,
    period: Period,
    previous_period: Period,
    measure: str,
    targets: tuple[Decimal, Decimal],
    as_of: date | None = None,
    final: bool = False,
    village_targets: dict[str, tuple[Decimal, Decimal]] | None = None,
) -> Report:
    total_target, escalated_target = targets
    cur, prev = counts.current, counts.previous
    own = village_targets or {}

    def row(name: str) -> VillageRow:
        now, before = cur.by_village.get(name, (0, 0)), prev.by_village.get(name, (0, 0))
        total_pct, escalated_pct = own.get(name, (None, None))
        clocks = tuple(counts.key_cases.get(name, ()))
        keys = tuple(dict.fromkeys(number for number, _, _ in clocks))
        rise = now[1] > before[1]
        if counts.veto_escalated is not None:  # the veto's own measure (件次 by default), not the one displayed
            veto_now, veto_before = counts.veto_escalated.get(name, (0, 0))
            rise = veto_now > veto_before
        reasons = (("escalated_rise",) if rise else ()) + (("key_repeat_unresolved",) if keys else ())
        return VillageRow(
            village=name,
            total=Comparison(now[0], before[0], total_pct),
            escalated=Comparison(now[1], before[1], escalated_pct),
            veto_reasons=reasons,
            overdue_repeats=tuple(counts.overdue_repeats.get(name, ())),
            key_cases=keys,
            key_clocks=clocks,
            has_target=name in own,
        )

    names = set(cur.by_village) | set(prev.by_village) | set(counts.key_cases)
    villages = tuple(sorted((row(name) for name in names), key=_worst_first))
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
        # one denominator for every 24-hour share: accepted cases with records of their handling (None: unknown)
        contacted_within_24h_pct=_pct(h.contacted_within_24h, h.with_records),
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
        outlook=_outlook(counts, period, targets, own) if counts.previous_full_year is not None else None,
        final=final,
        extras=dict(counts.extras),
        candidates=tuple(counts.candidates),
        late=build_lateness(counts.late),
        veto_measure=counts.veto_measure,
        towns=counts.towns,
    )


def _outlook(
    counts: ReportCounts, period: Period, targets: tuple[Decimal, Decimal], own: dict[str, tuple[Decimal, Decimal]]
) -> Outlook:
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
        villages={  # only villages with a target of their own have an allowance
            name: (
                allowance(cur.by_village.get(name, (0, 0))[0], whole[0], own[name][0]),
                allowance(cur.by_village.get(name, (0, 0))[1], whole[1], own[name][1]),
            )
            for name, whole in full.by_village.items()
            if name in own
        },
    )
