"""Registering a petition (建档): raw text from `add`, a file row or the sample ledger in, a validated
`NewPetition` out, with every problem found (not only the first), each naming its field."""

import unicodedata
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from guside_cli.core.dates import parse_date, parse_datetime
from guside_cli.core.enums import Form, Level, Outcome, Pollution, Satisfaction, Source, Status
from guside_cli.core.errors import InputError
from guside_cli.core.identity import check_id_number, check_phone
from guside_cli.core.model import NewPetition, Village
from guside_cli.core.numbering import check_given_number
from guside_cli.core.text import clean
from guside_cli.core.villages import resolve_village

REQUIRED = ("received", "village", "level", "subject")
TEXT_LIMITS = {
    "leader": 50,
    "subject": 2000,
    "cause": 2000,
    "forecast": 2000,
    "unit": 200,
    "enterprise": 200,
    "petitioner": 100,
    "ref_no": 100,
}
MAX_PERSONS = 100_000
LIST_SEPARATORS = (";", "；", "、", ",", "，")


@dataclass(frozen=True)
class Problem:
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


def split_list(value: Any) -> list[str]:
    """'大气;噪声' / '大气、噪声' / ['大气', '噪声'] -> ['大气', '噪声']."""
    if value is None:
        return []
    items = value if isinstance(value, list | tuple) else [value]
    out: list[str] = []
    for item in items:
        text = str(item)
        for sep in LIST_SEPARATORS[1:]:
            text = text.replace(sep, LIST_SEPARATORS[0])
        out.extend(part.strip() for part in text.split(LIST_SEPARATORS[0]) if part.strip())
    return out


def missing_required(raw: dict[str, Any]) -> list[str]:
    return [name for name in REQUIRED if raw.get(name) in (None, "")]


def intake(raw: dict[str, Any], *, now: datetime, villages: list[Village]) -> tuple[NewPetition | None, list[Problem]]:
    """Validate one petition. Returns (petition, []) or (None, problems)."""
    problems: list[Problem] = [Problem(name, "is required") for name in missing_required(raw)]
    values: dict[str, Any] = {}

    def attempt(name: str, fn, *args, key: str | None = None):
        try:
            values[key or name] = fn(*args)
        except InputError as e:
            problems.append(Problem(name, str(e)))

    if raw.get("received") not in (None, ""):
        attempt("received", parse_datetime, str(raw["received"]), now, key="received_at")
    if raw.get("village") not in (None, ""):
        attempt("village", lambda t: resolve_village(t, villages).name, str(raw["village"]))
    if raw.get("level") not in (None, ""):
        attempt("level", Level.parse, raw["level"])
    for name, kind in (("form", Form), ("source", Source)):
        if raw.get(name) not in (None, ""):
            attempt(name, kind.parse, raw[name])
    pollution = split_list(raw.get("pollution"))
    if pollution:
        attempt("pollution", lambda items: tuple(dict.fromkeys(Pollution.parse(p) for p in items)), pollution)
    if raw.get("persons") not in (None, ""):
        attempt("persons", _persons, raw["persons"])
    for name in ("subject", "cause", "unit", "enterprise", "petitioner", "forecast", "ref_no"):
        if raw.get(name) is not None:
            attempt(name, _bounded_text, name, str(raw[name]))
    attempt("phone", check_phone, _opt(raw.get("phone")))
    attempt("id_number", check_id_number, _opt(raw.get("id_number")))
    key_persons = split_list(raw.get("key_persons"))
    if key_persons:
        attempt(
            "key_persons",
            lambda items: tuple(dict.fromkeys(_bounded_text("key_persons", p) for p in items)),
            key_persons,
        )
    if raw.get("number") not in (None, ""):
        attempt("number", check_given_number, str(raw["number"]))
    if raw.get("due_on") not in (None, ""):
        attempt("due_on", parse_date, str(raw["due_on"]), now.date())
    if raw.get("repeat_of") not in (None, ""):
        values["repeat_of"] = str(raw["repeat_of"]).strip()

    if "received_at" in values and "due_on" in values and values["due_on"] < values["received_at"].date():
        problems.append(Problem("due_on", f"due date {values['due_on']} is before the receipt date"))
    _closing(raw, values, problems, now)
    _carried(raw, values, problems, now)
    if problems:
        return None, problems
    if values.get("subject") is None:
        return None, [Problem("subject", "is required")]
    return NewPetition(**values), []


def _closing(raw: dict[str, Any], values: dict[str, Any], problems: list[Problem], now: datetime) -> None:
    """History brought in from an older ledger: leader, status, closing date and outcome, taken as recorded."""
    if raw.get("leader") not in (None, ""):
        try:
            values["leader"] = _bounded_text("leader", str(raw["leader"]))
        except InputError as e:
            problems.append(Problem("leader", str(e)))
    status = None
    for name, parse in (("status", Status.parse), ("outcome", Outcome.parse)):
        if raw.get(name) not in (None, ""):
            try:
                parsed = parse(raw[name])
            except InputError as e:
                problems.append(Problem(name, str(e)))
                continue
            if name == "status":
                status = parsed
            else:
                values["outcome"] = parsed
    if raw.get("closed_on") not in (None, ""):
        try:
            values["closed_on"] = parse_date(str(raw["closed_on"]), now.date())
        except InputError as e:
            problems.append(Problem("closed_on", str(e)))
            return
    closed = status is Status.CLOSED or "closed_on" in values or "outcome" in values
    if status is Status.OPEN and ("closed_on" in values or "outcome" in values):
        problems.append(Problem("status", "the case is marked open but has a closing date or outcome"))
    elif closed and "closed_on" not in values:
        problems.append(Problem("closed_on", "a closed case needs the date it was closed (销号日期)"))
    elif closed:
        day = values["closed_on"]
        if "received_at" in values and day < values["received_at"].date():
            problems.append(Problem("closed_on", f"closed on {day}, before it was received"))
        elif day > now.date():
            problems.append(Problem("closed_on", f"closed on {day}, which is in the future"))


def _carried(raw: dict[str, Any], values: dict[str, Any], problems: list[Problem], now: datetime) -> None:
    """The extra columns of a guside export (uid, acceptance, first contact...), taken as recorded."""
    import uuid

    def parse(name: str, fn):
        if raw.get(name) in (None, ""):
            return
        try:
            values[name] = fn(str(raw[name]).strip())
        except (InputError, ValueError) as e:
            problems.append(Problem(name, str(e) if isinstance(e, InputError) else f"'{raw[name]}' is not valid"))

    parse("uid", lambda t: str(uuid.UUID(t)))
    parse("accepted_on", lambda t: parse_date(t, now.date()))
    parse("first_contact_at", lambda t: parse_datetime(t, now))
    parse("satisfaction", Satisfaction.parse)
    parse("verified", _yes_no)
    parse("reopened", lambda t: _count(t, 0, 1000))
    parse("extension_days", lambda t: _count(t, 1, 30))
    if raw.get("extension_reason") not in (None, ""):
        values["extension_reason"] = clean(str(raw["extension_reason"]))


def _yes_no(text: str) -> bool:
    answers = {"true": True, "1": True, "是": True, "yes": True, "false": False, "0": False, "否": False, "no": False}
    if text.lower() not in answers:
        raise InputError(f"'{text}' is not true/false (是/否)")
    return answers[text.lower()]


def _count(text: str, low: int, high: int) -> int:
    if not text.isascii() or not text.isdigit() or not low <= int(text) <= high:
        raise InputError(f"'{text}' is not a whole number from {low} to {high}")
    return int(text)


def _opt(value: Any) -> str | None:
    return None if value is None else str(value)


def _bounded_text(name: str, text: str) -> str | None:
    cleaned = clean(text)
    limit = TEXT_LIMITS.get(name, 200)
    if cleaned is not None and len(cleaned) > limit:
        raise InputError(f"{name} is {len(cleaned)} characters long; at most {limit} are kept, shorten it")
    return cleaned


def _persons(value: Any) -> int:
    text = clean(str(value)) or ""
    text = unicodedata.normalize("NFKC", text).removesuffix("人")
    if not text.lstrip("-").isascii() or not text.lstrip("-").isdigit():
        raise InputError(f"persons involved '{value}' is not a whole number")
    number = int(text)
    if not 1 <= number <= MAX_PERSONS:
        raise InputError(f"persons involved must be between 1 and {MAX_PERSONS}, not {number}")
    return number
