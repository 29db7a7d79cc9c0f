"""The counting queries behind `report` and `summary`: SQL aggregates over indexed columns, no Python loops
over cases. Every query takes a receipt-date range; `measure` is items (件次) or persons (人次)."""

from datetime import date

from guside_cli.core.errors import InputError
from guside_cli.core.settings import SETTINGS
from guside_cli.messages import M
from guside_cli.storage import rules
from guside_cli.storage.base import LedgerBase
from guside_cli.storage.rules import ESCALATED

MEASURES = {"items": "1", "persons": "p.persons"}  # every query names the table p
# dimension -> (SQL key expression, FROM clause)
DIMENSIONS = {
    "level": ("p.level", "petitions p"),
    "form": ("coalesce(p.form, '')", "petitions p"),
    "source": ("p.source", "petitions p"),
    "pollution": ("coalesce(j.value, '')", "petitions p LEFT JOIN json_each(p.pollution) j"),
    "leader": ("coalesce(l.name, '')", "petitions p LEFT JOIN leaders l ON l.id = p.leader_id"),
    "village": ("p.village", "petitions p"),
    # a county ledger's cases by town (guside merge); NULL is the ledger's own town.name
    "town": (
        f"coalesce(p.town, (SELECT value FROM settings WHERE key = 'town.name'), '{SETTINGS['town.name'].default}')",
        "petitions p",
    ),
}


def _amount(measure: str) -> str:
    if measure not in MEASURES:
        raise InputError(M("report.unknown_measure", measure=measure))
    return MEASURES[measure]


class ReportsMixin(LedgerBase):
    def period_counts(self, start: date, end: date, measure: str = "items", *, new_only: bool = False):
        from guside_cli.core.counts import PeriodCounts

        amount = _amount(measure)
        only_new = "AND p.repeat_of IS NULL" if new_only else ""
        rows = self.conn.execute(
            f"""SELECT p.village, sum({amount}), sum(CASE WHEN {ESCALATED} THEN {amount} ELSE 0 END)
                FROM petitions p WHERE p.received_on BETWEEN ? AND ? {only_new} GROUP BY p.village""",
            (start.isoformat(), end.isoformat()),
        )
        by_village = {village: (int(total), int(escalated)) for village, total, escalated in rows}
        (not_accepted,) = self.conn.execute(
            f"""SELECT coalesce(sum({amount}), 0) FROM petitions p
                WHERE p.received_on BETWEEN ? AND ? AND p.outcome = 'not_accepted' {only_new}""",
            (start.isoformat(), end.isoformat()),
        ).fetchone()
        return PeriodCounts(by_village, int(not_accepted))

    def handling(self, start: date, end: date, as_of: date):
        from guside_cli.core.counts import Handling

        span, day = (start.isoformat(), end.isoformat()), as_of.isoformat()
        row = self.conn.execute(
            f"""SELECT count(*),
                   coalesce(sum(stage = 'struck_off'), 0),
                   coalesce(sum(status = 'open'), 0),
                   coalesce(sum({rules.overdue(":day")}), 0),
                   coalesce(sum(reopened > 0), 0),
                   coalesce(sum({rules.accepted()} AND {rules.within_24h("contact")}), 0),
                   coalesce(sum({rules.accepted()}), 0),
                   coalesce(sum(stage = 'not_accepted'), 0),
                   coalesce(sum(stage = 'not_accepted_again'), 0),
                   coalesce(sum(concluded_on IS NOT NULL), 0),
                   coalesce(sum({rules.accepted()} AND {rules.has_records()}), 0)
               FROM petitions p WHERE received_on BETWEEN :start AND :end""",
            {"start": span[0], "end": span[1], "day": day},
        ).fetchone()
        middle = self.conn.execute(
            """WITH d AS (SELECT julianday(closed_on) - julianday(received_on) AS days FROM petitions
                          WHERE received_on BETWEEN ? AND ? AND status = 'closed')
               SELECT days FROM d ORDER BY days
               LIMIT 2 - (SELECT count(*) FROM d) % 2 OFFSET ((SELECT count(*) FROM d) - 1) / 2""",
            span,
        ).fetchall()
        registered, closed, open_, overdue, reopened, within_24h, accepted, not_accepted, again, concluded, judged = (
            int(x) for x in row
        )
        return Handling(
            registered,
            closed,
            open_,
            overdue,
            reopened,
            within_24h,
            median_days_middle=tuple(float(m[0]) for m in middle),
            accepted=accepted,
            not_accepted=not_accepted,
            not_accepted_again=again,
            concluded=concluded,
            with_records=judged,
        )

    def breakdown(self, dimension: str, start: date, end: date, measure: str = "items") -> dict[str, int]:
        if dimension not in DIMENSIONS:
            raise InputError(M("report.unknown_breakdown", by=dimension, known=", ".join(DIMENSIONS)))
        key, source = DIMENSIONS[dimension]
        rows = self.conn.execute(
            f"SELECT {key}, sum({_amount(measure)}) FROM {source} WHERE p.received_on BETWEEN ? AND ? GROUP BY 1",
            (start.isoformat(), end.isoformat()),
        )
        return {k: int(n) for k, n in rows}

    def monthly(self, start: date, end: date, measure: str = "items") -> dict[int, int]:
        rows = self.conn.execute(
            f"""SELECT CAST(substr(p.received_on, 6, 2) AS INTEGER), sum({_amount(measure)}) FROM petitions p
                WHERE p.received_on BETWEEN ? AND ? GROUP BY 1""",
            (start.isoformat(), end.isoformat()),
        )
        return {month: int(n) for month, n in rows}

    def overdue_repeats(self, start: date, end: date) -> dict[str, list[str]]:
        """Repeat cases received in the period (重点重复信访: a first petition that came back, or a repeat)
        still open and past due at the period's end. The first petitions of chains are found once, through the
        partial index on repeat_of, not by a lookup per open case."""
        rows = self.conn.execute(
            f"""SELECT p.village, p.number FROM petitions p
               WHERE p.received_on BETWEEN :start AND :end AND p.status = 'open'
                 AND {rules.overdue(":end", as_it_stood=True)}
                 AND (p.repeat_of IS NOT NULL
                      OR p.id IN (SELECT repeat_of FROM petitions WHERE repeat_of IS NOT NULL))
               ORDER BY p.village, p.received_on, p.id""",
            {"start": start.isoformat(), "end": end.isoformat()},
        )
        found: dict[str, list[str]] = {}
        for village, number in rows:
            found.setdefault(village, []).append(number)
        return found

    def lateness(self, by: str, start: date, end: date, day: date) -> list[tuple]:
        """Who is late (包案 and 限期交办), per leader or per responsible unit, for petitions received in the period
        and not refused (不予受理 / 不再受理): (key, held, concluded on time, owed by `day`, overdue on `day`, rated,
        satisfied). Owed (应办结): concluded by `day` or past the handling limit on it; on time: concluded by
        `day` and by the handling limit; satisfied: 满意 or 基本满意 among those rated. key '' is nobody's."""
        key = {"leader": "coalesce(l.name, '')", "unit": "coalesce(p.unit, '')"}[by]
        done = "(p.concluded_on IS NOT NULL AND p.concluded_on <= :day)"
        rows = self.conn.execute(
            f"""SELECT {key}, count(*),
                   coalesce(sum({done} AND p.concluded_on <= p.due_on), 0),
                   coalesce(sum({done} OR p.due_on < :day), 0),
                   coalesce(sum({rules.overdue(":day")}), 0),
                   coalesce(sum(p.satisfaction IS NOT NULL), 0),
                   coalesce(sum(p.satisfaction IN ('satisfied', 'basic')), 0)
               FROM petitions p LEFT JOIN leaders l ON l.id = p.leader_id
               WHERE p.received_on BETWEEN :start AND :end
                 AND p.stage NOT IN ('not_accepted', 'not_accepted_again')
               GROUP BY 1""",
            {"start": start.isoformat(), "end": end.isoformat(), "day": day.isoformat()},
        )
        return [(k, *(int(n) for n in rest)) for k, *rest in rows]

    # --- targets --------------------------------------------------------------------------------------

    def targets(self, year: int) -> tuple[str, str] | None:
        row = self.conn.execute("SELECT total_pct, escalated_pct FROM targets WHERE year = ?", (year,)).fetchone()
        return (row[0], row[1]) if row else None

    def all_targets(self) -> list[tuple[int, str, str]]:
        return [tuple(r) for r in self.conn.execute("SELECT year, total_pct, escalated_pct FROM targets ORDER BY year")]

    def set_targets(self, year: int, total: str, escalated: str) -> None:
        old = self.targets(year)
        self.conn.execute(
            "INSERT INTO targets (year, total_pct, escalated_pct) VALUES (?, ?, ?) "
            "ON CONFLICT (year) DO UPDATE SET total_pct = excluded.total_pct, escalated_pct = excluded.escalated_pct",
            (year, total, escalated),
        )
        self.log(
            None, "target.set", field=str(year), old=" / ".join(old) if old else None, new=f"{total} / {escalated}"
        )


class SummaryMixin(LedgerBase):
    def closed_between(self, start: date, end: date) -> int:
        return self.conn.execute(
            "SELECT count(*) FROM petitions WHERE closed_on BETWEEN ? AND ?", (start.isoformat(), end.isoformat())
        ).fetchone()[0]

    def open_at(self, day: date) -> int:
        """Cases open at the end of `day`: received by then and not closed by then."""
        # two indexed counts rather than one OR over the whole table: open now, or closed only after that day
        return self.conn.execute(
            "SELECT (SELECT count(*) FROM petitions INDEXED BY petitions_open_clocks"
            " WHERE status = 'open' AND received_on <= :day)"
            " + (SELECT count(*) FROM petitions WHERE closed_on > :day AND received_on <= :day)",
            {"day": day.isoformat()},
        ).fetchone()[0]
