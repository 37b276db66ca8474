"""Behind the gate: even a request handed to Bolt directly (as Socket Mode does) cannot make the error handler act.

Bolt calls the one error handler for an exception anywhere, also inside its own signature check (`int("abc")`
on the timestamp), with the unverified body and a `respond` aimed at the body's response_url. The handler
answers only a request that passed Bolt's verification and was read into a typed payload; for anything else
it tells nobody. Here the gate is bypassed on purpose, so this is the second line, tested on its own.
"""

import json
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest
from slack_bolt import App, BoltRequest

from bot.services import Services
from bot.settings import Settings
from bot.slack.app import create_app
from handlers.app import build_router
from storage.db import Database
from tests.conftest import FakeClock
from tests.security.boundary import FORM, JSON, SIGNING_SECRET, assert_nothing_stored, now, sign_as
from tests.support.fake_slack import FakeSlack
from tests.support.signing import SlackClientSim


@pytest.fixture
def bolt(database_url: str, database: Database, clock: FakeClock, fake_slack: FakeSlack) -> Iterator[App]:
    """lokusbot's Bolt app, without the HTTP gate in front of it."""
    settings = Settings(
        _env_file=None,
        database_url=database_url,  # type: ignore[call-arg]
        slack_bot_token=fake_slack.bot_token,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake_slack.url,
    )
    services = Services(settings, database, build_router(), settings.handler_config(), clock)
    yield create_app(settings, services)
    services.stop()


def _command(fake: FakeSlack) -> bytes:
    sim = SlackClientSim("http://unused", SIGNING_SECRET, fake_slack=fake)
    fields = {
        "command": "/lokus",
        "text": "hjälp",
        "team_id": "T0LOKUS",
        "user_id": "UANNA",
        "channel_id": "CHEBY",
        "response_url": fake.new_response_url(),
        "trigger_id": sim.new_trigger_id(),
    }
    return urlencode(fields).encode()


def _dispatch(app: App, body: bytes, content_type: str, timestamp: str, signature: str) -> int:
    headers = {
        "content-type": content_type,
        "x-slack-request-timestamp": timestamp,
        "x-slack-signature": signature,
    }
    return app.dispatch(BoltRequest(body=body.decode("utf-8"), headers=headers)).status


@pytest.mark.parametrize("timestamp", ["abc", "1e9", "", "１７", "1,2", "NaN"])
def test_bolts_own_check_failing_on_a_bad_timestamp_makes_the_error_handler_tell_nobody(
    bolt: App, fake_slack: FakeSlack, database: Database, timestamp: str
) -> None:
    status = _dispatch(bolt, _command(fake_slack), FORM, timestamp, "v0=00")
    assert status in (401, 500)
    assert fake_slack.calls() == [], [c.method for c in fake_slack.calls()]
    assert_nothing_stored(database)


@pytest.mark.parametrize("signature", ["v0=00", "ä", "v0=" + "0" * 64, ""])
def test_a_request_bolt_finds_unsigned_is_401_and_silent(bolt: App, fake_slack: FakeSlack, signature: str) -> None:
    assert _dispatch(bolt, _command(fake_slack), FORM, str(now()), signature) in (401, 500)
    assert fake_slack.calls() == []


@pytest.mark.parametrize(
    "event",
    [
        {"type": "message", "user": "UANNA", "channel": "DUANNA", "channel_type": "im", "text": 5},
        {"type": "message", "user": "UANNA", "channel": ["DUANNA"], "channel_type": "im", "text": "hjälp"},
        {"type": "app_home_opened", "user": {"id": "UANNA"}},
    ],
)
def test_a_signed_payload_of_the_wrong_types_handed_to_bolt_directly_gets_400(
    bolt: App, fake_slack: FakeSlack, database: Database, event: dict[str, object]
) -> None:
    envelope = {"type": "event_callback", "team_id": "T0LOKUS", "event_id": "Ev0BOLT1", "event": event}
    body = json.dumps(envelope).encode()
    stamp = str(now())
    assert _dispatch(bolt, body, JSON, stamp, sign_as(body, stamp)) == 400
    # Bolt asks Slack who the bot is (auth.test) once it has verified a request; about the payload, nothing
    assert [c.method for c in fake_slack.calls() if c.method != "auth.test"] == []
    assert_nothing_stored(database)
