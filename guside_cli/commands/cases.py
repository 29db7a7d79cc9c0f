"""Registering and finding cases: `add`, `list`, `show`."""

import shutil
from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import Run, fail, guarded, open_ledger, run_of, stdin_is_terminal, writing
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
    repeat_of: Annotated[
        str | None, typer.Option("--repeat-of", help="Link to an earlier case on the same matter")
    ] = None,
    by: opt.By = None,
    fmt: Annotated[Format, typer.Option("--format", "-f", help="text or json")] = Format.text,
) -> None:
    """Register a petition (登记建档) and print its number and id.

    Example: guside add --village 红豆村 --level 省 --form 来访 -p 大气 --subject "化工厂夜间异味"
    """
    from guside_cli.core.errors import InputError
    from guside_cli.core.intake import intake, missing_required

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
        "repeat_of": repeat_of,
    }
    missing = missing_required(raw)
    if missing and stdin_is_terminal():
        for name in missing:
            raw[name] = typer.prompt(PROMPTS[name])
    elif missing:
        flags = ", ".join(f"--{name}" for name in missing)
        raise fail(f"missing required field(s) {flags}: give them as options (no terminal to ask on)", 2)

    with open_ledger(run, create=True) as ledger:
        petition, problems = intake(raw, now=run.now, villages=ledger.villages())
        if problems:
            for problem in problems[:-1]:
                typer.echo(f"Error: {problem}", err=True)
            raise InputError(str(problems[-1]))
        with writing(ledger, run, by):
            similar = [] if petition.repeat_of else ledger.possible_repeats(petition)
            case = ledger.add_petition(petition)
    _print_added(case, similar, run, fmt)


def _print_added(case, similar: list[tuple[str, str]], run: Run, fmt: Format) -> None:
    from guside_cli.core.records import to_record

    for number, why in similar:
        from guside_cli.render.cases import REPEAT_REASONS

        zh, en = REPEAT_REASONS[why]
        typer.echo(
            f"注意：可能是重复信访，与 {number} {zh}；确认后用 --repeat-of {number} 关联"
            if run.lang == "zh"
            else f"Note: this may repeat {number} ({en}); link it with --repeat-of {number}",
            err=True,
        )
    if fmt is Format.json:
        from guside_cli.render.output import write_json

        write_json({**to_record(case), "possible_repeats": [{"number": n, "why": w} for n, w in similar]})
    elif run.lang == "zh":
        typer.echo(f"已登记 {case.number}（序号 {case.id}），办结时限 {case.due_on}")
    else:
        typer.echo(f"Registered {case.number} (id {case.id}), due {case.due_on}")


def record_reveal(ledger, run: Run, petition_id: int | None, what: str) -> None:
    """Who saw personal data in full, and what: `--reveal` leaves a row in the history."""
    with writing(ledger, run):
        ledger.log(petition_id, "reveal", note=what)


def describe(filters: dict) -> str:
    return ", ".join(f"{k}={v}" for k, v in filters.items() if v not in (None, False, "")) or "all cases"


def build_filter(run: Run, ledger, filters: dict):
    """Turn list-style options into a CaseFilter (shared by every command that filters cases like `list`)."""
    from guside_cli.core import dates, enums
    from guside_cli.core.errors import InputError
    from guside_cli.core.filters import CaseFilter
    from guside_cli.core.villages import resolve_village

    begin = finish = None
    if filters.get("year") is not None:
        begin, finish = dates.year_bounds(filters["year"])
    if filters.get("start"):
        begin = max(filter(None, (begin, dates.parse_date(filters["start"], run.today))))
    if filters.get("end"):
        finish = min(filter(None, (finish, dates.parse_date(filters["end"], run.today))))
    if begin and finish and begin > finish:
        raise InputError(f"the period {begin}..{finish} is empty: --from must not be after --to")
    coded = {
        name: kind.parse(filters[name]) if filters.get(name) else None
        for name, kind in (
            ("level", enums.Level),
            ("form", enums.Form),
            ("source", enums.Source),
            ("status", enums.Status),
        )
    }
    village = filters.get("village")
    return CaseFilter(
        start=begin,
        end=finish,
        village=resolve_village(village, ledger.villages()).name if village else None,
        text=filters.get("search") or None,
        leader=filters.get("leader") or None,
        repeats=bool(filters.get("repeats")),
        enterprise=filters.get("enterprise"),
        **coded,
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
    leader: opt.LeaderName = None,
    repeats: Annotated[bool, typer.Option("--repeats", help="Only cases in a repeat chain (重复信访)")] = False,
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
        town=town,
    )
    print_cases(run_of(ctx), filters, limit=limit, fmt=fmt, reveal=reveal)


def print_cases(
    run: Run, filters: dict, *, limit: int | None = None, fmt: Format = Format.auto, reveal: bool = False
) -> None:
    from guside_cli.core.records import to_record
    from guside_cli.render import output
    from guside_cli.render.cases import list_rows

    fmt = output.resolve(fmt)
    with open_ledger(run) as ledger:
        if filters.get("town"):
            from guside_cli.storage.towns import read_as_town

            read_as_town(ledger, filters["town"])
        f = build_filter(run, ledger, filters)
        total = ledger.count(f)
        if limit is None and fmt is Format.table:
            limit = max(5, shutil.get_terminal_size().lines - 8)  # a screenful
        records = [to_record(p, reveal=reveal) for p in ledger.find(f, limit=limit)]
        if reveal:
            record_reveal(ledger, run, None, f"list: {len(records)} case(s); {describe(filters)}")
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
    case: opt.Case,
    fmt: opt.OutputFormat = Format.auto,
    reveal: opt.Reveal = False,
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
        bundle = CaseFile(p, ledger.steps(p.id), ledger.history(p.id), tuple(ledger.repeat_chain(p.id)))
    view = case_file(bundle, run.today, reveal=reveal)
    if fmt is Format.json:
        output.write_json(view)
        return
    for title, headers, rows in case_file_sections(view, run.lang):
        output.print_table(headers, rows, fmt, title=title)
