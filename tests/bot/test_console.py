"""The console front door: scripted from standard input, the same handlers as Slack."""

import io
import os
import subprocess
import sys
from pathlib import Path

from bot.console import Console, channel_id_of, user_id_of
from bot.services import Services

ROOT = Path(__file__).resolve().parents[2]


def run_script(services: Services, script: str, user: str = "anna", channel: str = "heby") -> str:
    out = io.StringIO()
    Console(services, user=user, channel=channel, out=out).run(script.splitlines())
    return out.getvalue()


def test_a_person_sets_up_a_group_in_the_console(services: Services) -> None:
    output = run_script(
        services,
        "\n".join(
            [
                "/lokus koppla Heby",
                "/lokus medlem @anna kommun sammankallande",
                "/lokus medlem @bertil AF samordnare",
                "/lokus grupp",
            ]
        ),
    )
    assert "lokusbot i #heby:" in output
    assert "kopplad till LOKUS-gruppen *Heby* (av @anna)" in output
    assert "@bertil är medlem i *Heby* för Arbetsförmedlingen (samordnare)." in output
    assert "Arbetsförmedlingen: @bertil – samordnare" in output
    assert "Saknas: Försäkringskassan och Region." in output


def test_switching_user_and_dm_lines(services: Services) -> None:
    output = run_script(
        services,
        "\n".join(
            [
                "/lokus koppla Heby",
                ":som cecilia",
                "/lokus medlem @cecilia FK",
                "hej",
                ":kanal tierp",
                "/lokus grupp",
                ":hjälp",
            ]
        ),
    )
    assert "Du är nu cecilia." in output
    assert "lokusbot (DM till dig):" in output
    assert "inte kopplad till någon LOKUS-grupp" in output
    assert "Konsolkommandon" in output


def test_errors_are_shown_kindly_not_as_tracebacks(services: Services) -> None:
    output = run_script(services, "/lokus medlem bertil AF\n/lokus grupp\n/lokus grup")
    assert "Traceback" not in output
    assert "inte kopplad till någon LOKUS-grupp" in output
    assert "Menade du något av det här?\n    /lokus grupp: Visa gruppens medlemmar" in output


def test_console_ids_are_stable() -> None:
    assert user_id_of("Anna") == "UANNA"
    assert channel_id_of("#lokus-heby") == "CLOKUSHEBY"


def test_lokusbot_without_tokens_starts_the_console_and_exits_at_end_of_input(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path}/console.db"
    script = "/lokus hjälp\n/lokus koppla Heby\nhjälp\n"
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli"],
        input=script,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "startar konsolläget" in result.stderr
    assert "lokusbot – hjälp" in result.stdout
    assert "kopplad till LOKUS-gruppen *Heby*" in result.stdout
    assert (tmp_path / "console.db").exists()
