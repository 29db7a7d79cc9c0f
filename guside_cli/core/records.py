"""A case as a flat record with the canonical field names (`--format json`, export, import), values as
stored codes. Personal fields are masked unless the caller reveals them."""

import functools
from typing import Any

from guside_cli.core.fields import FIELDS
from guside_cli.core.identity import mask_id_number, mask_in_text, mask_name, mask_phone
from guside_cli.core.model import Petition

# Column labels for people: canonical field -> (zh, en), from the one field table (core/fields.py).
FIELD_LABELS: dict[str, tuple[str, str]] = {code: (field.zh, field.en) for code, field in FIELDS.items()}


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
        "key_repeat": p.key_repeat,
        "served_on": _iso(p.served_on),
        "rehandle_from": _iso(p.rehandle_from),
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


def export_values(fields: tuple[str, ...], row: tuple, *, redact: bool = False, structured: bool = False) -> list[Any]:
    """One exported case from the row storage computed: lists from their JSON text, the flags as bools, the
    extensions as one cell (core.extensions; `structured`: a list of objects, for JSON), and with `redact`
    personal data masked (names 张**, phone and ID numbers, numbers written in free text)."""
    lists, flags, extensions = _positions(fields)
    values = list(row)
    for i in lists:
        values[i] = _json_list(values[i])
    for i in flags:
        values[i] = bool(values[i])
    if extensions is not None:  # most cases were never extended: storage gives them "[]"
        given = values[extensions]
        none: list | None = [] if structured else None
        values[extensions] = none if given == "[]" else _extensions(given, redact=redact, structured=structured)
    if not redact:
        return values
    masked = dict(zip(fields, values, strict=True))
    masked["petitioner"] = mask_name(masked["petitioner"]) if masked["petitioner"] else None
    masked["phone"] = mask_phone(masked["phone"]) if masked["phone"] else None
    masked["id_number"] = mask_id_number(masked["id_number"]) if masked["id_number"] else None
    masked["key_persons"] = tuple(mask_name(name) for name in masked["key_persons"])
    return list(mask_free_text(masked).values())


@functools.lru_cache(maxsize=8)
def _positions(fields: tuple[str, ...]) -> tuple[tuple[int, ...], tuple[int, ...], int | None]:
    flags = tuple(i for i, name in enumerate(fields) if name in FIELDS and FIELDS[name].kind == "bool")
    extensions = fields.index("extensions") if "extensions" in fields else None
    return tuple(fields.index(name) for name in LIST_COLUMNS), flags, extensions


def _extensions(text: str | None, *, redact: bool, structured: bool) -> Any:
    """A case's extensions as storage read them (JSON), as the file's cell: a reason or an approver leaves the
    office through the one masking rule, as every free text does."""
    from dataclasses import replace

    from guside_cli.core.extensions import as_object, stored, written

    found = stored(text)
    if redact:
        found = tuple(replace(e, reason=mask_in_text(e.reason), approved_by=mask_in_text(e.approved_by)) for e in found)
    return [as_object(e) for e in found] if structured else written(found)


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
