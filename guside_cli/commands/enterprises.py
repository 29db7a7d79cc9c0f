"""Enterprises and the credit-rating rule (企业环境信用评价降级制度, "三有三无"):
`enterprise add|list|show|rate|check`."""

from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import guarded, open_ledger, run_of, say
from guside_cli.render.output import Format

enterprise_app = typer.Typer(help="help.cmd.enterprise", no_args_is_help=True)
Name = Annotated[str, typer.Argument(help="help.enterprise.name")]
RatingOption = Annotated[str | None, typer.Option("--rating", help="help.enterprise.rating")]
Compliant = Annotated[bool | None, typer.Option("--compliant/--not-compliant", help="help.enterprise.compliant")]


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
    from guside_cli.core.text import clean
    from guside_cli.messages import M

    run = run_of(ctx)
    cleaned = clean(name)
    if not cleaned or len(cleaned) > 200:
        raise InputError(M("enterprise.name_length", name=name))
    from guside_cli.services import registers

    chosen = Rating.parse(rating) if rating else None
    say(registers.add_enterprise(run, cleaned, village=village, rating=chosen, compliant=compliant, by=by))


@enterprise_app.command("rate")
@guarded
def rate(
    ctx: typer.Context,
    name: Name,
    rating: RatingOption = None,
    compliant: Compliant = None,
    reason: Annotated[str | None, typer.Option("--reason", help="help.enterprise.reason")] = None,
    by: opt.By = None,
) -> None:
    """Change an enterprise's rating or its 三有三无 status. A rating the plan forbids is refused, naming the cases.

    Example: guside enterprise rate 某化工有限公司 --rating green --reason "年度评价"
    """
    from guside_cli.core.enums import Rating
    from guside_cli.core.errors import InputError
    from guside_cli.messages import M, text

    run = run_of(ctx)
    if rating is None and compliant is None:
        raise InputError(M("enterprise.give_one"))
    from guside_cli.services import registers

    given = Rating.parse(rating) if rating else None
    said = registers.rate_enterprise(run, name, rating=given, compliant=compliant, reason=reason, by=by)
    current, chosen = said.value
    shown = chosen.label(run.lang) if chosen else text("plan.unrated", run.lang)
    typer.echo(text("enterprise.rated", run.lang, name=current.name, rating=shown))


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

    from guside_cli.messages import text
    from guside_cli.render import output
    from guside_cli.render.plan import compliance_label, rating_label
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
    lang = run.lang
    typer.echo(
        text(
            "enterprise.shown",
            lang,
            name=e.name,
            village=e.village or text("enterprise.no_village", lang),
            rating=rating_label(e.rating.code if e.rating else None, lang),
            compliant=compliance_label(e.compliant, lang),
        )
    )
    for reason in blockers.reasons():
        typer.echo(text("enterprise.blocked", lang, reason=reason))
    print_cases(run, {"enterprise": e.name}, fmt=fmt)


@enterprise_app.command("check")
@guarded
def check(ctx: typer.Context, fmt: opt.OutputFormat = Format.auto) -> None:
    """List enterprises whose green or blue rating the rule now forbids, with the rating to fall to.

    For instance a new inspection case arrived after the rating. Exits 1 when any is listed, so cron can alert.

    Example: guside enterprise check || mail -s "降级提醒" office@example
    """
    from guside_cli.messages import text
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
        typer.echo(text("enterprise.none_stale", run.lang))
    if stale:
        raise typer.Exit(code=1)
