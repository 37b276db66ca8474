"""HTTP mode: the Bolt app behind a WSGI callable, served by gunicorn (never Bolt's development server).

Every POST to /slack/events passes the gate first (bot/slack/gate.py): nothing reaches Bolt, a listener or the
error handler before the request is verified as Slack's and its body read into a typed payload. With Slack's OAuth
install (many workspaces) GET /slack/install and GET /slack/oauth_redirect go to Bolt's OAuth flow
(bot/slack/oauth.py): a browser's requests, unsigned by nature, read for their query and state cookie only.
"""

import gc
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from gunicorn.app.base import BaseApplication
from slack_bolt import App, BoltResponse
from slack_bolt.adapter.wsgi.http_response import WsgiHttpResponse

from bot.health import Readiness, alive
from bot.slack.gate import SlackGate
from bot.slack.oauth import oauth_answer

log = logging.getLogger("lokusbot.server")
EVENTS_PATH = "/slack/events"
StartResponse = Callable[..., Any]
Wsgi = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def wsgi_app(app: App, signing_secret: str, readiness: Readiness | None = None) -> Wsgi:
    """A WSGI callable: Slack's requests on POST /slack/events; GET /healthz, GET /readyz given a readiness, and
    with OAuth the install's two GET routes."""
    gate = SlackGate(app, signing_secret)
    flow = app.oauth_flow
    oauth_paths = {flow.install_path, flow.redirect_uri_path} if flow is not None else set()

    def application(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO"), environ.get("REQUEST_METHOD")
        if method == "GET" and path == "/healthz":
            return _json(start_response, alive())
        if method == "GET" and path == "/readyz" and readiness is not None:
            return _json(start_response, readiness.report())
        if flow is not None and path in oauth_paths:  # a browser's, unsigned: only GET, never the gate's way in
            if method != "GET":
                return _plain(start_response, 405)
            return _answer(start_response, oauth_answer(flow, environ))
        if path != EVENTS_PATH:
            return _plain(start_response, 404)
        if method != "POST":
            return _plain(start_response, 405)
        answer = gate.handle(environ)
        response = WsgiHttpResponse(status=answer.status, headers=answer.headers, body=answer.body)
        start_response(response.status, response.get_headers())
        return response.get_body()

    return application


def _answer(start_response: StartResponse, answer: BoltResponse) -> Iterable[bytes]:
    response = WsgiHttpResponse(status=answer.status, headers=answer.headers, body=answer.body)
    start_response(response.status, response.get_headers())
    return response.get_body()


def _json(start_response: StartResponse, report: dict[str, Any]) -> Iterable[bytes]:
    body = json.dumps(report).encode()
    status = "200 OK" if report.get("ok") else "503 Service Unavailable"
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]


def _plain(start_response: StartResponse, status: int) -> Iterable[bytes]:
    response = WsgiHttpResponse(status=status, headers={"content-type": ["text/plain; charset=utf-8"]})
    start_response(response.status, response.get_headers())
    return response.get_body()


@dataclass(frozen=True)
class Prepared:
    """What the master process built for the workers: the WSGI callable, and what each worker does after the fork."""

    application: Wsgi
    after_fork: Callable[[], None]


class GunicornServer(BaseApplication):  # type: ignore[misc]
    """Gunicorn run from code. The master builds and warms the app once (`preload_app`), then forks the workers:
    each starts warm, takes its own database connections and starts its scheduler before it accepts a request."""

    def __init__(
        self, prepare: Callable[[], Prepared], *, port: int, host: str = "0.0.0.0", workers: int = 2, threads: int = 8
    ) -> None:
        self.prepare = prepare
        self.after_fork: Callable[[], None] = lambda: None
        self.options = {
            "bind": f"{host}:{port}",
            "workers": workers,
            "threads": threads,
            "worker_class": "gthread",
            "timeout": 30,
            "accesslog": None,
            "preload_app": True,
            # after the worker's own signal handlers are in place (a SIGTERM during post_fork would be lost)
            "post_worker_init": lambda _worker: self.after_fork(),
        }
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Wsgi:
        """In the master, once: build and warm everything, then keep it out of the garbage collector's sight."""
        prepared = self.prepare()
        self.after_fork = prepared.after_fork
        return frozen(prepared.application)


def frozen(application: Wsgi) -> Wsgi:
    """The WSGI callable, with everything built so far kept out of the garbage collector's sight.

    The app, its catalogue and SQLAlchemy's mappers live as long as the process. Frozen (gc.freeze), they are not
    scanned again by every full collection, which otherwise lands on some request and delays its answer
    (bench/chat_turn.py: lokusbot's p99 went from 13–17 ms to 8–9 ms). As Python's documentation advises for a
    process that forks, `lokusbot serve` keeps the collector off while it starts (bot/cli.py) and freezes right
    before the fork, with no collection first (it would cost as much as the rest of the warm-up): the workers
    then share those pages with the master instead of copying them, and collect only what they make themselves.
    """
    gc.freeze()
    gc.enable()
    return application


def worker_app(app: App, signing_secret: str, readiness: Readiness | None = None) -> Wsgi:
    """The WSGI callable a gunicorn worker serves, frozen (see `frozen`)."""
    return frozen(wsgi_app(app, signing_secret, readiness))
