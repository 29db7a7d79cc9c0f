"""The petition (信访件) as the domain sees it: one record = one petition (件)."""

import dataclasses
import operator
from dataclasses import dataclass
from datetime import date, datetime
from typing import NamedTuple

from guside_cli.core.enums import (
    Form,
    Level,
    Outcome,
    Pollution,
    Rank,
    ReviewOutcome,
    Satisfaction,
    Source,
    Stage,
    Status,
    StepKind,
)

# The canonical field names shared by `--format json`, export and import (in this order).
CANONICAL_FIELDS = (
    "number",
    "received_on",
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
)
# Columns an export adds after the canonical ones, so that export -> import gives the same ledger and report.
CARRIED_FIELDS = (
    "received_at",
    "uid",
    "accepted_on",
    "first_contact_at",
    "reopened",
    "satisfaction",
    "verified",
    "extension_days",
    "extension_reason",
    "stage",
    "is_key",
    "concluded_on",
    "conclusion",
    "not_accepted_reason",
    "review_requested_on",
    "review_decided_on",
    "review_outcome",
    "re_review_requested_on",
    "re_review_decided_on",
    "re_review_outcome",
    "extension_approved_by",
    "key_repeat",
    "served_on",
    "rehandle_from",
    "extensions",
    "first_arrival_at",
    "first_mediation_at",
)
# The registered elements `guside edit --set NAME=VALUE` may correct (raw names, as `add` and import take them).
EDITABLE_FIELDS = (
    "received",
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
    "due_on",
    "is_key",
)


@dataclass(frozen=True)
class Village:
    name: str
    short: str
    kind: str  # 村 or 社区


@dataclass(frozen=True)
class Leader:
    """The one named leader who takes personal charge of a case (包案)."""

    name: str
    title: str | None
    rank: Rank | None  # None: not known yet (a leader named by an imported file)
    id: int | None = None
    village: str | None = None  # the village a village cadre serves (属地班子包案, 四(五)); None: not on record


@dataclass(frozen=True)
class Step:
    """One mediation step (调处) on a case."""

    kind: StepKind
    at: datetime
    by: str | None
    note: str | None
    id: int | None = None


@dataclass(frozen=True)
class Extension:
    """One approved extension of a case's handling clock (延期, 条例 第三十三条): several may be granted, 30 days in
    all, each approved by the head and told to the petitioner."""

    days: int
    reason: str | None = None
    approved_by: str | None = None
    approved_on: date | None = None
    told_on: date | None = None


@dataclass(frozen=True)
class HistoryEntry:
    id: int
    at: str
    actor: str
    action: str
    field: str | None
    old: str | None
    new: str | None
    note: str | None
    number: str | None = None


@dataclass(frozen=True)
class NewPetition:
    """What the desk registers (建档). Validated and normalised by `core.intake`; numbered by storage."""

    received_at: datetime
    village: str
    level: Level
    subject: str
    form: Form | None = None
    source: Source = Source.DIRECT
    pollution: tuple[Pollution, ...] = ()
    cause: str | None = None
    persons: int = 1
    unit: str | None = None
    enterprise: str | None = None
    petitioner: str | None = None
    phone: str | None = None
    id_number: str | None = None
    key_persons: tuple[str, ...] = ()
    forecast: str | None = None
    ref_no: str | None = None
    number: str | None = None  # given by hand or by import; else assigned
    due_on: date | None = None
    repeat_of: str | None = None  # number or id of an earlier case
    # history brought in by import (a case closed before the tool existed needs no steps)
    leader: str | None = None
    closed_on: date | None = None
    outcome: Outcome | None = None
    # what an export of a guside ledger carries beyond the canonical fields, so that it imports back whole
    uid: str | None = None
    accepted_on: date | None = None
    first_contact_at: datetime | None = None
    first_arrival_at: datetime | None = None  # with first contact: the 三个第一 a file carries (steps are not)
    first_mediation_at: datetime | None = None
    reopened: int = 0
    satisfaction: Satisfaction | None = None
    verified: bool = False
    extension_days: int | None = None
    extension_reason: str | None = None
    is_key: bool = False  # 重点交办: the office's mark on a handed-down case (a town leader holds it)
    key_repeat: bool = False  # 重点重复信访: the office's mark on a repeat matter (its village's head handles it)
    stage: Stage | None = None  # as recorded by an older ledger or office file; else derived
    concluded_on: date | None = None
    conclusion: Outcome | None = None  # the outcome of 办结 when it differs from the latest (销号) outcome
    not_accepted_reason: str | None = None
    review_requested_on: date | None = None
    review_decided_on: date | None = None
    review_outcome: ReviewOutcome | None = None
    re_review_requested_on: date | None = None
    re_review_decided_on: date | None = None
    re_review_outcome: ReviewOutcome | None = None
    extension_approved_by: str | None = None
    served_on: date | None = None  # 送达: the written opinion received by the petitioner
    rehandle_from: date | None = None  # 撤销重办: a 复查/复核 decision started a new handling clock on this day
    extensions: tuple[Extension, ...] = ()  # each approved extension, in order (`extension_days`: this clock's)

    @property
    def closed(self) -> bool:
        return self.closed_on is not None

    @property
    def received_on(self) -> date:
        return self.received_at.date()


_NEW_FIELDS = frozenset(NewPetition.__dataclass_fields__)
_NEW_REQUIRED = frozenset(f.name for f in dataclasses.fields(NewPetition) if f.default is dataclasses.MISSING)
# every field in the class's order, the required ones (always given) as None until set
_NEW_DEFAULTS = {
    f.name: None if f.default is dataclasses.MISSING else f.default for f in dataclasses.fields(NewPetition)
}


def new_petition(values: dict) -> NewPetition:
    """`NewPetition(**values)`, made as a bulk load makes a million of them: the fields set at once instead of
    one frozen-dataclass `__setattr__` each (the same instance; any other set of names goes through the class)."""
    if not values.keys() >= _NEW_REQUIRED or not values.keys() <= _NEW_FIELDS:
        return NewPetition(**values)
    made = object.__new__(NewPetition)
    state = made.__dict__
    state.update(_NEW_DEFAULTS)
    state.update(values)
    return made


class HandedCase(NamedTuple):
    """What the writing process of a large import needs of a checked case (numbering it, the 包案 rule, its
    carried steps, a repeat's link), handed over from the reading process instead of the whole NewPetition:
    a fifth of the time to pickle and unpickle (bench/README.md). Its names and properties are NewPetition's."""

    number: str | None
    uid: str | None
    level: Level
    source: Source
    is_key: bool
    village: str
    received_at: datetime
    subject: str
    petitioner: str | None
    closed_on: date | None
    outcome: Outcome | None
    stage: Stage | None
    leader: str | None
    repeat_of: str | None
    enterprise: str | None
    key_persons: tuple[str, ...]
    first_contact_at: datetime | None
    first_arrival_at: datetime | None
    first_mediation_at: datetime | None
    accepted_on: date | None
    key_repeat: bool
    extensions: tuple[Extension, ...]

    @property
    def closed(self) -> bool:
        return self.closed_on is not None

    @property
    def received_on(self) -> date:
        return self.received_at.date()


_HANDED = operator.attrgetter(*HandedCase._fields)


def handed(p: NewPetition) -> HandedCase:
    return HandedCase(*_HANDED(p))


@dataclass(frozen=True)
class Petition:
    """A registered case as read back from the ledger."""

    id: int
    uid: str
    number: str
    received_at: datetime
    village: str
    level: Level
    subject: str
    form: Form | None
    source: Source
    pollution: tuple[Pollution, ...]
    cause: str | None
    persons: int
    unit: str | None
    enterprise: str | None
    petitioner: str | None
    phone: str | None
    id_number: str | None
    key_persons: tuple[str, ...]
    forecast: str | None
    ref_no: str | None
    due_on: date | None
    status: Status
    created_at: str
    leader: Leader | None = None
    closed_on: date | None = None
    outcome: Outcome | None = None
    repeat_of: str | None = None  # the earlier case's number
    accepted_on: date | None = None  # date of the 受理告知 step
    notice_due_on: date | None = None
    due_given: date | None = None
    extension_days: int | None = None
    extension_reason: str | None = None
    reopened: int = 0
    satisfaction: Satisfaction | None = None
    verified: bool = False
    came_back: int = 0  # later petitions linked to this one as repeats (重复信访)
    # the statute's case path (信访工作条例 2022): stage, 办结, 复查 and 复核
    stage: Stage = Stage.RECEIVED
    is_key: bool = False
    not_accepted_reason: str | None = None
    concluded_on: date | None = None
    conclusion: Outcome | None = None  # the outcome of 办结 (`outcome` is the latest: 办结, then 销号)
    review_requested_on: date | None = None
    review_due_on: date | None = None
    review_decided_on: date | None = None
    review_outcome: ReviewOutcome | None = None
    re_review_requested_on: date | None = None
    re_review_due_on: date | None = None
    re_review_decided_on: date | None = None
    re_review_outcome: ReviewOutcome | None = None
    extension_approved_by: str | None = None
    key_repeat: bool = False  # 重点重复信访 (三(三), 四(七)); `is_key` is 重点交办 (四(三))
    served_on: date | None = None  # the written opinion received by the petitioner (送达): the 复查 window's start
    rehandle_from: date | None = None  # a 复查/复核 decision revoked the opinion (撤销重办): handling runs again
    closed_from: Stage | None = None  # the stage a closed case had: `reopen` (a correction) returns to it
    former_numbers: tuple[str, ...] = ()  # numbers it had before its level crossed the numbering line

    @property
    def received_on(self) -> date:
        return self.received_at.date()

    @property
    def escalated(self) -> bool:
        return self.level.escalated


@dataclass(frozen=True)
class CaseFile:
    """Everything `show` tells about one case."""

    petition: Petition
    steps: tuple[Step, ...]
    history: tuple[HistoryEntry, ...]
    chain: tuple[Petition, ...]  # the repeat chain this case belongs to, first petition first
    extensions: tuple[Extension, ...] = ()  # each approved extension, in the order granted
