"""Every example in README.md and docs/ is a test: each `console runnable` block runs as written, in order, on
the demo ledger its file makes, and must end with the exit code and print the output the text shows
(scripts/doc_examples.py says how a block is written)."""

import fcntl
import importlib.util
import re
import sys
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("doc_examples", ROOT / "scripts" / "doc_examples.py")
assert _spec is not None and _spec.loader is not None
doc_examples = importlib.util.module_from_spec(_spec)
sys.modules["doc_examples"] = doc_examples  # dataclasses look their module up there
_spec.loader.exec_module(doc_examples)

SYSTEM_TEMP = tempfile.gettempdir()  # read at import, before a test's own temp folder is set (conftest)
RUNNABLE = [path for path in doc_examples.documents(ROOT) if doc_examples.examples(path, ROOT)]


def test_the_front_door_and_the_manual_have_runnable_examples():
    names = {path.name for path in RUNNABLE}
    assert "用户手册.md" in names
    assert "README.md" in names
    for path in RUNNABLE:  # each file makes its own demo ledger first, as a reader starting there would
        first = doc_examples.examples(path, ROOT)[0].command
        assert first.startswith("guside demo --out "), f"{path.name} begins with {first!r}, not the demo ledger"


PORT = re.compile(r"\bserve\b.*?(?:--port|-p)[ =]?(\d+)")


@contextmanager
def ports_held(commands: list[str]) -> Iterator[None]:
    """Hold, for the examples' run, a lock per fixed port they serve on (the manual's `serve --port 8765`): two
    runs of the suite at once on one machine (two checkouts, parallel workers) take turns instead of one finding
    the port taken and failing. The lock files are in the system's temp folder, which every run shares."""
    with ExitStack() as stack:
        for port in sorted({int(p) for command in commands for p in PORT.findall(command)}):
            lock = stack.enter_context(open(Path(SYSTEM_TEMP) / f"guside-tests-port-{port}.lock", "a"))
            fcntl.flock(lock, fcntl.LOCK_EX)
        yield


@pytest.mark.parametrize("doc", RUNNABLE, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_runnable_example_runs_as_written(doc, tmp_path):
    with ports_held([example.command for example in doc_examples.examples(doc, ROOT)]):
        outcomes = doc_examples.run(doc, root=ROOT, folder=tmp_path / "work")
    failing = doc_examples.report(outcomes)
    assert not failing, (
        f"{sum(1 for o in outcomes if o.problems)} of {len(outcomes)} examples fail; see what each printed with "
        f"`python scripts/doc_examples.py --show {doc.relative_to(ROOT)}`\n\n{failing}"
    )


def test_the_example_matcher_reads_ellipses_as_the_text_says():
    match = doc_examples.output_matches
    assert match(["a", "...", "d"], ["a", "b", "c", "d"])
    assert match(["a", "...", "d"], ["a", "d"])
    assert match(["head ...:9f"], ["head 2545:9f"])
    assert not match(["a", "b"], ["a", "b", "c"])
    assert not match(["a", "x"], ["a", "b"])


def test_a_block_states_its_exit_codes_and_output(tmp_path):
    doc = tmp_path / "x.md"
    doc.write_text(
        "```console runnable\n$ echo 一\n一\n$ false   # exit 1\n$ printf 'a\\nb\\n' \\\n  | head -1\na\n```\n",
        encoding="utf-8",
    )
    found = doc_examples.examples(doc, tmp_path)
    assert [(e.command.splitlines()[0], e.exit_code, e.shown) for e in found] == [
        ("echo 一", 0, ["一"]),
        ("false   # exit 1", 1, None),
        ("printf 'a\\nb\\n' \\", 0, ["a"]),
    ]
