"""The benchmark: guside against a baseline measured in the same run, as medians of whole-process runs.

    python bench/run.py                 # 2,000 rows, a quick check that everything runs
    python bench/run.py --rows 1000000  # the figures quoted in bench/README.md

Each operation runs as a new process (what a clerk or cron sees), `--repeat` times; the table gives the median
wall time of guside and of its baseline, their ratio, and guside's peak memory (max RSS). Ratios are the figures
that count: the machine is shared and absolute times drift.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.floor import writes  # noqa: E402
from bench.generate import generate  # noqa: E402

GUSIDE = [sys.executable, "-m", "guside_cli"]

BARE_HELP = """
import typer
app = typer.Typer()
{commands}
app()
"""
BARE_ADD = """
import sqlite3, sys, typer
app = typer.Typer()
@app.command()
def add(village: str = typer.Option(...), level: str = typer.Option(...), subject: str = typer.Option(...)):
    with sqlite3.connect({db!r}) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS t (village TEXT, level TEXT, subject TEXT)")
        conn.execute("INSERT INTO t VALUES (?, ?, ?)", (village, level, subject))
    print("ok")
@app.command()
def other(): pass
app()
"""
BARE_SQL = """
import sqlite3, typer
app = typer.Typer()
@app.command()
def run():
    conn = sqlite3.connect({db!r})
    for sql, params in {queries!r}:
        conn.execute(sql, params).fetchall()
    print("ok")
@app.command()
def other(): pass
app()
"""
Y18, Y17 = ("2018-01-01", "2018-12-31"), ("2017-01-01", "2017-12-31")
# the same counts `report --year 2018` makes, as plain SQL (GROUP BY where it groups)
REPORT_SQL = [
    *[
        (
            "SELECT village, count(*), sum(level IN ('province','national')) FROM petitions "
            "WHERE received_on BETWEEN ? AND ? GROUP BY village",
            span,
        )
        for span in (Y18, Y17)
    ],
    *[
        ("SELECT count(*) FROM petitions WHERE received_on BETWEEN ? AND ? AND outcome = 'not_accepted'", span)
        for span in (Y18, Y17)
    ],
    (
        "SELECT count(*), sum(status='closed'), sum(status='open'), sum(status='open' AND (due_on < ? OR "
        "(accepted_on IS NULL AND notice_due_on < ?))), sum(reopened > 0), sum(EXISTS (SELECT 1 FROM steps s "
        "WHERE s.petition_id = p.id AND s.kind = 'contact' AND strftime('%s', s.at) - strftime('%s', p.received_at) "
        "<= 86400)) FROM petitions p WHERE received_on BETWEEN ? AND ?",
        (Y18[1], Y18[1], *Y18),
    ),
    (
        "SELECT julianday(closed_on) - julianday(received_on) AS d FROM petitions "
        "WHERE received_on BETWEEN ? AND ? AND status = 'closed' ORDER BY d LIMIT 2 OFFSET 40000",
        Y18,
    ),
    *[
        ("SELECT substr(received_on, 6, 2), count(*) FROM petitions WHERE received_on BETWEEN ? AND ? GROUP BY 1", span)
        for span in (Y18, Y17)
    ],
    (
        "SELECT village, number FROM petitions p WHERE received_on BETWEEN ? AND ? AND status = 'open' AND due_on < ? "
        "AND (repeat_of IS NOT NULL OR id IN (SELECT repeat_of FROM petitions WHERE repeat_of IS NOT NULL))",
        (*Y18, Y18[1]),
    ),
    # the veto's second trigger: key cases open past due at the end
    (
        "SELECT village, number FROM petitions WHERE is_key = 1 AND status = 'open' AND due_on < ? "
        "AND received_on <= ?",
        (Y18[1], Y18[1]),
    ),
]
REPORT_BASE = len(REPORT_SQL)  # the summary's year to date stops here
WITHIN_24H = (
    "EXISTS (SELECT 1 FROM steps s WHERE s.petition_id = p.id AND s.kind = '{}' "
    "AND strftime('%s', s.at) - strftime('%s', p.received_at) <= 86400)"
)
# what the report counts beyond that (2026-12-01): 集体访 and 人次, the 三个第一 of accepted cases, 积案 carried
# over, candidates for 重点重复信访 — each once, as plain SQL
REPORT_SQL += [
    (
        "WITH f AS MATERIALIZED (SELECT persons AS n, accepted_on IS NOT NULL AS acc, "
        + ", ".join(
            f"CASE WHEN accepted_on IS NOT NULL THEN {WITHIN_24H.format(kind)} END AS {kind[0]}"
            for kind in ("contact", "arrive", "mediate")
        )
        + " FROM petitions p WHERE received_on BETWEEN ? AND ?) SELECT sum(n >= 5), sum(CASE WHEN n >= 5 THEN n END), "
        "sum(n), sum(acc), sum(c), sum(a), sum(m), sum(c AND a AND m) FROM f",
        Y18,
    ),
    (
        "SELECT count(*) FROM petitions WHERE received_on < ? AND (status = 'open' OR closed_on >= ?)",
        (Y18[0], Y18[0]),
    ),
    (
        "SELECT coalesce(repeat_of, id), count(*) FROM petitions WHERE received_on BETWEEN ? AND ? AND (repeat_of "
        "IS NOT NULL OR id IN (SELECT repeat_of FROM petitions WHERE repeat_of IS NOT NULL)) GROUP BY 1 "
        "HAVING count(*) >= 3",
        ("2018-01-01", Y18[1]),
    ),
]
# the summary for the week of 2018-12-17: the week's counts, the year to date, the overdue and due lists
WEEK = ("2018-12-17", "2018-12-23")
SUMMARY_SQL = [
    (
        "SELECT village, count(*), sum(level IN ('province','national')) FROM petitions "
        "WHERE received_on BETWEEN ? AND ? GROUP BY village",
        WEEK,
    ),
    ("SELECT count(*) FROM petitions WHERE closed_on BETWEEN ? AND ?", WEEK),
    (
        "SELECT count(*) FROM petitions WHERE received_on <= ? AND (status = 'open' OR closed_on > ?)",
        (WEEK[1], WEEK[1]),
    ),
    *REPORT_SQL[:REPORT_BASE],  # the year to date: the report's counts (to 12-23 rather than 12-31: the same work)
    (
        "SELECT count(*) FROM petitions WHERE status = 'open' AND (due_on < ? OR (accepted_on IS NULL AND "
        "notice_due_on < ?)) AND received_on <= ?",
        (WEEK[1],) * 3,
    ),
    (
        "SELECT number, village, level FROM petitions WHERE status = 'open' AND (due_on < ? OR (accepted_on IS NULL "
        "AND notice_due_on < ?)) AND received_on <= ? ORDER BY due_on LIMIT 30",
        (WEEK[1],) * 3,
    ),
]
BARE_IMPORT = """
import csv, sqlite3, sys
conn = sqlite3.connect({db!r})
conn.execute("CREATE TABLE t ({columns})")
with open({csv!r}, encoding="utf-8-sig", newline="") as f:
    rows = csv.reader(f)
    next(rows)
    with conn:
        conn.executemany("INSERT INTO t VALUES ({marks})", rows)
"""
BARE_EXPORT = """
import csv, sqlite3, sys
conn = sqlite3.connect({db!r})
with open({out!r}, "w", encoding="utf-8-sig", newline="") as f:
    csv.writer(f).writerows(conn.execute("SELECT * FROM petitions"))
"""
LIST_SQL = [
    (
        "SELECT * FROM petitions WHERE village = ? AND received_on BETWEEN ? AND ? ORDER BY received_at DESC LIMIT 20",
        ("红豆村", *Y18),
    )
]


def timed(cmd: list[str], env: dict | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = proc.stderr.read().decode()
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {stderr.strip()}")
    return elapsed, usage.ru_maxrss


def median_of(cmd: list[str], repeat: int, env: dict | None = None, reset=None) -> tuple[float, int]:
    runs = []
    for _ in range(repeat):
        if reset:
            reset()  # e.g. an import starts from an empty ledger every time
        runs.append(timed(cmd, env))
    return statistics.median(t for t, _ in runs), max(m for _, m in runs)


def interleaved(mine: list[str], base: list[str], repeat: int, env: dict, reset) -> tuple[float, int, float]:
    """Medians of guside and its baseline run in turn (mine, base, mine, base…): the machine is shared and its
    speed drifts over minutes, which a block of nine runs of one and then nine of the other would take for a
    difference between them."""
    mine_runs, base_runs = [], []
    for _ in range(repeat):
        if reset:
            reset["mine"]()
        mine_runs.append(timed(mine, env))
        if reset:
            reset["base"]()
        base_runs.append(timed(base, env))
    return (
        statistics.median(t for t, _ in mine_runs),
        max(m for _, m in mine_runs),
        statistics.median(t for t, _ in base_runs),
    )


def count_commands() -> int:
    import click
    import typer.main

    from guside_cli.app import app

    group = typer.main.get_command(app)
    context = click.Context(group)
    commands = [group.get_command(context, name) for name in group.list_commands(context)]
    return sum(1 + len(getattr(c, "commands", {})) for c in commands)


def main() -> None:
    parser = argparse.ArgumentParser(description="guside benchmark")
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--slow-repeat", type=int, help="runs of import and export [--repeat]")
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    parser.add_argument("--reuse", action="store_true", help="with --keep: reuse a ledger generated before")
    parser.add_argument("--skip-slow", action="store_true", help="only the quick operations (no import, export)")
    args = parser.parse_args()
    # guside as pip installs it, byte-compiled: this machine sets PYTHONDONTWRITEBYTECODE=1, under which an
    # editable install would compile every guside module it imports on every run (about 10 ms of `add`)
    import guside_cli

    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(guside_cli.__file__).parent)], check=True)
    work = args.keep or Path(tempfile.mkdtemp(prefix="guside-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    if not args.keep:  # a million rows leave about 3 GB: gone at the end unless kept on purpose
        import atexit
        import shutil

        atexit.register(shutil.rmtree, work, True)
    ledger = work / "ledger.db"
    started = time.perf_counter()
    if not (args.reuse and ledger.exists()):
        generate(args.rows, ledger)
    print(
        f"generated {args.rows:,} petitions in {time.perf_counter() - started:.1f} s; "
        f"{ledger.stat().st_size / args.rows:.0f} bytes per petition",
        file=sys.stderr,
    )

    def script(name: str, text: str) -> list[str]:
        path = work / f"{name}.py"
        path.write_text(text, encoding="utf-8")
        return [sys.executable, str(path)]

    n = count_commands()
    bare_help = script(
        "bare_help",
        BARE_HELP.format(
            commands="\n".join(f"@app.command('c{i}')\ndef c{i}(x: int = 0):\n    'help text'\n" for i in range(n))
        ),
    )
    bare_add = script("bare_add", BARE_ADD.format(db=str(work / "bare.db")))
    env = {**os.environ, "GUSIDE_DB": str(ledger), "GUSIDE_TODAY": "2019-01-10"}
    add_db = work / "add.db"
    env_add = {**env, "GUSIDE_DB": str(add_db)}
    subprocess.run([*GUSIDE, "village", "list"], env=env_add, check=True, capture_output=True)
    operations = [
        ("guside --help", [*GUSIDE, "--help"], [*bare_help, "--help"], env),
        (
            "guside add",
            [*GUSIDE, "add", "--village", "红豆", "--level", "省", "--subject", "异味"],
            [*bare_add, "add", "--village", "红豆", "--level", "省", "--subject", "异味"],
            env_add,
        ),
        (
            "guside report --year 2018",
            [*GUSIDE, "report", "--year", "2018", "--format", "text"],
            [*script("bare_report", BARE_SQL.format(db=str(ledger), queries=REPORT_SQL)), "run"],
            env,
        ),
        (
            "guside summary --week",
            [*GUSIDE, "summary", "--week", "--on", WEEK[0]],  # the week the baseline's queries count
            [*script("bare_summary", BARE_SQL.format(db=str(ledger), queries=SUMMARY_SQL)), "run"],
            env,
        ),
        (
            "guside list --village --year (first page)",
            [*GUSIDE, "list", "--village", "红豆", "--year", "2018", "--limit", "20", "--format", "text"],
            [*script("bare_list", BARE_SQL.format(db=str(ledger), queries=LIST_SQL)), "run"],
            env,
        ),
    ]
    # import of the whole ledger as a CSV (exported by guside) into a fresh ledger, and the export itself
    exported = work / "ledger.csv"
    if not (args.skip_slow and exported.exists()):
        subprocess.run([*GUSIDE, "export", "--out", str(exported)], env=env, check=True, capture_output=True)
    with open(exported, encoding="utf-8-sig") as f:
        width = len(f.readline().split(","))
    fresh = work / "import.db"
    fresh_env = {**env, "GUSIDE_DB": str(fresh)}
    bare_db = work / "bare_import.db"

    def clean(*paths: Path) -> None:
        for path in paths:
            for suffix in ("", "-journal"):
                Path(str(path) + suffix).unlink(missing_ok=True)

    slow = [
        (
            "guside import (whole ledger, CSV)",
            [*GUSIDE, "import", str(exported)],
            [
                *script(
                    "bare_import",
                    BARE_IMPORT.format(
                        db=str(bare_db),
                        csv=str(exported),
                        columns=", ".join(f"c{i}" for i in range(width)),
                        marks=", ".join("?" * width),
                    ),
                )
            ],
            fresh_env,
            {"mine": lambda: clean(fresh), "base": lambda: clean(bare_db)},
        ),
        (
            "guside export --format csv",
            [*GUSIDE, "export", "--out", str(work / "out.csv")],
            [*script("bare_export", BARE_EXPORT.format(db=str(ledger), out=str(work / "bare_out.csv")))],
            env,
            None,
        ),
    ]
    rows = []
    measured = [*[(*op, None) for op in operations], *([] if args.skip_slow else slow)]
    for name, mine, base, environment, reset in measured:
        repeat = (args.slow_repeat or args.repeat) if (reset is not None or "export" in name) else args.repeat
        mine_t, mine_mem, base_t = interleaved(mine, base, repeat, environment, reset)
        rows.append((name, mine_t, base_t, mine_t / base_t, mine_mem / 1024))
        print(f"  {name}: {mine_t:.3f} s vs {base_t:.3f} s", file=sys.stderr)
    print(
        f"\n{args.rows:,} petitions, median of {args.repeat} runs, Python {sys.version.split()[0]}, "
        f"SQLite {__import__('sqlite3').sqlite_version}\n"
    )
    print("| operation | guside median | baseline median | ratio | guside peak memory |")
    print("|---|---:|---:|---:|---:|")
    for name, mine_t, base_t, ratio, mem in rows:
        print(f"| `{name}` | {mine_t:.3f} s | {base_t:.3f} s | {ratio:.2f} | {mem:.0f} MiB |")
    if args.skip_slow:
        return
    imported = next(r for r in rows if r[0].startswith("guside import"))
    print(
        f"\nimport: {args.rows / imported[1]:,.0f} rows/s validated ({args.rows / imported[2]:,.0f} rows/s bare "
        f"executemany); the CSV is {exported.stat().st_size / 2**20:.0f} MiB"
    )
    # the tool an office might reach for instead: sqlite-utils (a dependency already) loading the same CSV as text
    su_db = work / "sqlite_utils.db"
    sqlite_utils = [str(Path(sys.executable).parent / "sqlite-utils"), "insert", str(su_db), "petitions"]
    su_t, su_mem = median_of(
        [*sqlite_utils, str(exported), "--csv"], args.slow_repeat or args.repeat, reset=lambda: clean(su_db)
    )
    clean(su_db)
    print(
        f"sqlite-utils insert --csv of the same file: {su_t:.3f} s, peak {su_mem / 1024:.0f} MiB; guside import is "
        f"{su_t / imported[1]:.2f}x faster (it also validates, numbers, indexes and seals every case)"
    )
    # the same rows written again with no reading or validating: the best any import into this schema can do
    floor = writes(fresh, work / "floor.db")
    clean(work / "floor.db")
    parts = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in floor.items() if name != "total")
    print(
        f"import write floor (bench/floor.py): {floor['total']:.3f} s for SQLite to store what the import stored "
        f"({parts}), ratio {floor['total'] / imported[2]:.2f} to the same baseline"
    )


if __name__ == "__main__":
    main()
