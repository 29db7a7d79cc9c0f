"""The tool's own errors. Each message is one line: what is wrong, where, and how to fix it."""


class GusideError(Exception):
    """Base of every error the user should see as one line (never as a traceback). `field` names the input
    field it is about, when there is one (import reports it as the file's column)."""

    exit_code = 1

    def __init__(self, message: str, *, field: str | None = None):
        super().__init__(message)
        self.field = field


class InputError(GusideError):
    """A value the user gave cannot be used (bad date, unknown village, bad enum...)."""

    exit_code = 2


class NotFound(GusideError):
    """A case, village or other record named by the user does not exist."""


class RuleViolation(GusideError):
    """The action plan or the law forbids what was asked."""


class LedgerError(GusideError):
    """The ledger file itself cannot be used (not a guside ledger, too new, busy...)."""
