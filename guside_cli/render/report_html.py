"""The report as one self-contained HTML page (`report --format html`), and the same body for the web view:
the verdict first, each target with its 降幅 (two decimals where one would contradict the verdict), the veto,
who is late, the tables and both charts (PNG inside the page, so the file travels alone)."""

import base64
import html

from guside_cli.messages import text
from guside_cli.render.late import late_note, late_sections, late_sentence
from guside_cli.render.report import sections, title, verdict_sentences
from guside_cli.reports.report import Report

STYLE = (
    "body{font-family:'Noto Sans CJK SC','Source Han Sans SC','Microsoft YaHei','PingFang SC',sans-serif;"
    "margin:2em auto;max-width:72em;padding:0 1em;color:#222}"
    "table{border-collapse:collapse;margin:.5em 0 1.2em}th,td{border:1px solid #bbb;padding:.3em .6em;"
    "text-align:center}th{background:#f0f0f0}.verdict{font-size:1.15em;font-weight:bold}"
    ".met{color:#2e7d32}.not-met,.veto{color:#c0392b}.chart{max-width:100%;height:auto;margin:.5em 0}"
    ".note{color:#555;font-size:.9em}@media print{body{margin:0}}"
)


def _table(headers: list[str], rows: list[list]) -> str:
    esc = html.escape

    def cell(value) -> str:
        value = str(value)
        css = "not-met" if "未达标" in value or "not met" in value else "met" if "达标" in value else ""
        return f'<td class="{css}">{esc(value)}</td>' if css else f"<td>{esc(value)}</td>"

    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(cell(c) for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def png_img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img class="chart" alt="{html.escape(alt)}" src="data:image/png;base64,{data}">'


def chart_images(r: Report, lang: str) -> str:
    from guside_cli.render.charts import charts

    return "".join(f"<figure>{png_img(png, caption)}</figure>" for caption, png in charts(r, lang))


def report_body(r: Report, town: str, lang: str, *, with_charts: bool = True) -> str:
    """The report's content: the heading, the verdict's sentences, who is late, the tables, the charts."""
    esc = html.escape
    parts = [f"<h1>{esc(title(r, town, lang))}</h1>"]
    parts += [f'<p class="verdict">{esc(s)}</p>' for s in verdict_sentences(r, lang)]
    parts.append(f"<p>{esc(late_sentence(r, lang))}</p>")
    late_names = {name for name, _, _ in late_sections(r, lang)}
    for name, headers, rows in sections(r, town, lang, chart=False):
        parts.append(f"<h2>{esc(name)}</h2>{_table(headers, rows)}")
        if name == text("report.s.villages", lang) and with_charts:
            parts.append(chart_images(r, lang))
        if name == text("late.s.unit", lang) or (name in late_names and not r.late.by_unit):
            parts.append(f'<p class="note">{esc(late_note(r, lang))}</p>')
    return "".join(parts)


def as_html(r: Report, town: str, lang: str) -> str:
    heading = html.escape(title(r, town, lang))
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{heading}</title>'
        f"<style>{STYLE}</style></head>\n<body>{report_body(r, town, lang)}</body></html>\n"
    )
