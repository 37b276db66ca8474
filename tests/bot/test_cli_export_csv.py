"""`lokusbot export cases` as people run it: through a real pipe and into a file with `>` (a BOM, so Excel reads
UTF-8), on a terminal (none), and `--no-bom`; semicolons and CRLF always."""

import csv
import io
import os
import pty
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.services import Services
from tests.bot.test_cli_cases import DATA, cli  # noqa: F401 (the fixture)

ROOT = Path(__file__).resolve().parents[2]
BOM = b"\xef\xbb\xbf"
LOKUSBOT = Path(sys.executable).parent / "lokusbot"


def shell(command: str, database_url: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """The command line run by a shell, as someone types it, on the test database."""
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(ROOT)}
    return subprocess.run(["/bin/sh", "-c", command], env=env, cwd=cwd, capture_output=True, timeout=120, check=False)


@pytest.fixture
def heby_cases(cli: Services, database_url: str) -> str:  # noqa: F811
    """Heby with the six cases of tests/data/cases_import.csv; the database's URL."""
    assert main(["import", "cases", str(DATA / "cases_import.csv"), "--group", "Heby"]) == 0
    return database_url


def rows_of(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline=""), delimiter=";"))


def test_through_a_pipe_the_csv_has_a_bom_semicolons_and_crlf(heby_cases: str, tmp_path: Path) -> None:
    exporter = f"{shlex.quote(str(LOKUSBOT))} export cases --group Heby"
    copy = f"{shlex.quote(sys.executable)} -c 'import sys; sys.stdout.buffer.write(sys.stdin.buffer.read())'"
    piped = shell(f"{exporter} | {copy}", heby_cases, tmp_path)
    assert piped.returncode == 0, piped.stderr.decode()
    assert piped.stdout.startswith(BOM + b"datum;part;enhet;kon;"), piped.stdout[:40]
    assert piped.stdout.count(b"\n") == piped.stdout.count(b"\r\n") == 7, "a header and six rows, each ending CRLF"
    rows = rows_of(piped.stdout)
    assert [r["part"] for r in rows] == ["AF", "FK", "Region", "Kommun", "AF", "FK"]
    assert {r["kon"] for r in rows} >= {"kvinna", "man"}
    redirected = shell(f"{exporter} > heby.csv", heby_cases, tmp_path)
    assert redirected.returncode == 0 and (tmp_path / "heby.csv").read_bytes() == piped.stdout, "`>` is the same"


def test_utf8_with_the_bom_is_what_excel_reads_and_without_it_garbles(heby_cases: str, tmp_path: Path) -> None:
    content = shell(f"{shlex.quote(str(LOKUSBOT))} export cases --group Heby", heby_cases, tmp_path).stdout
    assert "ö" in content.decode("utf-8-sig") and content.startswith(BOM)
    assert "Ã¶" in content[len(BOM) :].decode("cp1252"), "what Excel shows for ö when it guesses Windows-1252"


def test_on_a_terminal_there_is_no_bom_and_no_bom_leaves_it_out_everywhere(heby_cases: str, tmp_path: Path) -> None:
    command = [str(LOKUSBOT), "export", "cases", "--group", "Heby"]
    env = {**os.environ, "DATABASE_URL": heby_cases, "PYTHONPATH": str(ROOT)}
    leader, follower = pty.openpty()
    with subprocess.Popen(command, env=env, cwd=tmp_path, stdout=follower, stderr=subprocess.PIPE) as run:
        os.close(follower)
        shown = _read_all(leader)
        assert run.wait(timeout=120) == 0
    assert shown.startswith(b"datum;part;"), shown[:20]
    plain = shell(f"{shlex.quote(str(LOKUSBOT))} export cases --group Heby --no-bom | cat", heby_cases, tmp_path)
    assert plain.returncode == 0 and plain.stdout.startswith(b"datum;part;")


def _read_all(fd: int) -> bytes:
    """Everything written to a pseudo-terminal until the writer closes it."""
    chunks = []
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks)
