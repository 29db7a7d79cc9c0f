"""Import speed of an office's Excel file: a generated ledger exported as .xlsx (`guside export --format xlsx
--headers zh`, the file an office keeps), imported into a new ledger, median of several whole-process runs.

    python bench/xlsx.py --rows 100000 --repeat 3 --keep bench/out/xlsx
    PYTHONPATH=/path/to/older/checkout python bench/xlsx.py --rows 100000 --keep bench/out/xlsx --reuse

The second form measures another version of guside on the same file (PYTHONPATH comes before the editable
install), for a before/after figure on one machine.
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


def timed(cmd: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
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
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="guside-xlsx-"))
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
    runs = []
    for _ in range(args.repeat):
        target = folder / "imported.db"
        for leftover in folder.glob("imported.db*"):
            leftover.unlink()
        runs.append(timed(guside("--db", str(target), "import", str(book))))
    seconds = statistics.median(r[0] for r in runs)
    peak = max(r[1] for r in runs) / 1024
    where = subprocess.run(
        [sys.executable, "-c", "import guside_cli; print(guside_cli.__file__)"], capture_output=True, text=True
    ).stdout.strip()
    print(f"{args.rows} rows, {book.stat().st_size / 2**20:.1f} MiB .xlsx, guside from {Path(where).parent}")
    print(f"import: median {seconds:.1f} s of {[round(r[0], 1) for r in runs]}, peak {peak:.0f} MiB")


if __name__ == "__main__":
    main()
