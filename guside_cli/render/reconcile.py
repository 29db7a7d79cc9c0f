"""A reconciliation shown: counts per village, then the three lists to work through; JSON whole; an .xlsx with a
sheet per list. Petitioners' names are masked everywhere (the match used them; the lists do not need them)."""

from pathlib import Path

import typer

from guside_cli.messages import text
from guside_cli.render.output import Format

LISTS = ("upstream_only", "ledger_only", "disagreements")
FIELDS = ("level", "village", "received_on")


def _masked(rows: list[dict]) -> list[dict]:
    from guside_cli.core.identity import mask_name

    def one(record: dict | None) -> dict | None:
        if record is None:
            return None
        out = dict(record)
        if out.get("petitioner"):
            out["petitioner"] = mask_name(out["petitioner"])
        return out

    masked = []
    for row in rows:
        if "upstream" in row:
            masked.append({**row, "upstream": one(row["upstream"]), "case": one(row["case"])})
        else:
            masked.append(one(row))
    return masked


def as_json(result) -> dict:
    return {
        "file": result.file,
        "from": result.span[0].isoformat() if result.span else None,
        "to": result.span[1].isoformat() if result.span else None,
        "counts": {name: len(getattr(result, name)) for name in ("matched", *LISTS)},
        "villages": result.villages,
        "matched": _masked(result.matched),
        "upstream_only": _masked(result.upstream_only),
        "ledger_only": _masked(result.ledger_only),
        "disagreements": _masked(result.disagreements),
        "applied": result.applied,
    }


def _level(code: str | None, lang: str) -> str:
    from guside_cli.core.enums import Level

    return Level.of(code).label(lang) if code else "—"


def _rows(result, name: str, lang: str) -> tuple[list[str], list[list]]:
    if name == "upstream_only":
        headers = [text(f"reconcile.h.{h}", lang) for h in ("row", "id", "received", "village", "level", "subject")]
        rows = [
            [u["row"], u["upstream_id"] or "—", u["received_on"] or "—", u["village"] or "—", _level(u["level"], lang),
             u["subject"] or "—"]
            for u in result.upstream_only
        ]  # fmt: skip
    elif name == "ledger_only":
        headers = [text(f"reconcile.h.{h}", lang) for h in ("number", "received", "village", "level", "subject")]
        rows = [
            [c["number"], c["received_on"], c["village"], _level(c["level"], lang), c["subject"]]
            for c in result.ledger_only
        ]
    else:
        headers = [text(f"reconcile.h.{h}", lang) for h in ("row", "id", "number", "differs", "theirs", "mine")]
        rows = []
        for d in result.disagreements:
            for f in d["fields"]:
                theirs, mine = d["upstream"][f], d["case"][f]
                if f == "level":
                    theirs, mine = _level(theirs, lang), _level(mine, lang)
                label = text(f"reconcile.field.{f}", lang)
                rows.append([d["upstream"]["row"], d["upstream"]["upstream_id"] or "—", d["case"]["number"], label,
                             theirs, mine])  # fmt: skip
    return headers, rows


def emit(result, fmt: Format, run) -> None:
    from guside_cli.render import output

    fmt = output.resolve(fmt)
    if fmt is Format.json:
        output.write_json(as_json(result))
        return
    lang = run.lang
    counts = {name: len(getattr(result, name)) for name in ("matched", *LISTS)}
    typer.echo(text("reconcile.summary", lang, file=result.file, start=result.span[0], end=result.span[1], **counts))
    headers = [text(f"reconcile.h.{h}", lang) for h in ("village", "matched", *LISTS)]
    table = [
        [village, c["matched"], c["upstream_only"], c["ledger_only"], c.get("disagreements", 0)]
        for village, c in sorted(result.villages.items())
    ]
    output.print_table(headers, table, fmt, title=text("reconcile.by_village", lang))
    for name in LISTS:
        if getattr(result, name):
            headers, rows = _rows(result, name, lang)
            output.print_table(headers, rows, fmt, title=text(f"reconcile.list.{name}", lang))
    for note in result.notes:
        typer.echo(str(note), err=True)
    if result.applied:
        typer.echo(text("reconcile.applied", lang, count=result.applied))


def write_xlsx(result, out: Path, run) -> None:
    """The lists as a workbook the office works through: 汇总 (per village), then a sheet per list."""
    from openpyxl import Workbook

    from guside_cli.interchange import outfile
    from guside_cli.interchange.cells import cells

    lang = run.lang
    book = Workbook()
    sheet = book.active
    sheet.title = text("reconcile.sheet.summary", lang)
    sheet.append([text(f"reconcile.h.{h}", lang) for h in ("village", "matched", *LISTS)])
    for village, c in sorted(result.villages.items()):
        sheet.append(cells([village, c["matched"], c["upstream_only"], c["ledger_only"], c.get("disagreements", 0)]))
    for name in LISTS:
        headers, rows = _rows(result, name, lang)
        ws = book.create_sheet(text(f"reconcile.sheet.{name}", lang))
        ws.append(headers)
        for row in rows:
            ws.append(cells(row))
        ws.freeze_panes = "A2"
        ws.print_title_rows = "1:1"
    with outfile.temp_beside(out, ledger=run.db) as path:
        book.save(path)
