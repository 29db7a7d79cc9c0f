"""Output formats and the writers behind them. Rich and tabulate are imported only when used."""

import re
import sys
from enum import StrEnum
from typing import IO, Any

from guside_cli.core.errors import InputError
from guside_cli.messages import M


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
    headers: list[str],
    rows: list[list[Any]],
    fmt: Format,
    *,
    title: str | None = None,
    out: IO[str] | None = None,
    short_headers: list[str] | None = None,
    squeeze: tuple[int, ...] = (),
) -> None:
    out = out or sys.stdout
    if fmt is Format.table:
        target = console(out)
        target.print(
            fitted_table(headers, rows, target.width, title=title, short_headers=short_headers, squeeze=squeeze)
        )
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

        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(headers)
        writer.writerows(rows)
    else:
        raise InputError(M("output.format_unavailable", format=fmt.value))


# --- tables that fit -------------------------------------------------------------------------------------------
# A case number, a date, a percentage, a count or a verdict is never split over two lines: such a cell keeps its
# whole width. Free text (a subject, a note) takes the squeeze and is cut with …; its full text is in `show` and
# JSON. Headers may be abbreviated (short_headers) or folded. The frame gets lighter as the screen narrows.
_ATOMIC = re.compile(r"[-+]?[\d.,:%/ ]+|\d{4}-\S*|\d{4}-\d\d-\d\d[ T][\d:.+]+|[✓✗—-]\s?\S{0,5}|\S{1,5}")
_FREE_TEXT_MIN = 8  # a squeezed text column keeps at least this many columns
# (box name, show_edge, padding): overhead per n columns
_FRAMES = (("HEAVY_HEAD", True, 1), ("SIMPLE_HEAD", False, 1), ("SIMPLE_HEAD", False, 0))


def _overhead(frame: tuple[str, bool, int], n: int) -> int:
    _, edge, pad = frame
    return (n - 1) + 2 * pad * n + (2 if edge else -2 * pad)  # dividers, padding, edges (no edge: no outer pad)


def cell_style(value: str) -> str | None:
    """Verdicts in colour on a terminal (rich drops colour for pipes and NO_COLOR): 未达标/超期 red, 达标 green,
    预警 yellow."""
    if "未达标" in value or "✗" in value or "超期" in value or "overdue" in value or "not met" in value:
        return "red"
    if "预警" in value or "warning" in value:
        return "yellow"
    if "达标" in value or "✓" in value or value == "met":
        return "green"
    return None


def fitted_table(
    headers: list[str],
    rows: list[list[Any]],
    width: int,
    *,
    title: str | None = None,
    short_headers: list[str] | None = None,
    squeeze: tuple[int, ...] = (),
    wrap_free: bool = False,
):
    """A rich Table whose atomic cells never wrap at `width` columns; free text is cut with … to fit, or with
    `wrap_free` (a case file, whose text must be read whole) folded onto more lines."""
    from rich import box
    from rich.table import Table
    from rich.text import Text
    from wcwidth import wcswidth

    cells = [["" if v is None else str(v).replace("\n", " ") for v in row] for row in rows]
    n = len(headers)

    def measure(text: str) -> int:
        return max(wcswidth(text), 0)

    content = [max([measure(r[i]) for r in cells] or [0]) for i in range(n)]
    free = [i in squeeze or any(measure(r[i]) > 10 and not _ATOMIC.fullmatch(r[i]) for r in cells) for i in range(n)]
    # a free column that folds still keeps its numbers and dates whole
    atomic = [max([measure(r[i]) for r in cells if _ATOMIC.fullmatch(r[i])] or [0]) for i in range(n)]
    least_free = [max(_FREE_TEXT_MIN, min(atomic[i], 16)) if wrap_free else _FREE_TEXT_MIN for i in range(n)]
    names = list(headers)

    def base(names: list[str], fold: bool) -> list[int]:
        """Each column's least width: atomic cells whole, free text at least _FREE_TEXT_MIN, the header whole
        or (fold) on two lines."""
        return [
            max(
                min(content[i], least_free[i]) if free[i] else content[i],
                (measure(names[i]) + 1) // 2 if fold else measure(names[i]),
            )
            for i in range(n)
        ]

    # the lightest change that fits: the full frame before a lighter one, whole headers before short or folded
    tries = [(frame, names, fold) for fold in (False, True) for frame in _FRAMES for names in (headers, short_headers)]
    frame, names, widths = _FRAMES[-1], list(short_headers or headers), base(short_headers or headers, True)
    for try_frame, try_names, fold in tries:
        if try_names is None:
            continue
        least = base(try_names, fold)
        if sum(least) + _overhead(try_frame, n) <= width:
            frame, names, widths = try_frame, list(try_names), least
            break
    room = width - _overhead(frame, n)
    # what is left widens folded headers back to one line, then free text up to its length, widest first
    for i in range(n):
        grow = min(measure(names[i]) - widths[i], room - sum(widths))
        widths[i] += max(grow, 0)
    for i in sorted((i for i in range(n) if free[i]), key=lambda i: content[i], reverse=True):
        grow = min(content[i] - widths[i], room - sum(widths))
        widths[i] += max(grow, 0)
    box_name, edge, pad = frame
    table = Table(
        title=title,
        box=getattr(box, box_name),
        show_edge=edge,
        pad_edge=edge,
        padding=(0, pad),
        header_style="bold",
        show_lines=False,
    )
    for i, name in enumerate(names):
        # the column wraps (its header folds); each cell is one line, cut with … only where it is free text
        table.add_column(Text(name, overflow="fold"), width=widths[i], overflow="fold")
    for row in cells:
        table.add_row(
            *(
                Text(value, style=cell_style(value) or "", overflow="fold")
                if wrap_free and free[i]
                else Text(value, style=cell_style(value) or "", no_wrap=True, overflow="ellipsis")
                for i, value in enumerate(row)
            )
        )
    return table


def pager(target, enabled: bool):
    """Long output through the user's pager on a terminal (rich's pager; `less -R` keeps the colours)."""
    import contextlib
    import os

    if not enabled or not target.is_terminal:
        return contextlib.nullcontext()
    os.environ.setdefault("LESS", "-FRX")  # quit when it fits one screen, keep colours, leave the text on screen
    return target.pager(styles=True)


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
