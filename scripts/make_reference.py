"""Write docs/reference.md: every command, sub-command and option of guside, read from the Typer app and the
message catalogue (the same texts `--help` shows), Chinese first with the English beside it.

    python scripts/make_reference.py            # rewrite docs/reference.md
    python scripts/make_reference.py --check    # exit 1 if docs/reference.md is not what the code makes now

One file holds both languages: a reader who knows one finds the other on the same line, and there is one file to
keep current, not two. tests/test_reference.py fails when the file is stale.
"""

from __future__ import annotations

import argparse
import sys
from enum import Enum
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "docs" / "reference.md"
REGENERATE = "python scripts/make_reference.py"
LANGS = ("zh", "en")


def _root(lang: str):
    import typer.main

    from guside_cli.app import app, translate

    command = typer.main.get_command(app)
    translate(command, lang, "root")
    return command


def _command(path: tuple[str, ...], lang: str):
    """The command at `path` (("leader", "add")) with its help in `lang`, as `guside … --help` builds it."""
    from guside_cli.app import _MODULE_OF, commands_of

    command = commands_of(_MODULE_OF[path[0]], lang).get_command(None, path[0])
    for name in path[1:]:
        command = command.commands[name]
    return command


def _context(command):
    from typer._click import Context

    return Context(command, info_name=command.name)


def _cell(text: object) -> str:
    return str(text).strip().replace("|", "\\|").replace("\n\n", "<br>").replace("\n", " ")


def _default(param) -> str:
    if getattr(param, "required", False):
        return "必填 required"
    default = param.default
    if callable(default) or default is None or default is False or default == () or default == []:
        shown = ""
    elif isinstance(default, Enum):
        shown = f"`{default.value}`"
    elif isinstance(default, list | tuple):
        shown = "`" + ", ".join(map(str, default)) + "`"
    else:
        shown = f"`{default}`"
    envvar = getattr(param, "envvar", None)
    if envvar:
        shown = (shown + " " if shown else "") + f"(`{envvar}`)"
    return shown


def _names(param) -> str:
    if param.param_type_name == "argument":
        return f"`{(param.metavar or param.name).upper()}`"
    names = ", ".join([*param.opts, *param.secondary_opts])
    return f"`{names}`"


def _type(param, ctx) -> str:
    if getattr(param, "is_flag", False):
        return "开关 flag"
    shown = param.display_type(ctx)
    if getattr(param, "multiple", False):
        shown = shown.replace("list[", "").replace("]", "") + " …"
    return f"`{shown}`"


def _params_table(by_lang: dict[str, object]) -> list[str]:
    zh, en = by_lang["zh"], by_lang["en"]
    ctx = _context(zh)
    rows = []
    for p_zh, p_en in zip(zh.params, en.params, strict=True):
        if getattr(p_zh, "hidden", False) or p_zh.name in ("install_completion", "show_completion"):
            continue
        rows.append(
            f"| {_names(p_zh)} | {_cell(_type(p_zh, ctx))} | {_cell(_default(p_zh))} | {_cell(p_zh.help or '')} "
            f"| {_cell(p_en.help or '')} |"
        )
    if not rows:
        return []
    return ["| 选项 Option | 类型 Type | 默认 Default | 说明 | Description |", "|---|---|---|---|---|", *rows, ""]


def _help(command, quote: bool = False) -> list[str]:
    text = (command.help or "").strip()
    lines = text.splitlines() or [""]
    if quote:
        return [f"> {line}".rstrip() for line in lines] + [""]
    return [*lines, ""]


def _usage(command, path: tuple[str, ...]) -> str:
    pieces = command.collect_usage_pieces(_context(command))
    return f"`guside {' '.join(path)} {' '.join(pieces)}`".replace("  ", " ")


def _anchor(path: tuple[str, ...]) -> str:
    return "guside-" + "-".join(path)


def _section(path: tuple[str, ...], level: int) -> list[str]:
    by_lang = {lang: _command(path, lang) for lang in LANGS}
    zh = by_lang["zh"]
    lines = [f"{'#' * level} guside {' '.join(path)}", "", f"用法 Usage: {_usage(zh, path)}", ""]
    lines += _help(zh) + _help(by_lang["en"], quote=True) + _params_table(by_lang)
    for name in zh.list_commands(_context(zh)) if hasattr(zh, "list_commands") else []:
        lines += _section((*path, name), min(level + 1, 4))
    return lines


def _commands_of(path: tuple[str, ...]) -> list[tuple[str, ...]]:
    command = _command(path, "zh")
    below = command.list_commands(_context(command)) if hasattr(command, "list_commands") else []
    return [path] + [p for name in below for p in _commands_of((*path, name))]


def reference() -> str:
    """The whole docs/reference.md, as the code makes it now."""
    from guside_cli.app import PANELS, _panel_label

    root = {lang: _root(lang) for lang in LANGS}
    lines = [
        "# guside 命令参考 Command reference",
        "",
        f"<!-- 由 `{REGENERATE}` 从代码和消息目录生成，请勿手改。 Generated by `{REGENERATE}` from the code and "
        "the message catalogue: do not edit by hand; tests/test_reference.py fails when it is stale. -->",
        "",
        "每条命令、子命令和选项，与 `guside … --help` 所示相同（中文在前，英文在旁）。 Every command, sub-command and "
        "option, as `guside … --help` shows them (Chinese first, the English beside it; `--lang en` gives English "
        "help). 用法手册见 [用户手册](用户手册.md)；the guarantees and the tests that hold them: "
        "[guarantees.md](guarantees.md).",
        "",
        "## 目录 Contents",
        "",
        "- [全局选项 Global options](#全局选项-global-options)",
    ]
    for panel, names in PANELS.items():
        links = ", ".join(f"[{name}](#{_anchor((name,))})" for name in names)
        lines.append(f"- {_panel_label(panel, 'zh')} {_panel_label(panel, 'en')}: {links}")
    lines += ["", "## 全局选项 Global options", "", "用法 Usage: `guside [OPTIONS] COMMAND [ARGS]...`", ""]
    lines += _help(root["zh"]) + _help(root["en"], quote=True) + _params_table(root)
    for panel, names in PANELS.items():
        lines += [f"## {_panel_label(panel, 'zh')} {_panel_label(panel, 'en')}", ""]
        for name in names:
            lines += _section((name,), 3)
    return "\n".join(line.rstrip() for line in lines).rstrip() + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when docs/reference.md is stale")
    args = parser.parse_args(argv)
    made = reference()
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != made:
            print(f"docs/reference.md is stale: run {REGENERATE}", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(made, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)} ({len(made.splitlines())} lines)")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
