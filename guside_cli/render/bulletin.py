"""The supervision bulletin as JSON, text, markdown or one self-contained HTML page, for printing and circulating."""

import html
from typing import Any

from guside_cli.messages import text
from guside_cli.render.late import late_json, late_note, late_sections, late_sentence
from guside_cli.render.report import (
    clause_sep,
    comparison_json,
    list_sep,
    one_decimal,
    pct,
    title,
    verdict,
    village_table,
)
from guside_cli.reports.bulletin import Bulletin


def bulletin_json(b: Bulletin) -> dict[str, Any]:
    r = b.report
    return {
        "year": r.year,
        "period": r.period.as_dict(),
        "previous_period": r.previous_period.as_dict(),
        "total": comparison_json(r.total),
        "escalated": comparison_json(r.escalated),
        "villages": [
            {
                "village": v.village,
                "total": comparison_json(v.total),
                "escalated": comparison_json(v.escalated),
                "veto": v.veto,
                "veto_reasons": list(v.veto_reasons),
            }
            for v in r.villages
        ],
        "final": r.final,
        "rise_threshold": {"count": b.rise[0], "pct": one_decimal(b.rise[1])},
        "interviews": {
            "held": [i for i in b.interviews if i["held_on"]],
            "owed": [{k: i[k] for k in ("bulletin_on", "village")} for i in b.interviews if not i["held_on"]],
        },
        "closure_threshold_pct": one_decimal(b.closure_threshold_pct),
        "late": late_json(r.late),
        "named": [
            {
                "village": n.village,
                "reasons": list(n.reasons),
                "action": "interview" if n.interview else "supervise",
                "cases": list(n.cases),
                "cases_by_reason": {k: list(v) for k, v in n.cases_by_reason.items()},
                "closure_rate_pct": one_decimal(n.closure_rate_pct),
            }
            for n in b.named
        ],
        "downgrade": [
            {k: d[k] for k in ("enterprise", "rating", "should_be", "cases")} | {"reasons": d["reasons"]}
            for d in b.downgrade
        ],
    }


def reasons_named(b: Bulletin, reasons, lang: str) -> str:
    """Why a village is named; a veto trigger before the year is judged is a warning (预警), as the report says."""
    final = b.report.final
    return clause_sep(lang).join(
        text(f"bulletin.reason.{r}" if r != "veto" or final else "bulletin.reason.veto_warning", lang) for r in reasons
    )


def _named_lines(b: Bulletin, lang: str, bullet: str) -> list[str]:
    lines = []
    for n in b.named:
        reasons = reasons_named(b, n.reasons, lang)
        cases = list_sep(lang).join(n.cases[:12]) + ("…" if len(n.cases) > 12 else "")
        action = text("bulletin.action.interview" if n.interview else "bulletin.action.supervise", lang)
        lines.append(
            bullet + text("bulletin.named", lang, village=n.village, action=action, reasons=reasons, cases=cases)
        )
    return lines or [bullet + text("bulletin.none", lang)]


def _interview_lines(b: Bulletin, lang: str, bullet: str) -> list[str]:
    lines = []
    for i in b.interviews:
        named = {"village": i["village"], "named_on": i["bulletin_on"]}
        if i["held_on"]:
            line = text("bulletin.interview_held", lang, **named, held_on=i["held_on"], held_by=i["held_by"])
        else:
            line = text("bulletin.interview_owed", lang, **named)
        lines.append(bullet + line)
    return lines or [bullet + text("bulletin.none", lang)]


def _downgrade_lines(b: Bulletin, lang: str, bullet: str) -> list[str]:
    from guside_cli.core.enums import Rating

    return [
        bullet
        + text(
            "bulletin.downgrade",
            lang,
            enterprise=d["enterprise"],
            rating=Rating(d["rating"]).label(lang),
            should_be=Rating(d["should_be"]).label(lang),
            why=list_sep(lang).join(d["cases"]) or clause_sep(lang).join(d["reasons"]),
        )
        for d in b.downgrade
    ] or [bullet + text("bulletin.none", lang)]


def as_text(b: Bulletin, town: str, lang: str, *, markdown: bool) -> str:
    from tabulate import tabulate

    from guside_cli.render.output import md_rows

    h1, h2, bullet = ("# ", "## ", "- ") if markdown else ("", "", "  ")
    r = b.report
    headers, rows = village_table(r, lang)
    parts = [
        h1 + text("bulletin.heading", lang, town=town),
        "",
        title(r, town, lang),
        "",
        verdict(r, lang),
        "",
        h2 + text("bulletin.s.ranked", lang),
        "",
        tabulate(
            md_rows(rows) if markdown else rows,
            headers=headers,
            tablefmt="github" if markdown else "simple",
            disable_numparse=True,
        ),
        "",
        h2 + text("bulletin.s.named", lang),
        "",
        *_named_lines(b, lang, bullet),
        "",
        text("bulletin.closure_threshold", lang, pct=pct(b.closure_threshold_pct)),
        text("bulletin.rise_rule", lang, count=b.rise[0], share=b.rise[1]),
        "",
        *_late_text(b, lang, h2, markdown),
        h2 + text("bulletin.s.interviews", lang),
        "",
        *_interview_lines(b, lang, bullet),
        "",
        h2 + text("bulletin.s.downgrade", lang),
        "",
        *_downgrade_lines(b, lang, bullet),
        "",
    ]
    return "\n".join(parts)


def _late_text(b: Bulletin, lang: str, h2: str, markdown: bool) -> list[str]:
    from tabulate import tabulate

    from guside_cli.render.output import md_rows

    parts = []
    for name, headers, rows in late_sections(b.report, lang):
        table = tabulate(
            md_rows(rows) if markdown else rows,
            headers=headers,
            tablefmt="github" if markdown else "simple",
            disable_numparse=True,
        )
        parts += [h2 + name, "", table, ""]
    if parts:
        parts += [late_sentence(b.report, lang), late_note(b.report, lang), ""]
    return parts


def print_rich(b: Bulletin, town: str, lang: str, *, page: bool = True) -> None:
    """On a terminal: the bulletin's paragraphs and lists wrapped between clauses, the ranking as a table that fits,
    through the pager unless `page` is off (never when piped)."""
    from guside_cli.render import output
    from guside_cli.render.paragraphs import print_paragraphs

    r = b.report
    target = output.console()

    def section(heading: str, items: list[str]) -> None:
        target.print()
        print_paragraphs(target, [heading], style="bold")
        print_paragraphs(target, items, bullet="- ")

    with output.pager(target, page):  # a bulletin runs longer than a screen
        print_paragraphs(target, [text("bulletin.heading", lang, town=town)], style="bold")
        target.print()
        print_paragraphs(target, [title(r, town, lang)])
        print_paragraphs(target, [verdict(r, lang)], style="bold")
        target.print()
        print_paragraphs(target, [text("bulletin.s.ranked", lang)], style="bold")
        target.print(output.fitted_table(*village_table(r, lang), target.width))
        section(text("bulletin.s.named", lang), _named_lines(b, lang, ""))
        print_paragraphs(
            target,
            [
                text("bulletin.closure_threshold", lang, pct=pct(b.closure_threshold_pct)),
                text("bulletin.rise_rule", lang, count=b.rise[0], share=b.rise[1]),
            ],
        )
        for name, headers, rows in late_sections(r, lang):
            target.print()
            target.print(output.fitted_table(headers, rows, target.width, title=name))
        print_paragraphs(target, [late_sentence(r, lang), late_note(r, lang)])
        section(text("bulletin.s.interviews", lang), _interview_lines(b, lang, ""))
        section(text("bulletin.s.downgrade", lang), _downgrade_lines(b, lang, ""))


def as_html(b: Bulletin, town: str, lang: str) -> str:
    r = b.report
    headers, rows = village_table(r, lang)
    esc = html.escape
    table = html_table(headers, rows)
    named = "".join(f"<li>{esc(line)}</li>" for line in _named_lines(b, lang, ""))
    named += f"<p>{esc(text('bulletin.rise_rule', lang, count=b.rise[0], share=b.rise[1]))}</p>"
    talks = "".join(f"<li>{esc(line)}</li>" for line in _interview_lines(b, lang, ""))
    down = "".join(f"<li>{esc(line)}</li>" for line in _downgrade_lines(b, lang, ""))
    heading = esc(text("bulletin.heading", lang, town=town))
    late = "".join(f"<h2>{esc(name)}</h2>{html_table(headers, rows)}" for name, headers, rows in late_sections(r, lang))
    late += f"<p>{esc(late_sentence(r, lang))}</p><p>{esc(late_note(r, lang))}</p>"
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{heading}</title><style>'
        "body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}"
        "th,td{border:1px solid #999;padding:.3em .6em}th{background:#eee}.verdict{font-weight:bold}"
        "@media print{body{margin:0}}</style></head>\n<body>"
        f'<h1>{heading}</h1><p>{esc(title(r, town, lang))}</p><p class="verdict">{esc(verdict(r, lang))}</p>'
        f"<h2>{esc(text('bulletin.s.ranked', lang))}</h2>{table}"
        f"<h2>{esc(text('bulletin.s.named', lang))}</h2><ul>{named}</ul>"
        f"{late}<h2>{esc(text('bulletin.s.interviews', lang))}</h2><ul>{talks}</ul>"
        f"<h2>{esc(text('bulletin.s.downgrade', lang))}</h2><ul>{down}</ul>"
        "</body></html>\n"
    )


def html_table(headers: list[str], rows: list[list]) -> str:
    esc = html.escape
    return (
        "<table><thead><tr>"
        + "".join(f"<th>{esc(h)}</th>" for h in headers)
        + "</tr></thead><tbody>"
        + "".join("<tr>" + "".join(f"<td>{esc(str(c))}</td>" for c in row) + "</tr>" for row in rows)
        + "</tbody></table>"
    )
