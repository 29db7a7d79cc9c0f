"""Rows in their portable form, read from the schema: what a merge compares and carries between ledgers.

Nothing here names a case's columns. Columns come from `PRAGMA table_info`; a column that points at another
table's integer id (`PRAGMA foreign_key_list`) travels as that row's natural key (a leader's name, a case's
uid), so a column added by a later migration is merged with no change here. Two columns of a case are shown
as their owning town knows them: `town` (NULL in a ledger means its own `town.name`) and `number` (without the
`顾山镇:` a county ledger puts before a number two towns share).
"""

import json
import sqlite3

from guside_cli.core.merge import bare, dumps

# rows shared by a natural key, merged field by field (leaders before the tables that point at them)
SYNCED = {"leaders": "name", "enterprises": "name", "persons": "name", "petitions": "uid"}
# integer ids travel as these keys
NATURAL = {**SYNCED, "villages": "name"}
# never rows of a case: the history is carried by origin, the merge's own tables are per ledger
# not rows of a case that travel: the history (merged by its own rule), and what is this ledger's own record about
# a case — the numbers its own sequences gave before a renumbering, the office's publication schedule (exposures)
NOT_CHILDREN = {"history", "petitions", "former_numbers", "exposures"}


def quoted(name: str) -> str:
    """An identifier read from a file's schema, quoted for SQL (a hostile file may name a column anything)."""
    return '"' + name.replace('"', '""') + '"'


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def id_links(conn: sqlite3.Connection, table: str) -> dict[str, str]:
    """Columns holding another table's integer id -> that table (only tables with a natural key)."""
    links = {}
    for row in conn.execute(f'PRAGMA foreign_key_list("{table}")'):
        target, column, to = row[2], row[3], row[4]
        if target in NATURAL and (to is None or to == "id"):
            links[column] = target
    return links


def child_tables(conn: sqlite3.Connection) -> list[str]:
    """Tables whose rows belong to a case (steps, rewards, and any later one pointing at petitions(id))."""
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return [
        t
        for t in names
        if t not in NOT_CHILDREN
        and not t.startswith(("merge_", "sqlite_", "_"))
        and id_links(conn, t).get("petition_id") == "petitions"
    ]


def portable_select(conn: sqlite3.Connection, table: str) -> tuple[str, list[str]]:
    """SELECT of (local id, portable fields..., base, clock) in id order; :town is the ledger's town.name."""
    links = id_links(conn, table)
    names, exprs = [], []
    for column in columns(conn, table):
        if column == "id":
            continue
        names.append(column)
        if column in links:
            target = links[column]
            exprs.append(f'(SELECT x."{NATURAL[target]}" FROM "{target}" x WHERE x.id = t.{quoted(column)})')
        elif table == "petitions" and column == "town":
            exprs.append("coalesce(t.town, :town)")
        else:
            exprs.append(f"t.{quoted(column)}")
    sync = ""
    tail = "NULL, NULL"
    if table in SYNCED:
        sync = f"LEFT JOIN merge_sync s ON s.tbl = '{table}' AND s.key = t.\"{SYNCED[table]}\""
        tail = "s.base, s.clock"
    sql = f'SELECT t.id, {", ".join(exprs)}, {tail} FROM "{table}" t {sync}'
    return sql, names


_SELECTS: dict[tuple[int, str], tuple] = {}


def portable_rows(conn: sqlite3.Connection, table: str, town: str, where: str = "", params: dict | None = None):
    """(local id, portable dict, base text or None, clock dict) per row, in id order. The SELECT is built once
    per connection and table (a merge asks for one row at a time)."""
    key = (id(conn), table)
    if key not in _SELECTS or _SELECTS[key][2] is not conn:
        _SELECTS[key] = (*portable_select(conn, table), conn)
    sql, names, _ = _SELECTS[key]
    cursor = conn.cursor()
    cursor.row_factory = None
    for row in cursor.execute(f"{sql} {where} ORDER BY t.id", {"town": town, **(params or {})}):
        values = dict(zip(names, row[1:-2], strict=True))
        if table == "petitions":
            values["number"] = bare(values["number"], values["town"])
        yield row[0], values, row[-2], json.loads(row[-1]) if row[-1] else {}


def row_key(values: dict) -> str:
    return dumps(values)


def insert_sql(table: str, names: list[str]) -> str:
    return f'INSERT INTO "{table}" ({", ".join(map(quoted, names))}) VALUES ({", ".join("?" * len(names))})'
