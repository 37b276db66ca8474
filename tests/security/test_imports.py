"""`lokusbot import cases` with hostile or broken files, and two imports of one group at once.

Every outcome is a Swedish sentence and an exit code, never a traceback; numbers stay unique. Before, XLSX with
DTD entity declarations ended in a raw ParseError, and two imports at once in an IntegrityError for one of them.
"""

import io
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from bot.cli import main
from bot.services import Services
from tests.bot.test_cli_cases import cli, console
from tests.handlers.test_cases_helpers import everything_stored, stored_cases

__all__ = ["cli"]

ROOT = Path(__file__).resolve().parents[2]
HEADER = "datum;part;kon;aldersgrupp;anteckning\n"
ROW = "2026-09-01;AF;man;20-24;Väntar på besked\n"


def _xlsx(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)  # type: ignore[union-attr]
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


GOOD_XLSX = _xlsx([["datum", "part", "kon", "aldersgrupp", "anteckning"], ["2026-09-01", "AF", "man", "20-24", "ok"]])


def _with_sheet(change: Callable[[bytes], bytes], source: bytes = GOOD_XLSX) -> bytes:
    """The workbook with its first sheet's XML changed."""
    original = zipfile.ZipFile(io.BytesIO(source))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in original.infolist():
            data = original.read(info.filename)
            archive.writestr(info.filename, change(data) if info.filename == "xl/worksheets/sheet1.xml" else data)
    return out.getvalue()


def _entities(declarations: str, reference: str) -> bytes:
    return _with_sheet(
        lambda xml: f"<!DOCTYPE worksheet [{declarations}]>".encode() + xml.replace(b">ok<", f">{reference}<".encode())
    )


LAUGHS = '<!ENTITY a "aaaaaaaaaa">' + "".join(
    f'<!ENTITY {name} "{("&" + previous + ";") * 10}">' for previous, name in zip("abcdef", "bcdefg", strict=True)
)
HOSTILE = {
    "an entity holding a personnummer": (_entities('<!ENTITY p "19121212-1212">', "&p;"), "x.xlsx", "XML"),
    "a billion laughs": (_entities(LAUGHS, "&g;"), "x.xlsx", "XML"),
    "an external entity": (_entities('<!ENTITY x SYSTEM "file:///etc/passwd">', "&x;"), "x.xlsx", "XML"),
    "a parameter entity": (_entities('<!ENTITY % p SYSTEM "http://127.0.0.1:9/x.dtd"> %p;', "ok"), "x.xlsx", "XML"),
    "a corrupt zip": (GOOD_XLSX[: len(GOOD_XLSX) // 2], "x.xlsx", "går inte att läsa"),
    "a zip that is no workbook": (_with_sheet(lambda xml: b"not xml at all <<<"), "x.xlsx", "går inte att läsa"),
    "a word document": (b"PK\x03\x04" + b"\x00" * 40, "x.docx", "går inte att läsa"),
    "random bytes named xlsx": (os.urandom(2048), "x.xlsx", "går inte att läsa"),
    "an empty file": (b"", "x.csv", "Filen är tom"),
    "an empty xlsx": (b"", "x.xlsx", "Filen är tom"),
    "only spaces": (b"   \n \n", "x.csv", "Filen är tom"),
    "a binary file named csv": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "x.csv", "går inte"),
    "a cell larger than csv allows": (HEADER.encode() + b'"' + b"x" * 200_000 + b'"\n', "x.csv", "går inte att läsa"),
    "an old excel file": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "x.xls", ".xls"),
}


@pytest.mark.parametrize(("content", "filename", "said"), list(HOSTILE.values()), ids=list(HOSTILE))
def test_a_hostile_or_broken_file_is_refused_in_swedish_without_a_traceback(
    cli: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, filename: str, said: str
) -> None:
    path = tmp_path / filename
    path.write_bytes(content)
    assert main(["import", "cases", str(path), "--group", "Heby"]) == 1
    printed = capsys.readouterr()
    assert said in printed.err and "Traceback" not in printed.err + printed.out
    assert stored_cases(cli) == [] and "19121212" not in everything_stored(cli)


def test_a_workbook_that_unpacks_to_more_than_the_limit_is_refused(
    cli: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("handlers.cases.reading.MAX_UNPACKED_BYTES", 1_000_000)
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(_with_sheet(lambda xml: xml.replace(b"<sheetData>", b"<sheetData>" + b" " * 1_000_000, 1)))
    assert path.stat().st_size < 50_000
    assert main(["import", "cases", str(path), "--group", "Heby"]) == 1
    assert "Filen är för stor" in capsys.readouterr().err


def test_a_file_larger_than_the_limit_is_not_even_read(
    cli: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as out:
        out.write(HEADER.encode())
        out.truncate(21 * 1024 * 1024)
    assert main(["import", "cases", str(path), "--group", "Heby"]) == 1
    assert "Filen är för stor: högst 20 MB" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("encoding", "text"),
    [("utf-16-le", HEADER + ROW), ("utf-16-be", HEADER + ROW), ("cp1252", HEADER + ROW), ("utf-8", HEADER + ROW)],
)
def test_a_case_log_in_another_encoding_is_read(cli: Services, tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "logg.csv"
    path.write_bytes(text.encode(encoding))
    assert main(["import", "cases", str(path), "--group", "Heby"]) == 0
    assert [case.note for case in stored_cases(cli)] == ["Väntar på besked"]


def test_control_characters_in_cells_are_taken_out(cli: Services, tmp_path: Path) -> None:
    path = tmp_path / "logg.csv"
    path.write_bytes((HEADER + "2026-09-01;AF;man;20-24;Vän\x00tar\x1b[2J på\ufffe besked\uffff\r\n").encode())
    assert main(["import", "cases", str(path), "--group", "Heby"]) == 0
    assert [case.note for case in stored_cases(cli)] == ["Väntar[2J på besked"]


def test_three_imports_of_one_group_at_once_all_finish_with_unique_numbers(
    cli: Services, database_url: str, tmp_path: Path
) -> None:
    rows, runs = 800, 3
    path = tmp_path / "logg.csv"
    path.write_text(HEADER + ROW * rows, encoding="utf-8")
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "bot.cli", "import", "cases", str(path), "--group", "Heby"]
    started = [
        subprocess.Popen(command, env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(runs)
    ]
    printed = [run.communicate(timeout=180) for run in started]
    outcomes = [(run.returncode, out.decode(), err.decode()) for run, (out, err) in zip(started, printed, strict=True)]
    for code, out, err in outcomes:
        assert code == 0 and "ärenden importerade till LOKUS Heby" in out and "Traceback" not in err, (code, out, err)
    assert sorted(case.number for case in stored_cases(cli)) == list(range(1, runs * rows + 1))
    ranges = [(n * rows + 1, (n + 1) * rows) for n in range(runs)]  # case numbers are never grouped
    assert sorted(out.strip() for _, out, _ in outcomes) == sorted(
        f"{rows} ärenden importerade till LOKUS Heby (#{first}–#{last})." for first, last in ranges
    )


def test_the_console_cleans_what_is_typed(cli: Services, tmp_path: Path) -> None:
    console(cli, "/lokus möte punkt Samverkan\x00 kring\x07 unga\ufffe", tmp_path)
    assert "Samverkan kring unga" in everything_stored(cli) and "\x00" not in everything_stored(cli)
