"""The yearly evaluation in the console: the same handlers as Slack, typed by people as they would."""

from bot.services import Services
from tests.bot.test_console import run_script
from tests.handlers.evaluation_helpers import STATEMENTS

SETUP = [
    "/lokus koppla Heby",
    "/lokus medlem @anna kommun sammankallande",
    "/lokus medlem @bertil AF",
    "/lokus medlem @cecilia FK",
]


def answers(first: str, rest: str, texts: tuple[str, str] = ("hoppa över", "hoppa över")) -> list[str]:
    """A person's answers: the first statement, the same answer to the others, two free texts, then *ja*."""
    return [first, *([rest] * (len(STATEMENTS) - 1)), *texts, "ja"]


def test_an_evaluation_in_the_console_from_start_to_results(services: Services) -> None:
    script = [
        *SETUP,
        "/lokus utvärdering starta sista november",
        "/lokus utvärdering starta nästa fredag",
        "/lokus utvärdering starta om tre veckor",
        "8",
        *answers("instämmer helt", "4", ("Bra dagordningar", "hoppa över")),
        ":som bertil",
        *answers("2", "delvis"),
        ":som cecilia",
        *answers("5", "till stor del", ("hoppa över", "Mer tid för ärendena")),
        "/lokus utvärdering status",
        ":som anna",
        "/lokus utvärdering avsluta",
    ]
    output = run_script(services, "\n".join(script))
    assert "Jag förstod inte vilken dag ”sista november” är" in output
    assert "Menar du 27 november 2026 eller 4 december 2026?" in output
    assert "Sista dag att svara: *14 december 2026*" in output
    assert "Svara med en siffra från 1 till 5" in output  # the 8
    assert output.count("Tack för dina svar!") == 3
    assert "*3 av 3* har svarat" in output
    assert "Utvärdering 2026 – LOKUS Heby" in output
    first = "Alla fyra parter deltar aktivt i gruppens arbete."
    assert f"*{first}*\n  Medelvärde *4* (3 svar) · 1: 0 · 2: 1 · 3: 0 · 4: 0 · 5: 2" in output
    assert "• Bra dagordningar" in output and "• Mer tid för ärendena" in output
