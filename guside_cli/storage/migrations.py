"""The ordered, append-only migrations (table names live in `tables.py`). Never edit a migration that has
shipped: add the next one.

Dates are checked with `d IS date(d, '+0 days')`: plain `date(d)` passes 2018-02-30 through unchanged, while a
modifier makes SQLite normalise it (to 2018-03-02) so the comparison fails; IS, because a non-date gives NULL.

Each migration's SQL is literal on purpose — code lists in CHECK constraints are frozen copies of the enums
at the time, so a ledger made today and one upgraded from an old version end with the same schema.
`tests/test_ledger.py` fails when an enum gains a code that no migration admits.
"""

import re
import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

MIGRATION_SET = "guside"
MIGRATIONS: list[Callable[["Database"], None]] = []


def migration(fn: Callable[["Database"], None]) -> Callable[["Database"], None]:
    MIGRATIONS.append(fn)
    return fn


def run_script(db: "Database", script: str) -> None:
    """Run DDL statement by statement: sqlite3's executescript() would COMMIT the migration's transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in a migration: {statement.strip()[:60]}")


@migration
def m001_ledger(db: "Database") -> None:
    run_script(
        db,
        """
        CREATE TABLE villages (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            short TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE TABLE petitions (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            number TEXT NOT NULL UNIQUE,
            received_at TEXT NOT NULL,
            received_on TEXT NOT NULL
                CHECK (received_on IS date(received_on, '+0 days') AND received_on = substr(received_at, 1, 10)),
            village TEXT NOT NULL REFERENCES villages(name) ON UPDATE CASCADE,
            form TEXT CHECK (form IN ('letter', 'visit', 'online', 'phone')),
            level TEXT NOT NULL CHECK (level IN ('town', 'county', 'prefecture', 'province', 'national')),
            source TEXT NOT NULL DEFAULT 'direct' CHECK (source IN ('direct', 'hotline_12345', 'hotline_12369',
                'central_inspection', 'provincial_inspection', 'campaign_263', 'superior')),
            pollution TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(pollution) AND json_type(pollution) = 'array'),
            subject TEXT NOT NULL CHECK (length(subject) > 0),
            cause TEXT,
            persons INTEGER NOT NULL DEFAULT 1 CHECK (persons >= 1),
            unit TEXT,
            enterprise TEXT,
            petitioner TEXT,
            phone TEXT,
            id_number TEXT,
            key_persons TEXT NOT NULL DEFAULT '[]'
                CHECK (json_valid(key_persons) AND json_type(key_persons) = 'array'),
            forecast TEXT,
            ref_no TEXT,
            due_on TEXT CHECK (due_on IS NULL OR due_on IS date(due_on, '+0 days')),
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
            closed_on TEXT CHECK (closed_on IS NULL OR closed_on IS date(closed_on, '+0 days')),
            outcome TEXT CHECK (outcome IN ('resolved', 'stopped', 'unfounded', 'not_accepted', 'transferred',
                'interim')),
            repeat_of INTEGER REFERENCES petitions(id),
            created_at TEXT NOT NULL
        );
        -- reports count by receipt date range, then village and level: a covering index for them
        CREATE INDEX petitions_received ON petitions (received_on, village, level);
        CREATE INDEX petitions_village ON petitions (village, received_on, level);
        CREATE INDEX petitions_open_due ON petitions (status, due_on);
        CREATE INDEX petitions_repeat_of ON petitions (repeat_of) WHERE repeat_of IS NOT NULL;
        -- one row per numbering sequence and year: allocation happens inside the write transaction
        CREATE TABLE sequences (
            scope TEXT NOT NULL,
            year INTEGER NOT NULL,
            last INTEGER NOT NULL CHECK (last >= 0),
            PRIMARY KEY (scope, year)
        ) WITHOUT ROWID;
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        """,
    )


@migration
def m002_lifecycle(db: "Database") -> None:
    """Leaders (包案), mediation steps (调处), the deadline inputs, closing details and the append-only history."""
    run_script(
        db,
        """
        CREATE TABLE leaders (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
            title TEXT,
            rank TEXT CHECK (rank IN ('town', 'village', 'department')),
            created_at TEXT NOT NULL
        );
        ALTER TABLE petitions ADD COLUMN leader_id INTEGER REFERENCES leaders(id);
        ALTER TABLE petitions ADD COLUMN accepted_on TEXT
            CHECK (accepted_on IS NULL OR accepted_on IS date(accepted_on, '+0 days'));
        ALTER TABLE petitions ADD COLUMN notice_due_on TEXT
            CHECK (notice_due_on IS NULL OR notice_due_on IS date(notice_due_on, '+0 days'));
        ALTER TABLE petitions ADD COLUMN due_given TEXT
            CHECK (due_given IS NULL OR due_given IS date(due_given, '+0 days'));
        ALTER TABLE petitions ADD COLUMN extension_days INTEGER
            CHECK (extension_days IS NULL OR extension_days BETWEEN 1 AND 30);
        ALTER TABLE petitions ADD COLUMN extension_reason TEXT;
        ALTER TABLE petitions ADD COLUMN reopened INTEGER NOT NULL DEFAULT 0 CHECK (reopened >= 0);
        ALTER TABLE petitions ADD COLUMN satisfaction TEXT
            CHECK (satisfaction IN ('satisfied', 'basic', 'unsatisfied'));
        ALTER TABLE petitions ADD COLUMN verified INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1));
        -- m001 stored only the resulting due date: one that is not the statutory default was given by hand
        UPDATE petitions SET notice_due_on = date(received_on, '+15 days'),
            due_given = CASE WHEN due_on IS NOT date(received_on, '+60 days') THEN due_on END;
        CREATE INDEX petitions_leader ON petitions (leader_id) WHERE leader_id IS NOT NULL;
        CREATE TABLE steps (
            id INTEGER PRIMARY KEY,
            petition_id INTEGER NOT NULL REFERENCES petitions(id),
            kind TEXT NOT NULL CHECK (kind IN ('contact', 'arrive', 'mediate', 'inspect', 'monitor', 'enforce',
                'police', 'interview', 'reply', 'notify', 'visit', 'other')),
            at TEXT NOT NULL,
            by TEXT,
            note TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX steps_petition ON steps (petition_id, kind, at);
        CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            petition_id INTEGER REFERENCES petitions(id),
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            field TEXT,
            old TEXT,
            new TEXT,
            note TEXT
        );
        CREATE INDEX history_petition ON history (petition_id, id);
        CREATE TRIGGER history_no_update BEFORE UPDATE ON history
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
        CREATE TRIGGER history_no_delete BEFORE DELETE ON history
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
        INSERT INTO history (petition_id, at, actor, action, note)
            SELECT id, created_at, 'guside', 'add', 'registered before the history was kept' FROM petitions;
        """,
    )


@migration
def m003_targets(db: "Database") -> None:
    """Reduction targets per year (percent, kept as exact decimal text); the plan's 30 / 25 are the default."""
    run_script(
        db,
        """
        CREATE TABLE targets (
            year INTEGER PRIMARY KEY,
            total_pct TEXT NOT NULL CHECK (CAST(total_pct AS REAL) BETWEEN 0 AND 100),
            escalated_pct TEXT NOT NULL CHECK (CAST(escalated_pct AS REAL) BETWEEN 0 AND 100)
        );
        """,
    )


@migration
def m004_plan_mechanisms(db: "Database") -> None:
    """Enterprises and their credit rating, key persons and groups (一人一策), rewards for verified reports."""
    run_script(
        db,
        """
        CREATE TABLE enterprises (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
            village TEXT REFERENCES villages(name) ON UPDATE CASCADE,
            rating TEXT CHECK (rating IN ('green', 'blue', 'yellow', 'red', 'black')),
            compliant INTEGER CHECK (compliant IN (0, 1)),
            created_at TEXT NOT NULL
        );
        INSERT INTO enterprises (name, village, created_at)
            SELECT enterprise, min(village), min(created_at) FROM petitions WHERE enterprise IS NOT NULL
            GROUP BY enterprise;
        CREATE INDEX petitions_enterprise ON petitions (enterprise) WHERE enterprise IS NOT NULL;
        CREATE TABLE persons (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
            village TEXT REFERENCES villages(name) ON UPDATE CASCADE,
            is_group INTEGER NOT NULL DEFAULT 0 CHECK (is_group IN (0, 1)),
            members INTEGER CHECK (members IS NULL OR members >= 1),
            plan TEXT,
            leader_id INTEGER REFERENCES leaders(id),
            phone TEXT,
            id_number TEXT,
            created_at TEXT NOT NULL
        );
        INSERT INTO persons (name, village, created_at)
            SELECT j.value, min(p.village), min(p.created_at) FROM petitions p, json_each(p.key_persons) j
            GROUP BY j.value;
        CREATE TABLE rewards (
            id INTEGER PRIMARY KEY,
            petition_id INTEGER NOT NULL REFERENCES petitions(id),
            amount TEXT NOT NULL CHECK (CAST(amount AS REAL) > 0),
            paid_on TEXT NOT NULL CHECK (paid_on IS date(paid_on, '+0 days')),
            note TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX rewards_paid ON rewards (paid_on);
        """,
    )


@migration
def m005_history_chain(db: "Database") -> None:
    """A hash chain over the history, so `guside check` can tell a row changed or removed outside the tool."""
    from guside_cli.core.chain import GENESIS, HASHED, row_hash

    run_script(
        db,
        """
        DROP TRIGGER history_no_update;
        ALTER TABLE history ADD COLUMN prev_hash TEXT;
        ALTER TABLE history ADD COLUMN hash TEXT;
        """,
    )
    previous = GENESIS
    rows = db.conn.execute(f"SELECT {', '.join(HASHED)} FROM history ORDER BY id").fetchall()
    for row in rows:
        digest = row_hash(previous, row)
        db.conn.execute("UPDATE history SET prev_hash = ?, hash = ? WHERE id = ?", (previous, digest, row[0]))
        previous = digest
    run_script(
        db,
        """
        CREATE TRIGGER history_no_update BEFORE UPDATE ON history
        BEGIN SELECT RAISE(ABORT, 'history is append-only'); END;
        """,
    )


@migration
def m006_deadline_indexes(db: "Database") -> None:
    """Indexes for the weekly summary at a million petitions: open cases by their clocks (a partial index, so
    it holds only the open ones and answers the overdue and due-soon counts by itself), and closing dates."""
    run_script(
        db,
        """
        CREATE INDEX petitions_open_clocks ON petitions (due_on, notice_due_on, accepted_on, received_on)
            WHERE status = 'open';
        CREATE INDEX petitions_closed_on ON petitions (closed_on) WHERE closed_on IS NOT NULL;
        -- fresh statistics: without them the planner keeps choosing the receipt index for these queries
        ANALYZE petitions;
        """,
    )


@migration
def m007_checks_without_in_lists(db: "Database") -> None:
    """The same CHECK constraints, with `col IN ('a', 'b')` spelled `col = 'a' OR col = 'b'`.

    Measured on 100,000 imported petitions: SQLite builds an ephemeral index for a constant IN list each time a
    prepared INSERT runs, so the petitions' IN checks cost 1.6 s of a 2.7 s bulk insert; as comparisons the
    whole insert takes 1.5 s. The two spellings admit exactly the same values (NULL included: NULL = 'a' is
    NULL, which a CHECK lets pass as IN did), so no row can become invalid and the table is not rebuilt: the
    new text is written into the schema as SQLite documents for changing CHECK constraints
    (https://sqlite.org/lang_altertable.html#otheralter: writable_schema, then a new schema_version).
    """
    conn = db.conn
    tables = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND sql LIKE '%CHECK%IN (%'"
    ).fetchall()
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    try:
        for name, sql in tables:
            conn.execute("UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?", (or_chains(sql), name))
        conn.execute(f"PRAGMA schema_version = {version + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")


_IN_CHECK = re.compile(r"CHECK \((\w+) IN \(([^)]*)\)\)")


def or_chains(sql: str) -> str:
    """CHECK (kind IN ('a', 'b')) -> CHECK (kind = 'a' OR kind = 'b'); anything else unchanged."""

    def chain(match: re.Match) -> str:
        column, items = match.group(1), re.findall(r"'[^']*'|-?\d+", match.group(2))
        return "CHECK (" + " OR ".join(f"{column} = {item}" for item in items) + ")"

    return _IN_CHECK.sub(chain, sql)


# later migrations live in modules of their own, one per area; this order is the order they apply in and,
# once shipped, never changes (a new area's module goes last)
from guside_cli.storage import migrations_casepath  # noqa: E402, F401, I001
from guside_cli.storage import migrations_trust  # noqa: E402, F401
from guside_cli.storage import migrations_files  # noqa: E402, F401
from guside_cli.storage import migrations_campaign  # noqa: E402, F401
from guside_cli.storage import migrations_merge  # noqa: E402, F401
from guside_cli.storage import migrations_scale  # noqa: E402, F401
from guside_cli.storage import migrations_periods  # noqa: E402, F401
from guside_cli.storage import migrations_rules  # noqa: E402, F401

LATEST_VERSION = len(MIGRATIONS)


def apply_pending(conn: sqlite3.Connection, *, stop_before: str | None = None) -> int:
    """Apply every pending migration (sqlite-utils `Migrations`) inside the caller's transaction and
    return the schema version reached. sqlite-utils is imported here only: most runs find the schema
    current from `PRAGMA user_version` and never need it."""
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for fn in MIGRATIONS:
        migrations()(fn)
    db = Database(conn, execute_plugins=False)
    migrations.apply(db, stop_before=stop_before)
    return len(migrations.applied(db))
