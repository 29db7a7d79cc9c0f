"""The web view as a leader reads it (Datasette's test client): Chinese words only, the report page with the
CLI's own figures (targets, 降幅, verdict, veto, who is late, charts), the boxes read as the CLI reads them, the
front page saying what each page is for, and still nothing personal."""

import asyncio
import json
import re
import sqlite3
from contextlib import closing
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from typer.testing import CliRunner

pytest.importorskip("datasette", reason="the web extra is not installed (pip install 'guside[web]')")
pytest.importorskip("matplotlib", reason="the docs extra is not installed (pip install 'guside[docs]')")

from guside_cli.app import app
from guside_cli.commands._common import Run

ENGLISH_CHROME = (
    "Custom SQL query", "returning", "Run SQL", "Edit SQL", "View and edit SQL", "This data as", "Powered by",
    "Advanced export", "Next page", "Query parameters", " rows", " row", "Table actions", "Apply", "descending",
    "Suggested facets", "Download SQLite", "Queries", "Tables", "home", "hide", "show",
)  # fmt: skip
TODAY = date(2018, 12, 31)


@pytest.fixture(scope="module")
def ds(demo, tmp_path_factory):
    """The site as `guside serve` builds it: the public snapshot, the CLI's reports stored in it, the in-memory
    copy the report page computes from."""
    from guside_cli.storage.ledger import Ledger
    from guside_cli.web.guard import raw_in_memory
    from guside_cli.web.leaders import Source, computed_tables, years_in
    from guside_cli.web.public import build_public
    from guside_cli.web.site import datasette

    folder = tmp_path_factory.mktemp("web")
    public = build_public(demo, folder / "public.db", "顾山镇")
    run = Run(db=demo, lang="zh", today=TODAY, now=datetime(2018, 12, 31, 9), user="leader")
    with Ledger.open(demo) as ledger:
        memory, holder = raw_in_memory(ledger.conn)
        source = Source(run=run, town="顾山镇", villages=tuple(ledger.villages()), memory=memory)
    computed_tables(public, source, years_in(source))
    site = datasette(public, "顾山镇", source=source)
    asyncio.run(site.invoke_startup())
    yield site
    holder.close()


def get(ds, path: str):
    return asyncio.run(ds.client.get(path, follow_redirects=True))


class _Visible(HTMLParser):
    """The words a reader sees: text outside script and style, and the labels of buttons."""

    def __init__(self):
        super().__init__()
        self.words, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")
        values = dict(attrs)
        if tag == "input" and values.get("type") == "submit":
            self.words.append(values.get("value") or "")

    def handle_endtag(self, tag):
        self._skip -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._skip:
            self.words.append(data)


def visible(page: str) -> str:
    parser = _Visible()
    parser.feed(page)
    return " ".join(parser.words)


def cli_report(demo, *args) -> dict:
    result = CliRunner().invoke(app, ["--db", str(demo), "--today", "2018-12-31", "report", *args, "--format", "json"])
    return json.loads(result.stdout)


def test_every_page_a_leader_opens_is_in_chinese(ds):
    pages = [
        "/",
        "/public",
        "/public/" + quote("案件"),
        "/public/late?年份=2018",
        "/public/yoy?年份=2018&属地=",
        "/public/overdue?截止日期=2018/6/30&属地=&所属镇=",
        "/-/report?年份=2018&截止日期=2018/6/30&属地=",
    ]
    for path in pages:
        response = get(ds, path)
        assert response.status_code == 200, path
        words = visible(response.text)
        found = [w for w in ENGLISH_CHROME if w in words]
        assert not found, (
            f"{path} shows {found}: {words[max(0, words.find(found[0]) - 80) : words.find(found[0]) + 40]!r}"
            if found
            else ""
        )
        assert 'lang="zh-CN"' in response.text or path.startswith("/-/")


def test_the_front_page_says_what_each_page_is_for(ds):
    front = "".join(visible(get(ds, "/").text).split())
    for page, what in (
        ("信访同比报告", "哪个村被一票否决"),
        ("谁超期", "按期办结率"),
        ("超期未办结案件", "已过办理时限"),
        ("信访案件（公开视图）", "可筛选"),
    ):
        assert f"{page}：" in front and what in front


def test_the_report_page_shows_the_cli_figures_verdict_veto_and_who_is_late(ds, demo):
    cli = cli_report(demo, "--year", "2018", "--as-of", "2018-06-30")
    page = get(ds, "/-/report?年份=2018&截止日期=2018/6/30&属地=")
    assert page.status_code == 200
    words = visible(page.text)
    total = cli["total"]
    assert (total["current"], total["previous"]) == (73, 96)  # the 6/30 figures, not the whole year
    text = (
        CliRunner()
        .invoke(app, ["--db", str(demo), "--today", "2018-12-31", "report", "--year", "2018", "--as-of", "2018-06-30"])
        .stdout
    )
    verdict = text.splitlines()[1]  # the CLI's verdict: both targets, 降幅 as it prints them, the veto
    assert verdict.startswith("结论：信访总量下降24.0%（目标30.0%）未达标") and "一票否决预警：" in verdict
    assert "".join(verdict.split()) in "".join(words.split())
    assert "包案领导办理情况（谁超期）" in words and "按期办结率" in words and "满意率" in words
    late = next(r for r in cli["late"]["leader"] if r["overdue"])
    assert late["name"] in words
    assert page.text.count("data:image/png;base64,") == 2  # both charts
    for same in ("2018-6-30", quote("6月30日"), "2018-06-30"):
        other = get(ds, f"/-/report?年份=2018&截止日期={same}&属地=")
        assert "".join(verdict.split()) in "".join(visible(other.text).split()), same


def test_a_short_village_name_and_bad_boxes(ds):
    page = visible(get(ds, "/-/report?年份=2018&截止日期=&属地=" + quote("红豆")).text)
    assert "红豆村" in page and "漍东村" not in page.split("各村（社区）")[1].split("案件办理")[0]
    bad = get(ds, "/-/report?年份=18&截止日期=&属地=")
    assert bad.status_code == 400 and "年份须是四位数字，如 2018，不是“18”" in visible(bad.text)
    bad = get(ds, "/-/report?年份=2018&截止日期=2018/6/31&属地=")
    assert bad.status_code == 400 and "2018/6/31" in visible(bad.text) and "[]" not in bad.text
    bad = get(ds, "/public/overdue?截止日期=" + quote("六月") + "&属地=&所属镇=")
    assert bad.status_code == 400 and "六月" in visible(bad.text)
    unknown = get(ds, "/public/overdue?截止日期=&属地=" + quote("火星村") + "&所属镇=")
    assert unknown.status_code == 400 and "火星村" in visible(unknown.text)


def test_the_canned_queries_read_what_the_cli_computed(ds, demo):
    slash = json.loads(get(ds, "/public/overdue.json?截止日期=2018/6/30&属地=红豆&所属镇=&_shape=array").text)
    iso = json.loads(get(ds, "/public/overdue.json?截止日期=2018-06-30&属地=红豆村&所属镇=&_shape=array").text)
    assert slash == iso and {r["属地"] for r in iso} <= {"红豆村"}
    late = json.loads(get(ds, "/public/late.json?年份=2018&_shape=array").text)
    cli = cli_report(demo, "--year", "2018")
    leaders = [r for r in late if r["类别"] == "包案领导"]
    assert [(r["名称"], r["当前超期"]) for r in leaders] == [(r["name"], r["overdue"]) for r in cli["late"]["leader"]]
    yoy = json.loads(get(ds, "/public/yoy.json?年份=2018&属地=&_shape=array").text)
    town = next(r for r in yoy if r["属地"] == "全镇" and r["指标"] == "信访总量")
    assert (town["本期"], town["降幅"]) == (cli["total"]["current"], f"{cli['total']['reduction_pct']}%")
    assert get(ds, "/public/report?年份=2018").url.path == "/-/report"  # the old form's address


def test_the_report_page_names_no_petitioner(ds, demo):
    with closing(sqlite3.connect(demo)) as conn:
        names = {n for (n,) in conn.execute("SELECT petitioner FROM petitions WHERE petitioner IS NOT NULL")}
        phones = {p for (p,) in conn.execute("SELECT phone FROM petitions WHERE phone IS NOT NULL")}
    page = get(ds, "/-/report?年份=2018&截止日期=&属地=").text
    assert names and not [n for n in names | phones if n in page]


def test_an_empty_date_box_is_the_runs_today_not_the_machines_clock(ds):
    """The site is built for TODAY (2018-12-31, as --today or GUSIDE_TODAY pins it): the overdue list with its
    截止日期 empty is the list on that day (the machine's clock would count years of lateness), as on /-/report."""
    empty = json.loads(get(ds, "/public/overdue.json?截止日期=&属地=&所属镇=&_shape=array").text)
    pinned = json.loads(get(ds, "/public/overdue.json?截止日期=2018-12-31&属地=&所属镇=&_shape=array").text)
    assert empty == pinned and len(empty) == 19
    assert max(r["超期天数"] for r in empty) < 366 and all(r["办结时限"] < "2018-12-31" for r in empty)
    page = visible(get(ds, "/public/overdue?截止日期=&属地=&所属镇=").text)
    assert "空为 2018-12-31" in page and "查询结果：19 行" in page
    assert "截至2018-12-31" in visible(get(ds, "/-/report?年份=&截止日期=&属地=").text)
    assert "“今天”按 2018-12-31 计" in visible(get(ds, "/").text)


def test_the_front_page_is_the_guide_without_database_names_or_counts(ds):
    front = get(ds, "/").text
    words = visible(front)
    assert "public" not in words and " 行" not in words and "张表" not in words
    assert "<title>顾山镇环境信访台账</title>" in front
    for path in ("/public/" + quote("案件"), "/public/overdue?截止日期=&属地=&所属镇=", "/public"):
        page = get(ds, path).text
        assert "public" not in visible(page), path  # the crumbs say 公开视图
        assert "<title>public" not in page and "SELECT" not in page.split("</title>")[0], path


def test_case_numbers_dates_and_villages_stay_on_one_line(ds):
    from datasette.utils import to_css_class

    page = get(ds, "/public/" + quote("案件")).text
    style = next(s for s in re.findall(r"<style>(.*?)</style>", page, re.S) if "nowrap" in s)
    for name in ("编号", "登记日期", "属地", "办结时限", "截止日期", "指标"):
        assert f"td.col-{to_css_class(name)},th.col-{to_css_class(name)}" in style, name
    assert "反映问题" not in style and to_css_class("反映问题") not in style  # free text wraps
    assert f'<td class="col-{to_css_class("编号")} ' in page  # the class Datasette gives the cells


def test_the_manual_names_every_page_the_front_page_links(ds):
    manual = (Path(__file__).parent.parent / "docs" / "用户手册.md").read_text(encoding="utf-8")
    section = manual.split("### 网页查看")[1].split("\n## ")[0]
    front = get(ds, "/").text
    links = re.findall(r'<li><a href="[^"]+">([^<]+)</a>', front)
    assert len(links) == 5
    missing = [label for label in links if f"“{label}”" not in section]
    assert not missing, f"the manual's 网页查看 does not name {missing}"
