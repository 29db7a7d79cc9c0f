"""Leaders who take charge of cases (包案): `leader add`, `leader list`."""

from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import guarded, open_ledger, run_of, say, writing
from guside_cli.render.output import Format

leader_app = typer.Typer(help="Leaders who take personal charge of cases (包案领导)", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(leader_app, name="leader")


@leader_app.command("add")
@guarded
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The leader's name")],
    rank: Annotated[str, typer.Option("--rank", help="town|village|department, or 镇领导/村（社区）负责人/部门负责人")],
    title: Annotated[str | None, typer.Option("--title", help="职务, e.g. 副镇长")] = None,
    by: opt.By = None,
) -> None:
    """Add a leader. Town leaders (镇领导) may hold every case; the others not province/Beijing or
    handed-down ones.

    Example: guside leader add 王某 --title 副镇长 --rank town
    """
    from guside_cli.core.enums import Rank
    from guside_cli.core.errors import InputError
    from guside_cli.core.model import Leader
    from guside_cli.core.text import clean

    run = run_of(ctx)
    cleaned = clean(name)
    if not cleaned or len(cleaned) > 50:
        raise InputError(f"leader name '{name}' must be 1 to 50 characters")
    leader = Leader(name=cleaned, title=clean(title), rank=Rank.parse(rank))
    with open_ledger(run, create=True) as ledger, writing(ledger, run, by):
        ledger.add_leader(leader)
    say(run, f"已添加包案领导 {leader.name}（{leader.rank.zh}）", f"Added leader {leader.name} ({leader.rank.en})")


@leader_app.command("edit")
@guarded
def edit(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The leader's name")],
    rank: Annotated[str | None, typer.Option("--rank", help="town|village|department, or 镇领导/村/部门")] = None,
    title: Annotated[str | None, typer.Option("--title", help="职务, e.g. 副镇长")] = None,
    by: opt.By = None,
) -> None:
    """Change a leader's rank or title. A rank that would break the 包案 rule for a case the leader holds is
    refused: reassign those cases first.

    Example: guside leader edit 王某 --rank village --title 村书记
    """
    from guside_cli.commands.casepath import tell
    from guside_cli.core.enums import Rank
    from guside_cli.core.text import clean
    from guside_cli.messages import M

    run = run_of(ctx)
    with open_ledger(run) as ledger, writing(ledger, run, by):
        leader = ledger.leader(name)
        changed = ledger.edit_leader(leader, rank=Rank.parse(rank) if rank else None, title=clean(title))
    tell(M("done.leader_edit", leader=leader.name, changes=", ".join(changed) or "—"))


@leader_app.command("list")
@guarded
def list_leaders(ctx: typer.Context, fmt: opt.OutputFormat = Format.auto) -> None:
    """List leaders with how many open cases each holds and how many of those are overdue."""
    from guside_cli.core.enums import Rank
    from guside_cli.render import output

    run = run_of(ctx)
    with open_ledger(run) as ledger:
        leaders = ledger.leader_table(run.today)
    fmt = output.resolve(fmt)
    if fmt is Format.json:
        output.write_json(leaders)
        return
    headers = (
        ["姓名", "职务", "级别", "在办", "超期", "已销号"]
        if run.lang == "zh"
        else ["name", "title", "rank", "open", "overdue", "closed"]
    )
    rows = [
        [
            r["name"],
            r["title"] or "",
            Rank(r["rank"]).label(run.lang) if r["rank"] else "?",
            r["open"],
            r["overdue"],
            r["closed"],
        ]
        for r in leaders
    ]
    output.print_table(headers, rows, fmt)
