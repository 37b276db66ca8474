"""Reading an existing case log (CSV or XLSX) and checking every row: all or nothing, identity never enters."""

import csv
import io
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from handlers.cases.cells import CellParsers, RowProblem, check_cells
from handlers.cases.table import ALL_COLUMNS, FORMULA_STARTS
from handlers.errors import DomainError
from handlers.identity import find_identity
from handlers.text import Join, t
from storage.cases import NewCase

MAX_ROWS = 10_000
REQUIRED_COLUMNS = ("datum", "part", "kon", "aldersgrupp")
HEADER_ALIASES = {
    "alder": "aldersgrupp",
    "aldersintervall": "aldersgrupp",
    "malgrupp": "malgrupper",
    "brist": "brister",
    "tr": "tillaggsresurs",
    "tillaggsresursen": "tillaggsresurs",
    "anteckningar": "anteckning",
    "kommentar": "anteckning",
    "nr": "nummer",
    "arendenummer": "nummer",
    "genus": "kon",
    "utfallet": "utfall",
}
XLSX_MAGIC = b"PK\x03\x04"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass
class CheckedFile:
    """The file's cases when every row is right, else every problem found."""

    cases: list[NewCase] = field(default_factory=list)
    problems: list[RowProblem] = field(default_factory=list)


def check_file(filename: str, content: bytes, parsers: CellParsers) -> CheckedFile:
    """Every data row of the file checked; raises DomainError when the file as a whole cannot be read."""
    rows = read_rows(filename, content)
    if not rows:
        raise DomainError("case.import.empty")
    header_line, header = rows[0]
    columns = _columns(header)
    data = rows[1:]
    if not data:
        raise DomainError("case.import.no_rows")
    if len(data) > MAX_ROWS:
        raise DomainError("case.import.too_many", limit=MAX_ROWS, given=len(data))
    checked = CheckedFile()
    for line, cells in data:
        by_column, stray = _by_column(columns, cells)
        new, problems = check_cells(line, by_column, parsers)
        problems.extend(RowProblem(line, "", t("case.import.stray_cell", column=n)) for n in stray)
        if new is not None and not problems:
            checked.cases.append(new)
        checked.problems.extend(problems)
    return checked


def read_rows(filename: str, content: bytes) -> list[tuple[int, list[str]]]:
    """The non-empty rows of the file's first sheet as text cells, each with its line (row) number."""
    if filename.casefold().endswith(".xls") and not content.startswith(XLSX_MAGIC):
        raise DomainError("case.import.old_excel")
    is_xlsx = content.startswith(XLSX_MAGIC) or filename.casefold().endswith((".xlsx", ".xlsm"))
    rows = _xlsx_rows(content) if is_xlsx else _csv_rows(content)
    return [(line, cells) for line, cells in rows if any(cells)]


def cell_text(value: Any) -> str:
    """A cell as text: numbers without a decimal tail, dates as ISO, booleans as ja/nej, space trimmed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _xlsx_rows(content: bytes) -> list[tuple[int, list[str]]]:
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError) as error:
        raise DomainError("case.import.unreadable") from error
    try:
        sheet = workbook.worksheets[0]
        return [
            (line, [cell_text(v) for v in values])
            for line, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()


def _decode(content: bytes) -> str:
    if content.startswith(UTF16_BOMS):
        return content.decode("utf-16")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def _csv_rows(content: bytes) -> list[tuple[int, list[str]]]:
    text = _decode(content)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows, start = [], 1
    try:
        for record in reader:
            rows.append((start, [_unguarded(cell.strip()) for cell in record]))
            start = reader.line_num + 1
    except csv.Error as error:
        raise DomainError("case.import.unreadable") from error
    return rows


def _unguarded(text: str) -> str:
    """Undo the apostrophe our export puts before text a spreadsheet would take for a formula."""
    return text[1:] if len(text) > 1 and text[0] == "'" and text[1:].startswith(FORMULA_STARTS) else text


def _plain(header: str) -> str:
    decomposed = unicodedata.normalize("NFKD", header.casefold())
    return re.sub(r"[^a-z]", "", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _columns(header: Sequence[str]) -> list[str | None]:
    """The column each header cell names; a file with unknown, repeated or missing columns is refused."""
    if any(find_identity(name) for name in header):
        raise DomainError("case.import.identity_header")
    known = {_plain(name): name for name in ALL_COLUMNS} | HEADER_ALIASES
    columns = [known.get(_plain(name)) if name else None for name in header]
    unknown = [name for name, column in zip(header, columns, strict=True) if name and column is None]
    if unknown:
        raise DomainError("case.import.unknown_columns", columns=Join(tuple(unknown)), expected=Join(ALL_COLUMNS))
    repeated = sorted({c for c in columns if c and columns.count(c) > 1})
    if repeated:
        raise DomainError("case.import.repeated_columns", columns=Join(tuple(repeated)))
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        raise DomainError("case.import.missing_columns", columns=Join(tuple(missing)))
    return columns


def _by_column(columns: list[str | None], cells: list[str]) -> tuple[dict[str, str], list[int]]:
    """The row's cells by column name, and the positions (1-based) of text in columns without a header."""
    by_column: dict[str, str] = {}
    stray: list[int] = []
    for position, text in enumerate(cells, start=1):
        column = columns[position - 1] if position <= len(columns) else None
        if column is not None:
            by_column[column] = text
        elif text:
            stray.append(position)
    return by_column, stray
