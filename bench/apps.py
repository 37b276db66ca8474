"""The two WSGI apps the chat-turn benchmark serves with gunicorn, configured from the environment."""

import os
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App

from bench.flow import BENCH_FLOW
from bot.server import worker_app
from bot.services import build_services
from bot.settings import Settings
from bot.slack.app import create_app, make_client

Wsgi = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def bare() -> Wsgi:
    """The least a Bolt app can do for a DM: verify the signature, ack, post once."""
    settings = Settings()
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    app = App(client=make_client(settings), signing_secret=secret, token_verification_enabled=False)

    @app.event("message")
    def answer(event: dict[str, Any], client: Any) -> None:
        client.chat_postMessage(channel=event["channel"], text="ok")

    return worker_app(app, secret)


def lokusbot() -> Wsgi:
    """lokusbot as `lokusbot serve` builds it, knowing the benchmark's conversation flow."""
    settings = Settings()
    services = build_services(settings, migrate_schema=False)
    services.router.engine.flows[BENCH_FLOW.name] = BENCH_FLOW  # the conversation the benchmark talks to
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    return worker_app(create_app(settings, services), secret)


def environment(database_url: str, api_url: str, token: str, secret: str) -> dict[str, str]:
    """The environment both servers run with."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env.update(DATABASE_URL=database_url, SLACK_API_URL=api_url, SLACK_BOT_TOKEN=token, SLACK_SIGNING_SECRET=secret)
    return env
