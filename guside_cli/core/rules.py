"""One home for each rule the reports count by: each rule is data here, and both its Python check (for one case)
and its SQL predicate (for a report over many, storage/rules.py) are built from that data, so the two cannot
drift (tests/test_rule_agreement.py holds them equal on random ledgers).

- escalated (越级赴京到省 / 到部去省, plan 二): lodged at the province or in Beijing;
- handed down (上级交办, plan 四(三)): from the central or provincial inspection, the 263 campaign or above;
- the running clocks (信访工作条例 第三十二、三十三、三十五条): each starts on a date of the case, stops on
  others, and falls due on a stored date; a clock runs on a day when it has started by then and nothing has
  stopped it by then; a case is overdue on a day when one of its clocks runs past its due date;
- group visit (集体访, 条例 第十八条): a visit (来访) by five or more; a letter signed by five or more is a
  joint letter (联名信), counted apart;
- within 24 hours (三个第一, plan 四(二)): a step of the kind within 24 hours of receipt.
"""

from dataclasses import dataclass
from datetime import date, datetime

from guside_cli.core.enums import ESCALATED_LEVELS, HANDED_DOWN_SOURCES, Form

# --- a value in a set ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OneOf:
    """A rule that a column holds one of a few codes."""

    column: str
    codes: tuple[str, ...]

    def holds(self, case) -> bool:
        value = getattr(case, self.column)
        return getattr(value, "code", value) in self.codes

    def sql(self, p: str = "p") -> str:
        # `a = 'x' OR a = 'y'` rather than IN: SQLite builds an ephemeral index for a constant IN list (m007)
        return "(" + " OR ".join(f"{p}.{self.column} = '{code}'" for code in self.codes) + ")"


ESCALATED = OneOf("level", tuple(sorted(level.code for level in ESCALATED_LEVELS)))
HANDED_DOWN = OneOf("source", tuple(sorted(source.code for source in HANDED_DOWN_SOURCES)))


# --- 集体访 and 联名信 --------------------------------------------------------------------------------------

GROUP_PERSONS = 5  # 条例 第十八条: 多人采用走访形式 … 推选代表，代表人数一般不超过5人: five or more is a group


@dataclass(frozen=True)
class ManyPersons:
    """Five or more persons in one form: a group visit (来访) or a joint letter (来信)."""

    form: Form
    least: int = GROUP_PERSONS

    def holds(self, case) -> bool:
        return case.form is self.form and case.persons >= self.least

    def sql(self, p: str = "p") -> str:
        return f"({p}.form = '{self.form.code}' AND {p}.persons >= {self.least})"


GROUP_VISIT = ManyPersons(Form.VISIT)
JOINT_LETTER = ManyPersons(Form.LETTER)


# --- the clocks -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Clock:
    """A statutory period: runs from `starts` (a date of the case) until any of `stopped_by` is recorded, and
    falls due on `due` (a stored date, computed by core.deadlines on the calendar in force)."""

    name: str
    starts: str
    due: str
    stopped_by: tuple[str, ...]
    source: str  # the statute's article, for the README's rules section

    def running(self, case, day: date | None = None) -> bool:
        """Running on `day` (None: now, as the case stands)."""
        start = getattr(case, self.starts)
        if start is None or getattr(case, self.due) is None:
            return False
        if day is None:
            return all(getattr(case, stop) is None for stop in self.stopped_by)
        if _day(start) > day:
            return False
        return all(getattr(case, stop) is None or _day(getattr(case, stop)) > day for stop in self.stopped_by)

    def overdue(self, case, day: date, *, now: bool = True) -> bool:
        """Running past its due date on `day` (`now`: the clock as the case stands; else as it stood on day)."""
        return self.running(case, None if now else day) and getattr(case, self.due) < day

    def running_sql(self, day: str | None = None, p: str = "p") -> str:
        stops = " AND ".join(
            f"{p}.{stop} IS NULL" if day is None else f"({p}.{stop} IS NULL OR {p}.{stop} > {day})"
            for stop in self.stopped_by
        )
        started = f"{p}.{self.starts} IS NOT NULL" if day is None else f"{p}.{self.starts} <= {day}"
        return f"({started} AND {p}.{self.due} IS NOT NULL AND {stops})"

    def overdue_sql(self, day: str, *, now: bool = True, p: str = "p") -> str:
        return f"({self.running_sql(None if now else day, p)} AND {p}.{self.due} < {day})"


def _day(value) -> date:
    return value.date() if isinstance(value, datetime) else value


# A handling clock restarted by 撤销重办 runs from the decision (rehandle_from): its due date says so, and it
# runs from receipt all the same (a case is being handled from the day it came in).
HANDLING = Clock("handling", "received_on", "due_on", ("concluded_on", "closed_on"), "条例 第三十三条")
NOTICE = Clock(
    "notice",
    "received_on",
    "notice_due_on",
    ("accepted_on", "concluded_on", "rehandle_from", "closed_on"),
    "第三十二条",
)
REVIEW = Clock("review", "review_requested_on", "review_due_on", ("review_decided_on", "closed_on"), "第三十五条")
RE_REVIEW = Clock(
    "re_review", "re_review_requested_on", "re_review_due_on", ("re_review_decided_on", "closed_on"), "第三十六条"
)
CLOCKS = (HANDLING, NOTICE, REVIEW, RE_REVIEW)  # the order `overdue` and `show` list them in


def running_clocks(case, day: date | None = None) -> list[Clock]:
    return [clock for clock in CLOCKS if clock.running(case, day)]


def overdue_clocks(case, day: date, *, now: bool = True) -> list[Clock]:
    return [clock for clock in CLOCKS if clock.overdue(case, day, now=now)]


def is_overdue(case, day: date, *, now: bool = True) -> bool:
    return bool(overdue_clocks(case, day, now=now))


def overdue_sql(day: str = ":today", *, now: bool = True, p: str = "p") -> str:
    return "(" + " OR ".join(clock.overdue_sql(day, now=now, p=p) for clock in CLOCKS) + ")"


def due_between_sql(start: str = ":today", until: str = ":until", p: str = "p") -> str:
    """A running clock falls due between two days, both included."""
    return (
        "("
        + " OR ".join(f"({c.running_sql(None, p)} AND {p}.{c.due} BETWEEN {start} AND {until})" for c in CLOCKS)
        + ")"
    )


def due_between(case, start: date, until: date) -> bool:
    return any(c.running(case) and start <= getattr(case, c.due) <= until for c in CLOCKS)


def earliest_due_sql(p: str = "p") -> str:
    """The first running clock's due date ('9999-12-31' when none runs), for ordering."""
    parts = ", ".join(f"CASE WHEN {c.running_sql(None, p)} THEN {p}.{c.due} ELSE '9999-12-31' END" for c in CLOCKS)
    return f"min({parts})"


def earliest_due(case) -> date | None:
    return min((getattr(case, c.due) for c in running_clocks(case)), default=None)


# --- 三个第一 --------------------------------------------------------------------------------------------

FIRST_HOURS = 24


def within_hours(received_at: datetime, first: datetime | None, hours: int = FIRST_HOURS) -> bool:
    return first is not None and (first - received_at).total_seconds() <= hours * 3600


def within_hours_sql(kind: str, p: str = "p", hours: int = FIRST_HOURS) -> str:
    """A step of this kind within `hours` of receipt (steps cannot precede receipt: the first one decides)."""
    return (
        f"EXISTS (SELECT 1 FROM steps s WHERE s.petition_id = {p}.id AND s.kind = '{kind}'"
        f" AND strftime('%s', s.at) - strftime('%s', {p}.received_at) <= {hours * 3600})"
    )


NOT_A_RECORD = "notify"  # the acceptance notice is the record of 受理, not of contact or handling


def has_records(steps) -> bool:
    """The case has records of its handling at all (a step other than the acceptance notice): its 三个第一 can
    be judged. An imported history often has none: unknown, never "not within 24 hours"."""
    return any(getattr(s.kind, "code", s.kind) != NOT_A_RECORD for s in steps)


def has_records_sql(p: str = "p") -> str:
    return f"EXISTS (SELECT 1 FROM steps s WHERE s.petition_id = {p}.id AND s.kind != '{NOT_A_RECORD}')"


# --- 排查: cases the plan wants held by a leader --------------------------------------------------------------

# 三(二): 对2017年以来到部去省信访进行全面梳理 … 列出清单，逐个包案给党政领导; 四(三): 所有上级交办环境信访问题，
# 都要逐个落实班子领导包案
SURVEY_SINCE = date(2017, 1, 1)


def needs_holder(case) -> bool:
    """A 到部去省 or handed-down case received since 2017 with no 包案 leader, open or 销号 (the plan reviews them
    all, 全面梳理): on the 排查 list, until a leader holds it (`assign` takes a 销号 case on this list)."""
    return (
        case.received_on >= SURVEY_SINCE and case.leader is None and (ESCALATED.holds(case) or HANDED_DOWN.holds(case))
    )


def needs_holder_sql(p: str = "p") -> str:
    return (
        f"({p}.received_on >= '{SURVEY_SINCE.isoformat()}' AND {p}.leader_id IS NULL"
        f" AND ({ESCALATED.sql(p)} OR {HANDED_DOWN.sql(p)}))"
    )
