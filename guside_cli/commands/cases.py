"""Registering and finding cases: `add`, `list`, `show`."""

import shutil
from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import Run, fail, guarded, run_of, stdin_is_terminal
from guside_cli.core import dates, enums
from guside_cli.core.errors import InputError
from guside_cli.core.filters import CaseFilter
from guside_cli.core.intake import intake, missing_required
from guside_cli.core.villages import resolve_village
from guside_cli.render.output import Format

PROMPTS = {
    "received": "受理日期 received (today)",
    "village": "属地 village",
    "level": "信访层级 level (镇/县/市/省/京)",
    "subject": "反映问题 subject",
}


def register(app: typer.Typer) -> None:
    app.command("add")(guarded(add))
    app.command("list")(guarded(list_cases))
    app.command("show")(guarded(show))


def add(
    ctx: typer.Context,
    village: opt.Village = None,
    level: opt.Level = None,
    subject: Annotated[str | None, typer.Option("--subject", help="反映问题: what the petition is about")] = None,
    received: Annotated[str | None, typer.Option("--received", "--on", help="Date and time of receipt [now]")] = None,
    form: opt.Form = None,
    source: Annotated[
        str, typer.Option("--source", help="direct, 12345, 12369, 中央环保督察交办, 省环保督察交办, 263, 上级")
    ] = "direct",
    pollution: Annotated[
        list[str] | None, typer.Option("--pollution", "-p", help="Repeatable; the first is the main")
    ] = None,
    cause: Annotated[str | None, typer.Option("--cause", help="诱因")] = None,
    persons: Annotated[str, typer.Option("--persons", help="涉及人数: persons involved")] = "1",
    unit: Annotated[str | None, typer.Option("--unit", help="责任单位: responsible unit")] = None,
    enterprise: Annotated[str | None, typer.Option("--enterprise", help="涉事企业: related enterprise")] = None,
    petitioner: Annotated[str | None, typer.Option("--petitioner", help="信访人 (optional: anonymous exists)")] = None,
    phone: Annotated[str | None, typer.Option("--phone", help="联系电话")] = None,
    id_number: Annotated[str | None, typer.Option("--id-number", help="身份证号")] = None,
    key_person: Annotated[list[str] | None, typer.Option("--key-person", help="重点人员; repeatable")] = None,
    forecast: Annotated[str | None, typer.Option("--forecast", help="事态发展预测")] = None,
    ref_no: Annotated[str | None, typer.Option("--ref", help="External number: inspection team, 12345 order…")] = None,
    number: Annotated[
        str | None, typer.Option("--number", help="Keep this case number instead of assigning one")
    ] = None,
    due: Annotated[str | None, typer.Option("--due", help="Due date, when shorter than the statutory 60 days")] = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text or json")] = Format.text,
) -> None:
    """Register a petition (登记建档) and print its number and id.

    Example: guside add --village 红豆村 --level 省 --form 来访 -p 大气 --subject "化工厂夜间异味"
    """
    run = run_of(ctx)
    raw = {
        "received": received or "today",
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
    }
    missing = missing_required(raw)
    if missing and stdin_is_terminal():
        for name in missing:
            raw[name] = typer.prompt(PROMPTS[name])
    elif missing:
        flags = ", ".join(f"--{name}" for name in missing)
        raise fail(f"missing required field(s) {flags}: give them as options (no terminal to ask on)", 2)

    from guside_cli.core.deadlines import handling_due
    from guside_cli.storage.ledger import Ledger
    from guside_cli.storage.settings import deadline_rules

    with Ledger.open(run.db, create=True) as ledger:
        petition, problems = intake(raw, now=run.now, villages=ledger.villages())
        if problems:
            for problem in problems[:-1]:
                typer.echo(f"Error: {problem}", err=True)
            raise InputError(str(problems[-1]))
        with ledger.write():
            case = ledger.add_petition(
                petition,
                due_on=handling_due(petition.received_on, deadline_rules(ledger)),
                created_at=dates.iso_timestamp(run.now),
            )
    _print_added(case, run, fmt)


def _print_added(case, run: Run, fmt: Format) -> None:
    from guside_cli.core.records import to_record

    if fmt is Format.json:
        from guside_cli.render.output import write_json

        write_json(to_record(case))
    elif run.lang == "zh":
        typer.echo(f"已登记 {case.number}（序号 {case.id}），办结时限 {case.due_on}")
    else:
        typer.echo(f"Registered {case.number} (id {case.id}), due {case.due_on}")


def build_filter(
    run: Run,
    ledger,
    *,
    year=None,
    start=None,
    end=None,
    village=None,
    level=None,
    form=None,
    source=None,
    status=None,
    search=None,
) -> CaseFilter:
    """Turn list-style options into a CaseFilter (shared by every command that filters cases)."""
    begin = finish = None
    if year is not None:
        begin, finish = dates.year_bounds(year)
    if start:
        begin = max(filter(None, (begin, dates.parse_date(start, run.today))))
    if end:
        finish = min(filter(None, (finish, dates.parse_date(end, run.today))))
    if begin and finish and begin > finish:
        raise InputError(f"the period {begin}..{finish} is empty: --from must not be after --to")
    return CaseFilter(
        start=begin,
        end=finish,
        village=resolve_village(village, ledger.villages()).name if village else None,
        level=enums.Level.parse(level) if level else None,
        form=enums.Form.parse(form) if form else None,
        source=enums.Source.parse(source) if source else None,
        status=enums.Status.parse(status) if status else None,
        text=search or None,
    )


def list_cases(
    ctx: typer.Context,
    year: opt.Year = None,
    start: opt.DateFrom = None,
    end: opt.DateTo = None,
    village: opt.Village = None,
    level: opt.Level = None,
    form: opt.Form = None,
    source: opt.Source = None,
    status: opt.Status = None,
    search: opt.Search = None,
    limit: opt.Limit = None,
    fmt: opt.OutputFormat = Format.auto,
    reveal: opt.Reveal = False,
) -> None:
    """List cases, newest first, with filters.

    Example: guside list --year 2018 --village 红豆村 --level 省 --format csv
    """
    print_cases(
        run_of(ctx),
        year=year,
        start=start,
        end=end,
        village=village,
        level=level,
        form=form,
        source=source,
        status=status,
        search=search,
        limit=limit,
        fmt=fmt,
        reveal=reveal,
    )


def print_cases(
    run: Run,
    *,
    year=None,
    start=None,
    end=None,
    village=None,
    level=None,
    form=None,
    source=None,
    status=None,
    search=None,
    limit=None,
    fmt: Format = Format.auto,
    reveal: bool = False,
) -> None:
    from guside_cli.core.records import to_record
    from guside_cli.render import output
    from guside_cli.render.cases import list_rows
    from guside_cli.storage.ledger import Ledger

    fmt = output.resolve(fmt)
    with Ledger.open(run.db) as ledger:
        f = build_filter(
            run,
            ledger,
            year=year,
            start=start,
            end=end,
            village=village,
            level=level,
            form=form,
            source=source,
            status=status,
            search=search,
        )
        total = ledger.count(f)
        if limit is None and fmt is Format.table:
            limit = max(5, shutil.get_terminal_size().lines - 8)  # a screenful
        records = [to_record(p, reveal=reveal) for p in ledger.find(f, limit=limit)]
    if fmt is Format.json:
        output.write_json(records)
    elif fmt is Format.csv:
        from guside_cli.core.model import CANONICAL_FIELDS

        output.write_csv_records(records, ["id", *CANONICAL_FIELDS])
    else:
        headers, rows = list_rows(records, run.lang)
        output.print_table(headers, rows, fmt)
        more = total - len(records)
        if more > 0:
            note = (
                f"……另有 {more} 件未显示（共 {total} 件；用 --limit 或 --format csv 查看全部）"
                if run.lang == "zh"
                else f"... {more} more not shown ({total} in all; use --limit or --format csv for all)"
            )
            typer.echo(note, err=fmt is not Format.table)
        elif fmt is Format.table:
            typer.echo(f"共 {total} 件" if run.lang == "zh" else f"{total} in all")


def show(
    ctx: typer.Context,
    case: Annotated[str, typer.Argument(help="Case number (2018-0042) or id")],
    fmt: opt.OutputFormat = Format.auto,
    reveal: opt.Reveal = False,
) -> None:
    """Show one case file (卷宗): every element of the petition.

    Example: guside show 2018-红豆-007
    """
    from guside_cli.core.records import to_record
    from guside_cli.render import output
    from guside_cli.render.cases import case_file_rows
    from guside_cli.storage.ledger import Ledger

    run = run_of(ctx)
    fmt = output.resolve(fmt)
    with Ledger.open(run.db) as ledger:
        record = to_record(ledger.get(case), reveal=reveal)
    if fmt is Format.json:
        output.write_json(record)
    else:
        headers = ["项目", "内容"] if run.lang == "zh" else ["field", "value"]
        output.print_table(headers, case_file_rows(record, run.lang), fmt, title=record["number"])
