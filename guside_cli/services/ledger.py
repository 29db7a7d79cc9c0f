"""The ledger seam of one command: opening the run's ledger (sound-checked when its output leaves the office),
its write transaction signed and stamped by the real clock, the one text boundary for an option, and the anchor
a report carries. Commands reach these through commands/_common; services use them directly."""

import contextlib


def writing(ledger, run, by: str | None = None):
    """The write transaction of one command, its history rows signed by --by, else GUSIDE_USER, else the login
    (each cleaned by the one text boundary, and bounded). History timestamps are the real clock's, whatever
    --today says."""
    from guside_cli.core.dates import iso_timestamp

    actor = signature(by, "--by") if by is not None else signature(run.user, "GUSIDE_USER")
    return _business_day(ledger.write(actor=actor, at=iso_timestamp(run.clock)), run)


@contextlib.contextmanager
def _business_day(transaction, run):
    """Where --today differs from the real date, the history records both: a `business_date` row (no case)
    closes the command's rows, its `new` the business date; the rows themselves carry the real time. A command
    that wrote no history writes none (a merge that brought nothing stays a merge that changed nothing)."""
    with transaction as ledger:
        yield ledger
        judge_changed_cases(ledger)
        from guside_cli.services.periods import judge_closed_periods

        judge_closed_periods(ledger, getattr(run, "correction", None))
        if run.clock is not None and run.today != run.clock.date() and ledger.wrote_history:
            ledger.log(None, "business_date", new=run.today.isoformat())


def judge_changed_cases(ledger) -> None:
    """The plan's and the statute's rules on every case this write changed in what they read (its leader, level,
    source, key mark, given due date; a leader's rank), whichever command, import, merge or resolve wrote it: a
    write that breaks one is refused whole (core.lifecycle.check_standing)."""
    from guside_cli.core.lifecycle import check_standing
    from guside_cli.storage.seal import ruled_cases
    from guside_cli.storage.settings import deadline_rules

    cases = ruled_cases(ledger.conn)
    if not cases:
        return
    rules = deadline_rules(ledger)
    for case_id in cases:
        check_standing(ledger.by_id(case_id), rules)


def signature(text: str, field: str) -> str:
    signed = bounded_text(text, field, required=True, limit=NAME_LIMIT)
    assert signed is not None  # required: an empty signature was refused
    return signed


def bounded_text(text: str | None, field: str, *, required: bool = False, limit: int | None = None) -> str | None:
    """The one text boundary for a command's option: cleaned (core.text.clean), refused when empty once cleaned
    (if required) or longer than the limit."""
    from guside_cli.core.errors import InputError
    from guside_cli.core.text import TEXT_LIMIT, clean
    from guside_cli.messages import M

    limit = limit or TEXT_LIMIT
    cleaned = clean(text)
    if cleaned is None:
        if required or (text is not None and text != ""):
            raise InputError(M("trust.text.empty", field=field))
        return None
    if len(cleaned) > limit:
        raise InputError(M("trust.text.too_long", field=field, length=len(cleaned), limit=limit))
    return cleaned


NAME_LIMIT = 200


def open_ledger(run, *, create: bool = False, sound: bool = False):
    """The run's ledger. `sound=True` (reports, exports, backups: what leaves the office) first checks every
    page (PRAGMA quick_check): a damaged ledger is refused instead of yielding a silently partial report."""
    from guside_cli.storage.ledger import Ledger

    ledger = Ledger.open(run.db, create=create)
    _tell_upgrade_notes()
    if sound:
        try:
            ledger.sound()
        except BaseException:
            ledger.close()
            raise
    return ledger


def _tell_upgrade_notes() -> None:
    """What an upgrade kept as it was, said once, by the command that upgraded the ledger (on the error stream:
    the command's own output stays as it is). An existing ledger keeps its deadline calendar (m016)."""
    from guside_cli.storage.migrations_rules import KEPT_CALENDAR

    while KEPT_CALENDAR:
        import sys

        from guside_cli.messages import text

        sys.stderr.write(text("rules.calendar_kept", calendar=KEPT_CALENDAR.pop()) + "\n")


def with_anchor(text: str, head: dict, fmt: str) -> str:
    """A report that leaves the office carries the ledger's anchor (账本校验 ROWS:HASH): `check --anchor` later
    tells whether the ledger still holds the history the report was made from. Text, markdown and HTML only
    (CSV and JSON keep their shape)."""
    from guside_cli.messages import text as label

    line = f"{label('trust.anchor.label')} {head['anchor']}"
    if fmt == "html":
        return text.replace("</body>", f"<p><small>{line}</small></p></body>", 1)
    if fmt in ("text", "markdown", "auto", "table"):
        return text.rstrip("\n") + "\n\n" + line + "\n"
    return text
