"""List every user message still written as an English string instead of a catalogue id.

    python scripts/english_messages.py            # every file, one line per message: path:line  kind  text
    python scripts/english_messages.py --count    # how many per file

A user message is a string (or f-string) passed to an error (GusideError and its kinds), to `fail`, `say`,
`typer.echo`/`print`, `typer.BadParameter`, or as an option's `help=`; and the docstring of a registered
command function (its --help). A zh/en pair written in place (`_t(lang, "中文", "English")`,
`say(run, "中文", "English")`) is listed too: it speaks both languages, but outside the one catalogue.
A catalogue message (`M("id")`, `text("id")`, `help="help.…"`) is not listed,
nor a string with no Latin letter at all. Run it after a merge to see what is left to move into
guside_cli/messages.
"""

from __future__ import annotations

import ast
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "guside_cli"
ERRORS = {"GusideError", "InputError", "NotFound", "RuleViolation", "LedgerError", "BadParameter", "Problem"}
SPEAKERS = {"fail", "say", "echo", "print", "secho"}


@dataclass(frozen=True)
class Found:
    path: str
    line: int
    kind: str
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}  {self.kind}  {self.text}"


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _literal(node: ast.expr) -> str | None:
    """The text of a str or f-string literal (f-string holes shown as {…}); None for anything else."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{…}" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        return None if left is None and right is None else (left or "") + (right or "")
    if isinstance(node, ast.IfExp):
        return _literal(node.body) or _literal(node.orelse)
    return None


def _english(text: str) -> bool:
    if text.startswith("help.") and " " not in text:
        return False  # a catalogue id
    words = text.replace("guside", "")  # the program's name is no English
    return any("a" <= ch.lower() <= "z" for ch in words)


def _in_catalogue(message_id: str) -> bool:
    sys.path.insert(0, str(ROOT.parent))
    from guside_cli.messages import catalogue

    return message_id in catalogue()


def scan_file(path: Path, root: Path = ROOT) -> list[Found]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    relative = str(path.relative_to(root.parent))
    found: list[Found] = []
    commands = _command_functions(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _name(node.func)
            if name in ("_t", "say") and len(node.args) >= 3:
                # a zh/en pair written in place: both languages, but outside the one catalogue
                english = _literal(node.args[2])
                if english is not None and _english(english):
                    found.append(Found(relative, node.lineno, "zh/en pair", " ".join(english.split())))
                continue
            if name in ERRORS or name in SPEAKERS:
                for arg in node.args[:2] if name == "Problem" else node.args[:1]:
                    text = _literal(arg)
                    if text is not None and _english(text) and not (name == "Problem" and arg is node.args[0]):
                        found.append(Found(relative, node.lineno, name, " ".join(text.split())))
            for keyword in node.keywords:
                if keyword.arg == "help":
                    text = _literal(keyword.value)
                    if text is not None and _english(text):
                        found.append(Found(relative, node.lineno, "help", " ".join(text.split())))
        elif isinstance(node, ast.FunctionDef) and node.name in commands:
            doc = ast.get_docstring(node)
            if _in_catalogue(f"help.cmd.{commands[node.name]}"):
                continue  # its --help comes from the catalogue
            if doc and _english(doc.split("\n\n")[0]):
                found.append(Found(relative, node.lineno, "command help", doc.split("\n")[0]))
    return sorted(found, key=lambda f: f.line)


def _command_functions(tree: ast.Module) -> dict[str, str]:
    """Functions a module registers as commands, with their command names: app.command("x")(fn) or
    app.command("x")(guarded(fn))."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Call) and _name(node.func.func) == "command":
            target = node.args[0] if node.args else None
            while isinstance(target, ast.Call) and target.args:
                target = target.args[0]
            given = node.func.args[0] if node.func.args else None
            if isinstance(target, ast.Name):
                command = given.value if isinstance(given, ast.Constant) else target.id
                names[target.id] = str(command)
    return names


def scan(root: Path = ROOT) -> list[Found]:
    found: list[Found] = []
    for path in sorted(root.rglob("*.py")):
        if "messages" in path.relative_to(root).parts:
            continue
        found.extend(scan_file(path, root))
    return found


def main(argv: list[str]) -> int:
    found = scan()
    if "--count" in argv:
        counts: dict[str, int] = {}
        for f in found:
            counts[f.path] = counts.get(f.path, 0) + 1
        for path, n in sorted(counts.items(), key=lambda item: -item[1]):
            print(f"{n:4d}  {path}")
        print(f"{len(found):4d}  in all")
    else:
        for f in found:
            print(f)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
