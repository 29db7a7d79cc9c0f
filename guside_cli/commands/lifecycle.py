"""The case's life: `assign` (包案), `step` (调处), `extend`, `close` (销号), `reopen`, `edit`, `history`."""

from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import guarded, open_ledger, run_of, say, stdin_is_terminal
from guside_cli.commands.prompts import ask_if_missing
from guside_cli.messages import M
from guside_cli.render.output import Format

NOTE_LIMIT = 10_000


def register(app: typer.Typer) -> None:
    for name, fn in (
        ("assign", assign),
        ("step", step),
        ("extend", extend),
        ("close", close),
        ("reopen", reopen),
        ("edit", edit),
        ("history", history),
    ):
        app.command(name)(guarded(fn))


def _note(text: str | None, *, required: str | None = None) -> str | None:
    from guside_cli.core.errors import InputError
    from guside_cli.core.text import clean

    cleaned = clean(text)
    if cleaned is None and required:
        raise InputError(M("lifecycle.required", flag=required))
    if cleaned and len(cleaned) > NOTE_LIMIT:
        raise InputError(M("lifecycle.note_too_long", length=len(cleaned), limit=NOTE_LIMIT))
    return cleaned


def _known(run, case: str) -> None:
    """Before asking for what a command lacks: the case is there (never ask, then say there is no such case).
    Read only: no write is held open while the clerk types."""
    with open_ledger(run) as ledger:
        ledger.resolve(case)


def assign(
    ctx: typer.Context,
    case: opt.Case,
    leader: Annotated[str, typer.Option("--leader", help="help.assign.leader")],
    unit: Annotated[str | None, typer.Option("--unit", help="help.assign.unit")] = None,
    due: Annotated[str | None, typer.Option("--due", help="help.assign.due")] = None,
    by: opt.By = None,
) -> None:
    """Hand a case to a leader (包案 / 限期交办). Re-assigning is allowed and logged.

    Province/Beijing cases and cases handed down from above must go to a town leader (镇领导包案).
    Example: guside assign 2018-0042 --leader 王镇长 --unit 镇综合执法局 --due 2018-06-25
    """
    from guside_cli.core.dates import parse_date
    from guside_cli.services import casework

    run = run_of(ctx)
    due_on = parse_date(due, run.today) if due else None
    say(casework.assign(run, case, leader, unit=_note(unit), due=due_on, by=by))


def step(
    ctx: typer.Context,
    case: opt.Case,
    kind: Annotated[str | None, typer.Option("--kind", "-k", help="help.step.kind")] = None,
    note: Annotated[str | None, typer.Option("--note", help="help.step.note")] = None,
    at: Annotated[str | None, typer.Option("--at", help="help.step.at")] = None,
    by: opt.By = None,
) -> None:
    """Record a mediation step (调处). `notify` (受理告知) records acceptance and restarts the 60-day clock.

    Example: guside step 2018-0042 --kind 到达现场 --at "2018-06-07 10:30" --by 李四 --note "现场有异味"
    """
    from guside_cli.core.dates import parse_datetime
    from guside_cli.core.enums import StepKind
    from guside_cli.core.errors import InputError
    from guside_cli.core.text import clean

    run = run_of(ctx)
    missing = [flag for flag, value in (("--kind", kind), ("--note", note)) if value in (None, "")]
    if missing and not stdin_is_terminal():  # both named at once, not one per try
        raise InputError(M("add.missing", flags=", ".join(missing)))
    if missing:
        _known(run, case)
    kind = ask_if_missing(kind, "kind", StepKind, run.lang)
    note = ask_if_missing(note, "note", None, run.lang)
    from guside_cli.services import casework

    when = parse_datetime(at or "now", run.now)
    the_kind = StepKind.parse(kind)
    say(casework.step(run, case, kind=the_kind, at=when, by=clean(by), note=_note(note, required="--note")))


def extend(
    ctx: typer.Context,
    case: opt.Case,
    days: Annotated[int, typer.Option("--days", help="help.extend.days")],
    reason: Annotated[str, typer.Option("--reason", help="help.extend.reason")],
    approved_by: Annotated[str | None, typer.Option("--approved-by", help="help.extend.approved_by")] = None,
    on: Annotated[str | None, typer.Option("--on", help="help.extend.on")] = None,
    told: Annotated[str | None, typer.Option("--told", help="help.extend.told")] = None,
    by: opt.By = None,
) -> None:
    """Extend a case's handling deadline (延期), each time with a reason and the approving leader, 30 days in all
    (信访工作条例 第三十三条); the petitioner is told why (--told DATE, the approval day by default). Only while
    the handling clock runs: never after the due date.

    Example: guside extend 2018-0042 --days 30 --reason "需第三方监测" --approved-by 王镇长
    """
    from guside_cli.core.dates import parse_date
    from guside_cli.services import casework

    run = run_of(ctx)
    why = _note(reason, required="--reason")
    day = parse_date(on, run.today) if on else run.today
    told_on = parse_date(told, run.today) if told else None
    said = casework.extend(run, case, days=days, reason=why, approver=_note(approved_by), on=day, told=told_on, by=by)
    say(said)


def close(
    ctx: typer.Context,
    case: opt.Case,
    outcome: Annotated[str | None, typer.Option("--outcome", "-o", help="help.close.outcome")] = None,
    on: Annotated[str | None, typer.Option("--on", help="help.close.on")] = None,
    note: Annotated[str | None, typer.Option("--note", help="help.close.note")] = None,
    verified: Annotated[bool, typer.Option("--verified", help="help.close.verified")] = False,
    satisfaction: Annotated[str | None, typer.Option("--satisfaction", help="help.close.satisfaction")] = None,
    reward: Annotated[str | None, typer.Option("--reward", help="help.close.reward")] = None,
    by: opt.By = None,
) -> None:
    """Strike a case off (销号): after 办结 when settled (问题解决/停诉息访), when the 复查 window passed with no
    request, or after a 复查/复核 decision. On a case not yet concluded, 问题解决 or 停诉息访 records 办结 and 销号
    together. Province/Beijing and handed-down cases need their 包案 leader and a step, whatever the outcome.

    Example: guside close 2018-0042 --outcome 停诉息访 --on 2018-07-01 --satisfaction 满意
    """
    from guside_cli.core.dates import parse_date
    from guside_cli.core.enums import Outcome, Satisfaction
    from guside_cli.services import casework

    run = run_of(ctx)
    if outcome in (None, "") and stdin_is_terminal():
        _known(run, case)
    outcome = ask_if_missing(outcome, "outcome", Outcome, run.lang)
    result = Outcome.parse(outcome)
    day = parse_date(on, run.today) if on else run.today
    rating = Satisfaction.parse(satisfaction) if satisfaction else None
    note = _note(note)
    say(
        casework.close(
            run, case, outcome=result, on=day, note=note, verified=verified, satisfaction=rating, reward=reward, by=by
        )
    )


def reopen(
    ctx: typer.Context,
    case: opt.Case,
    reason: Annotated[str, typer.Option("--reason", help="help.reopen.reason")],
    by: opt.By = None,
) -> None:
    """Correct a case closed by mistake: it returns to the stage it had, its clocks as they were (never a fresh
    60 days). A petitioner who comes back on a settled matter is a new petition: `add --repeat-of`.

    Example: guside reopen 2018-0042 --reason "误销号：复查申请期限未满"
    """
    from guside_cli.services import casework

    run = run_of(ctx)
    say(casework.reopen(run, case, reason=_note(reason, required="--reason"), by=by))


def edit(
    ctx: typer.Context,
    case: opt.Case,
    field: Annotated[
        list[str] | None,
        typer.Option("--set", help="help.edit.set"),
    ] = None,
    key: Annotated[bool | None, typer.Option("--key/--not-key", help="help.edit.key")] = None,
    by: opt.By = None,
) -> None:
    """Correct a case's registered elements; each change is kept in the history with old and new values.

    A level corrected across the 镇级编号 / 属地编号 line gives the case a number from the other sequence; the old
    number still finds it. A change that would break the 包案 rule for the case's leader is refused.
    Example: guside edit 2018-红豆-007 --set persons=12 --set "cause=企业夜间偷排"
    """
    from guside_cli.services import casework

    run = run_of(ctx)
    assignments = [*(field or []), *([f"is_key={key}"] if key is not None else [])]
    say(casework.edit(run, case, assignments=assignments, by=by))


def history(
    ctx: typer.Context, case: opt.Case, fmt: opt.OutputFormat = Format.auto, reveal: opt.Reveal = False
) -> None:
    """Show a case's history: every change, when, by whom, old and new values. Nothing deletes history.

    Phone and ID numbers in it are masked unless --reveal (which is itself recorded)."""
    from dataclasses import asdict

    from guside_cli.core.identity import mask_history
    from guside_cli.render import output
    from guside_cli.render.cases import history_section

    run = run_of(ctx)
    with open_ledger(run) as ledger:
        petition_id = ledger.resolve(case)
        if reveal:
            from guside_cli.commands.cases import record_reveal

            record_reveal(ledger, run, petition_id, "history")
        entries = [mask_history(asdict(e), reveal=reveal) for e in ledger.history(petition_id)]
    fmt = output.resolve(fmt)
    if fmt is Format.json:
        output.write_json(entries)
    else:
        title, headers, rows = history_section(entries, run.lang)
        output.print_table(headers, rows, fmt, title=title)
