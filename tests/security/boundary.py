"""What the request-boundary attacks share: one bot per module and backend, raw HTTP, and "nothing went out".

Most attacks need no data of their own, so a module serves one bot per backend (starting a bot per input would
cost minutes on a shared machine); `fresh_fake` forgets the fake Slack's calls before every test.
"""

import hashlib
import hmac
import http.client
import json
import shutil
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode, urlsplit

import pytest
from sqlalchemy import create_engine, func, make_url, select, text

from bot.services import Services
from bot.settings import Settings
from handlers.app import build_router
from storage.case_models import Case
from storage.db import Database
from storage.models import ProcessedEvent
from storage.outbox_models import PENDING, OutboxMessage
from tests.bot.conftest import SIGNING_SECRET, Bot, serve_bot
from tests.conftest import BACKENDS, POSTGRES_URL, FakeClock
from tests.support.fake_slack import FakeSlack
from tests.support.signing import FORM, JSON, Response, SlackClientSim

SETTLE = 0.02  # seconds to let anything the bot might still do arrive (its refusals are synchronous)


@contextmanager
def _database_url(request: pytest.FixtureRequest, folder: Path) -> Iterator[str]:
    """A fresh migrated database of the requested backend (the module-scoped twin of tests/conftest.py's)."""
    if request.param == "sqlite":
        path = folder / "lokusbot.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        yield f"sqlite:///{path}"
        return
    template = request.getfixturevalue("postgres_template")
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    name = f"lokusbot_s_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="module", params=BACKENDS)
def shared_bot(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bot]:
    """One bot for the whole module on each backend, wired to its own fake Slack."""
    with _database_url(request, tmp_path_factory.mktemp("security")) as url, FakeSlack() as fake:
        settings = Settings(
            _env_file=None,
            database_url=url,  # type: ignore[call-arg]
            slack_bot_token=fake.bot_token,
            slack_signing_secret=SIGNING_SECRET,
            slack_api_url=fake.url,
        )
        database = Database.from_url(url)
        clock = FakeClock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
        services = Services(settings, database, build_router(), settings.handler_config(), clock)
        server, base = serve_bot(settings, services)
        try:
            yield Bot(fake, SlackClientSim(base, SIGNING_SECRET, fake_slack=fake), services, base)
        finally:
            server.shutdown()
            server.server_close()
            services.stop()
            database.dispose()


@pytest.fixture
def sbot(shared_bot: Bot) -> Bot:
    """The module's bot with a fake Slack that has seen nothing yet: what the tests before it promised is sent
    first (the outbox delivers after the answer), so none of it arrives during this one."""
    _sent_everything(shared_bot)
    shared_bot.fake.reset()
    return shared_bot


def _sent_everything(bot: Bot, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with bot.services.db.unit_of_work() as session:
            waiting = session.scalar(
                select(func.count()).select_from(OutboxMessage).where(OutboxMessage.state == PENDING)
            )
        if not waiting:
            return
        time.sleep(0.02)


def now() -> int:
    """Now, as Slack's timestamp header counts it."""
    return int(time.time())


def sign_as(body: bytes, timestamp: str, secret: str = SIGNING_SECRET, version: str = "v0") -> str:
    """A signature over the body with the timestamp header exactly as given (any string)."""
    base = b"v0:" + timestamp.encode("utf-8") + b":" + body
    return f"{version}=" + hmac.new(secret.encode("utf-8"), base, hashlib.sha256).hexdigest()


def signed_headers(body: bytes, timestamp: int | None = None) -> dict[str, str]:
    """Valid signature headers for a body, now unless told."""
    stamp = str(now() if timestamp is None else timestamp)
    return {"X-Slack-Request-Timestamp": stamp, "X-Slack-Signature": sign_as(body, stamp)}


def send_raw(
    bot: Bot, headers: list[tuple[str, bytes | str]], body: bytes, *, length: bool = True, path: str = "/slack/events"
) -> Response:
    """POST exactly these headers (repeats, any bytes) and body; Content-Length is added unless length=False."""
    split = urlsplit(bot.url)
    connection = http.client.HTTPConnection(split.hostname or "127.0.0.1", split.port, timeout=10)
    try:
        connection.putrequest("POST", path, skip_accept_encoding=True)
        for name, value in headers:
            connection.putheader(name, value)
        if length:
            connection.putheader("Content-Length", str(len(body)))
        connection.endheaders(body)
        reply = connection.getresponse()
        return Response(reply.status, reply.read(), {k.lower(): v for k, v in reply.getheaders()})
    finally:
        connection.close()


def command_body(bot: Bot, text: str = "hjälp", *, user: str = "UANNA", channel: str = "CHEBY", **extra: str) -> bytes:
    """A slash command's form body, its response_url on the fake Slack."""
    fields = {
        "token": "legacy-verification-token",
        "team_id": "T0LOKUS",
        "team_domain": "lokus",
        "channel_id": channel,
        "channel_name": channel.lower(),
        "user_id": user,
        "user_name": user.lower(),
        "command": "/lokus",
        "text": text,
        "api_app_id": "A0LOKUS",
        "is_enterprise_install": "false",
        "response_url": bot.fake.new_response_url(),
        "trigger_id": bot.sim.new_trigger_id(),
        **extra,
    }
    return urlencode(fields).encode("utf-8")


def interactive_body(payload: dict[str, Any]) -> bytes:
    """An interactive payload, form-encoded as Slack sends it."""
    return urlencode({"payload": json.dumps(payload)}).encode("utf-8")


def action_payload(bot: Bot, action_id: str = "case.form#0", value: str = "-", **changes: Any) -> dict[str, Any]:
    """A block_actions payload from a message in CHEBY, its response_url on the fake Slack."""
    payload = bot.sim.block_actions_payload("UANNA", "CHEBY", action_id, value, message_ts="1700000000.000100")
    payload.update(changes)
    return payload


def event_body(bot: Bot, text: str = "hjälp", user: str = "UANNA") -> bytes:
    """A DM message event envelope (the bot would answer in the DM)."""
    event = bot.sim.message_event(user, f"D{user}", text, "im")
    return json.dumps(bot.sim.event_envelope(event)).encode("utf-8")


CARRIERS = ("command", "action", "event", "view", "url_verification", "mention")


def carrier(bot: Bot, kind: str) -> tuple[bytes, str]:
    """A body of each kind an attacker can aim at the bot, and its content type."""
    if kind == "command":
        return command_body(bot), FORM
    if kind == "action":
        return interactive_body(action_payload(bot)), FORM
    if kind == "event":
        return event_body(bot), JSON
    if kind == "mention":
        event = bot.sim.message_event("UANNA", "CHEBY", "<@U0LOKUSBOT> hjälp", "channel")
        event["type"] = "app_mention"
        return json.dumps(bot.sim.event_envelope(event)).encode("utf-8"), JSON
    if kind == "view":
        payload = {
            "type": "view_submission",
            "team": {"id": "T0LOKUS"},
            "user": {"id": "UANNA", "team_id": "T0LOKUS"},
            "trigger_id": bot.sim.new_trigger_id(),
            "view": {"id": "V1", "callback_id": "form.case", "private_metadata": "", "state": {"values": {}}},
            "response_urls": [{"response_url": bot.fake.new_response_url(), "channel_id": "CHEBY"}],
        }
        return interactive_body(payload), FORM
    return json.dumps({"token": "x", "challenge": "c" * 20, "type": "url_verification"}).encode(), JSON


def assert_nothing_went_out(bot: Bot, settle: float = SETTLE) -> None:
    """The fake Slack saw no Web API call and no response_url post, now or a moment later."""
    assert bot.fake.calls() == [], [c.method for c in bot.fake.calls()]
    time.sleep(settle)
    assert bot.fake.calls() == [], [c.method for c in bot.fake.calls()]


def assert_nothing_stored(db: Database) -> None:
    """No event or interaction was remembered as handled."""
    with db.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(ProcessedEvent)) == 0


def filled_state(view: dict[str, Any], values: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """What Slack sends back for a modal the bot opened, filled in with these values (by block id)."""
    state: dict[str, dict[str, Any]] = {}
    for block in view["blocks"]:
        element, value = block["element"], values.get(block["block_id"])
        kind = element["type"]
        if kind == "datepicker":
            entry: dict[str, Any] = {"type": kind, "selected_date": value}
        elif kind in ("radio_buttons", "static_select"):
            entry = {"type": kind, "selected_option": {"value": value} if value else None}
        elif kind == "checkboxes":
            entry = {"type": kind, "selected_options": [{"value": v} for v in value or []]}
        else:
            entry = {"type": kind, "value": value}
        state[block["block_id"]] = {element["action_id"]: entry}
    return state


A_CASE = {
    "raised_on": "2026-11-20",
    "party": "fk",
    "gender": "man",
    "age_band": "30-39",
    "target_groups": ["sjukskrivna"],
    "failures": ["ansvarsfordelning"],
    "referred_tr": "nej",
}


def link_heby(bot: Bot, coordinator: str = "UANNA") -> None:
    """Link CHEBY to a new group Heby with the coordinator as its samordnare."""
    bot.sim.slash_command(coordinator, "CHEBY", "koppla Heby")
    bot.fake.wait_for("chat.postMessage", predicate=lambda c: c.args.get("channel") == "CHEBY")
    bot.sim.slash_command(coordinator, "CHEBY", f"medlem <@{coordinator}|x> kommun samordnare")
    bot.fake.wait_for("chat.postMessage", count=2, predicate=lambda c: c.args.get("channel") == "CHEBY")


def open_case_form(bot: Bot, user: str = "UANNA") -> dict[str, Any]:
    """The case form as the bot opens it (views.open) for the user."""
    before = len(bot.fake.calls("views.open"))
    bot.sim.slash_command(user, "CHEBY", "ärende form")
    return dict(bot.fake.wait_for("views.open", count=before + 1)[-1].args["view"])


def stored_case_count(services: Services) -> int:
    """How many lots-ärenden the database holds."""
    with services.db.unit_of_work() as session:
        return int(session.scalar(select(func.count()).select_from(Case)) or 0)
