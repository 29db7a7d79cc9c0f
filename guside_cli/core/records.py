"""A case as a flat record with the canonical field names (`--format json`, export, import), values as
stored codes. Personal fields are masked unless the caller reveals them."""

import functools
from typing import Any

from guside_cli.core.identity import mask_id_number, mask_in_text, mask_name, mask_phone
from guside_cli.core.model import Petition

# Column labels for people: canonical field -> (zh, en). The receipt is 登记 (登记日期, 登记时间), the acceptance
# 受理 (受理日期), as the export's Chinese headers name them; the moment a case was entered is 录入时间.
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "id": ("序号", "id"),
    "number": ("编号", "number"),
    "received_on": ("登记日期", "received"),
    "received_at": ("登记时间", "received at"),
    "village": ("属地", "village"),
    "form": ("信访形式", "form"),
    "level": ("信访层级", "level"),
    "source": ("来源", "source"),
    "pollution": ("污染类型", "pollution"),
    "subject": ("反映问题", "subject"),
    "cause": ("诱因", "cause"),
    "persons": ("涉及人数", "persons"),
    "unit": ("责任单位", "responsible unit"),
    "enterprise": ("涉事企业", "enterprise"),
    "petitioner": ("信访人", "petitioner"),
    "phone": ("联系电话", "phone"),
    "id_number": ("身份证号", "ID number"),
    "key_persons": ("重点人员", "key persons"),
    "forecast": ("事态发展预测", "forecast"),
    "ref_no": ("交办编号", "reference"),
    "leader": ("包案领导", "leader"),
    "town": ("所属镇", "town"),
    "due_on": ("办结时限", "due"),
    "status": ("状态", "status"),
    "closed_on": ("销号日期", "closed"),
    "outcome": ("办理结果", "outcome"),
    "repeat_of": ("原件编号", "repeat of"),
    "uid": ("唯一标识", "uid"),
    "created_at": ("录入时间", "entered at"),
    "leader_title": ("领导职务", "leader's title"),
    "accepted_on": ("受理日期", "accepted on"),
    "notice_due_on": ("告知时限", "notice due"),
    "extension_days": ("延期天数", "extended by (days)"),
    "extension_reason": ("延期理由", "extension reason"),
    "reopened": ("重新打开次数", "times reopened"),
    "came_back": ("重复信访次数", "times it came back"),
    "satisfaction": ("满意度", "satisfaction"),
    "verified": ("举报属实", "report verified"),
    "escalated": ("越级（省/京）", "escalated"),
    "days_overdue": ("超期天数", "days overdue"),
    "clock": ("时限类别", "clock"),
    "kind": ("调处环节", "step"),
    "at": ("时间", "when"),
    "by": ("经办人", "by"),
    "note": ("说明", "note"),
    "stage": ("办理阶段", "stage"),
    "is_key": ("重点", "key case"),
    "not_accepted_reason": ("不予受理理由", "reason not accepted"),
    "concluded_on": ("办结日期", "concluded"),
    "conclusion": ("办结结果", "conclusion"),
    "review_requested_on": ("复查申请日期", "review requested"),
    "review_due_on": ("复查决定时限", "review decision due"),
    "review_decided_on": ("复查决定日期", "review decided"),
    "review_outcome": ("复查结果", "review outcome"),
    "re_review_requested_on": ("复核申请日期", "re-review requested"),
    "re_review_due_on": ("复核决定时限", "re-review decision due"),
    "re_review_decided_on": ("复核决定日期", "re-review decided"),
    "re_review_outcome": ("复核结果", "re-review outcome"),
    "extension_approved_by": ("延期批准人", "extension approved by"),
    "former_numbers": ("原编号", "former numbers"),
}


def field_label(name: str, lang: str) -> str:
    zh, en = FIELD_LABELS.get(name, (name, name))
    return zh if lang == "zh" else en


def to_record(p: Petition, *, reveal: bool = False) -> dict[str, Any]:
    """Canonical record of a case. `reveal=False` masks phone and ID numbers, in their fields (138****5678) and
    wherever they were typed into free text (a subject, a cause, a unit: `FREE_TEXT`, the one masking rule)."""
    phone, id_number = p.phone, p.id_number
    if not reveal:
        phone = mask_phone(phone) if phone else phone
        id_number = mask_id_number(id_number) if id_number else id_number
    record = _record(p, phone, id_number)
    return record if reveal else mask_free_text(record)


def _record(p: Petition, phone: str | None, id_number: str | None) -> dict[str, Any]:
    return {
        "id": p.id,
        "uid": p.uid,
        "number": p.number,
        "received_on": p.received_on.isoformat(),
        "received_at": p.received_at.isoformat(),
        "village": p.village,
        "form": p.form.code if p.form else None,
        "level": p.level.code,
        "source": p.source.code,
        "pollution": [x.code for x in p.pollution],
        "subject": p.subject,
        "cause": p.cause,
        "persons": p.persons,
        "unit": p.unit,
        "enterprise": p.enterprise,
        "petitioner": p.petitioner,
        "phone": phone,
        "id_number": id_number,
        "key_persons": list(p.key_persons),
        "forecast": p.forecast,
        "ref_no": p.ref_no,
        "leader": p.leader.name if p.leader else None,
        "due_on": _iso(p.due_on),
        "status": p.status.code,
        "closed_on": _iso(p.closed_on),
        "outcome": p.outcome.code if p.outcome else None,
        "repeat_of": p.repeat_of,
        "escalated": p.escalated,
        "leader_title": p.leader.title if p.leader else None,
        "leader_rank": p.leader.rank.code if p.leader and p.leader.rank else None,
        "accepted_on": _iso(p.accepted_on),
        "notice_due_on": _iso(p.notice_due_on),
        "extension_days": p.extension_days,
        "extension_reason": p.extension_reason,
        "reopened": p.reopened,
        "came_back": p.came_back,
        "satisfaction": p.satisfaction.code if p.satisfaction else None,
        "verified": p.verified,
        "created_at": p.created_at,
        "stage": p.stage.code,
        "is_key": p.is_key,
        "not_accepted_reason": p.not_accepted_reason,
        "concluded_on": _iso(p.concluded_on),
        "conclusion": p.conclusion.code if p.conclusion else None,
        "review_requested_on": _iso(p.review_requested_on),
        "review_due_on": _iso(p.review_due_on),
        "review_decided_on": _iso(p.review_decided_on),
        "review_outcome": p.review_outcome.code if p.review_outcome else None,
        "re_review_requested_on": _iso(p.re_review_requested_on),
        "re_review_due_on": _iso(p.re_review_due_on),
        "re_review_decided_on": _iso(p.re_review_decided_on),
        "re_review_outcome": p.re_review_outcome.code if p.re_review_outcome else None,
        "extension_approved_by": p.extension_approved_by,
        "former_numbers": list(p.former_numbers),
    }


def _iso(day) -> str | None:
    return day.isoformat() if day else None


# Every field a person types freely (a unit or an enterprise is a name typed by hand, a reference or a reason
# may carry a phone number): each leaves the office (export --redact, publish, the web view) through
# `mask_in_text`, the one masking rule. The case number, uids, dates and codes are the tool's own.
FREE_TEXT = (
    "subject",
    "cause",
    "forecast",
    "extension_reason",
    "unit",
    "enterprise",
    "ref_no",
    "not_accepted_reason",
    "extension_approved_by",
)


def mask_free_text(record: dict[str, Any]) -> dict[str, Any]:
    """`record` with every free-text field it holds masked (phone and ID numbers, however written)."""
    return {k: mask_in_text(v) if k in FREE_TEXT and isinstance(v, str) else v for k, v in record.items()}


LIST_COLUMNS = ("pollution", "key_persons")


def export_values(fields: tuple[str, ...], row: tuple, *, redact: bool = False) -> list[Any]:
    """One exported case from the row storage computed: lists from their JSON text, `verified` as a bool, and
    with `redact` personal data masked (names 张**, phone and ID numbers, numbers written in free text)."""
    lists, flags = _positions(fields)
    values = list(row)
    for i in lists:
        values[i] = _json_list(values[i])
    for i in flags:
        values[i] = bool(values[i])
    if not redact:
        return values
    masked = dict(zip(fields, values, strict=True))
    masked["petitioner"] = mask_name(masked["petitioner"]) if masked["petitioner"] else None
    masked["phone"] = mask_phone(masked["phone"]) if masked["phone"] else None
    masked["id_number"] = mask_id_number(masked["id_number"]) if masked["id_number"] else None
    masked["key_persons"] = tuple(mask_name(name) for name in masked["key_persons"])
    return list(mask_free_text(masked).values())


@functools.lru_cache(maxsize=8)
def _positions(fields: tuple[str, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    flags = tuple(fields.index(name) for name in ("verified", "is_key") if name in fields)
    return tuple(fields.index(name) for name in LIST_COLUMNS), flags


@functools.lru_cache(maxsize=4096)  # a ledger repeats the same few lists (most key-person lists are empty)
def _json_list(text: str) -> tuple:
    import json

    return tuple(json.loads(text))


PUBLIC_FIELDS = (
    "number",
    "received_on",
    "village",
    "enterprise",
    "pollution",
    "subject",
    "unit",
    "leader_title",
    "status",
    "closed_on",
)


def public_record(p: Petition) -> dict[str, Any]:
    """What the plan's 定时公开曝光 may show: no petitioner, phone, ID number or key person, numbers inside the
    subject masked, and the leader by title only."""
    return mask_free_text(
        {
            "number": p.number,
            "received_on": p.received_on.isoformat(),
            "village": p.village,
            "enterprise": p.enterprise,
            "pollution": [x.code for x in p.pollution],
            "subject": p.subject,
            "unit": p.unit,
            "leader_title": p.leader.title if p.leader else None,
            "status": p.status.code,
            "closed_on": _iso(p.closed_on),
        }
    )
