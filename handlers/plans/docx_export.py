"""The plan as a Word document laid out like the form: headings, questions, answers, tables, signatures.

The page, language, fonts, properties and page numbers are docx_layout's. A question is kept on the page of its
answer or table; table rows never split across pages, the header row repeats, and a short table stays whole.
Columns are as wide as their content needs; percentages and kronor are right-aligned.

The words the bot adds (UTKAST, Summa, Datum, Sida 1 av 2 …) come from the catalogue through `words`, in the
reader's language; the template's texts and the answers are written as they are, less the characters Word's XML
cannot hold (handlers.cleaning): an answer stored with a control character still makes a document.
"""

from datetime import datetime
from io import BytesIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table

from handlers.cleaning import clean_text
from handlers.plans.content import Item, PlanDocument, SectionContent
from handlers.plans.docx_layout import (
    ColumnText,
    DocumentInfo,
    column_widths,
    keep_table_whole,
    mark_language,
    page_numbers,
    set_up_document,
    size_columns,
    table_cell,
)
from handlers.plans.template_schema import QuestionKind
from handlers.plans.values import Words, plain
from handlers.text import Plain, t

DRAFT_RED = RGBColor(0xB0, 0x00, 0x20)
GREY = RGBColor(0x59, 0x59, 0x59)
SIGNATURE_LABELS = ("plan.doc.date", "plan.doc.signature", "plan.doc.name", "plan.doc.organisation")
NUMERIC = (QuestionKind.AMOUNT, QuestionKind.PERCENT, QuestionKind.NUMBER)
WHOLE_TABLE_ROWS = 15  # a table this short is kept on one page
SIGNATURE_ROW = Mm(12)  # room to sign a printed copy by hand
FIELD = "\u2063"  # stands where a page field goes while the footer's words are rendered (invisible separator)


def docx_bytes(doc: PlanDocument, words: Words) -> bytes:
    """The plan as a .docx file."""
    words = _clean_words(words)
    document = Document()
    author = words(t("plan.doc.author", group=doc.group)) if doc.group else ""
    created = doc.made_at or datetime.combine(doc.made_on, datetime.min.time())
    set_up_document(document, DocumentInfo(clean_text(doc.title), author, created, clean_text(doc.kind)))
    if doc.draft:
        _draft_mark(document, doc, words)
    document.add_heading(clean_text(doc.title), level=0)
    for line in doc.intro:
        document.add_paragraph(clean_text(line))
    for section in doc.sections:
        _section(document, section, words)
    if doc.signatures:
        _signatures(document, doc, words)
    made = document.add_paragraph()
    made.paragraph_format.space_before = Pt(12)
    run = made.add_run(words(t("plan.doc.made", date=doc.made_on)))
    run.italic, run.font.size, run.font.color.rgb = True, Pt(9), GREY
    before, between, _ = words(t("plan.doc.page", page=Plain(FIELD), pages=Plain(FIELD))).split(FIELD)
    page_numbers(document, before, between)
    mark_language(document)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _draft_mark(document: DocxDocument, doc: PlanDocument, words: Words) -> None:
    mark = words(t("plan.doc.draft"))
    document.sections[0].header.paragraphs[0].text = clean_text(f"{mark} – {doc.title}")
    run = document.add_paragraph().add_run(mark)
    run.bold, run.font.size, run.font.color.rgb = True, Pt(28), DRAFT_RED
    document.add_paragraph(words(t("plan.doc.draft_note")))
    if doc.missing_sections:
        document.add_paragraph(clean_text(f"{words(t('plan.doc.missing_sections'))} {', '.join(doc.missing_sections)}"))
    if doc.missing_parties:
        parties = ", ".join(words(t(f"party.{p.value}")) for p in doc.missing_parties)
        document.add_paragraph(f"{words(t('plan.doc.missing_parties'))} {parties}")


def _section(document: DocxDocument, section: SectionContent, words: Words) -> None:
    document.add_heading(clean_text(section.title), level=1).paragraph_format.keep_with_next = True
    if section.intro:
        document.add_paragraph(clean_text(section.intro)).runs[0].italic = True
    heading = None
    for item in section.items:
        if item.heading and item.heading != heading:
            document.add_heading(clean_text(item.heading), level=2).paragraph_format.keep_with_next = True
        heading = item.heading
        question = document.add_paragraph()
        question.add_run(clean_text(item.text)).bold = True
        question.paragraph_format.keep_with_next = True
        if item.kind == QuestionKind.TABLE and item.value:
            _table(document, item, words)
        elif item.value in (None, "", []):
            document.add_paragraph(words(t("plan.doc.unanswered"))).runs[0].italic = True
        else:
            document.add_paragraph(clean_text(plain(item.kind, item.value, words)))


def _table(document: DocxDocument, item: Item, words: Words) -> None:
    rows = [[clean_text(column.label) for column in item.columns]]
    rows += [[clean_text(plain(c.kind, row.get(c.key), words)) for c in item.columns] for row in item.value]
    if item.sums:
        total = [clean_text(plain(c.kind, item.sums[c.key], words)) if c.key in item.sums else "" for c in item.columns]
        if item.columns[0].key not in item.sums:
            total[0] = words(t("plan.doc.total"))
        rows.append(total)
    numeric = [column.kind in NUMERIC for column in item.columns]
    bold_rows = {0, len(rows) - 1} if item.sums else {0}
    table = _grid(document, rows, numeric, bold_rows)
    keep_table_whole(table, together=len(rows) <= WHOLE_TABLE_ROWS)
    for hint in (c.hint for c in item.columns if c.hint):
        note = document.add_paragraph(clean_text(hint))
        note.runs[0].font.size = Pt(8)
        note.paragraph_format.space_after = Pt(2)


def _grid(document: DocxDocument, rows: list[list[str]], numeric: list[bool], bold_rows: set[int]) -> Table:
    """A table of the texts, its columns sized to them, numbers right-aligned, the given rows in bold."""
    table: Table = document.add_table(rows=len(rows), cols=len(numeric))
    table.style = "Table Grid"
    for index, (row, texts) in enumerate(zip(table.rows, rows, strict=True)):
        for cell, text, is_number in zip(row.cells, texts, numeric, strict=True):
            cell.text = text
            table_cell(cell.paragraphs[0], numeric=is_number, bold=index in bold_rows)
    columns = [ColumnText(tuple(row[i] for row in rows), numeric=is_number) for i, is_number in enumerate(numeric)]
    size_columns(table, column_widths(columns))
    return table


def _signatures(document: DocxDocument, doc: PlanDocument, words: Words) -> None:
    document.add_heading(words(t("plan.doc.signatures")), level=1).paragraph_format.keep_with_next = True
    rows = [[words(t(key)) for key in SIGNATURE_LABELS]]
    for signature in doc.signatures:
        organisation = clean_text(signature.organisation or words(t(f"party.{signature.party.value}")))
        if signature.signed_on is None:
            rows.append(["", "", "", organisation])
        else:
            signed = [words(signature.signed_on), words(t("plan.doc.signed")), clean_text(signature.name)]
            rows.append([*signed, organisation])
    table = _grid(document, rows, [False] * len(SIGNATURE_LABELS), {0})
    for row in list(table.rows)[1:]:
        row.height = SIGNATURE_ROW
    keep_table_whole(table, together=True)


def _clean_words(words: Words) -> Words:
    """The reader's words, less what Word's XML cannot hold (a group name or a person's name may be in them)."""
    return lambda value: clean_text(words(value))
