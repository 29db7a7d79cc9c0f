"""The Datasette site: Chinese titles and column labels (metadata), Datasette's own words in Chinese (chrome.py),
the report page and the boxes read as the CLI reads them (leaders.py), canned queries over what the CLI computed
(同比情况, 谁超期) and the overdue list, files opened immutable (read-only, never written), and no download of
the raw ledger."""

from datetime import date
from pathlib import Path

from guside_cli.web.public import column

PUBLIC = "public"  # the database's name in URLs: /public/案件
RAW = "ledger"

# the CLI's own reports, stored in the snapshot at start (web/leaders.py): read here, never recomputed
YOY_SQL = """
SELECT 年份, 截止日期, 属地, 指标, 本期, 去年同期, 降幅, 目标, 达标, 结论 FROM 同比情况
WHERE (:年份 = '' OR 年份 = CAST(:年份 AS INTEGER)) AND (:属地 = '' OR 属地 IN (:属地, '全镇'))
ORDER BY 年份 DESC, 序号
"""
LATE_SQL = """
SELECT 年份, 截止日期, 类别, 名称, 承办件数, 应办结, 按期办结, 当前超期, 按期办结率, 满意率 FROM 谁超期
WHERE (:年份 = '' OR 年份 = CAST(:年份 AS INTEGER)) ORDER BY 年份 DESC, 序号
"""

# open cases past their handling limit on the as-of date (the acceptance-notice clock is the CLI's `overdue`); an
# empty 截止日期 is the run's today ({TODAY}, written in when the site is built), never the machine's clock, so the
# page agrees with /-/report and with the CLI run with the same --today / GUSIDE_TODAY
OVERDUE_SQL = """
SELECT 编号, 所属镇, 属地, 信访层级, 反映问题, 包案领导, 责任单位, 办结时限,
    CAST(julianday(coalesce(nullif(:截止日期, ''), '{TODAY}')) - julianday(办结时限) AS INTEGER) AS 超期天数
FROM 案件
WHERE 状态代码 = 'open' AND 办结时限 < coalesce(nullif(:截止日期, ''), '{TODAY}')
    AND (:属地 = '' OR 属地 = :属地) AND (:所属镇 = '' OR 所属镇 = :所属镇)
ORDER BY 办结时限, 编号
"""

# columns kept on one line in every table a leader reads: case numbers, dates, villages, short labels and figures
# (a case number folded to 2018-/红/豆-011 is misread); free text (反映问题, 结论…) wraps
NOWRAP = (
    *(column(c) for c in ("number", "repeat_of", "town", "received_on", "village", "level", "accepted_on")),
    *(column(c) for c in ("due_on", "status", "closed_on", "leader", "form", "source", "escalated")),
    "年份", "截止日期", "指标", "降幅", "目标", "达标", "类别", "名称", "超期天数", "时间", "步骤",
)  # fmt: skip


def nowrap_style(columns=NOWRAP) -> str:
    """CSS keeping `columns` unbroken, by the class Datasette gives each column's cells (col-<name>)."""
    from datasette.utils import to_css_class

    selectors = ",".join(f"td.col-{to_css_class(c)},th.col-{to_css_class(c)}" for c in columns)
    return selectors + "{white-space:nowrap}"


COLUMNS = {
    "案件": {
        column("number"): "案件编号（两镇同号时带镇名：顾山镇:2018-0042）",
        column("received_on"): "信访登记（收到）的日期",
        column("escalated"): "省级、赴京信访为越级",
        column("subject"): "电话、身份证号已遮盖",
        column("cause"): "电话、身份证号已遮盖",
        column("accepted_on"): "受理（受理告知）的日期；未受理为空",
        column("closed_on"): "销号的日期",
        "层级代码": "信访层级的代码（town/county/prefecture/province/national）",
        "状态代码": "状态的代码（open/closed）",
    },
    "调处步骤": {"说明": "电话、身份证号已遮盖"},
}


def metadata(town: str, today: date, *, reveal: bool) -> dict:
    """The site's titles, descriptions and canned queries; `today` is the run's (an empty 截止日期 means it)."""
    title = f"{town}环境信访台账"
    day = today.isoformat()
    pages = (
        (
            "/-/report",
            "信访同比报告",
            "达标了吗？哪个村被一票否决（预警）？谁超期？含两张图表。可选年份、截止日期、属地",
        ),
        (f"/{PUBLIC}/late", "谁超期", "各包案领导、责任单位：承办件数、按期办结、当前超期、按期办结率、满意率"),
        (
            f"/{PUBLIC}/overdue?截止日期=&属地=&所属镇=",
            "超期未办结案件",
            "某日仍未办结且已过办理时限的案件，可按属地筛选",
        ),
        (f"/{PUBLIC}/yoy", "各年同比情况", "各年的全镇与各村数字，可下载 CSV"),
        (f"/{PUBLIC}/~E6~A1~88~E4~BB~B6", "信访案件（公开视图）", "每件信访的要素、包案领导与办理状态，可筛选、排序"),
    )
    if reveal:
        pages += ((f"/{RAW}", "原始数据（含个人信息）", "仅限授权人员：台账原样，含姓名、电话、身份证号"),)
    links = "".join(f'<li><a href="{path}">{label}</a>：{what}</li>' for path, label, what in pages)
    guide = (
        f"<p>只读查看（启动时的快照，“今天”按 {day} 计），公开视图不含信访人姓名、电话、身份证号与举报人；"
        f"文字中的号码已遮盖。各页用途：</p><ul>{links}</ul>"
        f"<p>日期可写 2018/6/30、2018-6-30 或 6月30日，截止日期空着即今天 {day}（往年为该年年底）；"
        "属地可写简称，如 红豆。</p>"
    )
    public = {
        "title": f"{title}（公开视图）",
        "description_html": guide,
        "tables": {
            "案件": {"title": "信访案件", "columns": COLUMNS["案件"], "sort_desc": column("received_on")},
            "调处步骤": {"title": "调处步骤", "columns": COLUMNS["调处步骤"]},
            "属地": {"title": "村（社区）"},
            "企业": {"title": "涉访企业与信用评级"},
            "有奖举报": {"title": "有奖举报（按年汇总）"},
            "同比情况": {"title": "同比情况（各年，命令行报告算出）"},
            "谁超期": {"title": "包案领导、责任单位办理情况（各年，命令行报告算出）"},
        },
        "queries": {
            "yoy": {
                "title": "各年同比情况（命令行报告算出）",
                "description": f"年份（空为各年）、属地（如 红豆 或 红豆村；空为全部）。{today.year}年为年初至 {day}",
                "sql": YOY_SQL,
                "params": ["年份", "属地"],
                "hide_sql": True,
            },
            "late": {
                "title": "谁超期：包案领导、责任单位的按期办结率与满意率",
                "description": "年份（空为各年）。命令行报告算出：承办、应办结、按期办结、当前超期",
                "sql": LATE_SQL,
                "params": ["年份"],
                "hide_sql": True,
            },
            "overdue": {
                "title": "超期未办结案件",
                "description": f"截止日期（空为 {day}，即启动时的今天）、属地（空为全部）；按办结时限计",
                "sql": OVERDUE_SQL.replace("{TODAY}", day),
                "params": ["截止日期", "属地", "所属镇"],
                "hide_sql": True,
            },
        },
    }
    databases = {PUBLIC: public}
    if reveal:
        databases[RAW] = {
            "title": f"{title}（原始数据，含个人信息）",
            "description": "仅限授权人员：本次查看已记入台账历史。",
        }
    return {
        "title": title,
        "description_html": guide,
        "databases": databases,
    }


def datasette(public: Path, town: str, *, source, raw: Path | None = None, raw_memory: str | None = None):
    """The Datasette instance over immutable files: the public snapshot, and the raw ledger's snapshot with
    --reveal (a file, or `raw_memory`: the name of an in-memory copy, read with query_only; web/guard.py).
    Immutable files are opened read-only; Datasette 0.65 has no write API; downloads are off. Its words are
    Chinese (web/chrome.py); `source` (web/leaders.Source) gives the report page its snapshot and every page
    its today (the run's: --today / GUSIDE_TODAY, else Beijing's today when `serve` started)."""
    from datasette.app import Datasette
    from datasette.database import Database

    from guside_cli.web import leaders
    from guside_cli.web.chrome import chinese_templates
    from guside_cli.web.guard import register_plugin

    register_plugin()  # every request's Host checked (web/guard.py): before the app is built, test client included
    templates = chinese_templates(public.parent / "templates", style=nowrap_style())
    leaders.write_template(templates)
    leaders.register()
    files = [public] + ([raw] if raw else [])
    ds = Datasette(
        immutables=[str(f) for f in files],
        metadata=metadata(town, source.run.today, reveal=raw is not None or raw_memory is not None),
        settings={"allow_download": False, "suggest_facets": False, "default_page_size": 50},
        template_dir=str(templates),
        cors=False,
    )
    if raw_memory:
        ds.add_database(Database(ds, memory_name=raw_memory, is_mutable=False), name=RAW)
    ds._guside_source = source
    return ds
