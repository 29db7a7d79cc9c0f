"""The campaign's calendar, reception days and 约谈, rendered: JSON for machines, tables for people."""

from typing import Any

from guside_cli.messages import text
from guside_cli.render.report import list_sep
from guside_cli.reports.campaign import Campaign, ReceptionMonth, share


def _pct(part: int, whole: int) -> float | None:
    value = share(part, whole)
    return None if value is None else float(round(value, 1))


def campaign_json(c: Campaign) -> dict[str, Any]:
    phases = []
    for row in c.phases:
        p, counts = row.phase, row.counts
        item = {
            "code": p.code,
            "label": p.label("zh"),
            "from": p.start.isoformat(),
            "to": p.end.isoformat(),
            "from_plan": p.from_plan,
            **{k: counts[k] for k in ("received", "accepted", "concluded", "struck_off", "overdue")},
        }
        if p.code == "survey":
            e = counts["elements"]
            item["elements"] = {**e, "complete_pct": _pct(e["complete"], e["cases"])}
        phases.append(item)
    return {
        "year": c.year,
        "phases": phases,
        "summaries": {
            "due_on": c.summaries_due.isoformat() if c.summaries_due else None,
            "reported": [{"village": v, "on": on, "late": v in c.late} for v, on in c.reported.items()],
            "missing": list(c.missing),
            "late": list(c.late),
        },
        "survey": list(c.survey),
    }


def campaign_table(c: Campaign, lang: str) -> tuple[list[str], list[list[str]]]:
    keys = ("phase", "dates", "received", "accepted", "concluded", "struck_off", "overdue", "elements")
    headers = [text(f"campaign.h.{k}", lang) for k in keys]
    rows = []
    for row in c.phases:
        p, n = row.phase, row.counts
        elements = ""
        if p.code == "survey":
            e = n["elements"]
            pct = _pct(e["complete"], e["cases"])
            elements = "—" if pct is None else f"{pct:.1f}%"  # the counts are in JSON
        dates = f"{p.start:%m-%d}–{p.end:%m-%d}" + ("*" if p.from_plan else "")
        figures = [str(n[k]) for k in ("received", "accepted", "concluded", "struck_off", "overdue")]
        rows.append([p.label(lang), dates, *figures, elements])
    return headers, rows


def summary_lines(c: Campaign, lang: str) -> list[str]:
    lines = [text("campaign.from_plan", lang)] if any(row.phase.from_plan for row in c.phases) else []
    if c.summaries_due is None:
        return lines
    lines.append(text("campaign.summaries", lang, due=c.summaries_due, n=len(c.reported)))
    if c.late:
        late = list_sep(lang).join(
            f"{v}（{c.reported[v]}）" if lang == "zh" else f"{v} ({c.reported[v]})" for v in c.late
        )
        lines.append(text("rules.summaries_late", lang, n=len(c.late), villages=late))
    if c.overdue_summaries:
        missing = list_sep(lang).join(c.missing) if c.missing else text("campaign.none", lang)
        lines.append(text("campaign.missing", lang, n=len(c.missing), villages=missing))
    return lines


def survey_lines(c: Campaign, lang: str) -> list[str]:
    """The 排查 list (三(二): 列出清单，逐个包案): 到部去省 or handed-down cases since 2017 with no leader, a 销号
    one said so."""
    from guside_cli.core.enums import Status

    if not c.survey:
        return [text("rules.survey_none", lang)]

    def one(r: dict) -> str:
        closed = r["status"] == Status.CLOSED.code
        if lang == "zh":
            return f"{r['number']}（{r['village']}{'，' + Status.CLOSED.label('zh') if closed else ''}）"
        return f"{r['number']} ({Status.CLOSED.label('en')})" if closed else r["number"]

    numbers = list_sep(lang).join(one(r) for r in c.survey)
    return [text("rules.survey", lang, n=len(c.survey), numbers=numbers)]


def reception_json(year: int, months: list[ReceptionMonth]) -> dict[str, Any]:
    return {
        "year": year,
        "months": [
            {
                "month": m.month,
                "held": m.held,
                "receptions": [
                    {k: r[k] for k in ("on_date", "leader", "village", "note", "petitions")} for r in m.receptions
                ],
            }
            for m in months
        ],
        "months_without": [m.month for m in months if not m.held],
    }


def reception_table(months: list[ReceptionMonth], lang: str) -> tuple[list[str], list[list[str]]]:
    headers = [text(f"reception.h.{k}", lang) for k in ("month", "date", "leader", "village", "taken")]
    rows = []
    for m in months:
        month = text("reception.month", lang, month=m.month)
        if not m.held:
            rows.append([month, text("reception.none", lang), "", "", ""])
        for r in m.receptions:
            rows.append([month, r["on_date"], r["leader"], r["village"] or "", str(r["petitions"])])
    return headers, rows
