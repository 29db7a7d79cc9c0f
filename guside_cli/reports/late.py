"""Who is late (包案 and 限期交办): per leader and per responsible unit, the cases each holds, those concluded on time,
those overdue now, 按期办结率 and 满意率. Computed once from storage's counts (`Ledger.lateness`); `report`, the
bulletin, the Word documents and the web view render this one result.

- held: petitions received in the period and not refused (不予受理 / 不再受理), whoever holds them;
- owed (应办结): concluded by the report's last day, or past the handling limit on it;
- on time (按期办结): concluded by that day and by the handling limit;
- on-time rate (按期办结率) = on time / owed; None ("—") where nothing was owed yet;
- satisfaction (满意率) = (满意 + 基本满意) / rated; None ("—") where no petitioner's rating was recorded.
"""

from dataclasses import dataclass
from decimal import Decimal

from guside_cli.reports.yoy import HUNDRED

BY = ("leader", "unit")


@dataclass(frozen=True)
class LateRow:
    name: str  # '' where no leader (or unit) is recorded
    held: int
    on_time: int
    owed: int
    overdue: int
    rated: int
    satisfied: int

    @property
    def on_time_pct(self) -> Decimal | None:
        return None if self.owed == 0 else Decimal(self.on_time) * HUNDRED / Decimal(self.owed)

    @property
    def satisfaction_pct(self) -> Decimal | None:
        return None if self.rated == 0 else Decimal(self.satisfied) * HUNDRED / Decimal(self.rated)


@dataclass(frozen=True)
class Lateness:
    by_leader: tuple[LateRow, ...]
    by_unit: tuple[LateRow, ...]

    def rows(self, by: str) -> tuple[LateRow, ...]:
        return self.by_leader if by == "leader" else self.by_unit

    @property
    def late(self) -> tuple[LateRow, ...]:
        """The leaders with a case overdue now, most overdue first."""
        return tuple(r for r in self.by_leader if r.overdue)


def _latest_first(row: LateRow) -> tuple:
    """Most overdue first, then the lowest on-time rate (none owed last), then the most held; nobody's row last."""
    rate = row.on_time_pct
    return (row.name == "", -row.overdue, rate is None, rate if rate is not None else 0, -row.held, row.name)


def build_lateness(counts: dict[str, list[tuple]]) -> Lateness:
    """From `{"leader": rows, "unit": rows}` as storage counts them."""

    def table(by: str) -> tuple[LateRow, ...]:
        return tuple(sorted((LateRow(*row) for row in counts.get(by, ())), key=_latest_first))

    return Lateness(table("leader"), table("unit"))
