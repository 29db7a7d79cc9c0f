"""Data in and out: `import`, `export`, `publish` (the public list), `backup`, `check`."""

from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer

from guside_cli.commands import _options as opt
from guside_cli.commands._common import fail, guarded, open_ledger, run_of, say
from guside_cli.core.errors import InputError
from guside_cli.render.output import Format

PERSONAL = ("petitioner", "phone", "id_number", "key_persons")
REDACTION_NOTICE = "已脱敏副本：信访人、电话、身份证号、重点人员已遮蔽 (redacted copy: personal fields masked)"


def register(app: typer.Typer) -> None:
    for name, fn in (
        ("import", import_file),
        ("export", export),
        ("publish", publish),
        ("backup", backup),
        ("check", check),
    ):
        app.command(name)(guarded(fn))


def import_file(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A 台账 as .csv, .xlsx, .json or .jsonl")],
    fmt: Annotated[str | None, typer.Option("--format", "-f", help="csv|xlsx|json|jsonl [from the extension]")] = None,
    encoding: Annotated[str | None, typer.Option("--encoding", help="Force one: utf-8, gb18030… [detected]")] = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Check everything, write nothing")] = False,
    update: Annotated[
        bool, typer.Option("--update", help="Correct cases whose number is already in the ledger")
    ] = False,
    new_villages: Annotated[bool, typer.Option("--new-villages", help="Add villages not in the ledger's list")] = False,
    sheet: Annotated[str | None, typer.Option("--sheet", help="Excel: the sheet, by name or number [found]")] = None,
    maps: Annotated[
        list[str] | None,
        typer.Option("--map", help="'HEADER=FIELD' (a column) or 'FIELD:VALUE=CODE' (a value); repeatable"),
    ] = None,
    rules: Annotated[
        Path | None, typer.Option("--rules", help="A TOML file of the same mappings, kept for the office's file")
    ] = None,
    year: Annotated[int | None, typer.Option("--year", help="The year of dates written without one (6月7日)")] = None,
) -> None:
    """Import an existing ledger (台账): columns matched by English or Chinese header, all rows or none.

    The header row is found below any title lines; 序号, blank rows and 合计/小计 rows are skipped and counted.
    Columns guside does not know are reported with the closest fields: map them with --map or --rules.

    Example: guside import 台账示例_2017_2018.xlsx --dry-run
    """
    from guside_cli.commands import _import_report as report
    from guside_cli.commands._load import register_rows
    from guside_cli.interchange.readers import open_source
    from guside_cli.render.progress import Bar

    run = run_of(ctx)
    options, encoding = report.read_options(maps or [], rules, sheet, year, encoding)
    source, rows = open_source(file, fmt, encoding, options)
    bar = Bar(file.name, total=lambda: source.size, done=lambda: source.position() if source.position else 0)
    with _dry_ledger(run, dry_run) as run, open_ledger(run, create=not dry_run) as ledger, bar:
        result = register_rows(
            ledger, rows, run, update=update, new_villages=new_villages, dry_run=dry_run, progress=bar.tick
        )
    notes = report.notes(source)
    report.echo_notes(report.unused(source), err=True)
    for row, problem in result.problems:
        field = "received_on" if problem.field == "received" else problem.field
        column = source.columns.get(field, field)
        typer.echo(f"Error: {file.name} row {row}, column {column}: {problem.message}", err=True)
    if result.problems:
        hints = [report.yearless_hint(options.values), report.value_hint(result.problems, source.columns)]
        report.echo_notes([h for h in hints if h], err=True)
        raise fail(
            f"{len(result.problems)} problem(s) in {file.name}: nothing was imported; correct the rows "
            "above and import again",
            2,
        )
    report.echo_notes(notes + report.villages_added(result), err=False)
    verb = (
        ("检查通过（未写入）" if run.lang == "zh" else "checked (nothing written)")
        if dry_run
        else ("已导入" if run.lang == "zh" else "imported")
    )
    say(
        run,
        f"{file.name}：{verb} {result.written} 件，更正 {result.updated} 件，跳过已有编号 {result.skipped} 件"
        + (f"，新增属地 {'、'.join(result.villages_added)}" if result.villages_added else ""),
        f"{file.name}: {verb} {result.written}, updated {result.updated}, skipped (number already there) "
        f"{result.skipped}" + (f", new villages {', '.join(result.villages_added)}" if result.villages_added else ""),
    )


@contextmanager
def _dry_ledger(run, dry_run: bool):
    """A dry run before there is a ledger (an office's first look at its 台账) checks against a new, empty one
    with the town's villages, in a temp folder, removed at the end: nothing is left behind."""
    if not dry_run or run.db.exists():
        yield run
        return
    import dataclasses
    import tempfile

    from guside_cli.storage.ledger import Ledger

    with tempfile.TemporaryDirectory(prefix="guside-dry-run-") as folder:
        trial = dataclasses.replace(run, db=Path(folder) / "ledger.db")
        Ledger.open(trial.db, create=True).close()
        yield trial


def export(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv|xlsx|json|jsonl")] = "csv",
    out: Annotated[
        Path | None, typer.Option("--out", help="File to write (atomically) [stdout; needed for xlsx]")
    ] = None,
    headers: Annotated[str, typer.Option("--headers", help="en (canonical) or zh")] = "en",
    redact: Annotated[
        bool, typer.Option("--redact", help="Mask personal data, for a copy that leaves the office")
    ] = False,
    encoding: Annotated[str, typer.Option("--encoding", help="CSV: utf-8-sig (Excel) or gb18030")] = "utf-8-sig",
    excel: Annotated[
        bool, typer.Option("--excel", help='CSV: phone and ID numbers as ="0139…", kept as text by Excel')
    ] = False,
    year: opt.Year = None,
    start: opt.DateFrom = None,
    end: opt.DateTo = None,
    village: opt.Village = None,
    level: opt.Level = None,
    status: opt.Status = None,
) -> None:
    """Export cases: the office's complete record (it imports back whole), or a --redact copy.

    Canonical headers and codes (or --headers zh: Chinese headers and labels). Cells that would run as
    spreadsheet formulas are neutralised. Excel files get date cells, a frozen filtered header and a 说明 sheet.

    Example: guside export --format xlsx --out 台账2018.xlsx --year 2018 --headers zh
    """
    from guside_cli.core.records import export_values
    from guside_cli.interchange import writers
    from guside_cli.interchange.headers import EXPORT_FIELDS, header_for
    from guside_cli.interchange.labels import labeller
    from guside_cli.messages import M
    from guside_cli.render.progress import Bar
    from guside_cli.services.cases import build_filter

    run = run_of(ctx)
    if fmt not in ("csv", "xlsx", "json", "jsonl") or headers not in ("en", "zh"):
        raise InputError("--format takes csv, xlsx, json or jsonl, and --headers en or zh")
    if fmt == "xlsx" and out is None:
        raise InputError("an .xlsx export needs --out FILE")
    if excel and fmt != "csv":
        raise InputError(M("files.excel_needs_csv"))
    from guside_cli.interchange import outfile

    if not outfile.is_stdout(out):
        outfile.target(out, ledger=run.db)  # refused before the ledger is even read
    fields = list(EXPORT_FIELDS)
    names = [header_for(f, headers) for f in fields]
    notice = REDACTION_NOTICE if redact else None
    label = labeller(fields, headers) if fmt in ("csv", "xlsx") else None
    chosen = dict(year=year, start=start, end=end, village=village, level=level, status=status)
    with open_ledger(run, sound=True) as ledger, Bar(str(out or "export"), total=lambda: ledger.count(f)) as bar:
        f = build_filter(run, ledger, chosen)
        rows = bar.wrap(export_values(EXPORT_FIELDS, row, redact=redact) for row in ledger.export_rows(f))
        if label:
            rows = map(label, rows)
        if fmt == "xlsx":
            about = _about(run, ledger, chosen, headers, notice)
            count = writers.write_xlsx(out, names, rows, notice=notice, fields=fields, about=about, ledger=run.db)
        else:
            write = {"csv": writers.write_csv, "json": writers.write_json, "jsonl": writers.write_jsonl}[fmt]
            extra = {"after": writers.excel_text(fields)} if excel else {}
            text_encoding = encoding if fmt == "csv" else "utf-8"
            with outfile.open_out(out, ledger=run.db, encoding=text_encoding) as stream:
                count = write(stream, names, rows, notice=notice, **extra)
    if not outfile.is_stdout(out):
        say(
            run,
            f"已导出 {count} 件到 {out}" + ("（已脱敏）" if redact else ""),
            f"Exported {count} cases to {out}" + (" (redacted)" if redact else ""),
        )


def _about(run, ledger, chosen: dict, headers: str, notice: str | None):
    """The 说明 sheet's lines: who exported what, when, with which filter and headers, and what was removed."""
    from guside_cli.core.dates import iso_timestamp
    from guside_cli.messages import text
    from guside_cli.storage.settings import get_setting

    lang = run.lang  # the sheet speaks the run's language, whatever the headers
    town = get_setting(ledger, "town.name")
    made = iso_timestamp(run.now)
    given = "，".join(f"{k}={v}" for k, v in chosen.items() if v is not None) or text("files.notes_all", lang)

    def about(count: int) -> list[tuple[str, str]]:
        lines = [
            (text("files.notes_town", lang), str(town or "")),
            (text("files.notes_made", lang), made),
            (text("files.notes_rows", lang), str(count)),
            (text("files.notes_filter", lang), given),
            (text("files.notes_headers", lang), text(f"files.notes_headers_{headers}", lang)),
        ]
        if notice:
            lines.append((text("files.notes_redacted", lang), notice))
        return [*lines, ("", text("files.notes_back", lang))]

    return about


def publish(
    ctx: typer.Context,
    year: opt.Year = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="markdown|csv|html|json")] = "markdown",
    out: Annotated[Path | None, typer.Option("--out", help="File to write (atomically) [stdout]")] = None,
    selected: Annotated[
        bool, typer.Option("--selected", help="Only the cases marked with `guside expose` and due by today")
    ] = False,
) -> None:
    """The public list (定时公开曝光), without any personal data.

    Number, village, enterprise, pollution, subject, responsible unit, the leader's title, status and date
    closed. No petitioner, phone, ID number or key person, ever; phone and
    ID numbers written inside the subject are masked. It ends with the count and total of rewards paid for
    reports that proved true (有奖举报), never who received them.

    With --selected, only the cases the office marked for exposure (`guside expose CASE --on DATE`) whose day
    has come; written with --out, they are recorded as published.

    Example: guside publish --year 2018 --format html --out 2018公示.html ; guside publish --selected --out 曝光.md
    """
    from datetime import date
    from decimal import Decimal

    from guside_cli.core.dates import year_bounds
    from guside_cli.core.records import public_record
    from guside_cli.interchange import outfile
    from guside_cli.render import public
    from guside_cli.services.cases import build_filter
    from guside_cli.storage.settings import get_setting

    run = run_of(ctx)
    if fmt not in ("markdown", "csv", "html", "json"):
        raise InputError("--format takes markdown, csv, html or json")
    if not outfile.is_stdout(out):
        outfile.target(out, ledger=run.db)
    with open_ledger(run, sound=True) as ledger:
        chosen = build_filter(run, ledger, {"year": year})
        if selected:
            from dataclasses import replace

            chosen = replace(chosen, exposed_by=run.today)
        records = [public_record(p) for p, _ in ledger.export(chosen)]
        town = get_setting(ledger, "town.name")
        paid = ledger.rewards(*year_bounds(year)) if year else ledger.rewards(date(1900, 1, 1), date(9999, 12, 31))
        head = ledger.head()
    rewards = {"count": len(paid), "total": str(sum((Decimal(r["amount"]) for r in paid), Decimal(0)))}
    from guside_cli.commands._common import with_anchor

    text = public.render(records, fmt, town=town, year=year, lang=run.lang, rewards=rewards)
    text = with_anchor(text, head, fmt)
    written = outfile.write_text(out, text, ledger=run.db, public=True)
    if selected:  # the cases exposed today are published: recorded, so the next run starts after them
        from guside_cli.commands._common import writing

        with open_ledger(run) as ledger, writing(ledger, run):
            ledger.mark_published(run.today)
    if not written:
        return
    say(run, f"公开清单 {len(records)} 件已写入 {out}", f"Public list of {len(records)} cases written to {out}")


def backup(
    ctx: typer.Context,
    dest: Annotated[Path, typer.Argument(help="The backup file to write")],
    force: Annotated[bool, typer.Option("--force", help="Replace DEST if it exists")] = False,
) -> None:
    """A consistent copy of the ledger while other desks may be writing (SQLite's online backup), mode 0600.

    Example: guside backup /mnt/usb/guside-$(date +%F).db
    """
    from guside_cli.core.text import shown
    from guside_cli.interchange import outfile

    run = run_of(ctx)
    outfile.target(dest, ledger=run.db)
    if dest.exists() and not force:
        raise InputError(f"{shown(dest)} exists: pass --force to replace it")
    with open_ledger(run) as ledger, outfile.temp_beside(dest, ledger=run.db) as temp:
        pages = ledger.backup_to(temp)
    say(run, f"已备份到 {dest}（{pages} 页）", f"Backed up to {dest} ({pages} pages)")


def check(
    ctx: typer.Context,
    elements: Annotated[bool, typer.Option("--elements", help="List cases missing the plan's 建档 elements")] = False,
    anchor: Annotated[
        str | None, typer.Option("--anchor", help="ROWS:HASH printed on an earlier report: fail if it no longer holds")
    ] = None,
    fmt: opt.OutputFormat = Format.auto,
) -> None:
    """Check the ledger (integrity, foreign keys, schema, history guards, chain and replay), or with --elements
    the 建档 to-do. Never writes: the file is opened read-only.

    The history is replayed against the tables: a case, step or reward changed outside guside is named. JSON
    output ends with the chain's head (rows, hash); summary, report and publish print it as 账本校验 ROWS:HASH,
    and `check --anchor ROWS:HASH` fails when the chain no longer holds that row with that hash (cut off or
    rewritten). With --elements, the cases missing any registration element. Exits 1 when anything is wrong.

    Example: guside check --anchor 1204:3fa9c2d1 || mail -s "guside ledger check failed" office@example
    """
    import sqlite3

    from guside_cli.render import output
    from guside_cli.storage.ledger import Ledger

    run = run_of(ctx)
    if elements:
        with open_ledger(run) as ledger:
            _missing_elements(ledger.missing_elements(), run, fmt)
        return
    if anchor is not None:
        from guside_cli.storage.verify import parse_anchor

        parse_anchor(anchor)
    try:
        with Ledger.open_read_only(run.db) as ledger:
            findings = ledger.check(anchor)
            findings.append({"check": "head", "ok": True, **_head(ledger.head())})
    except sqlite3.DatabaseError as e:
        findings = [{"check": "integrity", "ok": False, "detail": f"the file is damaged: {e}"}]
    fmt = output.resolve(fmt)
    if fmt is Format.json:
        output.write_json(findings)
    else:
        headers = ["检查项", "结果", "说明"] if run.lang == "zh" else ["check", "result", "detail"]
        output.print_table(headers, [[f["check"], "ok" if f["ok"] else "FAILED", f["detail"]] for f in findings], fmt)
    if not all(f["ok"] for f in findings):
        raise typer.Exit(code=1)


def _head(head: dict) -> dict:
    return {"detail": head["anchor"], "head": {"rows": head["rows"], "hash": head["hash"]}}


def _missing_elements(missing: list[dict], run, fmt: Format) -> None:
    from guside_cli.core.records import field_label
    from guside_cli.render import output

    fmt = output.resolve(fmt)
    if fmt is Format.json:
        output.write_json(missing)
    elif missing:
        headers = ["编号", "属地", "缺少要素"] if run.lang == "zh" else ["number", "village", "missing"]
        rows = [[m["number"], m["village"], "、".join(field_label(f, run.lang) for f in m["missing"])] for m in missing]
        output.print_table(headers, rows, fmt)
    else:
        say(run, "所有案件要素齐全", "every case has all its elements")
    if missing:
        raise typer.Exit(code=1)
