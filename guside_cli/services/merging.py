"""Several desks, one town; several towns, one county: `merge`, `conflicts` and `resolve`, one door each. A merge
is a writer like the others: what it takes from another ledger is written with its history in the receiving
ledger's one transaction, sealed at its end, and every case it changed is judged by the plan's and statute's
rules there.

A source is another desk's file, and trusted no more than a file handed in at the counter. Before anything is
written, to the source or here, each source is
- another file than this ledger (device and inode: a hard link is the same ledger);
- whole by its own `check`, read-only (a trigger added to it, rows changed by SQL, a forged history, a table
  replaced by a view: refused, named — so no trigger of a source ever runs during a merge);
- no older than, and on the chain of, the head this ledger recorded when it last merged it;
- made of cases `add`/`import` would take: each case through `core.intake`, every text it brings clean by the
  one text boundary (core.text) and bounded.
"""

import sqlite3
from pathlib import Path

from guside_cli.services.ledger import open_ledger, writing


def merge(run, sources: list[Path], *, by: str | None, reveal: bool = False) -> list:
    """Merge each source into the run's ledger (made when missing); returns a MergeResult per source. Each source
    is vetted first (nothing written on a refusal), then written too, in a transaction of its own: its field
    versions brought up to date. `reveal`: the conflicts are shown in clear, which the history records."""
    from guside_cli.core.errors import LedgerError
    from guside_cli.messages import M
    from guside_cli.storage.ledger import Ledger
    from guside_cli.storage.merge import Merger, release_cache, seal

    vetted = [_vet(run, path) for path in sources]
    opened = []
    try:
        for path, seen in zip(sources, vetted, strict=True):
            source = Ledger.open(path)
            opened.append(source)
            try:
                with writing(source, run, by):
                    _still_as_checked(source, path, seen)
                    seal(source)
                release_cache(source)
            except sqlite3.OperationalError as e:
                if "readonly" in str(e) or "read-only" in str(e):
                    raise LedgerError(M("merge.source_readonly", path=path)) from None
                raise
        results = []
        with open_ledger(run, create=True) as ledger, writing(ledger, run, by):
            seal(ledger)
            for path, source in zip(sources, opened, strict=True):
                refuse_off_chain(ledger.conn, source, path)  # again, where no other merge can come between
                results.append(Merger(ledger, source, str(path)).run())
            if reveal and any(r.conflicts for r in results):
                ledger.log(None, "reveal", note="merge conflicts")
    finally:
        for source in opened:
            source.close()
    return results


def _vet(run, path: Path) -> tuple[str, tuple[int, str]]:
    """A source read-only, before anything is written: refused (one line, naming why) unless it is another file,
    passes its own check, stands where this ledger last saw it and holds only what add/import would take.
    Returns what was checked (the schema's digest and the chain's head), which the write compares."""
    from guside_cli.core.errors import LedgerError
    from guside_cli.core.text import shown
    from guside_cli.messages import M
    from guside_cli.storage.ledger import Ledger
    from guside_cli.storage.merge_sources import checked_state, same_file

    if not path.is_file():
        raise LedgerError(M("merge.no_source", path=shown(path)))
    if run.db.exists() and (path.resolve() == run.db.resolve() or same_file(path, run.db)):
        raise LedgerError(M("sources.same_file", path=shown(path)))
    with Ledger.open_read_only(path) as source:
        try:
            _whole_by_its_own_check(source, path)
            _standing(run, source, path)
            _takeable(run, source, path)
            return checked_state(source.conn)
        except sqlite3.DatabaseError as e:  # a table dropped, a column gone: not a ledger this merge can read
            import re

            missing = re.match(r"no such (table|column): (\S+)", str(e))
            why = M(f"sources.missing_{missing.group(1)}", name=shown(missing.group(2))) if missing else shown(str(e))
            raise LedgerError(M("sources.not_a_ledger", path=shown(path), why=why)) from None


def _whole_by_its_own_check(source, path: Path) -> None:
    """The source's own `check`. A source of an older guside (upgraded when it is opened for writing, and checked
    whole again there) is held here to what its version can show: a sound file, its guards, its chain, and no
    trigger or view guside never makes (the only triggers guside makes are the history's two guards) — so none
    can run during its upgrade."""
    from guside_cli.core.errors import LedgerError
    from guside_cli.core.text import shown
    from guside_cli.messages import M, language
    from guside_cli.storage.merge_sources import foreign_objects, schema_version
    from guside_cli.storage.migrations import LATEST_VERSION

    found, _ = source.check()
    older = 0 < schema_version(source.conn) < LATEST_VERSION
    failed = [f"{f['check']}: {f['detail']}" for f in found if not f["ok"]]
    if older:
        failed = [f for f in failed if not f.startswith(("schema:", "history_replay:"))]
        failed += [f"schema: {name}" for name in foreign_objects(source.conn)]
    if failed:
        named = ("；" if language() == "zh" else "; ").join(failed)
        raise LedgerError(M("sources.fails_check", path=shown(path), failed=named[:600]))


def _standing(run, source, path: Path) -> None:
    """The source against the head this ledger recorded when it last merged it (storage/merge_sources.py)."""
    from guside_cli.storage.merge_sources import recorded_heads

    with recorded_heads(run.db) as mine:
        if mine is not None:
            refuse_off_chain(mine, source, path)


def refuse_off_chain(mine, source, path: Path) -> None:
    """Refused, naming both heads and the day, when the source (a Ledger) is behind or off the head this ledger
    (a connection) recorded when it last merged it."""
    from guside_cli.core.errors import InputError
    from guside_cli.core.text import shown
    from guside_cli.messages import M
    from guside_cli.storage.merge_sources import standing
    from guside_cli.storage.settings import get_setting

    found = standing(mine, source.conn)
    if found is None:
        return
    kind = found.pop("kind")
    town = shown(get_setting(source, "town.name"))
    raise InputError(M(f"sources.{kind}", source=shown(path), town=town, **found))


def _takeable(run, source, path: Path) -> None:
    """Every case the source holds as add/import would take it (core.intake: receipts not before 1949 nor after
    today, numbers of the case's year and the ledger's forms, phones and ID numbers, codes, bounded texts), and
    every text it holds already clean by the one text boundary (no ESC, no bidi override) and bounded."""
    from guside_cli.core.errors import InputError
    from guside_cli.core.intake import Memo, Problem, intake
    from guside_cli.core.records import field_label
    from guside_cli.core.text import TEXT_LIMIT, clean, shown
    from guside_cli.messages import M, language
    from guside_cli.storage.merge_sources import incoming_cases, incoming_texts
    from guside_cli.storage.settings import get_setting

    def refuse(case: str, problems: list) -> None:
        separator = "；" if language() == "zh" else "; "
        joined = separator.join(str(p) for p in problems[:5])
        raise InputError(M("sources.row_refused", path=shown(path), case=shown(case), problems=joined))

    for what, _, column, value in incoming_texts(source.conn):
        if len(value) > TEXT_LIMIT:
            too_long = M(
                "trust.text.too_long", field=field_label(column, language()), length=len(value), limit=TEXT_LIMIT
            )
            refuse(what, [Problem(column, too_long)])
        # what guside's own input would store, trimmed of spaces and line breaks only: str.strip() would also
        # take the ASCII separators (U+001C-U+001F), letting a control character at either end through
        if clean(value) != (value.strip(" \n") or None):
            refuse(what, [Problem(column, M("sources.text_unclean", value=shown(value[:40])))])
    villages, memo = source.villages(), Memo()
    for number, raw in incoming_cases(source.conn, get_setting(source, "town.name")):
        _, problems = intake(raw, now=run.now, villages=villages, memo=memo)
        if problems:
            refuse(number, problems)


def _still_as_checked(source, path: Path, checked: tuple[str, tuple[int, str]]) -> None:
    """Inside the source's write transaction, before a byte is written to it: the source is the one that was
    vetted. Changed since (a desk wrote, an upgrade ran when it was opened): vetted again, here, where nothing
    can change it any more."""
    from guside_cli.storage.merge_sources import checked_state

    if checked_state(source.conn) == checked:
        return
    _whole_by_its_own_check(source, path)


def conflicts(run, *, reveal: bool = False) -> list[dict]:
    """The open merge conflicts; with `reveal` in clear, which the history records (who saw what)."""
    from guside_cli.services.cases import record_reveal
    from guside_cli.storage.merge_conflicts import open_conflicts

    with open_ledger(run) as ledger:
        rows = open_conflicts(ledger)
        if reveal and rows:
            record_reveal(ledger, run, None, "conflicts")
    return rows


def resolve(run, case: str, field: str, take: str, *, by: str | None) -> dict:
    """Settle one merge conflict: `take` mine, theirs or a value, checked as add/edit would check it for that
    field (the case corrected through core.intake, as `edit` does), else refused with nothing written."""
    from guside_cli.storage.merge_conflicts import find_conflict
    from guside_cli.storage.merge_conflicts import resolve as settle

    with open_ledger(run) as ledger, writing(ledger, run, by):
        if take not in ("mine", "theirs"):
            take = _checked_value(run, ledger, find_conflict(ledger, case, field), take)
        return settle(ledger, case, field, take)


def _checked_value(run, ledger, conflict, take: str):
    """The value given for a conflict as the field's own door would take it: stored form, or refused."""
    from guside_cli.core.errors import InputError
    from guside_cli.core.model import EDITABLE_FIELDS
    from guside_cli.core.numbering import check_given_number, check_number_scope, number_year
    from guside_cli.messages import M
    from guside_cli.services.casework import _corrected
    from guside_cli.storage.cases import ATTRIBUTE, _column_value
    from guside_cli.storage.merge_sources import case_id
    from guside_cli.storage.settings import deadline_rules

    table, column = conflict["tbl"], conflict["field"]
    if table != "petitions":
        return take  # a register's field (a leader's title, an enterprise's rating): the column's own check
    key = conflict["key"]
    if conflict["kind"] == "number" or column == "number":
        import json

        if conflict["kind"] == "number":  # the case waits outside the ledger: its row as the source had it
            row = json.loads(conflict["theirs_row"])
            received, level, village = int(row["received_at"][:4]), row["level"], row["village"]
        else:
            p = ledger.by_id(case_id(ledger.conn, key))
            received, level, village = p.received_at.year, p.level.code, p.village
        number = check_given_number(take)
        year = number_year(number)
        if year is not None and year != received:
            raise InputError(M("trust.number.year", value=number, year=year, received=received))
        check_number_scope(number, level, ledger.village_short(village))
        return number
    names = {v: k for k, v in ATTRIBUTE.items()}
    name = names.get(column, column)
    if name not in EDITABLE_FIELDS:
        raise InputError(M("sources.take_side_only", field=column))
    p = ledger.by_id(case_id(ledger.conn, key))
    corrected = _corrected(p, [f"{name}={take}"], run.now, ledger.villages(), deadline_rules(ledger))
    value = _column_value(column, getattr(corrected, "received_at" if name == "received" else name))
    if column == "received_at" and value is not None:
        value = value.isoformat() if hasattr(value, "isoformat") else value
    return value
