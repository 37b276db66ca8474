"""How a Word document of the bot looks: an A4 page, Swedish language, its properties, page numbers, tables.

python-docx starts from a template made for US Letter in en-US, signed "python-docx" with its own thumbnail;
`set_up_document` turns that into what a Swedish public body sends: A4 with 2.5 cm margins (header and footer
1.25 cm from the edge), sv-SE on the document defaults, every style and every run (so Word spell-checks in
Swedish), Calibri throughout in black, and the properties (title, the group as author and company, created).

Table columns are sized to what they hold (`size_columns`): each at least as wide as its longest word, so no
word is broken ("Samverkanskoordinator" stays whole), numbers kept on one line; the room left goes to the text
columns. Widths are estimated from Calibri's (and Carlito's) character widths.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from xml.sax.saxutils import escape

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import BaseStyle
from docx.table import Table
from docx.text.paragraph import Paragraph

LANGUAGE = "sv-SE"
FONT = "Calibri"
PAGE_WIDTH, PAGE_HEIGHT, MARGIN, EDGE = Mm(210), Mm(297), Mm(25), Mm(12.5)
TEXT_WIDTH_MM = 210 - 2 * 25
CELL_PADDING_MM = 2 * 1.9 + 0.6  # Word's default cell margins, and a little air
TABLE_PT = 10
BLACK = RGBColor(0, 0, 0)
STYLE_SIZES = {"Normal": 11, "Title": 20, "Heading 1": 14, "Heading 2": 12, "Heading 3": 11}
THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
APP_PROPERTIES = "/docProps/app.xml"
# Calibri's advance widths in em, by character (Carlito has the same metrics); anything else counts 0.5.
_WIDTHS = {
    0.23: "'",
    0.25: " ilj,I.:;\u00a0",
    0.31: "()f-J",
    0.34: "!tr",
    0.40: "/szLc",
    0.45: "xvykFS?Zg",
    0.51: "aåäTYEe–*+=#0123456789PXK",
    0.53: "bdhnpquoöCRBV",
    0.60: "AÅÄDH",
    0.64: "GUNOÖQ",
    0.71: "&w%",
    0.80: "m",
    0.86: "M",
    0.90: "W",
}
CHAR_EM = {char: em for em, chars in _WIDTHS.items() for char in chars}


@dataclass(frozen=True)
class DocumentInfo:
    """What the document's properties say: its title, who made it (the group), when, and what kind it is."""

    title: str
    author: str
    created: datetime
    category: str = ""


def set_up_document(document: DocxDocument, info: DocumentInfo) -> None:
    """A4 page, Swedish language and fonts on every style, and the document's properties."""
    for section in document.sections:
        section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
        section.left_margin = section.right_margin = section.top_margin = section.bottom_margin = MARGIN
        section.header_distance = section.footer_distance = EDGE
    styles = document.styles.element
    _language(styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")))
    for style in document.styles:
        if style.element.find(qn("w:rPr")) is not None or style.name in STYLE_SIZES:
            _style(style)
    for fonts in styles.iter(qn("w:rFonts")):
        _calibri(fonts)
    settings = document.settings.element
    theme_language = settings.find(qn("w:themeFontLang"))
    if theme_language is not None:
        theme_language.set(qn("w:val"), LANGUAGE)
    _properties(document, info)


def mark_language(document: DocxDocument) -> None:
    """sv-SE on every run of the body, the tables, the headers and footers (Word reads a run's own first)."""
    parts = [document.element.body]
    for section in document.sections:
        parts += [section.header._element, section.footer._element]
    for part in parts:
        for run in part.iter(qn("w:r")):
            _language(run.get_or_add_rPr())


def page_numbers(document: DocxDocument, before: str, between: str) -> None:
    """The footer of every page: "Sida 3 av 7" (the words around the two fields come from the catalogue)."""
    footer = document.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(before)
    _field(footer, "PAGE")
    footer.add_run(between)
    _field(footer, "NUMPAGES")
    for run in footer.runs:
        run.font.size = Pt(9)


@dataclass(frozen=True)
class ColumnText:
    """What one table column holds (its header first) and whether it is a number to right-align."""

    texts: tuple[str, ...]
    numeric: bool = False


def column_widths(columns: Sequence[ColumnText], available_mm: float = TEXT_WIDTH_MM) -> list[float]:
    """Widths in mm: each column at least its longest word, numbers their whole width (a number column's header
    in two lines), the room left shared out among the text columns as their longest lines need it."""
    least = [max(_word_mm(text) for text in column.texts) + CELL_PADDING_MM for column in columns]
    wanted = [max(_wanted_mm(c) + CELL_PADDING_MM, m) for c, m in zip(columns, least, strict=True)]
    if sum(wanted) <= available_mm:
        grow = [0.0 if c.numeric else w for c, w in zip(columns, wanted, strict=True)]
        return _share(wanted, grow, available_mm)
    first = [w if c.numeric else m for c, w, m in zip(columns, wanted, least, strict=True)]  # numbers whole
    if sum(first) > available_mm:
        first = least
    if sum(first) >= available_mm:
        return [m * available_mm / sum(first) for m in first]
    return _share(first, [w - f for w, f in zip(wanted, first, strict=True)], available_mm)


def _share(widths: list[float], weights: list[float], available_mm: float) -> list[float]:
    """The widths with the room left over shared out in proportion to the weights."""
    spare, total = available_mm - sum(widths), sum(weights) or 1
    return [w + spare * g / total for w, g in zip(widths, weights, strict=True)]


def size_columns(table: Table, widths_mm: Sequence[float]) -> None:
    """Fixed column widths, written where Word (each cell) and LibreOffice (the grid) read them."""
    table.autofit = False
    properties = table._tbl.tblPr
    layout = properties.find(qn("w:tblLayout"))
    if layout is None:
        layout = OxmlElement("w:tblLayout")
        properties.append(layout)
    layout.set(qn("w:type"), "fixed")
    for column, width in zip(table.columns, widths_mm, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


def keep_table_whole(table: Table, *, together: bool) -> None:
    """No row split across pages, the header row repeated on each page, and (for a short table) the whole
    table on one page with what introduces it."""
    rows = list(table.rows)
    for index, row in enumerate(rows):
        properties = row._tr.get_or_add_trPr()
        properties.append(OxmlElement("w:cantSplit"))
        if index == 0:
            properties.append(OxmlElement("w:tblHeader"))
        if together and index < len(rows) - 1:
            for cell in row.cells:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


def table_cell(paragraph: Paragraph, *, numeric: bool, bold: bool = False) -> None:
    """A cell's text at the table size, numbers right-aligned, no space after (the grid spaces it)."""
    paragraph.paragraph_format.space_after = Pt(0)
    if numeric:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for run in paragraph.runs:
        run.font.size = Pt(TABLE_PT)
        run.bold = bold or None


def _wanted_mm(column: ColumnText) -> float:
    """What a column needs to show each text on one line; a number column's header may take two."""
    header, *cells = column.texts
    if not column.numeric:
        return max(_line_mm(text) for text in column.texts)
    words = header.split(" ")
    two_lines = min(
        (max(_line_mm(" ".join(words[:n])), _line_mm(" ".join(words[n:]))) for n in range(1, len(words))),
        default=_line_mm(header),
    )
    return max([two_lines, *(_line_mm(text) for text in cells)])


def _word_mm(text: str) -> float:
    """The widest thing a line can never be broken inside: a word, or a dash with the word after it ("– 2027")."""
    return max((_line_mm(word) for line in text.split("\n") for word in _unbroken(line)), default=0.0)


def _unbroken(line: str) -> list[str]:
    pieces: list[str] = []
    for word in line.split(" "):
        if pieces and pieces[-1] in ("–", "-", "—"):
            pieces[-1] += " " + word
        else:
            pieces.append(word)
    return pieces


def _line_mm(text: str) -> float:
    """How wide the longest line of the text is at the table size, in mm (bold: a few per cent more)."""
    ems = max((sum(CHAR_EM.get(char, 0.5) for char in line) for line in text.split("\n")), default=0.0)
    return ems * TABLE_PT * 1.03 * 25.4 / 72


def _language(properties: BaseOxmlElement) -> None:
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), LANGUAGE)


def _calibri(fonts: BaseOxmlElement) -> None:
    """Calibri for every script, in place of the template's theme fonts (a theme font would win over it)."""
    fonts.attrib.clear()
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)


def _style(style: BaseStyle) -> None:
    """Calibri, Swedish; the styles the documents use in black (not the template's blue) at the house sizes."""
    properties = style.element.get_or_add_rPr()
    if style.name in STYLE_SIZES:
        colour = properties.find(qn("w:color"))
        if colour is not None:
            properties.remove(colour)
        style.font.size = Pt(STYLE_SIZES[style.name])  # type: ignore[attr-defined]
        style.font.color.rgb = BLACK  # type: ignore[attr-defined]
    if style.name == "Title":
        borders = style.element.find(qn("w:pPr")).find(qn("w:pBdr"))
        if borders is not None:
            borders.getparent().remove(borders)
        style.font.bold = True  # type: ignore[attr-defined]
    _language(properties)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A Word field (PAGE, NUMPAGES) as begin – instruction – separate – "1" – end, which Word and LibreOffice
    fill in when the page is laid out."""
    for kind, text in (("begin", ""), ("instr", f" {instruction} "), ("separate", ""), ("text", "1"), ("end", "")):
        run = paragraph.add_run()
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)


def _properties(document: DocxDocument, info: DocumentInfo) -> None:
    """Title, author, company and dates; no "python-docx" anywhere, no template thumbnail."""
    core = document.core_properties
    core.title, core.subject, core.category = info.title, info.title, info.category
    core.author = core.last_modified_by = info.author
    core.comments = core.keywords = ""
    core.language, core.revision = LANGUAGE, 1
    created = info.created.astimezone(UTC) if info.created.tzinfo else info.created
    core.created = core.modified = created.replace(tzinfo=None)  # python-docx writes it as UTC
    package = document.part.package
    for key, relation in list(package.rels.items()):
        if relation.reltype == THUMBNAIL:
            package.rels.pop(key)
        elif not relation.is_external and relation.target_part.partname == APP_PROPERTIES:
            relation.target_part._blob = _app_xml(info.author)


def _app_xml(company: str) -> bytes:
    """The extended properties: made by lokusbot, for the group (Word's "Company")."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>lokusbot</Application><DocSecurity>0</DocSecurity><Company>{escape(company)}</Company>"
        "</Properties>"
    ).encode()
