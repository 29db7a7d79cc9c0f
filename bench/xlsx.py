"""Import speed of an office's Excel file: a generated ledger exported as .xlsx (`guside export --format xlsx
--headers zh`, the file an office keeps), imported into a new ledger, median of several whole-process runs.

    python bench/xlsx.py --rows 100000 --repeat 3 --keep bench/out/xlsx
    git worktree add --detach ../before main~3            # the version to compare with
    python bench/xlsx.py --rows 100000 --keep bench/out/xlsx --reuse --before ../before

With --before, each run imports with that checkout's guside and then with this one, alternately, on the same
file: a before/after figure from one machine whose load drifts.
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


def guside(*args: str) -> list[str]:
    return [sys.executable, "-m", "guside_cli", *args]


def timed(cmd: list[str], checkout: Path = HERE.parent) -> tuple[float, int]:
    """Wall seconds and peak RSS (KiB) of one whole process running `checkout`'s guside (`python -m` puts the
    current folder first on the path; PYTHONPATH too, for its child processes)."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=checkout, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd)} failed: {stderr.strip()}")
    return elapsed, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description="guside import of a large .xlsx")
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    parser.add_argument("--reuse", action="store_true", help="with --keep: reuse the .xlsx made before")
    parser.add_argument("--before", type=Path, help="another checkout of guside, run alternately with this one")
    args = parser.parse_args()
    folder = (args.keep or Path(tempfile.mkdtemp(prefix="guside-xlsx-"))).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    book = folder / f"ledger-{args.rows}.xlsx"
    if not (args.reuse and book.exists()):
        from bench.generate import generate

        ledger = generate(args.rows, folder / f"ledger-{args.rows}.db")
        subprocess.run(
            guside("--db", str(ledger), "export", "--format", "xlsx", "--headers", "zh", "--out", str(book)),
            check=True,
            stdout=subprocess.DEVNULL,
        )
    sides = {"before": args.before.resolve(), "after": HERE.parent} if args.before else {"after": HERE.parent}
    runs: dict[str, list[tuple[float, int]]] = {side: [] for side in sides}
    for _ in range(args.repeat):
        for side, checkout in sides.items():
            target = folder / "imported.db"
            for leftover in folder.glob("imported.db*"):
                leftover.unlink()
            runs[side].append(timed(guside("--db", str(target), "import", str(book)), checkout))
    print(f"{args.rows} rows, {book.stat().st_size / 2**20:.1f} MiB .xlsx")
    for side, done in runs.items():
        seconds = statistics.median(r[0] for r in done)
        peak = max(r[1] for r in done) / 1024
        each = [round(r[0], 1) for r in done]
        print(f"{side} ({sides[side]}): median {seconds:.1f} s of {each}, peak {peak:.0f} MiB")


if __name__ == "__main__":
    main()
