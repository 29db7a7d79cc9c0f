"""Registering a petition (建档): raw text from `add`, a file row or the sample ledger in, a validated
`NewPetition` out, with every problem found (not only the first), each naming its field."""

import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, cast

from guside_cli.core.bounds import FIRST_RECEIPT, check_receipt
from guside_cli.core.dates import parse_date, parse_datetime
from guside_cli.core.deadlines import (
    MAX_EXTENSION_DAYS,
    DeadlineRules,
    effective_due,
    latest_due,
)
from guside_cli.core.enums import Form, Level, Outcome, Pollution, ReviewOutcome, Satisfaction, Source, Stage, Status
from guside_cli.core.errors import InputError
from guside_cli.core.extensions import current, parsed
from guside_cli.core.identity import check_id_number, check_phone
from guside_cli.core.model import Extension, NewPetition, Village, new_petition
from guside_cli.core.numbering import check_given_number, number_year
from guside_cli.core.numbers import count_between
from guside_cli.core.text import clean
from guside_cli.core.villages import resolve_village
from guside_cli.messages import M

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
    message: "str | M"  # a catalogue message, or English not yet moved to the catalogue

    def __str__(self) -> str:
        """The problem after the element it is about, in the run's language (`受理时间：…`, `received: …`)."""
        from guside_cli.core.records import field_label
        from guside_cli.messages import language

        if language() == "zh" and isinstance(self.message, M):  # English not yet in the catalogue stays English
            return f"{field_label({'received': 'received_at'}.get(self.field, self.field), 'zh')}：{self.message}"
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


# Fields whose conversion depends on the value alone (for one `now` and one village list): a bulk load
# remembers them. A ledger repeats the same villages, levels, dates and enterprises; receipts, phones, ID numbers,
# case numbers and uids are (nearly) unique, so they are converted every time.
MEMO_FIELDS = frozenset(
    {
        "village", "level", "form", "source", "pollution", "persons", "subject", "cause", "unit", "enterprise",
        "forecast", "key_persons", "due_on", "leader", "status", "outcome", "closed_on", "accepted_on",
        "satisfaction", "verified", "reopened", "extension_days", "stage", "is_key", "concluded_on", "conclusion",
        "key_repeat", "served_on", "rehandle_from",
    }
)  # fmt: skip
MEMO_LIMIT = 4096  # distinct values remembered per field, so memory stays bounded on any file


class Memo:
    """What `intake` remembers across the rows of one bulk load: per field, raw text -> value or problem.
    Measured on 100,000 exported cases: 70 µs a row without it."""

    def __init__(self) -> None:
        self.fields: dict[str, dict[str, Any]] = {name: {} for name in MEMO_FIELDS}
        self.table: tuple | None = None  # the conversions, built once (see _converters)


def intake(
    raw: dict[str, Any],
    *,
    now: datetime,
    villages: list[Village],
    memo: Memo | None = None,
    due_rules: DeadlineRules | None = None,
) -> tuple[NewPetition | None, list[Problem]]:
    """Validate one petition. Returns (petition, []) or (None, problems). A `memo` shared by the rows of one
    load gives the same results, faster. `due_rules` (the ledger's deadline rules): a due date given (by hand or in
    a file: evidence, not law) is checked against the statute's latest (`deadlines.latest_due`), closed cases too."""
    problems: list[Problem] = [Problem(name, M("intake.required")) for name in missing_required(raw)]
    values: dict[str, Any] = {}
    for name, key, convert, cache in _converters(now, villages, memo):
        value = raw.get(name)
        if value is None:
            continue
        if cache is not None and value.__class__ is str:
            if not value:
                continue
            result = cache.get(value, _MISSING)
            if result is _MISSING:
                result = _convert(name, convert, value)
                if len(cache) < MEMO_LIMIT:
                    cache[value] = result
        elif value == "" or value == []:
            continue
        else:
            result = _convert(name, convert, value)
        if result.__class__ is Problem:
            problems.append(result)
        else:
            values[key] = result

    if "received_at" in values and "due_on" in values and values["due_on"] < values["received_at"].date():
        problems.append(Problem("due_on", M("intake.due_before_receipt", due=values["due_on"])))
    _impossible(values, problems)
    _path_dates(values, problems, now.date())
    _extension_total(values, problems)
    if due_rules is not None:
        _due_within_statute(values, problems, due_rules)
    _closing(values, problems, now)
    if problems:
        return None, problems
    if values.get("subject") is None:
        return None, [Problem("subject", M("intake.required"))]
    return new_petition(values), []


_MISSING = object()


def _convert(name: str, convert, value: Any) -> Any:
    try:
        return convert(value)
    except InputError as e:
        return Problem(name, e.message)  # a catalogue message stays one, rendered in the run's language


def _converters(now: datetime, villages: list[Village], memo: Memo | None) -> list[tuple[str, str, Any, Any]]:
    """(raw name, value name, conversion, the memo's dict for it or None) for every element, in the order
    problems are reported. Built once per load when a memo is given."""
    if memo is not None and memo.table is not None and memo.table[0] == (now, id(villages)):
        return memo.table[1]
    today = now.date()

    def text(name: str):
        return lambda value: _bounded_text(name, str(value))

    def stripped(fn):
        return lambda value: fn(str(value).strip())

    def day(value: Any) -> date:
        return parse_date(str(value), today)

    def flag(value: Any) -> bool:
        return value if isinstance(value, bool) else _yes_no(str(value).strip())

    table: list[Any] = [
        ("received", "received_at", lambda value: _receipt(parse_datetime(str(value), now), now)),
        ("village", "village", lambda value: resolve_village(str(value), villages).name),
        ("level", "level", Level.parse),
        ("form", "form", Form.parse),
        ("source", "source", Source.parse),
        ("pollution", "pollution", _pollution),
        ("persons", "persons", _persons),
        *((name, name, text(name)) for name in ("subject", "cause", "unit", "enterprise", "petitioner")),
        *((name, name, text(name)) for name in ("forecast", "ref_no")),
        ("phone", "phone", lambda value: check_phone(str(value))),
        ("id_number", "id_number", lambda value: check_id_number(str(value))),
        ("key_persons", "key_persons", _key_persons),
        ("number", "number", lambda value: check_given_number(str(value))),
        ("due_on", "due_on", day),
        ("repeat_of", "repeat_of", lambda value: str(value).strip() or None),
        # history brought in from an older ledger: leader, status, closing date and outcome, taken as recorded
        ("leader", "leader", text("leader")),
        ("status", "_status", Status.parse),
        ("outcome", "outcome", Outcome.parse),
        ("closed_on", "closed_on", day),
        # the extra columns of a guside export (uid, acceptance, first contact...), taken as recorded
        ("uid", "uid", stripped(_uid)),
        ("accepted_on", "accepted_on", stripped(lambda t: parse_date(t, today))),
        ("first_contact_at", "first_contact_at", stripped(lambda t: parse_datetime(t, now))),
        ("first_arrival_at", "first_arrival_at", stripped(lambda t: parse_datetime(t, now))),
        ("first_mediation_at", "first_mediation_at", stripped(lambda t: parse_datetime(t, now))),
        ("satisfaction", "satisfaction", stripped(Satisfaction.parse)),
        ("verified", "verified", stripped(_yes_no)),
        ("reopened", "reopened", stripped(lambda t: count_between(t, 0, 1000))),
        ("extension_days", "extension_days", stripped(lambda t: count_between(t, 1, MAX_EXTENSION_DAYS))),
        ("extension_reason", "extension_reason", lambda value: clean(str(value))),
        # the case path (core.casepath): 重点, the stage recorded by an office file, the date of 办结
        ("is_key", "is_key", flag),
        ("stage", "stage", stripped(Stage.parse)),
        ("concluded_on", "concluded_on", day),
        ("conclusion", "conclusion", stripped(_conclusion)),
        ("not_accepted_reason", "not_accepted_reason", lambda value: clean(str(value))),
        ("review_requested_on", "review_requested_on", day),
        ("review_decided_on", "review_decided_on", day),
        ("review_outcome", "review_outcome", stripped(ReviewOutcome.parse)),
        ("re_review_requested_on", "re_review_requested_on", day),
        ("re_review_decided_on", "re_review_decided_on", day),
        ("re_review_outcome", "re_review_outcome", stripped(ReviewOutcome.parse)),
        ("extension_approved_by", "extension_approved_by", text("leader")),
        # what the statute's rules added (m016): the key repeat mark, 送达, 撤销重办 and each extension
        ("key_repeat", "key_repeat", flag),
        ("served_on", "served_on", day),
        ("rehandle_from", "rehandle_from", day),
        ("extensions", "extensions", lambda value: _extensions(value, today)),
    ]
    remembered = memo.fields if memo is not None else {}
    table = [(name, key, convert, remembered.get(name)) for name, key, convert in table]
    if memo is not None:
        memo.table = ((now, id(villages)), table)
    return table


def _extensions(value: Any, today: date) -> tuple[Extension, ...]:
    """Each extension a file's 延期记录 gives (core.extensions), its approver held to a leader's name's length."""
    found = parsed(value, today)
    for e in found:
        _bounded_text("leader", e.approved_by or "")
    return found


def _extension_total(values: dict[str, Any], problems: list[Problem]) -> None:
    """The extensions and the clock's total agree. A file of an older ledger gives only the total (延期天数, its
    reason and approver): that is one extension, as migration m016 made of it. A file with each extension gives
    the total from them when it has no 延期天数 column — the extensions of the clock that runs now, which the
    statute holds to 30 days in all — and the reason and approver of the latest."""
    if any(p.field in ("extensions", "extension_days", "rehandle_from") for p in problems):
        return
    given = values.get("extensions")
    if given is None:
        if values.get("extension_days"):
            e = Extension(values["extension_days"], values.get("extension_reason"), values.get("extension_approved_by"))
            values["extensions"] = (e,)
        return
    total = sum(e.days for e in current(given, values.get("rehandle_from")))
    if total > MAX_EXTENSION_DAYS:
        problems.append(Problem("extensions", M("intake.extensions_over", total=total, limit=MAX_EXTENSION_DAYS)))
        return
    if values.get("extension_days") not in (None, total):  # the file's total and its list tell two clocks
        problems.append(
            Problem("extension_days", M("intake.extension_total_differs", given=values["extension_days"], total=total))
        )
        return
    if "extension_days" not in values and total:
        values["extension_days"] = total
    if given:
        values.setdefault("extension_reason", given[-1].reason)
        values.setdefault("extension_approved_by", given[-1].approved_by)


def _conclusion(text: str) -> Outcome:
    """The outcome of 办结 as an export carries it: one of the outcomes 办结 can have."""
    from guside_cli.core.casepath import conclusion

    return conclusion(text)


def closing_carried(values: dict[str, Any]) -> bool:
    """A case brought in with its history (closed, or a uid of a guside export) keeps what it recorded."""
    return "_status" in values or "closed_on" in values or "uid" in values


def _impossible(values: dict[str, Any], problems: list[Problem]) -> None:
    """Input that cannot be true: a number of another year's sequence. (A due date beyond the statute's limit is
    `_due_within_statute`'s, on the ledger's own calendar.)"""
    received = values.get("received_at")
    if received is None:
        return
    year = number_year(values["number"]) if values.get("number") else None
    if year is not None and year != received.year:
        problems.append(
            Problem("number", M("trust.number.year", value=values["number"], year=year, received=received.year))
        )


def _path_dates(values: dict[str, Any], problems: list[Problem], today: date) -> None:
    """The statute's path dates a file gives, in their order: 送达 only after an 办结 (30 days of 复查 window run
    from it), 撤销重办 only after a 复查 or 复核 decision; neither before receipt nor after today."""
    received = values.get("received_at")
    low = received.date() if received is not None else FIRST_RECEIPT
    served, concluded, rehandled = (values.get(f) for f in ("served_on", "concluded_on", "rehandle_from"))
    reviewed = values.get("review_decided_on") or values.get("re_review_decided_on")
    for field, day in (("served_on", served), ("rehandle_from", rehandled)):
        if day is not None and not low <= day <= today:
            problems.append(Problem(field, M("intake.path_date_range", day=day, low=low, today=today)))
    if served is not None and low <= served <= today and (concluded is None or served < concluded):
        problems.append(
            Problem("served_on", M("intake.served_before_conclusion", day=served, concluded=concluded or "—"))
        )
    if rehandled is not None and low <= rehandled <= today and not reviewed:
        problems.append(Problem("rehandle_from", M("intake.rehandle_without_review", day=rehandled)))


def _due_within_statute(values: dict[str, Any], problems: list[Problem], rules: DeadlineRules) -> None:
    """A due date a file gives may be earlier than the statute's (an inspection team's shorter limit), never
    later: refused naming both dates."""
    received, due = values.get("received_at"), values.get("due_on")
    if received is None or due is None or any(p.field in ("due_on", "accepted_on") for p in problems):
        return
    extension = values.get("extension_days") or 0
    latest = latest_due(
        received.date(),
        rules,
        accepted_on=values.get("accepted_on"),
        extension_days=extension,
        rehandle_from=values.get("rehandle_from"),
    )
    if due > latest:
        extra = M("sheets.due_extension", days=extension) if extension else ""
        message = M("sheets.due_beyond_statute", due=due, latest=latest, received=received.date(), extension=extra)
        problems.append(Problem("due_on", message))


def shorter_than_statute(petition: NewPetition, rules: DeadlineRules) -> bool:
    """Whether the due date a file gives is earlier than the one the statute would set (kept, and said)."""
    if petition.due_on is None:
        return False
    received = petition.received_at.date()
    clock: dict[str, Any] = {
        "accepted_on": petition.accepted_on,
        "extension_days": petition.extension_days,
        "rehandle_from": petition.rehandle_from,
    }
    return effective_due(received, rules, given=petition.due_on, **clock) < effective_due(received, rules, **clock)


def _receipt(moment: datetime, now: datetime) -> datetime:
    check_receipt(moment.date(), now.date())
    return moment


def _pollution(value: Any) -> tuple[Pollution, ...]:
    return tuple(dict.fromkeys(cast(Pollution, Pollution.parse(p)) for p in split_list(value)))


def _key_persons(value: Any) -> tuple[str, ...]:
    names = (_bounded_text("key_persons", p) for p in split_list(value))
    return tuple(dict.fromkeys(name for name in names if name))


CLOSED_STAGES = frozenset({Stage.STRUCK_OFF, Stage.NOT_ACCEPTED, Stage.NOT_ACCEPTED_AGAIN})


def _closing(values: dict[str, Any], problems: list[Problem], now: datetime) -> None:
    """A case brought in closed needs its closing date, not before its receipt nor in the future."""
    status = values.pop("_status", None)
    if any(p.field in ("closed_on", "stage") for p in problems):
        return
    stage = values.get("stage")
    if stage is not None and stage in CLOSED_STAGES:
        status = status or Status.CLOSED
    elif stage is not None and (status is Status.CLOSED or "closed_on" in values):
        problems.append(Problem("stage", M("intake.stage_open_but_closed", code=stage.code, label=stage.zh)))
        return
    if stage in (Stage.CONCLUDED, Stage.REVIEW, Stage.RE_REVIEW) and "concluded_on" not in values:
        problems.append(Problem("concluded_on", M("intake.stage_needs_concluded", code=stage.code, label=stage.zh)))
    if "concluded_on" in values and "received_at" in values and values["concluded_on"] < values["received_at"].date():
        problems.append(Problem("concluded_on", M("intake.concluded_before_receipt", day=values["concluded_on"])))
    # an outcome on an open stage is the outcome of its 办结, not a closing
    outcome_closes = "outcome" in values and stage is None
    closed = status is Status.CLOSED or "closed_on" in values or outcome_closes
    if status is Status.OPEN and ("closed_on" in values or outcome_closes):
        problems.append(Problem("status", M("intake.open_but_closing")))
    elif closed and "closed_on" not in values:
        problems.append(Problem("closed_on", M("intake.closed_needs_date")))
    elif closed:
        day = values["closed_on"]
        if "received_at" in values and day < values["received_at"].date():
            problems.append(Problem("closed_on", M("intake.closed_before_receipt", day=day)))
        elif day > now.date():
            problems.append(Problem("closed_on", M("intake.closed_in_future", day=day)))


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _uid(text: str) -> str:
    if _UUID.fullmatch(text):  # already canonical, as guside writes it
        return text
    try:
        return str(uuid.UUID(text))
    except ValueError:
        raise InputError(M("intake.not_valid", text=text)) from None


def _yes_no(text: str) -> bool:
    answers = {"true": True, "1": True, "是": True, "yes": True, "false": False, "0": False, "否": False, "no": False}
    if text.lower() not in answers:
        raise InputError(M("intake.not_yes_no", text=text))
    return answers[text.lower()]


def _bounded_text(name: str, text: str) -> str | None:
    cleaned = clean(text)
    limit = TEXT_LIMITS.get(name, 200)
    if cleaned is not None and len(cleaned) > limit:
        raise InputError(M("intake.too_long", name=_label(name), length=len(cleaned), limit=limit))
    return cleaned


def _label(name: str) -> str:
    from guside_cli.core.records import field_label
    from guside_cli.messages import language

    return field_label(name, language())


def _persons(value: Any) -> int:
    from guside_cli.core.numbers import exact_count

    text = clean(str(value)) or ""
    number = exact_count(text)
    if number is None:
        negative = exact_count(unicodedata.normalize("NFKC", text).removeprefix("-"))
        if not text or negative is None:
            raise InputError(M("intake.persons_not_number", text=value))
        number = -negative
    if not 1 <= number <= MAX_PERSONS:
        raise InputError(M("intake.persons_range", most=MAX_PERSONS, number=number))
    return number
