"""The statute's case path: `accept` (受理), `reject` (不予受理), `conclude` (办结), `review` (复查),
`re-review` (复核).
The rules are core.casepath's; storage saves what they decide."""

from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import guarded, run_of, say

On = Annotated[str | None, typer.Option("--on", help="help.casepath.on")]
ReviewOutcomeOption = Annotated[str | None, typer.Option("--outcome", "-o", help="help.review.outcome")]


def register(app: typer.Typer) -> None:
    for name, fn in (
        ("accept", accept),
        ("reject", reject),
        ("conclude", conclude),
        ("review", review),
        ("re-review", re_review),
    ):
        app.command(name)(guarded(fn))


def tell(message) -> None:
    """A line of the command's result, in the run's language."""
    typer.echo(str(message))


def _day(run, on: str | None):
    from guside_cli.core.dates import parse_date

    return parse_date(on, run.today) if on else run.today


def accept(ctx: typer.Context, case: opt.Case, on: On = None, by: opt.By = None) -> None:
    """Accept a case (受理): the 60-day handling clock starts from this date.

    Example: guside accept 2018-0042 --on 2018-06-10
    """
    from guside_cli.services import casework

    run = run_of(ctx)
    say(casework.accept(run, case, on=_day(run, on), by=by))


def reject(
    ctx: typer.Context,
    case: opt.Case,
    reason: Annotated[str, typer.Option("--reason", help="help.reject.reason")],
    on: On = None,
    by: opt.By = None,
) -> None:
    """Do not accept a case (不予受理), with the reason: it stays registered and counted, and is not assigned.

    Example: guside reject 2018-0042 --reason "属于诉讼程序解决的事项" --on 2018-06-10
    """
    from guside_cli.commands.lifecycle import _note
    from guside_cli.services import casework

    run = run_of(ctx)
    say(casework.reject(run, case, reason=_note(reason), on=_day(run, on), by=by))


def conclude(
    ctx: typer.Context,
    case: opt.Case,
    outcome: Annotated[
        str,
        typer.Option("--outcome", "-o", help="help.conclude.outcome"),
    ],
    on: On = None,
    note: Annotated[str | None, typer.Option("--note", help="help.conclude.note")] = None,
    served: Annotated[str | None, typer.Option("--served", help="help.conclude.served")] = None,
    by: opt.By = None,
) -> None:
    """Record 办结: the written opinion (处理意见书) is issued and the handling clock stops; the 30-day window for
    a review (复查) request runs from the day the petitioner received it (--served, the 办结 date by default).
    Province/Beijing and handed-down cases need their 包案 leader and a step.

    Example: guside conclude 2018-0042 --outcome 问题解决 --on 2018-07-20 --note "企业已整改，书面答复信访人"
    """
    from guside_cli.commands.lifecycle import _note
    from guside_cli.services import casework

    run = run_of(ctx)
    from guside_cli.core.dates import parse_date

    delivered = parse_date(served, run.today) if served else None
    say(casework.conclude(run, case, outcome=outcome, on=_day(run, on), note=_note(note), served=delivered, by=by))


def review(
    ctx: typer.Context,
    case: opt.Case,
    requested: Annotated[str | None, typer.Option("--requested", help="help.review.requested")] = None,
    decided: Annotated[str | None, typer.Option("--decided", help="help.review.decided")] = None,
    outcome: ReviewOutcomeOption = None,
    by: opt.By = None,
) -> None:
    """Record a review (复查): its request (within 30 days of 办结) or its decision (due 30 days after the request).

    Example: guside review 2018-0042 --requested 2018-08-01; guside review 2018-0042 --decided 2018-08-25 -o 维持
    """
    _review(ctx, case, requested, decided, outcome, by, again=False)


def re_review(
    ctx: typer.Context,
    case: opt.Case,
    requested: Annotated[str | None, typer.Option("--requested", help="help.re_review.requested")] = None,
    decided: Annotated[str | None, typer.Option("--decided", help="help.re_review.decided")] = None,
    outcome: ReviewOutcomeOption = None,
    by: opt.By = None,
) -> None:
    """Record a re-review (复核), only after a 复查 decision: requested within 30 days of it, decided within 30
    days of the request. After its decision the matter is final: a new petition on it is 不再受理.

    Example: guside re-review 2018-0042 --requested 2018-09-10; guside re-review 2018-0042 --decided 2018-10-08 -o 维持
    """
    _review(ctx, case, requested, decided, outcome, by, again=True)


def _review(ctx, case, requested, decided, outcome, by, *, again: bool) -> None:
    from guside_cli.core.dates import parse_date
    from guside_cli.core.enums import ReviewOutcome
    from guside_cli.core.errors import InputError
    from guside_cli.messages import M
    from guside_cli.services import casework

    run = run_of(ctx)
    if (requested is None) == (decided is None) or (decided is not None and outcome is None):
        raise InputError(M("stage.give_one"))
    if requested is not None:
        say(casework.request_review(run, case, on=parse_date(requested, run.today), again=again, by=by))
    else:
        day, result = parse_date(decided, run.today), ReviewOutcome.parse(outcome)
        say(casework.decide_review(run, case, on=day, outcome=result, again=again, by=by))
