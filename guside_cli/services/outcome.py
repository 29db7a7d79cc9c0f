"""What a write service returns for its command to say: the result line, and notes for the error stream (a
deadline the official calendar has no data for). Services decide and write; commands only say."""

from dataclasses import dataclass, field
from datetime import date

from guside_cli.messages import M


@dataclass
class Said:
    """The result of one write: `line` for standard output, `notes` for the error stream, `value` for a command
    that renders more (a case, a list)."""

    line: M | None = None
    notes: list[M] = field(default_factory=list)
    value: object = None
    lines: list[M] = field(default_factory=list)  # further result lines, after `line`


def calendar_notes(ledger, *dues: date | None) -> list[M]:
    """A note on every deadline the official calendar has no data for (never a silent guess)."""
    from guside_cli.core.deadlines import calendar_gap
    from guside_cli.storage.settings import deadline_rules

    rules = deadline_rules(ledger)
    notes = []
    for due in dues:
        year = calendar_gap(due, rules)
        if year is not None:
            notes.append(M("calendar.no_data", year=year, due=due))
    return notes
