"""The history vouches for the tables: every write transaction ends with `seal` rows in the history (hidden from
`history` and `show`), each the digest of a record as the tool left it. `check` replays the history, keeps the
last seal of every record, and compares it with the tables: a direct UPDATE, an INSERT without history, a
changed step or reward, a deleted row is found and named.

Table-driven, so new columns and tables are one line each:
- PETITION_CHILDREN: tables whose rows belong to one petition (`petition_id`): sealed with their petition.
- TABLES: tables sealed as a whole (small reference tables).
- New columns need nothing: a digest covers every column, leaving out values equal to the column's declared
  default (and NULL), so a migration adding a column with a default does not unseal existing records.
Limits, stated in the README: records older than this version are unsealed until their next change; a change
made outside the tool and then followed by a change through the tool is sealed with it (run `check` daily).
"""

import json
import sqlite3
from collections.abc import Iterable, Sequence
from json.encoder import encode_basestring  # type: ignore[attr-defined]  # the C encoder json uses (ensure_ascii off)
from typing import cast

PETITION_CHILDREN = ("steps", "rewards")
CASE_TABLES = frozenset({"petitions", *PETITION_CHILDREN})  # sealed a case at a time
SCHEMA = "sqlite_master"  # the seal of the schema itself (tables, indexes, triggers, views): no table is named so
ROW_NAMES = 2000  # a table of up to this many rows is sealed with a digest per row too, so `check` names the row
SEAL = "seal"
# A case an import wrote is sealed by its import row itself (action 'import', field 'petition', the digest as its
# new value): one history row per imported case instead of two (bench/README.md).
IMPORT, SEALED = "import", "petition"  # the action and field of an import's row, which carries the seal
SEALING = frozenset({SEAL, IMPORT})
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=str)  # json.dumps(...) builds one a call


def _columns(conn: sqlite3.Connection, table: str) -> list[tuple[str, str | None]]:
    return [(r[1], r[4]) for r in conn.execute(f'PRAGMA table_info("{table}")')]


def _literal(value) -> str:
    if isinstance(value, str):
        return "'" + value.replace("'", "''") + "'"
    return str(value)


def _pairs(columns: list[tuple[str, str | None]], row: Iterable) -> list:
    return [
        [name, value]
        for (name, default), value in zip(columns, row, strict=True)
        if value is not None and (default is None or _literal(value) != default)
    ]


def _digest(payload) -> str:
    import hashlib

    return hashlib.sha256(_ENCODER.encode(payload).encode("utf-8")).hexdigest()


class Sealer:
    """The seal of a case a bulk load writes, from the values it inserts rather than read back: the same digest
    `petition_digests` gives for the stored rows (tests hold the two equal). Values must be stored as given (str in
    TEXT columns, int in INTEGER ones), which the load's rows are.

    The JSON the digest hashes is written here piece by piece, each piece exactly what `_ENCODER` writes for it
    (the C string encoder json itself uses; ints as json writes them). Each column remembers the pieces of the
    values it has seen (villages, levels, dates, NULL), looked up for a whole row at once by `map`: a million
    cases pass through it, and only their few unique values (id, uid, number, times) are written each time."""

    MEMO = 4096  # distinct values remembered per column

    def __init__(self, conn: sqlite3.Connection, inserted: Sequence[str], step_columns: Sequence[str]):
        position = {name: i for i, name in enumerate(inserted)}
        # a column the load leaves out holds its default (or NULL), which a digest leaves out too
        self.plan = _Plan(_columns(conn, "petitions"), position)
        self.step_plan = _Plan(_columns(conn, "steps"), {name: i for i, name in enumerate(step_columns)})
        if PETITION_CHILDREN[0] != "steps":
            raise RuntimeError("the seal's children start with the steps")
        self.tail = ",[]" * (len(PETITION_CHILDREN) - 1) + "]"  # the other children: none for a new case

    def digest(self, row: Sequence, steps: Iterable[Sequence]) -> str:
        import hashlib

        children = ",".join("[" + self.step_plan.text(step) + "]" for step in steps)
        text = "[[" + self.plan.text(row) + "],[" + children + "]" + self.tail
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


class _Plan:
    """How one table's inserted rows are written as the digest's [name, value] pairs, in the table's order, for
    the columns the row gives."""

    def __init__(self, columns: list[tuple[str, str | None]], position: dict[str, int]):
        from operator import itemgetter

        given = [(name, default) for name, default in columns if name in position]
        self.order = itemgetter(*(position[name] for name, _ in given), 0)  # in the table's order (+ one, a tuple)
        self.heads = ["[" + _ENCODER.encode(name) + "," for name, _ in given]
        self.defaults = [default for _, default in given]
        # per column: value -> its piece followed by a comma, or "" for a value left out (NULL, the default)
        self.memos: list[dict] = [{None: ""} for _ in given]

    def text(self, row: Sequence) -> str:
        values = self.order(row)
        pieces = list(map(dict.get, self.memos, values))  # (bool is never a load's value: True would be 1)
        try:  # values not seen before in their column (a few a row: id, uid, number, times), found by C's index
            i = pieces.index(None)
            while True:
                pieces[i] = self._piece(i, values[i])
                i = pieces.index(None, i + 1)
        except ValueError:
            return "".join(cast("list[str]", pieces))[:-1]  # every piece found by now

    def _piece(self, i: int, value) -> str:
        default = self.defaults[i]
        if value.__class__ is str:
            kept = default is None or _literal(value) != default
            piece = self.heads[i] + encode_basestring(value) + "]," if kept else ""
        elif value.__class__ is int:
            piece = self.heads[i] + int.__repr__(value) + "]," if default is None or str(value) != default else ""
        else:  # not a load's value: written by json itself, not remembered (True would be taken for 1)
            kept = default is None or _literal(value) != default
            return self.heads[i] + _ENCODER.encode(value) + "]," if kept else ""
        if len(self.memos[i]) < Sealer.MEMO:
            self.memos[i][value] = piece
        return piece


def petition_digests(conn: sqlite3.Connection, ids: Iterable[int] | None = None) -> dict[int, str]:
    """Digest of each petition with its child rows; all petitions when `ids` is None."""
    wanted = None if ids is None else sorted(set(ids))
    if wanted == []:
        return {}
    where, params = ("", ()) if wanted is None else (f" WHERE {{col}} IN ({','.join('?' * len(wanted))})", wanted)
    cols = _columns(conn, "petitions")
    parts: dict[int, list] = {}
    for row in conn.execute(f"SELECT * FROM petitions{where.format(col='id')} ORDER BY id", params):
        parts[row[0]] = [_pairs(cols, row)]
    for child in PETITION_CHILDREN:
        child_cols = _columns(conn, child)
        if "petition_id" not in [c for c, _ in child_cols]:  # the table dropped outside guside: no rows (the
            for unit in parts.values():  # schema's seal names the change)
                unit.append([])
            continue
        position = [c for c, _ in child_cols].index("petition_id")
        rows: dict[int, list] = {}
        for row in conn.execute(f"SELECT * FROM {child}{where.format(col='petition_id')} ORDER BY id", params):
            rows.setdefault(row[position], []).append(_pairs(child_cols, row))
        for pid, unit in parts.items():
            unit.append(rows.get(pid, []))
        for pid in rows.keys() - parts.keys():  # rows of a petition that is gone
            parts[pid] = [None, rows[pid]]
    return {pid: _digest(unit) for pid, unit in parts.items()}


def sealed_tables(conn: sqlite3.Connection) -> list[str]:
    """Every table sealed as a whole: all of the schema's tables but the cases (sealed a case at a time), the
    history (its chain vouches for itself) and SQLite's own. Read from the schema, so a table a later migration
    adds is sealed with no change here."""
    names = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
    )
    return [r[0] for r in names if r[0] not in CASE_TABLES and r[0] != "history"]


def schema_rows(conn: sqlite3.Connection) -> list[list]:
    return [
        list(r)
        for r in conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
            "ORDER BY type, name"
        )
    ]


def schema_digest(conn: sqlite3.Connection) -> str:
    return _digest(schema_rows(conn))


def _table_rows(conn: sqlite3.Connection, table: str) -> list[list]:
    cols = _columns(conn, table)
    order = ", ".join(str(i + 1) for i in range(len(cols)))  # every column: rows of equal first columns too
    return [_pairs(cols, row) for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY {order}')]


def table_seal(conn: sqlite3.Connection, table: str) -> tuple[str, str | None]:
    """A table's digest, and for a small table the digest of each row by its first column (JSON), from which
    `check` names the rows that differ."""
    rows = schema_rows(conn) if table == SCHEMA else _table_rows(conn, table)
    if len(rows) > ROW_NAMES:
        return _digest(rows), None
    per_row: dict[str, list[str]] = {}
    for row in rows:
        key = _row_key(table, row)
        per_row.setdefault(key, []).append(_digest(row)[:12])
    return _digest(rows), _ENCODER.encode(per_row)


def _row_key(table: str, row: list) -> str:
    if table == SCHEMA:
        return f"{row[0]} {row[1]}"
    return str(row[0][1]) if row else ""


def table_digests(conn: sqlite3.Connection) -> dict[str, str]:
    return {table: table_seal(conn, table)[0] for table in [*sealed_tables(conn), SCHEMA]}


# --- what a write transaction changed: temporary triggers of its own connection ---------------------------------
# Every write is sealed whichever code made it: triggers in the connection's TEMP schema (never in the file, so
# nothing another tool could see or drop) note each case and each table a statement changes; the transaction's end
# seals exactly those. A bulk load leaves inserts of cases out (its rows carry their seals).

DIRTY_CASES, DIRTY_TABLES = "temp.guside_dirty_cases", "temp.guside_dirty_tables"
_BARE_CASES, _BARE_TABLES = "guside_dirty_cases", "guside_dirty_tables"  # a trigger's body names no schema
# cases whose 包案 or due date must be judged again at the write's end: what the plan's and the statute's rules read
RULED, _BARE_RULED = "temp.guside_ruled_cases", "guside_ruled_cases"
RULED_COLUMNS = (
    "leader_id",
    "level",
    "source",
    "is_key",
    "key_repeat",
    "village",
    "due_given",
    "accepted_on",
    "received_at",
    "rehandle_from",
)


def track(conn: sqlite3.Connection) -> None:
    """Set up (once per connection) and empty the notes of what this transaction changes."""
    conn.execute(f"CREATE TABLE IF NOT EXISTS {DIRTY_CASES} (id INTEGER PRIMARY KEY)")
    conn.execute(f"CREATE TABLE IF NOT EXISTS {DIRTY_TABLES} (name TEXT PRIMARY KEY)")
    conn.execute(f"CREATE TABLE IF NOT EXISTS {RULED} (id INTEGER PRIMARY KEY)")
    for table in (DIRTY_CASES, DIRTY_TABLES, RULED):
        conn.execute(f"DELETE FROM {table}")
    ruled = {
        "guside_ruled_petitions_insert": "AFTER INSERT ON main.petitions BEGIN "
        + _note(_BARE_RULED, "id", "NEW.id")
        + " END",
        "guside_ruled_petitions_update": f"AFTER UPDATE OF {', '.join(RULED_COLUMNS)} ON main.petitions BEGIN "
        + _note(_BARE_RULED, "id", "NEW.id")
        + " END",
        # a leader's rank or village changed: every open case the leader holds is judged again
        "guside_ruled_leaders_update": f"AFTER UPDATE OF rank, village ON main.leaders BEGIN INSERT INTO {_BARE_RULED} "
        f"SELECT p.id FROM petitions p WHERE p.leader_id = NEW.id AND p.status = 'open' "
        f"AND NOT EXISTS (SELECT 1 FROM {_BARE_RULED} r WHERE r.id = p.id); END",
    }
    for name, body in ruled.items():
        conn.execute(f'CREATE TEMP TRIGGER IF NOT EXISTS "{name}" {body}')
    for table in sealed_tables(conn):
        for op in ("INSERT", "UPDATE", "DELETE"):
            conn.execute(
                f'CREATE TEMP TRIGGER IF NOT EXISTS "guside_dirty_{table}_{op.lower()}" AFTER {op} ON main."{table}" '
                f"BEGIN {_note(_BARE_TABLES, 'name', _literal(table))} END"
            )
    for table in CASE_TABLES:
        case = "id" if table == "petitions" else "petition_id"
        for op, rows in (("INSERT", ("NEW",)), ("UPDATE", ("OLD", "NEW")), ("DELETE", ("OLD",))):
            name = f"guside_dirty_{table}_{op.lower()}"
            body = " ".join(_note(_BARE_CASES, "id", f"{r}.{case}") for r in rows)
            conn.execute(f'CREATE TEMP TRIGGER IF NOT EXISTS "{name}" AFTER {op} ON main."{table}" BEGIN {body} END')


def _note(table: str, column: str, value: str) -> str:
    """A trigger's INSERT of a note once: not INSERT OR IGNORE, since the statement that fires a trigger imposes
    its own conflict policy on the trigger's statements (an upsert's would make a second note an error)."""
    return f"INSERT INTO {table} SELECT {value} WHERE NOT EXISTS (SELECT 1 FROM {table} WHERE {column} = {value});"


def leave_case_inserts(conn: sqlite3.Connection) -> None:
    """A bulk load's cases are sealed by their import rows: their inserts are not noted (this transaction only;
    the next `track` sets the notes up again)."""
    for table in CASE_TABLES:
        conn.execute(f'DROP TRIGGER IF EXISTS temp."guside_dirty_{table}_insert"')
    conn.execute('DROP TRIGGER IF EXISTS temp."guside_ruled_petitions_insert"')


def ruled_cases(conn: sqlite3.Connection) -> list[int]:
    """The cases this transaction wrote something the 包案 rule or the due-date limit reads."""
    return [r[0] for r in conn.execute(f"SELECT id FROM {RULED} ORDER BY id")]


def seal_rows(ledger, touched: set[int], schema_before: str | None) -> None:
    """Append the seals of this transaction: every case it wrote history for or changed, every table it
    changed, and the schema when it changed."""
    conn = ledger.conn
    changed = {r[0] for r in conn.execute(f"SELECT id FROM {DIRTY_CASES}")} - ledger.sealed_cases - touched
    cases = touched | changed
    for pid, digest in petition_digests(conn, cases).items():
        # a case only written over with its own values (an upsert, a merge that brought nothing) needs no seal
        if pid in touched or (pid in changed and digest != _last_seal(conn, pid, SEALED)):
            ledger.log(pid, SEAL, field=SEALED, new=digest)
    tables = [r[0] for r in conn.execute(f"SELECT name FROM {DIRTY_TABLES} ORDER BY name")]
    if schema_before is not None and schema_digest(conn) != schema_before:
        tables.append(SCHEMA)
    for table in tables:
        digest, rows = table_seal(conn, table)
        if digest != _last_seal(conn, None, table):
            ledger.log(None, SEAL, field=table, new=digest, note=rows)


def _last_seal(conn: sqlite3.Connection, petition_id: int | None, field: str) -> str | None:
    """The digest this ledger last sealed a case or a table with (rows a merge brought set apart)."""
    where = "petition_id IS NULL" if petition_id is None else "petition_id = :pid"
    row = conn.execute(
        f"""SELECT new FROM history h WHERE {where} AND field = :field AND action IN ('{SEAL}', '{IMPORT}')
            AND NOT EXISTS (SELECT 1 FROM merge_history m WHERE m.local_id = h.id) ORDER BY id DESC LIMIT 1""",
        {"pid": petition_id, "field": field},
    ).fetchone()
    return row[0] if row else None


def seal_everything(ledger) -> None:
    """Seal every table and the schema as they are (a migration's end: the tables as this version found them)."""
    for table in [*sealed_tables(ledger.conn), SCHEMA]:
        digest, rows = table_seal(ledger.conn, table)
        ledger.log(None, SEAL, field=table, new=digest, note=rows)


def replay(conn: sqlite3.Connection) -> list:
    """Replay the history's seals and compare them with the tables; one message (the catalogue's M) per record
    that differs. Seals are this ledger's own: rows a merge brought from another ledger vouch for that ledger."""
    from guside_cli.messages import M

    merged = (
        {r[0] for r in conn.execute("SELECT local_id FROM merge_history")} if _has(conn, "merge_history") else set()
    )
    sealed_petitions: dict[int, str] = {}
    sealed_tables_: dict[str, tuple[str, str | None]] = {}
    with_history: set[int] = set()
    rows = conn.execute("SELECT id, petition_id, action, field, new, note FROM history ORDER BY id")
    for hid, pid, action, field, new, note in rows:
        if pid is not None:
            with_history.add(pid)
        if action not in SEALING or hid in merged:
            continue
        if field == SEALED and pid is not None:
            sealed_petitions[pid] = new
        elif pid is None and field is not None:
            sealed_tables_[field] = (new, note if action == SEAL else None)
    numbers = dict(conn.execute("SELECT id, number FROM petitions"))
    found: list = []
    current = petition_digests(conn)
    for pid in sorted(current):
        name = numbers.get(pid)
        if name is None:
            found.append(M("trust.replay.orphan_rows", id=pid))
        elif pid not in with_history:
            found.append(M("trust.replay.no_history", number=name))
        elif pid in sealed_petitions and sealed_petitions[pid] != current[pid]:
            found.append(M("trust.replay.case_changed", number=name))
    for pid in sorted(sealed_petitions.keys() - current.keys()):
        found.append(M("trust.replay.case_gone", id=pid))
    for table in [*sealed_tables(conn), SCHEMA]:
        digest, per_row = table_seal(conn, table)
        seal = sealed_tables_.get(table)
        if seal is None:
            if digest != _EMPTY and table != SCHEMA:
                found.append(M("trust.replay.table_unsealed", table=table, rows=_keys(per_row)))
            elif table == SCHEMA:
                found.append(M("trust.replay.schema_unsealed"))
        elif seal[0] != digest:
            rows_named = _differing(seal[1], per_row)
            if table == SCHEMA:
                found.append(M("trust.replay.schema_changed", rows=rows_named))
            else:
                found.append(M("trust.replay.table_changed", table=table, rows=rows_named))
    for table in sealed_tables_.keys() - {*sealed_tables(conn), SCHEMA, *CASE_TABLES}:
        found.append(M("trust.replay.table_gone", table=table))
    return found


_EMPTY = _digest([])


def _has(conn: sqlite3.Connection, table: str) -> bool:
    return (
        conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone() is not None
    )


def _keys(per_row: str | None) -> str:
    if per_row is None:
        return "…"
    keys = list(json.loads(per_row))
    return _listed(keys)


def _differing(sealed: str | None, current: str | None) -> str:
    """The rows (by first column) that differ between a seal and the table now, or … when either is too large
    to have its rows named."""
    if sealed is None or current is None:
        return "…"
    before, now = json.loads(sealed), json.loads(current)
    keys = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    return _listed(keys)


def _listed(keys: list[str]) -> str:
    shown = [k if len(k) <= 40 else k[:39] + "…" for k in keys[:5]]
    return "、".join(shown) + (f" …（共 {len(keys)} 行）" if len(keys) > 5 else "")
