"""Merge conflicts: recorded (one open per row and field), listed, and settled by `guside resolve`."""

import json
import sqlite3

from guside_cli.core.errors import InputError, NotFound
from guside_cli.core.merge import bump, dumps, join
from guside_cli.core.numbering import check_given_number
from guside_cli.messages import M
from guside_cli.storage.merge_rows import SYNCED, columns, id_links, insert_sql

# the history names some columns otherwise (`assign` logs the leader as "leader")
HISTORY_FIELD = {"leader_id": "leader", "received_at": "received"}


def last_change(ledger, table: str, local_id: int | None, column: str) -> tuple[str | None, str | None]:
    """When and by whom a field was last changed, as the ledger's history tells it (the case's last row when
    no row names the field)."""
    if table != "petitions" or local_id is None:
        return None, None
    row = (
        ledger.conn.execute(
            "SELECT at, actor FROM history WHERE petition_id = ? AND field IN (?, ?) ORDER BY id DESC LIMIT 1",
            (local_id, column, HISTORY_FIELD.get(column, column)),
        ).fetchone()
        or ledger.conn.execute(
            "SELECT at, actor FROM history WHERE petition_id = ? ORDER BY id DESC LIMIT 1", (local_id,)
        ).fetchone()
    )
    return (row[0], row[1]) if row else (None, None)


def record_conflict(ledger, c: dict) -> None:
    """One open conflict per row and field: a merge meeting it again refreshes it, and logs only a new one."""
    values = (
        c["kind"],
        dumps(c["mine"]),
        dumps(c["theirs"]),
        dumps(c["theirs_clock"]),
        dumps(c["theirs_row"]) if c["theirs_row"] is not None else None,
        c["source"],
        *c["mine_change"],
        *c["theirs_change"],
    )
    open_row = ledger.conn.execute(
        "SELECT id, theirs, source, mine FROM merge_conflicts WHERE tbl = ? AND key = ? AND field = ? "
        "AND resolved_at IS NULL",
        (c["tbl"], c["key"], c["field"]),
    ).fetchone()
    if open_row is not None:
        ledger.conn.execute(
            "UPDATE merge_conflicts SET kind = ?, mine = ?, theirs = ?, theirs_clock = ?, theirs_row = ?, source = ?, "
            "mine_at = ?, mine_actor = ?, theirs_at = ?, theirs_actor = ? WHERE id = ?",
            (*values, open_row[0]),
        )
        if (open_row[1], open_row[2], open_row[3]) == (values[2], values[5], values[1]):
            return
    else:
        ledger.conn.execute(
            "INSERT INTO merge_conflicts (tbl, key, field, kind, mine, theirs, theirs_clock, theirs_row, source, "
            "mine_at, mine_actor, theirs_at, theirs_actor, opened_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (c["tbl"], c["key"], c["field"], *values, ledger.at),
        )
    petition = None
    if c["tbl"] == "petitions":
        found = ledger.conn.execute("SELECT id FROM petitions WHERE uid = ?", (c["key"],)).fetchone()
        petition = found[0] if found and c["kind"] == "field" else None
    ledger.log(
        petition,
        "merge.conflict",
        field=c["field"],
        old=values[1],
        new=values[2],
        note=f"{c['kind']} conflict with ledger {c['source']} ({c['tbl']} {c['key']})",
    )


def open_conflicts(ledger) -> list[dict]:
    rows = ledger.conn.execute(
        """SELECT c.*, p.number AS number FROM merge_conflicts c
           LEFT JOIN petitions p ON c.tbl = 'petitions' AND p.uid = c.key
           WHERE c.resolved_at IS NULL ORDER BY c.id"""
    )
    out = []
    for r in rows:
        d = dict(r)
        d["mine"], d["theirs"] = json.loads(d["mine"]), json.loads(d["theirs"])
        d["case"] = d.pop("number") or (d["theirs"] if d["kind"] == "number" else d["key"])
        for k in ("theirs_clock", "theirs_row", "resolved_at", "resolution"):
            d.pop(k)
        out.append(d)
    return out


def find_conflict(ledger, ref: str, column: str) -> sqlite3.Row:
    ref = ref.strip()
    keys = {ref}
    row = ledger.conn.execute(
        "SELECT uid FROM petitions WHERE number = ? OR substr(number, instr(number, ':') + 1) = ?", (ref, ref)
    ).fetchone()
    if row:
        keys.add(row[0])
    for c in ledger.conn.execute(
        "SELECT * FROM merge_conflicts WHERE resolved_at IS NULL AND field = ? ORDER BY id", (column,)
    ):
        if c["key"] in keys or (c["kind"] == "number" and json.loads(c["theirs"]) == ref):
            return c
    raise NotFound(M("merge.no_conflict", case=ref, field=column))


def resolve(ledger, ref: str, column: str, take: str) -> dict:
    """Settle one open conflict: keep mine, take theirs, or a value given. Its vector then covers both sides
    and counts one change by this ledger, so the settlement wins on every ledger that merges this one."""
    from guside_cli.storage.merge import Merger, _store_sync, ledger_id

    c = find_conflict(ledger, ref, column)
    table, key, me = c["tbl"], c["key"], ledger_id(ledger)
    theirs_clock = json.loads(c["theirs_clock"])
    merger = Merger(ledger, None, "", them=c["source"], their_town="")
    if c["kind"] == "number":
        if take in ("mine", "theirs"):
            raise InputError(M("merge.number_needs_value", number=json.loads(c["theirs"])))
        row = json.loads(c["theirs_row"])
        number = check_given_number(take)
        stored = merger._number_for(key, number, row["town"])
        if stored is None:
            raise InputError(M("merge.number_taken", number=number))
        row["number"] = number
        links = id_links(ledger.conn, table)
        merger._ensure_village(row.get("village"))
        local = merger._local(table, row, links)
        local["number"] = stored
        names = list(local)
        cursor = ledger.conn.execute(
            insert_sql("petitions", names),
            [local[n] for n in names],
        )
        theirs_clock["number"] = bump(theirs_clock.get("number", {}), me)
        _store_sync(ledger, table, key, row, theirs_clock)
        ledger.log(cursor.lastrowid, "resolve", field="number", old=json.loads(c["theirs"]), new=number, note=_why(c))
        value = number
    else:
        sync = ledger.conn.execute("SELECT base, clock FROM merge_sync WHERE tbl = ? AND key = ?", (table, key))
        base_text, clock_text = sync.fetchone()
        base, clock = json.loads(base_text), json.loads(clock_text)
        mine, theirs = json.loads(c["mine"]), json.loads(c["theirs"])
        value = mine if take == "mine" else theirs if take == "theirs" else _typed(ledger, table, column, take)
        local_id = ledger.conn.execute(f'SELECT id FROM "{table}" WHERE "{SYNCED[table]}" = ?', (key,)).fetchone()[0]
        if value != mine:
            if table == "petitions" and column == "number":
                stored = merger._number_for(key, check_given_number(str(value)), base.get("town"))
                if stored is None:
                    raise InputError(M("merge.number_taken", number=value))
                local_value = stored
            else:
                local_value = merger._local(table, {SYNCED[table]: key, column: value}, id_links(ledger.conn, table))[
                    column
                ]
            try:
                ledger.conn.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE id = ?', (local_value, local_id))
            except sqlite3.IntegrityError:
                raise InputError(M("merge.value_refused", value=take, field=column)) from None
        base[column] = value
        clock[column] = bump(join(clock.get(column, {}), theirs_clock.get(column, {})), me)
        _store_sync(ledger, table, key, base, clock)
        ledger.log(
            local_id if table == "petitions" else None, "resolve", field=column, old=mine, new=value, note=_why(c)
        )
    ledger.conn.execute(
        "UPDATE merge_conflicts SET resolved_at = ?, resolution = ? WHERE id = ?", (ledger.at, dumps(value), c["id"])
    )
    return {"case": ref, "field": column, "value": value, "kind": c["kind"]}


def _why(c) -> str:
    return f"{c['kind']} conflict with ledger {c['source']} settled"


def _typed(ledger, table: str, column: str, text: str):
    if column not in columns(ledger.conn, table):
        raise InputError(M("merge.no_such_field", field=column))
    declared = {r[1]: r[2].upper() for r in ledger.conn.execute(f'PRAGMA table_info("{table}")')}[column]
    if declared.startswith("INT"):
        try:
            return int(text)
        except ValueError:
            raise InputError(M("merge.value_refused", value=text, field=column)) from None
    return text if text != "" else None
