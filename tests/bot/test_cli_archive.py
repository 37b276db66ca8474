"""`lokusbot archive export` and `lokusbot archive verify` as an operator runs them: Swedish lines, exit codes."""

import zipfile
from pathlib import Path

import pytest

from bot.cli import main
from bot.services import Services
from tests.handlers.archive_world import heby_year
from tests.handlers.test_plan_helpers import ANNA, command


@pytest.fixture
def cli(services: Services, database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The `lokusbot` command on the test database with Heby's 2026 in it; a folder to write in."""
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.chdir(tmp_path)
    heby_year(services)
    return tmp_path


def test_export_then_verify(cli: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["archive", "export", "--group", "heby", "--year", "2026", "--out", "heby-2026.zip"]) == 0
    assert capsys.readouterr().out == "Arkivpaketet för Heby 2026 är skrivet till heby-2026.zip: 11 filer.\n"
    assert main(["archive", "verify", "heby-2026.zip"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("Paketet heby-2026.zip är helt: 17 filer stämmer med sina kontrollsummor")
    assert main(["archive", "export", "--group", "Heby", "--year", "2026", "--out", "heby-2026.zip"]) == 2
    assert "Filen heby-2026.zip finns redan." in capsys.readouterr().err


def test_a_corrupted_package_fails_with_the_file_named(cli: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["archive", "export", "--group", "Heby", "--year", "2026", "--out", "heby.zip"]) == 0
    with zipfile.ZipFile("heby.zip") as archive, zipfile.ZipFile("trasig.zip", "w") as out:
        for name in archive.namelist():
            content = archive.read(name)
            out.writestr(name, content.replace(b"Fungerande", b"FUNGERANDE") if name.endswith(".md") else content)
    capsys.readouterr()
    assert main(["archive", "verify", "trasig.zip"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "representations/rep1/data/planer/verksamhetsplan-2026-utkast.md har ändrats: kontrollsumman (SHA-256) "
        "stämmer inte.",
        "Paketet trasig.zip klarade inte kontrollen: 1 fel.",
    ]


def test_a_year_with_nothing_says_so(cli: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["archive", "export", "--group", "Heby", "--year", "2024", "--out", "heby-2024.zip"]) == 1
    assert capsys.readouterr().err == (
        "Heby har inga handlingar från 2024 att arkivera (inga planer, möten, sammanfattningar eller lots-ärenden).\n"
    )
    assert not Path("heby-2024.zip").exists()
    assert main(["archive", "export", "--all", "--year", "2024", "--out", "arkiv"]) == 1
    assert "Ingen grupp har handlingar från 2024" in capsys.readouterr().err


def test_all_writes_a_package_per_group_and_names_the_empty_ones(
    cli: Path, services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    command(services, ANNA, "koppla Knivsta", channel="CKNIVSTA")
    assert main(["archive", "export", "--all", "--year", "2026", "--out", "arkiv"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Arkivpaketet för Heby 2026 är skrivet till arkiv/lokus-heby-2026-t0lokus.zip: 11 filer.",
        "Knivsta: inga handlingar från 2026, inget paket.",
    ]
    assert main(["archive", "verify", "arkiv/lokus-heby-2026-t0lokus.zip"]) == 0


def test_a_group_or_all_is_needed_and_an_unknown_group_is_named(cli: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["archive", "export", "--year", "2026", "--out", "x.zip"]) == 2
    assert capsys.readouterr().err == "Ange en grupp med --group, eller --all för alla grupper.\n"
    assert main(["archive", "export", "--group", "Uppsala", "--year", "2026", "--out", "x.zip"]) == 1
    assert capsys.readouterr().err == "Det finns ingen grupp som heter ”Uppsala”.\n"
    assert main(["archive", "verify", "finns-inte.zip"]) == 2


@pytest.mark.parametrize("year", ["20x6", "99999", "-1"])
def test_a_year_that_is_none_is_refused_by_the_parser(
    year: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LANGUAGE", raising=False)
    with pytest.raises(SystemExit) as stopped:
        main(["archive", "export", "--group", "Heby", "--year", year, "--out", "x.zip"])
    assert stopped.value.code == 2
    assert f"argument --year: ”{year}” är inget år (skriv till exempel 2026)" in capsys.readouterr().err
