"""The tool's own errors. Each message is one line: what is wrong, where, and how to fix it. New messages are
catalogue messages (`guside_cli.messages.M`), so the user reads them in their language.

Exit codes, like diff and grep, so that cron and scripts can tell "found something" from "broken":
  0  done; nothing to report
  1  found: overdue cases (summary/overdue --fail-on-overdue), a failed `check`, stale ratings
     (`enterprise check`); also a refusal by the plan's rules (RuleViolation) or a record that is not there
     (NotFound) -- the reporting commands cron runs never refuse
  2  could not run: usage, a bad value (InputError), no ledger or an unusable one, busy, disk full, an
     unreadable file (LedgerError)
  130 Ctrl-C, 143 SIGTERM: a write in progress rolled back (the message says whether one was, or had been saved)
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from guside_cli.messages import M

EXIT_FOUND = 1
EXIT_COULD_NOT_RUN = 2


class GusideError(Exception):
    """Base of every error the user should see as one line (never as a traceback). `field` names the input
    field it is about, when there is one (import reports it as the file's column)."""

    exit_code = 1

    def __init__(self, message: "str | M", *, field: str | None = None):
        super().__init__(message)
        self.message = message  # a catalogue message (rendered in the run's language) or, not yet moved, English
        self.field = field

    def __str__(self) -> str:
        return str(self.message)


class InputError(GusideError):
    """A value the user gave cannot be used (bad date, unknown village, bad enum, unreadable file...)."""

    exit_code = EXIT_COULD_NOT_RUN


class NotFound(GusideError):
    """A case, village or other record named by the user does not exist."""


class RuleViolation(GusideError):
    """The action plan or the law forbids what was asked."""


class LedgerError(GusideError):
    """The ledger file itself cannot be used (missing, not a guside ledger, too new, busy...): could not run."""

    exit_code = EXIT_COULD_NOT_RUN
