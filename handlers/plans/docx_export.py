"""The plan as a Word document laid out like the form: headings, questions, answers, tables, signatures.

The words the bot adds (UTKAST, Summa, Datum …) come from the catalogue through `words`, in the reader's
language; the template's texts and the answers are written as they are, less the characters Word's XML cannot
hold (handlers.cleaning): an answer stored with a control character still makes a document.
"""

from io import BytesIO

from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Pt, RGBColor

from handlers.cleaning import clean_text
from handlers.plans.content import Item, PlanDocument, SectionContent
from handlers.plans.template_schema import QuestionKind
from handlers.plans.values import Words, plain
from handlers.text import t

DRAFT_RED = RGBColor(0xB0, 0x00, 0x20)
SIGNATURE_LABELS = ("plan.doc.date", "plan.doc.signature", "plan.doc.name", "plan.doc.organisation")


def docx_bytes(doc: PlanDocument, words: Words) -> bytes:
    """The plan as a .docx file."""
    words = _clean_words(words)
    document = Document()
    document.core_properties.title = clean_text(doc.title)
    if doc.draft:
        _draft_mark(document, doc, words)
    document.add_heading(clean_text(doc.title), level=0)
    for line in doc.intro:
        document.add_paragraph(clean_text(line))
    for section in doc.sections:
        _section(document, section, words)
    if doc.signatures:
        _signatures(document, doc, words)
    footer = document.add_paragraph(words(t("plan.doc.made", date=doc.made_on)))
    footer.runs[0].italic = True
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
    document.add_heading(clean_text(section.title), level=1)
    if section.intro:
        document.add_paragraph(clean_text(section.intro)).runs[0].italic = True
    heading = None
    for item in section.items:
        if item.heading and item.heading != heading:
            document.add_heading(clean_text(item.heading), level=2)
        heading = item.heading
        document.add_paragraph().add_run(clean_text(item.text)).bold = True
        if item.kind == QuestionKind.TABLE and item.value:
            _table(document, item, words)
        elif item.value in (None, "", []):
            document.add_paragraph(words(t("plan.doc.unanswered"))).runs[0].italic = True
        else:
            document.add_paragraph(clean_text(plain(item.kind, item.value, words)))


def _table(document: DocxDocument, item: Item, words: Words) -> None:
    table = document.add_table(rows=1, cols=len(item.columns))
    table.style = "Table Grid"
    for cell, column in zip(table.rows[0].cells, item.columns, strict=True):
        cell.text = clean_text(column.label)
        cell.paragraphs[0].runs[0].bold = True
    for row in item.value:
        cells = table.add_row().cells
        for cell, column in zip(cells, item.columns, strict=True):
            cell.text = clean_text(plain(column.kind, row.get(column.key), words))
    if item.sums:
        cells = table.add_row().cells
        if item.columns[0].key not in item.sums:
            cells[0].text = words(t("plan.doc.total"))
        for cell, column in zip(cells, item.columns, strict=True):
            if column.key in item.sums:
                cell.text = clean_text(plain(column.kind, item.sums[column.key], words))
        for cell in cells:
            for run in cell.paragraphs[0].runs:
                run.bold = True
    hints = [c.hint for c in item.columns if c.hint]
    for hint in hints:
        document.add_paragraph(clean_text(hint)).runs[0].font.size = Pt(8)


def _signatures(document: DocxDocument, doc: PlanDocument, words: Words) -> None:
    document.add_heading(words(t("plan.doc.signatures")), level=1)
    table = document.add_table(rows=1, cols=len(SIGNATURE_LABELS))
    table.style = "Table Grid"
    for cell, key in zip(table.rows[0].cells, SIGNATURE_LABELS, strict=True):
        cell.text = words(t(key))
        cell.paragraphs[0].runs[0].bold = True
    for signature in doc.signatures:
        cells = table.add_row().cells
        organisation = signature.organisation or words(t(f"party.{signature.party.value}"))
        if signature.signed_on is not None:
            cells[0].text = words(signature.signed_on)
            cells[1].text = words(t("plan.doc.signed"))
            cells[2].text = clean_text(signature.name)
        cells[3].text = clean_text(organisation)


def _clean_words(words: Words) -> Words:
    """The reader's words, less what Word's XML cannot hold (a group name or a person's name may be in them)."""
    return lambda value: clean_text(words(value))
