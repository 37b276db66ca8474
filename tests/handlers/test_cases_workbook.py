"""The exported workbook read back with openpyxl: set up to print (A4 landscape, one page wide, the header on every
page, page numbers), an autofilter, Swedish headers that the import reads as well as the field names."""

from io import BytesIO
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from bot.services import Services
from handlers.cases.table import ALL_COLUMNS, HEADERS, WRAPPED
from tests.handlers.test_cases_helpers import CASE_ANSWERS, HEBY, TIERP, command, make_group, register_by_chat
from tests.handlers.test_cases_transfer import export_file, facts, heby, import_file  # noqa: F401 (the fixture)

DATA = Path(__file__).resolve().parents[1] / "data"
SWEDISH = [
    "Datum",
    "Part",
    "Enhet",
    "Kön",
    "Åldersgrupp",
    "Målgrupper",
    "Brister",
    "Tilläggsresurs",
    "Status",
    "Utfall",
    "Anteckning",
    "Beskrivning",
    "Avslutad",
    "Ärendenummer",
    "Uppföljning",
]


def sheet_of(content: bytes) -> Worksheet:
    sheet = load_workbook(BytesIO(content)).active
    assert isinstance(sheet, Worksheet)
    return sheet


def test_the_workbook_prints_a4_landscape_one_page_wide_with_the_header_on_every_page(heby: Services) -> None:  # noqa: F811
    import_file(heby, (DATA / "cases_import.csv").read_bytes(), "logg.csv")
    sheet = sheet_of(export_file(heby, "xlsx").content)
    setup = sheet.page_setup
    assert (setup.orientation, int(setup.paperSize)) == ("landscape", 9), "9 is A4"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert sheet.print_title_rows == "$1:$1", "the header row repeats on every printed page"
    assert sheet.auto_filter.ref == "A1:O7" and sheet.freeze_panes == "A2"
    assert sheet.oddFooter.center.text == "&P / &N" and sheet.print_options.gridLines


def test_the_headers_are_swedish_and_the_long_text_wraps_in_columns_sized_to_it(heby: Services) -> None:  # noqa: F811
    import_file(heby, (DATA / "cases_import.csv").read_bytes(), "logg.csv")
    sheet = sheet_of(export_file(heby, "xlsx").content)
    assert [cell.value for cell in sheet[1]] == SWEDISH == [HEADERS[name] for name in ALL_COLUMNS]
    assert all(cell.font.bold for cell in sheet[1])
    widths = {name: sheet.column_dimensions[chr(ord("A") + i)].width for i, name in enumerate(ALL_COLUMNS)}
    assert widths["datum"] >= 12 and widths["part"] < widths["malgrupper"] <= 36
    assert widths["tillaggsresurs"] >= len("Tilläggsresurs") + 2, "the header is not cut off"
    wrapped = [sheet.cell(row=2, column=ALL_COLUMNS.index(name) + 1).alignment.wrap_text for name in WRAPPED]
    assert all(wrapped) and not sheet["A2"].alignment.wrap_text
    assert all(sheet.row_dimensions[row].height >= 15 for row in range(2, 8))


def test_the_import_reads_the_swedish_headers_and_the_field_names(heby: Services) -> None:  # noqa: F811
    make_group(heby, "Tierp", TIERP, {"UCECILIA": "FK"})
    import_file(heby, (DATA / "cases_import.csv").read_bytes(), "logg.csv")  # field names: datum;part;kon;…
    export = export_file(heby, "xlsx")
    assert import_file(heby, export.content, export.filename, group="Tierp").problems == []
    heby_facts, tierp_facts = [f[1:] for f in facts(heby)[:6]], [f[1:] for f in facts(heby)[6:]]
    assert tierp_facts == heby_facts, "everything comes back from the Swedish headers"


def test_target_groups_are_written_the_way_the_group_and_the_forbund_write_them(heby: Services) -> None:  # noqa: F811
    command(heby, "UANNA", "målgrupper lägg till Unga vuxna", HEBY)
    register_by_chat(heby, answers={**CASE_ANSWERS, "target_groups": "unga vuxna, nyanlända, psykisk ohälsa"})
    sheet = sheet_of(export_file(heby, "xlsx").content)
    cell = sheet.cell(row=2, column=ALL_COLUMNS.index("malgrupper") + 1).value
    assert cell == "Unga vuxna; Nyanlända; Psykisk ohälsa/funktionsnedsättning", "not lowercase beside capitalised"
