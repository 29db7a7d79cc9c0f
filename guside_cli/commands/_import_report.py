"""What `import` needs beside loading: the office's mappings (`--map`, `--rules`, `--sheet`, `--year`) turned into
reading options, and the report of what was read, skipped and left out."""

from pathlib import Path
from typing import Any

import typer

from guside_cli.messages import M, language


def read_options(maps: list[str], rules_file: Path | None, sheets: list[str], year: int | None, encoding: str | None):
    """(ReadOptions, encoding): a rules file first, then each `--map` over it; options given on the command line
    win over the file's."""
    from guside_cli.interchange.readers import ReadOptions
    from guside_cli.interchange.rules import Rules, add_map, load_rules
    from guside_cli.interchange.values import Values

    rules = load_rules(rules_file) if rules_file else Rules()
    for given in maps:
        add_map(rules, given)
    options = ReadOptions(
        columns=rules.columns, values=Values(rules.values, year or rules.year), sheets=sheets or rules.sheets
    )
    return options, encoding or rules.encoding


def _rows(rows: list[int]) -> str:
    """Row numbers, runs joined: 5, 9–12, 130; a workbook's rows with their sheet: 2017!75, 2018!9–12."""
    parts: list[str] = []
    start = prev = None
    for row in [*rows, None]:
        if row is not None and prev is not None and row == prev + 1:
            prev = row
            continue
        if start is not None:
            parts.append(str(start) if start == prev else f"{start}–{getattr(prev, 'row', prev)}")
        start = prev = row
    return ", ".join(parts)


def notes(source) -> list[str]:
    """What the reading found, one line each: where the header was, rows skipped and why, columns ignored."""
    lines = []
    sheet = str(M("files.sheet", sheet=source.sheet)) if source.sheet else ""
    if len(source.read) > 1:  # a workbook read sheet by sheet
        for name, first, last, count in source.read:
            row = f"{first}–{last}" if first != last else str(last)
            lines.append(str(M("sheets.read_sheet", file=source.path.name, sheet=name, row=row, rows=count)))
    elif source.format not in ("json", "jsonl"):
        first, last = source.header_first or source.header_row, source.header_row
        row = f"{first}–{last}" if first != last else str(last)
        lines.append(str(M("files.read", file=source.path.name, sheet=sheet, row=row, rows=source.rows)))
    if source.left:
        left = ("、" if language() == "zh" else ", ").join(name + why for name, why in source.left)
        lines.append(str(M("sheets.left", sheets=left)))
    skipped = source.skipped
    if any(skipped.values()):
        detail = ("；" if language() == "zh" else "; ").join(
            str(M(f"files.skip_{kind}", rows=_rows(rows))) for kind, rows in sorted(skipped.items()) if rows
        )
        lines.append(str(M("files.skipped", count=sum(len(r) for r in skipped.values()), detail=detail)))
    if source.hidden_rows:
        lines.append(str(M("sheets.hidden_rows", rows=_rows(source.hidden_rows))))
    if source.approximate:
        items = "、".join(
            str(M("sheets.approximate_one", text=text, rows=_rows(rows))) for text, rows in source.approximate.items()
        )
        lines.append(str(M("sheets.approximate", items=items)))
    if source.due_earlier:
        lines.append(str(M("sheets.due_earlier", rows=_rows(source.due_earlier))))
    if source.received_from:
        lines.append(str(M("files.accepted_as_received", header=source.received_from)))
    if source.ignored:
        lines.append(str(M("files.ignored", columns=_some(source.ignored))))
    if source.unterminated is not None:
        lines.append(str(M("files.unterminated", file=source.path.name, row=source.unterminated[0])))
    return lines


def unused(source) -> list[str]:
    """The columns not imported, once, with the file's header row and the closest fields (a warning)."""
    from guside_cli.interchange.headers import closest

    lines = []
    if source.unknown:
        shown = []
        for header in list(source.unknown)[:SHOWN_COLUMNS]:
            near = closest(header)
            shown.append(str(M("files.closest", header=header, fields=", ".join(near))) if near else header)
        columns = _some(shown, len(source.unknown))
        header = _some([h for h in source.header if h], sep=" | ")
        first, last = source.header_first or source.header_row, source.header_row
        row = f"{first}–{last}" if first != last else str(last)
        lines.append(str(M("files.unused_columns", columns=columns, row=row, header=header)))
    return lines


SHOWN_COLUMNS = 20  # a header of 200,000 columns is named by its first few and its count, not 3 MB of text


def _some(items, total: int | None = None, sep: str = "、") -> str:
    """The first SHOWN_COLUMNS items, each cut to 40 characters, and how many more there are."""
    items = list(items)
    total = len(items) if total is None else total
    shown = sep.join(item if len(item) <= 40 else item[:39] + "…" for item in items[:SHOWN_COLUMNS])
    if total > SHOWN_COLUMNS:
        shown += str(M("guard.more_columns", count=total))
    return shown


def echo_notes(lines: list[str], *, err: bool) -> None:
    for line in lines:
        typer.echo(line, err=err)


def villages_added(result) -> list[str]:
    return [str(M("files.village_added", name=name, row=row)) for name, row in result.village_rows.items()]


CODED = ("form", "level", "source", "pollution", "status", "outcome", "satisfaction")
EXAMPLES = {"status": "已转办=closed", "level": "区级=county", "form": "来电=phone", "source": "信访局=superior"}


def value_hint(problems, columns: dict[str, str]) -> str | None:
    """Once, for the first coded column holding an unknown word: how to map it."""
    for _, problem in problems:
        message = problem.message  # an unknown word: by its id, or by the English wording of an older message
        unknown = getattr(message, "id", None) == "enum.unknown" or "unknown" in (
            message.render("en") if isinstance(message, M) else str(message)
        )
        if problem.field in CODED and unknown:
            field = problem.field
            example = EXAMPLES.get(field, "词=code")
            return str(M("files.value_hint", column=columns.get(field, field), field=field, example=example))
    return None


def village_hint(problems) -> str | None:
    """Once, when the ledger does not know a village a row names: --new-villages registers the file's own (said
    as a flag to add to the same command: a command written out here would lose its --db, --map or --year)."""
    if any(getattr(problem.message, "id", None) == "village.unknown" for _, problem in problems):
        return str(M("files.village_hint"))
    return None


def grouped(problems: list) -> list[tuple[list[int], Any]]:
    """The same problem on many rows (a village the ledger does not know, on every row of a file) said once with
    its rows, in the order problems were found first: a million-row file need not print a million lines."""
    groups: dict[tuple[str, str], tuple[list[int], Any]] = {}
    for row, problem in problems:
        key = (problem.field, str(problem.message))
        if key not in groups:
            groups[key] = ([], problem)
        groups[key][0].append(row)
    return list(groups.values())


def rows_text(rows: list[int], most: int = 8) -> str:
    """One row as its number; many as their runs (5、9–12、130), the first `most` runs and how many rows in all."""
    lang = language()
    parts = _rows(rows).split(", ")
    shown = ("、" if lang == "zh" else ", ").join(parts[:most]) + ("…" if len(parts) > most else "")
    if len(parts) > most:
        shown += str(M("import.rows_in_all", count=len(rows)))
    return shown


def problem_line(source, row: "int | str", problem) -> str:
    """One problem of the file, after the error prefix, at its row and (when it is about one) the file's column
    for it. A message not yet in the catalogue is English: its line is English too, never a mixed one."""
    from guside_cli.core.records import field_label
    from guside_cli.messages import text

    lang = language() if isinstance(problem.message, M) else "en"
    name = source.path.name
    if problem.field == "row":
        line = text("import.problem_row", lang, file=name, row=row, problem=problem.message)
    else:
        field = "received_on" if problem.field == "received" else problem.field
        column = source.columns.get(field) or field_label(field, lang)
        line = text("import.problem", lang, file=name, row=row, column=column, problem=problem.message)
    return text("error.prefix", lang) + line


def duplicates(result) -> list[str]:
    """The rows left out as cases already in the ledger (a file without numbers imported again)."""
    if not result.duplicate_rows:
        return []
    return [str(M("import.duplicates", rows=_rows(result.duplicate_rows)))]


def summary(file: str, result, *, dry_run: bool) -> str:
    verb = str(M("import.checked" if dry_run else "import.imported"))
    names = ("、" if language() == "zh" else ", ").join(result.villages_added)
    again = len(result.duplicate_rows)
    return str(
        M(
            "import.done",
            file=file,
            verb=verb,
            written=result.written,
            updated=result.updated,
            skipped=result.skipped,
            duplicates=str(M("import.done_duplicates", count=again)) if again else "",
            villages=str(M("import.done_villages", names=names)) if names else "",
        )
    )
