"""The report's secondary tables: breakdowns (`--by`), the allowance and projection, the month-by-month chart."""

from decimal import ROUND_HALF_UP, Decimal

from guside_cli.messages import text
from guside_cli.reports.report import Report


def one_decimal(value: Decimal | None) -> float | None:
    return None if value is None else float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def pct(value: Decimal | None) -> str:
    return "—" if value is None else f"{one_decimal(value):.1f}%"


def breakdown_table(dim: str, rows: list, lang: str) -> tuple[list[str], list[list[str]]]:
    from guside_cli.core.records import field_label
    from guside_cli.render.cases import display_value

    headers = [field_label(dim, lang), *(text(f"report.h.{k}", lang) for k in ("current", "previous", "reduction"))]
    body = []
    for key, cur, prev, reduction in rows:
        label = (
            key
            if dim in ("leader", "village", "town")
            else display_value(dim, [key] if dim == "pollution" else key, lang)
            if key
            else ""
        )
        body.append([label or text("report.not_recorded", lang), str(cur), str(prev), pct(reduction)])
    return headers, body


def outlook_table(r: Report, lang: str) -> tuple[list[str], list[list[str]]]:
    o = r.outlook
    headers = [text(f"report.h.{k}", lang) for k in ("measure", "allowance", "projected")]

    def left(n: int | None) -> str:
        return "—" if n is None else str(n)

    rows = [
        [text("report.row.total", lang), left(o.total_allowance), f"{one_decimal(o.total_projected):.1f}"],
        [
            text("report.row.escalated", lang),
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
                text("report.month", lang, month=month),
                "█" * round(cur * width / peak) + f" {cur}",
                "░" * round(prev * width / peak) + f" {prev}",
            ]
        )
    headers = [text(f"report.h.{k}", lang) for k in ("month", "this_year", "last_year")]
    return headers, rows
