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
        },
    }


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def summary_lines(s: WeeklySummary, town: str, lang: str, *, markdown: bool = False) -> list[str]:
    w, ytd = s.week, s.year_to_date
    head = "## " if markdown else ""
    item = "- " if markdown else "  "
    lines = [
        ("# " if markdown else "")
        + _t(
            lang,
            f"{town}环境信访周报（{w.start} 至 {w.end}）",
            f"{town} environmental petitions, week {w.start}..{w.end}",
        ),
        "",
        item
        + _t(
            lang,
            f"本周受理 {s.received} 件，其中越级赴京到省 {s.received_escalated} 件",
            f"received {s.received}, of which escalated (province/Beijing) {s.received_escalated}",
        ),
        item
        + _t(
            lang,
            f"本周销号 {s.closed} 件；周末在办 {s.open_at_end} 件",
            f"closed {s.closed}; open at the week's end {s.open_at_end}",
        ),
        item
        + _t(
            lang,
            f"超期 {s.overdue_count} 件；未来 7 天到期 {s.due_count} 件",
            f"overdue {s.overdue_count}; due in the next 7 days {s.due_count}",
        ),
        "",
        head
        + _t(
            lang,
            f"年初至今（{ytd.period.start} 至 {ytd.period.end}，同比）",
            f"Year to date ({ytd.period.start}..{ytd.period.end}, against the same dates last year)",
        ),
    ]
    for name_zh, name_en, c in (("信访总量", "total", ytd.total), ("越级赴京到省", "escalated", ytd.escalated)):
        state = _t(lang, "达标" if c.met else "未达标", "met" if c.met else "NOT met")
        lines.append(
            item
            + _t(
                lang,
                f"{name_zh} {c.current}（去年同期 {c.previous}），降幅 {pct(c.reduction_pct)}，"
                f"目标 {pct(c.target_pct)}：{state}",
                f"{name_en} {c.current} (last year {c.previous}), reduction {pct(c.reduction_pct)}, "
                f"target {pct(c.target_pct)}: {state}",
            )
        )
    vetoed = [v for v in ytd.villages if v.veto]
    if vetoed:
        from guside_cli.render.judgement import VETO_LABELS, veto_word

        named = _t(lang, "、", ", ").join(
            f"{v.village}（{'、'.join(VETO_LABELS[x][0] for x in v.veto_reasons)}）"
            if lang == "zh"
            else f"{v.village} ({', '.join(VETO_LABELS[x][1] for x in v.veto_reasons)})"
            for v in vetoed
        )
        lines.append(item + f"{veto_word(ytd, lang)}：{named}")
    for title_zh, title_en, rows, count in (
        ("超期案件（超期最久的在前）", "Overdue (longest first)", s.overdue, s.overdue_count),
        ("未来 7 天到期", "Due in 7 days", s.due_next_week, s.due_count),
    ):
        if rows:
            lines += ["", head + _t(lang, title_zh, title_en)]
            lines += [item + _deadline_line(r, lang) for r in rows]
            if count > len(rows):
                lines.append(
                    item
                    + _t(
                        lang,
                        f"……另有 {count - len(rows)} 件（guside overdue 查看全部）",
                        f"... and {count - len(rows)} more (guside overdue lists all)",
                    )
                )
    return lines


def _deadline_line(row: dict[str, Any], lang: str) -> str:
    clocks = "；".join(
        f"{CLOCK_LABELS[c['clock']][0 if lang == 'zh' else 1]} {c['due_on']}"
        + (
            _t(lang, f" 超期{c['days_overdue']}天", f" {c['days_overdue']} days overdue")
            if c["days_overdue"] > 0
            else ""
        )
        for c in row["clocks"]
    )
    leader = row["leader"] or _t(lang, "未包案", "no leader")
    return f"{row['number']} {row['village']} {display_value('level', row['level'], lang)} {leader}：{clocks}"


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
    raise InputError(f"summary is written as text, markdown or json, not {fmt.value}")
