"""Socket Mode end to end: the real Bolt app connected to a local server that speaks Slack's Socket Mode protocol.

The bot opens the connection as in production (apps.connections.open with the app-level token, then the
WebSocket); the server greets it with hello and sends events, slash commands, button clicks and form submissions
as envelopes, and reads the acks. Everything the bot then says goes through the fake Slack Web API, as over HTTP.
"""

import json
import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.services import Services
from bot.settings import Settings
from bot.slack.app import create_app
from bot.slack.socket_mode import SocketModeHandler
from handlers.app import build_router
from storage.db import Database
from tests.bot.conftest import Bot
from tests.bot.test_e2e_cases import ANNA, HEBY, _form_state, dm_posts, setup_heby
from tests.bot.test_e2e_platform import blocks_text
from tests.conftest import FakeClock
from tests.support.fake_slack import FakeSlack
from tests.support.socket_mode import FakeSocketMode, SocketModeSim, wait_until


@pytest.fixture
def socket_server() -> Iterator[FakeSocketMode]:
    with FakeSocketMode() as server:
        yield server


@pytest.fixture
def sbot(
    database_url: str,
    database: Database,
    clock: FakeClock,
    fake_slack: FakeSlack,
    socket_server: FakeSocketMode,
    caplog: pytest.LogCaptureFixture,
) -> Iterator[Bot]:
    """The bot on a test database over Socket Mode: no signing secret, no HTTP, the app-level token."""
    caplog.set_level(logging.DEBUG)  # everything anyone logs, to look for the app-level token in it
    fake_slack.socket_mode_url = lambda: socket_server.url
    settings = Settings(
        _env_file=None,
        database_url=database_url,  # type: ignore[call-arg]
        slack_bot_token=fake_slack.bot_token,
        slack_app_token=fake_slack.app_token,
        slack_api_url=fake_slack.url,
    )
    services = Services(settings, database, build_router(), settings.handler_config(), clock)
    handler = SocketModeHandler(create_app(settings, services), fake_slack.app_token)
    handler.connect()
    socket_server.wait_for_connections(1)
    yield Bot(fake_slack, SocketModeSim(socket_server, fake_slack=fake_slack), services, url="")
    handler.close()
    services.stop()
    assert fake_slack.app_token not in caplog.text
    assert all(fake_slack.app_token not in json.dumps(str(r.args)) for r in caplog.records)


def test_the_bot_connects_with_the_app_token_and_answers_a_slash_command(
    sbot: Bot, socket_server: FakeSocketMode
) -> None:
    [opened] = sbot.fake.calls("apps.connections.open")
    assert opened.headers["authorization"] == f"Bearer {sbot.fake.app_token}"
    assert socket_server.paths[0].startswith("/link/?ticket=")
    response = sbot.sim.slash_command(ANNA, HEBY, "koppla Heby")
    assert response.status == 200 and response.body == b""  # an ack without payload
    [posted] = sbot.fake.wait_for("chat.postMessage")
    assert posted.args["channel"] == HEBY and "kopplad till LOKUS-gruppen *Heby*" in str(posted.args["blocks"])
    assert sbot.fake.calls("chat.postMessage")[0].headers["authorization"] == f"Bearer {sbot.fake.bot_token}"


def test_a_direct_message_is_acked_and_answered_once_even_when_slack_sends_it_again(sbot: Bot) -> None:
    assert sbot.sim.dm_message(ANNA, "hjälp", event_id="Ev0SOCKET1").body == b""
    [answer] = sbot.fake.wait_for("chat.postMessage")
    assert answer.args["channel"] == f"D{ANNA}"
    assert sbot.sim.dm_message(ANNA, "hjälp", event_id="Ev0SOCKET1", retry_num=1).status == 200
    assert sbot.sim.dm_message(ANNA, "mina ärenden").status == 200
    sbot.fake.wait_for("chat.postMessage", count=2)
    assert len(sbot.fake.calls("chat.postMessage")) == 2  # the redelivered event did nothing


def test_a_form_gets_its_errors_in_the_ack_then_saves(sbot: Bot) -> None:
    setup_heby(sbot)
    sbot.sim.slash_command(ANNA, HEBY, "ärende form")
    [opened] = sbot.fake.wait_for("views.open")
    view = opened.args["view"]
    filled = {
        "raised_on": "2026-11-20",
        "party": "fk",
        "gender": "man",
        "age_band": "30-39",
        "target_groups": ["sjukskrivna"],
        "failures": ["ansvarsfordelning"],
        "referred_tr": "nej",
        "failure_text": "Ring 070-123 45 67",
    }
    answer = sbot.sim.view_submission(ANNA, view["callback_id"], _form_state(view, filled), view["private_metadata"])
    assert answer.json()["response_action"] == "errors" and list(answer.json()["errors"]) == ["failure_text"]
    filled["failure_text"] = "Oklart vem som äger frågan"
    saved = sbot.sim.view_submission(ANNA, view["callback_id"], _form_state(view, filled), view["private_metadata"])
    assert saved.body == b""
    assert "Ärende #1 registrerat för LOKUS Heby" in blocks_text(dm_posts(sbot, 1)[0])


def test_a_button_is_acked_and_answered(sbot: Bot) -> None:
    setup_heby(sbot)
    sbot.sim.dm_message(ANNA, "nytt ärende")
    [question] = dm_posts(sbot, 1)
    [button] = [
        element
        for block in question.args["blocks"]
        if block["type"] == "actions"
        for element in block["elements"]
        if element["type"] == "button"
    ][:1]
    response = sbot.sim.block_action(ANNA, f"D{ANNA}", button["action_id"], button["value"], message_ts="1.0")
    assert response.status == 200 and response.body == b""
    assert len(dm_posts(sbot, 2)) == 2


@pytest.mark.parametrize("reason", ["refresh_requested", "warning"])
def test_asked_to_reconnect_the_bot_opens_a_new_connection_and_goes_on(
    sbot: Bot, socket_server: FakeSocketMode, reason: str
) -> None:
    socket_server.disconnect(reason)
    socket_server.wait_for_connections(2)
    wait_until(lambda: socket_server.open_connections() == 1)  # the old one closed by the bot
    assert len(sbot.fake.calls("apps.connections.open")) == 2
    assert socket_server.paths[0] != socket_server.paths[1]  # a new ticket
    sbot.sim.slash_command(ANNA, HEBY, "koppla Heby")
    assert "kopplad" in str(sbot.fake.wait_for("chat.postMessage")[0].args["blocks"])
    assert {ack.connection for ack in socket_server.acks()} == {2}


def test_malformed_envelopes_are_acked_or_dropped_and_nothing_breaks(
    sbot: Bot, socket_server: FakeSocketMode, caplog: pytest.LogCaptureFixture
) -> None:
    no_user = {"command": "/lokus", "text": "grupp", "team_id": "T0LOKUS", "channel_id": HEBY, "trigger_id": "1.2.x"}
    acked = [
        socket_server.envelope("slash_commands", no_user, accepts_response_payload=True),
        socket_server.envelope("slash_commands", {**no_user, "user_id": 42}, accepts_response_payload=True),
        socket_server.envelope("events_api", {"type": "event_callback", "event": "not an object"}),
        socket_server.envelope("events_api", {"type": "event_callback", "event": {"type": "reaction_added"}}),
        socket_server.envelope("interactive", {"type": "block_actions", "actions": "many"}),
        socket_server.envelope("interactive", {"type": "shortcut", "callback_id": "x"}),
        socket_server.envelope("slash_commands", "just text"),
    ]
    for envelope_id in acked:
        assert socket_server.wait_for_ack(envelope_id).payload is None
    socket_server.send("not json at all")
    socket_server.send('{"type": "events_api", "payload": {}}')  # no envelope_id: nothing to ack
    socket_server.envelope("events_api", ["a", "list"])  # not an object: slack_sdk drops it
    socket_server.send({"type": "something_new", "envelope_id": "e1"})
    sbot.sim.slash_command(ANNA, HEBY, "koppla Heby")  # the same connection still answers
    sbot.fake.wait_for("chat.postMessage")
    assert [c.method for c in sbot.fake.calls() if c.method != "auth.test"] == [
        "apps.connections.open",
        "chat.postMessage",
    ]
    assert len(socket_server.wait_for_connections(1)) == 1  # no reconnect, no loop
    assert "Oj" not in caplog.text


def test_lokusbot_serve_in_socket_mode_answers_and_never_prints_the_app_token(
    database_url: str, fake_slack: FakeSlack, socket_server: FakeSocketMode, tmp_path: Path
) -> None:
    fake_slack.socket_mode_url = lambda: socket_server.url
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env.update(
        SLACK_BOT_TOKEN=fake_slack.bot_token,
        SLACK_APP_TOKEN=fake_slack.app_token,
        SLACK_API_URL=fake_slack.url,
        DATABASE_URL=database_url,
    )
    command = [sys.executable, "-m", "bot.cli", "-v", "serve"]
    process = subprocess.Popen(
        command, env=env, cwd=tmp_path, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    try:
        socket_server.wait_for_connections(1, timeout=60)
        assert len(fake_slack.calls("auth.test")) == 1  # the token was checked before the connection opened
        sim = SocketModeSim(socket_server, fake_slack=fake_slack)
        assert sim.slash_command(ANNA, HEBY, "koppla Heby").status == 200
        assert "kopplad" in str(fake_slack.wait_for("chat.postMessage", timeout=15)[0].args["blocks"])
    finally:
        process.terminate()
        output, errors = process.communicate(timeout=30)
    assert "Socket Mode" in errors
    assert fake_slack.app_token not in output + errors
