"""The weekly summary as text, markdown or JSON: plain output that reads well in cron mail."""

from typing import Any

from guside_cli.render.cases import CLOCK_LABELS, display_value
from guside_cli.render.report import comparison_json, pct
from guside_cli.reports.summary import WeeklySummary


def summary_json(s: WeeklySummary) -> dict[str, Any]:
    ytd = s.year_to_date
    return {
        "week": s.week.as_dict(),
        "received": s.received,
        "received_escalated": s.received_escalated,
        "closed": s.closed,
        "open": s.open_at_end,
        "overdue_count": s.overdue_count,
        "overdue": list(s.overdue),
        "due_next_7_days_count": s.due_count,
        "due_next_7_days": list(s.due_next_week),
        "year_to_date": {
            "period": ytd.period.as_dict(),
            "previous_period": ytd.previous_period.as_dict(),
            "total": comparison_json(ytd.total),
            "escalated": comparison_json(ytd.escalated),
            "veto": ytd.vetoed,
            "veto_measure": ytd.veto_measure,
        },
    }


def _t(lang: str, message_id: str, **params: Any) -> str:
    from guside_cli.messages import text

    return text(message_id, lang, **params)


def summary_lines(s: WeeklySummary, town: str, lang: str, *, markdown: bool = False) -> list[str]:
    w, ytd = s.week, s.year_to_date
    head = "## " if markdown else ""
    item = "- " if markdown else "  "
    lines = [
        ("# " if markdown else "") + _t(lang, "summary.title", town=town, start=w.start, end=w.end),
        "",
        item + _t(lang, "summary.received", received=s.received, escalated=s.received_escalated),
        item + _t(lang, "summary.closed", closed=s.closed, open=s.open_at_end),
        item + _t(lang, "summary.overdue_and_due", overdue=s.overdue_count, due=s.due_count),
        "",
        head + _t(lang, "summary.year_to_date", start=ytd.period.start, end=ytd.period.end),
    ]
    for measure, c in (("total", ytd.total), ("escalated", ytd.escalated)):
        # no petitions last year: no baseline to reduce from, so no verdict (as the report says), never 达标
        state = (
            _t(lang, "summary.no_baseline")
            if c.previous == 0
            else _t(lang, "summary.met" if c.met else "summary.not_met")
        )
        lines.append(
            item
            + _t(
                lang,
                "summary.comparison",
                name=_t(lang, f"summary.measure.{measure}"),
                current=c.current,
                previous=c.previous,
                reduction=pct(c.reduction_pct),
                target=pct(c.target_pct),
                state=state,
            )
        )
    vetoed = [v for v in ytd.villages if v.veto]
    if vetoed:  # named as the report names them, with what the veto counted by (its one measure, the clocks)
        from guside_cli.render.judgement import veto_word
        from guside_cli.render.report import bracketed, list_sep, veto_basis, veto_reasons

        named = list_sep(lang).join(bracketed(v.village, veto_reasons(v.veto_reasons, lang), lang) for v in vetoed)
        lines.append(item + f"{veto_word(ytd, lang)}{'：' if lang == 'zh' else ': '}{named}")
        lines.append(item + veto_basis(ytd, vetoed, lang))
    for title, rows, count in (
        ("summary.overdue_title", s.overdue, s.overdue_count),
        ("summary.due_title", s.due_next_week, s.due_count),
    ):
        if rows:
            lines += ["", head + _t(lang, title)]
            lines += [item + _deadline_line(r, lang) for r in rows]
            if count > len(rows):
                lines.append(item + _t(lang, "summary.more", more=count - len(rows)))
    if any(c.get("calendar_gap") for r in (*s.overdue, *s.due_next_week) for c in r["clocks"]):
        legend = _t(lang, "calendar.legend")  # a year the official calendar lacks: counted plain, said so
        lines += ["", "\\" + legend if markdown else legend]  # markdown: a literal *, not a list item
    return lines


def _deadline_line(row: dict[str, Any], lang: str) -> str:
    clocks = ("；" if lang == "zh" else "; ").join(
        f"{CLOCK_LABELS[c['clock']][0 if lang == 'zh' else 1]} {c['due_on']}{'*' if c.get('calendar_gap') else ''}"
        + (_t(lang, "summary.days_overdue", days=c["days_overdue"]) if c["days_overdue"] > 0 else "")
        for c in row["clocks"]
    )
    leader = row["leader"] or _t(lang, "summary.no_leader")
    colon = "：" if lang == "zh" else ": "
    return f"{row['number']} {row['village']} {display_value('level', row['level'], lang)} {leader}{colon}{clocks}"


def as_text(s: WeeklySummary, town: str, lang: str, fmt) -> str:
    import io

    from guside_cli.core.errors import InputError
    from guside_cli.render.output import Format, write_json

    if fmt is Format.json:
        buffer = io.StringIO()
        write_json(summary_json(s), buffer)
        return buffer.getvalue()
    if fmt in (Format.text, Format.markdown, Format.auto):
        return "\n".join(summary_lines(s, town, lang, markdown=fmt is Format.markdown)) + "\n"
    from guside_cli.messages import M

    raise InputError(M("summary.format", format=fmt.value))
