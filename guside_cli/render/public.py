"""The public list (定时公开曝光) as markdown, CSV, a self-contained HTML page, or JSON."""

import csv
import html
import io
import json
from typing import Any

from guside_cli.core.records import PUBLIC_FIELDS, field_label
from guside_cli.render.cases import display_value

PUBLIC_LABELS = {"leader_title": ("包案领导职务", "leader's title")}


def _label(name: str, lang: str) -> str:
    if name in PUBLIC_LABELS:
        return PUBLIC_LABELS[name][0 if lang == "zh" else 1]
    return field_label(name, lang)


_WHOLE = ("number", "status", "village")


def _rows(records: list[dict[str, Any]], lang: str) -> list[list[str]]:
    return [[display_value(name, r.get(name), lang) for name in PUBLIC_FIELDS] for r in records]


def _title(town: str, year: int | None, lang: str) -> str:
    span = f"{year}年" if year and lang == "zh" else (f"{year} " if year else "")
    return (
        f"{town}{span}环境信访问题公开清单" if lang == "zh" else f"{town}: environmental petitions, {span}public list"
    )


def _rewards_line(rewards: dict[str, Any], lang: str) -> str:
    return (
        f"有奖举报：举报属实并兑现奖励 {rewards['count']} 件，共 {rewards['total']} 元。"
        if lang == "zh"
        else f"Rewards for reports that proved true: {rewards['count']}, {rewards['total']} yuan in all."
    )


def render(
    records: list[dict[str, Any]], fmt: str, *, town: str, year: int | None, lang: str, rewards: dict[str, Any]
) -> str:
    headers = [_label(name, lang) for name in PUBLIC_FIELDS]
    if fmt == "json":
        return (
            json.dumps(
                {"title": _title(town, year, lang), "cases": records, "rewards": rewards}, ensure_ascii=False, indent=2
            )
            + "\n"
        )
    if fmt == "csv":
        from guside_cli.interchange.cells import cells

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(headers)
        writer.writerows(cells(row) for row in _rows(records, lang))
        writer.writerow([_rewards_line(rewards, lang)])
        return "\ufeff" + buffer.getvalue()  # UTF-8 with BOM: Excel opens it right
    if fmt == "markdown":
        from tabulate import tabulate

        from guside_cli.render.output import md_rows

        table = tabulate(md_rows(_rows(records, lang)), headers=headers, tablefmt="github", disable_numparse=True)
        return f"# {_title(town, year, lang)}\n\n{table}\n\n{_rewards_line(rewards, lang)}\n"
    # a case number, a date or a status word is never broken over two lines; the free text takes the squeeze
    # a case number, a date or a status word is never broken over two lines; the free text takes the squeeze
    whole = ['<td class="whole">' if name in _WHOLE or name.endswith("_on") else "<td>" for name in PUBLIC_FIELDS]
    cells = "".join(
        "<tr>" + "".join(f"{td}{html.escape(v)}</td>" for v, td in zip(row, whole, strict=True)) + "</tr>\n"
        for row in _rows(records, lang)
    )
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    title = html.escape(_title(town, year, lang))
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>\n'
        "<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "th,td{border:1px solid #999;padding:.3em .6em;text-align:left}th{background:#eee}"
        "td.whole{white-space:nowrap}</style></head>\n"
        f"<body><h1>{title}</h1>\n<table><thead><tr>{head}</tr></thead><tbody>\n{cells}</tbody></table>"
        f"<p>{html.escape(_rewards_line(rewards, lang))}</p></body></html>\n"
    )
