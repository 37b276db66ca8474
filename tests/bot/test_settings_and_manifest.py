"""Configuration that names what is wrong, the shipped Slack app manifest, and `lokusbot db`."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError, load_settings
from bot.slack.oauth import bot_scopes

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in list(os.environ):
        if name.startswith("SLACK_") or name in ("DATABASE_URL", "TIMEZONE", "LANGUAGE", "ICS_ORGANIZER"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)


def test_defaults_are_swedish_stockholm_and_sqlite(clean_env: None) -> None:
    settings = load_settings()
    assert (settings.language, settings.timezone, settings.database_url) == (
        "sv",
        "Europe/Stockholm",
        "sqlite:///lokusbot.db",
    )
    assert settings.slack_api_url == "https://slack.com/api/"
    assert not settings.has_slack


def test_a_bad_value_names_the_variable(clean_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TIMEZONE", "Europe/Nowhere")
    with pytest.raises(SettingsError) as raised:
        load_settings()
    assert "TIMEZONE" in str(raised.value) and "Europe/Nowhere" in str(raised.value)
    monkeypatch.setenv("TIMEZONE", "Europe/Stockholm")
    monkeypatch.setenv("LANGUAGE", "fi")
    with pytest.raises(SettingsError) as raised:
        load_settings()
    assert "LANGUAGE" in str(raised.value)


def test_the_invitations_organizer_is_an_address(clean_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().handler_config().ics_organizer == "noreply@lokusbot.invalid"
    monkeypatch.setenv("ICS_ORGANIZER", "mailto:lokusbot@samordningsforbundet.se")
    assert load_settings().handler_config().ics_organizer == "lokusbot@samordningsforbundet.se"
    monkeypatch.setenv("ICS_ORGANIZER", "lokusbot")
    with pytest.raises(SettingsError) as raised:
        load_settings()
    assert "ICS_ORGANIZER" in str(raised.value) and "not an e-mail address" in str(raised.value)


def test_serving_needs_the_token_and_the_secret_or_socket_mode(clean_env: None) -> None:
    with pytest.raises(SettingsError) as raised:
        Settings(slack_bot_token="xoxb-1").require_slack()  # type: ignore[arg-type]
    assert "SLACK_SIGNING_SECRET" in str(raised.value) and "SLACK_BOT_TOKEN" not in str(raised.value)
    Settings(slack_bot_token="xoxb-1", slack_app_token="xapp-1").require_slack()  # type: ignore[arg-type]


def test_the_client_id_and_secret_instead_of_a_token_mean_many_workspaces(clean_env: None) -> None:
    oauth = Settings(slack_client_id="1.2", slack_client_secret="s", slack_signing_secret="x")  # type: ignore[arg-type]
    oauth.require_slack()
    assert oauth.oauth and oauth.has_slack
    both = Settings(slack_bot_token="xoxb-1", slack_client_id="1.2", slack_client_secret="s")  # type: ignore[arg-type]
    assert not both.oauth  # a bot token set as well: one workspace, as before
    with pytest.raises(SettingsError) as raised:
        Settings(slack_client_id="1.2", slack_signing_secret="x").require_slack()  # type: ignore[arg-type]
    assert "SLACK_CLIENT_SECRET" in str(raised.value)
    with pytest.raises(SettingsError) as raised:
        Settings(slack_client_id="1.2", slack_client_secret="s").require_slack()  # type: ignore[arg-type]
    assert "SLACK_SIGNING_SECRET" in str(raised.value)
    with pytest.raises(SettingsError) as raised:
        Settings(slack_client_id="1.2", slack_client_secret="s", slack_app_token="xapp-1").require_slack()  # type: ignore[arg-type]
    assert "SLACK_APP_TOKEN" in str(raised.value)
    with pytest.raises(SettingsError) as raised:
        Settings(slack_signing_secret="x").require_slack()  # type: ignore[arg-type]
    assert "SLACK_BOT_TOKEN (or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET)" in str(raised.value)


def test_a_missing_manifest_is_named(tmp_path: Path) -> None:
    with pytest.raises(SettingsError) as raised:
        bot_scopes(tmp_path / "manifest.json")
    assert "manifest.json" in str(raised.value)


def test_tokens_never_show_in_the_settings_repr(clean_env: None) -> None:
    settings = Settings(slack_bot_token="xoxb-secret-value", slack_signing_secret="s3cret")  # type: ignore[arg-type]
    assert "xoxb-secret-value" not in repr(settings) and "s3cret" not in repr(settings)
    oauth = Settings(slack_client_id="1.2", slack_client_secret="client-s3cret")  # type: ignore[arg-type]
    assert "client-s3cret" not in repr(oauth)


def test_api_url_gets_its_trailing_slash(clean_env: None) -> None:
    assert Settings(slack_api_url="http://127.0.0.1:9/api").slack_api_url == "http://127.0.0.1:9/api/"


def test_the_manifest_matches_what_the_code_listens_to() -> None:
    manifest = json.loads((ROOT / "slack" / "manifest.json").read_text(encoding="utf-8"))
    [command] = manifest["features"]["slash_commands"]
    assert command["command"] == "/lokus" and command["should_escape"] is True
    assert set(manifest["settings"]["event_subscriptions"]["bot_events"]) == {
        "app_home_opened",
        "app_mention",
        "app_uninstalled",
        "message.im",
        "tokens_revoked",
    }
    assert manifest["oauth_config"]["redirect_urls"] == ["https://lokusbot.example.se/slack/oauth_redirect"]
    assert bot_scopes() == tuple(manifest["oauth_config"]["scopes"]["bot"])
    scopes = set(manifest["oauth_config"]["scopes"]["bot"])
    assert {"commands", "chat:write", "im:history", "im:write", "files:write"} <= scopes
    assert manifest["settings"]["interactivity"]["is_enabled"] is True
    assert manifest["settings"]["socket_mode_enabled"] is True
    assert manifest["features"]["app_home"]["home_tab_enabled"] is True


def test_db_upgrade_and_current(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path}/admin.db"
    before = subprocess.run(
        [sys.executable, "-m", "bot.cli", "db", "current"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "behöver uppgraderas" in before.stdout
    upgraded = subprocess.run(
        [sys.executable, "-m", "bot.cli", "db", "upgrade"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert upgraded.returncode == 0 and "uppdaterad" in upgraded.stdout
    after = subprocess.run(
        [sys.executable, "-m", "bot.cli", "db", "current"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert after.stdout.strip() == "aktuell"
