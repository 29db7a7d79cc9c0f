"""Year-over-year reduction against a target, with the plan's exact reading of "at least":

reduction = (previous − current) / previous × 100, computed in Decimal; met = reduction ≥ target, compared
exactly (30.0 % meets 30 %). With no petitions last year there is no baseline: reduction is None, and the
target is met only if there are none this year either.
"""

from dataclasses import dataclass
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Comparison:
    current: int
    previous: int
    target_pct: Decimal | None  # None: no target set (a village without its own target)

    @property
    def reduction_pct(self) -> Decimal | None:
        if self.previous == 0:
            return None
        return (Decimal(self.previous) - Decimal(self.current)) * HUNDRED / Decimal(self.previous)

    @property
    def met(self) -> bool | None:
        if self.target_pct is None:
            return None
        reduction = self.reduction_pct
        if reduction is None:
            return self.current == 0
        return reduction >= self.target_pct

    @property
    def rose(self) -> bool:
        return self.current > self.previous

    @property
    def rise(self) -> int:
        return self.current - self.previous

    def shown_pct(self, places: int = 1) -> Decimal | None:
        """The reduction as printed: to `places` decimals, or more where the rounded figure would reach the
        target and the exact one does not (or the reverse) — 29.96 % is never shown as 30.0 % and 未达标."""
        return shown(self.reduction_pct, self.target_pct, places)

    def ceiling(self, previous_full: int) -> int | None:
        """The most petitions the whole year may hold and still meet the target against last year's full
        figure: floor(previous × (1 − target)). None without a baseline."""
        if previous_full == 0 or self.target_pct is None:
            return None
        return int((Decimal(previous_full) * (HUNDRED - self.target_pct) / HUNDRED).to_integral_value(ROUND_FLOOR))


def allowance(current_to_date: int, previous_full: int, target_pct: Decimal) -> int | None:
    """How many more petitions may still come this year with the target met (negative: already over)."""
    ceiling = Comparison(current_to_date, previous_full, target_pct).ceiling(previous_full)
    return None if ceiling is None else ceiling - current_to_date


def projection(
    current_to_date: int, previous_to_date: int, previous_full: int, days_elapsed: int, days_in_year: int
) -> Decimal:
    """Year-end projection: this year's pace scaled by last year's seasonal shape (how much of last year's
    total had arrived by the same date); on a plain daily pace when last year gives no shape."""
    if previous_to_date > 0 and previous_full > 0:
        return Decimal(current_to_date) * Decimal(previous_full) / Decimal(previous_to_date)
    return Decimal(current_to_date) * Decimal(days_in_year) / Decimal(days_elapsed)


def shown(value: Decimal | None, target: Decimal | None, places: int = 1) -> Decimal | None:
    """`value` rounded half up to `places` decimals, more (up to six) while the rounded figure and the exact one
    fall on different sides of `target`."""
    if value is None:
        return None
    while True:
        rounded = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if target is None or (rounded >= target) == (value >= target) or places >= 6:
            return rounded
        places += 1
