"""The layers of docs/architecture.md, read from the code: which package of guside_cli may import which. A new
import that points the wrong way (core reading storage, render reaching into the ledger) fails here, naming the
file. Imports under `if TYPE_CHECKING:` are for the type checker only and do not count."""

import ast
from pathlib import Path

import guside_cli

PACKAGE = Path(guside_cli.__file__).parent

# what each layer may import (besides itself); docs/architecture.md draws the same picture
ALLOWED = {
    "messages": set(),
    "core": {"messages"},
    "reports": {"core", "messages"},
    "storage": {"core", "messages", "resources"},
    "interchange": {"core", "messages", "storage.filesystems"},
    "render": {"core", "messages", "reports", "interchange", "resources"},
    # the leaders' report page computes the report as `report` does and renders it to HTML: services and render
    "web": {"core", "messages", "storage", "services", "render"},
    "services": {"core", "messages", "storage", "reports", "interchange", "render", "resources"},
    "commands": {"core", "messages", "storage", "reports", "interchange", "render", "services", "web", "resources"},
}


def _type_checking_only(tree: ast.AST) -> set[int]:
    """Line numbers of the imports inside `if TYPE_CHECKING:` blocks."""
    lines = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", None)) == "TYPE_CHECKING":
            for inner in node.body:
                lines |= {n.lineno for n in ast.walk(inner) if isinstance(n, ast.Import | ast.ImportFrom)}
    return lines


def imports_of(path: Path) -> list[tuple[int, str]]:
    """The guside_cli modules a file imports at run time, as `layer.module` below guside_cli."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _type_checking_only(tree)
    found = []
    for node in ast.walk(tree):
        if getattr(node, "lineno", None) in skip:
            continue
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("guside_cli."):
            found.append((node.lineno, node.module.removeprefix("guside_cli.")))
        elif isinstance(node, ast.Import):
            found += [
                (node.lineno, a.name.removeprefix("guside_cli."))
                for a in node.names
                if a.name.startswith("guside_cli.")
            ]
    return found


def _allowed(target: str, allowed: set[str]) -> bool:
    return any(target == a or target.startswith(a + ".") for a in allowed)


def test_every_layer_imports_only_the_layers_below_it():
    offences = []
    for layer, allowed in ALLOWED.items():
        for path in sorted((PACKAGE / layer).rglob("*.py")):
            for line, target in imports_of(path):
                if target.split(".")[0] != layer and not _allowed(target, allowed):
                    offences.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports guside_cli.{target}")
    assert offences == [], "imports that point the wrong way (docs/architecture.md):\n" + "\n".join(offences)


def test_every_package_has_its_layer():
    packages = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert packages == set(ALLOWED), "a new package needs its place in ALLOWED and in docs/architecture.md"
