"""Leaders who take charge of cases (包案): `leader add`, `leader list`."""

from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import NAME_LIMIT, bounded_text, guarded, open_ledger, run_of, say
from guside_cli.render.output import Format

leader_app = typer.Typer(help="help.cmd.leader", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(leader_app, name="leader")


@leader_app.command("add")
@guarded
def add(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="help.leader.name")],
    rank: Annotated[str, typer.Option("--rank", help="help.leader.rank")],
    title: Annotated[str | None, typer.Option("--title", help="help.leader.title")] = None,
    village: Annotated[str | None, typer.Option("--village", help="help.leader.village")] = None,
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
    from guside_cli.messages import M

    run = run_of(ctx)
    cleaned = clean(name)
    if not cleaned or len(cleaned) > 50:
        raise InputError(M("leader.name_length", name=name))
    leader = Leader(
        name=cleaned,
        title=bounded_text(title, "--title", limit=NAME_LIMIT),
        rank=Rank.parse(rank),
        village=bounded_text(village, "--village", limit=NAME_LIMIT),
    )
    from guside_cli.services import registers

    say(registers.add_leader(run, leader, by=by))


@leader_app.command("edit")
@guarded
def edit(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="help.leader.name")],
    rank: Annotated[str | None, typer.Option("--rank", help="help.leader.rank")] = None,
    title: Annotated[str | None, typer.Option("--title", help="help.leader.title")] = None,
    village: Annotated[str | None, typer.Option("--village", help="help.leader.village")] = None,
    by: opt.By = None,
) -> None:
    """Change a leader's rank, title or village (a village cadre holds only cases of their village, 四(五)). A
    rank or village that would break the 包案 rule for a case the leader holds is refused: reassign those first.

    Example: guside leader edit 王某 --rank village --title 村书记
    """
    from guside_cli.commands.casepath import tell
    from guside_cli.core.enums import Rank
    from guside_cli.core.text import clean
    from guside_cli.messages import M, text

    run = run_of(ctx)
    from guside_cli.services import registers

    said = registers.edit_leader(
        run,
        name,
        rank=Rank.parse(rank) if rank else None,
        title=clean(title),
        by=by,
        village=bounded_text(village, "--village", limit=NAME_LIMIT),
    )
    leader, changed = said.value
    say(said)
    named = [text(f"leader.h.{field}", run.lang) for field in changed]
    if not named:  # nothing given, or all as it was (an empty --village)
        tell(M("done.leader_unchanged", leader=leader.name))
        return
    tell(M("done.leader_edit", leader=leader.name, changes=("、" if run.lang == "zh" else ", ").join(named)))


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
    from guside_cli.messages import text

    headers = [
        text(f"leader.h.{h}", run.lang) for h in ("name", "title", "rank", "village", "open", "overdue", "closed")
    ]
    rows = [
        [
            r["name"],
            r["title"] or "",
            Rank(r["rank"]).label(run.lang) if r["rank"] else "?",
            r["village"] or "",
            r["open"],
            r["overdue"],
            r["closed"],
        ]
        for r in leaders
    ]
    output.print_table(headers, rows, fmt)
