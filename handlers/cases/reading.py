"""A case log file (CSV or XLSX) as rows of clean text cells; any file that cannot be read is a kind refusal.

The file comes from outside, so nothing in it may make the import fail with a traceback: a corrupt or foreign
zip, XML with DTD entity declarations (refused by defusedxml, which openpyxl uses when it is installed), a sheet
that unpacks to more than MAX_UNPACKED_BYTES, binary data named .csv. Cells are cleaned (handlers.cleaning).
"""

import csv
import io
import logging
import zipfile
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from defusedxml import DefusedXmlException

from handlers.cases.table import FORMULA_STARTS
from handlers.cleaning import clean_text
from handlers.errors import DomainError

log = logging.getLogger(__name__)

MAX_ROWS = 10_000
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024
MAX_COLUMNS = 64
XLSX_MAGIC = b"PK\x03\x04"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

Rows = list[tuple[int, list[str]]]


def read_rows(filename: str, content: bytes) -> Rows:
    """The non-empty rows of the file's first sheet as clean text cells, each with its line (row) number.

    At most MAX_ROWS + 2 non-empty rows are read: enough to tell that a file has too many.
    """
    if len(content) > MAX_FILE_BYTES:
        raise DomainError("case.import.too_large", limit=MAX_FILE_BYTES // (1024 * 1024))
    if not content.strip():
        raise DomainError("case.import.empty")
    if filename.casefold().endswith(".xls") and not content.startswith(XLSX_MAGIC):
        raise DomainError("case.import.old_excel")
    is_xlsx = content.startswith(XLSX_MAGIC) or filename.casefold().endswith((".xlsx", ".xlsm"))
    rows: Rows = []
    for line, cells in _xlsx_rows(content) if is_xlsx else _csv_rows(content):
        cleaned = [clean_text(cell) for cell in cells[:MAX_COLUMNS]]
        if any(cleaned):
            rows.append((line, cleaned))
        if len(rows) > MAX_ROWS + 1:
            break
    return rows


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


def _xlsx_rows(content: bytes) -> Iterator[tuple[int, list[str]]]:
    _check_archive(content)
    from openpyxl import load_workbook  # loaded at the first workbook read (handlers/cases/table.py says why)

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:  # a file from outside may break the reader in any way; none is a fault of ours
        raise _unreadable(error) from error
    try:
        sheet = workbook.worksheets[0]
        values = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
        for line, row in enumerate(values, start=1):
            yield line, [cell_text(v) for v in row]
    except DomainError:
        raise
    except Exception as error:
        raise _unreadable(error) from error
    finally:
        workbook.close()


def _check_archive(content: bytes) -> None:
    """Refuse a zip that is no zip, or that would unpack to more than MAX_UNPACKED_BYTES (a zip bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise DomainError("case.import.unreadable") from error
    if unpacked > MAX_UNPACKED_BYTES:
        raise DomainError("case.import.too_large", limit=MAX_FILE_BYTES // (1024 * 1024))


def _unreadable(error: BaseException) -> DomainError:
    """The refusal for a reader's error: XML entity declarations have words of their own."""
    log.info("an imported workbook could not be read: %s", type(error).__name__)
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, DefusedXmlException) or "entit" in str(cause).casefold():
            return DomainError("case.import.xml_entities")
        cause = cause.__cause__ or cause.__context__
    return DomainError("case.import.unreadable")


def _decode(content: bytes) -> str:
    """The text of a CSV file: UTF-16 (with a byte order mark or without), UTF-8, else Windows-1252. A file that is
    mostly control bytes is no text file."""
    if content.startswith(UTF16_BOMS):
        return content.decode("utf-16")
    head = content[:4096]
    if head.count(0) > len(head) // 4:
        return _utf16_without_bom(content)
    if sum(byte < 32 and byte not in b"\t\n\r" for byte in head) > len(head) // 20:
        raise DomainError("case.import.unreadable")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def _utf16_without_bom(content: bytes) -> str:
    """Text saved as UTF-16 without a byte order mark (nearly every other byte zero); anything else this full of
    zero bytes is not a text file."""
    head = content[:4096]
    for encoding, zeros in (("utf-16-le", head[1::2]), ("utf-16-be", head[0::2])):
        if zeros.count(0) > len(zeros) * 0.9:
            try:
                return content.decode(encoding)
            except UnicodeDecodeError:
                break
    raise DomainError("case.import.unreadable")


def _csv_rows(content: bytes) -> Iterator[tuple[int, list[str]]]:
    text = _decode(content)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        for record in reader:
            yield start, [_unguarded(cell.strip()) for cell in record]
            start = reader.line_num + 1
    except csv.Error as error:
        raise DomainError("case.import.unreadable") from error


def _unguarded(text: str) -> str:
    """Undo the apostrophe our export puts before text a spreadsheet would take for a formula."""
    return text[1:] if len(text) > 1 and text[0] == "'" and text[1:].startswith(FORMULA_STARTS) else text
