"""Tables for enterprises, key persons, rewards and downgrades."""

from decimal import Decimal
from typing import Any

from guside_cli.core.enums import Rating
from guside_cli.core.identity import mask_id_number, mask_phone
from guside_cli.messages import text


def _headers(lang: str, *names: str) -> list[str]:
    return [text(f"plan.h.{name}", lang) for name in names]


def rating_label(code: str | None, lang: str) -> str:
    return Rating(code).label(lang) if code else text("plan.unrated", lang)


def compliance_label(value, lang: str) -> str:
    if value is None:
        return text("plan.not_assessed", lang)
    return text("plan.met" if value else "plan.not_met", lang)


_rating, _compliant = rating_label, compliance_label


def _group(members: int | None, lang: str) -> str:
    return text("plan.group_of", lang, members=members) if members else text("plan.group", lang)


def enterprise_rows(table: list[dict], lang: str) -> tuple[list[str], list[list[Any]]]:
    headers = _headers(lang, "enterprise", "village", "rating", "compliant", "open", "closed")
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
    headers = _headers(lang, "enterprise", "current", "should_be", "why")
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
    headers = _headers(
        lang, "name", "village", "leader", "last_12_months", "escalated", "last_petition", "open", "plan"
    )
    rows = [
        [
            r["name"] + (_group(r["members"], lang) if r["is_group"] else ""),
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
    headers = _headers(lang, "paid_on", "number", "village", "reporter", "amount", "note")
    body = [
        [r["paid_on"], r["number"], r["village"], r["petitioner"] or "", r["amount"], r["note"] or ""] for r in rows
    ]
    total = sum((Decimal(r["amount"]) for r in rows), Decimal(0))
    body.append([text("plan.total", lang), f"{len(rows)}", "", "", str(total), ""])
    return headers, body
