"""What every command shares: the error boundary, the run context (ledger path, language, today)."""

import functools
import os
import re
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import typer

from guside_cli.core.errors import GusideError

_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def one_line(message: str) -> str:
    """Messages quote user input: never let it break the line or drive the terminal."""
    return _UNPRINTABLE.sub(" ", message).strip()


def fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"Error: {one_line(message)}", err=True)
    return typer.Exit(code=code)


def guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    """The one error boundary: a GusideError becomes `Error: ...` on stderr and its exit code, never a
    traceback. Every command is wrapped, so CliRunner tests exercise it too."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except GusideError as e:
            raise fail(str(e), e.exit_code) from None
        except sqlite3.OperationalError as e:
            if "locked" in str(e) or "busy" in str(e):
                raise fail("ledger busy: another desk is writing; try again in a moment") from None
            raise
        except KeyboardInterrupt:
            raise fail("interrupted: the command's changes were rolled back", 130) from None

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
    for name in ("GUSIDE_USER", "USER", "LOGNAME", "USERNAME"):
        if os.environ.get(name):
            return os.environ[name]
    return "unknown"


def run_of(ctx: typer.Context) -> Run:
    return ctx.find_root().obj


def stdin_is_terminal() -> bool:
    return sys.stdin.isatty()
