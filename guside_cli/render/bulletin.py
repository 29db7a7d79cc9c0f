"""The supervision bulletin as JSON, text, markdown or one self-contained HTML page, for printing and circulating."""

import html
from typing import Any

from guside_cli.messages import text
from guside_cli.render.report import comparison_json, one_decimal, pct, title, verdict, village_table
from guside_cli.reports.bulletin import Bulletin

REASON_LABELS = {
    "veto": ("一票否决情形", "a veto trigger"),
    "total_up": ("信访总量增幅较大", "petitions up sharply year on year"),
    "escalated_up": ("越级赴京到省信访增幅较大", "escalated petitions up sharply"),
    "long_open_escalated": ("越级信访超期未结（久拖不决）", "escalated cases open past the limit"),
    "low_closure": ("销号率低于要求", "closure rate under the threshold"),
}


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def bulletin_json(b: Bulletin) -> dict[str, Any]:
    r = b.report
    return {
        "year": r.year,
        "period": r.period.as_dict(),
        "previous_period": r.previous_period.as_dict(),
        "total": comparison_json(r.total),
        "escalated": comparison_json(r.escalated),
        "villages": [
            {
                "village": v.village,
                "total": comparison_json(v.total),
                "escalated": comparison_json(v.escalated),
                "veto": v.veto,
                "veto_reasons": list(v.veto_reasons),
            }
            for v in r.villages
        ],
        "final": r.final,
        "rise_threshold": {"count": b.rise[0], "pct": one_decimal(b.rise[1])},
        "interviews": {
            "held": [i for i in b.interviews if i["held_on"]],
            "owed": [{k: i[k] for k in ("bulletin_on", "village")} for i in b.interviews if not i["held_on"]],
        },
        "closure_threshold_pct": one_decimal(b.closure_threshold_pct),
        "named": [
            {
                "village": n.village,
                "reasons": list(n.reasons),
                "action": "interview" if n.interview else "supervise",
                "cases": list(n.cases),
                "cases_by_reason": {k: list(v) for k, v in n.cases_by_reason.items()},
                "closure_rate_pct": one_decimal(n.closure_rate_pct),
            }
            for n in b.named
        ],
        "downgrade": [
            {k: d[k] for k in ("enterprise", "rating", "should_be", "cases")} | {"reasons": d["reasons"]}
            for d in b.downgrade
        ],
    }


def _named_lines(b: Bulletin, lang: str, bullet: str) -> list[str]:
    lines = []
    for n in b.named:
        reasons = "；".join(REASON_LABELS[r][0 if lang == "zh" else 1] for r in n.reasons)
        cases = "、".join(n.cases[:12]) + ("…" if len(n.cases) > 12 else "")
        action = _t(lang, "约谈", "talk") if n.interview else _t(lang, "专项督办", "supervision")
        lines.append(
            f"{bullet}{n.village}（{action}）：{reasons}。" + _t(lang, f"涉及案件：{cases}", f" Cases: {cases}")
        )
    return lines or [bullet + _t(lang, "无", "none")]


def _interview_lines(b: Bulletin, lang: str, bullet: str) -> list[str]:
    lines = []
    for i in b.interviews:
        if i["held_on"]:
            lines.append(
                bullet
                + _t(
                    lang,
                    f"{i['village']}：{i['bulletin_on']} 通报约谈，已于 {i['held_on']} 由 {i['held_by']} 约谈",
                    f"{i['village']}: named {i['bulletin_on']}, held {i['held_on']} by {i['held_by']}",
                )
            )
        else:
            lines.append(
                bullet
                + _t(
                    lang,
                    f"{i['village']}：{i['bulletin_on']} 通报约谈，尚未约谈",
                    f"{i['village']}: named {i['bulletin_on']}, still owed",
                )
            )
    return lines or [bullet + _t(lang, "无", "none")]


def _downgrade_lines(b: Bulletin, lang: str, bullet: str) -> list[str]:
    from guside_cli.core.enums import Rating

    return [
        f"{bullet}{d['enterprise']}：{Rating(d['rating']).label(lang)} → {Rating(d['should_be']).label(lang)}"
        f"（{'、'.join(d['cases']) or '；'.join(d['reasons'])}）"
        for d in b.downgrade
    ] or [bullet + _t(lang, "无", "none")]


def as_text(b: Bulletin, town: str, lang: str, *, markdown: bool) -> str:
    from tabulate import tabulate

    from guside_cli.render.output import md_rows

    h1, h2, bullet = ("# ", "## ", "- ") if markdown else ("", "", "  ")
    r = b.report
    headers, rows = village_table(r, lang)
    parts = [
        h1
        + _t(
            lang, f"{town}环境信访突出问题专项整治督查通报", f"{town}: supervision bulletin on environmental petitions"
        ),
        "",
        title(r, town, lang),
        "",
        verdict(r, lang),
        "",
        h2 + _t(lang, "一、各村（社区）排名（问题最突出的在前）", "1. Villages ranked, worst first"),
        "",
        tabulate(
            md_rows(rows) if markdown else rows,
            headers=headers,
            tablefmt="github" if markdown else "simple",
            disable_numparse=True,
        ),
        "",
        h2 + _t(lang, "二、专项督办与约谈对象", "2. Villages named for supervision or a talk with their heads"),
        "",
        *_named_lines(b, lang, bullet),
        "",
        _t(
            lang,
            f"（销号率要求：{pct(b.closure_threshold_pct)}）",
            f"(closure rate threshold: {pct(b.closure_threshold_pct)})",
        ),
        text("bulletin.rise_rule", lang, count=b.rise[0], share=b.rise[1]),
        "",
        h2 + _t(lang, "约谈落实情况（往期通报）", "约谈 named by earlier bulletins: held and owed"),
        "",
        *_interview_lines(b, lang, bullet),
        "",
        h2 + _t(lang, "三、应降级的企业（环保信用评价）", "3. Enterprises to downgrade"),
        "",
        *_downgrade_lines(b, lang, bullet),
        "",
    ]
    return "\n".join(parts)


def as_html(b: Bulletin, town: str, lang: str) -> str:
    r = b.report
    headers, rows = village_table(r, lang)
    esc = html.escape
    table = (
        "<table><thead><tr>"
        + "".join(f"<th>{esc(h)}</th>" for h in headers)
        + "</tr></thead><tbody>"
        + "".join("<tr>" + "".join(f"<td>{esc(str(c))}</td>" for c in row) + "</tr>" for row in rows)
        + "</tbody></table>"
    )
    named = "".join(f"<li>{esc(line)}</li>" for line in _named_lines(b, lang, ""))
    named += f"<p>{esc(text('bulletin.rise_rule', lang, count=b.rise[0], share=b.rise[1]))}</p>"
    talks = "".join(f"<li>{esc(line)}</li>" for line in _interview_lines(b, lang, ""))
    down = "".join(f"<li>{esc(line)}</li>" for line in _downgrade_lines(b, lang, ""))
    heading = esc(_t(lang, f"{town}环境信访突出问题专项整治督查通报", f"{town}: supervision bulletin"))
    return (
        f'<!doctype html>\n<html lang="{lang}"><head><meta charset="utf-8"><title>{heading}</title><style>'
        "body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}"
        "th,td{border:1px solid #999;padding:.3em .6em}th{background:#eee}.verdict{font-weight:bold}"
        "@media print{body{margin:0}}</style></head>\n<body>"
        f'<h1>{heading}</h1><p>{esc(title(r, town, lang))}</p><p class="verdict">{esc(verdict(r, lang))}</p>'
        f"<h2>{esc(_t(lang, '一、各村（社区）排名', '1. Villages ranked'))}</h2>{table}"
        f"<h2>{esc(_t(lang, '二、专项督办与约谈对象', '2. Villages named'))}</h2><ul>{named}</ul>"
        f"<h2>{esc(_t(lang, '约谈落实情况', '约谈 held and owed'))}</h2><ul>{talks}</ul>"
        f"<h2>{esc(_t(lang, '三、应降级的企业', '3. Enterprises to downgrade'))}</h2><ul>{down}</ul>"
        "</body></html>\n"
    )
