"""Import, one door: raw values turned into registered cases, many rows at once (a file, the demo), in one sealed
transaction with their leaders, villages and steps."""

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from guside_cli.core.casepath import check_rank
from guside_cli.core.errors import GusideError, InputError
from guside_cli.core.intake import Memo, Problem, intake
from guside_cli.core.model import HandedCase, NewPetition, Petition
from guside_cli.messages import M
from guside_cli.services.ledger import writing

if TYPE_CHECKING:
    from guside_cli.commands._common import Run


@dataclass
class LoadResult:
    written: int = 0
    skipped: int = 0  # a number already in the ledger (re-import), left as it is
    duplicate_rows: list[int] = field(default_factory=list)  # rows without a number: a case already in the ledger
    updated: int = 0  # ... or corrected from the file, with --update
    villages_added: list[str] = field(default_factory=list)
    village_rows: dict[str, int] = field(default_factory=dict)  # a village added -> the row that named it
    problems: list[tuple[int, Problem]] = field(default_factory=list)


def register_rows(
    ledger,
    rows: Iterable[tuple[int, dict[str, Any]]],
    run: "Run",
    *,
    update: bool = False,
    new_villages: bool = False,
    dry_run: bool = False,
    progress=None,
    origin: str = "file",
    source=None,
) -> LoadResult:
    """Validate and register every row in one transaction. Any problem, or a dry run, and nothing is written;
    every problem is collected, not only the first. Valid rows wait in groups of `BulkLoad.BATCH`, so the
    ledger is asked once per group which of their numbers it holds. Given the file's `source`, a large file is
    read and checked in a second process (services/checking.py)."""
    from guside_cli.services.checking import checked_in_worker, worth_a_worker
    from guside_cli.storage.bulk import BulkLoad
    from guside_cli.storage.settings import deadline_rules

    result = LoadResult()
    villages = ledger.villages()
    try:
        with writing(ledger, run):
            # into an empty ledger, secondary indexes (the uid index too) are built once at the end (same transaction)
            dropped = ledger.drop_secondary_indexes() if not dry_run and ledger.is_empty() else []
            load = BulkLoad(ledger, rules=deadline_rules(ledger), shorts={v.name: v.short for v in villages})
            waiting: list[tuple[int, NewPetition | HandedCase, tuple | None]] = []
            leaders: dict[str, Any] = {}

            def register_waiting() -> None:
                load.look_up([p.number for _, p, _ in waiting if p.number is not None])
                for row, petition, prepared in waiting:
                    try:
                        _register(ledger, load, row, petition, result, update, leaders, origin, prepared)
                    except GusideError as e:
                        result.problems.append((row, Problem(e.field or "row", e.message)))
                waiting.clear()

            def new_villages_known(known: list) -> None:
                load.shorts = {v.name: v.short for v in known}

            if source is not None and not new_villages and worth_a_worker(source.size):
                checked = checked_in_worker(
                    rows,
                    now=run.now,
                    villages=villages,
                    source=source,
                    prepare=(ledger, load.rules),
                    whole=update,  # a correction compares every element
                )
            else:
                checked = _checked(
                    ledger, rows, run, result, villages, new_villages, new_villages_known, load.rules, source
                )
            for row_number, petition, row_problems, prepared in checked:
                result.problems.extend((row_number, p) for p in row_problems)
                if progress:
                    progress(row_number)
                if petition is None:
                    continue
                # after a problem the rows are still written (the whole load is rolled back at the end), so a
                # number or uid given twice further on is named in the same run, not in the next one
                waiting.append((row_number, petition, prepared))
                if len(waiting) >= load.BATCH:
                    register_waiting()
            if waiting:
                register_waiting()
            load.flush()
            result.problems.extend((row, Problem(e.field or "row", e.message)) for row, e in load.problems)
            twice: list = []
            if dropped and (result.problems or dry_run):
                twice = load.duplicate_uids()  # the uid index was to be built after the rows: ask by one query
            elif dropped:
                try:
                    ledger.restore_indexes(dropped)
                except sqlite3.IntegrityError:  # the unique uid index, built after the rows: name the rows
                    twice = load.duplicate_uids()
            result.problems.extend((row, Problem(e.field or "row", e.message)) for row, e in twice)
            result.problems.sort(key=lambda found: found[0])
            if result.problems or dry_run:
                raise _RollBack
            if dropped:
                ledger.conn.execute("ANALYZE")  # statistics for the planner, as the indexes were built
    except _RollBack:
        if result.problems:
            result.written = result.updated = 0
    return result


def _checked(
    ledger, rows, run: "Run", result: LoadResult, villages: list, new_villages: bool, on_new_villages, rules, source
):
    """The rows checked here, one by one: with --new-villages a row may add its village for the rows after it.
    A due date the file gives is checked against the statute under the ledger's deadline `rules`; one earlier
    than the statute's is kept and noted in the file's `source` (None: a file of guside's own, the demo)."""
    from guside_cli.core.intake import shorter_than_statute

    memo = Memo()
    for row_number, raw in rows:
        if new_villages and raw.get("village"):
            known = len(villages)
            villages = _ensure_village(ledger, str(raw["village"]), villages, result, row_number)
            if len(villages) != known:
                on_new_villages(villages)
                memo.fields["village"].clear()
        petition, problems = intake(raw, now=run.now, villages=villages, memo=memo, due_rules=rules)
        earlier = petition is not None and petition.due_on is not None and shorter_than_statute(petition, rules)
        if earlier and source is not None:
            source.due_earlier.append(row_number)
        yield row_number, petition, problems, None


def _register(
    ledger,
    load,
    row: int,
    petition: NewPetition | HandedCase,
    result: LoadResult,
    update: bool,
    leaders: dict,
    origin: str,
    prepared: tuple | None,
) -> None:
    if load.holds(petition.number):  # the same number twice in the file: compare with the first, written
        load.flush()
    existing = ledger.find_number(petition.number) if petition.number and load.taken(petition.number) else None
    if existing is None and petition.number is None and load.already_there(petition):
        result.duplicate_rows.append(row)  # the same case again (the office's file imported twice): named, left
        return
    if existing is None:
        leader_id = None
        if petition.closed and petition.level.escalated and not petition.leader:
            refused = petition.outcome is not None and petition.outcome.code == "not_accepted"
            if not refused and (petition.stage is None or petition.stage.code == "struck_off"):
                # a closing recorded elsewhere is kept (no step needed), but not without the town leader who held it
                from guside_cli.core.errors import RuleViolation

                raise RuleViolation(M("rule.import_closed_needs_leader"), field="leader")
        if petition.leader:
            if petition.leader not in leaders:
                leaders[petition.leader] = ledger.leader_or_new(petition.leader)
            leader = leaders[petition.leader]
            check_rank(petition, leader, strict=False)
            leader_id = leader.id
        load.add(row, petition, leader_id=leader_id, note=f"{origin} row {row}", prepared=prepared)
        result.written += 1
    elif existing.id >= load.first_id and not (
        petition.uid and petition.uid == existing.uid and _same_case(existing, petition)
    ):
        # written from this file: the number twice in it, for two cases (the same uid and the same receipt,
        # village and subject is the same case again; the same uid on another case is a contradiction)
        raise InputError(
            M("files.number_twice", number=petition.number, first=load.row_of(existing.id) or "?", row=row),
            field="number",
        )
    elif petition.uid and petition.uid != existing.uid:
        # the same number on a different case: two desks numbered independently; skipping would lose a case
        raise InputError(M("import.uid_differs", number=petition.number), field="number")
    elif update:
        load.flush()  # a correction reads and writes the ledger directly
        if ledger.update_elements(existing, petition):
            result.updated += 1
        else:
            result.skipped += 1
    elif petition.uid == existing.uid or _same_case(existing, petition):
        result.skipped += 1  # the same case again (a file imported twice): left as it is, and counted
    else:  # another case under that number: skipping would lose this row's case
        raise InputError(
            M(
                "files.number_held",
                number=petition.number,
                received=existing.received_at.date().isoformat(),
                village=existing.village,
                subject=existing.subject[:30],
            ),
            field="number",
        )


def _same_case(existing: Petition, petition: NewPetition | HandedCase) -> bool:
    return (
        existing.received_at.date() == petition.received_at.date()
        and existing.village == petition.village
        and existing.subject == petition.subject
    )


def _ensure_village(ledger, name: str, villages: list, result: LoadResult, row: int) -> list:
    from guside_cli.core.villages import make_village, resolve_village, with_free_short

    try:
        resolve_village(name, villages)
        return villages
    except InputError:
        village, _ = with_free_short(make_village(name), villages)
        ledger.add_village(village)
        result.villages_added.append(village.name)
        result.village_rows[village.name] = row
        return ledger.villages()


def register_leaders(ledger, rows: Iterable[tuple[int, dict[str, Any]]]) -> None:
    from guside_cli.core.enums import Rank
    from guside_cli.core.model import Leader

    for _, raw in rows:
        village = raw.get("village") or None  # 属地包案: the village a village cadre serves
        ledger.add_leader(
            Leader(name=raw["name"], title=raw.get("title"), rank=Rank.parse(raw["rank"]), village=village)
        )


def record_steps(ledger, rows: Iterable[tuple[int, dict[str, Any]]], run: "Run") -> int:
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
            raise InputError(M("intake.row", row=row_number, problem=e.message)) from None
        ledger.add_step(case, step)
        count += 1
    return count


class _RollBack(Exception):
    """Raised inside the transaction to undo it when any row had a problem."""


def load_demo(ledger, run: "Run", data) -> tuple[int, int]:
    """The demo ledger from `sample_data/`: its leaders, its petitions (as an import), its steps. Returns how many
    petitions and steps were written; a sample row the rules refuse is an error (the sample is ours)."""
    from guside_cli.interchange.canonical import read_canonical_csv
    from guside_cli.interchange.readers import open_source

    with writing(ledger, run):
        register_leaders(ledger, read_canonical_csv(data / "leaders.csv"))
    _, rows = open_source(data / "petitions.csv")
    loaded = register_rows(ledger, rows, run, origin="sample_data")
    if loaded.problems:
        row, problem = loaded.problems[0]
        raise InputError(M("report.demo.bad_sample", row=row, problem=problem))
    with writing(ledger, run):
        steps = record_steps(ledger, read_canonical_csv(data / "steps.csv"), run)
    return loaded.written, steps
