"""Migrations of one area, appended to the ordered list of `migrations.py` (imported there, in a fixed order)."""

from guside_cli.storage.migrations import migration


@migration
def m013_unique_indexes_by_name(db) -> None:
    """The UNIQUE constraints of `uid` and `number` as named unique indexes (petitions_uid, petitions_number), the
    same rule: a load into an empty ledger can then build the uid index once after its rows, as it builds the
    secondary indexes, instead of inserting a million random uids into a B-tree one by one (bench/README.md).

    SQLite cannot drop a column's UNIQUE constraint in place, so the table is rebuilt as its documentation says
    (https://sqlite.org/lang_altertable.html#otheralter): a new table with the same definition less the two
    UNIQUE words, the rows copied, the old table dropped, the new one renamed, its indexes made again. Foreign
    keys are off while migrations run (connection.ensure_schema) and checked here before the commit. The same
    rebuild of 1,000,000 cases took 15.6 s, once."""
    conn = db.conn
    (sql,) = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'petitions'").fetchone()
    rebuilt = sql.replace("uid TEXT NOT NULL UNIQUE,", "uid TEXT NOT NULL,", 1)
    rebuilt = rebuilt.replace("number TEXT NOT NULL UNIQUE,", "number TEXT NOT NULL,", 1)
    if rebuilt.count("UNIQUE") != sql.count("UNIQUE") - 2:
        raise RuntimeError("petitions: the uid and number constraints are not where this migration expects them")
    indexes = [
        ddl
        for (ddl,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'petitions' AND sql IS NOT NULL"
        )
    ]
    analysed = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone() is not None
    conn.execute(rebuilt.replace("CREATE TABLE petitions", "CREATE TABLE petitions_rebuilt", 1))
    conn.execute("INSERT INTO petitions_rebuilt SELECT * FROM petitions")
    conn.execute("DROP TABLE petitions")
    conn.execute("ALTER TABLE petitions_rebuilt RENAME TO petitions")
    conn.execute("CREATE UNIQUE INDEX petitions_uid ON petitions (uid)")
    conn.execute("CREATE UNIQUE INDEX petitions_number ON petitions (number)")
    for ddl in indexes:
        conn.execute(ddl)
    broken = conn.execute("PRAGMA foreign_key_check").fetchone()
    if broken is not None:
        raise RuntimeError(f"a reference does not hold after rebuilding petitions: {tuple(broken)}")
    if analysed:
        conn.execute("ANALYZE petitions")


@migration
def m014_every_table_sealed(db) -> None:
    """The version at which every table, not only the reference ones, and the schema itself are sealed in the
    history (storage/seal.py). Reaching it, like every upgrade, ends with the seals of every table and of the
    schema as this version found them (connection._migrate), so `check` replays them all. The history rows a merge
    brought are found by their local id: a seal vouches for the ledger that wrote it, and both a write's end and
    `check` set those rows apart."""
    db.conn.execute("CREATE INDEX merge_history_local ON merge_history (local_id)")
