"""The campaign's calendar as the office reads it: each phase with what happened in it, the villages' written
summaries, the monthly reception day, 约谈 owed and held."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from guside_cli.core.campaign import Phase, summaries_due


@dataclass(frozen=True)
class PhaseRow:
    phase: Phase
    counts: dict


@dataclass(frozen=True)
class Campaign:
    year: int
    phases: tuple[PhaseRow, ...]
    summaries_due: date | None
    reported: dict[str, str]  # village -> date of its written summary
    missing: tuple[str, ...]  # villages without one after the due date (empty before it)
    overdue_summaries: bool = False
    late: tuple[str, ...] = ()  # villages whose summary arrived after the due date (8/16 is late for 8/15)
    survey: tuple[dict, ...] = ()  # 排查 (三(二)): 到部去省 / handed-down cases since 2017, open or 销号, no leader


def build_campaign(
    year: int,
    phases: list[Phase],
    counts: list[dict],
    reports: dict,
    villages: list[str],
    today: date,
    survey: list[dict] | None = None,
):
    due = summaries_due(phases)
    overdue = due is not None and today > due
    missing = tuple(v for v in villages if v not in reports) if overdue else ()
    reported = dict(sorted(reports.items(), key=lambda kv: kv[1]))
    return Campaign(
        year=year,
        phases=tuple(PhaseRow(p, c) for p, c in zip(phases, counts, strict=True)),
        summaries_due=due,
        reported=reported,
        missing=missing,
        overdue_summaries=overdue,
        late=tuple(v for v, on in reported.items() if due is not None and is_late(on, due)),
        survey=tuple(survey or ()),
    )


def is_late(on: str | date, due: date) -> bool:
    """A written summary "于8月15日前" is on time on the 15th and late from the 16th."""
    return (date.fromisoformat(on) if isinstance(on, str) else on) > due


def share(part: int, whole: int) -> Decimal | None:
    return None if whole == 0 else Decimal(part) * 100 / Decimal(whole)


@dataclass(frozen=True)
class ReceptionMonth:
    month: int
    receptions: tuple[dict, ...] = field(default_factory=tuple)

    @property
    def held(self) -> bool:
        return bool(self.receptions)


def reception_months(year: int, rows: list[dict], today: date) -> list[ReceptionMonth]:
    """Every month of the year up to today's (the plan asks for one reception day a month), with its days."""
    last = 12 if today.year > year else (today.month if today.year == year else 0)
    by_month: dict[int, list[dict]] = {}
    for r in rows:
        by_month.setdefault(int(r["on_date"][5:7]), []).append(r)
    return [ReceptionMonth(m, tuple(by_month.get(m, ()))) for m in range(1, last + 1)]
