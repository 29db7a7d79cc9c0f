"""The write floor of an import: how long SQLite takes to store what `guside import` stores, with no reading,
parsing or validating at all, beside the bare `executemany` baseline of the same CSV.

    python bench/floor.py IMPORTED.db FILE.csv

IMPORTED.db is a ledger that `guside import FILE.csv` made from an empty one. Its petitions, steps and history
rows are read into memory, then written into a fresh ledger of the same schema exactly as the import writes
them (one transaction, foreign keys on, 2,000 rows per executemany, the indexes built at the end but the number
index, with SQLite's sorter threads, as a load into an empty ledger does). The
ratio of that time to the baseline is the best any import into this schema can do.
"""

import csv
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

BATCH = 2000


def bare(csv_path: Path, db: Path) -> float:
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        width = len(next(csv.reader(f)))
    conn = sqlite3.connect(db)
    conn.execute(f"CREATE TABLE t ({', '.join(f'c{i}' for i in range(width))})")
    started = time.perf_counter()
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        rows = csv.reader(f)
        next(rows)
        with conn:
            conn.executemany(f"INSERT INTO t VALUES ({', '.join('?' * width)})", rows)
    conn.close()
    return time.perf_counter() - started


def _kept(sql: str) -> bool:
    """The indexes a load keeps up to date row by row (storage.bulk.KEPT)."""
    from guside_cli.storage.bulk import KEPT

    return any(f"INDEX {name} " in sql for name in KEPT)


def writes(source: Path, db: Path) -> dict[str, float]:
    src = sqlite3.connect(source)
    schema = [
        sql
        for (sql,) in src.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
        )
    ]
    # as the import: every index built after the rows (the unique uid index too), the number index kept live
    indexes = [sql for sql in schema if sql.startswith(("CREATE INDEX", "CREATE UNIQUE INDEX")) and not _kept(sql)]
    loaded = {}
    for table in ("petitions", "steps", "history"):
        columns = [r[1] for r in src.execute(f"PRAGMA table_info({table})")]
        loaded[table] = (columns, src.execute(f"SELECT * FROM {table} ORDER BY id").fetchall())
    villages = src.execute("SELECT * FROM villages").fetchall()
    leaders = src.execute("SELECT * FROM leaders").fetchall()
    src.close()

    conn = sqlite3.connect(db, isolation_level=None)
    for sql in schema:
        if sql not in indexes:
            conn.execute(sql)
    conn.executemany(f"INSERT INTO villages VALUES ({', '.join('?' * len(villages[0]))})", villages)
    if leaders:
        conn.executemany(f"INSERT INTO leaders VALUES ({', '.join('?' * len(leaders[0]))})", leaders)
    conn.execute("PRAGMA foreign_keys = ON")
    times = {}
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    for table, (columns, rows) in loaded.items():
        t = time.perf_counter()
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        for i in range(0, len(rows), BATCH):
            conn.executemany(sql, rows[i : i + BATCH])
        times[table] = time.perf_counter() - t
    t = time.perf_counter()
    conn.execute(f"PRAGMA threads = {min(4, os.cpu_count() or 1)}")  # as BulkMixin.restore_indexes
    for sql in indexes:
        conn.execute(sql)
    conn.execute("PRAGMA threads = 0")
    conn.execute("ANALYZE")
    times["indexes"] = time.perf_counter() - t
    conn.execute("COMMIT")
    times["total"] = time.perf_counter() - started
    conn.close()
    return times


def main() -> None:
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source, csv_path = Path(sys.argv[1]), Path(sys.argv[2])
    with tempfile.TemporaryDirectory(dir=os.environ.get("TMPDIR")) as work:
        baseline = bare(csv_path, Path(work) / "bare.db")
        floor = writes(source, Path(work) / "floor.db")
    parts = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in floor.items() if name != "total")
    print(f"writes alone: {floor['total']:.2f} s ({parts})")
    print(f"bare executemany of the CSV: {baseline:.2f} s")
    print(f"floor ratio: {floor['total'] / baseline:.2f}")


if __name__ == "__main__":
    main()
