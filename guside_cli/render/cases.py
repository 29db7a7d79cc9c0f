"""How cases look to people: list rows and the case file, with labels in the chosen language."""

import re
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
from guside_cli.messages import catalogue, text

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
        return text("case.yes" if value else "case.no", lang)
    if name.endswith("_at") and isinstance(value, str) and _STAMP.fullmatch(value):
        return value[:16].replace("T", " ")  # China time to the minute, as the office writes it
    return str(value)


_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?([+-]\d{2}:\d{2}|Z)?")


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
LIST_SHORT_HEADERS = {
    "received_on": "登记",
    "age_days": "天数",
    "level": "层级",
    "form": "形式",
    "pollution": "污染",
    "due_on": "时限",
}


def _unique_shorts(villages: set[str]) -> dict[str, str]:
    """Each village's name without 村/社区 — unless another village on the page shortens the same way (顾山村 and
    顾山社区 both stay whole)."""
    by_short: dict[str, list[str]] = {}
    for name in villages:
        by_short.setdefault(name.removesuffix("社区").removesuffix("村") or name, []).append(name)
    return {name: short if len(names) == 1 else name for short, names in by_short.items() for name in names}


def list_rows(
    records: list[dict], lang: str, width: int | None = None
) -> tuple[list[str], list[list[str]], list[str], tuple[int, ...]]:
    """(headers, rows, short headers, columns that may be cut) of `list`; narrower than NARROW columns the id
    column is left out (`show` takes the number) and levels and forms are abbreviated. Records with `age_days`
    (积案, `list --carried-over`) show it after the receipt date."""
    narrow = width is not None and width < NARROW
    columns = [c for c in LIST_COLUMNS if not (narrow and c == "id")]
    if records and "age_days" in records[0]:  # `list --carried-over`: each case's age at the period's start
        columns.insert(columns.index("received_on") + 1, "age_days")
    headers = [text("list.h.age", lang) if c == "age_days" else field_label(c, lang) for c in columns]
    short = [LIST_SHORT_HEADERS.get(c, h) if lang == "zh" else h for c, h in zip(columns, headers, strict=True)]
    village_short = _unique_shorts({r.get("village") for r in records if r.get("village")})
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
                value = village_short.get(value, value)
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
    "stage",
    "is_key",
    "key_repeat",
    "not_accepted_reason",
    "concluded_on",
    "conclusion",
    "served_on",
    "review_requested_on",
    "review_decided_on",
    "review_outcome",
    "re_review_requested_on",
    "re_review_decided_on",
    "re_review_outcome",
    "rehandle_from",
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
# (zh, en) from the catalogue, kept as tables because other renderers index them by language
REPEAT_REASONS = {why: catalogue()[f"case.repeat_reason.{why}"] for why in ("phone", "id_number", "enterprise")}
CLOCK_LABELS = {clock: catalogue()[f"case.clock.{clock}"] for clock in ("handling", "notice", "review", "re_review")}


def _t(lang: str, message_id: str, **params: Any) -> str:
    return text(message_id, lang, **params)


def clock_text(clock: dict, lang: str) -> str:
    days = clock["days_overdue"]
    label = CLOCK_LABELS[clock["clock"]][0 if lang == "zh" else 1]
    if days > 0:
        state = _t(lang, "case.days_overdue", days=days)
    elif days == 0:
        state = _t(lang, "case.due_today")
    else:
        state = _t(lang, "case.days_left", days=-days)
    if clock.get("calendar_gap"):
        state += _t(lang, "case.calendar_gap", year=clock["calendar_gap"])
    return _t(lang, "case.clock_state", clock=label, due=clock["due_on"], state=state)


def case_file_sections(view: dict, lang: str) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, headers, rows) for each part of the case file."""
    elements = [[field_label(name, lang), display_value(name, view.get(name), lang)] for name in CASE_FILE_FIELDS]
    for clock in view["clocks"]:
        elements.append([_t(lang, "case.deadline"), clock_text(clock, lang)])
    sections = [(f"{view['number']}", [_t(lang, "case.field"), _t(lang, "case.value")], elements)]
    limit = view["first_hours_limit"]
    firsts = [
        [
            display_value("kind", m["kind"], lang),
            (m["at"] or "")[:16].replace("T", " "),
            "" if m["hours"] is None else f"{m['hours']:.1f}",
            _t(lang, "case.yes") if m["within_24h"] else ("" if m["at"] is None else _t(lang, "case.no")),
        ]
        for m in view["first_three"]
    ]
    sections.append(
        (
            _t(lang, "case.firsts"),
            [
                _t(lang, "case.firsts.step"),
                _t(lang, "case.firsts.at"),
                _t(lang, "case.firsts.hours"),
                _t(lang, "case.firsts.within", hours=limit),
            ],
            firsts,
        )
    )
    if view.get("extensions"):
        columns = ("days", "approved_on", "approved_by", "told_on", "reason")
        sections.append(
            (
                _t(lang, "case.extensions"),
                [_t(lang, f"case.extensions.{c}") for c in columns],
                [["" if e[c] is None else str(e[c]) for c in columns] for e in view["extensions"]],
            )
        )
    if view["steps"]:
        sections.append(
            (
                _t(lang, "case.steps"),
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
                _t(lang, "case.repeats"),
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
    headers = [_t(lang, f"case.history.{h}") for h in ("when", "who", "action", "field", "old", "new", "note")]
    rows = [
        [
            h["at"][:16].replace("T", " "),
            h["actor"],
            _history_word("action", h["action"], lang),
            _history_field(h["action"], h["field"], lang),
            _history_value(h["field"], h["old"], lang),
            _history_value(h["field"], h["new"], lang),
            _history_note(h["note"], lang),
        ]
        for h in history
    ]
    return _t(lang, "case.history"), headers, rows


_FILE_ROW = re.compile(r"(file|sample_data) row (\d+)")


def _history_note(note: str | None, lang: str) -> str:
    """A note as the office reads it: an import's 'file row 12' (stored so) as 文件第 12 行."""
    if not note:
        return ""
    found = _FILE_ROW.fullmatch(note)
    if found and lang == "zh":
        return text("case.history.file_row", lang, row=found[2])
    return note


def _history_field(action: str, field: str | None, lang: str) -> str:
    """The field an entry changed, by its label; for a step, the step's kind (contact → 联系信访人)."""
    if not field:
        return ""
    if action == "step":
        try:
            return display_value("kind", field, lang)
        except ValueError:
            return field
    return field_label(field, lang)


def _history_word(kind: str, code: str, lang: str) -> str:
    """An action of the history as the office says it (关闭 → 销号); a code without a label shows as stored."""
    key = f"history.{kind}.{code}"
    return text(key, lang) if key in catalogue() else code


def _history_value(field: str | None, value: str | None, lang: str) -> str:
    """An old or new value with its label where the field is coded (received → 已登记); else as stored."""
    if not value:
        return ""
    if field in _CODED:
        try:
            return display_value(field, value, lang)
        except ValueError:  # a code of an older version, or not a code at all
            return value
    return _stamp(value)


def deadline_rows(views: list[dict], lang: str, *, due: bool = False) -> tuple[list[str], list[list[str]]]:
    """overdue / due lists: one row per running clock; a due list says the days left (剩余天数), not a negative
    number of days overdue."""
    columns = (
        "number",
        "village",
        "level",
        "subject",
        "leader",
        "clock",
        "due_on",
        "days_left" if due else "days_overdue",
    )
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
                    str(-clock["days_overdue"] if due else clock["days_overdue"]),
                ]
            )
    return [field_label(c, lang) for c in columns], rows


def by_leader(views: list[dict], run, within: int | None, fmt) -> None:
    """`due --by leader`: what each leader must finish, the leader with the soonest deadline first (催办)."""
    from guside_cli.messages import text
    from guside_cli.render import output
    from guside_cli.render.output import Format

    groups: dict[str, list[dict]] = {}
    for view in views:  # already soonest first
        groups.setdefault(view["leader"] or "", []).append(view)
    if fmt is Format.json:
        output.write_json(
            [{"leader": name or None, "count": len(cases), "cases": cases} for name, cases in groups.items()]
        )
        return
    if fmt is Format.csv:
        output.write_csv_records(
            [{**v, **c} for cases in groups.values() for v in cases for c in v["clocks"]],
            ["leader", "number", "village", "level", "subject", "clock", "due_on", "days_overdue"],
        )
        return
    for name, cases in groups.items():
        first = min(c["due_on"] for v in cases for c in v["clocks"])
        heading = text(
            "due.leader", run.lang, leader=name or text("summary.no_leader", run.lang), count=len(cases), first=first
        )
        headers, rows = deadline_rows(cases, run.lang, due=within is not None)
        output.print_table(headers, rows, fmt, title=heading)
        print()
