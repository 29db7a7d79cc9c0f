"""Which cases a listing, export or report selects. Pure data: storage turns it into SQL."""

from dataclasses import dataclass
from datetime import date

from guside_cli.core.enums import Form, Level, Source, Status


@dataclass(frozen=True)
class CaseFilter:
    start: date | None = None  # receipt date, inclusive
    end: date | None = None  # receipt date, inclusive
    village: str | None = None  # full name, already resolved
    level: Level | None = None
    form: Form | None = None
    source: Source | None = None
    status: Status | None = None
    text: str | None = None  # searched in number, subject, cause, unit, enterprise, ref_no
    escalated: bool | None = None
    leader: str | None = None  # leader's name
    repeats: bool = False  # only cases in a repeat chain
    enterprise: str | None = None  # exact name
    # a column that may take any of several values (`--level 省 --level 京`): (column, codes) pairs
    any_of: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exposed_by: date | None = None  # 定时公开曝光: only cases marked for exposure, scheduled on or before this day
    carried_over: date | None = None  # 积案: received before this date and not 销号 on it (receipt bounds unused)
