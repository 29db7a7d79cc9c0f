"""Turning raw values into registered cases: many rows at once (demo, import), and corrections (edit)."""

from collections.abc import Iterable
from typing import Any

from guside_cli.commands._common import Run, writing
from guside_cli.core.errors import GusideError, InputError
from guside_cli.core.intake import Problem, intake
from guside_cli.core.lifecycle import check_assignment
from guside_cli.core.model import EDITABLE_FIELDS, NewPetition, Petition


def register_rows(
    ledger, rows: Iterable[tuple[int, dict[str, Any]]], run: Run
) -> tuple[int, list[tuple[int, Problem]]]:
    """Returns (rows written, problems). With any problem, nothing is written."""
    villages = ledger.villages()
    problems: list[tuple[int, Problem]] = []
    written = 0
    try:
        with writing(ledger, run):
            for row_number, raw in rows:
                petition, row_problems = intake(raw, now=run.now, villages=villages)
                problems.extend((row_number, p) for p in row_problems)
                if petition is None or problems:
                    continue  # keep validating, to report every problem at once
                try:
                    record_history(ledger, ledger.add_petition(petition), petition)
                except GusideError as e:
                    problems.append((row_number, Problem(getattr(e, "field", "row"), str(e))))
                    continue
                written += 1
            if problems:
                raise _RollBack
    except _RollBack:
        return 0, problems
    return written, problems


def record_history(ledger, case: Petition, petition: NewPetition) -> None:
    """A leader, closing date and outcome brought in from an older ledger, taken as recorded: a case closed
    before the tool existed needs no steps. The 包案 rank rule applies where the leader's rank is known."""
    if petition.leader:
        leader = ledger.leader_or_new(petition.leader)
        if leader.rank is not None:
            check_assignment(case, leader)
        ledger.assign(case, leader, unit=None, due=None)
    if petition.closed:
        ledger.close_case(
            case, petition.outcome, petition.closed_on, note="imported", verified=False, satisfaction=None
        )


def register_leaders(ledger, rows: Iterable[tuple[int, dict[str, Any]]]) -> None:
    from guside_cli.core.enums import Rank
    from guside_cli.core.model import Leader

    for _, raw in rows:
        ledger.add_leader(Leader(name=raw["name"], title=raw.get("title"), rank=Rank.parse(raw["rank"])))


def record_steps(ledger, rows: Iterable[tuple[int, dict[str, Any]]], run: Run) -> int:
    """Steps kept elsewhere before (the sample ledger's steps.csv), taken as recorded."""
    from guside_cli.core.dates import parse_datetime
    from guside_cli.core.enums import StepKind
    from guside_cli.core.model import Step

    count = 0
    for row_number, raw in rows:
        try:
            case = ledger.get(raw["number"])
            step = Step(
                kind=StepKind.parse(raw["kind"]),
                at=parse_datetime(raw["at"], run.now),
                by=raw.get("by"),
                note=raw.get("note"),
            )
        except GusideError as e:
            raise InputError(f"row {row_number}: {e}") from None
        ledger.add_step(case, step)
        count += 1
    return count


class _RollBack(Exception):
    """Raised inside the transaction to undo it when any row had a problem."""


# what `edit --set` calls each element (the same names as `add`'s options and the canonical fields)
EDIT_ALIASES = {
    "received_on": "received",
    "received_at": "received",
    "ref": "ref_no",
    "due": "due_on",
    "id-number": "id_number",
    "key-persons": "key_persons",
    "key_person": "key_persons",
}


def raw_of(p: Petition) -> dict[str, Any]:
    """A registered case as the raw values `intake` reads, so a correction is validated like a new entry."""
    return {
        "received": p.received_at.strftime("%Y-%m-%d %H:%M:%S"),
        "village": p.village,
        "form": p.form.code if p.form else None,
        "level": p.level.code,
        "source": p.source.code,
        "pollution": [x.code for x in p.pollution],
        "subject": p.subject,
        "cause": p.cause,
        "persons": str(p.persons),
        "unit": p.unit,
        "enterprise": p.enterprise,
        "petitioner": p.petitioner,
        "phone": p.phone,
        "id_number": p.id_number,
        "key_persons": list(p.key_persons),
        "forecast": p.forecast,
        "ref_no": p.ref_no,
        "due_on": p.due_given.isoformat() if p.due_given else None,
    }


def edit_raw(ledger, p: Petition, assignments: list[str], run: Run) -> NewPetition:
    raw = raw_of(p)
    for assignment in assignments:
        name, sep, value = assignment.partition("=")
        name = EDIT_ALIASES.get(name.strip(), name.strip())
        if not sep or name not in EDITABLE_FIELDS:
            fields = ", ".join(EDITABLE_FIELDS)
            raise InputError(f"--set takes FIELD=VALUE with FIELD one of {fields}; got '{assignment}'")
        raw[name] = value if value.strip() else None
    petition, problems = intake(raw, now=run.now, villages=ledger.villages())
    if problems:
        raise InputError("; ".join(str(problem) for problem in problems))
    return petition
