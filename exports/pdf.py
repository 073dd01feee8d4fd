"""A publication as PDF: A4 landscape, the title block, a bordered table whose header repeats on
every page, 第 N 页 共 M 页 in the footer. Pure: rows in, bytes out.

ReportLab makes the document (pages, the font, compression); the text is set in a Chinese TrueType
font embedded in the file, the characters used only (exports/fonts.py), so that every reader shows it
alike. The table is laid out here rather than with ReportLab's Platypus tables, which took 81 s
for the 20,250 rows of a province: cells are wrapped once per item, character by character as
Chinese is, pages are cut by the rows' heights, and each page's text and rules are written as PDF
operators in one piece (about a second for the same rows).
"""

import io
from dataclasses import dataclass
from typing import cast

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from core.characters import xml_safe

from .fonts import Font, chinese_font
from .publication import COLUMNS, FIELDS, caption, code_note, department_part

SIZE, LEADING, PAD = 8.0, 10.5, 2.5
TITLE_SIZE = 16.0
PAGE_WIDTH, PAGE_HEIGHT = landscape(A4)
MARGIN = 28.0
# Column widths in points; they add up to the width between the margins (786 pt).
WIDTHS = (28, 70, 52, 64, 70, 110, 80, 254, 58)
FOOTER = "第 %d 页 共 %d 页"
# Characters that may hang past the right edge rather than start a line (避头尾).
CLOSING = frozenset("，。、；：？！）》」』】〕”’,.;:?!)]}%")
WIDE = "\u2e80"  # from here on (CJK radicals, punctuation, ideographs, full-width forms) a glyph is one em

rl_config.useA85 = 0  # plain compressed streams: smaller and faster than ASCII85 on top


def wrap(text: str, width: float, font: Font | None = None) -> list[str]:
    """Lines of ``text`` no wider than ``width`` points, broken between any two characters, as
    Chinese is set; line breaks in the text are kept."""
    font = font or chinese_font()
    lines = []
    for paragraph in text.split("\n"):
        if len(paragraph) * SIZE <= width:  # every glyph is at most one em wide: it fits as it is
            lines.append(paragraph)
            continue
        if min(paragraph) >= WIDE:  # Chinese only, every glyph one em: cut every so many characters
            lines.extend(_cut(paragraph, int(width // SIZE)))
            continue
        start, used = 0, 0.0
        for index, char in enumerate(paragraph):
            step = font.width(char, SIZE)
            if used + step > width and index > start and char not in CLOSING:
                lines.append(paragraph[start:index])
                start, used = index, 0.0
            used += step
        lines.append(paragraph[start:])
    return lines


def _cut(paragraph: str, per_line: int) -> list[str]:
    lines, start = [], 0
    while start < len(paragraph):
        end = start + per_line
        while end < len(paragraph) and paragraph[end] in CLOSING:  # hangs at the end of the line
            end += 1
        lines.append(paragraph[start:end])
        start = end
    return lines


@dataclass
class Row:
    cells: list[list[str]]  # the lines of each column
    lines: int

    def numbered(self, number: int) -> "Row":
        """The row with another 序号 (a department's own numbering): as narrow, as many lines."""
        return Row([[str(number)], *self.cells[1:]], self.lines)


def rows_of(items: list[dict], font: Font | None = None) -> list[Row]:
    """Each item's cells wrapped to their columns: done once, for every file the item is in."""
    font = font or chinese_font()
    inner = [width - 2 * PAD for width in WIDTHS]
    result = []
    for item in items:
        cells = [wrap(xml_safe(str(item[name] or "")), inner[i], font) for i, name in enumerate(FIELDS)]
        result.append(Row(cells, max(len(lines) for lines in cells)))
    return result


HEADER = Row([[heading] for heading in COLUMNS], 1)
TABLE_TOP_FIRST = PAGE_HEIGHT - MARGIN - TITLE_SIZE - 4 * LEADING - 6  # title, caption, the codes' note
TABLE_TOP = PAGE_HEIGHT - MARGIN
TABLE_BOTTOM = MARGIN + 2 * LEADING


def _height(lines: int) -> float:
    return lines * LEADING + 2 * PAD


def _paginate(rows: list[Row]) -> list[list[Row]]:
    """Rows per page; a row taller than a page is cut between its lines."""
    pages: list[list[Row]] = []
    page: list[Row] = []
    top = TABLE_TOP_FIRST - _height(1)
    room = top - TABLE_BOTTOM
    for row in rows:
        while _height(row.lines) > room:
            fits = int((room - 2 * PAD) // LEADING)
            if fits >= 3 or not page:  # cut it here; too little room: start it on the next page
                fits = max(fits, 1)
                page.append(Row([lines[:fits] for lines in row.cells], fits))
                row = Row([lines[fits:] for lines in row.cells], row.lines - fits)
            pages.append(page)
            page, room = [], TABLE_TOP - _height(1) - TABLE_BOTTOM
        page.append(row)
        room -= _height(row.lines)
    pages.append(page)
    return pages


class _Text:
    """The operators that show a line in the document's font: for an embedded font, the line cut
    into ReportLab's subsets of the font (256 glyphs each), each selected before its part; for
    STSong-Light, the line in its UniGB-UCS2-H encoding (two bytes a character)."""

    def __init__(self, canvas: Canvas, font: Font):
        self.doc = canvas._doc  # type: ignore[attr-defined]  # the document the font's subsets belong to
        self.subset = -1  # none selected yet in the page's text object
        self.ttf = cast(TTFont, pdfmetrics.getFont(font.name)) if font.embedded else None

    def show(self, line: str) -> str:
        if self.ttf is None:
            return f"<{line.encode('utf-16-be', 'replace').hex()}> Tj"
        doc, shown = self.doc, []
        for subset, part in self.ttf.splitString(line, doc):
            if subset != self.subset:
                shown.append(f"{self.ttf.getSubsetInternalName(subset, doc)} {_number(SIZE)} Tf")
                self.subset = subset
            shown.append(f"<{part.hex()}> Tj")
        return " ".join(shown)


def _number(value: float) -> str:
    return f"{value:.2f}"


COLUMN_X = [MARGIN]
for _width_of_column in WIDTHS:
    COLUMN_X.append(COLUMN_X[-1] + _width_of_column)
TEXT_X = [_number(x + PAD) for x in COLUMN_X[:-1]]
LEFT, RIGHT = _number(COLUMN_X[0]), _number(COLUMN_X[-1])


class _Page:
    """The PDF operators of one page's table, collected as text and written at once: a rule under
    each row, the column rules once over the whole page, the text in one text object."""

    def __init__(self, top: float, text_of: _Text):
        self.text_of = text_of
        self.text: list[str] = []
        self.rules: list[str] = []
        self.start, self.top = top, top
        self.header_bottom: float | None = None

    def row(self, row: Row) -> None:
        bottom = self.top - _height(row.lines)
        self.rules.append(f"{LEFT} {_number(bottom)} m {RIGHT} {_number(bottom)} l")
        for column, lines in enumerate(row.cells):
            y = self.top - PAD - SIZE
            for line in lines:
                if line:
                    self.text.append(f"1 0 0 1 {TEXT_X[column]} {_number(y)} Tm {self.text_of.show(line)}")
                y -= LEADING
        if self.header_bottom is None:
            self.header_bottom = bottom
        self.top = bottom

    def operators(self) -> str:
        assert self.header_bottom is not None, "a page's table starts with its header row"
        top, bottom = _number(self.start), _number(self.top)
        header = f"0.9 g {LEFT} {_number(self.header_bottom)} {_number(COLUMN_X[-1] - MARGIN)} "
        header += f"{_number(self.start - self.header_bottom)} re f 0 g "
        columns = " ".join(f"{_number(x)} {top} m {_number(x)} {bottom} l" for x in COLUMN_X)
        return (
            f"{header}0.5 w {LEFT} {top} m {RIGHT} {top} l {' '.join(self.rules)} {columns} S "
            f"BT {' '.join(self.text)} ET"
        )


def _centred(canvas: Canvas, font: Font, text: str, size: float, y: float) -> None:
    canvas.setFont(font.name, size)
    canvas.drawCentredString(PAGE_WIDTH / 2, y, text)


def pdf_bytes(meta: dict, rows: list[Row], font: Font | None = None) -> bytes:
    """The document: the title block on page 1, then the table, page numbers on every page.
    ``rows`` were wrapped with the same ``font``."""
    font = font or chinese_font()
    buffer = io.BytesIO()
    canvas = Canvas(
        buffer,
        pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
        pageCompression=1,
        invariant=1,
        initialFontName=font.name,  # type: ignore[arg-type]  # a name (the stubs say float); no Helvetica in the page preamble: every font in the file is embedded
        initialFontSize=SIZE,
    )
    canvas.setTitle(xml_safe(meta["title"]))
    canvas.setAuthor(xml_safe(meta["region_name"]))
    pages = _paginate(rows)
    for number, page_rows in enumerate(pages, start=1):
        top = TABLE_TOP
        if number == 1:
            _centred(canvas, font, xml_safe(meta["title"]), TITLE_SIZE, PAGE_HEIGHT - MARGIN - TITLE_SIZE)
            _centred(canvas, font, caption(meta), SIZE + 1, PAGE_HEIGHT - MARGIN - TITLE_SIZE - 2 * LEADING)
            _centred(canvas, font, code_note(meta), SIZE, PAGE_HEIGHT - MARGIN - TITLE_SIZE - 3 * LEADING)
            top = TABLE_TOP_FIRST
        _centred(canvas, font, FOOTER % (number, len(pages)), SIZE, MARGIN)
        canvas.setFont(font.name, SIZE)  # STSong-Light's table text uses the font and size set last
        page = _Page(top, _Text(canvas, font))
        page.row(HEADER)
        for row in page_rows:
            page.row(row)
        canvas.addLiteral(page.operators())
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def publication_pdfs(meta: dict, departments: list[tuple[str, str, list[dict]]], font_file: str = "") -> list[bytes]:
    """The whole list's PDF, then each department's ([(code, name, items)] in publication order),
    from one wrapping of the items, in the font ``font_file`` names or the one found (fonts.py)."""
    font = chinese_font(font_file)
    rows, documents, start = rows_of([item for _code, _name, group in departments for item in group], font), [], 0
    documents.append(pdf_bytes(meta, rows, font))
    for code, name, group in departments:
        part, _items = department_part(meta, code, name, group)
        own = [row.numbered(number) for number, row in enumerate(rows[start : start + len(group)], start=1)]
        documents.append(pdf_bytes(part, own, font))
        start += len(group)
    return documents
