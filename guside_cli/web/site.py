"""The Datasette site: Chinese titles and column labels (metadata), two canned queries with a form, files
opened immutable (read-only, never written), and no download of the raw ledger."""

from pathlib import Path

PUBLIC = "public"  # the database's name in URLs: /public/案件
RAW = "ledger"

# the year-over-year report (同比): a year to an as-of date against the same dates a year before, per village
REPORT_SQL = """
WITH bounds AS (
    SELECT CAST(:年份 AS INTEGER) AS y, coalesce(nullif(substr(:截止日期, 5, 6), ''), '-12-31') AS md
), cases AS (
    SELECT c.属地, c.越级,
        c.受理日期 BETWEEN b.y || '-01-01' AND b.y || b.md AS 本期,
        c.受理日期 BETWEEN (b.y - 1) || '-01-01' AND (b.y - 1) || b.md AS 上期
    FROM 案件 c, bounds b
    WHERE (:属地 = '' OR c.属地 = :属地) AND (:所属镇 = '' OR c.所属镇 = :所属镇)
), rows AS (
    SELECT 属地, sum(本期) AS 本期, sum(上期) AS 去年同期,
        sum(本期 AND 越级 = '是') AS 越级本期, sum(上期 AND 越级 = '是') AS 越级去年同期
    FROM cases GROUP BY 属地
    UNION ALL
    SELECT '合计', sum(本期), sum(上期), sum(本期 AND 越级 = '是'), sum(上期 AND 越级 = '是') FROM cases
)
SELECT 属地, 本期, 去年同期,
    CASE WHEN 去年同期 > 0 THEN printf('%.1f%%', 100.0 * (去年同期 - 本期) / 去年同期) ELSE '—' END AS 降幅,
    越级本期, 越级去年同期
FROM rows WHERE 本期 > 0 OR 去年同期 > 0
ORDER BY 属地 = '合计', 本期 DESC, 属地
"""

# open cases past their handling limit on the as-of date (the acceptance-notice clock is the CLI's `overdue`)
OVERDUE_SQL = """
SELECT 编号, 所属镇, 属地, 信访层级, 反映问题, 包案领导, 责任单位, 办结时限,
    CAST(julianday(coalesce(nullif(:截止日期, ''), date('now', '+8 hours'))) - julianday(办结时限) AS INTEGER)
        AS 超期天数
FROM 案件
WHERE 状态代码 = 'open' AND 办结时限 < coalesce(nullif(:截止日期, ''), date('now', '+8 hours'))
    AND (:属地 = '' OR 属地 = :属地) AND (:所属镇 = '' OR 所属镇 = :所属镇)
ORDER BY 办结时限, 编号
"""

COLUMNS = {
    "案件": {
        "编号": "案件编号（两镇同号时带镇名：顾山镇:2018-0042）",
        "越级": "省级、赴京信访为越级",
        "反映问题": "电话、身份证号已遮盖",
        "问题原因": "电话、身份证号已遮盖",
        "受理时间": "受理告知日期",
        "层级代码": "信访层级的代码（town/county/prefecture/province/national）",
        "状态代码": "状态的代码（open/closed）",
    },
    "调处步骤": {"说明": "电话、身份证号已遮盖"},
}


def metadata(town: str, *, reveal: bool) -> dict:
    title = f"{town}环境信访台账"
    public = {
        "title": f"{title}（公开视图）",
        "description": "不含信访人姓名、电话、身份证号与举报人；文字中的号码已遮盖。只读。",
        "tables": {
            "案件": {"title": "信访案件", "columns": COLUMNS["案件"], "sort_desc": "受理日期"},
            "调处步骤": {"title": "调处步骤", "columns": COLUMNS["调处步骤"]},
            "属地": {"title": "村（社区）"},
            "企业": {"title": "涉访企业与信用评级"},
            "有奖举报": {"title": "有奖举报（按年汇总）"},
        },
        "queries": {
            "report": {
                "title": "信访总量同比（本期对比去年同期）",
                "description": "年份、截止日期（如 2018-06-20，空为全年）、属地（空为全部）",
                "sql": REPORT_SQL,
                "params": ["年份", "截止日期", "属地", "所属镇"],
                "hide_sql": True,
            },
            "overdue": {
                "title": "超期未办结案件",
                "description": "截止日期（空为今天）、属地（空为全部）；按办结时限计",
                "sql": OVERDUE_SQL,
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
    links = "".join(
        f'<li><a href="/{PUBLIC}/{path}">{label}</a></li>'
        for path, label in (
            ("report?年份=&截止日期=&属地=&所属镇=", "信访总量同比（表单：年份、截止日期、属地）"),
            ("overdue?截止日期=&属地=&所属镇=", "超期未办结案件（表单：截止日期、属地）"),
            ("~E6~A1~88~E4~BB~B6", "信访案件（公开视图）"),
        )
    )
    return {
        "title": title,
        "description_html": f"<p>只读查看，公开视图不含信访人姓名、电话、身份证号与举报人。</p><ul>{links}</ul>",
        "databases": databases,
    }


def datasette(public: Path, town: str, *, raw: Path | None = None, raw_memory: str | None = None):
    """The Datasette instance over immutable files: the public snapshot, and the raw ledger's snapshot with
    --reveal (a file, or `raw_memory`: the name of an in-memory copy, read with query_only; web/guard.py).
    Immutable files are opened read-only; Datasette 0.65 has no write API; downloads are off."""
    from datasette.app import Datasette
    from datasette.database import Database

    from guside_cli.web.guard import register_plugin

    register_plugin()  # every request's Host checked (web/guard.py): before the app is built, test client included
    files = [public] + ([raw] if raw else [])
    ds = Datasette(
        immutables=[str(f) for f in files],
        metadata=metadata(town, reveal=raw is not None or raw_memory is not None),
        settings={"allow_download": False, "suggest_facets": False, "default_page_size": 50},
        cors=False,
    )
    if raw_memory:
        ds.add_database(Database(ds, memory_name=raw_memory, is_mutable=False), name=RAW)
    return ds
