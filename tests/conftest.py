"""Hermetic tests: every test gets its own ledger file, a pinned date, a fixed width and language."""

import json
import os
import shutil
import signal
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guside_cli.app import app

TODAY = "2018-06-20"


def hermetic(monkeypatch: pytest.MonkeyPatch, folder: Path, temp: Path) -> None:
    """A test's environment: its ledger in `folder`, a pinned date, user, width and language, its own HOME, and
    its own temp folder `temp` (for this process and the ones it starts): guside sweeps `guside-*` folders it finds
    in the temp folder, so tests sharing the system's, on parallel workers or in two checkouts at once, could see
    each other's."""
    monkeypatch.setenv("GUSIDE_DB", str(folder / "ledger.db"))
    monkeypatch.setenv("GUSIDE_TODAY", TODAY)
    monkeypatch.setenv("GUSIDE_USER", "tester")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("GUSIDE_LANG", raising=False)
    monkeypatch.setenv("HOME", str(folder / "home"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / "home" / ".config"))
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    from guside_cli.messages import set_language

    set_language("zh")  # a run with --lang en leaves its language behind in this process


@pytest.fixture(autouse=True)
def isolated(tmp_path, tmp_path_factory, monkeypatch):
    # the temp folder beside tmp_path, not in it: tests list what a command left in tmp_path
    hermetic(monkeypatch, tmp_path, tmp_path_factory.mktemp("tmp"))
    return tmp_path


SIGNALS = (signal.SIGTERM, signal.SIGINT, signal.SIGPIPE)


@contextmanager
def kept_signal_handlers() -> Iterator[None]:
    """Put back the process's signal handlers as they were: a test that calls `main()` in this process installs
    guside's SIGTERM handler, which would then turn a SIGTERM sent to pytest into a failure of whichever test is
    running. Tests that need the real handler run the installed entry point in a subprocess."""
    saved = {sig: signal.getsignal(sig) for sig in SIGNALS}
    try:
        yield
    finally:
        for sig, handler in saved.items():
            if signal.getsignal(sig) is not handler and handler is not None:
                signal.signal(sig, handler)


@pytest.fixture(autouse=True)
def signal_handlers() -> Iterator[None]:
    with kept_signal_handlers():
        yield


@pytest.fixture
def db_path(isolated) -> Path:
    return isolated / "ledger.db"


class Cli:
    def __init__(self):
        self.runner = CliRunner()

    def __call__(self, *args: str, ok: bool = True, input: str | None = None):
        result = self.runner.invoke(app, [str(a) for a in args], input=input)
        if ok and result.exit_code != 0:
            raise AssertionError(
                f"guside {' '.join(map(str, args))} exited {result.exit_code}\n"
                f"stdout: {result.stdout}\nstderr: {result.stderr}\n{result.exception!r}"
            )
        return result

    def json(self, *args: str):
        return json.loads(self(*args, "--format", "json").stdout)

    def add(self, *args: str, **fields: str) -> dict:
        """Register a petition with sensible defaults; returns its JSON record."""
        values = {"village": "红豆村", "level": "town", "subject": "化工厂异味", "received": "2018-06-07 09:30"}
        values.update(fields)
        options = [x for k, v in values.items() for x in (f"--{k.replace('_', '-')}", v)]
        return self.json("add", *options, *args)


@pytest.fixture
def cli() -> Cli:
    return Cli()


def rows(db: Path, sql: str = "SELECT * FROM petitions ORDER BY id") -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql).fetchall()


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Every table's content: a refused command must leave it unchanged."""
    if not db.exists():
        return {}
    with closing(sqlite3.connect(db)) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1').fetchall() for t in tables}


def pytest_addoption(parser):
    parser.addoption(
        "--runslow", action="store_true", help="run the long trust tests at their full count, and the slow tests"
    )


# The slowest tests (measured 2026-12-06 with --durations on two shared cores: 8 to 40 s each, about 220 s of the
# suite's 655): marked `slow`, left out of the default local run, run by CI (CI=true), `-m slow` or --runslow.
SLOW = {
    "tests/test_trust_leftovers.py::test_kill_9_at_any_time_leaves_no_personal_data_once_the_next_run_starts",
    "tests/test_merge_properties.py::test_merging_is_idempotent_and_independent_of_order",
    "tests/test_trust_families.py::test_a_number_is_masked_however_its_digits_are_written",
    "tests/test_trust.py::test_desks_adding_at_once_never_collide",
    "tests/test_web.py::test_a_real_browser_shows_the_front_page_and_the_report",
    "tests/test_bench.py::test_bench_runs_end_to_end_on_a_small_ledger",
    "tests/test_trust_property.py::test_every_command_with_hostile_values_never_tracebacks",
    "tests/test_import_scale.py::test_a_uid_or_a_number_given_twice_far_apart_is_named_with_both_rows",
    "tests/test_import_scale_migration.py::test_a_ledger_of_the_version_before_m013_is_rebuilt_whole",
}
# the two catalogue checks, parametrised over every message id: counted apart from behaviour tests
CATALOGUE_CHECKS = {
    "tests/test_messages.py::test_every_message_has_chinese_and_english_with_the_same_parameters",
    "tests/test_messages.py::test_every_message_renders_in_both_languages",
}


def _test_of(nodeid: str) -> str:
    """`tests/test_x.py::test_y[param]` -> `tests/test_x.py::test_y`."""
    return nodeid.split("[", 1)[0]


@pytest.hookimpl(tryfirst=True)
def pytest_cmdline_main(config):
    """The whole suite (`pytest`, `pytest -q`: no file or test named) runs on every core with pytest-xdist, one
    worker per core (measured on two cores: docs/details.md); a file or a test named runs in this process, as do
    -n 0, -p no:xdist, --pdb and one core. PYTEST_XDIST_AUTO_NUM_WORKERS sets the number of workers."""
    if (
        config.pluginmanager.hasplugin("xdist")
        and not hasattr(config, "workerinput")  # a worker: it runs its share here
        and config.option.numprocesses is None
        and config.args_source == pytest.Config.ArgsSource.TESTPATHS
        and not config.option.collectonly
        and not config.option.usepdb
    ):
        workers = config.hook.pytest_xdist_auto_num_workers(config=config)
        if workers > 1:
            config.option.numprocesses = workers


def pytest_configure(config):
    # A shell without job control starts a background job with SIGINT ignored, and every process pytest starts
    # would inherit that: the tests of Ctrl-C (a subprocess sent SIGINT must roll back and exit 130) would then see
    # exit 0. Python's own handler is not inherited across exec, so the subprocesses get the default again.
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    config.addinivalue_line("markers", "slow: a slow test, run by CI, -m slow or --runslow (see tests/conftest.py)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if _test_of(item.nodeid) in SLOW:
            item.add_marker(pytest.mark.slow)
    if config.getoption("--runslow") or os.environ.get("CI") or config.getoption("markexpr"):
        return
    kept = [item for item in items if "slow" not in item.keywords]
    if len(kept) < len(items):
        config.hook.pytest_deselected(items=[item for item in items if "slow" in item.keywords])
        config.stash[SLOW_LEFT_OUT] = len(items) - len(kept)
        items[:] = kept


SLOW_LEFT_OUT = pytest.StashKey[int]()


def pytest_sessionfinish(session):
    """An xdist worker tells the controller how many slow tests its collection left out (the controller collects
    nothing itself)."""
    if hasattr(session.config, "workeroutput"):
        session.config.workeroutput["slow_left_out"] = session.config.stash.get(SLOW_LEFT_OUT, 0)


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    left_out = getattr(node, "workeroutput", {}).get("slow_left_out", 0)
    node.config.stash[SLOW_LEFT_OUT] = max(left_out, node.config.stash.get(SLOW_LEFT_OUT, 0))


def counts(nodeids) -> tuple[int, int]:
    """(behaviour tests, catalogue checks) among test ids."""
    catalogue = sum(1 for nodeid in nodeids if _test_of(nodeid) in CATALOGUE_CHECKS)
    return len(nodeids) - catalogue, catalogue


def pytest_terminal_summary(terminalreporter, config):
    """Every run ends saying how many of its tests check behaviour and how many are the catalogue's checks (which
    grow with every message, not with what guside does). The reports are read in the main process, so this holds
    under xdist too."""
    ran = {
        report.nodeid
        for reports in terminalreporter.stats.values()
        for report in reports
        if getattr(report, "when", None) == "call" or (getattr(report, "when", None) == "setup" and report.skipped)
    }
    if ran:
        behaviour, catalogue = counts(ran)
        left_out = config.stash.get(SLOW_LEFT_OUT, 0)
        terminalreporter.write_line(
            f"{behaviour} behaviour tests + {catalogue} catalogue checks"
            + (f" ({left_out} slow tests left out: CI=true, -m slow or --runslow runs them)" if left_out else "")
        )


@pytest.fixture
def slow(request) -> bool:
    """True with --runslow: crash loops over 100,000 rows, 4 × 100 concurrent adds."""
    return request.config.getoption("--runslow")


@pytest.fixture(scope="session")
def demo_ledger(tmp_path_factory) -> Path:
    """The demo ledger (sample_data/), built once per test process (half a second) and never written to: the
    fixtures that use it take a copy (milliseconds). `guside demo` pins its own day, so the copy is the ledger a
    build at any date would give; `tests/test_cli.py` tests the build itself."""
    path = tmp_path_factory.mktemp("demo-ledger") / "demo.db"
    result = CliRunner().invoke(app, ["demo", "--out", str(path), "--no-pager"], env={"GUSIDE_TODAY": "2018-12-31"})
    assert result.exit_code == 0, result.stderr
    return path


def copy_ledger(source: Path, target: Path) -> Path:
    """A copy of a closed ledger file, its 0600 mode kept."""
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(source, target)
    return target


@pytest.fixture(scope="module")
def demo(demo_ledger, tmp_path_factory) -> Path:
    """A copy of the demo ledger for one test module, seen from its day (2018-12-31)."""
    return copy_ledger(demo_ledger, tmp_path_factory.mktemp("demo") / "demo.db")
