"""One door per write: commands parse and render; only services open a write transaction or call the ledger's
writers. Found by reading the code, so a new command that writes around its service fails here."""

import ast
import inspect
import re
from pathlib import Path

import guside_cli
from guside_cli.storage.ledger import Ledger

PACKAGE = Path(guside_cli.__file__).parent
LEDGER_NAMES = {"source", "mine", "theirs", "target"}
WRITES = re.compile(r"\bself\.log\(|\bchain_row\(|\b(INSERT|UPDATE|DELETE)\b|\bwrite\(")


def ledger_writers() -> set[str]:
    """The Ledger's methods (its mixins' included) that write, or call a method that does."""
    methods = {
        name: inspect.getsource(fn)
        for name, fn in inspect.getmembers(Ledger, predicate=inspect.isfunction)
        if not name.startswith("__")
    }
    writers = {name for name, source in methods.items() if WRITES.search(source.split('"""')[-1])}
    grew = True
    while grew:
        called = {
            name
            for name, source in methods.items()
            if name not in writers and any(re.search(rf"\bself\.{w}\(", source) for w in writers)
        }
        grew = bool(called)
        writers |= called
    return writers


def test_the_writers_are_found():
    writers = ledger_writers()
    # known writers of each kind: a case, its path, a reference table, the history itself
    assert {"add_petition", "assign", "accept", "add_village", "set_key", "log", "refresh_all_due"} <= writers
    assert not {"get", "villages", "overdue", "history"} & writers


def _from_services(tree: ast.AST) -> set[str]:
    """Names a module binds to the services (`from guside_cli.services import casework`, or a function of one)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("guside_cli.services"):
            names |= {alias.asname or alias.name for alias in node.names}
    return names


def _calls(tree: ast.AST) -> list[tuple[int, str]]:
    """Calls by name, but not those of a service (`casework.assign(...)`, `mark_published(run)`)."""
    services = _from_services(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Attribute):
                # a method of a ledger (the code names them ledger, source, mine, theirs); a list's extend is not
                receiver = f.value.id if isinstance(f.value, ast.Name) else ""
                if "ledger" in receiver or receiver in LEDGER_NAMES:
                    found.append((node.lineno, f.attr))
            elif isinstance(f, ast.Name) and f.id not in services:
                found.append((node.lineno, f.id))
    return found


def test_no_command_writes_around_its_service():
    writers = ledger_writers() | {"writing"}
    offences = []
    for path in sorted((PACKAGE / "commands").glob("*.py")):
        if path.name == "_common.py":
            continue  # re-exports the seam for services' callers; it writes nothing itself
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, name in _calls(tree):
            if name in writers:
                offences.append(f"{path.name}:{line} calls {name}")
    assert offences == [], "commands must reach a write through a service function:\n" + "\n".join(offences)


def test_the_web_view_and_reports_never_write():
    writers = ledger_writers() | {"writing"}
    offences = []
    for folder in ("web", "reports", "render"):
        for path in sorted((PACKAGE / folder).glob("*.py")):
            for line, name in _calls(ast.parse(path.read_text(encoding="utf-8"))):
                if name in writers:
                    offences.append(f"{folder}/{path.name}:{line} calls {name}")
    assert offences == []
