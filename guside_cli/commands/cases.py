"""Registering and finding cases: `add`, `list`, `show`."""

from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import Run, guarded, one_line, open_ledger, run_of, say, stdin_is_terminal
from guside_cli.render.output import Format
from guside_cli.services.cases import build_filter, describe, print_cases, record_reveal  # noqa: F401


def register(app: typer.Typer) -> None:
    app.command("add")(guarded(add))
    app.command("list")(guarded(list_cases))
    app.command("show")(guarded(show))


def add(
    ctx: typer.Context,
    village: opt.Village = None,
    level: opt.Level = None,
    subject: Annotated[str | None, typer.Option("--subject", help="help.add.subject")] = None,
    received: Annotated[str | None, typer.Option("--received", "--on", help="help.add.received")] = None,
    form: opt.Form = None,
    source: Annotated[str | None, typer.Option("--source", help="help.add.source")] = None,
    pollution: Annotated[list[str] | None, typer.Option("--pollution", "-p", help="help.add.pollution")] = None,
    cause: Annotated[str | None, typer.Option("--cause", help="help.add.cause")] = None,
    persons: Annotated[str | None, typer.Option("--persons", help="help.add.persons")] = None,
    unit: Annotated[str | None, typer.Option("--unit", help="help.add.unit")] = None,
    enterprise: Annotated[str | None, typer.Option("--enterprise", help="help.add.enterprise")] = None,
    petitioner: Annotated[str | None, typer.Option("--petitioner", help="help.add.petitioner")] = None,
    phone: Annotated[str | None, typer.Option("--phone", help="help.add.phone")] = None,
    id_number: Annotated[str | None, typer.Option("--id-number", help="help.add.id_number")] = None,
    key_person: Annotated[list[str] | None, typer.Option("--key-person", help="help.add.key_person")] = None,
    forecast: Annotated[str | None, typer.Option("--forecast", help="help.add.forecast")] = None,
    ref_no: Annotated[str | None, typer.Option("--ref", help="help.add.ref")] = None,
    number: Annotated[str | None, typer.Option("--number", help="help.add.number")] = None,
    due: Annotated[str | None, typer.Option("--due", help="help.add.due")] = None,
    repeat_of: Annotated[str | None, typer.Option("--repeat-of", help="help.add.repeat_of")] = None,
    leader: Annotated[str | None, typer.Option("--leader", help="help.add.leader")] = None,
    key: Annotated[bool, typer.Option("--key", help="help.add.key")] = False,
    reception: Annotated[str | None, typer.Option("--reception", help="help.add.reception")] = None,
    by: opt.By = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="help.add.format")] = Format.text,
) -> None:
    """Register a petition (登记建档) and print its number and id.

    Example: guside add --village 红豆村 --level 省 --form 来访 -p 大气 --subject "化工厂夜间异味"
    Taken at the 环境信访日: guside add --reception 2018-06-14 --village 红豆村 --form 来访 --subject "…"
    """
    from guside_cli.core.errors import InputError
    from guside_cli.core.intake import intake, missing_required
    from guside_cli.messages import M, text
    from guside_cli.services.intake import register

    run = run_of(ctx)
    raw = {
        "received": received,
        "village": village,
        "level": level,
        "subject": subject,
        "form": form,
        "source": source,
        "pollution": pollution or [],
        "cause": cause,
        "persons": persons,
        "unit": unit,
        "enterprise": enterprise,
        "petitioner": petitioner,
        "phone": phone,
        "id_number": id_number,
        "key_persons": key_person or [],
        "forecast": forecast,
        "ref_no": ref_no,
        "number": number,
        "due_on": due,
        "repeat_of": repeat_of,
        "is_key": key,
    }
    given = {name for name, value in raw.items() if value not in (None, "", [])}
    taken_at = _reception_day(run, reception)
    raw["received"] = raw["received"] or (taken_at.isoformat() if taken_at else "today")
    raw["form"] = raw["form"] or ("visit" if taken_at else None)  # taken at a reception: a visit (来访)
    missing = missing_required(raw)
    if missing and not stdin_is_terminal():
        flags = ", ".join(f"--{name}" for name in missing)
        raise InputError(M("add.missing", flags=flags))
    with open_ledger(run, create=True) as ledger:
        if missing:
            from guside_cli.commands.guided import guided_add

            raw, leader = guided_add(ledger, run, raw, given, leader)  # Ctrl-C: 已取消，未保存, exit 130
        raw["source"] = raw["source"] or "direct"
        raw["persons"] = raw["persons"] or "1"
        from guside_cli.storage.settings import deadline_rules

        petition, problems = intake(raw, now=run.now, villages=ledger.villages(), due_rules=deadline_rules(ledger))
        if problems:
            from guside_cli.core.records import field_label

            for problem in problems:  # a catalogue message names its element in the run's language
                if isinstance(problem.message, M) and run.lang == "zh":
                    where = field_label({"received": "received_at"}.get(problem.field, problem.field), "zh")
                    line = f"{text('error.prefix')}{where}：{problem.message}"
                else:  # English not yet in the catalogue: an English line, never a mixed one
                    line = f"Error: {problem.field}: {problem.message}"
                typer.echo(one_line(line), err=True)
            raise typer.Exit(2)
        said = register(run, ledger, petition, taken_at=taken_at, leader=leader, by=by)
    say(said)
    case, similar = said.value
    _print_added(case, similar, run, fmt)


def _reception_day(run: Run, reception: str | None):
    from guside_cli.core.dates import parse_date

    return parse_date(reception, run.today) if reception else None


def _print_added(case, similar: list[tuple[str, str]], run: Run, fmt: Format) -> None:
    from guside_cli.core.records import to_record
    from guside_cli.messages import M, text
    from guside_cli.render.cases import REPEAT_REASONS

    for number, why in similar:
        reason = REPEAT_REASONS[why][0 if run.lang == "zh" else 1]
        typer.echo(text("case.maybe_repeat", run.lang, number=number, why=reason), err=True)
    if case.stage.code == "not_accepted_again":
        typer.echo(str(M("done.not_accepted_again", number=case.number, root=case.repeat_of)), err=True)
    if fmt is Format.json:
        from guside_cli.render.output import write_json

        write_json({**to_record(case), "possible_repeats": [{"number": n, "why": w} for n, w in similar]})
    elif case.status.code == "closed":  # 不再受理 at once: no deadline runs
        typer.echo(
            text("case.added_closed", run.lang, number=case.number, id=case.id, stage=case.stage.label(run.lang))
        )
    else:
        typer.echo(text("case.added", run.lang, number=case.number, id=case.id, due=case.due_on))


def list_cases(
    ctx: typer.Context,
    year: opt.Year = None,
    start: opt.DateFrom = None,
    end: opt.DateTo = None,
    village: opt.Villages = None,
    level: opt.Levels = None,
    form: opt.Forms = None,
    source: opt.Sources = None,
    status: opt.Statuses = None,
    search: opt.Search = None,
    leader: opt.LeaderName = None,
    repeats: Annotated[bool, typer.Option("--repeats", help="help.list.repeats")] = False,
    escalated: Annotated[bool, typer.Option("--escalated", help="help.list.escalated")] = False,
    carried_over: Annotated[bool, typer.Option("--carried-over", help="help.list.carried_over")] = False,
    limit: opt.Limit = None,
    fmt: opt.OutputFormat = Format.auto,
    reveal: opt.Reveal = False,
    town: opt.Town = None,
) -> None:
    """List cases, newest first, with filters.

    Example: guside list --year 2018 --village 红豆村 --level 省 --format csv
    """
    filters = dict(
        year=year,
        start=start,
        end=end,
        village=village,
        level=level,
        form=form,
        source=source,
        status=status,
        search=search,
        leader=leader,
        repeats=repeats,
        escalated=escalated,
        carried_over=carried_over,
        town=town,
    )
    print_cases(run_of(ctx), filters, limit=limit, fmt=fmt, reveal=reveal)


def show(
    ctx: typer.Context,
    case: opt.Case,
    fmt: opt.OutputFormat = Format.auto,
    reveal: opt.Reveal = False,
    no_pager: opt.NoPager = False,
) -> None:
    """Show one case file (卷宗): elements, leader, deadlines, the 三个第一, steps, repeats and history.

    Example: guside show 2018-红豆-007
    """
    from guside_cli.core.casefile import case_file
    from guside_cli.core.model import CaseFile
    from guside_cli.render import output
    from guside_cli.render.cases import case_file_sections

    run = run_of(ctx)
    fmt = output.resolve(fmt)
    with open_ledger(run) as ledger:
        p = ledger.get(case)
        if reveal:
            record_reveal(ledger, run, p.id, "show")
        chain = tuple(ledger.repeat_chain(p.id))
        bundle = CaseFile(p, ledger.steps(p.id), ledger.history(p.id), chain, ledger.extensions(p.id))
        from guside_cli.storage.settings import deadline_rules

        rules = deadline_rules(ledger)
    view = case_file(bundle, run.today, reveal=reveal, rules=rules)
    if fmt is Format.json:
        output.write_json(view)
        return
    sections = case_file_sections(view, run.lang)
    if fmt is not Format.table:
        for title, headers, rows in sections:
            output.print_table(headers, rows, fmt, title=title)
        return
    target = output.console()
    with output.pager(target, not no_pager):  # a case file runs longer than a screen
        for title, headers, rows in sections:
            target.print(output.fitted_table(headers, rows, target.width, title=title, wrap_free=True))
