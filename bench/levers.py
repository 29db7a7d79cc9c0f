"""Each write-side lever of the import alone, at the SQLite level: what it costs to store the same cases with
and without it, everything else equal.

    python bench/levers.py IMPORTED.db [--rows N]

IMPORTED.db is a ledger `guside import` made from an empty one (bench/run.py leaves one as import.db). Its first
N petitions are written again into fresh ledgers of the same schema, one transaction each, 2,000 rows per
executemany, foreign keys on, the secondary indexes left out (an import builds them after the rows):

- uid index: kept up to date row by row with the file's uids (random, version 4), the same with time-ordered
  uids (version 7, as the tool now makes), or built once after the rows (what a load into an empty ledger does);
- carried steps: two step rows per case (first contact, acceptance notice) or none;
- history: two rows per case (the import, then a seal) or one (the import row carrying the seal).
"""

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from guside_cli.core.ids import uuid7

BATCH = 2000


def _fresh(source: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    for (sql,) in source.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%'"
    ):
        conn.execute(sql)
    for table in ("villages", "leaders"):
        rows = source.execute(f"SELECT * FROM {table}").fetchall()
        if rows:
            conn.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[0]))})", rows)
    conn.execute("CREATE UNIQUE INDEX petitions_number ON petitions (number)")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def _insert(conn: sqlite3.Connection, table: str, rows: list[tuple]) -> None:
    sql = f"INSERT INTO {table} VALUES ({', '.join('?' * len(rows[0]))})"
    for i in range(0, len(rows), BATCH):
        conn.executemany(sql, rows[i : i + BATCH])


def timed(source, work: Path, name: str, petitions, *, uid_index: str, steps=(), history=()) -> float:
    path = work / f"{name}.db"
    conn = _fresh(source, path)
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    if uid_index == "live":
        conn.execute("CREATE UNIQUE INDEX petitions_uid ON petitions (uid)")
    _insert(conn, "petitions", petitions)
    if steps:
        _insert(conn, "steps", steps)
    if history:
        _insert(conn, "history", history)
    if uid_index == "after":
        conn.execute("CREATE UNIQUE INDEX petitions_uid ON petitions (uid)")
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - started
    conn.close()
    path.unlink()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("imported", type=Path)
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    source = sqlite3.connect(args.imported)
    petitions = source.execute("SELECT * FROM petitions ORDER BY id LIMIT ?", (args.rows,)).fetchall()
    if not petitions:
        sys.exit("no petitions in " + str(args.imported))
    columns = [r[1] for r in source.execute("PRAGMA table_info(petitions)")]
    uid = columns.index("uid")
    start_ms = 1_700_000_000_000
    ordered = [(*p[:uid], uuid7(start_ms + i // 8), *p[uid + 1 :]) for i, p in enumerate(petitions)]
    at = "2019-01-10T12:00:00+08:00"
    steps = [
        (2 * i + k + 1, p[0], kind, p[columns.index("received_at")], None, "imported", at)
        for i, p in enumerate(petitions)
        for k, kind in enumerate(("contact", "notify"))
    ]
    history_one = [
        (p[0], p[0], at, "bench", "import", "petition", None, "d" * 64, "file row", "p", "h") for p in petitions
    ]
    history_two = [
        (2 * i + k + 1, p[0], at, "bench", action, field, None, new, None, "p", "h")
        for i, p in enumerate(petitions)
        for k, (action, field, new) in enumerate((("import", None, p[2]), ("seal", "petition", "d" * 64)))
    ]
    with tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR")) as folder:
        work = Path(folder)
        figures = {
            "uid index live, file's uids (v4, random)": timed(source, work, "v4", petitions, uid_index="live"),
            "uid index live, time-ordered uids (v7)": timed(source, work, "v7", ordered, uid_index="live"),
            "uid index built after the rows": timed(source, work, "after", petitions, uid_index="after"),
            "+ two carried steps per case": timed(source, work, "steps", petitions, uid_index="after", steps=steps),
            "+ two history rows per case (import, seal)": timed(
                source, work, "two", petitions, uid_index="after", history=history_two
            ),
            "+ one history row per case (import sealing)": timed(
                source, work, "one", petitions, uid_index="after", history=history_one
            ),
        }
    base = figures["uid index built after the rows"]
    print(f"{len(petitions):,} petitions, SQLite {sqlite3.sqlite_version}")
    print("| what is written | seconds | vs. uid index built after |")
    print("|---|---:|---:|")
    for name, seconds in figures.items():
        print(f"| {name} | {seconds:.2f} | {seconds / base:.2f} |")


if __name__ == "__main__":
    main()
