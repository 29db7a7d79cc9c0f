"""Reporting periods (上报): a month, a quarter or a year whose figures went upward, and what a later change does to
them. Pure: dates in, figures compared; the ledger keeps what was closed (storage/periods.py)."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from guside_cli.core.errors import InputError
from guside_cli.messages import M

_MONTH = re.compile(r"^(\d{4})\s*(?:-|/|\.|年)\s*(\d{1,2})\s*月?$")
_QUARTER = re.compile(r"^(\d{4})\s*(?:-|/|年)?\s*(?:Q|q|第)\s*([1-4])\s*(?:季度)?$")
_YEAR = re.compile(r"^(\d{4})\s*年?$")


@dataclass(frozen=True)
class Period:
    """A reporting period: its label as the office writes it (2018-08, 2018-Q3, 2018) and its first and last day."""

    label: str
    start: date
    end: date

    def holds(self, day: date) -> bool:
        return self.start <= day <= self.end


def parse_period(text: str) -> Period:
    """`2018-08`, `2018年8月`, `2018/8`; `2018-Q3`, `2018年第3季度`; `2018`, `2018年`."""
    from guside_cli.core.bounds import check_year
    from guside_cli.core.text import fold

    folded = fold(text).strip() if text else ""
    if m := _MONTH.match(folded):
        year, month = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12:
            raise InputError(M("period.bad", text=text))
        check_year(year)
        start = date(year, month, 1)
        return Period(f"{year}-{month:02d}", start, _month_end(start))
    if m := _QUARTER.match(folded):
        year, quarter = int(m.group(1)), int(m.group(2))
        check_year(year)
        start = date(year, 3 * quarter - 2, 1)
        return Period(f"{year}-Q{quarter}", start, _month_end(date(year, 3 * quarter, 1)))
    if m := _YEAR.match(folded):
        year = int(m.group(1))
        check_year(year)
        return Period(str(year), date(year, 1, 1), date(year, 12, 31))
    raise InputError(M("period.bad", text=text))


def _month_end(first: date) -> date:
    following = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
    return following - timedelta(days=1)


@dataclass(frozen=True)
class Difference:
    """One reported figure a change moved: where (the town, or a village), which (total, escalated), in which
    measure (items: 件次, persons: 人次), as reported and as the ledger now has it."""

    where: str
    figure: str
    measure: str
    reported: int
    now: int


FIGURES = ("total", "escalated")
MEASURES = ("items", "persons")


def differences(reported: dict, now: dict) -> list[Difference]:
    """The figures of `now` that differ from `reported` (both as `figures_of` builds them): the town's first."""
    found = []
    for measure in MEASURES:
        before, after = reported.get(measure, {}), now.get(measure, {})
        for i, figure in enumerate(FIGURES):
            town_before, town_after = before.get("town", [0, 0])[i], after.get("town", [0, 0])[i]
            if town_before != town_after:
                found.append(Difference("", figure, measure, town_before, town_after))
        villages_before, villages_after = before.get("villages", {}), after.get("villages", {})
        for village in sorted(villages_before.keys() | villages_after.keys()):
            pair_before, pair_after = villages_before.get(village, [0, 0]), villages_after.get(village, [0, 0])
            for i, figure in enumerate(FIGURES):
                if pair_before[i] != pair_after[i]:
                    found.append(Difference(village, figure, measure, pair_before[i], pair_after[i]))
    return found


def figures_of(by_measure: dict[str, dict[str, tuple[int, int]]]) -> dict:
    """The figures a period close records, from (total, escalated) per village in each measure: per village and
    the town's sum, as JSON keeps them."""
    out: dict = {}
    for measure, by_village in by_measure.items():
        town = [sum(t for t, _ in by_village.values()), sum(e for _, e in by_village.values())]
        out[measure] = {"town": town, "villages": {v: list(pair) for v, pair in sorted(by_village.items())}}
    return out
