"""Tables for enterprises, key persons, rewards and downgrades."""

from decimal import Decimal
from typing import Any

from guside_cli.core.enums import Rating
from guside_cli.core.identity import mask_id_number, mask_phone


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def _rating(code: str | None, lang: str) -> str:
    return Rating(code).label(lang) if code else _t(lang, "未评价", "unrated")


def _compliant(value, lang: str) -> str:
    if value is None:
        return _t(lang, "未评定", "not assessed")
    return _t(lang, "达标", "met") if value else _t(lang, "未达标", "not met")


def enterprise_rows(table: list[dict], lang: str) -> tuple[list[str], list[list[Any]]]:
    headers = [
        _t(lang, *h)
        for h in (
            ("企业", "enterprise"),
            ("属地", "village"),
            ("信用评价", "rating"),
            ("三有三无", "三有三无"),
            ("在办", "open"),
            ("已销号", "closed"),
        )
    ]
    return headers, [
        [
            r["name"],
            r["village"] or "",
            _rating(r["rating"], lang),
            _compliant(r["compliant"], lang),
            r["open"],
            r["closed"],
        ]
        for r in table
    ]


def downgrade_rows(stale: list[dict], lang: str) -> tuple[list[str], list[list[Any]]]:
    headers = [
        _t(lang, *h) for h in (("企业", "enterprise"), ("现评价", "rating"), ("应降为", "should be"), ("原因", "why"))
    ]
    return headers, [
        [d["enterprise"], _rating(d["rating"], lang), _rating(d["should_be"], lang), "；".join(d["reasons"])]
        for d in stale
    ]


def person_records(table: list[dict], *, reveal: bool) -> list[dict]:
    out = []
    for r in table:
        record = {**r, "is_group": bool(r["is_group"])}
        if not reveal:
            record["phone"] = mask_phone(r["phone"]) if r["phone"] else None
            record["id_number"] = mask_id_number(r["id_number"]) if r["id_number"] else None
        out.append(record)
    return out


def person_rows(records: list[dict], lang: str) -> tuple[list[str], list[list[Any]]]:
    headers = [
        _t(lang, *h)
        for h in (
            ("姓名/群体", "name"),
            ("属地", "village"),
            ("包案领导", "leader"),
            ("近12个月信访", "last 12 months"),
            ("其中越级", "escalated"),
            ("最近信访", "last petition"),
            ("在办", "open"),
            ("一人一策", "plan"),
        )
    ]
    rows = [
        [
            r["name"]
            + (
                _t(lang, f"（群体{r['members'] or ''}人）", f" (group of {r['members'] or '?'})")
                if r["is_group"]
                else ""
            ),
            r["village"] or "",
            r["leader"] or "",
            r["last_12_months"],
            r["escalated"],
            r["last_petition"] or "",
            r["open"],
            r["plan"] or "",
        ]
        for r in records
    ]
    return headers, rows


def reward_rows(rows: list[dict], lang: str) -> tuple[list[str], list[list[Any]]]:
    headers = [
        _t(lang, *h)
        for h in (
            ("发放日期", "paid on"),
            ("编号", "number"),
            ("属地", "village"),
            ("举报人", "reporter"),
            ("金额（元）", "amount (yuan)"),
            ("说明", "note"),
        )
    ]
    body = [
        [r["paid_on"], r["number"], r["village"], r["petitioner"] or "", r["amount"], r["note"] or ""] for r in rows
    ]
    total = sum((Decimal(r["amount"]) for r in rows), Decimal(0))
    body.append([_t(lang, "合计", "total"), f"{len(rows)}", "", "", str(total), ""])
    return headers, body
