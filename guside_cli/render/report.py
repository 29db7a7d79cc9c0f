"""The report, rendered: JSON (the machine contract), text, markdown, CSV, and rich on a terminal.
Rounding to one decimal happens here and nowhere else."""

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from guside_cli.messages import text
from guside_cli.render.judgement import candidates_table, extras_json, extras_table, veto_word
from guside_cli.render.late import late_json, late_sections
from guside_cli.render.report_tables import breakdown_table, monthly_rows, outlook_table
from guside_cli.reports.report import Report
from guside_cli.reports.yoy import Comparison


def one_decimal(value: Decimal | None) -> float | None:
    return None if value is None else float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def comparison_json(c: Comparison) -> dict[str, Any]:
    shown = c.shown_pct()
    return {
        "current": c.current,
        "previous": c.previous,
        "reduction_pct": None if shown is None else float(shown),  # two decimals where one would contradict
        "target_pct": one_decimal(c.target_pct),
        "met": c.met,
    }


def report_json(r: Report) -> dict[str, Any]:
    total, escalated = comparison_json(r.total), comparison_json(r.escalated)
    total["not_accepted"] = {"current": r.not_accepted[0], "previous": r.not_accepted[1]}
    if r.new_only:
        total["new_only"], escalated["new_only"] = (comparison_json(c) for c in r.new_only)
    if r.outlook:
        o = r.outlook
        total |= {"allowance": o.total_allowance, "projected": one_decimal(o.total_projected)}
        escalated |= {"allowance": o.escalated_allowance, "projected": one_decimal(o.escalated_projected)}
    h = r.handling
    out: dict[str, Any] = {
        "year": r.year,
        "period": r.period.as_dict(),
        "previous_period": r.previous_period.as_dict(),
        "measure": r.measure,
        "veto_measure": r.veto_measure,
        "towns": r.towns,
        "met": r.met,
        "final": r.final,
        "total": total,
        "escalated": escalated,
        "villages": [
            {
                "village": v.village,
                "total": comparison_json(v.total),
                "escalated": comparison_json(v.escalated),
                "veto": v.veto,
                "veto_reasons": list(v.veto_reasons),
                "key_cases": list(v.key_cases),
                "key_clocks": [{"number": n, "clock": c, "due_on": d} for n, c, d in v.key_clocks],
                "overdue_repeats": list(v.overdue_repeats),
                **(
                    {
                        "allowance": dict(
                            zip(("total", "escalated"), r.outlook.villages.get(v.village, (None, None)), strict=True)
                        )
                    }
                    if r.outlook
                    else {}
                ),
            }
            for v in r.villages
        ],
        "cases": {
            "registered": h.registered,
            "accepted": h.accepted,
            "not_accepted": h.not_accepted,
            "not_accepted_again": h.not_accepted_again,
            "concluded": h.concluded,
            "closed": h.closed,
            "open": h.open,
            "overdue": h.overdue,
            "reopened": h.reopened,
            "closure_rate_pct": one_decimal(h.closure_rate_pct),
            "median_days_to_close": one_decimal(h.median_days_to_close),
            "contacted_within_24h_pct": one_decimal(h.contacted_within_24h_pct),
            **extras_json(r),
        },
        "key_repeat_candidates": list(r.candidates),
        "monthly": [{"month": m, "current": c, "previous": p} for m, c, p in r.monthly],
        "late": late_json(r.late),
    }
    if r.breakdowns:
        out["breakdown"] = {
            dim: [{"key": k, "current": c, "previous": p, "reduction_pct": one_decimal(red)} for k, c, p, red in rows]
            for dim, rows in r.breakdowns.items()
        }
    return out


# --- for people -----------------------------------------------------------------------------------------


def pct(value: Decimal | None) -> str:
    return "—" if value is None else f"{one_decimal(value):.1f}%"


def share_or_unknown(value: Decimal | None, lang: str) -> str:
    """A 24-hour share; with no records to judge it by, unknown: "—（无记录）", never 0 %."""
    return text("rules.no_records", lang) if value is None else pct(value)


def reduction(c: Comparison) -> str:
    """The reduction as a verdict may print it: two decimals where one would contradict the verdict."""
    shown = c.shown_pct()
    return "—" if shown is None else f"{shown}%"


def met_mark(c: Comparison, lang: str) -> str:
    if c.target_pct is None:
        return ""
    if c.reduction_pct is None and c.current == 0:
        return text("report.no_petitions", lang)
    return text("report.met" if c.met else "report.not_met", lang)


def title(r: Report, town: str, lang: str) -> str:
    p, q = r.period, r.previous_period
    unit = text(f"report.measure.{r.measure}", lang)
    return text(
        "report.title", lang, town=town, start=p.start, end=p.end, prev_start=q.start, prev_end=q.end, unit=unit
    )


def moved_and_state(c: Comparison, lang: str) -> tuple[str, str]:
    """A comparison with a baseline as the verdict words it: 下降29.96% / 上升… and 达标 / 未达标 (one home for the
    report's verdict and the documents' sentences)."""
    assert c.reduction_pct is not None
    shown = c.shown_pct()
    moved = (
        text("report.verdict.down", lang, pct=shown)
        if c.reduction_pct >= 0
        else text("report.verdict.up", lang, pct=-shown)
    )
    return moved, text("report.verdict.met" if c.met else "report.verdict.not_met", lang)


def verdict_sentences(r: Report, lang: str) -> list[str]:
    """The conclusion (结论) as its sentences: the two targets, then the veto and when it is judged."""

    def part(name: str, c: Comparison) -> str:
        if c.reduction_pct is None:
            return text("report.verdict.no_baseline", lang, name=name)
        moved, state = moved_and_state(c, lang)
        return text("report.verdict.part", lang, name=name, moved=moved, target=pct(c.target_pct), state=state)

    total = part(text("report.row.total", lang), r.total)
    sentences = [
        text("report.verdict", lang, total=total, escalated=part(text("report.row.escalated", lang), r.escalated))
    ]
    vetoed = [v for v in r.villages if v.veto]
    if vetoed:
        named = list_sep(lang).join(bracketed(v.village, veto_reasons(v.veto_reasons, lang), lang) for v in vetoed)
        sentences.append(
            text("report.verdict.veto" if r.final else "report.verdict.veto_warning", lang, villages=named)
        )
        sentences.append(veto_basis(r, vetoed, lang) + ("。" if lang == "zh" else "."))
    return sentences


def veto_basis(r: Report, vetoed, lang: str) -> str:
    """What the veto counted by: its one measure (件次 unless the office's setting says otherwise), and each key
    repeat case with the clock that runs past its due date."""
    clocks = [
        text("rules.key_clock", lang, number=n, clock=text(f"rules.clock.{c}", lang), due=d)
        for v in vetoed
        for n, c, d in v.key_clocks
    ]
    measure = text(f"report.measure.{r.veto_measure}", lang)
    said = text("rules.veto_measure", lang, measure=measure)
    return said + (text("rules.veto_key_clocks", lang, clocks=list_sep(lang).join(clocks)) if clocks else "")


def verdict(r: Report, lang: str) -> str:
    return ("" if lang == "zh" else " ").join(verdict_sentences(r, lang))


def whole(r: Report, lang: str, *, inline: bool = False) -> str:
    """What the report's figures are the whole of: 全镇, or in a county ledger the towns it adds up (as a heading,
    or `inline` in a sentence: 现将…各镇（共3个）环境信访情况…)."""
    if r.towns <= 1:
        return text("report.s.town", lang)
    return text("report.in.towns" if inline else "report.s.towns", lang, n=r.towns)


def list_sep(lang: str) -> str:
    """Items of a list run together: 、 in Chinese, a comma in English (punctuation, not words)."""
    return "、" if lang == "zh" else ", "


def bracketed(name: str, note: str, lang: str) -> str:
    return f"{name}（{note}）" if lang == "zh" else f"{name} ({note})"


def clause_sep(lang: str) -> str:
    return "；" if lang == "zh" else "; "


def veto_reasons(reasons, lang: str) -> str:
    return list_sep(lang).join(text(f"report.veto_reason.{x}", lang) for x in reasons)


def town_table(r: Report, lang: str) -> tuple[list[str], list[list[str]]]:
    headers = [text(f"report.h.{k}", lang) for k in ("measure", "current", "previous", "reduction", "target", "met")]
    rows = [
        [text("report.row.total", lang), *_cells(r.total, lang)],
        [text("report.row.escalated", lang), *_cells(r.escalated, lang)],
        [text("report.row.not_accepted", lang), str(r.not_accepted[0]), str(r.not_accepted[1]), "", "", ""],
    ]
    if r.new_only:
        rows.append([text("report.row.total_new", lang), *_cells(r.new_only[0], lang)])
        rows.append([text("report.row.escalated_new", lang), *_cells(r.new_only[1], lang)])
    return headers, rows


def _cells(c: Comparison, lang: str) -> list[str]:
    return [str(c.current), str(c.previous), reduction(c), pct(c.target_pct), met_mark(c, lang)]


def village_table(r: Report, lang: str) -> tuple[list[str], list[list[str]]]:
    """Figures, change, the veto and its reasons; 达标 columns only when the office set village targets."""
    targets = r.village_targets
    names = ["village", "total", "prev", "change", *(["met"] if targets else [])]
    names += ["escalated", "prev", "change", *(["met"] if targets else [])]
    headers = [text(f"report.h.{k}", lang) for k in names]
    headers += [veto_word(r, lang), text("report.h.overdue_repeats", lang)]
    rows = []
    for v in r.villages:
        cells = [v.village, str(v.total.current), str(v.total.previous), _change(v.total.rise)]
        cells += [met_mark(v.total, lang)] if targets else []
        cells += [str(v.escalated.current), str(v.escalated.previous), _change(v.escalated.rise)]
        cells += [met_mark(v.escalated, lang)] if targets else []
        cells.append(veto_reasons(v.veto_reasons, lang))
        cells.append(_numbers(v.key_cases or v.overdue_repeats, lang))
        rows.append(cells)
    return headers, rows


def _change(rise: int) -> str:
    return f"+{rise}" if rise > 0 else str(rise) if rise < 0 else "0"


def _numbers(numbers: tuple[str, ...], lang: str, shown: int = 3) -> str:
    """A count and the first few case numbers: the full list is in JSON."""
    if not numbers:
        return ""
    head = list_sep(lang).join(numbers[:shown]) + ("…" if len(numbers) > shown else "")
    return text("report.numbers", lang, count=len(numbers), numbers=head)


def handling_table(r: Report, lang: str) -> tuple[list[str], list[list[str]]]:
    h = r.handling
    median = "—" if h.median_days_to_close is None else f"{one_decimal(h.median_days_to_close):.1f}"
    pairs = [
        ("registered", str(h.registered)),
        ("accepted", str(h.accepted)),
        ("not_accepted", str(h.not_accepted)),
        ("not_accepted_again", str(h.not_accepted_again)),
        ("concluded", str(h.concluded)),
        ("closed", str(h.closed)),
        ("closure_rate", pct(h.closure_rate_pct)),
        ("open", str(h.open)),
        ("overdue", str(h.overdue)),
        ("reopened", str(h.reopened)),
        ("median_days", median),
        ("contacted_24h", share_or_unknown(h.contacted_within_24h_pct, lang)),
    ]
    return [text(f"report.handling.{p[0]}", lang) for p in pairs], [[p[1] for p in pairs]]


def sections(r: Report, town: str, lang: str, *, chart: bool) -> list[tuple[str, list[str], list[list[str]]]]:
    out = [
        (whole(r, lang), *town_table(r, lang)),
        (text("report.s.villages", lang), *village_table(r, lang)),
        (text("report.s.handling", lang), *handling_table(r, lang)),
    ]
    out += late_sections(r, lang)
    if r.extras:
        out.append((text("report.s.extras", lang), *extras_table(r, lang)))
    if r.candidates:
        out.append((text("report.s.candidates", lang), *candidates_table(r, lang)))
    if r.outlook:
        out.append((text("report.s.outlook", lang), *outlook_table(r, lang)))
    for dim, rows in r.breakdowns.items():
        out.append((text("report.s.breakdown", lang), *breakdown_table(dim, rows, lang)))
    if chart and r.monthly:
        out.append((text("report.s.monthly", lang), *monthly_rows(r, lang)))
    return out


def markdown(r: Report, town: str, lang: str) -> str:
    from tabulate import tabulate

    from guside_cli.render.output import md_rows

    parts = [f"# {title(r, town, lang)}", "", f"**{verdict(r, lang)}**", ""]
    for name, headers, rows in sections(r, town, lang, chart=False):
        table = tabulate(md_rows(rows), headers=headers, tablefmt="github", disable_numparse=True)
        parts += [f"## {name}", "", table, ""]
    return "\n".join(parts)


def csv_rows(r: Report) -> tuple[list[str], list[list[Any]]]:
    """One row for the town, one per village: codes and unrounded-free figures for spreadsheets."""
    headers = [
        "village",
        "total_current",
        "total_previous",
        "total_reduction_pct",
        "total_met",
        "escalated_current",
        "escalated_previous",
        "escalated_reduction_pct",
        "escalated_met",
        "veto",
    ]

    def row(name: str, t: Comparison, e: Comparison, veto: bool | str) -> list[Any]:
        return [
            name,
            t.current,
            t.previous,
            t.shown_pct(),
            t.met,
            e.current,
            e.previous,
            e.shown_pct(),
            e.met,
            veto,
        ]

    rows = [row("(town)", r.total, r.escalated, "")]
    rows += [row(v.village, v.total, v.escalated, v.veto) for v in r.villages]
    return headers, [["" if x is None else str(x).lower() if isinstance(x, bool) else x for x in rw] for rw in rows]


def as_text(r: Report, town: str, lang: str, fmt) -> str:
    """The whole report as one string in a file format: json, markdown, csv or text."""
    import io

    from guside_cli.render import output
    from guside_cli.render.output import Format

    buffer = io.StringIO()
    if fmt is Format.json:
        output.write_json(report_json(r), buffer)
    elif fmt is Format.markdown:
        buffer.write(markdown(r, town, lang) + "\n")
    elif fmt is Format.csv:
        output.print_table(*csv_rows(r), Format.csv, out=buffer)
    else:
        buffer.write(f"{title(r, town, lang)}\n{verdict(r, lang)}\n\n")
        for name, headers, rows in sections(r, town, lang, chart=False):
            output.print_table(headers, rows, Format.text, title=name, out=buffer)
            buffer.write("\n")
    return buffer.getvalue()


def print_rich(r: Report, town: str, lang: str, *, page: bool = True) -> None:
    """On a terminal: rich tables and the month-by-month chart, through the pager unless `page` is off (never
    when piped). The heading and the conclusion are wrapped between clauses, never inside a figure."""
    from guside_cli.render import output
    from guside_cli.render.paragraphs import print_paragraphs

    target = output.console()
    with output.pager(target, page):  # a whole report runs longer than a screen
        print_paragraphs(target, (title(r, town, lang), verdict(r, lang)), style="bold")
        for name, headers, rows in sections(r, town, lang, chart=True):
            target.print(output.fitted_table(headers, rows, target.width, title=name))
