"""The petition (信访件) as the domain sees it: one record = one petition (件)."""

from dataclasses import dataclass, field
from datetime import date, datetime

from guside_cli.core.enums import Form, Level, Pollution, Source, Status

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
PERSONAL_FIELDS = ("petitioner", "phone", "id_number", "key_persons")


@dataclass(frozen=True)
class Village:
    name: str
    short: str
    kind: str  # 村 or 社区


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

    @property
    def received_on(self) -> date:
        return self.received_at.date()


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
    leader: str | None = None
    closed_on: date | None = None
    outcome: str | None = None
    repeat_of: str | None = None  # the earlier case's number
    extra: dict = field(default_factory=dict)

    @property
    def received_on(self) -> date:
        return self.received_at.date()

    @property
    def escalated(self) -> bool:
        return self.level.escalated
