"""Output formats and the writers behind them. Rich and tabulate are imported only when used."""

import sys
from enum import StrEnum
from typing import IO, Any

from guside_cli.core.errors import InputError


class Format(StrEnum):
    auto = "auto"  # a rich table on a terminal, plain aligned text when piped
    table = "table"
    text = "text"
    csv = "csv"
    json = "json"
    markdown = "markdown"


def resolve(fmt: Format, stream: IO[str] | None = None) -> Format:
    if fmt is not Format.auto:
        return fmt
    stream = stream or sys.stdout
    return Format.table if stream.isatty() else Format.text


def console(stream: IO[str] | None = None, *, stderr: bool = False):
    from rich.console import Console

    # markup and highlighting off: stored text (subjects, names) must print exactly as typed
    return Console(file=stream, stderr=stderr, highlight=False, markup=False, emoji=False, soft_wrap=False)


def print_table(
    headers: list[str], rows: list[list[Any]], fmt: Format, *, title: str | None = None, out: IO[str] | None = None
) -> None:
    out = out or sys.stdout
    if fmt is Format.table:
        from rich.table import Table

        table = Table(title=title, show_lines=False, header_style="bold")
        for header in headers:
            table.add_column(header, overflow="fold")
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        console(out).print(table)
    elif fmt is Format.text:
        from tabulate import tabulate

        if title:
            out.write(title + "\n")
        out.write(
            tabulate(
                [["" if v is None else v for v in row] for row in rows],
                headers=headers,
                tablefmt="simple",
                disable_numparse=True,
            )
            + "\n"
        )
    elif fmt is Format.csv:
        import csv

        from guside_cli.interchange.cells import cells

        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(cells(list(headers)))
        writer.writerows(cells(list(row)) for row in rows)
    else:
        raise InputError(f"format {fmt.value} is not available here: use table, text or csv")


def write_json(data: Any, out: IO[str] | None = None) -> None:
    import json

    out = out or sys.stdout
    json.dump(data, out, ensure_ascii=False, indent=2, default=str)
    out.write("\n")


def write_csv_records(records: list[dict[str, Any]], fields: list[str], out: IO[str] | None = None) -> None:
    """Machine CSV: canonical headers, stored codes; lists joined with ';'."""
    import csv

    from guside_cli.interchange.cells import cells

    out = out or sys.stdout
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    for record in records:
        writer.writerow(cells([record.get(name) for name in fields]))


def md_rows(rows) -> list[list[str]]:
    """Table rows for markdown: `|` escaped, `<` and `>` as entities, line breaks as spaces, so a stored text
    can neither break the table nor inject HTML where the markdown is rendered."""
    return [[md_cell(v) for v in row] for row in rows]


def md_cell(value: Any) -> str:
    text = "" if value is None else str(value)
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|")
        .replace("\r\n", " ")
        .replace("\n", " ")
        .replace("\r", " ")
    )
