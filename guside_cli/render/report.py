"""The report, rendered: JSON (the machine contract), text, markdown, CSV, and rich on a terminal.
Rounding to one decimal happens here and nowhere else."""

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from guside_cli.reports.report import Report
from guside_cli.reports.yoy import Comparison

MEASURE_LABELS = {"items": ("件次", "petitions"), "persons": ("人次", "person-times")}


def one_decimal(value: Decimal | None) -> float | None:
    return None if value is None else float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def comparison_json(c: Comparison) -> dict[str, Any]:
    return {
        "current": c.current,
        "previous": c.previous,
        "reduction_pct": one_decimal(c.reduction_pct),
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
        "met": r.met,
        "total": total,
        "escalated": escalated,
        "villages": [
            {
                "village": v.village,
                "total": comparison_json(v.total),
                "escalated": comparison_json(v.escalated),
                "veto": v.veto,
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
            "closed": h.closed,
            "open": h.open,
            "overdue": h.overdue,
            "reopened": h.reopened,
            "closure_rate_pct": one_decimal(h.closure_rate_pct),
            "median_days_to_close": one_decimal(h.median_days_to_close),
            "contacted_within_24h_pct": one_decimal(h.contacted_within_24h_pct),
        },
        "monthly": [{"month": m, "current": c, "previous": p} for m, c, p in r.monthly],
    }
    if r.breakdowns:
        out["breakdown"] = {
            dim: [{"key": k, "current": c, "previous": p, "reduction_pct": one_decimal(red)} for k, c, p, red in rows]
            for dim, rows in r.breakdowns.items()
        }
    return out


# --- for people -----------------------------------------------------------------------------------------


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def pct(value: Decimal | None) -> str:
    return "—" if value is None else f"{one_decimal(value):.1f}%"


def met_mark(c: Comparison, lang: str) -> str:
    if c.reduction_pct is None and c.current == 0:
        return _t(lang, "无信访", "none")
    return _t(lang, "✓ 达标", "✓ met") if c.met else _t(lang, "✗ 未达标", "✗ not met")


def title(r: Report, town: str, lang: str) -> str:
    unit = MEASURE_LABELS[r.measure][0 if lang == "zh" else 1]
    p, q = r.period, r.previous_period
    return _t(
        lang,
        f"{town}环境信访同比情况（{p.start} 至 {p.end}，对比 {q.start} 至 {q.end}，{unit}）",
        f"{town} environmental petitions, {p.start}..{p.end} against {q.start}..{q.end} ({unit})",
    )


def verdict(r: Report, lang: str) -> str:
    def part(name_zh: str, name_en: str, c: Comparison) -> str:
        if c.reduction_pct is None:
            return _t(lang, f"{name_zh}去年同期为零，无基数", f"{name_en}: no baseline last year")
        change = c.reduction_pct
        moved = (
            _t(lang, f"下降{pct(change)}", f"down {pct(change)}")
            if change >= 0
            else _t(lang, f"上升{pct(-change)}", f"up {pct(-change)}")
        )
        target = pct(c.target_pct)
        return _t(
            lang,
            f"{name_zh}{moved}（目标{target}）{'达标' if c.met else '未达标'}",
            f"{name_en} {moved} (target {target}): {'met' if c.met else 'NOT met'}",
        )

    parts = [part("信访总量", "total", r.total), part("越级赴京到省", "escalated (province/Beijing)", r.escalated)]
    line = _t(lang, "结论：", "Verdict: ") + _t(lang, "；", "; ").join(parts) + _t(lang, "。", ".")
    if r.vetoed:
        line += _t(
            lang, f" 一票否决（越级上升）：{'、'.join(r.vetoed)}。", f" Veto (escalated rose): {', '.join(r.vetoed)}."
        )
    return line


def town_table(r: Report, lang: str) -> tuple[list[str], list[list[str]]]:
    headers = [
        _t(lang, h[0], h[1])
        for h in (
            ("指标", "measure"),
            ("本期", "current"),
            ("去年同期", "previous"),
            ("降幅", "reduction"),
            ("目标", "target"),
            ("达标", "met"),
        )
    ]
    rows = [
        [_t(lang, "信访总量", "total"), *_cells(r.total, lang)],
        [_t(lang, "越级赴京到省", "escalated (province/Beijing)"), *_cells(r.escalated, lang)],
        [_t(lang, "其中不予受理", "of which not accepted"), str(r.not_accepted[0]), str(r.not_accepted[1]), "", "", ""],
    ]
    if r.new_only:
        rows.append([_t(lang, "总量（不含重复信访）", "total without repeats"), *_cells(r.new_only[0], lang)])
        rows.append([_t(lang, "越级（不含重复信访）", "escalated without repeats"), *_cells(r.new_only[1], lang)])
    return headers, rows


def _cells(c: Comparison, lang: str) -> list[str]:
    return [str(c.current), str(c.previous), pct(c.reduction_pct), pct(c.target_pct), met_mark(c, lang)]


def village_table(r: Report, lang: str) -> tuple[list[str], list[list[str]]]:
    headers = [
        _t(lang, h[0], h[1])
        for h in (
            ("属地", "village"),
            ("总量", "total"),
            ("同期", "prev"),
            ("降幅", "reduction"),
            ("达标", "met"),
            ("越级", "escalated"),
            ("同期", "prev"),
            ("降幅", "reduction"),
            ("达标", "met"),
            ("一票否决", "veto"),
            ("重点重复信访超期", "overdue repeats"),
        )
    ]
    rows = [
        [
            v.village,
            str(v.total.current),
            str(v.total.previous),
            pct(v.total.reduction_pct),
            met_mark(v.total, lang),
            str(v.escalated.current),
            str(v.escalated.previous),
            pct(v.escalated.reduction_pct),
            met_mark(v.escalated, lang),
            _t(lang, "是", "yes") if v.veto else "",
            _numbers(v.overdue_repeats, lang),
        ]
        for v in r.villages
    ]
    return headers, rows


def _numbers(numbers: tuple[str, ...], lang: str, shown: int = 3) -> str:
    """A count and the first few case numbers: the full list is in JSON."""
    if not numbers:
        return ""
    head = "、".join(numbers[:shown]) + ("…" if len(numbers) > shown else "")
    return _t(lang, f"{len(numbers)} 件：{head}", f"{len(numbers)}: {head}")


def handling_table(r: Report, lang: str) -> tuple[list[str], list[list[str]]]:
    h = r.handling
    median = "—" if h.median_days_to_close is None else f"{one_decimal(h.median_days_to_close):.1f}"
    pairs = [
        (_t(lang, "登记", "registered"), str(h.registered)),
        (_t(lang, "已销号", "closed"), str(h.closed)),
        (_t(lang, "销号率", "closure rate"), pct(h.closure_rate_pct)),
        (_t(lang, "在办", "open"), str(h.open)),
        (_t(lang, "超期", "overdue"), str(h.overdue)),
        (_t(lang, "重新打开", "reopened"), str(h.reopened)),
        (_t(lang, "办结天数中位数", "median days to close"), median),
        (_t(lang, "24小时内联系信访人", "contacted within 24h"), pct(h.contacted_within_24h_pct)),
    ]
    return [p[0] for p in pairs], [[p[1] for p in pairs]]


def breakdown_table(dim: str, rows: list, lang: str) -> tuple[list[str], list[list[str]]]:
    from guside_cli.core.records import field_label
    from guside_cli.render.cases import display_value

    headers = [
        field_label(dim, lang),
        _t(lang, "本期", "current"),
        _t(lang, "去年同期", "previous"),
        _t(lang, "降幅", "reduction"),
    ]
    body = []
    for key, cur, prev, reduction in rows:
        label = (
            key
            if dim in ("leader", "village", "town")
            else display_value(dim, [key] if dim == "pollution" else key, lang)
            if key
            else ""
        )
        body.append([label or _t(lang, "（未填）", "(not recorded)"), str(cur), str(prev), pct(reduction)])
    return headers, body


def outlook_table(r: Report, lang: str) -> tuple[list[str], list[list[str]]]:
    o = r.outlook
    headers = [
        _t(lang, h[0], h[1])
        for h in (("指标", "measure"), ("全年上限内尚可", "allowance left"), ("全年预测", "projected year end"))
    ]

    def left(n: int | None) -> str:
        return "—" if n is None else str(n)

    rows = [
        [_t(lang, "信访总量", "total"), left(o.total_allowance), f"{one_decimal(o.total_projected):.1f}"],
        [
            _t(lang, "越级赴京到省", "escalated"),
            left(o.escalated_allowance),
            f"{one_decimal(o.escalated_projected):.1f}",
        ],
    ]
    return headers, rows


def monthly_rows(r: Report, lang: str, width: int = 30) -> tuple[list[str], list[list[str]]]:
    """A month-by-month bar chart as a table: this year against last year."""
    peak = max((max(c, p) for _, c, p in r.monthly), default=0) or 1
    rows = []
    for month, cur, prev in r.monthly:
        rows.append(
            [
                _t(lang, f"{month}月", f"{month:02d}"),
                "█" * round(cur * width / peak) + f" {cur}",
                "░" * round(prev * width / peak) + f" {prev}",
            ]
        )
    headers = [_t(lang, "月份", "month"), _t(lang, "本年", "this year"), _t(lang, "上年", "last year")]
    return headers, rows


def sections(r: Report, town: str, lang: str, *, chart: bool) -> list[tuple[str, list[str], list[list[str]]]]:
    out = [
        (_t(lang, "全镇", "town"), *town_table(r, lang)),
        (_t(lang, "各村（社区），问题最突出的在前", "villages, worst first"), *village_table(r, lang)),
        (
            _t(lang, "案件办理（本期受理的信访件）", "case handling (petitions received in the period)"),
            *handling_table(r, lang),
        ),
    ]
    if r.outlook:
        out.append(
            (
                _t(lang, "年内余量与预测（对比上年全年）", "allowance and projection (against last full year)"),
                *outlook_table(r, lang),
            )
        )
    for dim, rows in r.breakdowns.items():
        out.append((_t(lang, "分类统计", "breakdown"), *breakdown_table(dim, rows, lang)))
    if chart and r.monthly:
        out.append((_t(lang, "逐月对比", "month by month"), *monthly_rows(r, lang)))
    return out


def markdown(r: Report, town: str, lang: str) -> str:
    from tabulate import tabulate

    parts = [f"# {title(r, town, lang)}", "", f"**{verdict(r, lang)}**", ""]
    for name, headers, rows in sections(r, town, lang, chart=False):
        parts += [f"## {name}", "", tabulate(rows, headers=headers, tablefmt="github", disable_numparse=True), ""]
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
            one_decimal(t.reduction_pct),
            t.met,
            e.current,
            e.previous,
            one_decimal(e.reduction_pct),
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


def print_rich(r: Report, town: str, lang: str) -> None:
    """On a terminal: rich tables and the month-by-month chart."""
    from guside_cli.render import output
    from guside_cli.render.output import Format

    output.console().print(f"{title(r, town, lang)}\n{verdict(r, lang)}", style="bold")
    for name, headers, rows in sections(r, town, lang, chart=True):
        output.print_table(headers, rows, Format.table, title=name)
