"""What every command shares: the error boundary, the run context (ledger path, language, today)."""

import errno
import functools
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import typer

from guside_cli.core.errors import GusideError, LedgerError
from guside_cli.messages import M

# the ledger seam every command shares, kept with the services (which must not import commands)
from guside_cli.services.ledger import (  # noqa: F401
    NAME_LIMIT,
    bounded_text,
    open_ledger,
    signature,
    with_anchor,
    writing,
)

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]+")
_INVISIBLE = re.compile("[\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")


def one_line(message: str) -> str:
    """Messages quote user input (paths, values): never let it break the line, drive the terminal, or reorder
    the line on screen (bidi overrides and zero-width characters are shown escaped, as \\u202e)."""
    message = _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", message)
    return _UNPRINTABLE.sub(" ", message).strip()


def fail(message: "str | M", code: int = 2) -> typer.Exit:
    """One line on stderr. A catalogue message is prefixed in the run's language; a plain English string (not
    yet moved into the catalogue) keeps the English prefix, so a line never mixes the two."""
    from guside_cli.messages import text

    prefix = text("error.prefix") if isinstance(message, M) else "Error: "
    typer.echo(f"{prefix}{one_line(str(message))}", err=True)
    return typer.Exit(code=code)


def stopped(message_id: str) -> "M":
    """The words for a command stopped by Ctrl-C or SIGTERM (error.interrupted / error.terminated): its write
    rolled back, its writes saved before the stop, or no write begun (a report, a list, the web view)."""
    from guside_cli.storage.writes import interrupted_words

    words = interrupted_words()
    return M(message_id if words == "rolled_back" else f"{message_id}.{words}")


class Terminated(BaseException):
    """SIGTERM, raised like Ctrl-C so that the open transaction rolls back before the process ends."""


def on_sigterm(signum, frame) -> None:
    raise Terminated


def _sqlite_operational() -> type[BaseException]:
    """sqlite3.OperationalError when sqlite3 is loaded (it is, wherever a ledger was opened); never imported
    just for the error boundary: `guside --help` has no use for it."""
    module = sys.modules.get("sqlite3")
    return module.OperationalError if module else _NeverRaised


class _NeverRaised(Exception):
    pass


def guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The one error boundary: a GusideError becomes `Error: ...` on stderr and its exit code, never a
    traceback; so does anything unexpected (exit 2, with a hint to report it). Every command is wrapped, so
    CliRunner tests exercise it too."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from guside_cli.storage.writes import forget

        forget()  # a command run again in one process (tests, the desk) starts with nothing done
        try:
            return fn(*args, **kwargs)
        except GusideError as e:
            raise fail(e.message, e.exit_code) from None
        except (typer.Exit, typer.Abort, click_exceptions()):
            raise
        except OverflowError:  # `--limit 99999999999999999999`, `--within 3000000`: a number past every range
            raise fail(M("usage.too_big"), 2) from None
        except BrokenPipeError:  # `guside show 1 | head`: the reader has what it wanted; nothing to report
            _quiet_stdout()
            _quiet_finalisers()
            raise typer.Exit(141) from None
        except _sqlite_operational() as e:
            if "locked" in str(e) or "busy" in str(e):
                raise fail(M("error.busy"), LedgerError.exit_code) from None
            if "full" in str(e):
                raise fail(M("error.ledger_disk_full"), LedgerError.exit_code) from None
            if "readonly" in str(e) or "read-only" in str(e):
                raise fail(_message("trust.error.read_only_ledger", path=_ledger_shown(args, kwargs)), 2) from None
            raise fail(unexpected(e), 2) from None
        except _sqlite_database() as e:
            raise fail(_message("trust.error.malformed", path=_ledger_shown(args, kwargs), why=str(e)), 1) from None
        except OSError as e:
            if e.errno == errno.ENOSPC:
                raise fail(M("error.file_disk_full", file=e.filename or "?"), LedgerError.exit_code) from None
            raise fail(unexpected(e), 2) from None
        except KeyboardInterrupt:
            _quiet_finalisers()
            raise fail(stopped("error.interrupted"), 130) from None
        except Terminated:
            _quiet_finalisers()
            raise fail(stopped("error.terminated"), 143) from None
        except (SystemExit, GeneratorExit):
            raise
        except Exception as e:  # the catch-all: never a traceback (it would print names and numbers)
            raise fail(unexpected(e), 2) from None

    return wrapper


def click_exceptions() -> type[BaseException]:
    from typer._click import exceptions

    return exceptions.ClickException


def _message(message_id: str, **params: Any) -> "M":
    from guside_cli.messages import M

    return M(message_id, **params)


def unexpected(e: BaseException) -> "M":
    """Only the exception's class: its text may quote personal data."""
    return _message("trust.error.unexpected", kind=type(e).__name__)


def _ledger_shown(args: tuple, kwargs: dict) -> str:
    from guside_cli.core.text import shown

    # the command's context (Typer's own click: not `typer.Context`, which it subclasses), found by its shape
    contexts = [arg for arg in (*args, *kwargs.values()) if callable(getattr(arg, "find_root", None))]
    for ctx in contexts:
        obj = ctx.find_root().obj
        if isinstance(obj, Run):
            return shown(obj.db)
    if os.environ.get("GUSIDE_DB"):
        return shown(os.environ["GUSIDE_DB"])
    from guside_cli.messages import text

    return text("error.the_ledger")


def _sqlite_database() -> type[BaseException]:
    module = sys.modules.get("sqlite3")
    return module.DatabaseError if module else _NeverRaised


def _quiet_finalisers() -> None:
    """A command cut short leaves generators half-run (an xlsx sheet's writer, a cursor): collected on the way
    out, they may raise into Python's "Exception ignored" report, a traceback after the one line. The command
    ends here anyway; their complaints are not the user's business."""
    sys.unraisablehook = lambda _unraisable: None


def _quiet_stdout() -> None:
    """After a closed pipe, point stdout at /dev/null so that Python's flush at exit raises nothing more."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


@dataclass(frozen=True)
class Run:
    """What the global options decided for this run."""

    db: Path
    lang: str
    today: date
    now: datetime  # China time; its date is `today`
    user: str
    clock: datetime | None = None  # the real clock (China time), for history timestamps; `now` if not given
    correction: str | None = None  # --correction: why this run changes figures already reported (上报)

    def __post_init__(self) -> None:
        if self.clock is None:
            object.__setattr__(self, "clock", self.now)


def default_db_path() -> Path:
    return Path(typer.get_app_dir("guside")) / "ledger.db"


def current_user() -> str:
    if os.environ.get("GUSIDE_USER"):
        return os.environ["GUSIDE_USER"]
    import getpass

    try:
        return getpass.getuser()  # LOGNAME, USER, … then the password database
    except (OSError, KeyError):
        return f"uid {os.getuid()}" if hasattr(os, "getuid") else "unknown"


def run_of(ctx: typer.Context) -> Run:
    return ctx.find_root().obj


def say(said) -> None:
    """What a write service returned (services.outcome.Said): its notes on the error stream, its lines on the
    output, in the run's language."""
    for note in said.notes:
        typer.echo(str(note), err=True)
    for line in ([said.line] if said.line is not None else []) + said.lines:
        typer.echo(str(line))


def stdin_is_terminal() -> bool:
    return sys.stdin.isatty()
