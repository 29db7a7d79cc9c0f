"""Registering many rows at once (demo, import): validate every row, then write all or nothing."""

from collections.abc import Iterable
from typing import Any

from guside_cli.commands._common import Run
from guside_cli.core.dates import iso_timestamp
from guside_cli.core.deadlines import handling_due
from guside_cli.core.intake import Problem, intake


def register_rows(
    ledger, rows: Iterable[tuple[int, dict[str, Any]]], run: Run
) -> tuple[int, list[tuple[int, Problem]]]:
    """Returns (rows written, problems). With any problem, nothing is written."""
    from guside_cli.storage.settings import deadline_rules

    villages = ledger.villages()
    rules = deadline_rules(ledger)
    created_at = iso_timestamp(run.now)
    problems: list[tuple[int, Problem]] = []
    written = 0
    try:
        with ledger.write():
            for row_number, raw in rows:
                petition, row_problems = intake(raw, now=run.now, villages=villages)
                problems.extend((row_number, p) for p in row_problems)
                if petition is None or problems:
                    continue  # keep validating, to report every problem at once
                due_on = handling_due(petition.received_on, rules)
                ledger.add_petition(petition, due_on=due_on, created_at=created_at)
                written += 1
            if problems:
                raise _RollBack
    except _RollBack:
        return 0, problems
    return written, problems


class _RollBack(Exception):
    """Raised inside the transaction to undo it when any row had a problem."""
