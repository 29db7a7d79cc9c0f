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

PETITION_CHILDREN = ("steps", "rewards")
TABLES = ("villages", "leaders", "settings", "targets", "enterprises", "persons")
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
            return "".join(pieces)[:-1]

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
        position = [c for c, _ in child_cols].index("petition_id")
        rows: dict[int, list] = {}
        for row in conn.execute(f"SELECT * FROM {child}{where.format(col='petition_id')} ORDER BY id", params):
            rows.setdefault(row[position], []).append(_pairs(child_cols, row))
        for pid, unit in parts.items():
            unit.append(rows.get(pid, []))
        for pid in rows.keys() - parts.keys():  # rows of a petition that is gone
            parts[pid] = [None, rows[pid]]
    return {pid: _digest(unit) for pid, unit in parts.items()}


def table_digests(conn: sqlite3.Connection) -> dict[str, str]:
    out = {}
    for table in TABLES:
        cols = _columns(conn, table)
        if cols:
            out[table] = _digest([_pairs(cols, row) for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1")])
    return out


def seal_rows(ledger, touched: set[int], tables_before: dict[str, str] | None) -> None:
    """Append the seals of this transaction: every petition it wrote history for, every table it changed."""
    for pid, digest in petition_digests(ledger.conn, touched).items():
        if pid in touched:
            ledger.log(pid, SEAL, field="petition", new=digest)
    if tables_before is not None:
        for table, digest in table_digests(ledger.conn).items():
            if tables_before.get(table) != digest:
                ledger.log(None, SEAL, field=table, new=digest)


def replay(conn: sqlite3.Connection) -> list[str]:
    """Replay the history's seals and compare them with the tables; one line per record that differs."""
    sealed_petitions: dict[int, str] = {}
    sealed_tables: dict[str, str] = {}
    with_history: set[int] = set()
    for pid, action, field, new in conn.execute("SELECT petition_id, action, field, new FROM history ORDER BY id"):
        if pid is not None:
            with_history.add(pid)
        if action not in SEALING:
            continue
        if field == SEALED and pid is not None:
            sealed_petitions[pid] = new
        elif field in TABLES:
            sealed_tables[field] = new
    numbers = dict(conn.execute("SELECT id, number FROM petitions"))
    found: list[str] = []
    current = petition_digests(conn)
    for pid in sorted(current):
        name = numbers.get(pid, f"id {pid}")
        if pid not in numbers:
            found.append(f"rows of petition id {pid} remain though the petition is gone")
        elif pid not in with_history:
            found.append(f"{name} has no history: inserted outside guside")
        elif pid in sealed_petitions and sealed_petitions[pid] != current[pid]:
            found.append(f"{name} differs from its history: changed outside guside (the case, a step or a reward)")
    for pid in sorted(sealed_petitions.keys() - current.keys()):
        found.append(f"petition id {pid} is in the history but gone from the ledger: deleted outside guside")
    for table, digest in table_digests(conn).items():
        if table in sealed_tables and sealed_tables[table] != digest:
            found.append(f"table {table} differs from its history: changed outside guside")
    return found
