"""The lots-ärende file: its columns, a case as a row, and rows written as CSV or XLSX (export).

Text is written without the characters a file cannot hold (handlers.cleaning): a note stored with U+FFFF or a
control character before text was cleaned at the door still exports, in both formats.
"""

import csv
import io
from collections.abc import Sequence
from datetime import date, tzinfo

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from handlers.cases.vocabulary import AGE_BANDS, FAILURES, GENDERS, OUTCOMES, PARTIES, STATUSES, Term, spelling
from handlers.cleaning import clean_text
from handlers.file_names import slug
from storage.case_models import Case

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
    """The rows as an Excel workbook: one sheet, bold header, dates as dates, every text cell stored as text."""
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    sheet.title = SHEET_TITLE
    for column, name in enumerate(ALL_COLUMNS, start=1):
        sheet.cell(row=1, column=column, value=name).font = Font(bold=True)
    for row_number, row in enumerate(rows, start=2):
        for column, name in enumerate(ALL_COLUMNS, start=1):
            _write_cell(sheet, row_number, column, row[name])
    sheet.freeze_panes = "A2"
    widths = (12, 8, 20, 16, 12, 40, 40, 14, 10, 24, 40, 40, 12, 8, 50)
    for letter, width in zip("ABCDEFGHIJKLMNO", widths, strict=True):
        sheet.column_dimensions[letter].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _write_cell(sheet: Worksheet, row: int, column: int, value: Cell) -> None:
    if isinstance(value, str):
        cell = sheet.cell(row=row, column=column, value=clean_text(value))
        cell.data_type = "s"
    else:
        cell = sheet.cell(row=row, column=column, value=value)
        if isinstance(value, date):
            cell.number_format = "yyyy-mm-dd"


def file_bytes(rows: Sequence[dict[str, Cell]], file_format: str, *, bom: bool = True) -> bytes:
    """The rows in the format ("csv" or "xlsx")."""
    return to_xlsx(rows) if file_format == "xlsx" else to_csv(rows, bom=bom)


def file_name(group_name: str, day: date, file_format: str) -> str:
    """The file's name, ASCII only so every system can save it: lots-arenden-heby-2026-11-23.xlsx."""
    return f"lots-arenden-{slug(group_name)}-{day.isoformat()}.{file_format}"
