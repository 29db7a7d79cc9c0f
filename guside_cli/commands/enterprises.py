"""Enterprises and the credit-rating rule (企业环境信用评价降级制度, "三有三无"):
`enterprise add|list|show|rate|check`."""

from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import guarded, open_ledger, run_of, say, writing
from guside_cli.render.output import Format

enterprise_app = typer.Typer(help="Enterprises and their environmental credit rating (五色评价)", no_args_is_help=True)
Name = Annotated[str, typer.Argument(help="The enterprise's name, as cases name it")]
RatingOption = Annotated[str | None, typer.Option("--rating", help="green|blue|yellow|red|black, or 绿/蓝/黄/红/黑")]
Compliant = Annotated[bool | None, typer.Option("--compliant/--not-compliant", help="The “三有三无” standard met")]


def register(app: typer.Typer) -> None:
    app.add_typer(enterprise_app, name="enterprise")


@enterprise_app.command("add")
@guarded
def add(
    ctx: typer.Context,
    name: Name,
    village: opt.Village = None,
    rating: RatingOption = None,
    compliant: Compliant = None,
    by: opt.By = None,
) -> None:
    """Add an enterprise; a green or blue rating is refused where the plan forbids it.

    Example: guside enterprise add 某化工有限公司 --village 红豆村 --rating blue --compliant
    """
    from guside_cli.core.enums import Rating
    from guside_cli.core.errors import InputError
    from guside_cli.core.plan import Enterprise, check_rating
    from guside_cli.core.text import clean
    from guside_cli.core.villages import resolve_village

    run = run_of(ctx)
    cleaned = clean(name)
    if not cleaned or len(cleaned) > 200:
        raise InputError(f"enterprise name '{name}' must be 1 to 200 characters")
    with open_ledger(run, create=True) as ledger, writing(ledger, run, by):
        home = resolve_village(village, ledger.villages()).name if village else None
        chosen = Rating.parse(rating) if rating else None
        if chosen:
            check_rating(cleaned, chosen, ledger.blockers(cleaned, compliant))
        ledger.add_enterprise(Enterprise(cleaned, home, chosen, compliant))
    say(run, f"已添加企业 {cleaned}", f"Added enterprise {cleaned}")


@enterprise_app.command("rate")
@guarded
def rate(
    ctx: typer.Context,
    name: Name,
    rating: RatingOption = None,
    compliant: Compliant = None,
    reason: Annotated[str | None, typer.Option("--reason", help="Why (kept in the history)")] = None,
    by: opt.By = None,
) -> None:
    """Change an enterprise's rating or its 三有三无 status. A rating the plan forbids is refused, naming the cases.

    Example: guside enterprise rate 某化工有限公司 --rating green --reason "年度评价"
    """
    from guside_cli.core.enums import Rating
    from guside_cli.core.errors import InputError
    from guside_cli.core.plan import check_rating

    run = run_of(ctx)
    if rating is None and compliant is None:
        raise InputError("give --rating and/or --compliant/--not-compliant")
    with open_ledger(run) as ledger, writing(ledger, run, by):
        current = ledger.enterprise(name)
        chosen = Rating.parse(rating) if rating else current.rating
        status = current.compliant if compliant is None else compliant
        if chosen:
            check_rating(current.name, chosen, ledger.blockers(current.name, status))
        ledger.rate_enterprise(current, Rating.parse(rating) if rating else None, compliant, reason)
    say(
        run,
        f"{current.name}：{chosen.zh if chosen else '未评价'}",
        f"{current.name}: {chosen.en if chosen else 'unrated'}",
    )


@enterprise_app.command("list")
@guarded
def list_enterprises(ctx: typer.Context, fmt: opt.OutputFormat = Format.auto) -> None:
    """List enterprises with their rating, 三有三无 status and open and closed cases."""
    from guside_cli.render import output
    from guside_cli.render.plan import enterprise_rows

    run = run_of(ctx)
    with open_ledger(run) as ledger:
        table = ledger.enterprise_table()
    fmt = output.resolve(fmt)
    if fmt is Format.json:
        output.write_json([{**r, "compliant": None if r["compliant"] is None else bool(r["compliant"])} for r in table])
    else:
        output.print_table(*enterprise_rows(table, run.lang), fmt)


@enterprise_app.command("show")
@guarded
def show(ctx: typer.Context, name: Name, fmt: opt.OutputFormat = Format.auto) -> None:
    """One enterprise: rating, status, what blocks a green or blue rating, and its cases, open and closed."""
    from dataclasses import asdict

    from guside_cli.render import output
    from guside_cli.services.cases import print_cases

    run = run_of(ctx)
    with open_ledger(run) as ledger:
        e = ledger.enterprise(name)
        blockers = ledger.blockers(e.name, e.compliant)
    fmt = output.resolve(fmt)
    if fmt is Format.json:
        output.write_json(
            {**asdict(e), "rating": e.rating.code if e.rating else None, "blocking_cases": list(blockers.cases)}
        )
        return
    say(
        run,
        f"{e.name}（{e.village or '属地未填'}）评价：{e.rating.zh if e.rating else '未评价'}；三有三无："
        f"{'达标' if e.compliant else '未达标' if e.compliant is False else '未评定'}",
        f"{e.name} ({e.village or 'village not recorded'}) rating: {e.rating.en if e.rating else 'unrated'}; "
        f"三有三无: {'met' if e.compliant else 'not met' if e.compliant is False else 'not assessed'}",
    )
    for reason in blockers.reasons():
        say(run, f"  不能评为绿色/蓝色：{reason}", f"  cannot be green/blue: {reason}")
    print_cases(run, {"enterprise": e.name}, fmt=fmt)


@enterprise_app.command("check")
@guarded
def check(ctx: typer.Context, fmt: opt.OutputFormat = Format.auto) -> None:
    """List enterprises whose green or blue rating the rule now forbids, with the rating to fall to.

    For instance a new inspection case arrived after the rating. Exits 1 when any is listed, so cron can alert.

    Example: guside enterprise check || mail -s "降级提醒" office@example
    """
    from guside_cli.render import output
    from guside_cli.render.plan import downgrade_rows

    run = run_of(ctx)
    with open_ledger(run) as ledger:
        stale = ledger.stale_ratings()
    fmt = output.resolve(fmt)
    if fmt is Format.json:
        output.write_json(stale)
    elif stale:
        output.print_table(*downgrade_rows(stale, run.lang), fmt)
    else:
        say(run, "无需降级的企业", "no enterprise needs a downgrade")
    if stale:
        raise typer.Exit(code=1)
