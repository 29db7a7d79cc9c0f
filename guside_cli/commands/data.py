"""Data in and out: `import`, `export`, `publish` (the public list), `backup`, `check`."""

import sys
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
) -> None:
    """Import an existing ledger (台账): columns matched by English or Chinese header, all rows or none.

    Example: guside import 2017台账.csv --dry-run
    """
    from guside_cli.commands._load import register_rows
    from guside_cli.interchange.readers import open_source

    run = run_of(ctx)
    source, rows = open_source(file, fmt, encoding)
    with open_ledger(run, create=not dry_run) as ledger, _progress(source) as tick:
        result = register_rows(
            ledger, rows, run, update=update, new_villages=new_villages, dry_run=dry_run, progress=tick
        )
    if source.unknown:
        typer.echo(f"Note: columns not used: {', '.join(source.unknown)}", err=True)
    for row, problem in result.problems:
        field = "received_on" if problem.field == "received" else problem.field
        column = source.columns.get(field, field)
        typer.echo(f"Error: {file.name} row {row}, column {column}: {problem.message}", err=True)
    if result.problems:
        raise fail(
            f"{len(result.problems)} problem(s) in {file.name}: nothing was imported; correct the rows "
            "above and import again",
            2,
        )
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


class _progress:
    """A rich progress bar on stderr while a large file is read, when stderr is a terminal."""

    def __init__(self, source):
        self.source, self.bar = source, None

    def __enter__(self):
        if not sys.stderr.isatty() or self.source.position is None:
            return None
        from rich.progress import Progress

        from guside_cli.render.output import console

        self.bar = Progress(transient=True, console=console(stderr=True))
        self.bar.start()
        task = self.bar.add_task(self.source.path.name, total=self.source.size)

        def tick(row: int) -> None:
            if row % 2000 == 0:
                self.bar.update(task, completed=self.source.position())

        return tick

    def __exit__(self, *exc):
        if self.bar:
            self.bar.stop()


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
    year: opt.Year = None,
    start: opt.DateFrom = None,
    end: opt.DateTo = None,
    village: opt.Village = None,
    level: opt.Level = None,
    status: opt.Status = None,
) -> None:
    """Export cases: the office's complete record (it imports back whole), or a --redact copy.

    Canonical headers (or --headers zh). Cells that would run as spreadsheet formulas are neutralised.

    Example: guside export --format xlsx --out 台账2018.xlsx --year 2018 --headers zh
    """
    from guside_cli.core.records import export_values
    from guside_cli.interchange import writers
    from guside_cli.interchange.headers import EXPORT_FIELDS, header_for
    from guside_cli.services.cases import build_filter

    run = run_of(ctx)
    if fmt not in ("csv", "xlsx", "json", "jsonl") or headers not in ("en", "zh"):
        raise InputError("--format takes csv, xlsx, json or jsonl, and --headers en or zh")
    if fmt == "xlsx" and out is None:
        raise InputError("an .xlsx export needs --out FILE")
    fields = list(EXPORT_FIELDS)
    names = [header_for(f, headers) for f in fields]
    notice = REDACTION_NOTICE if redact else None
    with open_ledger(run) as ledger:
        f = build_filter(
            run, ledger, dict(year=year, start=start, end=end, village=village, level=level, status=status)
        )
        rows = (export_values(EXPORT_FIELDS, row, redact=redact) for row in ledger.export_rows(f))
        if fmt == "xlsx":
            count = writers.write_xlsx(out, names, rows, notice=notice)
        else:
            write = {"csv": writers.write_csv, "json": writers.write_json, "jsonl": writers.write_jsonl}[fmt]
            text_encoding = encoding if fmt == "csv" else "utf-8"
            if out is None:
                count = write(sys.stdout, names, rows, notice=notice)
            else:
                with writers.atomic_file(out, encoding=text_encoding) as stream:
                    count = write(stream, names, rows, notice=notice)
    if out is not None:
        say(
            run,
            f"已导出 {count} 件到 {out}" + ("（已脱敏）" if redact else ""),
            f"Exported {count} cases to {out}" + (" (redacted)" if redact else ""),
        )


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
    from guside_cli.render import public
    from guside_cli.services.cases import build_filter
    from guside_cli.storage.settings import get_setting

    run = run_of(ctx)
    if fmt not in ("markdown", "csv", "html", "json"):
        raise InputError("--format takes markdown, csv, html or json")
    with open_ledger(run) as ledger:
        chosen = build_filter(run, ledger, {"year": year})
        if selected:
            from dataclasses import replace

            chosen = replace(chosen, exposed_by=run.today)
        records = [public_record(p) for p, _ in ledger.export(chosen)]
        town = get_setting(ledger, "town.name")
        paid = ledger.rewards(*year_bounds(year)) if year else ledger.rewards(date(1900, 1, 1), date(9999, 12, 31))
    rewards = {"count": len(paid), "total": str(sum((Decimal(r["amount"]) for r in paid), Decimal(0)))}
    text = public.render(records, fmt, town=town, year=year, lang=run.lang, rewards=rewards)
    if out is None:
        typer.echo(text, nl=False)
        return
    from guside_cli.interchange.files import atomic_write_text

    atomic_write_text(out, text)
    if selected:
        from guside_cli.commands._common import writing

        with open_ledger(run) as ledger, writing(ledger, run):
            ledger.mark_published(run.today)
    say(run, f"公开清单 {len(records)} 件已写入 {out}", f"Public list of {len(records)} cases written to {out}")


def backup(
    ctx: typer.Context,
    dest: Annotated[Path, typer.Argument(help="The backup file to write")],
    force: Annotated[bool, typer.Option("--force", help="Replace DEST if it exists")] = False,
) -> None:
    """A consistent copy of the ledger while other desks may be writing (SQLite's online backup), mode 0600.

    Example: guside backup /mnt/usb/guside-$(date +%F).db
    """
    run = run_of(ctx)
    if dest.exists() and not force:
        raise InputError(f"{dest} exists: pass --force to replace it")
    with open_ledger(run) as ledger:
        pages = ledger.backup_to(dest)
    say(run, f"已备份到 {dest}（{pages} 页）", f"Backed up to {dest} ({pages} pages)")


def check(
    ctx: typer.Context,
    elements: Annotated[bool, typer.Option("--elements", help="List cases missing the plan's 建档 elements")] = False,
    fmt: opt.OutputFormat = Format.auto,
) -> None:
    """Check the ledger (integrity, foreign keys, schema, history chain), or with --elements the 建档 to-do.

    With --elements, the cases missing any registration element (cause, responsible unit, forecast; key
    persons for groups of 5+), so the 排查 stage ends with an empty list. Exits 1 when anything is wrong or
    missing (cron, monitoring).

    Example: guside check || mail -s "guside ledger check failed" office@example
    """
    from guside_cli.render import output

    run = run_of(ctx)
    with open_ledger(run) as ledger:
        if elements:
            _missing_elements(ledger.missing_elements(), run, fmt)
            return
        findings = ledger.check()
    fmt = output.resolve(fmt)
    if fmt is Format.json:
        output.write_json(findings)
    else:
        headers = ["检查项", "结果", "说明"] if run.lang == "zh" else ["check", "result", "detail"]
        output.print_table(headers, [[f["check"], "ok" if f["ok"] else "FAILED", f["detail"]] for f in findings], fmt)
    if not all(f["ok"] for f in findings):
        raise typer.Exit(code=1)


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
