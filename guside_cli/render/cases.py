"""How cases look to people: list rows and the case file, with labels in the chosen language."""

import re
from typing import Any

from guside_cli.core.enums import Form, Level, Outcome, Pollution, Satisfaction, Source, Status, StepKind
from guside_cli.core.records import field_label

LIST_COLUMNS = ("id", "number", "received_on", "village", "level", "form", "pollution", "subject", "status", "due_on")
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


# on a narrow screen: the level as the office says it (省, 京), the form in two characters, no id column
SHORT_LEVEL = {"town": "镇", "county": "县", "prefecture": "市", "province": "省", "national": "京"}
SHORT_FORM = {"letter": "来信", "visit": "来访", "online": "网上", "phone": "电话"}
SHORT_POLLUTION = {"solid_waste": "固废", "radiation": "辐射", "ecology": "生态"}
NARROW = 100  # columns below which the list is abbreviated
LIST_SHORT_HEADERS = {"received_on": "受理", "level": "层级", "form": "形式", "pollution": "污染", "due_on": "时限"}


def list_rows(
    records: list[dict], lang: str, width: int | None = None
) -> tuple[list[str], list[list[str]], list[str], tuple[int, ...]]:
    """(headers, rows, short headers, columns that may be cut) of `list`; narrower than NARROW columns the id
    column is left out (`show` takes the number) and levels and forms are abbreviated."""
    narrow = width is not None and width < NARROW
    columns = [c for c in LIST_COLUMNS if not (narrow and c == "id")]
    headers = [field_label(c, lang) for c in columns]
    short = [LIST_SHORT_HEADERS.get(c, h) if lang == "zh" else h for c, h in zip(columns, headers, strict=True)]
    rows = []
    for record in records:
        row = []
        for c in columns:
            value = display_value(c, record.get(c), lang)
            if narrow and lang == "zh" and c == "level":
                value = SHORT_LEVEL.get(record.get(c), value)
            elif narrow and lang == "zh" and c == "form":
                value = SHORT_FORM.get(record.get(c), value)
            elif narrow and lang == "zh" and c == "village":
                value = value.removesuffix("社区").removesuffix("村") or value
            elif narrow and c == "pollution" and record.get(c):
                codes = record[c]  # the main one, and + when there are more
                main = SHORT_POLLUTION.get(codes[0]) if lang == "zh" else None
                value = (main or Pollution(codes[0]).label(lang)) + ("+" if len(codes) > 1 else "")
            elif c == "subject":
                value = shorten(value.replace("\n", " "), SUBJECT_WIDTH if width is None else 2 * SUBJECT_WIDTH)
            row.append(value)
        rows.append(row)
    squeeze = tuple(columns.index(c) for c in (("subject",) if narrow else ("subject", "pollution")))
    return headers, rows, short, squeeze


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
    "uid",
    "created_at",
)
_CODED.update({"outcome": Outcome, "satisfaction": Satisfaction, "kind": StepKind})
REPEAT_REASONS = {
    "phone": ("联系电话相同", "same phone number"),
    "id_number": ("身份证号相同", "same ID number"),
    "enterprise": ("属地和涉事企业相同", "same village and enterprise"),
}
CLOCK_LABELS = {"handling": ("办理时限", "handling"), "notice": ("受理告知时限", "acceptance notice")}


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


_ISO_STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d)?([+-]\d\d:\d\d)?")


def _stamp(value: str) -> str:
    """A stored timestamp as a person reads it (2018-11-19 01:17): it then fits a narrow column whole."""
    return value[:16].replace("T", " ") if _ISO_STAMP.fullmatch(value) else value


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
            h["at"][:16].replace("T", " "),
            h["actor"],
            h["action"],
            h["field"] or "",
            _stamp(h["old"] or ""),
            _stamp(h["new"] or ""),
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
                    clock["due_on"],
                    str(clock["days_overdue"]),
                ]
            )
    return [field_label(c, lang) for c in columns], rows
