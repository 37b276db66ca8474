"""The OAuth install's edges: what a browser may send the two unsigned GET routes, and uninstall and revocation
events that are unsigned, malformed or arrive in single-token mode."""

import json
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from sqlalchemy import text

from tests.bot.conftest import Bot
from tests.bot.test_oauth_install import tokens_of
from tests.bot.test_oauth_workspaces import eventually, installations
from tests.support.browser import Browser, install
from tests.support.signing import JSON


def installed_heby(bot: Bot) -> None:
    bot.fake.add_workspace("T0HEBY", "LOKUS Heby")
    assert install(Browser(), bot.url, "T0HEBY").status == 200


def envelope(bot: Bot, event: dict[str, Any]) -> dict[str, Any]:
    return bot.sim.event_envelope(event)


REVOKED = {"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["UT0HEBYBOT"]}}


@pytest.mark.parametrize(
    "path, wrong",
    [
        ("event.tokens", 123),
        ("event.tokens.bot", "UT0HEBYBOT"),
        ("event.tokens.oauth", [123]),
        ("authorizations", "T0HEBY"),
        ("authorizations.0.is_enterprise_install", "true"),
        ("team_id", 123),
        ("enterprise_id", ["E0"]),
    ],
)
def test_a_malformed_revocation_is_refused_and_the_tokens_stay(oauth_bot: Bot, path: str, wrong: Any) -> None:
    bot = oauth_bot
    installed_heby(bot)
    body = envelope(bot, dict(REVOKED, tokens=dict(REVOKED["tokens"])))  # type: ignore[arg-type]
    *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
    node: Any = body
    for part in parents:
        node = node[part]
    node[last] = wrong
    assert bot.sim.raw(json.dumps(body).encode(), JSON, signed=True).status == 400
    assert set(tokens_of(bot)) == {"T0HEBY"}


def test_an_unsigned_uninstall_changes_nothing(oauth_bot: Bot) -> None:
    bot = oauth_bot
    installed_heby(bot)
    body = json.dumps(envelope(bot, {"type": "app_uninstalled"})).encode()
    assert bot.sim.raw(body, JSON).status == 401
    assert bot.sim.raw(body, JSON, signed=True, timestamp=1_600_000_000).status == 401
    assert set(tokens_of(bot)) == {"T0HEBY"} and installations(bot) == 1


def test_an_uninstall_in_single_token_mode_is_acknowledged_and_only_logged(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    assert bot.sim.send_event({"type": "app_uninstalled"}).status == 200
    assert bot.sim.send_event(REVOKED).status == 200
    eventually(lambda: sum("single-token mode" in r.getMessage() for r in caplog.records) == 2)
    assert bot.fake.calls() == []


def test_the_team_to_preselect_must_be_a_slack_id(oauth_bot: Bot) -> None:
    bot = oauth_bot
    page = Browser().get(f"{bot.url}/slack/install?team=T0HEBY")
    assert parse_qs(urlsplit(page.link()).query)["team"] == ["T0HEBY"]
    smuggled = quote("T0HEBY&scope=commands&redirect_uri=https://elak.example/", safe="")
    page = Browser().get(f"{bot.url}/slack/install?team={smuggled}")
    query = parse_qs(urlsplit(page.link()).query)
    assert "team" not in query and "redirect_uri" not in query and query["scope"] != ["commands"]
    assert "elak.example" not in page.text


def test_a_redirect_with_odd_parameters_gets_the_kind_page(oauth_bot: Bot) -> None:
    bot = oauth_bot
    for query in ("", "?code=", "?state=", "?error=<script>alert(1)</script>", "?code=a&code=b&state=c", "?%ff=%00"):
        page = Browser().get(f"{bot.url}/slack/oauth_redirect{query}")
        assert page.status in (200, 400) and "Installationen blev inte av" in page.text, query
        assert "<script>" not in page.text and "Traceback" not in page.text
    assert bot.fake.calls("oauth.v2.access") == []


def test_a_failure_inside_the_install_is_a_kind_page_not_a_traceback(oauth_bot: Bot) -> None:
    bot = oauth_bot
    with bot.services.db.engine.begin() as connection:
        connection.execute(text("DROP TABLE slack_oauth_states"))
    page = Browser().get(f"{bot.url}/slack/install")
    assert page.status == 500 and "Något gick fel när installationen" in page.text
    assert "Traceback" not in page.text and "slack_oauth_states" not in page.text
