"""The lots-ärende file: its columns, a case as a row, and rows written as CSV or XLSX (export).

The CSV's header is the field names (`datum;part;…`), for scripts and older imports; the workbook's header is
the same columns in Swedish (`Datum`, `Åldersgrupp`, `Målgrupper` …), for people. The import reads both. The
workbook prints as it should: A4 landscape, fitted to the page width, the header repeated on every page, page
numbers in the footer, an autofilter on the header, long text wrapped in columns sized to what they hold.

Text is written without the characters a file cannot hold (handlers.cleaning): a note stored with U+FFFF or a
control character before text was cleaned at the door still exports, in both formats. openpyxl is loaded at the
first workbook (0.2 s with the numpy it brings), which the deliverer makes after the answer: no start pays for it.
"""

import csv
import io
import math
from collections.abc import Sequence
from datetime import date, tzinfo
from typing import TYPE_CHECKING

from handlers.cases.vocabulary import AGE_BANDS, FAILURES, GENDERS, OUTCOMES, PARTIES, STATUSES, Term, spelling
from handlers.cleaning import clean_text
from handlers.file_names import slug
from storage.case_models import Case

if TYPE_CHECKING:
    from openpyxl.styles import Alignment
    from openpyxl.worksheet.worksheet import Worksheet

COLUMNS = (
    "datum",
    "part",
    "enhet",
    "kon",
    "aldersgrupp",
    "malgrupper",
    "brister",
    "tillaggsresurs",
    "status",
    "utfall",
    "anteckning",
)
EXTRA_COLUMNS = ("beskrivning", "avslutad", "nummer", "uppfoljning")
ALL_COLUMNS = COLUMNS + EXTRA_COLUMNS
HEADERS = {  # the workbook's header: the file's own words in Swedish (not catalogue text: the import reads them)
    "datum": "Datum",
    "part": "Part",
    "enhet": "Enhet",
    "kon": "Kön",
    "aldersgrupp": "Åldersgrupp",
    "malgrupper": "Målgrupper",
    "brister": "Brister",
    "tillaggsresurs": "Tilläggsresurs",
    "status": "Status",
    "utfall": "Utfall",
    "anteckning": "Anteckning",
    "beskrivning": "Beskrivning",
    "avslutad": "Avslutad",
    "nummer": "Ärendenummer",
    "uppfoljning": "Uppföljning",
}
WIDEST = {  # the columns of longer text: no wider than this, wrapped within it (others up to 16)
    "enhet": 20,
    "malgrupper": 34,
    "brister": 34,
    "utfall": 34,
    "anteckning": 36,
    "beskrivning": 36,
    "uppfoljning": 44,
}
WRAPPED = tuple(WIDEST)
LINE_HEIGHT = 15  # points, a line of Calibri 11
FREE_TEXT_COLUMNS = ("enhet", "anteckning", "beskrivning", "uppfoljning")
FOLLOW_UP_SEPARATOR = "\n"  # one follow-up note a line: "2026-11-20: Ringt AF"
LIST_SEPARATOR = "; "
CSV_DELIMITER = ";"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMATS = {"csv": "csv", "xlsx": "xlsx", "excel": "xlsx", "xls": "xlsx"}
SHEET_TITLE = "lots-arenden"

Cell = str | int | date


def case_row(case: Case, targets: Sequence[Term], tz: tzinfo) -> dict[str, Cell]:
    """A case as the file's row: codes written the way people spell them, so the file can be imported again.

    The follow-up notes go in one cell, a line each (a note's own line breaks become spaces), dated by the day
    they were written (in tz)."""
    return {
        "datum": case.raised_on,
        "part": spelling(PARTIES, case.party),
        "enhet": case.unit,
        "kon": spelling(GENDERS, case.gender),
        "aldersgrupp": spelling(AGE_BANDS, case.age_band),
        "malgrupper": LIST_SEPARATOR.join(spelling(tuple(targets), tg.code) for tg in case.target_groups),
        "brister": LIST_SEPARATOR.join(spelling(FAILURES, f.code) for f in case.failures),
        "tillaggsresurs": "ja" if case.referred_tr else "nej",
        "status": spelling(STATUSES, case.status),
        "utfall": spelling(OUTCOMES, case.outcome) if case.outcome else "",
        "anteckning": case.note,
        "beskrivning": case.failure_text,
        "avslutad": case.closed_on or "",
        "nummer": case.number,
        "uppfoljning": FOLLOW_UP_SEPARATOR.join(
            f"{note.at.astimezone(tz).date().isoformat()}: {_one_line(note.text)}" for note in case.notes
        ),
    }


def _one_line(text: str) -> str:
    """A note on one line, so that each line of the cell is one dated note (cleaned first: some control
    characters count as white space)."""
    return " ".join(clean_text(text).split())


def _neutralised(value: Cell) -> Cell:
    """Text a spreadsheet would run as a formula gets a leading apostrophe (CSV only; XLSX marks cells as text)."""
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def to_csv(rows: Sequence[dict[str, Cell]], *, bom: bool = True) -> bytes:
    """The rows as CSV the way Swedish Excel opens it: semicolons, UTF-8 (with a byte order mark for files)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(ALL_COLUMNS)
    for row in rows:
        writer.writerow([_csv_value(_neutralised(row[column])) for column in ALL_COLUMNS])
    return out.getvalue().encode("utf-8-sig" if bom else "utf-8")


def _csv_value(value: Cell) -> str:
    return value.isoformat() if isinstance(value, date) else clean_text(str(value))


def to_xlsx(rows: Sequence[dict[str, Cell]]) -> bytes:
    """The rows as an Excel workbook: one sheet, a bold Swedish header, dates as dates, text cells as text, set
    up to print."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = SHEET_TITLE
    for column, name in enumerate(ALL_COLUMNS, start=1):
        header = sheet.cell(row=1, column=column, value=HEADERS[name])
        header.font, header.alignment = Font(name="Calibri", size=11, bold=True), Alignment(vertical="top")
    wrapped, unwrapped = (Alignment(horizontal="left", vertical="top", wrap_text=wrap) for wrap in (True, False))
    for row_number, row in enumerate(rows, start=2):
        for column, name in enumerate(ALL_COLUMNS, start=1):
            _write_cell(sheet, row_number, column, row[name], wrapped if name in WRAPPED else unwrapped)
    sheet.freeze_panes = "A2"
    widths = {name: _width(name, [row[name] for row in rows]) for name in ALL_COLUMNS}
    for column, name in enumerate(ALL_COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = widths[name]
    for row_number, row in enumerate(rows, start=2):
        sheet.row_dimensions[row_number].height = LINE_HEIGHT * _lines(row, widths)
    _print_setup(sheet, len(rows) + 1)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _width(name: str, values: Sequence[Cell]) -> float:
    """A column as wide as its (bold) header and longest line, up to its widest (long text wraps below that)."""
    lines = [line for v in values for line in _cell_text(v).split("\n")]
    longest = max((len(line) for line in lines), default=0)
    return max(len(HEADERS[name]) + 3, min(longest, WIDEST.get(name, 16)) + 2)


def _per_line(width: float) -> float:
    """Characters of text on a line of a column (widths count the digit 0; text letters are a little narrower)."""
    return (width - 1) * 1.15


def _lines(row: dict[str, Cell], widths: dict[str, float]) -> int:
    """How many lines the row's wrapped cells take (Excel and LibreOffice do not work it out on opening)."""
    return max(
        [1]
        + [
            sum(max(1, math.ceil(len(line) / _per_line(widths[name]))) for line in _cell_text(row[name]).split("\n"))
            for name in WRAPPED
        ]
    )


def _cell_text(value: Cell) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _print_setup(sheet: "Worksheet", last_row: int) -> None:
    """A4 landscape, as wide as the page, the header on every page, page numbers, an autofilter on the header."""
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.page import PageMargins
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = "1:1"
    sheet.print_options.gridLines = True
    sheet.page_margins = PageMargins(left=0.5, right=0.5, top=0.6, bottom=0.6, header=0.3, footer=0.3)
    sheet.oddFooter.center.text = "&P / &N"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(ALL_COLUMNS))}{last_row}"


def _write_cell(sheet: "Worksheet", row: int, column: int, value: Cell, alignment: "Alignment") -> None:
    if isinstance(value, str):
        cell = sheet.cell(row=row, column=column, value=clean_text(value))
        cell.data_type = "s"
    else:
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, date):
            cell.number_format = "yyyy-mm-dd"
    cell.alignment = alignment


def file_bytes(rows: Sequence[dict[str, Cell]], file_format: str, *, bom: bool = True) -> bytes:
    """The rows in the format ("csv" or "xlsx")."""
    return to_xlsx(rows) if file_format == "xlsx" else to_csv(rows, bom=bom)


def file_name(group_name: str, day: date, file_format: str) -> str:
    """The file's name, ASCII only so every system can save it: lots-arenden-heby-2026-11-23.xlsx."""
    return f"lots-arenden-{slug(group_name)}-{day.isoformat()}.{file_format}"
