"""A case's extensions (延期记录) in one cell of a file, as a clerk reads and types them: one extension a line,
its days first, then the day it was approved, who approved it, the day the petitioner was told and why —

    10天 2018-06-10 批准：王镇长 告知：2018-06-11 理由：需现场监测
    10天 2018-06-15 批准：王镇长 告知：2018-06-18 理由：需第三方检测

each part but the days may be left out, and a line may also be ended by ；(10天 …；10天 …). The reason comes
last and is taken to the end of its extension, so it may hold any text but a new line (or ；) that starts
with N天. A JSON file carries the same as a list of objects ({"days": 10, "approved_on": …})."""

import json
import re
from datetime import date
from typing import Any

from guside_cli.core.errors import InputError
from guside_cli.core.model import Extension
from guside_cli.core.text import clean
from guside_cli.messages import M

APPROVED, TOLD, REASON = "批准", "告知", "理由"  # the words a cell's parts are named by, as export writes them
_KEYS = tuple(Extension.__dataclass_fields__)
# where one extension ends and the next starts: a line break or ；before N天
_BETWEEN = re.compile(r"(?:\n|[;；])\s*(?=\d+\s*天(?:\s|$))")
_ENTRY = re.compile(
    rf"(?P<days>\d+)\s*天"
    rf"(?:\s+(?P<on>\d\S*))?"
    rf"(?:\s+{APPROVED}人?\s*[:：]\s*(?P<by>.+?))?"
    rf"(?:\s+{TOLD}(?:日期)?\s*[:：]\s*(?P<told>\S+))?"
    rf"(?:\s+(?:{REASON}|原因)\s*[:：]\s*(?P<reason>.*))?",
    re.S,
)


def written(extensions: tuple[Extension, ...]) -> str | None:
    """The cell a file holds for these extensions (None: there are none)."""
    return "\n".join(map(_line, extensions)) or None


def one_line(reason: str | None) -> str | None:
    """An extension's reason on one line (a line break in it would start another extension in the file's cell):
    what `extend` stores and what the cell writes for a reason stored before."""
    return re.sub(r"\s*\n\s*", " ", reason) if reason else reason


def _line(e: Extension) -> str:
    e = Extension(e.days, one_line(e.reason), e.approved_by, e.approved_on, e.told_on)
    parts = [f"{e.days}天"]
    if e.approved_on:
        parts.append(e.approved_on.isoformat())
    if e.approved_by:
        parts.append(f"{APPROVED}：{e.approved_by}")
    if e.told_on:
        parts.append(f"{TOLD}：{e.told_on.isoformat()}")
    if e.reason:
        parts.append(f"{REASON}：{e.reason}")
    return " ".join(parts)


def as_object(e: Extension) -> dict[str, Any]:
    """One extension as a JSON file carries it."""
    return {key: value.isoformat() if isinstance(value, date) else value for key, value in vars(e).items()}


def from_row(row: Any) -> Extension:
    """One extension as storage holds it (a row of `extensions`, or its JSON object): its dates from ISO text."""

    def day(text: str | None) -> date | None:
        return date.fromisoformat(text) if text else None

    return Extension(row["days"], row["reason"], row["approved_by"], day(row["approved_on"]), day(row["told_on"]))


def stored(text: str | None) -> tuple[Extension, ...]:
    """The extensions storage read for an export (a JSON array of their rows, in the order they were granted)."""
    if not text or text == "[]":
        return ()
    return tuple(map(from_row, json.loads(text)))


def parsed(value: Any, today: date) -> tuple[Extension, ...]:
    """The extensions a file's cell gives (text, or JSON's list of objects or of lines); refused, naming the part
    it cannot read, when it is not in the form `written` gives."""
    items = value if isinstance(value, list | tuple) else [value]
    found: list[Extension] = []
    for item in items:
        if isinstance(item, dict):
            found.append(_object(item, today))
        else:
            found.extend(_entry(part.strip(), today) for part in _BETWEEN.split(str(item)) if part.strip(" \n;；"))
    return tuple(found)


def _entry(text: str, today: date) -> Extension:
    from guside_cli.core.dates import parse_date

    m = _ENTRY.fullmatch(text)
    if m is None:
        raise InputError(M("intake.extension_unreadable", text=text))
    on, told = (parse_date(m[name], today) if m[name] else None for name in ("on", "told"))
    return Extension(_days(m["days"]), clean(m["reason"]), clean(m["by"]), on, told)


def _object(item: dict, today: date) -> Extension:
    from guside_cli.core.dates import parse_date

    if not item.keys() <= set(_KEYS) or "days" not in item:
        raise InputError(M("intake.extension_unreadable", text=json.dumps(item, ensure_ascii=False)))
    on, told = (parse_date(str(item[name]), today) if item.get(name) else None for name in ("approved_on", "told_on"))
    reason, by = (clean(str(item[name])) if item.get(name) else None for name in ("reason", "approved_by"))
    return Extension(_days(str(item["days"])), reason, by, on, told)


def _days(text: str) -> int:
    from guside_cli.core.deadlines import MAX_EXTENSION_DAYS
    from guside_cli.core.numbers import count_between

    return count_between(text, 1, MAX_EXTENSION_DAYS)


def current(extensions: tuple[Extension, ...], rehandle_from: date | None) -> tuple[Extension, ...]:
    """The extensions of the handling clock that runs now: all of them, or after 撤销重办 those approved since
    (the revoked handling's extensions stay on record but no longer count)."""
    if rehandle_from is None:
        return extensions
    return tuple(e for e in extensions if e.approved_on is not None and e.approved_on >= rehandle_from)
