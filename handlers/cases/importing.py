"""Reading an existing case log (CSV or XLSX) and checking every row: all or nothing, identity never enters."""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from handlers.cases.cells import CellParsers, RowProblem, check_cells
from handlers.cases.reading import MAX_ROWS, read_rows
from handlers.cases.table import ALL_COLUMNS, HEADERS
from handlers.errors import DomainError
from handlers.identity import find_identity
from handlers.text import Join, t
from storage.cases import NewCase

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
        raise DomainError("case.import.too_many", limit=MAX_ROWS)
    checked = CheckedFile()
    for line, cells in data:
        by_column, stray = _by_column(columns, cells)
        new, problems = check_cells(line, by_column, parsers)
        problems.extend(RowProblem(line, "", t("case.import.stray_cell", column=n)) for n in stray)
        if new is not None and not problems:
            checked.cases.append(new)
        checked.problems.extend(problems)
    return checked


def _plain(header: str) -> str:
    decomposed = unicodedata.normalize("NFKD", header.casefold())
    return re.sub(r"[^a-z]", "", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def _columns(header: Sequence[str]) -> list[str | None]:
    """The column each header cell names; a file with unknown, repeated or missing columns is refused."""
    if any(find_identity(name) for name in header):
        raise DomainError("case.import.identity_header")
    known = {_plain(name): name for name in ALL_COLUMNS} | {_plain(h): n for n, h in HEADERS.items()} | HEADER_ALIASES
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
