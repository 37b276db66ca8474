"""The command line and the console for lots-ärenden: `lokusbot import cases`, `lokusbot export cases`, chat."""

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from bot.cli import main
from bot.console import Console
from bot.services import Services
from storage import groups
from tests.handlers.test_cases_helpers import everything_stored, stored_cases

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def cli(services: Services, database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Services:
    """The `lokusbot` command on the test database, with Heby set up in the console's workspace."""
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.chdir(tmp_path)
    console(services, "/lokus koppla Heby\n/lokus medlem @anna kommun samordnare", tmp_path)
    return services


def console(services: Services, script: str, files: Path) -> str:
    out = io.StringIO()
    Console(services, user="anna", channel="heby", out=out, files_dir=files).run(script.splitlines())
    return out.getvalue()


def test_import_prints_what_was_imported(cli: Services, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "cases", str(DATA / "cases_import.csv"), "--group", "heby"]) == 0
    assert capsys.readouterr().out == "6 ärenden importerade till LOKUS Heby (#1–#6).\n"
    assert [c.number for c in stored_cases(cli)] == [1, 2, 3, 4, 5, 6]
    assert main(["import", "cases", str(DATA / "cases_import.xlsx"), "--group", "Heby"]) == 0
    assert "3 ärenden importerade till LOKUS Heby (#7–#9)." in capsys.readouterr().out


def test_a_bad_file_prints_every_problem_and_imports_nothing(cli: Services, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", "cases", str(DATA / "cases_import_bad.csv"), "--group", "Heby"]) == 1
    printed = capsys.readouterr()
    problems = printed.err.splitlines()
    assert printed.out == "" and len(problems) == 12
    assert problems[2].startswith("Rad 5, kolumn anteckning: cellen verkar innehålla ett personnummer")
    assert problems[-1].startswith("Inget importerades")
    assert "19811218" not in printed.err and "anna@heby.se" not in printed.err
    assert stored_cases(cli) == []
    assert "19811218" not in everything_stored(cli)


def test_wrong_group_missing_file_and_a_name_in_two_workspaces(
    cli: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", "cases", str(DATA / "cases_import.csv"), "--group", "Uppsala"]) == 1
    assert "Det finns ingen grupp som heter ”Uppsala”." in capsys.readouterr().err
    assert main(["import", "cases", str(tmp_path / "saknas.csv"), "--group", "Heby"]) == 2
    assert "finns inte" in capsys.readouterr().err
    with cli.db.unit_of_work() as session:
        other = groups.get_or_create_workspace(session, team_id="T0OTHER")
        groups.create_group(session, workspace=other, name="Heby", channel_id=None)
    assert main(["export", "cases", "--group", "Heby"]) == 1
    assert "TCONSOLE, T0OTHER" in capsys.readouterr().err
    assert main(["import", "cases", str(DATA / "cases_import.csv"), "--group", "Heby", "--team", "T0OTHER"]) == 0
    capsys.readouterr()
    assert main(["export", "cases", "--group", "Heby", "--team", "TCONSOLE"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1, "only the header: the import went to the other workspace"


def test_export_to_standard_output_and_to_a_file(
    cli: Services, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    main(["import", "cases", str(DATA / "cases_import.csv"), "--group", "Heby"])
    capsysbinary.readouterr()
    assert main(["export", "cases", "--group", "Heby", "--format", "csv"]) == 0
    printed = capsysbinary.readouterr().out
    assert printed.startswith(b"\xef\xbb\xbf"), "a byte order mark when standard output is no terminal"
    rows = list(csv.DictReader(io.StringIO(printed.decode("utf-8-sig")), delimiter=";"))
    assert [r["part"] for r in rows] == ["AF", "FK", "Region", "Kommun", "AF", "FK"]
    out = tmp_path / "heby.xlsx"
    assert main(["export", "cases", "--group", "Heby", "--format", "xlsx", "--out", str(out)]) == 0
    assert "sparade i" in capsysbinary.readouterr().err.decode()
    sheet = load_workbook(out).active
    assert sheet.max_row == 7 and sheet["K4"].value == "Remiss; svar dröjer"


def test_a_coordinator_works_through_the_console(cli: Services, tmp_path: Path) -> None:
    output = console(
        cli,
        "\n".join(
            [
                "/lokus ärende",
                "ok",
                "AF",
                "AME",
                "kvinna",
                "25",
                "1, 2",
                "väntetider",
                "Gäller 19121212-1212",
                "Väntat på besked",
                "ja",
                "hoppa över",
                "ja",
                "/lokus ärenden",
                ":c",
                ":a",
                "/lokus ärenden stängda",
                "/lokus ärenden export csv",
            ]
        ),
        tmp_path,
    )
    assert "Jag har skrivit till dig i ett direktmeddelande" in output
    assert "Svaret verkar innehålla ett personnummer" in output
    assert "Ärende #1 registrerat för LOKUS Heby" in output
    assert "Ärende #1 i Heby är stängt. Utfall: Arbete." in output
    assert "Stängd (Arbete)" in output
    [exported] = list(tmp_path.glob("lots-arenden-heby-*.csv"))
    [row] = csv.DictReader(io.StringIO(exported.read_text(encoding="utf-8-sig")), delimiter=";")
    assert (row["status"], row["utfall"], row["beskrivning"]) == ("stängd", "arbete", "Väntat på besked")
    assert "19121212" not in exported.read_text(encoding="utf-8-sig") + everything_stored(cli)
