"""Run the examples of the documentation as written, and compare what they print with what the text shows.

An example is a fenced block whose info string is `console runnable`:

    ```console runnable
    $ guside show 2018-0016 --no-pager | head -3
    2018-0016
    项目          内容
    ...
    $ guside show 2018-9999   # exit 1
    错误：没有信访件 2018-9999
    ```

- A line starting with `$ ` is a command, run by bash (a line ending in `\\` continues on the next one).
- Its exit code must be 0, unless the line ends with `# exit N` (a shell comment: pasting the line still works).
- The lines after a command, up to the next `$ ` line, are what it prints (stdout and stderr as a terminal shows
  them, interleaved). None shown: its output is not compared. Lines are compared whole, trailing blanks ignored;
  a line `...` stands for any number of lines, and `...` inside a line for any text (for what changes from run to
  run: the real clock, the history chain's hash).

Every runnable block of one file runs in order in one bash process (so `cd` and `export` carry to the next
command, as in a terminal), in a fresh folder holding a copy of `sample_data/`, with a fresh HOME, no GUSIDE_*
variable, standard input empty and output piped (unbuffered, so stdout and stderr interleave as on a terminal):
the reader's terminal draws tables with lines and colour, the text is the same. The first block of a file makes its
ledger (`guside demo --out demo.db`, then `export GUSIDE_DB=$PWD/demo.db GUSIDE_TODAY=2018-12-31`), as a reader
starting there would.

    python scripts/doc_examples.py docs/用户手册.md          # run a file's examples, show every difference
    python scripts/doc_examples.py --show docs/用户手册.md   # print what each command prints (to paste)

tests/test_doc_examples.py runs every file's examples with this module.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FENCE = re.compile(r"^(\s*)(`{3,}|~{3,})\s*console\s+runnable\s*$")
EXIT = re.compile(r"\s#\s*exit\s+(\d+)\s*$")
ELLIPSIS = "..."
WIDTH = "100"  # COLUMNS for every example: what a piped table is cut to


@dataclass
class Example:
    """One command of a runnable block, with the exit code and the output the text states."""

    source: str  # file:line, for messages
    command: str
    exit_code: int = 0
    shown: list[str] | None = None  # None: output not compared


@dataclass
class Outcome:
    example: Example
    exit_code: int
    output: str
    problems: list[str] = field(default_factory=list)


def documents(root: Path = ROOT) -> list[Path]:
    """README.md and every Markdown file under docs/."""
    found = [root / "README.md", *sorted((root / "docs").rglob("*.md"))]
    return [path for path in found if path.exists()]


def examples(path: Path, root: Path = ROOT) -> list[Example]:
    """Every command of every runnable block of a Markdown file, in order."""
    name = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    found: list[Example] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        i += 1
        if not opening:
            continue
        indent, fence = opening.group(1), opening.group(2)
        current: Example | None = None
        while i < len(lines) and not lines[i].strip().startswith(fence):
            line = lines[i][len(indent) :] if lines[i].startswith(indent) else lines[i].lstrip()
            number = i + 1
            i += 1
            if line.startswith("$ "):
                command = line[2:]
                while command.endswith("\\") and i < len(lines):
                    command = command + "\n" + lines[i][len(indent) :]
                    i += 1
                marked = EXIT.search(command)
                current = Example(f"{name}:{number}", command, int(marked.group(1)) if marked else 0)
                found.append(current)
            elif current is not None:
                current.shown = [*(current.shown or []), line]
            elif line.strip():
                raise ValueError(f"{name}:{number}: a runnable block starts with a `$ ` command line")
        i += 1  # the closing fence
    for example in found:
        while example.shown and not example.shown[-1].strip():
            example.shown.pop()
        example.shown = example.shown or None
    return found


def _line_matches(shown: str, printed: str) -> bool:
    if ELLIPSIS not in shown:
        return shown == printed
    pattern = ".*".join(re.escape(part) for part in shown.split(ELLIPSIS))
    return re.fullmatch(pattern, printed) is not None


def output_matches(shown: list[str], printed: list[str]) -> bool:
    """Shown lines against printed ones: whole lines, `...` alone for any number of lines (greedy enough: it
    backtracks), `...` within a line for any text."""
    shown = [line.rstrip() for line in shown]
    printed = [line.rstrip() for line in printed]
    while printed and not printed[-1]:
        printed.pop()

    def match(s: int, p: int) -> bool:
        if s == len(shown):
            return p == len(printed)
        if shown[s] == ELLIPSIS:
            return any(match(s + 1, q) for q in range(p, len(printed) + 1))
        return p < len(printed) and _line_matches(shown[s], printed[p]) and match(s + 1, p + 1)

    return match(0, 0)


def environment(home: Path) -> dict[str, str]:
    """A reader's clean shell: guside on PATH, a fresh HOME, a UTF-8 locale, nothing of guside's set."""
    bin_dir = str(Path(sys.executable).parent)
    return {
        "PATH": f"{bin_dir}:/usr/local/bin:/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "COLUMNS": WIDTH,
        "PAGER": "cat",
        "TZ": "UTC",
        # stdout unbuffered as on a terminal, so stdout and stderr lines come in the order the program wrote them
        "PYTHONUNBUFFERED": "1",
    }


def run(path: Path, *, root: Path = ROOT, folder: Path | None = None, timeout: float = 600) -> list[Outcome]:
    """Run a file's examples in order in one bash process; return each one's exit code and output."""
    found = examples(path, root)
    if not found:
        return []
    with tempfile.TemporaryDirectory(prefix="guside-examples-") as scratch:
        work = folder or Path(scratch) / "work"
        work.mkdir(parents=True, exist_ok=True)
        shutil.copytree(root / "sample_data", work / "sample_data", dirs_exist_ok=True)
        home = Path(scratch) / "home"
        home.mkdir()
        outputs = Path(scratch) / "out"
        outputs.mkdir()
        script = ["exec </dev/null", f"cd {_quoted(str(work))}"]
        for n, example in enumerate(found):
            out = _quoted(str(outputs / str(n)))
            script.append(f"{{ {example.command}\n}} >{out} 2>&1; echo $? >{out}.rc")
        subprocess.run(
            ["bash", "--noprofile", "--norc", "-c", "\n".join(script)],
            env=environment(home),
            cwd=work,
            timeout=timeout,
            check=False,
        )
        outcomes = []
        for n, example in enumerate(found):
            rc_file = outputs / f"{n}.rc"
            rc = int(rc_file.read_text()) if rc_file.exists() else -1
            printed = (outputs / str(n)).read_text(encoding="utf-8", errors="replace") if rc_file.exists() else ""
            outcome = Outcome(example, rc, printed)
            if rc == -1:
                outcome.problems.append("never ran (an earlier line ended the shell)")
            elif rc != example.exit_code:
                outcome.problems.append(f"exit {rc}, the text says {example.exit_code}")
            if example.shown is not None and not output_matches(example.shown, printed.splitlines()):
                outcome.problems.append("printed something else than the text shows")
            outcomes.append(outcome)
        return outcomes


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def report(outcomes: list[Outcome]) -> str:
    """Every failing example: where, the command, what the text says and what it printed."""
    parts = []
    for o in outcomes:
        if not o.problems:
            continue
        shown = "\n".join(o.example.shown or ["(not compared)"])
        parts.append(
            f"{o.example.source}: $ {o.example.command}\n  " + "; ".join(o.problems) + f"\n--- the text shows:\n{shown}"
            f"\n--- it printed (exit {o.exit_code}):\n{o.output.rstrip()}\n"
        )
    return "\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="Markdown files (default: README.md and docs/*.md)")
    parser.add_argument("--show", action="store_true", help="print every command with what it printed")
    args = parser.parse_args(argv)
    failed = 0
    for path in [p.resolve() for p in args.files] or documents():
        outcomes = run(path)
        if args.show:
            for o in outcomes:
                marked = o.exit_code == 0 or EXIT.search(o.example.command)
                print(f"$ {o.example.command}" + ("" if marked else f"   # exit {o.exit_code}"))
                print(o.output.rstrip())
        problems = report(outcomes)
        if problems:
            print(problems, file=sys.stderr)
            failed += 1
        print(
            f"{path.name}: {len(outcomes)} examples, {sum(1 for o in outcomes if o.problems)} failing", file=sys.stderr
        )
    return 1 if failed else 0


if __name__ == "__main__":
    os.environ.pop("GUSIDE_DB", None)
    sys.exit(main())
