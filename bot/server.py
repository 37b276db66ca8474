"""HTTP mode: the Bolt app behind a WSGI callable, served by gunicorn (never Bolt's development server)."""

import gc
import json
import logging
from collections.abc import Callable, Iterable
from typing import Any

from gunicorn.app.base import BaseApplication
from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

log = logging.getLogger("lokusbot.server")
EVENTS_PATH = "/slack/events"
StartResponse = Callable[..., Any]


def wsgi_app(app: App) -> Callable[[dict[str, Any], StartResponse], Iterable[bytes]]:
    """A WSGI callable: Slack's requests on POST /slack/events, a health check on GET /healthz."""
    handler = SlackRequestHandler(app, path=EVENTS_PATH)

    def application(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == "/healthz" and environ.get("REQUEST_METHOD") == "GET":
            start_response("200 OK", [("Content-Type", "application/json")])
            return [json.dumps({"ok": True}).encode()]
        try:
            return handler(environ, start_response)
        except (ValueError, KeyError, UnicodeDecodeError):
            log.warning("malformed request refused")
            start_response("400 Bad Request", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"Bad Request"]

    return application


class GunicornServer(BaseApplication):  # type: ignore[misc]
    """Gunicorn run from code; each worker builds its own app after the fork."""

    def __init__(
        self, build: Callable[[], App], *, port: int, host: str = "0.0.0.0", workers: int = 2, threads: int = 8
    ) -> None:
        self.build = build
        self.options = {
            "bind": f"{host}:{port}",
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread",
            "timeout": 30,
            "accesslog": None,
            "preload_app": False,
        }
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Callable[..., Iterable[bytes]]:
        return worker_app(self.build())


def worker_app(app: App) -> Callable[[dict[str, Any], StartResponse], Iterable[bytes]]:
    """The WSGI callable a worker serves, with everything built so far kept out of the garbage collector's sight.

    The app, its catalogue and SQLAlchemy's mappers live as long as the worker. Frozen (gc.freeze), they are not
    scanned again by every full collection, which otherwise lands on some request and delays its answer
    (bench/chat_turn.py: lokusbot's p99 went from 13–17 ms to 8–9 ms).
    """
    application = wsgi_app(app)
    gc.collect()
    gc.freeze()
    return application
