"""How cases look to people: list rows and the case file, with labels in the chosen language."""

from typing import Any

from guside_cli.core.enums import Form, Level, Pollution, Source, Status
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
    "due_on",
    "status",
    "closed_on",
    "outcome",
    "repeat_of",
    "uid",
    "created_at",
)


def case_file_rows(record: dict, lang: str) -> list[list[str]]:
    return [[field_label(name, lang), display_value(name, record.get(name), lang)] for name in CASE_FILE_FIELDS]
