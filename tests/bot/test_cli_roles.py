"""The operator's root of trust, `lokusbot roles grant|revoke|list`, and the console's own admins."""

import io
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.cli import main
from bot.console import TEAM, Console
from bot.services import Services
from storage import roles as roles_repo
from storage.models import AuditEntry


@pytest.fixture
def cli(services: Services, database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Services:
    """The `lokusbot` command on the test database."""
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "LANGUAGE", "CONSOLE_ADMINS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.chdir(tmp_path)
    return services


def console(services: Services, script: str, user: str = "anna") -> str:
    out = io.StringIO()
    Console(services, user=user, channel="heby", out=out, files_dir=Path("filer")).run(script.splitlines())
    return out.getvalue()


def holds(services: Services, user: str, team: str = TEAM) -> bool:
    with services.db.unit_of_work() as session:
        return roles_repo.holds_forbund(session, team_id=team, user_id=user)


def test_the_operator_grants_lists_and_revokes(cli: Services, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["roles", "grant", "förbund", "UFORA", "--team", "T0LOKUS"]) == 0
    assert capsys.readouterr().out == "UFORA har nu förbundsrollen i arbetsytan T0LOKUS.\n"
    assert holds(cli, "UFORA", "T0LOKUS") and not holds(cli, "UFORA", "T0OTHER")
    assert main(["roles", "grant", "forbund", "UFORA", "--team", "T0LOKUS"]) == 0
    assert "redan förbundsrollen" in capsys.readouterr().out
    assert main(["roles", "list", "--team", "T0LOKUS"]) == 0
    assert capsys.readouterr().out.startswith("UFORA  given av servern  ")  # and the day, in words
    assert main(["roles", "revoke", "förbund", "UFORA", "--team", "T0LOKUS"]) == 0
    assert not holds(cli, "UFORA", "T0LOKUS")
    assert main(["roles", "revoke", "förbund", "UFORA", "--team", "T0LOKUS"]) == 1
    assert "har inte förbundsrollen" in capsys.readouterr().err
    assert main(["roles", "list", "--team", "T0LOKUS"]) == 0
    assert capsys.readouterr().out.endswith("Ingen har förbundsrollen i arbetsytan T0LOKUS.\n")
    with cli.db.unit_of_work() as session:
        entries = session.scalars(select(AuditEntry).where(AuditEntry.entity == "forbund_role")).all()
        assert [(e.action, e.user_id, e.team_id, e.detail["trust"]) for e in entries] == [
            ("role.grant", "cli", "T0LOKUS", "operator"),
            ("role.revoke", "cli", "T0LOKUS", "operator"),
        ]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["roles", "grant", "förbund", "anna", "--team", "T0LOKUS"], "”anna” är inget användar-id från Slack"),
        (["roles", "grant", "förbund", "UFORA", "--team", "lokus"], "”lokus” är inget arbetsyte-id från Slack"),
        (["roles", "list", "--team", "x' OR 1=1"], "inget arbetsyte-id"),
    ],
)
def test_ids_that_are_not_slack_ids_are_refused(
    cli: Services, capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    assert main(args) == 2
    assert said in capsys.readouterr().err
    assert not holds(cli, "UFORA", "T0LOKUS")


def test_only_the_forbund_role_can_be_granted_there(cli: Services, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["roles", "grant", "samordnare", "UFORA", "--team", "T0LOKUS"])
    assert "ogiltigt val" in capsys.readouterr().err


def test_the_console_names_its_own_admins(services: Services) -> None:
    nobody = console(services, "/lokus förbund @bertil")
    assert "kan bara ges eller tas bort" in nobody and not holds(services, "UBERTIL")
    configured = replace(services, settings=services.settings.model_copy(update={"console_admins": "@anna, cecilia"}))
    assert "@bertil har nu förbundsrollen" in console(configured, "/lokus förbund @bertil")
    assert holds(services, "UBERTIL")
    assert "kan bara ges" in console(configured, "/lokus förbund @david", user="david")


def test_an_operator_grant_opens_the_console_workspace_to_the_holder(
    cli: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    console(cli, "/lokus koppla Heby\n/lokus medlem @anna kommun samordnare")
    assert main(["roles", "grant", "förbund", "UFORA", "--team", TEAM]) == 0
    assert "alla grupper" in console(cli, "sammanfattning alla", user="fora")
