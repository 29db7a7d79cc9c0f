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


class ReportFormat(StrEnum):
    """The report's formats: the shared ones, and the page and the Word document with charts."""

    auto = "auto"
    table = "table"
    text = "text"
    csv = "csv"
    json = "json"
    markdown = "markdown"
    html = "html"
    docx = "docx"


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

        from guside_cli.interchange.cells import cells

        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(cells(list(headers)))
        writer.writerows(cells(list(row)) for row in rows)
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


def _two_lines(header: str) -> int:
    """The narrowest width at which a header folds onto two lines at most (a CJK character is never halved)."""
    from wcwidth import wcwidth

    widths = [max(wcwidth(ch), 0) for ch in header]
    total = sum(widths)
    for width in range((total + 1) // 2, total + 1):
        lines, used = 1, 0
        for w in widths:
            if used + w > width:
                lines, used = lines + 1, 0
            used += w
        if lines <= 2:
            return width
    return total


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

    def texty(i: int, longer_than: int) -> bool:
        return i in squeeze or any(measure(r[i]) > longer_than and not _ATOMIC.fullmatch(r[i]) for r in cells)

    # a free column that folds still keeps its numbers and dates whole
    atomic = [max([measure(r[i]) for r in cells if _ATOMIC.fullmatch(r[i])] or [0]) for i in range(n)]
    least_free = [max(_FREE_TEXT_MIN, min(atomic[i], 16)) if wrap_free else _FREE_TEXT_MIN for i in range(n)]

    def base(names: list[str], fold: bool, free: list[bool]) -> list[int]:
        """Each column's least width: atomic cells whole, free text at least _FREE_TEXT_MIN, the header whole
        or (fold) on two lines."""
        return [
            max(
                min(content[i], least_free[i]) if free[i] else content[i],
                _two_lines(names[i]) if fold else measure(names[i]),
            )
            for i in range(n)
        ]

    # the lightest change that fits: long text cut before short labels; the full frame before a lighter one;
    # whole headers before short ones, folded ones last — and folded ones whenever that leaves text more room
    choices = [[texty(i, 14) for i in range(n)], [texty(i, 10) for i in range(n)]]
    free = choices[-1]
    frame, names, widths = _FRAMES[-1], list(short_headers or headers), base(short_headers or headers, True, free)
    for try_free in choices:
        best = []  # per frame that fits: (good enough, room, frame, names, widths)
        for try_frame in _FRAMES:
            # whole headers, short headers, then folded ones: the first that leaves the text uncut, else the one
            # that leaves it the most room
            fitting = []
            for fold, try_names in ((False, headers), (False, short_headers), (True, short_headers), (True, headers)):
                if try_names is not None:
                    least = base(try_names, fold, try_free)
                    room = width - _overhead(try_frame, n) - sum(least)
                    if room >= 0:
                        fitting.append((room, list(try_names), least))
            if not fitting:
                continue
            cut = [sum(max(content[i] - f[2][i], 0) for i in range(n) if try_free[i]) for f in fitting]
            uncut = [f for f, c in zip(fitting, cut, strict=True) if f[0] >= c]
            room, try_names, least = uncut[0] if uncut else max(fitting, key=lambda f: f[0])
            # a lighter frame is worth it when the text would otherwise be cut to a stub
            good = bool(uncut) or room >= 2 * _FREE_TEXT_MIN or not any(try_free)
            best.append((good, room, try_frame, try_names, least))
            if good:
                break
        if best:
            chosen = next((b for b in best if b[0]), None) or max(best, key=lambda b: b[1])
            _, _, frame, names, widths = chosen
            free = try_free
            break
    room = width - _overhead(frame, n)

    # what is left unfolds headers one or two columns short of one line, then goes to the cut text up to its
    # length, widest first, then unfolds the other headers (whole, or not at all: no ragged fold)
    def unfold(most: int) -> None:
        for i in range(n):
            short_by = measure(names[i]) - widths[i]
            if 0 < short_by <= min(most, room - sum(widths)):
                widths[i] += short_by

    unfold(2)
    for i in sorted((i for i in range(n) if free[i]), key=lambda i: content[i], reverse=True):
        widths[i] += max(min(content[i] - widths[i], room - sum(widths)), 0)
    unfold(width)
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
