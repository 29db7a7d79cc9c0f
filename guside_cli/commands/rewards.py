"""Rewards for reports that proved true (环境信访有奖举报): `reward`, `rewards`."""

from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import guarded, open_ledger, run_of, say
from guside_cli.render.output import Format


def register(app: typer.Typer) -> None:
    app.command("reward")(guarded(reward))
    app.command("rewards")(guarded(rewards))


def reward(
    ctx: typer.Context,
    case: opt.Case,
    amount: Annotated[str, typer.Option("--amount", help="help.reward.amount")],
    on: Annotated[str | None, typer.Option("--on", help="help.reward.on")] = None,
    note: Annotated[str | None, typer.Option("--note", help="help.reward.note")] = None,
    by: opt.By = None,
) -> None:
    """Record a reward for a report that proved true (the case closed with --verified).

    Example: guside reward 2018-0042 --amount 500 --on 2018-07-10
    """
    from guside_cli.core.dates import parse_date
    from guside_cli.core.plan import parse_amount
    from guside_cli.core.text import clean

    run = run_of(ctx)
    money = parse_amount(amount)
    day = parse_date(on, run.today) if on else run.today
    from guside_cli.services import registers

    say(registers.add_reward(run, case, money, day, clean(note), by=by))


def rewards(ctx: typer.Context, year: opt.Year = None, fmt: opt.OutputFormat = Format.auto) -> None:
    """List the rewards paid in a year, with the total (internal: the public list shows only count and total).

    Example: guside rewards --year 2018
    """
    from guside_cli.core.dates import year_bounds
    from guside_cli.render import output
    from guside_cli.render.plan import reward_rows

    run = run_of(ctx)
    start, end = year_bounds(year or run.today.year)
    with open_ledger(run) as ledger:
        rows = ledger.rewards(start, end)
    fmt = output.resolve(fmt)
    if fmt is Format.json:
        from decimal import Decimal

        total = sum((Decimal(r["amount"]) for r in rows), Decimal(0))
        output.write_json({"year": start.year, "count": len(rows), "total": str(total), "rewards": rows})
    else:
        output.print_table(*reward_rows(rows, run.lang), fmt)
