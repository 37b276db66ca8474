"""The plan's Word file read back with python-docx: the page, the language, the properties, the page numbers, the
table layout – what Word shows before anyone reads a word of it."""

import zipfile
from datetime import UTC, datetime
from io import BytesIO

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from bot.services import Services
from handlers.plans.docx_layout import ColumnText, _line_mm, _word_mm, column_widths
from handlers.plans.names import PlanAction, pack
from tests.handlers.test_plan_documents import _files
from tests.handlers.test_plan_helpers import (
    ANNA,
    BERTIL,
    CECILIA,
    DAVID,
    HEBY,
    answer,
    approve,
    command,
    heby,
    press,
    the_plan,
    write_verksamhetsplan,
)

NBSP = "\u00a0"


def approved_plan(services: Services, language: str = "sv") -> bytes:
    """Heby's verksamhetsplan 2028, written and approved by all four parties, as the .docx file."""
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2028")
    plan_id = the_plan(services).id
    write_verksamhetsplan(services, plan_id)
    for user, name in ((BERTIL, "Bertil Berg"), (CECILIA, "Cecilia Ek"), (DAVID, "David Lind"), (ANNA, "Anna Ahl")):
        approve(services, user, plan_id, name)
    return _files(press(services, ANNA, PlanAction.DOCUMENT, pack(plan_id), HEBY), language)["docx"]


def draft_plan(services: Services) -> bytes:
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2028")
    answer(services, BERTIL, the_plan(services).id, "mal", {"mal": "Samverkan."})
    return _files(command(services, CECILIA, "plan dokument"))["docx"]


def languages(document: DocxDocument) -> tuple[set[str | None], set[str | None], set[str | None]]:
    """The w:lang values of the document defaults, of every style that sets run properties, and of every run."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    of_styles = {
        style.find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:val"))
        for style in styles.iter(qn("w:style"))
        if style.find(qn("w:rPr")) is not None
    }
    runs = [document.element.body, document.sections[0].header._element, document.sections[0].footer._element]
    of_runs = {
        (r.rPr.find(qn("w:lang")).get(qn("w:val")) if r.rPr is not None else None)
        for part in runs
        for r in part.iter(qn("w:r"))
    }
    return {defaults.get(qn("w:val"))}, of_styles, of_runs


def test_the_page_is_a4_with_the_margins_of_swedish_public_documents(services: Services) -> None:
    document = Document(BytesIO(approved_plan(services)))
    [section] = document.sections
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297), "A4, not US Letter"
    margins = (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin)
    assert [round(m.mm, 1) for m in margins] == [25.0] * 4
    assert round(section.header_distance.mm, 1) == round(section.footer_distance.mm, 1) == 12.5


def test_styles_and_every_run_are_swedish_so_word_spell_checks_in_swedish(services: Services) -> None:
    document = Document(BytesIO(approved_plan(services)))
    assert languages(document) == ({"sv-SE"}, {"sv-SE"}, {"sv-SE"})
    settings = document.settings.element.find(qn("w:themeFontLang"))
    assert settings is None or settings.get(qn("w:val")) == "sv-SE"
    fonts = {f.get(qn("w:ascii")) for f in document.styles.element.iter(qn("w:rFonts"))}
    assert fonts == {"Calibri"}, "no theme fonts (Cambria) left from the template"


def test_the_properties_name_the_plan_the_group_and_the_day_and_nothing_of_python_docx(services: Services) -> None:
    content = approved_plan(services)
    core = Document(BytesIO(content)).core_properties
    assert core.title == "Verksamhetsplan 2028 LOKUS Heby" and core.category == "Verksamhetsplan"
    assert (core.author, core.last_modified_by, core.language) == ("LOKUS Heby", "LOKUS Heby", "sv-SE")
    assert core.created == datetime(2026, 11, 23, 9, 0, tzinfo=UTC) == core.modified, "made now (the test clock)"
    assert (core.comments, core.keywords, core.revision) == ("", "", 1)
    with zipfile.ZipFile(BytesIO(content)) as package:
        names = package.namelist()
        app = package.read("docProps/app.xml").decode()
        every_text = b"".join(package.read(n) for n in names if n.endswith(".xml")).decode()
    assert "<Company>LOKUS Heby</Company>" in app and "<Application>lokusbot</Application>" in app
    assert "python-docx" not in every_text and "docProps/thumbnail.jpeg" not in names


@pytest.mark.parametrize(("language", "words"), [("sv", ("Sida ", " av ")), ("en", ("Page ", " of "))])
def test_the_footer_numbers_the_pages_with_word_fields(services: Services, language: str, words: tuple) -> None:
    document = Document(BytesIO(approved_plan(services, language)))
    footer = document.sections[0].footer.paragraphs[0]
    instructions = [i.text.strip() for i in footer._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    texts = [t.text for t in footer._p.iter(qn("w:t"))]
    assert texts == [words[0], "1", words[1], "1"], "the words around the fields, and the fields' placeholders"
    assert footer.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_a_draft_keeps_its_utkast_header_and_gets_page_numbers_too(services: Services) -> None:
    document = Document(BytesIO(draft_plan(services)))
    assert document.sections[0].header.paragraphs[0].text == "UTKAST – Verksamhetsplan 2028 LOKUS Heby"
    footer = document.sections[0].footer.paragraphs[0]
    assert [i.text.strip() for i in footer._p.iter(qn("w:instrText"))] == ["PAGE", "NUMPAGES"]


def test_the_resource_table_is_sized_to_its_content_with_amounts_right_aligned(services: Services) -> None:
    document = Document(BytesIO(approved_plan(services)))
    resources = document.tables[0]
    widths = [column.width.mm for column in resources.columns]
    texts = [[cell.text for cell in column.cells] for column in resources.columns]
    assert sum(widths) == pytest.approx(160, abs=0.5), "the text width of an A4 page with 2.5 cm margins"
    for width, column in zip(widths, texts, strict=True):
        assert width >= max(_word_mm(text) for text in column), f"a word of {column[0]!r} would be broken"
    resource, percent, period, goal, effects, cost = widths
    assert percent < min(resource, goal) and cost < resource, "the number columns are narrow, text ones wide"
    assert all(
        c.width.mm == pytest.approx(w, abs=0.1)
        for w, col in zip(widths, resources.columns, strict=True)
        for c in col.cells
    )
    assert resources._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    amounts = resources.columns[5].cells
    assert [c.text for c in amounts[1:]] == [f"450{NBSP}000{NBSP}kr", f"300{NBSP}000{NBSP}kr", f"750{NBSP}000{NBSP}kr"]
    assert {c.paragraphs[0].alignment for c in amounts} == {WD_ALIGN_PARAGRAPH.RIGHT}
    assert {c.paragraphs[0].alignment for c in resources.columns[1].cells} == {WD_ALIGN_PARAGRAPH.RIGHT}
    assert {c.paragraphs[0].alignment for c in resources.columns[0].cells} == {None}, "text stays left"


def test_no_row_is_split_the_header_repeats_and_questions_stay_with_their_answers(services: Services) -> None:
    document = Document(BytesIO(approved_plan(services)))
    for table in document.tables:
        rows = [row._tr.trPr for row in table.rows]
        assert all(r is not None and r.find(qn("w:cantSplit")) is not None for r in rows)
        assert rows[0].find(qn("w:tblHeader")) is not None and all(r.find(qn("w:tblHeader")) is None for r in rows[1:])
        kept = [
            p.paragraph_format.keep_with_next for row in list(table.rows)[:-1] for c in row.cells for p in c.paragraphs
        ]
        assert all(kept), "a short table is kept on one page"
    paragraphs = document.paragraphs
    question = next(p for p in paragraphs if p.text.startswith("Hur utifrån verksamhetsplanen"))
    assert question.paragraph_format.keep_with_next, "the question before the resource table stays with it"
    headings = [p for p in paragraphs if p.style.name.startswith("Heading")]
    assert headings and all(p.paragraph_format.keep_with_next for p in headings)


def test_column_widths_never_go_below_the_longest_word_and_share_the_rest() -> None:
    columns = [
        ColumnText(("Resurs", "Samverkanskoordinator")),
        ColumnText(("Procent av heltid", "75\u00a0%"), numeric=True),
        ColumnText(("Resultatmål", "Besöka och informera om SK:s funktion hos parterna, " * 4)),
        ColumnText(("Kostnad", "450\u00a0000\u00a0kr"), numeric=True),
    ]
    widths = column_widths(columns)
    assert sum(widths) == pytest.approx(160)
    assert widths[0] >= _line_mm("Samverkanskoordinator") and widths[3] >= _line_mm("450\u00a0000\u00a0kr")
    assert widths[2] == max(widths), "the long text takes the room left"
    assert widths[1] >= max(_line_mm("Procent av"), _line_mm("heltid")), "a number column's header in two lines"
    narrow = column_widths(columns, available_mm=60)
    assert sum(narrow) == pytest.approx(60), "too little room: every column shrinks alike, none is dropped"
