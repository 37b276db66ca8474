"""End-to-end harness: the real Bolt app over HTTP on loopback, signed requests in, a fake Slack Web API out."""

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from slack_bolt import App

from bot.server import wsgi_app
from bot.services import Services
from bot.settings import Settings
from bot.slack.app import create_app
from handlers.app import build_router
from storage.db import Database
from tests.conftest import FakeClock
from tests.support.fake_slack import FakeSlack
from tests.support.signing import SlackClientSim

SIGNING_SECRET = "test-signing-secret"
CLIENT_ID = "1111111111.2222222222"
CLIENT_SECRET = "test-client-secret"


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    request_queue_size = 64  # the listen backlog: the default 5 resets connections when many requests come at once


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib's name
        pass


@dataclass
class Bot:
    """A running bot: the fake Slack it talks to, the simulated Slack client that talks to it, its services."""

    fake: FakeSlack
    sim: SlackClientSim
    services: Services
    url: str


def serve_bot(settings: Settings, services: Services) -> tuple[_ThreadingServer, str]:
    """Serve lokusbot on a free loopback port in a background thread."""
    return serve_wsgi(create_app(settings, services))


def serve_wsgi(app: App) -> tuple[_ThreadingServer, str]:
    """Serve a Bolt app through lokusbot's WSGI wrapper on a free loopback port in a background thread."""
    application = wsgi_app(app, SIGNING_SECRET)
    server = make_server("127.0.0.1", 0, application, server_class=_ThreadingServer, handler_class=_QuietHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}"


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    """A fake Slack Web API server."""
    with FakeSlack() as fake:
        yield fake


@pytest.fixture
def bot(database_url: str, database: Database, clock: FakeClock, fake_slack: FakeSlack) -> Iterator[Bot]:
    """The bot on a test database, wired to the fake Slack, reachable over HTTP."""
    settings = Settings(
        _env_file=None,
        database_url=database_url,  # type: ignore[call-arg]
        slack_bot_token=fake_slack.bot_token,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake_slack.url,
    )
    services = Services(settings, database, build_router(), settings.handler_config(), clock)
    server, url = serve_bot(settings, services)
    yield Bot(fake_slack, SlackClientSim(url, SIGNING_SECRET, fake_slack=fake_slack), services, url)
    server.shutdown()
    server.server_close()
    services.stop()  # the outbox's deliverer threads


@pytest.fixture
def oauth_bot(database_url: str, database: Database, clock: FakeClock, fake_slack: FakeSlack) -> Iterator[Bot]:
    """The bot installed through Slack's OAuth flow (client id and secret, no bot token), wired to the fake Slack,
    which knows the app and its redirect URL; workspaces are added to the fake and installed by each test."""
    settings = Settings(
        _env_file=None,
        database_url=database_url,  # type: ignore[call-arg]
        slack_client_id=CLIENT_ID,
        slack_client_secret=CLIENT_SECRET,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake_slack.url,
    )
    services = Services(settings, database, build_router(), settings.handler_config(), clock)
    server, url = serve_bot(settings, services)
    fake_slack.register_app(CLIENT_ID, CLIENT_SECRET, f"{url}/slack/oauth_redirect")
    yield Bot(fake_slack, SlackClientSim(url, SIGNING_SECRET, fake_slack=fake_slack), services, url)
    server.shutdown()
    server.server_close()
    services.stop()  # the outbox's deliverer threads
