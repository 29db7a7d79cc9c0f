"""What the report's words mean in SQL — built from core.rules, where each rule is defined once (its Python check
is built from the same data; tests/test_rule_agreement.py holds the two equal on random ledgers), so `report`,
`summary`, `bulletin`, `overdue`, `list` and the campaign cannot disagree. Each function takes the table alias
and the names of its date parameters, so a query can bind `:today`, `:end` or a positional `?` as it needs.

- escalated, handed down, group visit, joint letter, within 24 hours, the running clocks: core.rules;
- overdue on a day: open and a running clock past its due date (as the case stands now); `as_it_stood`: the
  clocks as they ran on that day (the veto and 久拖不决 at a period's end);
- due soon: a running clock falls due between two days, both included;
- carried over (信访积案) into a period: received before it started and not 销号 when it started;
- accepted (受理): accepted (`accepted_on`) or concluded, and not at a 不予受理 / 不再受理 stage (the case path);
- concluded (办结) in a period: `concluded_on` in it; struck off (销号): closed (`closed_on`) in it;
- elements complete (建档要素齐全): cause, responsible unit and forecast given, and key persons for five or more.
"""

from guside_cli.core import rules as core

ESCALATED_CODES = core.ESCALATED.codes
GROUP_VISIT_PERSONS = core.GROUP_PERSONS


def escalated(p: str = "p") -> str:
    return core.ESCALATED.sql(p)


def not_escalated(p: str = "p") -> str:
    return f"NOT {core.ESCALATED.sql(p)}"


def handed_down(p: str = "p") -> str:
    return core.HANDED_DOWN.sql(p)


def overdue(day: str = ":today", p: str = "p", *, as_it_stood: bool = False) -> str:
    """Open and past a running clock's due date on `day` (core.rules.CLOCKS)."""
    if as_it_stood:
        return core.overdue_sql(day, now=False, p=p)
    return f"{p}.status = 'open' AND {core.overdue_sql(day, p=p)}"


def due_soon(day: str = ":today", until: str = ":until", p: str = "p") -> str:
    return f"{p}.status = 'open' AND {core.due_between_sql(day, until, p)}"


def earliest_due(p: str = "p") -> str:
    return core.earliest_due_sql(p)


def carried_over(start: str = ":start", p: str = "p") -> str:
    return f"{p}.received_on < {start} AND ({p}.status = 'open' OR {p}.closed_on >= {start})"


def accepted(p: str = "p") -> str:
    return (
        f"({p}.accepted_on IS NOT NULL OR {p}.concluded_on IS NOT NULL)"
        f" AND {p}.stage NOT IN ('not_accepted', 'not_accepted_again')"
    )


def group_visit(p: str = "p") -> str:
    return core.GROUP_VISIT.sql(p)


def joint_letter(p: str = "p") -> str:
    return core.JOINT_LETTER.sql(p)


def many_persons(p: str = "p") -> str:
    return f"{p}.persons >= {core.GROUP_PERSONS}"


def within_24h(kind: str, p: str = "p") -> str:
    return core.within_hours_sql(kind, p)


def has_records(p: str = "p") -> str:
    return core.has_records_sql(p)


def needs_holder(p: str = "p") -> str:
    """On the 排查 list: a 到部去省 or handed-down case since 2017, open or 销号, with no 包案 leader (core.rules)."""
    return core.needs_holder_sql(p)


def concluded_between(start: str = ":start", end: str = ":end", p: str = "p") -> str:
    return f"{p}.concluded_on BETWEEN {start} AND {end}"


def struck_off_between(start: str = ":start", end: str = ":end", p: str = "p") -> str:
    return f"{p}.status = 'closed' AND {p}.closed_on BETWEEN {start} AND {end}"


def accepted_between(start: str = ":start", end: str = ":end", p: str = "p") -> str:
    return f"{accepted(p)} AND {p}.accepted_on BETWEEN {start} AND {end}"


def elements_complete(p: str = "p") -> str:
    return (
        f"{p}.cause IS NOT NULL AND {p}.unit IS NOT NULL AND {p}.forecast IS NOT NULL"
        f" AND NOT ({many_persons(p)} AND {p}.key_persons = '[]')"
    )


ESCALATED = escalated()
OVERDUE = overdue()  # binds :today
DUE_SOON = due_soon()  # binds :today and :until
