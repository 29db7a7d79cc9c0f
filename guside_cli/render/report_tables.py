"""The report's secondary tables: breakdowns (`--by`), the allowance and projection, the month-by-month chart."""

from decimal import ROUND_HALF_UP, Decimal

from guside_cli.reports.report import Report


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def one_decimal(value: Decimal | None) -> float | None:
    return None if value is None else float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def pct(value: Decimal | None) -> str:
    return "—" if value is None else f"{one_decimal(value):.1f}%"


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
