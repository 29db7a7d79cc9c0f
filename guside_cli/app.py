"""The root Typer app: global options (--db, --lang, --today) and main()."""

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from typer.core import TyperGroup

from guside_cli import __version__
from guside_cli.commands._common import Run, bounded_text, current_user, default_db_path, guarded

# which module of guside_cli.commands registers each command (tests/test_cli.py checks this against them)
COMMANDS = {
    "cases": ("add", "list", "show"),
    "lifecycle": ("assign", "step", "extend", "close", "reopen", "edit", "history"),
    "casepath": ("accept", "reject", "conclude", "review", "re-review"),
    "deadlines": ("overdue", "due"),
    "report": ("report", "target"),
    "summary": ("summary",),
    "bulletin": ("bulletin",),
    "keycases": ("key-cases",),
    "campaign": ("campaign",),
    "reception": ("reception", "interview", "expose"),
    "leaders": ("leader",),
    "enterprises": ("enterprise",),
    "persons": ("person",),
    "rewards": ("reward", "rewards"),
    "villages": ("village",),
    "data": ("import", "export", "publish", "backup", "check"),
    "config": ("config",),
    "info": ("info",),
    "demo": ("demo",),
    "merge": ("merge", "conflicts", "resolve"),
    "serve": ("serve",),
    "periods": ("period", "reconcile"),
}
_MODULE_OF = {name: module for module, names in COMMANDS.items() for name in names}

# `guside --help` groups its thirty commands by what a desk does with them
PANELS = {
    "登记与办理 Cases": (
        "add",
        "list",
        "show",
        "edit",
        "history",
        "accept",
        "reject",
        "assign",
        "step",
        "extend",
        "conclude",
        "review",
        "re-review",
        "close",
        "reopen",
        "overdue",
        "due",
    ),
    "报表 Reports": ("report", "summary", "bulletin", "publish", "key-cases"),
    "百日行动 Campaign": ("campaign", "reception", "interview", "expose"),
    "资料 Reference": ("leader", "enterprise", "person", "reward", "rewards", "village", "target", "config"),
    "数据 Data": ("import", "export", "backup", "check", "info", "demo", "period", "reconcile"),
    "合并与查看 Merge & web": ("merge", "conflicts", "resolve", "serve"),
}
_PANEL_OF = {name: panel for panel, names in PANELS.items() for name in names}


class LazyCommands(TyperGroup):
    """The root group, loading a command's module only when that command runs (or --help lists them all):
    the clerk's `guside add` then imports and converts one module's commands, not thirty. Measured: importing
    every command module and building all thirty commands cost about 35 ms of each run."""

    def list_commands(self, ctx) -> list[str]:
        return [name for names in PANELS.values() for name in names]

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        """The outer edge of the one error boundary (commands/_common.guarded is the inner): a usage error
        (unknown option, a value of the wrong type) is one line on stderr, exit 2, not a box of text; anything
        unexpected outside a command is one line, exit 2, with the hint to report it."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        import sys

        from typer._click import exceptions as click_errors

        from guside_cli.commands._common import fail, unexpected

        not_utf8 = _not_utf8(sys.argv[1:] if args is None else list(args))
        if not_utf8 is not None:
            sys.exit(_exit_code(fail(not_utf8, 2)))
        try:
            rv = super().main(args, prog_name, complete_var, False, **extra)
        except click_errors.NoArgsIsHelpError as e:  # `guside` alone: the help, as before
            from typer import rich_utils

            rich_utils.rich_format_error(e)
            sys.exit(e.exit_code)
        except click_errors.ClickException as e:
            sys.exit(_exit_code(fail(usage_message(e, click_errors), e.exit_code)))
        except typer.Abort:
            from guside_cli.messages import M

            sys.exit(_exit_code(fail(M("error.aborted"), 1)))
        except Exception as e:  # outside any command: never a traceback
            sys.exit(_exit_code(fail(unexpected(e), 2)))
        sys.exit(rv if isinstance(rv, int) else 0)

    def get_command(self, ctx, name: str):
        module = _MODULE_OF.get(name)
        return None if module is None else commands_of(module, language_of(ctx)).get_command(ctx, name)

    def format_help(self, ctx, formatter) -> None:
        translate(self, language_of(ctx), "root")
        _help_words(language_of(ctx))
        super().format_help(ctx, formatter)


def _help_words(lang: str) -> None:
    """The words of Typer's help screens themselves (panel titles, [default: …]) in the run's language."""
    from typer import rich_utils

    from guside_cli.messages import text

    for name in ("ARGUMENTS_PANEL_TITLE", "COMMANDS_PANEL_TITLE", "OPTIONS_PANEL_TITLE", "DEFAULT_STRING",
                 "ENVVAR_STRING", "REQUIRED_LONG_STRING", "ERRORS_PANEL_TITLE"):  # fmt: skip
        setattr(rich_utils, name, text(f"help.word.{name.lower()}", lang))


def usage_message(e, click_errors):
    """A usage error in the run's language: click words its own in English, so the common kinds are said again
    from the catalogue (the option or command named as typed); any other keeps click's text."""
    from guside_cli.messages import M, language

    where = f"{e.ctx.command_path} --help" if getattr(e, "ctx", None) is not None else "guside --help"
    if language() == "en":
        return f"{e.format_message()} ({where})"
    if isinstance(e, click_errors.NoSuchOption):
        return M("usage.no_such_option", name=e.option_name, where=where)
    if isinstance(e, click_errors.BadOptionUsage):
        return M("usage.needs_value", name=e.option_name, where=where)
    if isinstance(e, click_errors.MissingParameter):
        name = e.param.opts[0] if e.param is not None and getattr(e.param, "opts", None) else "?"
        return M("usage.missing", name=name, where=where)
    if isinstance(e, click_errors.BadParameter):
        name = e.param.opts[0] if e.param is not None and getattr(e.param, "opts", None) else "?"
        import re

        bound = re.search(r"(greater|less) than or equal to (-?\d+)", e.message)
        if bound:
            why = str(M("usage.at_least" if bound[1] == "greater" else "usage.at_most", n=bound[2]))
        elif "integer" in e.message or "number" in e.message:
            why = str(M("usage.not_a_number"))
        else:
            why = e.message
        return M("usage.bad_value", name=name, why=why, where=where)
    if isinstance(e, click_errors.UsageError) and e.message.startswith("No such command"):
        return M("usage.no_such_command", text=e.message.split("'")[1] if "'" in e.message else "", where=where)
    return M("usage.other", text=e.format_message(), where=where)


def _exit_code(exit: typer.Exit) -> int:
    return exit.exit_code


def language_of(ctx) -> str:
    """The run's language before the root callback has run (help is written while options are parsed):
    --lang if parsed, else GUSIDE_LANG, else Chinese."""
    import os

    chosen = ctx.find_root().params.get("lang") if ctx is not None else None
    chosen = getattr(chosen, "value", chosen) or os.environ.get("GUSIDE_LANG") or "zh"
    return chosen if chosen in ("zh", "en") else "zh"


def translate(command, lang: str, name: str | None = None) -> None:
    """Help texts written as catalogue ids (`help="help.opt.year"`, a command's `help.cmd.<name>`) in `lang`.
    Other help (not yet in the catalogue) is left as written."""
    from guside_cli.messages import catalogue, text

    messages = catalogue()
    key = f"help.cmd.{name or command.name}"
    if key in messages:
        command.help = text(key, lang)
        command.short_help = None
    for param in command.params:
        if param.name in ("install_completion", "show_completion"):  # Typer's own options
            param.help = text(f"help.word.{param.name}", lang)
            continue
        original = getattr(param, "_help_id", None) or getattr(param, "help", None)
        if original in messages:
            param._help_id = original
            param.help = text(original, lang)
    _frame_words(command, lang)
    for sub_name, sub in getattr(command, "commands", {}).items():
        translate(sub, lang, f"{name or command.name} {sub_name}" if name != "root" else sub_name)


def _frame_words(command, lang: str) -> None:
    """The words click writes around a command's help: the usage line's "Usage:" and --help's own help."""
    from guside_cli.messages import text

    def format_usage(ctx, formatter) -> None:
        pieces = command.collect_usage_pieces(ctx)
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=text("help.word.usage", lang))

    def get_help_option(ctx, _original=type(command).get_help_option):
        option = _original(command, ctx)
        if option is not None:
            option.help = text("help.word.help_option", lang)
        return option

    def format_help(ctx, formatter, _original=command.format_help) -> None:
        _help_words(lang)  # Typer's help module is loaded only when help is shown (90 ms a command otherwise)
        _original(ctx, formatter)

    command.format_usage = format_usage
    command.get_help_option = get_help_option
    command.format_help = format_help


def _panel_label(panel: str, lang: str) -> str:
    """A help panel's title in one language: 登记与办理 under Chinese, Cases under English."""
    zh, _, en = panel.partition(" ")
    return zh if lang == "zh" else (en or zh)


def commands_of(module: str, lang: str = "zh") -> TyperGroup:
    """One module's commands as a click group, built once per language."""
    if (module, lang) not in _LOADED:
        import importlib

        sub = typer.Typer()
        importlib.import_module(f"guside_cli.commands.{module}").register(sub)
        for registered in (*sub.registered_commands, *sub.registered_groups):
            registered.rich_help_panel = _panel_label(_PANEL_OF.get(registered.name or "", "其他 Other"), lang)
        group = typer.main.get_group(sub)
        for command_name, command in group.commands.items():
            translate(command, lang, command_name)
        _LOADED[(module, lang)] = group
    return _LOADED[(module, lang)]


_LOADED: dict[tuple[str, str], TyperGroup] = {}


app = typer.Typer(
    cls=LazyCommands,
    name="guside",
    help="help.cmd.root",
    no_args_is_help=True,
    add_completion=True,  # --install-completion / --show-completion for bash, zsh, fish
    # a traceback with locals would print petitioners' names and numbers
    pretty_exceptions_show_locals=False,
)


class Lang(StrEnum):
    zh = "zh"
    en = "en"


def _not_utf8(args: list[str]):
    """Bytes that are not UTF-8, in an argument or in guside's environment (a GBK terminal's 异味, `$'\\xff'`),
    arrive as lone surrogates: refused in one line, before anything reads them, rather than stored mangled."""
    import os

    from guside_cli.messages import M

    def broken(text: str) -> bool:
        return any("\ud800" <= ch <= "\udfff" for ch in text)

    for n, arg in enumerate(args, 1):
        if isinstance(arg, str) and broken(arg):
            return M("guard.argument_not_utf8", n=n, value=_readable(arg))
    for name, value in os.environ.items():
        if name.startswith("GUSIDE_") and broken(value):
            return M("guard.env_not_utf8", name=name, value=_readable(value))
    return None


def _readable(text: str) -> str:
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")[:80]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"guside {__version__}")
        raise typer.Exit()


@app.callback()
@guarded
def root(
    ctx: typer.Context,
    db: Annotated[Path | None, typer.Option("--db", envvar="GUSIDE_DB", help="help.opt.db")] = None,
    lang: Annotated[Lang, typer.Option("--lang", envvar="GUSIDE_LANG", is_eager=True, help="help.opt.lang")] = Lang.zh,
    today: Annotated[str | None, typer.Option("--today", envvar="GUSIDE_TODAY", help="help.opt.today")] = None,
    correction: Annotated[str | None, typer.Option("--correction", help="help.opt.correction")] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="help.opt.version")
    ] = False,
) -> None:
    """环境信访台账 — the environmental-petition ledger of a town office, in one SQLite file (help.cmd.root).

    Dates and times are China's (Asia/Shanghai), whatever the machine's time zone.
    """
    from datetime import datetime

    from guside_cli.core.dates import CHINA, parse_date
    from guside_cli.messages import set_language

    set_language(lang.value)

    clock = datetime.now(CHINA).replace(microsecond=0)
    now = clock
    if today:
        day = parse_date(today, now.date())
        now = datetime.combine(day, now.time(), CHINA)  # the clock keeps running; only the date is pinned
    ctx.obj = Run(
        db=(db or default_db_path()).expanduser(),
        lang=lang.value,
        today=now.date(),
        now=now,
        user=current_user(),
        clock=clock,  # --today sets the business date only: history is stamped by the real clock
        correction=bounded_text(correction, "--correction") if correction is not None else None,
    )


def _printable_streams() -> None:
    """A terminal or pipe that cannot take Chinese (PYTHONIOENCODING=ascii, LANG=C on an old Python) gets
    what it can show, \\u escapes for the rest, instead of an error."""
    import sys

    for stream in (sys.stdout, sys.stderr):
        try:
            "中".encode(stream.encoding or "ascii")
        except (LookupError, UnicodeEncodeError):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors="backslashreplace")


def main() -> None:
    import signal

    from guside_cli.commands._common import Terminated, on_sigterm

    signal.signal(signal.SIGTERM, on_sigterm)  # roll back and exit 143, like Ctrl-C (130)
    _printable_streams()
    try:
        app()
    except (Terminated, KeyboardInterrupt) as e:  # before a command began (while Python loads it): nothing written
        from guside_cli.commands._common import fail
        from guside_cli.messages import M

        message, code = (
            (M("error.terminated.nothing"), 143) if isinstance(e, Terminated) else (M("error.interrupted.nothing"), 130)
        )
        raise SystemExit(fail(message, code).exit_code) from None
