"""Family 5: no traceback, ever. Every command, driven with generated hostile option and argument values: the exit
code is 0, 1 or 2; a refusal is one line on stderr and leaves the ledger unchanged; nothing is a traceback."""

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from guside_cli.app import LazyCommands, app
from tests.conftest import snapshot

SKIPPED = {"demo", "serve"}  # demo: builds a whole demo ledger (seconds per example); serve: runs until stopped


def _leaves():
    """(path, click command) of every command and subcommand."""
    import typer

    root = typer.main.get_command(app)
    ctx = root.make_context("guside", ["list"], resilient_parsing=True)
    out = []
    for name in LazyCommands.list_commands(root, ctx):
        if name in SKIPPED:
            continue
        command = root.get_command(ctx, name)
        subs = getattr(command, "commands", None)
        if subs:
            out += [((name, sub), c) for sub, c in subs.items()]
        else:
            out.append(((name,), command))
    return out


LEAVES = _leaves()
HOSTILE = [
    "",
    " ",
    "-1",
    "0",
    "1",
    "99999999999999999999999",
    "NaN",
    "inf",
    "-inf",
    "1e309",
    "0001-01-01",
    "9999-12-31",
    "2018-02-30",
    "../../etc/passwd",
    "/",
    ".",
    "\x1b[31mred",
    "\u202eevil",
    "\u200b",
    '=HYPERLINK("x")',
    "'; DROP TABLE petitions;--",
    "%s%n{0}",
    "x" * 20_000,
    "２０１８-０６-０１",
    "2018-红豆-001",
    "1",
    "LEDGER",  # replaced by the ledger's own path
]
VALUE = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40), st.integers().map(str))


def _call(draw_leaf, values, flags):
    path, command = draw_leaf
    args = list(path)
    for param in command.params:
        if param.name in ("help",):
            continue
        is_flag = getattr(param, "is_flag", False)
        if param.param_type_name == "argument":
            args.append(values.pop())
        elif is_flag:
            if flags.pop() and param.opts:
                args.append(param.opts[0])
        elif param.required or flags.pop():
            args += [param.opts[0], values.pop()]
    return args


@pytest.fixture
def seeded(cli, db_path, tmp_path, monkeypatch):
    cli.add(phone="13912345678")
    cli.add(received="2018-06-10")
    cli("leader", "add", "张三", "--rank", "town")
    monkeypatch.chdir(tmp_path)  # files written by --out or backup land here, never in the project
    return db_path


@settings(
    max_examples=int(os.environ.get("GUSIDE_PROPERTY_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    leaf=st.sampled_from(LEAVES),
    values=st.lists(VALUE, min_size=40, max_size=40),
    flags=st.lists(st.booleans(), min_size=60, max_size=60),
)
def test_every_command_with_hostile_values_never_tracebacks(seeded, leaf, values, flags):
    values = [str(seeded) if v == "LEDGER" else v for v in values]
    args = _call(leaf, list(values), list(flags))
    before = snapshot(seeded)
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout, args
    assert seeded.exists() and seeded.read_bytes()[:16] == b"SQLite format 3\x00", args
    if result.exit_code != 0:
        # one line; `add` reports each problem of its input on a line of its own (tests/test_add.py), each a
        # whole error line
        lines = result.stderr.splitlines()
        assert len(lines) <= 1 or all(line.startswith(("Error: ", "错误：")) for line in lines), (args, result.stderr)
        assert lines or result.exit_code == 1, args
        if not (args[0] == "check" and result.exit_code == 1):
            assert snapshot(seeded) == before, args


SEEN = [
    ("report", "--year", "0"),
    ("report", "--year", "-1"),
    ("report", "--year", "1"),
    ("report", "--year", "99999"),
    ("list", "--year", "10000"),
    ("add", "--village", "红豆", "--level", "镇", "--subject", "s", "--on", "9999-12-31"),
    ("add", "--village", "红豆", "--level", "镇", "--subject", "s", "--received", "0001-01-01"),
    ("summary", "--on", "0001-01-01"),
    ("reward", "2018-红豆-001", "--amount", "NaN"),
    ("reward", "2018-红豆-001", "--amount", "inf"),
    ("target", "set", "--year", "2019", "--total", "NaN", "--escalated", "25"),
    ("config", "set", "bulletin.closure_threshold", "NaN"),
    ("show", "99999999999999999999999"),
    ("import", "FIELD50MB"),
    ("import", "DEEPJSON"),
    ("export", "--out", "."),
]


@pytest.mark.parametrize("args", SEEN, ids=lambda a: " ".join(a)[:40])
def test_the_inputs_seen_giving_tracebacks_are_one_line(seeded, tmp_path, args):
    if "FIELD50MB" in args:
        (tmp_path / "big.csv").write_text(
            "subject,village,level,received_on\n" + "x" * 50_000_000 + ",红豆村,town,2018-06-01\n"
        )
        args = ("import", str(tmp_path / "big.csv"))
    if "DEEPJSON" in args:
        (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
        args = ("import", str(tmp_path / "deep.json"))
    before = snapshot(seeded)
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code in (1, 2) and result.stderr.count("\n") == 1, (args, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert snapshot(seeded) == before


def test_a_bad_busy_timeout_is_one_line(seeded, monkeypatch):
    monkeypatch.setenv("GUSIDE_BUSY_TIMEOUT", "abc")
    result = CliRunner().invoke(app, ["list"])
    assert result.exit_code == 2 and "GUSIDE_BUSY_TIMEOUT" in result.stderr and result.stderr.count("\n") == 1
