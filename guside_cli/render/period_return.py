"""The return an office sends for a closed period (上报报表), written from the figures the close locked — so what
was sent and what is locked are one thing: an .xlsx, or a Word document in the 公文 layout (render/gongwen.py)."""

from datetime import date
from pathlib import Path

from guside_cli.messages import text

FORMATS = (".xlsx", ".docx")


def rows_of(figures: dict, lang: str) -> tuple[list[str], list[list]]:
    """One row for the town, then one per village: total and escalated in 件次 and 人次."""
    headers = [text(f"period.return.h.{h}", lang) for h in ("where", "total", "escalated", "persons", "escalated_p")]
    items, persons = figures["items"], figures.get("persons", {"town": ["—", "—"], "villages": {}})
    rows = [[text("period.town", lang), *items["town"], *persons["town"]]]
    for village, pair in items["villages"].items():
        rows.append([village, *pair, *persons["villages"].get(village, ["—", "—"])])
    return headers, rows


def named(label: str, lang: str) -> str:
    """2018-08 as 2018年8月, 2018-Q3 as 2018年第三季度, 2018 as 2018年 (in English as written)."""
    year, _, rest = label.partition("-")
    if not rest:
        return text("period.name.year", lang, year=year)
    if rest.startswith("Q"):
        return text("period.name.quarter", lang, year=year, quarter=int(rest[1]))
    return text("period.name.month", lang, year=year, month=int(rest))


def write_return(path: Path, label: str, figures: dict, town: str, closed_on: date, run) -> None:
    from guside_cli.core.errors import InputError
    from guside_cli.interchange import outfile
    from guside_cli.messages import M

    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(M("period.return_format", file=path.name))
    headers, rows = rows_of(figures, run.lang)
    label = named(label, run.lang)
    title = text("period.return.title", run.lang, town=town, period=label)
    if suffix == ".xlsx":
        from openpyxl import Workbook

        from guside_cli.interchange.cells import cells

        book = Workbook()
        sheet = book.active
        sheet.title = label.replace("/", "-")
        sheet.append([title])
        sheet.append([text("period.return.closed", run.lang, day=closed_on)])
        sheet.append(headers)
        for row in rows:
            sheet.append(cells(row))
        sheet.print_title_rows = "3:3"
        from openpyxl.styles import Font

        for cell in sheet[3]:
            cell.font = Font(bold=True)
        for letter, width in zip("ABCDE", (14, 18, 22, 18, 22), strict=True):
            sheet.column_dimensions[letter].width = width
        sheet.page_setup.orientation, sheet.page_setup.paperSize = "portrait", "9"
        with outfile.temp_beside(path, ledger=run.db) as temp:
            book.save(temp)
        return
    from guside_cli.render.gongwen import Gongwen

    doc = Gongwen()
    doc.title(title)
    doc.body(text("period.return.body", run.lang, period=label, day=closed_on, total=rows[0][1], escalated=rows[0][2]))
    doc.table(headers, [[str(v) for v in row] for row in rows])
    doc.signature(text("doc.office", run.lang, town=town), closed_on)
    data = doc.save()
    with outfile.temp_beside(path, ledger=run.db) as temp:
        temp.write_bytes(data)
