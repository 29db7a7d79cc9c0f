"""Migrations of one area, appended to the ordered list of `migrations.py` (imported there, in a fixed order)."""

from guside_cli.storage.migrations import migration, run_script


@migration
def m012_ledgers_merged(db) -> None:
    """Merging ledgers by uid (`guside merge`): the ledger's own id, each shared row's values and per-field
    version vectors as of the last merge, the sources merged, the conflicts, where imported history rows came
    from, and the town a case belongs to (NULL: this ledger's own town, `town.name`)."""
    import uuid

    run_script(
        db,
        """
        ALTER TABLE petitions ADD COLUMN town TEXT CHECK (town IS NULL OR length(town) > 0);
        CREATE INDEX petitions_town ON petitions (town, received_on) WHERE town IS NOT NULL;
        -- a number as its own town knows it (a county ledger stores 顾山镇:2018-0042 where two towns share it)
        CREATE INDEX petitions_bare_number ON petitions (substr(number, instr(number, ':') + 1));
        CREATE TABLE merge_identity (
            one INTEGER PRIMARY KEY CHECK (one = 1),
            ledger TEXT NOT NULL CHECK (length(ledger) = 32)
        );
        CREATE TABLE merge_sync (
            tbl TEXT NOT NULL,
            key TEXT NOT NULL,
            base TEXT NOT NULL CHECK (json_valid(base)),
            clock TEXT NOT NULL CHECK (json_valid(clock)),
            PRIMARY KEY (tbl, key)
        ) WITHOUT ROWID;
        CREATE TABLE merge_sources (
            ledger TEXT PRIMARY KEY,
            town TEXT,
            path TEXT NOT NULL,
            head TEXT NOT NULL,
            head_id INTEGER NOT NULL,
            merged_at TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE merge_conflicts (
            id INTEGER PRIMARY KEY,
            tbl TEXT NOT NULL,
            key TEXT NOT NULL,
            field TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind = 'field' OR kind = 'number'),
            mine TEXT,
            theirs TEXT,
            theirs_clock TEXT NOT NULL,
            theirs_row TEXT,
            source TEXT NOT NULL,
            mine_at TEXT,
            mine_actor TEXT,
            theirs_at TEXT,
            theirs_actor TEXT,
            opened_at TEXT NOT NULL,
            resolved_at TEXT,
            resolution TEXT
        );
        CREATE UNIQUE INDEX merge_conflicts_open ON merge_conflicts (tbl, key, field) WHERE resolved_at IS NULL;
        CREATE TABLE merge_history (
            origin TEXT NOT NULL,
            origin_id INTEGER NOT NULL,
            local_id INTEGER NOT NULL,
            PRIMARY KEY (origin, origin_id)
        ) WITHOUT ROWID;
        """,
    )
    db.conn.execute("INSERT INTO merge_identity (one, ledger) VALUES (1, ?)", (uuid.uuid4().hex,))
