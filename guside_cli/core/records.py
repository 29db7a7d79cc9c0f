"""A case as a flat record with the canonical field names (`--format json`, export, import), values as
stored codes. Personal fields are masked unless the caller reveals them."""

from typing import Any

from guside_cli.core.identity import mask_id_number, mask_phone
from guside_cli.core.model import Petition

# Column labels for people: canonical field -> (zh, en).
FIELD_LABELS: dict[str, tuple[str, str]] = {
    "id": ("序号", "id"),
    "number": ("编号", "number"),
    "received_on": ("受理日期", "received"),
    "received_at": ("受理时间", "received at"),
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
    "due_on": ("办结时限", "due"),
    "status": ("状态", "status"),
    "closed_on": ("销号日期", "closed"),
    "outcome": ("办理结果", "outcome"),
    "repeat_of": ("原件编号", "repeat of"),
    "uid": ("唯一标识", "uid"),
    "created_at": ("登记时间", "registered at"),
}


def field_label(name: str, lang: str) -> str:
    zh, en = FIELD_LABELS.get(name, (name, name))
    return zh if lang == "zh" else en


def to_record(p: Petition, *, reveal: bool = False) -> dict[str, Any]:
    """Canonical record of a case. `reveal=False` masks phone and ID numbers (138****5678)."""
    phone, id_number = p.phone, p.id_number
    if not reveal:
        phone = mask_phone(phone) if phone else phone
        id_number = mask_id_number(id_number) if id_number else id_number
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
        "leader": p.leader,
        "due_on": p.due_on.isoformat() if p.due_on else None,
        "status": p.status.code,
        "closed_on": p.closed_on.isoformat() if p.closed_on else None,
        "outcome": p.outcome,
        "repeat_of": p.repeat_of,
        "escalated": p.escalated,
        "created_at": p.created_at,
    }
