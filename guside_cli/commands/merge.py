"""Several desks, one town; several towns, one county: `merge`, `conflicts`, `resolve`."""

from pathlib import Path
from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import guarded, run_of
from guside_cli.render.output import Format


def register(app: typer.Typer) -> None:
    app.command("merge")(guarded(merge))
    app.command("conflicts")(guarded(conflicts))
    app.command("resolve")(guarded(resolve))


def merge(
    ctx: typer.Context,
    sources: Annotated[list[Path], typer.Argument(help="help.merge.sources")],
    by: opt.By = None,
    reveal: opt.Reveal = False,
    fmt: opt.OutputFormat = Format.auto,
) -> None:
    """Bring other ledgers' cases into this one by uid (help.cmd.merge)."""
    from guside_cli.services import merging

    run = run_of(ctx)
    results = merging.merge(run, sources, by=by, reveal=reveal)
    _report(run, results, fmt, reveal)
    if any(r.conflicts for r in results):
        raise typer.Exit(1)


def _report(run, results, fmt: Format, reveal: bool) -> None:
    from guside_cli.messages import text
    from guside_cli.render import output

    fmt = output.resolve(fmt)
    conflicts = [c for r in results for c in r.conflicts]
    if fmt is Format.json:
        output.write_json(
            [
                {
                    "source": r.source,
                    "ledger": r.ledger,
                    "town": r.town,
                    "added": r.added,
                    "taken": r.taken,
                    "rows": r.rows,
                    "history": r.history,
                    "conflicts": [_conflict_json(c, reveal) for c in r.conflicts],
                }
                for r in results
            ]
        )
        return
    for r in results:
        typer.echo(
            text(
                "merge.summary",
                source=r.source,
                town=r.town,
                added=r.added,
                taken=r.taken,
                rows=r.rows,
                history=r.history,
                conflicts=len(r.conflicts),
            )
        )
    if conflicts:
        _print_conflicts(run, [_conflict_json(c, reveal) for c in conflicts], fmt)


def _conflict_json(c: dict, reveal: bool) -> dict:
    """A conflict as shown: its values (and a key person's name) masked unless --reveal."""
    from guside_cli.core.merge import masked_key, masked_value

    mine_at, mine_actor = c.get("mine_change", (c.get("mine_at"), c.get("mine_actor")))
    theirs_at, theirs_actor = c.get("theirs_change", (c.get("theirs_at"), c.get("theirs_actor")))
    case = c.get("case") or (c["theirs"] if c["kind"] == "number" else c["key"])
    table, field = c["tbl"], c["field"]
    shown = (lambda v: v) if reveal else (lambda v: masked_value(table, field, v))
    key = c["key"] if reveal else masked_key(table, c["key"])
    return {
        "case": case if reveal or case != c["key"] else key,
        "table": table,
        "key": key,
        "field": field,
        "kind": c["kind"],
        "mine": shown(c["mine"]),
        "theirs": shown(c["theirs"]),
        "mine_at": mine_at,
        "mine_actor": mine_actor,
        "theirs_at": theirs_at,
        "theirs_actor": theirs_actor,
        "source": c["source"],
    }


def _print_conflicts(run, rows: list[dict], fmt: Format) -> None:
    """One row per conflict, narrow enough for 80 columns: the field by its label, each side's value with when
    and by whom it was changed (JSON keeps every part apart)."""
    from guside_cli.core.records import field_label
    from guside_cli.messages import text
    from guside_cli.render import output

    def when(at, actor) -> str:
        return " ".join(x for x in ((at or "")[:16].replace("T", " "), actor or "") if x)

    headers = text("merge.headers").split("|")
    table = [
        [
            r["case"] if r["table"] == "petitions" else f"{r['table']}:{r['key']}",
            field_label(r["field"], run.lang) + ("" if r["kind"] == "field" else f" ({text('merge.kind_number')})"),
            r["mine"],
            when(r["mine_at"], r["mine_actor"]),
            r["theirs"],
            when(r["theirs_at"], r["theirs_actor"]),
        ]
        for r in rows
    ]
    output.print_table(headers, table, fmt, title=text("merge.conflicts_title", n=len(rows)))


def conflicts(ctx: typer.Context, reveal: opt.Reveal = False, fmt: opt.OutputFormat = Format.auto) -> None:
    """List the open merge conflicts (help.cmd.conflicts)."""
    from guside_cli.messages import text
    from guside_cli.render import output
    from guside_cli.services import merging

    run = run_of(ctx)
    rows = [_conflict_json(c, reveal) for c in merging.conflicts(run, reveal=reveal)]
    fmt = output.resolve(fmt)
    if fmt is Format.json:
        output.write_json(rows)
    elif not rows:
        typer.echo(text("merge.no_conflicts"))
    else:
        _print_conflicts(run, rows, fmt)
    if rows:
        raise typer.Exit(1)


def resolve(
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(help="help.resolve.case")],
    field: Annotated[str, typer.Argument(help="help.resolve.field")],
    take: Annotated[str, typer.Option("--take", help="help.resolve.take")],
    by: opt.By = None,
) -> None:
    """Settle one merge conflict (help.cmd.resolve)."""
    from guside_cli.core.records import FIELD_LABELS
    from guside_cli.messages import text
    from guside_cli.services import merging

    run = run_of(ctx)
    # the field as `conflicts` shows it (反映问题) or as the ledger names it (subject)
    field = next((name for name, labels in FIELD_LABELS.items() if field.strip() in labels), field.strip())
    done = merging.resolve(run, case, field, take, by=by)
    typer.echo(text("merge.resolved", case=case, field=field, value=done["value"]))
    if done["kind"] == "number":
        typer.echo(text("merge.number_resolved_note"))
