"""The console as a dialogue: a script's lines echoed, person pickers and RSVP buttons usable, names kept
between runs."""

import io
import shutil
import tempfile
from pathlib import Path

from bot.console import Console, run_console
from bot.services import Services

SETUP = [
    "/lokus koppla Heby",
    "/lokus medlem @anna kommun sammankallande",
    "/lokus medlem @bertil AF",
]


def talk(services: Services, lines: list[str], names: Path | None = None, user: str = "anna") -> str:
    out = io.StringIO()
    files = Path(tempfile.mkdtemp(prefix="lokusbot-test-"))
    Console(services, user=user, channel="heby", out=out, names_file=names, files_dir=files).run(lines, echo=True)
    shutil.rmtree(files)
    return out.getvalue()


def test_a_script_reads_as_a_dialogue(services: Services, tmp_path: Path) -> None:
    script = io.StringIO("/lokus koppla Heby\n\nhej\n:som bertil\n")
    out = io.StringIO()
    run_console(services, user="anna", channel="heby", stream=script, names_file=tmp_path / "namn.json", out=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "anna i #heby> /lokus koppla Heby"
    assert lines[1] == "lokusbot i #heby:"
    assert "anna i #heby> hej" in lines and "anna i #heby> :som bertil" in lines
    assert "Du är nu bertil." in lines


def test_a_person_picker_is_answered_with_a_name(services: Services) -> None:
    shown = talk(services, [*SETUP, "/lokus plan ny verksamhetsplan 2028", ":a @bertil"])
    assert "[:a @namn väljer en person]" in shown
    assert "@anna har gett @bertil att skriva ”Mål”" in shown
    assert "(DM till bertil):" in shown


def test_a_picker_needs_a_name(services: Services) -> None:
    shown = talk(services, [*SETUP, "/lokus plan ny verksamhetsplan 2028", ":a"])
    assert "Det finns ingen knapp :a" in shown


def test_the_announcements_answer_buttons_work_for_another_member(services: Services) -> None:
    script = [
        *SETUP,
        "/lokus möte tisdag nästa vecka kl 13",
        "Kommunhuset",
        "2 timmar",
        "jag",
        "ja",
        ":som bertil",
        ":a",
    ]
    shown = talk(services, script)
    assert "[:a Kommer]" in shown
    assert "Tack! Du är anmäld till mötet i *Heby*" in shown
    assert "Arbetsförmedlingen: @bertil kommer" in shown


def test_names_are_kept_between_runs(services: Services, tmp_path: Path) -> None:
    names = tmp_path / "namn.json"
    talk(services, SETUP, names)
    shown = talk(services, ["/lokus grupp"], names, user="cecilia")
    assert "@bertil – ledamot" in shown and "UBERTIL" not in shown
