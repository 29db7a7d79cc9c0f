"""What a leader reads in the web view, computed by the CLI's own code (never a second computation in SQL):

- `/-/report` (年份, 截止日期, 属地): the report page — each target with its 降幅 (two decimals where one would
  contradict the verdict), the verdict and the veto, who is late per leader and unit, the tables and both
  charts — `services.report.compute_report` over the ledger copied at start into memory (never on disk, never
  served);
- the snapshot's tables 同比情况 and 谁超期: the CLI's report of every year, stored at start, which the canned
  queries `report` and `late` read (and Datasette exports as JSON and CSV);
- the boxes: 年份, 截止日期 and 属地 of every page take what the CLI takes (`2018/6/30`, `2018-6-30`, `6月30日`,
  `红豆` for 红豆村) or are refused with one Chinese line, before Datasette sees them.
"""

import functools
import html
import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl

from guside_cli.core.errors import GusideError
from guside_cli.messages import text

BOXES = ("年份", "截止日期", "属地")
PLUGIN = "guside-leaders"


@dataclass(frozen=True)
class Source:
    """The snapshot the pages compute from — the ledger copied at start into a shared-cache in-memory database
    (web/guard.raw_in_memory: never on disk, gone with the process) — and the run that computes (its today)."""

    run: object  # commands._common.Run
    town: str
    villages: tuple  # core.model.Village, for short names
    memory: str  # the in-memory copy's name

    def ledger(self):
        """The snapshot as a Ledger, read-only (query_only): each use opens its own connection."""
        from guside_cli.storage.ledger import Ledger

        conn = sqlite3.connect(f"file:{self.memory}?mode=memory&cache=shared", uri=True, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA query_only = ON")
        return Ledger(conn, Path(str(self.run.db)))


def normalise(params: dict[str, str], source: Source) -> dict[str, str]:
    """The boxes as the CLI reads them: a year of four digits in range, a date in any form the CLI takes (a
    date without a year takes the 年份 box's), a village by its name or short name. InputError otherwise."""
    from guside_cli.core.bounds import check_year
    from guside_cli.core.dates import parse_date
    from guside_cli.core.errors import InputError
    from guside_cli.core.villages import resolve_village
    from guside_cli.messages import M

    out = dict(params)
    year_text = (params.get("年份") or "").strip()
    year = None
    if year_text:
        if not (year_text.isdigit() and len(year_text) == 4):
            raise InputError(M("web.bad_year", text=year_text))
        year = check_year(int(year_text))
        out["年份"] = str(year)
    day = (params.get("截止日期") or "").strip()
    if day:
        if year and _no_year(day):  # 6月30日 or 6/30 in the year asked for
            day = f"{year}年{day}" if "月" in day else f"{year}/{day.replace('-', '/')}"
        out["截止日期"] = parse_date(day, source.run.today).isoformat()
    village = (params.get("属地") or "").strip()
    if village:
        out["属地"] = resolve_village(village, list(source.villages)).name
    return out


def _no_year(day: str) -> bool:
    import re

    return not re.match(r"^\s*\d{4}", day)


@functools.lru_cache(maxsize=64)
def _report(source: Source, year: int | None, as_of: str | None):
    from guside_cli.services.report import compute_report

    with source.ledger() as ledger:
        return compute_report(source.run, year=year, as_of=as_of, ledger=ledger)[0]


def report_page_body(source: Source, params: dict[str, str]) -> tuple[int, str]:
    """The report page's content for the boxes given: (status, HTML)."""
    from guside_cli.render.report_html import report_body

    esc = html.escape
    try:
        boxes = normalise(params, source)
        year = int(boxes["年份"]) if boxes.get("年份") else source.run.today.year
        report = _report(source, year, boxes.get("截止日期") or None)
    except GusideError as e:
        return 400, _form(params) + f'<p class="message-error">{esc(str(e))}</p>'
    village = boxes.get("属地")
    if village:
        report = replace(report, villages=tuple(v for v in report.villages if v.village == village))
    try:
        return 200, _form(boxes) + report_body(report, source.town, "zh")
    except GusideError as e:  # no matplotlib or no CJK font: the figures without the charts, and what to install
        body = report_body(report, source.town, "zh", with_charts=False)
        return 200, _form(boxes) + f'<p class="message-error">{esc(str(e))}</p>' + body


def _form(values: dict[str, str]) -> str:
    esc = html.escape
    hints = dict(zip(BOXES, ("web.hint.year", "web.hint.date", "web.hint.village"), strict=True))
    boxes = "".join(
        f'<label>{name} <input type="text" name="{name}" value="{esc(values.get(name, "") or "")}"'
        f' placeholder="{esc(text(hints[name], "zh"))}"></label> '
        for name in BOXES
    )
    submit = esc(text("web.report.submit", "zh"))
    return (
        f'<form class="guside-report" method="get" action="/-/report"><p>{boxes}'
        f'<input type="submit" value="{submit}"></p></form>'
    )


def computed_tables(public: Path, source: Source, years: list[int]) -> None:
    """Store the CLI's report of each year (to date for the year still running) in the snapshot: 同比情况 (the
    town and each village, 降幅 as the CLI prints it, the verdict and the veto) and 谁超期 (per leader, per unit)."""
    from guside_cli.render.late import late_table
    from guside_cli.render.report import met_mark, reduction, verdict

    yoy, late = [], []
    for year in years:
        report = _report(source, year, None)
        end = report.period.end.isoformat()
        veto_word = text("report.veto" if report.final else "report.veto_warning", "zh")
        for name, c in (("信访总量", report.total), ("越级赴京到省", report.escalated)):
            yoy.append(
                (
                    year,
                    end,
                    "全镇",
                    name,
                    c.current,
                    c.previous,
                    reduction(c),
                    f"{c.target_pct}%",
                    met_mark(c, "zh"),
                    verdict(report, "zh"),
                )
            )
        for v in report.villages:
            reasons = "、".join(text(f"report.veto_reason.{x}", "zh") for x in v.veto_reasons)
            for name, c in (("信访总量", v.total), ("越级赴京到省", v.escalated)):
                yoy.append(
                    (
                        year,
                        end,
                        v.village,
                        name,
                        c.current,
                        c.previous,
                        reduction(c),
                        "",
                        "",
                        f"{veto_word}：{reasons}" if reasons else "",
                    )
                )
        for by, label in (("leader", "包案领导"), ("unit", "责任单位")):
            for row in late_table(report.late, by, "zh")[1]:
                late.append((year, end, label, *row))
    conn = sqlite3.connect(public)
    try:
        with conn:
            conn.execute(
                "CREATE TABLE 同比情况 (序号 INTEGER PRIMARY KEY, 年份 INTEGER, 截止日期 TEXT, 属地 TEXT, 指标 TEXT,"
                " 本期 INTEGER, 去年同期 INTEGER, 降幅 TEXT, 目标 TEXT, 达标 TEXT, 结论 TEXT)"
            )
            conn.executemany("INSERT INTO 同比情况 VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", yoy)
            conn.execute(
                "CREATE TABLE 谁超期 (序号 INTEGER PRIMARY KEY, 年份 INTEGER, 截止日期 TEXT, 类别 TEXT, 名称 TEXT,"
                " 承办件数 INTEGER, 应办结 INTEGER, 按期办结 INTEGER, 当前超期 INTEGER, 按期办结率 TEXT, 满意率 TEXT)"
            )
            conn.executemany("INSERT INTO 谁超期 VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", late)
    finally:
        conn.close()
    public.chmod(0o600)


# --- the Datasette plugin: the page, the old form's address, the boxes -------------------------------------


# This module is the plugin, registered once per process (Datasette's plugin manager is global); each Datasette
# instance carries its own Source as `datasette._guside_source`.


@hookimpl
def register_routes():
    return [(r"^/-/report$", report_view), (r"^/public/report$", old_report_form)]


@hookimpl
def asgi_wrapper(datasette):
    return lambda app: _boxes_checked(app, datasette)


async def report_view(datasette, request):
    from datasette.utils.asgi import Response

    source = getattr(datasette, "_guside_source", None)
    if source is None:
        return Response.html(f"<p>{html.escape(text('web.report.off', 'zh'))}</p>", status=404)
    status, body = report_page_body(source, {name: request.args.get(name, "") for name in BOXES})
    page = await datasette.render_template(
        "guside_report.html", {"body": body, "title": text("web.report.title", "zh")}, request=request
    )
    return Response.html(page, status=status)


async def old_report_form(request):
    from datasette.utils.asgi import Response

    query = request.query_string
    return Response.redirect("/-/report" + (f"?{query}" if query else ""))


def _boxes_checked(app, datasette):
    """Every page's boxes read as the CLI reads them, before Datasette runs a query with them."""

    async def checked(scope, receive, send):
        source = getattr(datasette, "_guside_source", None)
        if scope.get("type") != "http" or source is None or not scope.get("path", "").startswith("/public/"):
            return await app(scope, receive, send)
        pairs = parse_qsl(scope.get("query_string", b"").decode("utf-8", "replace"), keep_blank_values=True)
        if not any(k in BOXES and v.strip() for k, v in pairs):
            return await app(scope, receive, send)
        try:
            fixed = normalise({k: v for k, v in pairs if k in BOXES}, source)
        except GusideError as e:
            title, home = html.escape(text("web.bad_box", "zh")), html.escape(text("web.home", "zh"))
            body = (
                f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{title}</title></head>'
                f'<body><p class="message-error">{html.escape(str(e))}</p><p><a href="/">{home}</a></p></body></html>'
            ).encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": 400,
                    "headers": [(b"content-type", b"text/html; charset=utf-8")],
                }
            )
            return await send({"type": "http.response.body", "body": body})
        query = urlencode([(k, fixed.get(k, v) if k in BOXES else v) for k, v in pairs]).encode()
        return await app(dict(scope, query_string=query), receive, send)

    return checked


def register() -> None:
    from datasette.plugins import pm

    if not pm.has_plugin(PLUGIN):
        import sys

        pm.register(sys.modules[__name__], name=PLUGIN)


REPORT_TEMPLATE = """{% extends "base.html" %}
{% block title %}{{ title }}{% endblock %}
{% block extra_head %}<style>form.guside-report label{width:auto;margin:0 1.5em .5em 0}
form.guside-report input[type=text]{display:block;width:18em}form.guside-report input[name="年份"]{width:9em}
form.guside-report input[name="截止日期"]{width:21em}
.verdict{font-size:1.1em;font-weight:bold}.chart{max-width:100%;height:auto}
table{border-collapse:collapse;margin:.5em 0 1.2em}th,td{border:1px solid #ccc;padding:.25em .5em;text-align:center}
.not-met,.veto{color:#c0392b}.met{color:#2e7d32}.note{color:#555}</style>{% endblock %}
{% block content %}{{ body|safe }}{% endblock %}
"""


def write_template(folder: Path) -> None:
    (folder / "guside_report.html").write_text(REPORT_TEMPLATE, encoding="utf-8")


def years_in(source: Source) -> list[int]:
    """Every year from the first petition's to this one."""
    with source.ledger() as ledger:
        first = ledger.conn.execute("SELECT min(substr(received_on, 1, 4)) FROM petitions").fetchone()[0]
    today = source.run.today
    return list(range(int(first), today.year + 1)) if first else [today.year]
