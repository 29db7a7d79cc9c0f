"""Who is late, rendered: the per-leader and per-unit tables, their JSON and the sentence a document says."""

from typing import Any

from guside_cli.messages import text
from guside_cli.reports.late import Lateness, LateRow
from guside_cli.reports.report import Report


def _pct(value) -> str:
    from guside_cli.render.report import pct

    return pct(value)


def _one(value) -> float | None:
    from guside_cli.render.report import one_decimal

    return one_decimal(value)


def late_table(late: Lateness, by: str, lang: str) -> tuple[list[str], list[list[str]]]:
    keys = (by, "held", "owed", "on_time", "overdue", "on_time_pct", "satisfaction_pct")
    headers = [text(f"late.h.{k}", lang) for k in keys]
    rows = [
        [
            row.name or text("summary.no_leader" if by == "leader" else "late.nobody", lang),
            str(row.held),
            str(row.owed),
            str(row.on_time),
            str(row.overdue),
            _pct(row.on_time_pct),
            _pct(row.satisfaction_pct),
        ]
        for row in late.rows(by)
    ]
    return headers, rows


def late_sections(r: Report, lang: str) -> list[tuple[str, list[str], list[list[str]]]]:
    return [(text(f"late.s.{by}", lang), *late_table(r.late, by, lang)) for by in ("leader", "unit") if r.late.rows(by)]


def late_note(r: Report, lang: str) -> str:
    return text("late.note", lang, day=r.period.end)


def late_sentence(r: Report, lang: str) -> str:
    """Who holds overdue cases, most first, in one sentence."""
    late = [row for row in r.late.late if row.name]
    if not late:
        return text("late.sentence_none", lang, day=r.period.end)
    sep = "、" if lang == "zh" else ", "
    names = sep.join(text("late.who", lang, name=row.name, overdue=row.overdue) for row in late)
    leaders = text("late.leaders", lang, count=len(late))
    return text("late.sentence", lang, day=r.period.end, leaders=leaders, names=names)


def _row_json(row: LateRow) -> dict[str, Any]:
    return {
        "name": row.name or None,
        "held": row.held,
        "owed": row.owed,
        "on_time": row.on_time,
        "overdue": row.overdue,
        "on_time_pct": _one(row.on_time_pct),
        "rated": row.rated,
        "satisfaction_pct": _one(row.satisfaction_pct),
    }


def late_json(late: Lateness) -> dict[str, Any]:
    return {by: [_row_json(row) for row in late.rows(by)] for by in ("leader", "unit")}
