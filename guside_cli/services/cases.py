"""Finding cases the way `list` does, shared by every command that filters or lists cases (`list`, `overdue`,
`due`, `export`, `publish`, `enterprise show`), so commands do not import each other."""

import shutil

import typer

from guside_cli.render.output import Format
from guside_cli.services.ledger import open_ledger, writing


def record_reveal(ledger, run, petition_id: int | None, what: str) -> None:
    """Who saw personal data in full, and what: `--reveal` leaves a row in the history."""
    with writing(ledger, run):
        ledger.log(petition_id, "reveal", note=what)


def describe(filters: dict) -> str:
    def shown(value) -> str:
        return "/".join(map(str, value)) if isinstance(value, list | tuple) else str(value)

    return ", ".join(f"{k}={shown(v)}" for k, v in filters.items() if v not in (None, False, "", [])) or "all cases"


def build_filter(run, ledger, filters: dict):
    """Turn list-style options into a CaseFilter (shared by every command that filters cases like `list`)."""
    from datetime import date

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
        from guside_cli.messages import M

        raise InputError(M("date.period_empty", begin=begin, end=finish))

    def several(name: str, parse) -> tuple:
        """A filter given once or several times (`--level 省 --level 京`): its distinct values, parsed."""
        value = filters.get(name)
        values = [value] if isinstance(value, str) else list(value or ())
        return tuple(dict.fromkeys(parse(v) for v in values if v))

    known = ledger.villages() if filters.get("village") else []
    chosen = {
        "village": several("village", lambda v: resolve_village(v, known).name),
        "level": several("level", enums.Level.parse),
        "form": several("form", enums.Form.parse),
        "source": several("source", enums.Source.parse),
        "status": several("status", enums.Status.parse),
    }
    carried = None
    if filters.get("carried_over"):  # 积案 carried into the period (this year by default): receipt bounds unused
        carried, begin, finish = begin or date(run.today.year, 1, 1), None, None
    single = {name: values[0] if len(values) == 1 else None for name, values in chosen.items()}
    return CaseFilter(
        start=begin,
        end=finish,
        text=filters.get("search") or None,
        leader=filters.get("leader") or None,
        repeats=bool(filters.get("repeats")),
        enterprise=filters.get("enterprise"),
        any_of=tuple(
            (name, tuple(getattr(v, "code", v) for v in values)) for name, values in chosen.items() if len(values) > 1
        ),
        escalated=True if filters.get("escalated") else None,
        carried_over=carried,
        **single,
    )


def print_cases(
    run, filters: dict, *, limit: int | None = None, fmt: Format = Format.auto, reveal: bool = False
) -> None:
    from datetime import date

    from guside_cli.core.records import to_record
    from guside_cli.messages import text
    from guside_cli.render import output
    from guside_cli.render.cases import list_rows

    fmt = output.resolve(fmt)
    with open_ledger(run) as ledger:
        if filters.get("town"):  # a county ledger read as one of its towns
            from guside_cli.storage.towns import read_as_town

            read_as_town(ledger, filters["town"])
        f = build_filter(run, ledger, filters)
        total = ledger.count(f)
        if limit is None and fmt is Format.table:
            limit = max(5, shutil.get_terminal_size().lines - 8)  # a screenful
        records = [to_record(p, reveal=reveal) for p in ledger.find(f, limit=limit)]
        if f.carried_over is not None:  # 积案: days since receipt at the period's start
            for record in records:
                record["age_days"] = (f.carried_over - date.fromisoformat(record["received_on"])).days
        if reveal:
            record_reveal(ledger, run, None, f"list: {len(records)} case(s); {describe(filters)}")
    if fmt is Format.json:
        output.write_json(records)
    elif fmt is Format.csv:
        from guside_cli.core.model import CANONICAL_FIELDS

        ages = ["age_days"] if f.carried_over is not None else []
        output.write_csv_records(records, ["id", *CANONICAL_FIELDS, *ages])
    else:
        width = shutil.get_terminal_size().columns if fmt is Format.table else None
        headers, rows, short, squeeze = list_rows(records, run.lang, width)
        output.print_table(headers, rows, fmt, short_headers=short, squeeze=squeeze)
        more = total - len(records)
        if more > 0:
            typer.echo(text("case.more", run.lang, more=more, total=total), err=fmt is not Format.table)
        elif fmt is Format.table:
            typer.echo(text("case.total", run.lang, total=total))
