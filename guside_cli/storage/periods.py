"""Reported periods (上报) in the ledger: what was closed, reopened and corrected, and the figures of a period as
the ledger has them now (the same counts the report makes: storage.reports.period_counts)."""

import json
from datetime import date

from guside_cli.core.periods import MEASURES, Period, figures_of


def current_figures(ledger, period: Period) -> dict:
    """The period's figures now: per village and the town's, in both measures (件次 and 人次)."""
    return figures_of({m: ledger.period_counts(period.start, period.end, m).by_village for m in MEASURES})


def cases_digest(ledger, period: Period) -> str:
    """A digest of the cases behind the figures (uid, village, level, persons of each case received in it)."""
    import hashlib

    rows = ledger.conn.execute(
        "SELECT uid, village, level, persons FROM petitions WHERE received_on BETWEEN ? AND ? ORDER BY uid",
        (period.start.isoformat(), period.end.isoformat()),
    )
    return hashlib.sha256(json.dumps([list(r) for r in rows], ensure_ascii=False).encode()).hexdigest()


def closed_row(ledger, label: str):
    return ledger.conn.execute("SELECT * FROM periods WHERE period = ?", (label,)).fetchone()


def record_close(ledger, period: Period, figures: dict, digest: str, early: str | None, day: date) -> None:
    """Close (or close again, after a reopening) a period with what is reported now, on the business day `day`."""
    ledger.conn.execute(
        """INSERT INTO periods (period, start_on, end_on, figures, cases, closed_at, closed_by, early, closed_on)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (period) DO UPDATE SET figures = excluded.figures, cases = excluded.cases,
             closed_at = excluded.closed_at, closed_by = excluded.closed_by, early = excluded.early,
             closed_on = excluded.closed_on, reopened_at = NULL, reopened_by = NULL, reopen_reason = NULL""",
        (
            period.label,
            period.start.isoformat(),
            period.end.isoformat(),
            json.dumps(figures, ensure_ascii=False, sort_keys=True),
            digest,
            ledger.at,
            ledger.actor,
            early,
            day.isoformat(),
        ),
    )
    ledger.log(None, "period.close", field=period.label, new=digest[:16], note=early)


def record_reopen(ledger, label: str, reason: str) -> None:
    ledger.conn.execute(
        "UPDATE periods SET reopened_at = ?, reopened_by = ?, reopen_reason = ? WHERE period = ?",
        (ledger.at, ledger.actor, reason, label),
    )
    ledger.log(None, "period.reopen", field=label, note=reason)


def record_correction(ledger, label: str, reason: str, changes: list[dict], cases: list[str]) -> None:
    ledger.conn.execute(
        "INSERT INTO period_corrections (period, at, by_name, reason, changes, cases) VALUES (?, ?, ?, ?, ?, ?)",
        (label, ledger.at, ledger.actor, reason, json.dumps(changes, ensure_ascii=False), "、".join(cases) or None),
    )
    ledger.log(None, "period.correction", field=label, note=reason)


def closed_periods(ledger, *, touching: list[date] | None = None) -> list[tuple[Period, dict]]:
    """Periods closed and not reopened (with their reported figures); with `touching`, those holding one of
    the days."""
    if not _has_periods(ledger):
        return []
    rows = ledger.conn.execute(
        "SELECT period, start_on, end_on, figures FROM periods WHERE reopened_at IS NULL ORDER BY start_on, period"
    ).fetchall()
    found = []
    for label, start, end, figures in rows:
        period = Period(label, date.fromisoformat(start), date.fromisoformat(end))
        if touching is None or any(period.holds(day) for day in touching):
            found.append((period, json.loads(figures)))
    return found


def all_periods(ledger) -> list[dict]:
    rows = ledger.conn.execute("SELECT * FROM periods ORDER BY start_on, period").fetchall()
    out = []
    for row in rows:
        corrections = ledger.conn.execute(
            "SELECT at, by_name, reason, changes, cases FROM period_corrections WHERE period = ? ORDER BY id",
            (row["period"],),
        ).fetchall()
        out.append(
            {
                **{k: row[k] for k in row.keys() if k not in ("figures", "cases")},  # noqa: SIM118  (a Row iterates values)
                "figures": json.loads(row["figures"]),
                "corrections": [
                    {"at": c[0], "by": c[1], "reason": c[2], "changes": json.loads(c[3]), "cases": c[4]}
                    for c in corrections
                ],
            }
        )
    return out


def corrections_of(ledger, label: str) -> list[dict]:
    rows = ledger.conn.execute(
        "SELECT at, by_name, reason, cases FROM period_corrections WHERE period = ? ORDER BY id", (label,)
    )
    return [{"at": r[0], "by": r[1], "reason": r[2], "cases": r[3]} for r in rows]


def _has_periods(ledger) -> bool:
    return (
        ledger.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'periods'").fetchone()
        is not None
    )


DAYS, _BARE_DAYS = "temp.guside_touched_days", "guside_touched_days"


def track_days(conn) -> None:
    """While a period is closed: note the receipt days (before and after) of every case a write adds, moves or
    changes in what the figures count (village, level, persons), so the write's end can judge the closed periods
    holding them. No closed period, no notes (and no cost)."""
    conn.execute(f"CREATE TABLE IF NOT EXISTS {DAYS} (day TEXT PRIMARY KEY)")
    conn.execute(f"DELETE FROM {DAYS}")
    closed = (
        conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'periods'").fetchone()
        and conn.execute("SELECT 1 FROM periods WHERE reopened_at IS NULL LIMIT 1").fetchone()
    )
    if not closed:
        for op in ("insert", "update", "delete"):
            conn.execute(f'DROP TRIGGER IF EXISTS temp."guside_days_{op}"')
        return

    def note(row: str) -> str:
        return (
            f"INSERT INTO {_BARE_DAYS} SELECT {row}.received_on WHERE NOT EXISTS "
            f"(SELECT 1 FROM {_BARE_DAYS} WHERE day = {row}.received_on);"
        )

    triggers = {
        "insert": f"AFTER INSERT ON main.petitions BEGIN {note('NEW')} END",
        "update": "AFTER UPDATE OF received_at, received_on, village, level, persons, town ON main.petitions "
        f"BEGIN {note('OLD')} {note('NEW')} END",
        "delete": f"AFTER DELETE ON main.petitions BEGIN {note('OLD')} END",
    }
    for op, body in triggers.items():
        conn.execute(f'CREATE TEMP TRIGGER IF NOT EXISTS "guside_days_{op}" {body}')


def touched_days(conn) -> list[date]:
    exists = conn.execute("SELECT 1 FROM temp.sqlite_master WHERE name = 'guside_touched_days'").fetchone()
    if not exists:
        return []
    return [date.fromisoformat(r[0]) for r in conn.execute(f"SELECT day FROM {DAYS} ORDER BY day")]
