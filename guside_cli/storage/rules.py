"""What the report's words mean in SQL — one home, so `report`, `summary`, `bulletin`, `overdue`, `list` and the
campaign cannot disagree. Each rule is built from the core's definitions (core.enums.ESCALATED_LEVELS, the two
clocks of core.deadlines) and takes the table alias and the names of its date parameters, so a query can bind
`:today`, `:end` or a positional `?` as it needs.

- escalated (越级赴京到省 / 到部去省): lodged at the province or in Beijing;
- overdue on a day: open and past the first deadline still running at its stage (notice, handling, 复查, 复核;
  the case path's RUNNING_DUE in storage/casepath.py);
- past the handling limit on a day: open and past due_on only (the veto's 重点重复信访 and 久拖不决 read this);
- due soon: open and a running clock falls due between two days, both included (storage/casepath.py);
- carried over (信访积案) into a period: received before it started and not 销号 when it started;
- accepted (受理): accepted (`accepted_on`) or concluded, and not at a 不予受理 / 不再受理 stage (the case path);
- group visit (集体访): five or more persons;
- concluded (办结) in a period: `concluded_on` in it; struck off (销号): closed (`closed_on`) in it;
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
    """Open and past the first deadline still running by its stage (storage.casepath.RUNNING_DUE)."""
    from guside_cli.storage.casepath import OVERDUE as RUNNING

    return _aliased(RUNNING.replace(":today", day), p)


def past_handling_limit(day: str = ":end", p: str = "p") -> str:
    return f"{p}.status = 'open' AND {p}.due_on < {day}"


def due_soon(day: str = ":today", until: str = ":until", p: str = "p") -> str:
    from guside_cli.storage.casepath import DUE_SOON as RUNNING

    return _aliased(RUNNING.replace(":today", day).replace(":until", until), p)


def _aliased(sql: str, p: str) -> str:
    return sql if p == "p" else sql.replace("p.", f"{p}.")


def carried_over(start: str = ":start", p: str = "p") -> str:
    return f"{p}.received_on < {start} AND ({p}.status = 'open' OR {p}.closed_on >= {start})"


def accepted(p: str = "p") -> str:
    return (
        f"({p}.accepted_on IS NOT NULL OR {p}.concluded_on IS NOT NULL)"
        f" AND {p}.stage NOT IN ('not_accepted', 'not_accepted_again')"
    )


def group_visit(p: str = "p") -> str:
    return f"{p}.persons >= {GROUP_VISIT_PERSONS}"


def within_24h(kind: str, p: str = "p") -> str:
    """A step of this kind within 24 hours of receipt (steps cannot precede receipt: the first one decides)."""
    return (
        f"EXISTS (SELECT 1 FROM steps s WHERE s.petition_id = {p}.id AND s.kind = '{kind}'"
        f" AND strftime('%s', s.at) - strftime('%s', {p}.received_at) <= 86400)"
    )


def concluded_between(start: str = ":start", end: str = ":end", p: str = "p") -> str:
    return f"{p}.concluded_on BETWEEN {start} AND {end}"


def struck_off_between(start: str = ":start", end: str = ":end", p: str = "p") -> str:
    return f"{p}.status = 'closed' AND {p}.closed_on BETWEEN {start} AND {end}"


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
