"""Key persons and groups (重点人员 / 重点群体, 一人一策): `person add|list|show|plan`."""

from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import bounded_text, guarded, open_ledger, run_of, say
from guside_cli.render.output import Format

person_app = typer.Typer(help="help.cmd.person", no_args_is_help=True)
Name = Annotated[str, typer.Argument(help="help.person.name")]
Plan = Annotated[str | None, typer.Option("--plan", help="help.person.plan")]


def register(app: typer.Typer) -> None:
    app.add_typer(person_app, name="person")


@person_app.command("add")
@guarded
def add(
    ctx: typer.Context,
    name: Name,
    village: Annotated[str, typer.Option("--village", "-v", help="help.person.village")],
    plan: Plan = None,
    leader: Annotated[str | None, typer.Option("--leader", help="help.person.leader")] = None,
    phone: Annotated[str | None, typer.Option("--phone", help="help.add.phone")] = None,
    id_number: Annotated[str | None, typer.Option("--id-number", help="help.add.id_number")] = None,
    group: Annotated[bool, typer.Option("--group", help="help.person.group")] = False,
    members: Annotated[int | None, typer.Option("--members", min=1, help="help.person.members")] = None,
    by: opt.By = None,
) -> None:
    """Register a key person, or with --group a key group, with a plan and a responsible leader.

    Example: guside person add 王某某 --village 红豆村 --plan "每月走访，帮助解决就业" --leader 王镇长
    """
    from guside_cli.core.errors import InputError
    from guside_cli.core.identity import check_id_number, check_phone
    from guside_cli.core.intake import MAX_PERSONS
    from guside_cli.core.text import clean
    from guside_cli.messages import M

    run = run_of(ctx)
    cleaned = clean(name)
    if not cleaned or len(cleaned) > 100:
        raise InputError(M("person.name_length", name=name))
    if members is not None and not group:
        raise InputError(M("person.members_without_group"))
    if members is not None and members > MAX_PERSONS:  # a group larger than any petition's persons
        raise InputError(M("person.members_range", most=MAX_PERSONS, number=members))
    from guside_cli.services import registers

    said = registers.add_person(
        run,
        cleaned,
        village=village,
        plan=bounded_text(plan, "--plan"),
        leader=leader,
        phone=check_phone(phone),
        id_number=check_id_number(id_number),
        group=group,
        members=members,
        by=by,
    )
    say(said)


@person_app.command("plan")
@guarded
def plan(
    ctx: typer.Context,
    name: Name,
    text: Annotated[str, typer.Option("--plan", help="help.person.new_plan")],
    by: opt.By = None,
) -> None:
    """Change a key person's plan; every version stays in the history.

    Example: guside person plan 王某某 --plan "已安排公益岗位，每季度回访"
    """
    from guside_cli.core.errors import InputError
    from guside_cli.core.text import clean
    from guside_cli.messages import M

    run = run_of(ctx)
    if not clean(text):
        raise InputError(M("person.plan_empty"))
    plan = bounded_text(text, "--plan", required=True)
    from guside_cli.services import registers

    say(registers.set_person_plan(run, name, plan, by=by))


@person_app.command("list")
@guarded
def list_persons(ctx: typer.Context, fmt: opt.OutputFormat = Format.auto, reveal: opt.Reveal = False) -> None:
    """Key persons and groups with their petitions of the last 12 months and their plan.

    Village, leader, petitions in the last 12 months (of which escalated), the last petition, open cases,
    and the plan. Personal data: internal only, never in `publish`."""
    _show(ctx, None, fmt, reveal)


@person_app.command("show")
@guarded
def show(ctx: typer.Context, name: Name, fmt: opt.OutputFormat = Format.auto, reveal: opt.Reveal = False) -> None:
    """One key person or group, with the plan's history."""
    _show(ctx, name, fmt, reveal)


def _show(ctx: typer.Context, name: str | None, fmt: Format, reveal: bool) -> None:
    from guside_cli.messages import text
    from guside_cli.render import output
    from guside_cli.render.plan import person_records, person_rows

    run = run_of(ctx)
    with open_ledger(run) as ledger:
        if name:
            ledger.person(name)  # a clear error when unknown
        records = person_records(ledger.person_table(run.today, name), reveal=reveal)
        if reveal:
            from guside_cli.services.cases import record_reveal

            record_reveal(ledger, run, None, f"person {name or 'list'}")
        plans = (
            [h for h in ledger.history() if h.action in ("person.add", "person.plan") and h.field == name]
            if name
            else []
        )
    fmt = output.resolve(fmt)
    if fmt is Format.json:
        output.write_json(
            records[0] | {"plans": [{"at": h.at, "by": h.actor, "plan": h.new} for h in plans]} if name else records
        )
    elif fmt is Format.csv:
        output.write_csv_records(records, list(records[0]) if records else ["name"])
    else:
        output.print_table(*person_rows(records, run.lang), fmt)
        for h in plans:
            typer.echo(text("person.plan_line", run.lang, at=h.at[:10], actor=h.actor, plan=h.new or ""))
