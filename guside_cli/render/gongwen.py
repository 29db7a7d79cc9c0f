"""The 公文 layout of GB/T 9704-2012 for Word documents (python-docx): A4; margins 37 mm top, 35 mm bottom,
28 mm left (订口), 26 mm right; a 156 × 225 mm text block of 22 lines of 28 characters (the standard's 5.2.3;
a fixed line pitch of 28.95 pt); title 2号 (22 pt) 小标宋, body 3号 (16 pt) 仿宋_GB2312, level-one headings 黑体,
level-two 楷体_GB2312; page numbers 4号 "— 1 —", odd pages right and even pages left, one character in; the red
版头 (issuing office, 文号, the red rule) and the 版记 (抄送, 印发). Fonts an office may lack fall back, as Word reads
the font table's alternative names: 方正小标宋简体 → 宋体, 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体.

Layout only: what the document says comes from render/documents.py.
"""

import io
import re
from datetime import date

from docx import Document
from docx.enum.section import WD_SECTION_START
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

TITLE_FONT, BODY_FONT, HEADING_FONT, SUBHEADING_FONT = "方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"
NUMBER_FONT = "宋体"  # page numbers: 4号半角宋体
FALLBACK = {TITLE_FONT: "宋体", BODY_FONT: "仿宋", SUBHEADING_FONT: "楷体"}
WESTERN = "Times New Roman"
TITLE_SIZE, BODY_SIZE, NUMBER_SIZE, TABLE_SIZE = Pt(22), Pt(16), Pt(14), Pt(12)  # 2号, 3号, 4号, 小四
SMALL_TABLE_SIZE = Pt(10.5)  # 五号: a table whose columns do not fit the text block in 小四
CELL_MARGIN = Pt(1.5)  # left and right inside a table cell (Word's 5.4 pt leaves a nine-column table no room)
ROW_HEIGHT = Pt(20)  # at least: one line of 小四 with air above and below
LINE_PITCH = Pt(28.95)  # 225 mm / 22 lines
MARGINS = {"top_margin": Mm(37), "bottom_margin": Mm(35), "left_margin": Mm(28), "right_margin": Mm(26)}
TEXT_WIDTH = Mm(156)
RED = RGBColor(0xE6, 0x00, 0x12)
# what follows w:pBdr in a paragraph's properties (the schema's order; Word refuses another)
PPR_AFTER_BORDERS = (
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)


def document_date(day: date) -> str:
    """2018年8月15日: 成文日期 and 印发日期 in Arabic numerals, the year in full, month and day without a leading
    zero (GB/T 9704-2012, 7.3.5.4 成文日期中的数字; 7.4.3 印发机关和印发日期)."""
    return f"{day.year}年{day.month}月{day.day}日"


def set_font(run_or_style, east_asian: str, size=None, *, bold: bool = False, colour=None) -> None:
    """Name the font for Chinese (w:eastAsia) and for Latin letters and digits (Times New Roman)."""
    font = run_or_style.font
    font.name = WESTERN
    font.size = size
    font.bold = bold
    if colour is not None:
        font.color.rgb = colour
    rpr = run_or_style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), WESTERN)
    fonts.set(qn("w:eastAsia"), east_asian)


# --- the widths of a table's columns ---------------------------------------------------------------------------
# A column is as wide as its content on one line where the text block allows; where it does not, the columns that
# may fold give way, and only where a fold reads naturally: after 、，；/ or a space, or inside Chinese free text
# (a veto's reasons), never inside a case number, a date, a figure or a name (the first column: 李家桥村, a
# leader, a unit). Headers stay whole in 小四, or in 五号 if that is what keeps them whole; only a table too wide
# for that folds its longer Chinese headers in two halves (重点重复/信访超期).

_BREAK_AFTER = re.compile(r"[^、，,；;/\s]+[、，,；;/]?|\s+")
_CHINESE = re.compile(r"^[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+$")
FOLD = 4  # Chinese free text folds into lines of at least this many characters


def _span(text: str, size: float, *, bold: bool = False) -> float:
    """Points `text` takes on one line: a Chinese character is one em; a Latin letter or digit is taken at 0.6 em
    (0.7 bold, as headers are), a little wider than Times New Roman's, as wide as the serif an office without it
    falls back to (DejaVu)."""
    from wcwidth import wcwidth

    narrow = (0.7 if bold else 0.6) * size
    return sum(size if wcwidth(c) == 2 else narrow for c in text)


def _least(text: str, size: float, *, whole: bool = False, bold: bool = False) -> float:
    """The narrowest a cell's `text` may be set with only natural folds (all of it when `whole`)."""
    if whole:
        return _span(text, size, bold=bold)
    return max(
        (
            _span(token[:FOLD] if _CHINESE.match(token) and len(token) > FOLD else token, size, bold=bold)
            for token in _BREAK_AFTER.findall(text)
            if not token.isspace()
        ),
        default=0.0,
    )


def _least_header(text: str, size: float, *, fold: bool) -> float:
    """A Chinese header whole, or (`fold`) in two halves when it has four characters or more; an English one
    folds between its words."""
    if not _CHINESE.match(text):
        return _least(text, size, bold=True)
    return _span(text[: -(-len(text) // 2)] if fold and len(text) >= FOLD else text, size, bold=True)


def table_layout(headers: list[str], rows: list[list[str]]) -> tuple[Pt, list[float]]:
    """The table's font size and its columns' widths in points, filling the text block: every column on one line
    if they fit, else the foldable columns folded only as far as the room needs (the least foldable first kept
    whole), in 小四, else in 五号, else in 五号 with the longer Chinese headers in two halves."""
    room = TEXT_WIDTH.pt
    pad = 2 * CELL_MARGIN.pt + 3  # the margins, the rules and a little to spare
    columns = [(h, *(row[i] for row in rows)) for i, h in enumerate(headers)]
    for size, fold in ((TABLE_SIZE, False), (SMALL_TABLE_SIZE, False), (SMALL_TABLE_SIZE, True)):
        natural = [
            max(_span(column[0], size.pt, bold=True), *(_span(v, size.pt) for v in column[1:])) + pad
            for column in columns
        ]
        least = [
            max(_least_header(column[0], size.pt, fold=fold), *(_least(v, size.pt, whole=i == 0) for v in column[1:]))
            + pad
            for i, column in enumerate(columns)
        ]
        if sum(least) <= room:
            break
    else:  # too many columns for the page even so: every column narrowed alike
        return size, [w * room / sum(least) for w in least]
    if sum(natural) <= room:
        return size, [w * room / sum(natural) for w in natural]
    widths, spare = list(least), room - sum(least)
    for i in sorted(range(len(columns)), key=lambda i: natural[i] - least[i]):  # the fewest columns folded
        given = min(natural[i] - least[i], spare)
        widths[i] += given
        spare -= given
    folded = [i for i, w in enumerate(widths) if w < natural[i]]
    for i in folded:  # 到部去省/不降反升, not 到部去省不降反/升: the room it frees goes to the columns kept whole
        widths[i] = max(least[i], max(_balanced(v, size.pt, widths[i] - pad) for v in columns[i][1:]) + pad)
    whole = [i for i in range(len(columns)) if i not in folded] or list(range(len(columns)))
    extra = (room - sum(widths)) / sum(widths[i] for i in whole)
    return size, [w * (1 + extra) if i in whole else w for i, w in enumerate(widths)]


def _balanced(text: str, size: float, width: float) -> float:
    """The narrowest width that sets `text` in as few lines as `width` does, its Chinese runs folded evenly."""
    if _span(text, size) <= width:
        return _span(text, size)
    need = 0.0
    for token in _BREAK_AFTER.findall(text):
        if token.isspace():
            continue
        if _CHINESE.match(token) and _span(token, size) > width:
            per_line = max(int(width // size), 1)
            lines = -(-len(token) // per_line)
            need = max(need, _span(token[: -(-len(token) // lines)], size))
        else:
            need = max(need, min(_span(token, size), width))
    return need


class Gongwen:
    """A Word document in the 公文 layout, built paragraph by paragraph."""

    def __init__(self) -> None:
        self.doc = Document()
        self._page_setup()
        self._styles()
        self._fallback_fonts()

    # --- the page -------------------------------------------------------------------------------------------
    def _page_setup(self) -> None:
        section = self.doc.sections[0]
        section.start_type = WD_SECTION_START.NEW_PAGE
        section.page_width, section.page_height = Mm(210), Mm(297)
        for name, value in MARGINS.items():
            setattr(section, name, value)
        section.footer_distance = Mm(28)  # the number sits 7 mm below the text block (35 − 7)
        grid = section._sectPr.find(qn("w:docGrid"))
        if grid is None:
            grid = OxmlElement("w:docGrid")
            section._sectPr.append(grid)
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(int(LINE_PITCH.pt * 20)))
        self.doc.settings.odd_and_even_pages_header_footer = True
        self._page_number(section.footer, WD_ALIGN_PARAGRAPH.RIGHT)
        self._page_number(section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)

    def _page_number(self, footer, align) -> None:
        paragraph = footer.paragraphs[0]
        paragraph.alignment = align
        indent = Pt(16)  # one character in from the text block's edge
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            paragraph.paragraph_format.right_indent = indent
        else:
            paragraph.paragraph_format.left_indent = indent
        set_font(paragraph.add_run("— "), NUMBER_FONT, NUMBER_SIZE)
        run = paragraph.add_run()
        set_font(run, NUMBER_FONT, NUMBER_SIZE)
        for kind, instruction in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
            if kind:
                char = OxmlElement("w:fldChar")
                char.set(qn("w:fldCharType"), kind)
                run._r.append(char)
            elif instruction == " PAGE ":
                code = OxmlElement("w:instrText")
                code.set(qn("xml:space"), "preserve")
                code.text = instruction
                run._r.append(code)
            else:
                shown = OxmlElement("w:t")
                shown.text = instruction
                run._r.append(shown)
        set_font(paragraph.add_run(" —"), NUMBER_FONT, NUMBER_SIZE)

    def _styles(self) -> None:
        normal = self.doc.styles["Normal"]
        set_font(normal, BODY_FONT, BODY_SIZE)
        fmt = normal.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = LINE_PITCH
        fmt.space_before = fmt.space_after = Pt(0)
        fmt.widow_control = False

    def _fallback_fonts(self) -> None:
        """Word shows a font the machine lacks in its alternative (w:altName) from the font table."""
        fonts_part = next(p for p in self.doc.part.package.parts if p.partname == "/word/fontTable.xml")
        from docx.oxml import parse_xml

        root = parse_xml(fonts_part.blob)
        for name, alt in FALLBACK.items():
            font = OxmlElement("w:font")
            font.set(qn("w:name"), name)
            alt_name = OxmlElement("w:altName")
            alt_name.set(qn("w:val"), alt)
            charset = OxmlElement("w:charset")
            charset.set(qn("w:val"), "86")  # GB2312
            font.append(alt_name)
            font.append(charset)
            root.append(font)
        from lxml import etree

        fonts_part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    # --- paragraphs -----------------------------------------------------------------------------------------
    def paragraph(
        self,
        text: str = "",
        *,
        align=None,
        indent: bool = True,
        font: str = BODY_FONT,
        size=BODY_SIZE,
        bold: bool = False,
        colour=None,
    ):
        paragraph = self.doc.add_paragraph()
        if align is not None:
            paragraph.alignment = align
        if indent and align is None:
            paragraph.paragraph_format.first_line_indent = Pt(32)  # two characters
        if text:
            set_font(paragraph.add_run(text), font, size, bold=bold, colour=colour)
        return paragraph

    def letterhead(self, office: str, number: str | None) -> None:
        """版头: the issuing office in red 小标宋, the 文号 under it, and the red rule."""
        size = Pt(max(16, min(36, int(TEXT_WIDTH.pt / max(len(office), 1)) - 1)))  # on one line where it can
        head = self.paragraph(office, align=WD_ALIGN_PARAGRAPH.CENTER, font=TITLE_FONT, size=size, colour=RED)
        head.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        head.paragraph_format.space_before = Pt(12)
        self.paragraph()
        line = self.paragraph(number or "", align=WD_ALIGN_PARAGRAPH.CENTER)
        self._border(line, "bottom", RED, 12)

    def title(self, text: str) -> None:
        self.paragraph()
        self.paragraph(text, align=WD_ALIGN_PARAGRAPH.CENTER, font=TITLE_FONT, size=TITLE_SIZE)
        self.paragraph()

    def addressee(self, text: str) -> None:
        self.paragraph(text, indent=False)

    def heading(self, text: str) -> None:
        self.paragraph(text, font=HEADING_FONT).paragraph_format.keep_with_next = True

    def subheading(self, text: str) -> None:
        self.paragraph(text, font=SUBHEADING_FONT).paragraph_format.keep_with_next = True

    def body(self, text: str) -> None:
        self.paragraph(text)

    def picture(self, png: bytes, caption: str | None = None) -> None:
        paragraph = self.doc.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE  # an exact pitch would clip it
        paragraph.paragraph_format.keep_with_next = True
        paragraph.add_run().add_picture(io.BytesIO(png), width=Mm(150))
        if caption:
            self.paragraph(caption, align=WD_ALIGN_PARAGRAPH.CENTER, size=TABLE_SIZE)

    def table(self, headers: list[str], rows: list[list[str]]) -> None:
        """A table in 小四 仿宋 (五号 when its columns do not fit otherwise), each column as wide as its content
        needs (`table_layout`), its header row repeated on every page it runs over."""
        rows = [[str(v) for v in row] for row in rows]
        size, widths = table_layout(headers, rows)
        table = self.doc.add_table(rows=1, cols=len(headers))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        self._cell_margins(table)
        head = table.rows[0]
        properties = head._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        properties.append(repeat)
        for cell, text in zip(head.cells, headers, strict=True):
            self._cell(cell, text, size, bold=True)
        for row in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, row, strict=True):
                self._cell(cell, text, size)
        for row in table.rows:
            row.height, row.height_rule = ROW_HEIGHT, WD_ROW_HEIGHT_RULE.AT_LEAST
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Pt(width)
            for cell in column.cells:
                cell.width = Pt(width)
        self.paragraph()

    @staticmethod
    def _cell_margins(table) -> None:
        margins = OxmlElement("w:tblCellMar")
        for side in ("left", "right"):
            edge = OxmlElement(f"w:{side}")
            edge.set(qn("w:w"), str(int(CELL_MARGIN.pt * 20)))
            edge.set(qn("w:type"), "dxa")
            margins.append(edge)
        table._tbl.tblPr.insert_element_before(margins, "w:tblLook", "w:tblCaption", "w:tblDescription")

    def _cell(self, cell, text: str, size, *, bold: bool = False) -> None:
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        paragraph = cell.paragraphs[0]
        # a cell's lines at their own pitch, not the body's 28.95 pt grid (a two-line cell would be 58 pt tall)
        off = OxmlElement("w:snapToGrid")
        off.set(qn("w:val"), "0")
        paragraph._p.get_or_add_pPr().insert_element_before(
            off, *PPR_AFTER_BORDERS[PPR_AFTER_BORDERS.index("w:snapToGrid") + 1 :]
        )
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.first_line_indent = None
        paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        set_font(paragraph.add_run(text), HEADING_FONT if bold else BODY_FONT, size)

    def signature(self, office: str, day: date) -> None:
        """发文机关署名 and 成文日期, right-aligned, four characters in from the edge."""
        self.paragraph()
        for text in (office, document_date(day)):
            paragraph = self.paragraph(text, align=WD_ALIGN_PARAGRAPH.RIGHT)
            room = TEXT_WIDTH.pt - len(text) * BODY_SIZE.pt - 2
            paragraph.paragraph_format.right_indent = Pt(max(0, min(64, room)))  # four characters in, if it fits

    def record(self, cc: str | None, issuer: str, day: date, cc_label: str, issued: str) -> None:
        """版记 at the end: 抄送, then the issuer and the day it was printed, between rules (the first and last
        thick, the one between thin)."""
        self.paragraph()
        black = RGBColor(0, 0, 0)
        last = None
        if cc:
            first = self.paragraph(f"{cc_label}{cc}", indent=False, size=NUMBER_SIZE)
            first.paragraph_format.left_indent = Pt(14)
            self._border(first, "top", black, 8)
        issued = issued.format(day=document_date(day))
        fits = (len(issuer) + len(issued) + 2) * NUMBER_SIZE.pt <= TEXT_WIDTH.pt - 28
        last = self.paragraph(f"{issuer}{'' if fits else chr(10)}\t{issued}", indent=False, size=NUMBER_SIZE)
        last.paragraph_format.left_indent = Pt(14)
        last.paragraph_format.right_indent = Pt(14)
        last.paragraph_format.tab_stops.add_tab_stop(Pt(TEXT_WIDTH.pt - 28), WD_TAB_ALIGNMENT.RIGHT)
        self._border(last, "top", black, 4 if cc else 8)
        self._border(last, "bottom", black, 8)

    @staticmethod
    def _border(paragraph, side: str, colour: RGBColor, size: int) -> None:
        properties = paragraph._p.get_or_add_pPr()
        borders = properties.find(qn("w:pBdr"))
        if borders is None:
            borders = OxmlElement("w:pBdr")
            properties.insert_element_before(borders, *PPR_AFTER_BORDERS)
        edge = borders.find(qn(f"w:{side}"))
        if edge is None:
            edge = OxmlElement(f"w:{side}")
            borders.append(edge)
        edge.set(qn("w:val"), "single")
        edge.set(qn("w:sz"), str(size))
        edge.set(qn("w:space"), "1")
        edge.set(qn("w:color"), str(colour))

    def save(self) -> bytes:
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()
