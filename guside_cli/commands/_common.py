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

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def one_line(message: str) -> str:
    """Messages quote user input: never let it break the line or drive the terminal."""
    return _UNPRINTABLE.sub(" ", message).strip()


def fail(message: "str | M", code: int = 2) -> typer.Exit:
    """One line on stderr. A catalogue message is prefixed in the run's language; a plain English string (not
    yet moved into the catalogue) keeps the English prefix, so a line never mixes the two."""
    from guside_cli.messages import text

    prefix = text("error.prefix") if isinstance(message, M) else "Error: "
    typer.echo(f"{prefix}{one_line(str(message))}", err=True)
    return typer.Exit(code=code)


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
    traceback. Every command is wrapped, so CliRunner tests exercise it too."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except GusideError as e:
            raise fail(e.message, e.exit_code) from None
        except _sqlite_operational() as e:
            if "locked" in str(e) or "busy" in str(e):
                raise fail(M("error.busy"), LedgerError.exit_code) from None
            if "full" in str(e):
                raise fail(M("error.ledger_disk_full"), LedgerError.exit_code) from None
            raise
        except OSError as e:
            if e.errno == errno.ENOSPC:
                raise fail(M("error.file_disk_full", file=e.filename or "?"), LedgerError.exit_code) from None
            raise
        except KeyboardInterrupt:
            raise fail(M("error.interrupted"), 130) from None
        except Terminated:
            raise fail(M("error.terminated"), 143) from None

    return wrapper


@dataclass(frozen=True)
class Run:
    """What the global options decided for this run."""

    db: Path
    lang: str
    today: date
    now: datetime  # China time; its date is `today`
    user: str


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


def writing(ledger, run: Run, by: str | None = None):
    """The write transaction of one command, its history rows signed by --by, else GUSIDE_USER, else the login."""
    from guside_cli.core.dates import iso_timestamp

    return ledger.write(actor=by or run.user, at=iso_timestamp(run.now))


def open_ledger(run: Run, *, create: bool = False):
    from guside_cli.storage.ledger import Ledger

    return Ledger.open(run.db, create=create)


def say(run: Run, zh: str, en: str) -> None:
    typer.echo(zh if run.lang == "zh" else en)


def stdin_is_terminal() -> bool:
    return sys.stdin.isatty()
