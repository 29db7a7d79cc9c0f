"""What the report's words mean in SQL — one home, so `report`, `summary`, `bulletin`, `overdue`, `list` and the
campaign cannot disagree. Each rule is built from the core's definitions (core.enums.ESCALATED_LEVELS, the two
clocks of core.deadlines) and takes the table alias and the names of its date parameters, so a query can bind
`:today`, `:end` or a positional `?` as it needs.

- escalated (越级赴京到省 / 到部去省): lodged at the province or in Beijing;
- overdue on a day: open and past due on either clock — handling (due_on), or the acceptance notice while no
  notice is recorded (notice_due_on);
- past the handling limit on a day: open and past due_on only (the veto's 重点重复信访 and 久拖不决 read this);
- due soon: open and a clock falls due between two days, both included;
- carried over (信访积案) into a period: received before it started and not 销号 when it started;
- accepted (受理): today the notify step (受理告知, `accepted_on`), not closed as not accepted. When the ledger
  records stages, this is the one line to change;
- group visit (集体访): five or more persons;
- concluded (办结) on a day: closed that day; struck off (销号): closed with an outcome other than 阶段性办结
  (interim) — today the ledger records one closing, so both read `closed_on`;
- elements complete (建档要素齐全): cause, responsible unit and forecast given, and key persons for a group.
"""

from guside_cli.core.enums import ESCALATED_LEVELS

ESCALATED_CODES = tuple(sorted(level.code for level in ESCALATED_LEVELS))
_IN = "(" + ", ".join(f"'{code}'" for code in ESCALATED_CODES) + ")"
GROUP_VISIT_PERSONS = 5  # 集体访: five or more persons (信访工作条例's 多人走访 threshold)


def escalated(p: str = "p") -> str:
    return f"{p}.level IN {_IN}"


def not_escalated(p: str = "p") -> str:
    return f"{p}.level NOT IN {_IN}"


def overdue(day: str = ":today", p: str = "p") -> str:
    return f"{p}.status = 'open' AND ({p}.due_on < {day} OR ({p}.accepted_on IS NULL AND {p}.notice_due_on < {day}))"


def past_handling_limit(day: str = ":end", p: str = "p") -> str:
    return f"{p}.status = 'open' AND {p}.due_on < {day}"


def due_soon(day: str = ":today", until: str = ":until", p: str = "p") -> str:
    return (
        f"{p}.status = 'open' AND ({p}.due_on BETWEEN {day} AND {until}"
        f" OR ({p}.accepted_on IS NULL AND {p}.notice_due_on BETWEEN {day} AND {until}))"
    )


def carried_over(start: str = ":start", p: str = "p") -> str:
    return f"{p}.received_on < {start} AND ({p}.status = 'open' OR {p}.closed_on >= {start})"


def accepted(p: str = "p") -> str:
    return f"{p}.accepted_on IS NOT NULL AND coalesce({p}.outcome, '') <> 'not_accepted'"


def group_visit(p: str = "p") -> str:
    return f"{p}.persons >= {GROUP_VISIT_PERSONS}"


def within_24h(kind: str, p: str = "p") -> str:
    """A step of this kind within 24 hours of receipt (steps cannot precede receipt: the first one decides)."""
    return (
        f"EXISTS (SELECT 1 FROM steps s WHERE s.petition_id = {p}.id AND s.kind = '{kind}'"
        f" AND strftime('%s', s.at) - strftime('%s', {p}.received_at) <= 86400)"
    )


def concluded_between(start: str = ":start", end: str = ":end", p: str = "p") -> str:
    return f"{p}.closed_on BETWEEN {start} AND {end}"


def struck_off_between(start: str = ":start", end: str = ":end", p: str = "p") -> str:
    return f"{concluded_between(start, end, p)} AND coalesce({p}.outcome, '') <> 'interim'"


def accepted_between(start: str = ":start", end: str = ":end", p: str = "p") -> str:
    return f"{accepted(p)} AND {p}.accepted_on BETWEEN {start} AND {end}"


def elements_complete(p: str = "p") -> str:
    return (
        f"{p}.cause IS NOT NULL AND {p}.unit IS NOT NULL AND {p}.forecast IS NOT NULL"
        f" AND NOT ({group_visit(p)} AND {p}.key_persons = '[]')"
    )


ESCALATED = escalated()
OVERDUE = overdue()  # binds :today
DUE_SOON = due_soon()  # binds :today and :until
