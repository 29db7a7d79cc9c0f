"""The benchmark script runs end to end on a small ledger, and the indexes the reports rely on are used.
No timing is asserted here: figures come from `python bench/run.py --rows 1000000`."""

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_bench_runs_end_to_end_on_a_small_ledger(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--rows", "300", "--repeat", "1", "--keep", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    assert "sqlite-utils insert --csv of the same file:" in done.stdout
    table = [line for line in done.stdout.splitlines() if line.startswith("| `")]
    assert [line.split("`")[1] for line in table] == [
        "guside --help",
        "guside add",
        "guside report --year 2018",
        "guside summary --week",
        "guside list --village --year (first page)",
        "guside import (whole ledger, CSV)",
        "guside export --format csv",
    ]
    assert all(float(line.split("|")[4]) > 0 for line in table)  # a ratio for each

    assert "import write floor (bench/floor.py):" in done.stdout


@pytest.fixture(scope="module")
def bench_ledger(tmp_path_factory):
    sys.path.insert(0, str(ROOT))
    from bench.generate import generate

    return generate(3000, tmp_path_factory.mktemp("bench") / "ledger.db")


def plan(db: Path, sql: str, params=()) -> str:
    with sqlite3.connect(db) as conn:
        return " | ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params))


@pytest.mark.parametrize(
    ("sql", "index"),
    [
        (
            "SELECT p.level, count(*) FROM petitions p WHERE p.received_on BETWEEN '2018-01-01' AND '2018-12-31' "
            "GROUP BY p.level",
            "petitions_received",
        ),
        (
            "SELECT * FROM petitions p WHERE p.village = '红豆村' AND p.received_on BETWEEN '2018-01-01' AND "
            "'2018-12-31'",
            "petitions_village",
        ),
        (
            "SELECT count(*) FROM petitions p WHERE p.status = 'open' AND p.due_on < '2018-06-01'",
            "petitions_open_",  # petitions_open_due or petitions_open_clocks, by the statistics: never a table scan
        ),
        ("SELECT count(*) FROM petitions x WHERE x.repeat_of = 42", "petitions_repeat_of"),
        (
            "SELECT count(*) FROM petitions p WHERE p.received_on <= '2018-12-23' AND p.status = 'open' AND "
            "(p.due_on < '2018-12-23' OR (p.accepted_on IS NULL AND p.notice_due_on < '2018-12-23'))",
            "petitions_open_",  # petitions_open_due or petitions_open_clocks, by the statistics: never a table scan
        ),
        ("SELECT count(*) FROM petitions WHERE closed_on BETWEEN '2018-12-17' AND '2018-12-23'", "petitions_closed_on"),
    ],
)
def test_report_queries_use_their_indexes(bench_ledger, sql, index):  # `index` may be a name's beginning
    assert f"USING COVERING INDEX {index}" in plan(bench_ledger, sql) or f"USING INDEX {index}" in plan(
        bench_ledger, sql
    )


def test_the_storage_period_count_uses_the_receipt_index(bench_ledger):
    """The real query of `report`, taken from storage, so a change there cannot lose the index unnoticed."""
    from datetime import date

    from guside_cli.storage.ledger import Ledger

    with Ledger.open(bench_ledger) as ledger:
        traced = []
        ledger.conn.set_trace_callback(traced.append)
        ledger.period_counts(date(2018, 1, 1), date(2018, 12, 31))
        ledger.conn.set_trace_callback(None)
    group_by = next(sql for sql in traced if "GROUP BY p.village" in sql)
    # either receipt-date index answers it from the index alone (the planner picks by ANALYZE statistics)
    found = plan(bench_ledger, group_by)
    assert "USING COVERING INDEX petitions_received" in found or "USING COVERING INDEX petitions_village" in found
