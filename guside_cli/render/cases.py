"""How cases look to people: list rows and the case file, with labels in the chosen language."""

from typing import Any

from guside_cli.core.enums import (
    Form,
    Level,
    Outcome,
    Pollution,
    ReviewOutcome,
    Satisfaction,
    Source,
    Stage,
    Status,
    StepKind,
)
from guside_cli.core.records import field_label

LIST_COLUMNS = ("id", "number", "received_on", "village", "level", "form", "pollution", "subject", "stage", "due_on")
SUBJECT_WIDTH = 24
_CODED = {"form": Form, "level": Level, "source": Source, "status": Status}


def display_value(name: str, value: Any, lang: str) -> str:
    if value is None or value == []:
        return ""
    if name in _CODED:
        return _CODED[name](value).label(lang)
    if name == "pollution":
        return (
            "、".join(Pollution(v).label(lang) for v in value)
            if lang == "zh"
            else ", ".join(Pollution(v).label(lang) for v in value)
        )
    if isinstance(value, list):
        return "、".join(value)
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    return str(value)


def shorten(text: str, width: int) -> str:
    from wcwidth import wcswidth

    if wcswidth(text) <= width:
        return text
    out = ""
    for ch in text:
        if wcswidth(out + ch) > width - 1:
            break
        out += ch
    return out + "…"


def list_rows(records: list[dict], lang: str) -> tuple[list[str], list[list[str]]]:
    headers = [field_label(c, lang) for c in LIST_COLUMNS]
    rows = []
    for record in records:
        row = [display_value(c, record.get(c), lang) for c in LIST_COLUMNS]
        row[LIST_COLUMNS.index("subject")] = shorten(
            row[LIST_COLUMNS.index("subject")].replace("\n", " "), SUBJECT_WIDTH
        )
        rows.append(row)
    return headers, rows


CASE_FILE_FIELDS = (
    "number",
    "id",
    "received_at",
    "village",
    "form",
    "level",
    "source",
    "pollution",
    "subject",
    "cause",
    "persons",
    "unit",
    "enterprise",
    "petitioner",
    "phone",
    "id_number",
    "key_persons",
    "forecast",
    "ref_no",
    "leader",
    "leader_title",
    "accepted_on",
    "due_on",
    "extension_days",
    "extension_reason",
    "status",
    "closed_on",
    "outcome",
    "satisfaction",
    "verified",
    "reopened",
    "repeat_of",
    "came_back",
    "stage",
    "is_key",
    "not_accepted_reason",
    "concluded_on",
    "conclusion",
    "review_requested_on",
    "review_decided_on",
    "review_outcome",
    "re_review_requested_on",
    "re_review_decided_on",
    "re_review_outcome",
    "extension_approved_by",
    "former_numbers",
    "uid",
    "created_at",
)
_CODED.update(
    {
        "outcome": Outcome,
        "conclusion": Outcome,
        "satisfaction": Satisfaction,
        "kind": StepKind,
        "stage": Stage,
        "review_outcome": ReviewOutcome,
        "re_review_outcome": ReviewOutcome,
    }
)
REPEAT_REASONS = {
    "phone": ("联系电话相同", "same phone number"),
    "id_number": ("身份证号相同", "same ID number"),
    "enterprise": ("属地和涉事企业相同", "same village and enterprise"),
}
CLOCK_LABELS = {
    "handling": ("办理时限", "handling"),
    "notice": ("受理告知时限", "acceptance notice"),
    "review": ("复查决定时限", "review decision"),
    "re_review": ("复核决定时限", "re-review decision"),
}


def _t(lang: str, zh: str, en: str) -> str:
    return zh if lang == "zh" else en


def clock_text(clock: dict, lang: str) -> str:
    days = clock["days_overdue"]
    label = CLOCK_LABELS[clock["clock"]][0 if lang == "zh" else 1]
    if days > 0:
        state = _t(lang, f"超期 {days} 天", f"{days} days overdue")
    elif days == 0:
        state = _t(lang, "今日到期", "due today")
    else:
        state = _t(lang, f"还剩 {-days} 天", f"{-days} days left")
    if clock.get("calendar_gap"):
        gap = clock["calendar_gap"]
        state += _t(lang, f"；节假日日历无 {gap} 年数据，按自然日", f"; no holiday calendar for {gap}, calendar days")
    return f"{label} {clock['due_on']}（{state}）" if lang == "zh" else f"{label} {clock['due_on']} ({state})"


def case_file_sections(view: dict, lang: str) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, headers, rows) for each part of the case file."""
    elements = [[field_label(name, lang), display_value(name, view.get(name), lang)] for name in CASE_FILE_FIELDS]
    for clock in view["clocks"]:
        elements.append([_t(lang, "时限", "deadline"), clock_text(clock, lang)])
    sections = [(f"{view['number']}", [_t(lang, "项目", "field"), _t(lang, "内容", "value")], elements)]
    limit = view["first_hours_limit"]
    firsts = [
        [
            display_value("kind", m["kind"], lang),
            (m["at"] or "")[:16].replace("T", " "),
            "" if m["hours"] is None else f"{m['hours']:.1f}",
            _t(lang, "是", "yes") if m["within_24h"] else ("" if m["at"] is None else _t(lang, "否", "no")),
        ]
        for m in view["first_three"]
    ]
    sections.append(
        (
            _t(lang, "三个第一", "the three firsts"),
            [
                _t(lang, "环节", "step"),
                _t(lang, "首次时间", "first at"),
                _t(lang, "距受理小时", "hours"),
                _t(lang, f"{limit}小时内", f"within {limit}h"),
            ],
            firsts,
        )
    )
    if view["steps"]:
        sections.append(
            (
                _t(lang, "调处记录", "steps"),
                [field_label(c, lang) for c in ("at", "kind", "by", "note")],
                [
                    [
                        s["at"][:16].replace("T", " "),
                        display_value("kind", s["kind"], lang),
                        s["by"] or "",
                        s["note"] or "",
                    ]
                    for s in view["steps"]
                ],
            )
        )
    if view["chain"]:
        sections.append(
            (
                _t(lang, "重复信访", "repeats"),
                [field_label(c, lang) for c in ("number", "received_on", "status")],
                [
                    [
                        c["number"] + (" ←" if c["this"] else ""),
                        c["received_on"],
                        display_value("status", c["status"], lang),
                    ]
                    for c in view["chain"]
                ],
            )
        )
    sections.append(history_section(view["history"], lang))
    return sections


def history_section(history: list[dict], lang: str) -> tuple[str, list[str], list[list[str]]]:
    headers = [
        _t(lang, h[0], h[1])
        for h in (
            ("时间", "when"),
            ("操作人", "who"),
            ("操作", "action"),
            ("字段", "field"),
            ("原值", "old"),
            ("新值", "new"),
            ("说明", "note"),
        )
    ]
    rows = [
        [
            h["at"][:19].replace("T", " "),
            h["actor"],
            h["action"],
            h["field"] or "",
            h["old"] or "",
            h["new"] or "",
            h["note"] or "",
        ]
        for h in history
    ]
    return _t(lang, "变更记录", "history"), headers, rows


def deadline_rows(views: list[dict], lang: str) -> tuple[list[str], list[list[str]]]:
    """overdue / due lists: one row per running clock."""
    columns = ("number", "village", "level", "subject", "leader", "clock", "due_on", "days_overdue")
    rows = []
    for view in views:
        for clock in view["clocks"]:
            rows.append(
                [
                    view["number"],
                    view["village"],
                    display_value("level", view["level"], lang),
                    shorten(view["subject"].replace("\n", " "), SUBJECT_WIDTH),
                    view["leader"] or "",
                    CLOCK_LABELS[clock["clock"]][0 if lang == "zh" else 1],
                    clock["due_on"] + ("*" if clock.get("calendar_gap") else ""),
                    str(clock["days_overdue"]),
                ]
            )
    return [field_label(c, lang) for c in columns], rows
