"""Figures once reported stay reported: `period close` (上报), `period reopen`, `period list`, and the judgement
every write's end makes of the closed periods it touched (services.ledger.writing): a change that would move a
reported figure is refused, named, unless the run gives a correction reason — then it is written and recorded as a
correction to the reported period."""

from guside_cli.core.errors import InputError, RuleViolation
from guside_cli.messages import M
from guside_cli.services.ledger import open_ledger, writing
from guside_cli.services.outcome import Said


def close(run, text: str, *, early: str | None, by: str | None, out=None) -> Said:
    """Close a period: its figures now (both measures, per village and the town's) and a digest of its cases are
    recorded as reported. A period not yet over needs `early` (a reason); a closed one is not closed again."""
    from guside_cli.core.periods import parse_period
    from guside_cli.storage import periods as store

    period = parse_period(text)
    if period.end >= run.today and not early:
        raise InputError(M("period.not_over", period=period.label, end=period.end))
    if out is not None:  # a name the return cannot be written to is refused before anything is closed
        _return_target(out, run)
    with open_ledger(run) as ledger, writing(ledger, run, by):
        before = store.closed_row(ledger, period.label)
        if before is not None and before["reopened_at"] is None:
            at = before["closed_at"][:16].replace("T", " ")
            raise InputError(M("period.already_closed", period=period.label, at=at))
        figures = store.current_figures(ledger, period)
        store.record_close(ledger, period, figures, store.cases_digest(ledger, period), early, run.today)
    town = figures["items"]["town"]
    said = Said(M("period.closed", period=period.label, total=town[0], escalated=town[1]), value=figures)
    if out is not None:
        said.lines.extend(write_return(run, period.label, out).lines)
    return said


def _return_target(out, run) -> None:
    from guside_cli.core.errors import InputError
    from guside_cli.interchange import outfile
    from guside_cli.render.period_return import FORMATS

    if out.suffix.lower() not in FORMATS:
        raise InputError(M("period.return_format", file=out.name))
    outfile.target(out, ledger=run.db)


def write_return(run, text: str, out) -> Said:
    """The return of a closed period, from the figures its close locked (never recounted)."""
    import json
    from datetime import date

    from guside_cli.core.periods import parse_period
    from guside_cli.render.period_return import write_return as write
    from guside_cli.services.report import town_name
    from guside_cli.storage import periods as store

    period = parse_period(text)
    _return_target(out, run)
    with open_ledger(run) as ledger:
        row = store.closed_row(ledger, period.label) if store._has_periods(ledger) else None
        if row is None:
            raise InputError(M("period.not_found", period=period.label))
        town = town_name(ledger)
    closed_on = date.fromisoformat(row["closed_on"] or row["closed_at"][:10])
    write(out, period.label, json.loads(row["figures"]), town, closed_on, run)
    return Said(lines=[M("period.return_written", period=period.label, out=out)])


def reopen(run, text: str, *, reason: str, by: str | None) -> Said:
    from guside_cli.core.periods import parse_period
    from guside_cli.storage import periods as store

    period = parse_period(text)
    with open_ledger(run) as ledger, writing(ledger, run, by):
        row = store.closed_row(ledger, period.label)
        if row is None or row["reopened_at"] is not None:
            raise InputError(M("period.not_closed", period=period.label))
        store.record_reopen(ledger, period.label, reason)
    return Said(M("period.reopened", period=period.label))


def listing(run) -> list[dict]:
    from guside_cli.storage import periods as store

    with open_ledger(run) as ledger:
        return store.all_periods(ledger) if store._has_periods(ledger) else []


def judge_closed_periods(ledger, correction: str | None) -> None:
    """At a write's end: every closed period holding a receipt day this write touched keeps its reported figures,
    or the write is refused naming the period and the figure — unless `correction` (the run's reason), which
    records the correction with the figures it moved and the cases behind it."""
    from guside_cli.core.periods import differences
    from guside_cli.storage import periods as store

    days = store.touched_days(ledger.conn)
    if not days:
        return
    for period, reported in store.closed_periods(ledger, touching=days):
        moved = differences(reported, store.current_figures(ledger, period))
        if not moved:
            continue
        first = moved[0]
        named = M(
            "period.figure",
            where=first.where or M("period.town"),
            figure=M(f"period.figure.{first.figure}"),
            measure=M(f"period.measure.{first.measure}"),
            reported=first.reported,
            now=first.now,
        )
        if not correction:
            row = store.closed_row(ledger, period.label)
            raise RuleViolation(
                M(
                    "period.refused",
                    period=period.label,
                    at=row["closed_at"][:10],
                    figure=named,
                    more=M("period.more", count=len(moved) - 1) if len(moved) > 1 else "",
                )
            )
        changes = [
            {"where": d.where, "figure": d.figure, "measure": d.measure, "reported": d.reported, "now": d.now}
            for d in moved
        ]
        store.record_correction(ledger, period.label, correction, changes, _cases_in(ledger, period))


def _cases_in(ledger, period) -> list[str]:
    """The numbers of the cases this write changed that were received in the period."""
    rows = ledger.conn.execute(
        "SELECT number FROM petitions WHERE id IN (SELECT id FROM temp.guside_dirty_cases) "
        "AND received_on BETWEEN ? AND ? ORDER BY id",
        (period.start.isoformat(), period.end.isoformat()),
    )
    return [r[0] for r in rows]


def reported_beside(ledger, start, end) -> dict | None:
    """For a report on exactly a closed period: what was reported, what the ledger has now, and the corrections
    since — None for any other period."""
    from guside_cli.storage import periods as store

    if not store._has_periods(ledger):
        return None
    row = ledger.conn.execute(
        "SELECT period, figures, closed_at FROM periods WHERE start_on = ? AND end_on = ? AND reopened_at IS NULL",
        (start.isoformat(), end.isoformat()),
    ).fetchone()
    if row is None:
        return None
    import json

    from guside_cli.core.periods import Period

    period = Period(row[0], start, end)
    return {
        "period": row[0],
        "closed_at": row[2],
        "reported": json.loads(row[1]),
        "now": store.current_figures(ledger, period),
        "corrections": store.corrections_of(ledger, row[0]),
    }


def reported_lines(beside: dict) -> list:
    """For a report on a closed period: one line per reported figure the ledger now differs from, with the
    corrections' reasons and cases (已上报 56，现 57：…)."""
    from guside_cli.core.periods import differences

    moved = differences(beside["reported"], beside["now"])
    if not moved:
        return []
    reasons = "；".join(
        f"{c['reason']}（{c['cases']}）" if c["cases"] else c["reason"] for c in beside["corrections"]
    ) or M("period.no_correction")
    lines = []
    for d in moved:
        figure = M("period.figure_named", where=d.where or M("period.town"), figure=M(f"period.figure.{d.figure}"),
                   measure=M(f"period.measure.{d.measure}"))  # fmt: skip
        lines.append(
            M(
                "period.reported_line",
                period=beside["period"],
                reported=d.reported,
                now=d.now,
                figure=figure,
                reasons=reasons,
            )
        )
    return lines


def drift(ledger) -> list:
    """Every closed period whose figures the ledger no longer matches: the lines `summary` prints."""
    from guside_cli.storage import periods as store

    lines = []
    for period, reported in store.closed_periods(ledger):
        beside = {
            "period": period.label,
            "reported": reported,
            "now": store.current_figures(ledger, period),
            "corrections": store.corrections_of(ledger, period.label),
        }
        lines.extend(reported_lines(beside)[:1])  # the first figure of each: the summary is a glance
    return lines
