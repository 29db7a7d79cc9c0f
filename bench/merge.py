"""Merging town ledgers into a county ledger, measured: time and peak memory of one `guside merge` process.

Builds N town ledgers of M cases each with bench/generate.py (different seeds, each its own `town.name`),
then runs `guside merge` of all of them into a new county ledger in a child process, timed with
/usr/bin/time (peak resident memory), then once more (the idempotent second merge).

    python bench/merge.py --towns 20 --rows 50000 --keep bench/out/county
"""

import argparse
import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.generate import generate


def timed(args: list[str], env: dict) -> tuple[float, int, int]:
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-v", *args], env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr).group(1))
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr[-2000:])
    return elapsed, peak, done.returncode


def sealed(path: Path) -> None:
    """The generated ledger (plain INSERTs) as an import leaves one: each case sealed by its import row, every
    other table and the schema sealed. A merge refuses a source that fails its own check."""
    from guside_cli.storage.ledger import Ledger
    from guside_cli.storage.seal import IMPORT, SEALED, petition_digests, seal_everything

    with Ledger.open(path) as ledger, ledger.write(actor="bench", at="2018-12-31T12:00:00+08:00"):
        for pid, digest in petition_digests(ledger.conn).items():
            ledger.log(pid, IMPORT, field=SEALED, new=digest)
        seal_everything(ledger)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--towns", type=int, default=3)
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--keep", type=Path, default=Path("bench/out/county"))
    parser.add_argument("--reuse", action="store_true", help="keep the town ledgers already in --keep")
    args = parser.parse_args()
    args.keep.mkdir(parents=True, exist_ok=True)
    guside = [sys.executable, "-m", "guside_cli"]
    env = {
        **os.environ,
        "GUSIDE_USER": "bench",
        "GUSIDE_TODAY": "2019-06-30",
    }  # the generator's last receipts are of 2019-01-01
    towns = []
    started = time.perf_counter()
    for i in range(args.towns):
        path = args.keep / f"town{i + 1:02d}.db"
        towns.append(str(path))
        if args.reuse and path.exists():
            continue
        generate(args.rows, path, seed=100 + i)
        sealed(path)
        # through the tool (sealed): a merge refuses a source changed outside it
        subprocess.run(
            [*guside, "--db", str(path), "config", "set", "town.name", f"第{i + 1:02d}镇"], env=env, check=True
        )
    print(f"generated {args.towns} ledgers of {args.rows} cases in {time.perf_counter() - started:.0f} s", flush=True)
    county = args.keep / "county.db"
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{county}{suffix}").unlink(missing_ok=True)
    subprocess.run([*guside, "--db", str(county), "config", "set", "town.name", "江阴市"], env=env, check=True)
    first = timed([*guside, "--db", str(county), "merge", *towns, "--format", "json"], env)
    again = timed([*guside, "--db", str(county), "merge", *towns, "--format", "json"], env)
    with sqlite3.connect(county) as conn:
        cases = conn.execute("SELECT count(*) FROM petitions").fetchone()[0]
    size = county.stat().st_size / 2**20
    print(
        f"first merge: {first[0]:.0f} s, peak {first[1] / 1024:.0f} MiB, exit {first[2]}; {cases} cases, {size:.0f} MiB"
    )
    print(f"second merge (nothing new): {again[0]:.0f} s, peak {again[1] / 1024:.0f} MiB, exit {again[2]}")


if __name__ == "__main__":
    main()
