"""A local fake of the Slack Web API: a real HTTP server that slack_sdk's WebClient(base_url=fake.url) talks to.

Usage in tests::

    with FakeSlack() as fake:
        client = WebClient(base_url=fake.url, token=fake.bot_token)
        ...
        [call] = fake.wait_for("chat.postMessage")

Standalone (manual or acceptance runs)::

    python -m tests.support.fake_slack --port 8099

prints its base URL on the first line, then one JSON line per call it receives.

Routes: ``/api/<method>`` (POST, or GET with a query string) needs ``Authorization: Bearer <bot token>`` (the
fixed one, or one an OAuth install issued: tests/support/fake_slack_oauth.py; ``/oauth/v2/authorize`` is the page
an installer's browser is sent to);
``/upload/<file_id>`` takes the bytes of files.getUploadURLExternal's upload_url; ``/response/<id>`` takes
posts to response_url (recorded as method "response_url"); ``/files/<file_id>/<name>`` serves url_private.
"""

from __future__ import annotations

import argparse
import contextlib
import email.message
import hashlib
import json
import mimetypes
import signal
import sys
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlsplit
from zoneinfo import ZoneInfo

from tests.support.fake_faults import Fault, Faults
from tests.support.fake_slack_canvases import CanvasError, CanvasesAndFunctions
from tests.support.fake_slack_oauth import UNAUTHENTICATED, OAuthInstalls, OAuthRefusal, basic_credentials
from tests.support.fake_slack_views import ViewRefused, check_view

# Form fields whose values slack_sdk sends as JSON text; they are decoded in the recorded call.
JSON_FIELDS = frozenset(
    {"blocks", "attachments", "view", "files", "metadata", "unfurls", "user_auth_blocks", "outputs", "profile"}
)
APP_LEVEL_METHODS = frozenset({"apps.connections.open"})  # these take the app-level token (xapp-), nothing else
FIRST_TS = 1_700_000_000_000_100  # microseconds: the first ts handed out is "1700000000.000100"
TS_STEP = 100

Args = dict[str, Any]


@dataclass(frozen=True)
class Call:
    """One request the fake received: the API method (or "response_url"/"file_upload"), its arguments, headers."""

    method: str
    args: dict[str, Any]
    headers: dict[str, str]  # names in lower case
    path: str = ""
    received: float = 0.0  # time.perf_counter() when the request's headers had arrived
    fault: str = ""  # the fault it was answered with ("429", "500", "hang"; tests/support/fake_faults.py), if any


@dataclass
class UploadedFile:
    """A file sent through files.getUploadURLExternal, the upload URL and files.completeUploadExternal."""

    file_id: str
    filename: str
    title: str | None
    content: bytes
    channel_id: str | None
    thread_ts: str | None
    initial_comment: str | None
    length: int = 0
    completed: bool = False
    created: int = 0


@dataclass
class _Reply:
    """An HTTP response to send."""

    status: int
    body: bytes
    content_type: str = "application/json; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)


class SlackError(Exception):
    """Raised by a method handler to answer {"ok": false, "error": ...}."""

    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


def _json_reply(data: dict[str, Any], status: int = 200, headers: dict[str, str] | None = None) -> _Reply:
    """A JSON response."""
    return _Reply(status, json.dumps(data).encode("utf-8"), headers=headers or {})


def _fault_reply(fault: Fault) -> _Reply:
    """What Slack answers when it cannot take a call: 429 with Retry-After, a 500, or (after a hang) a 503."""
    if fault.kind == "429":
        return _json_reply({"ok": False, "error": "ratelimited"}, 429, {"Retry-After": str(fault.retry_after)})
    if fault.kind == "500":
        return _json_reply({"ok": False, "error": "internal_error"}, 500)
    return _json_reply({"ok": False, "error": "service_unavailable"}, 503)


def _text_reply(text: str, status: int = 200) -> _Reply:
    """A plain-text response."""
    return _Reply(status, text.encode("utf-8"), "text/plain; charset=utf-8")


def _decode_json_fields(args: Args) -> Args:
    """Decode the values of JSON_FIELDS that arrived as JSON text."""
    decoded = dict(args)
    for key in JSON_FIELDS & decoded.keys():
        value = decoded[key]
        if isinstance(value, str):
            with contextlib.suppress(ValueError):
                decoded[key] = json.loads(value)
    return decoded


def _header_param(header_value: str, param: str) -> str | None:
    """A parameter (e.g. boundary, name, filename) of a header such as Content-Type or Content-Disposition."""
    message = email.message.Message()
    message["x"] = header_value
    value = message.get_param(param, header="x")
    return value if isinstance(value, str) else None


def _multipart_parts(content_type: str, body: bytes) -> list[tuple[str, str | None, bytes]]:
    """The (name, filename, content) of each part of a multipart/form-data body."""
    boundary = _header_param(content_type, "boundary")
    if not boundary:
        return []
    parts = []
    for chunk in body.split(b"--" + boundary.encode("latin-1"))[1:]:
        if chunk.startswith(b"--"):
            break
        head, _, content = chunk.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        headers = dict(line.split(":", 1) for line in head.decode("utf-8", "replace").split("\r\n") if ":" in line)
        disposition = next((v for k, v in headers.items() if k.strip().lower() == "content-disposition"), "")
        name = _header_param(disposition, "name") or ""
        parts.append((name, _header_param(disposition, "filename"), content.removesuffix(b"\r\n")))
    return parts


def parse_body(content_type: str, body: bytes) -> Args:
    """The arguments in a form-encoded, JSON or multipart body; JSON text in JSON_FIELDS is decoded."""
    kind = content_type.split(";")[0].strip().lower()
    if kind == "application/json":
        data = json.loads(body.decode("utf-8")) if body.strip() else {}
        return _decode_json_fields(data if isinstance(data, dict) else {"_json": data})
    if kind == "multipart/form-data":
        args: Args = {}
        for name, filename, content in _multipart_parts(content_type, body):
            args[name] = content if filename is not None else content.decode("utf-8", "replace")
        return _decode_json_fields(args)
    return _decode_json_fields(dict(parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)))


def _require(args: Args, *names: str) -> None:
    """Fail with invalid_arguments unless every name has a non-empty value."""
    if any(args.get(name) in (None, "") for name in names):
        raise SlackError("invalid_arguments")


def _json_default(value: Any) -> Any:
    """JSON stand-in for bytes in logged calls."""
    if isinstance(value, bytes):
        return {"bytes": len(value)}
    return repr(value)


class _Server(ThreadingHTTPServer):
    """The HTTP server, holding the fake it serves."""

    daemon_threads = True
    fake: FakeSlack


class _Handler(BaseHTTPRequestHandler):
    """Hands every request to the FakeSlack behind the server."""

    server: _Server
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        """Serve a GET."""
        self._serve()

    def do_POST(self) -> None:
        """Serve a POST."""
        self._serve()

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet: calls are recorded instead."""

    def _serve(self) -> None:
        """Read the request, let the fake answer it, write the reply."""
        received = time.perf_counter()
        headers = {name.lower(): value for name, value in self.headers.items()}
        reply = self.server.fake.handle_http(self.command, self.path, headers, self._read_body(), received)
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(reply.body)

    def _read_body(self) -> bytes:
        """The request body, by Content-Length or chunked."""
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return self._read_chunked()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def _read_chunked(self) -> bytes:
        """A chunked request body."""
        body = b""
        while True:
            size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                self.rfile.readline()
                return body
            body += self.rfile.read(size)
            self.rfile.readline()


class FakeSlack(OAuthInstalls, CanvasesAndFunctions):
    """A fake Slack Web API on a free loopback port: records calls, answers with Slack-shaped responses."""

    def __init__(
        self,
        bot_token: str = "xoxb-test-token",
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        team_id: str = "T0LOKUS",
        team_name: str = "LOKUS",
        team_domain: str = "lokus",
        bot_user_id: str = "U0LOKUSBOT",
        bot_id: str = "B0LOKUSBOT",
        bot_name: str = "lokusbot",
        app_id: str = "A0LOKUS",
        on_call: Callable[[Call], None] | None = None,
        app_token: str = "xapp-1-A0LOKUS-test-app-token",
    ) -> None:
        self.bot_token = bot_token
        self.app_token = app_token
        # what apps.connections.open hands out: a URL, or a function making a fresh one each time (with its ticket)
        self.socket_mode_url: str | Callable[[], str] = ""
        self.host, self.port = host, port
        self.team_id, self.team_name, self.team_domain = team_id, team_name, team_domain
        self.bot_user_id, self.bot_id, self.bot_name, self.app_id = bot_user_id, bot_id, bot_name, app_id
        self.on_call = on_call
        self._cond = threading.Condition()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._users: dict[str, Args] = {}
        self._channels: dict[str, Args] = {}
        self._init_oauth()
        self._methods: dict[str, Callable[[Args], Args]] = {
            **self._method_table(),
            **self._oauth_methods(),
            **self._canvas_methods(),  # tests/support/fake_slack_canvases.py
        }
        self._faults = Faults()
        self._clear_state()

    # ----- lifecycle

    def start(self) -> FakeSlack:
        """Start serving in a background thread."""
        if self._server is not None:
            return self
        server = _Server((self.host, self.port), _Handler)
        server.fake = self
        self.port = server.server_address[1]
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="fake-slack", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        server, self._server = self._server, None
        if server is None:
            return
        server.shutdown()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def root_url(self) -> str:
        """The server's root, e.g. http://127.0.0.1:PORT/."""
        return f"http://{self.host}:{self.port}/"

    @property
    def url(self) -> str:
        """The Web API base URL for WebClient(base_url=...), e.g. http://127.0.0.1:PORT/api/."""
        return f"{self.root_url}api/"

    # ----- setup and inspection for tests

    def add_user(
        self,
        user_id: str,
        name: str | None = None,
        real_name: str | None = None,
        *,
        display_name: str | None = None,
        tz: str = "Europe/Stockholm",
        is_bot: bool = False,
        deleted: bool = False,
        email: str | None = None,
        is_admin: bool = False,
        is_owner: bool = False,
        is_primary_owner: bool = False,
        team_id: str | None = None,
    ) -> None:
        """Make users.info describe this user (unknown users get a profile made from their id); an admin or
        owner of the workspace when told, of another workspace with team_id (a Slack Connect user)."""
        user = self._user_object(user_id, name, real_name, display_name, tz, is_bot, deleted, email)
        user.update(is_admin=is_admin, is_owner=is_owner, is_primary_owner=is_primary_owner)
        if team_id is not None:
            user["team_id"] = team_id
            user["profile"]["team"] = team_id
        with self._cond:
            self._users[user_id] = user

    def add_channel(
        self, channel_id: str, name: str, *, members: list[str] | None = None, is_private: bool = False
    ) -> None:
        """Make conversations.info and conversations.members describe this channel."""
        with self._cond:
            self._channels[channel_id] = {"name": name, "members": list(members or []), "is_private": is_private}

    def dm_channel_id(self, user_id: str) -> str:
        """The id of the bot's DM with a user, as conversations.open returns it: "D" + user id."""
        return f"D{user_id}"

    def new_response_url(self) -> str:
        """A fresh response_url on this server; posts to it are recorded as method "response_url"."""
        return f"{self.root_url}response/{uuid.uuid4().hex[:12]}"

    def add_file(self, content: bytes, filename: str, title: str | None = None, user_id: str = "") -> Args:
        """Store a file (e.g. one a user shared) and return its Slack file object; url_private serves it."""
        with self._cond:
            upload = UploadedFile(
                self._next_id("F"),
                filename,
                title or filename,
                content,
                None,
                None,
                None,
                length=len(content),
                completed=True,
                created=self._now(),
            )
            self._uploads[upload.file_id] = upload
            return self._file_object(upload, user_id or self.bot_user_id)

    def calls(self, method: str | None = None) -> list[Call]:
        """Every recorded call, or those to one method, oldest first."""
        with self._cond:
            return [call for call in self._calls if method is None or call.method == method]

    def delivered(self, method: str | None = None) -> list[Call]:
        """The calls that were not answered with an injected fault (so took effect), oldest first."""
        return [call for call in self.calls(method) if not call.fault]

    def wait_for(
        self, method: str, count: int = 1, timeout: float = 5.0, predicate: Callable[[Call], bool] | None = None
    ) -> list[Call]:
        """Block until at least count calls to method (matching predicate) arrived; return all that match."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                matching = [c for c in self._calls if c.method == method and (predicate is None or predicate(c))]
                remaining = deadline - time.monotonic()
                if len(matching) >= count or remaining <= 0:
                    break
                self._cond.wait(remaining)
            if len(matching) >= count:
                return matching
            received = [c.method for c in self._calls]
        which = " matching the predicate" if predicate else ""
        raise AssertionError(
            f"expected {count} call(s) to {method}{which} within {timeout}s, got {len(matching)}; received: {received}"
        )

    def messages(self, channel: str | None = None) -> list[Args]:
        """The messages chat.postMessage posted and not deleted (as updated), each with its "channel"."""
        with self._cond:
            return [
                {**message, "channel": ch}
                for (ch, _ts), message in self._messages.items()
                if channel is None or ch == channel
            ]

    def uploaded_files(self, include_incomplete: bool = False) -> list[UploadedFile]:
        """The files uploaded with files_upload_v2 (completed ones unless include_incomplete), oldest first."""
        with self._cond:
            return [replace(f) for f in self._uploads.values() if f.completed or include_incomplete]

    def reset(self) -> None:
        """Forget calls, messages, uploads, views and pending injections (added users and channels stay)."""
        with self._cond:
            self._clear_state()
        self._faults.clear()

    # ----- failure injection

    def rate_limit_next(self, method: str, retry_after: int = 1, count: int = 1) -> None:
        """Answer the next count calls to method with HTTP 429, Retry-After and error "ratelimited"."""
        reply = _json_reply({"ok": False, "error": "ratelimited"}, 429, {"Retry-After": str(retry_after)})
        self._inject(method, reply, count)

    def fail_next(self, method: str, error: str = "channel_not_found", count: int = 1) -> None:
        """Answer the next count calls to method with {"ok": false, "error": error}."""
        self._inject(method, _json_reply({"ok": False, "error": error}), count)

    def server_error_next(self, method: str, count: int = 1) -> None:
        """Answer the next count calls to method (or "response_url", "file_upload") with HTTP 500, to no effect."""
        self._faults.queue(method, Fault("500"), count)

    def hang_next(self, method: str, seconds: float = 2.0, count: int = 1) -> None:
        """Hold the next count calls to method for `seconds` (the caller times out), then answer 503, to no effect."""
        self._faults.queue(method, Fault("hang", hang=seconds), count)

    def chaos(
        self,
        rate: float,
        kind: str,
        *,
        methods: frozenset[str] | None = None,
        retry_after: int = 1,
        hang: float = 2.0,
        seed: int = 0,
    ) -> None:
        """From now on answer `rate` of all calls (or those to `methods`; "response_url" and "file_upload" count)
        with a fault: "429" (with Retry-After), "500", or "hang" (held `hang` seconds, then 503); none takes effect."""
        self._faults.chaos(rate, Fault(kind, retry_after, hang), methods, seed)

    def calm(self) -> None:
        """Stop the faults chaos() started."""
        self._faults.calm()

    def _inject(self, method: str, reply: _Reply, count: int) -> None:
        """Queue a canned reply for a method."""
        with self._cond:
            self._injected.setdefault(method, deque()).extend([reply] * count)

    # ----- HTTP dispatch

    def handle_http(
        self, verb: str, raw_path: str, headers: dict[str, str], body: bytes, received: float = 0.0
    ) -> _Reply:
        """Answer one HTTP request (called from the server's threads); received is when its headers arrived."""
        split = urlsplit(raw_path)
        route, _, rest = split.path.lstrip("/").partition("/")
        if route == "api" and rest:
            return self._api(unquote(rest), split.path, split.query, headers, body, received)
        if route == "upload" and rest and verb == "POST":
            return self._upload(rest, split.path, headers, body)
        if route == "response" and rest and verb == "POST":
            return self._response_url(split.path, headers, body)
        if route == "files" and rest and verb == "GET":
            return self._download(rest.split("/")[0], headers)
        if split.path == "/oauth/v2/authorize" and verb == "GET":
            return self._authorize(split.path, split.query, headers, received)
        return _text_reply("Not Found", 404)

    def _authorize(self, path: str, query: str, headers: dict[str, str], received: float) -> _Reply:
        """Record the installer's visit to the authorize page and send them back to the app."""
        call = Call("oauth.authorize", dict(parse_qsl(query, keep_blank_values=True)), headers, path, received)
        with self._cond:
            status, extra, body = self.authorize_page(query)
            self._record(call)
        self._notify(call)
        return _Reply(status, body.encode("utf-8"), "text/plain; charset=utf-8", extra)

    def _api(
        self, method: str, path: str, query: str, headers: dict[str, str], body: bytes, received: float = 0.0
    ) -> _Reply:
        """Record a Web API call and answer it."""
        try:
            args = _decode_json_fields(dict(parse_qsl(query, keep_blank_values=True)))
            args.update(parse_body(headers.get("content-type", ""), body))
            bad_body = False
        except ValueError:
            args, bad_body = {"_raw": body}, True
        fault = self._faults.draw(method) if method in self._methods else None
        call = Call(method, args, headers, path, received, fault.kind if fault else "")
        with self._cond:
            if fault is not None:
                reply = _fault_reply(fault)
            else:
                queued = self._injected.get(method)
                if queued and not bad_body:  # rate_limit_next, fail_next: also a call that took no effect
                    call = replace(call, fault=str(queued[0].status))
                reply = _json_reply({"ok": False, "error": "invalid_json"}) if bad_body else self._answer(call)
            self._record(call)
        self._notify(call)
        return reply

    def _answer(self, call: Call) -> _Reply:
        """The reply to an API call: unknown method, auth error, injected reply, or the method's result."""
        handler = self._methods.get(call.method)
        if handler is None:
            return _json_reply({"ok": False, "error": "unknown_method", "req_method": call.method})
        args = call.args
        if call.method in UNAUTHENTICATED:
            args = {**basic_credentials(call.headers), **call.args}
        else:
            auth_error = self._auth_error(call.headers, app_level=call.method in APP_LEVEL_METHODS)
            if auth_error:
                return _json_reply({"ok": False, "error": auth_error})
        queue = self._injected.get(call.method)
        if queue:
            return queue.popleft()
        self._caller_token = self._bearer(call.headers)
        try:
            if call.method.startswith("views.") and isinstance(args.get("view"), dict):
                check_view(call.method, args["view"])
            return _json_reply({"ok": True, **handler(args)})
        except (SlackError, OAuthRefusal, CanvasError) as error:
            return _json_reply({"ok": False, "error": error.error})
        except ViewRefused as refused:  # Block Kit limits (tests/support/fake_slack_views.py)
            return _json_reply(
                {"ok": False, "error": "invalid_arguments", "response_metadata": {"messages": refused.messages}}
            )

    def _auth_error(self, headers: dict[str, str], *, app_level: bool = False) -> str | None:
        """not_authed without a bearer token, not_allowed_token_type with the other kind of token (app-level
        methods take the app token, the rest a bot token), invalid_auth with a wrong (or revoked) one, else None."""
        token = self._bearer(headers)
        if not token:
            return "not_authed"
        wanted, other = (self.app_token, self.bot_token) if app_level else (self.bot_token, self.app_token)
        if token == other:
            return "not_allowed_token_type"
        if token == wanted:
            return None
        if not app_level and (self.installed(token) is not None or self.workflow_token(token)):
            return None
        return "invalid_auth"

    @staticmethod
    def _bearer(headers: dict[str, str]) -> str:
        """The bearer token of a request, or ""."""
        scheme, _, token = headers.get("authorization", "").partition(" ")
        return token.strip() if scheme.lower() == "bearer" else ""

    def _upload(self, file_id: str, path: str, headers: dict[str, str], body: bytes) -> _Reply:
        """Store the bytes posted to an upload_url (raw, or the file part of a multipart body)."""
        content = body
        content_type = headers.get("content-type", "")
        if content_type.lower().startswith("multipart/form-data"):
            parts = _multipart_parts(content_type, body)
            files = [part for part in parts if part[1] is not None] or parts
            content = files[0][2] if files else b""
        fault = self._faults.draw("file_upload")
        call = Call(
            "file_upload", {"file_id": file_id, "size": len(content)}, headers, path, 0.0, fault.kind if fault else ""
        )
        with self._cond:
            upload = self._uploads.get(file_id)
            if upload is not None and fault is None:
                upload.content = content
            self._record(call)
        self._notify(call)
        if fault is not None:
            return _fault_reply(fault)
        if upload is None:
            return _text_reply("file_not_found", 404)
        return _text_reply(f"OK - {len(content)}")

    def _response_url(self, path: str, headers: dict[str, str], body: bytes) -> _Reply:
        """Record a post to a response_url."""
        try:
            args = parse_body(headers.get("content-type", "application/json"), body)
        except ValueError:
            args = {"_raw": body}
        fault = self._faults.draw("response_url")
        call = Call("response_url", args, headers, path, 0.0, fault.kind if fault else "")
        with self._cond:
            self._record(call)
        self._notify(call)
        return _fault_reply(fault) if fault is not None else _text_reply("ok")

    def _download(self, file_id: str, headers: dict[str, str]) -> _Reply:
        """Serve a stored file's bytes at its url_private (bearer token required)."""
        with self._cond:
            upload = self._uploads.get(file_id)
        if self._auth_error(headers) or upload is None:
            return _text_reply("Not Found", 404)
        mimetype = mimetypes.guess_type(upload.filename)[0] or "application/octet-stream"
        return _Reply(200, upload.content, mimetype)

    def _record(self, call: Call) -> None:
        """Append a call and wake waiters (caller holds the lock)."""
        self._calls.append(call)
        self._cond.notify_all()

    def _notify(self, call: Call) -> None:
        """Tell on_call about a call, outside the lock."""
        if self.on_call is not None:
            self.on_call(call)

    # ----- state and ids

    def _clear_state(self) -> None:
        """Start afresh (caller holds the lock or is __init__)."""
        self._calls: list[Call] = []
        self._injected: dict[str, deque[_Reply]] = {}
        self._messages: dict[tuple[str, str], Args] = {}
        self._uploads: dict[str, UploadedFile] = {}
        self._views: dict[str, Args] = {}
        self._reactions: set[tuple[str, str, str]] = set()
        self._opened: set[str] = set()
        self._ts = FIRST_TS - TS_STEP
        self._ids = 0
        self._init_canvases()

    def _next_ts(self) -> str:
        """A message ts, increasing: 1700000000.000100, 1700000000.000200, ..."""
        self._ts += TS_STEP
        return f"{self._ts // 1_000_000}.{self._ts % 1_000_000:06d}"

    def _next_id(self, prefix: str) -> str:
        """A fresh object id such as F00000001 or V00000002."""
        self._ids += 1
        return f"{prefix}{self._ids:08d}"

    def _now(self) -> int:
        """The time as Slack's integer timestamps give it."""
        return int(time.time())

    # ----- method table

    def _method_table(self) -> dict[str, Callable[[Args], Args]]:
        """The Web API methods this fake implements."""
        return {
            "api.test": lambda args: {"args": args},
            "auth.test": self._auth_test,
            "apps.connections.open": self._apps_connections_open,
            "chat.postMessage": self._chat_post_message,
            "chat.postEphemeral": self._chat_post_ephemeral,
            "chat.update": self._chat_update,
            "chat.delete": self._chat_delete,
            "chat.getPermalink": self._chat_get_permalink,
            "conversations.open": self._conversations_open,
            "conversations.info": self._conversations_info,
            "conversations.members": self._conversations_members,
            "users.info": self._users_info,
            "views.open": self._views_open,
            "views.push": self._views_push,
            "views.update": self._views_update,
            "views.publish": self._views_publish,
            "reactions.add": self._reactions_add,
            "reactions.remove": self._reactions_remove,
            "files.getUploadURLExternal": self._files_get_upload_url,
            "files.completeUploadExternal": self._files_complete_upload,
            "files.info": self._files_info,
        }

    def _auth_test(self, args: Args) -> Args:
        """auth.test: who the bot token belongs to (a token an install issued says which workspace or org)."""
        installed = self.installed(self._caller_token)
        if installed is not None:
            return self._installed_auth_test(installed)
        return {
            "url": f"https://{self.team_domain}.slack.com/",
            "team": self.team_name,
            "user": self.bot_name,
            "team_id": self.team_id,
            "user_id": self.bot_user_id,
            "bot_id": self.bot_id,
            "is_enterprise_install": False,
        }

    def _apps_connections_open(self, args: Args) -> Args:
        """apps.connections.open: the WebSocket URL of Socket Mode (set socket_mode_url first)."""
        if not self.socket_mode_url:
            raise SlackError("socket_mode_not_enabled")
        return {"url": self.socket_mode_url() if callable(self.socket_mode_url) else self.socket_mode_url}

    # ----- chat.*

    def _resolve_channel(self, channel: Any) -> str:
        """A channel id from a channel id, user id (its DM) or #name."""
        if not isinstance(channel, str) or not channel:
            raise SlackError("channel_not_found")
        if channel[0] in "UW":
            return self.dm_channel_id(channel)
        if channel.startswith("#"):
            found = [cid for cid, info in self._channels.items() if info["name"] == channel[1:]]
            if not found:
                raise SlackError("channel_not_found")
            return found[0]
        return channel

    def _bot_message(self, args: Args, ts: str) -> Args:
        """The message object of a message the bot posts."""
        message: Args = {
            "user": self.bot_user_id,
            "type": "message",
            "ts": ts,
            "bot_id": self.bot_id,
            "app_id": self.app_id,
            "text": args.get("text", ""),
            "team": self.team_id,
            "bot_profile": {
                "id": self.bot_id,
                "deleted": False,
                "name": self.bot_name,
                "updated": self._now(),
                "app_id": self.app_id,
                "team_id": self.team_id,
            },
        }
        for key in ("blocks", "attachments", "metadata"):
            if key in args:
                message[key] = args[key]
        if args.get("thread_ts"):
            message["thread_ts"] = args["thread_ts"]
            message["parent_user_id"] = self.bot_user_id
        return message

    def _chat_post_message(self, args: Args) -> Args:
        """chat.postMessage: store the message under a new ts."""
        channel = self._resolve_channel(args.get("channel"))
        if not any(args.get(key) for key in ("text", "blocks", "attachments")):
            raise SlackError("no_text")
        ts = self._next_ts()
        message = self._bot_message(args, ts)
        self._messages[(channel, ts)] = message
        return {"channel": channel, "ts": ts, "message": message}

    def _chat_post_ephemeral(self, args: Args) -> Args:
        """chat.postEphemeral: only a message_ts comes back."""
        self._resolve_channel(args.get("channel"))
        if not args.get("user"):
            raise SlackError("user_not_in_channel")
        if not any(args.get(key) for key in ("text", "blocks", "attachments")):
            raise SlackError("no_text")
        return {"message_ts": self._next_ts()}

    def _chat_update(self, args: Args) -> Args:
        """chat.update: replace text/blocks of a message (any ts is accepted)."""
        channel = self._resolve_channel(args.get("channel"))
        _require(args, "ts")
        ts = args["ts"]
        message = self._messages.get((channel, ts)) or self._bot_message({}, ts)
        message = {**message, "text": args.get("text", message.get("text", ""))}
        for key in ("blocks", "attachments", "metadata"):
            if key in args:
                message[key] = args[key]
        message["edited"] = {"user": self.bot_user_id, "ts": self._next_ts()}
        if (channel, ts) in self._messages:
            self._messages[(channel, ts)] = message
        shown = {k: v for k, v in message.items() if k not in ("ts", "thread_ts")}
        return {"channel": channel, "ts": ts, "text": message["text"], "message": shown}

    def _chat_delete(self, args: Args) -> Args:
        """chat.delete: forget a message (any ts is accepted)."""
        channel = self._resolve_channel(args.get("channel"))
        _require(args, "ts")
        self._messages.pop((channel, args["ts"]), None)
        return {"channel": channel, "ts": args["ts"]}

    def _chat_get_permalink(self, args: Args) -> Args:
        """chat.getPermalink: a workspace URL for the message."""
        channel = self._resolve_channel(args.get("channel"))
        _require(args, "message_ts")
        digits = str(args["message_ts"]).replace(".", "")
        return {"channel": channel, "permalink": f"https://{self.team_domain}.slack.com/archives/{channel}/p{digits}"}

    # ----- conversations.*

    def _conversations_open(self, args: Args) -> Args:
        """conversations.open: the DM of one user ("D" + user id) or a group DM of several."""
        users = [u.strip() for u in str(args.get("users") or "").split(",") if u.strip()]
        if args.get("channel"):
            channel_id = str(args["channel"])
        elif len(users) == 1:
            channel_id = self.dm_channel_id(users[0])
        elif users:
            channel_id = "G" + hashlib.sha1(",".join(sorted(users)).encode()).hexdigest()[:10].upper()
        else:
            raise SlackError("users_list_not_supplied")
        already = channel_id in self._opened
        self._opened.add(channel_id)
        channel: Args = {"id": channel_id}
        if args.get("return_im") in ("1", "true", True) and len(users) == 1:
            channel = self._im_object(channel_id, users[0])
        result: Args = {"no_op": True, "already_open": True} if already else {}
        return {**result, "channel": channel}

    def _im_object(self, channel_id: str, user_id: str) -> Args:
        """The conversation object of a DM."""
        return {
            "id": channel_id,
            "created": self._now(),
            "is_archived": False,
            "is_im": True,
            "is_org_shared": False,
            "context_team_id": self.team_id,
            "updated": self._now() * 1000,
            "user": user_id,
            "is_user_deleted": False,
            "priority": 0,
        }

    def _conversations_info(self, args: Args) -> Args:
        """conversations.info: a DM, an added channel, or a public channel named after its id."""
        channel_id = str(args.get("channel") or "")
        if not channel_id:
            raise SlackError("channel_not_found")
        if channel_id.startswith("D"):
            return {"channel": self._im_object(channel_id, channel_id[1:])}
        return {"channel": self._channel_object(channel_id)}

    def _channel_object(self, channel_id: str) -> Args:
        """The conversation object of a channel."""
        info = self._channels.get(channel_id, {"name": channel_id.lower(), "members": [], "is_private": False})
        return {
            "id": channel_id,
            "name": info["name"],
            "is_channel": not info["is_private"],
            "is_group": info["is_private"],
            "is_im": False,
            "is_mpim": False,
            "is_private": info["is_private"],
            "created": self._now(),
            "is_archived": False,
            "is_general": False,
            "unlinked": 0,
            "name_normalized": info["name"],
            "is_shared": False,
            "is_org_shared": False,
            "is_ext_shared": False,
            "is_pending_ext_shared": False,
            "is_member": True,
            "creator": self.bot_user_id,
            "context_team_id": self.team_id,
            "num_members": len(info["members"]),
            "topic": {"value": "", "creator": "", "last_set": 0},
            "purpose": {"value": "", "creator": "", "last_set": 0},
            "previous_names": [],
        }

    def _conversations_members(self, args: Args) -> Args:
        """conversations.members: the members given to add_channel (a DM has its user and the bot)."""
        channel_id = str(args.get("channel") or "")
        if not channel_id:
            raise SlackError("channel_not_found")
        if channel_id.startswith("D"):
            members = [channel_id[1:], self.bot_user_id]
        else:
            members = list(self._channels.get(channel_id, {}).get("members", []))
        return {"members": members, "response_metadata": {"next_cursor": ""}}

    # ----- users.*

    def _user_object(
        self,
        user_id: str,
        name: str | None,
        real_name: str | None,
        display_name: str | None,
        tz: str,
        is_bot: bool,
        deleted: bool,
        email: str | None,
    ) -> Args:
        """A user object as users.info returns it."""
        name = name or user_id.lower()
        real_name = real_name or name
        zone_now = datetime.now(ZoneInfo(tz))
        offset = zone_now.utcoffset()
        profile: Args = {
            "real_name": real_name,
            "display_name": display_name or "",
            "real_name_normalized": real_name,
            "display_name_normalized": display_name or "",
            "team": self.team_id,
        }
        if email:
            profile["email"] = email
        return {
            "id": user_id,
            "team_id": self.team_id,
            "name": name,
            "deleted": deleted,
            "color": "9f69e7",
            "real_name": real_name,
            "tz": tz,
            "tz_label": zone_now.tzname() or tz,
            "tz_offset": int(offset.total_seconds()) if offset else 0,
            "profile": profile,
            "is_admin": False,
            "is_owner": False,
            "is_primary_owner": False,
            "is_restricted": False,
            "is_ultra_restricted": False,
            "is_bot": is_bot,
            "is_app_user": False,
            "updated": self._now(),
        }

    def _users_info(self, args: Args) -> Args:
        """users.info: an added user, the bot, or a profile made from the id."""
        user_id = str(args.get("user") or "")
        if not user_id:
            raise SlackError("user_not_found")
        user = self._users.get(user_id)
        if user is None:
            is_bot = user_id == self.bot_user_id
            name = self.bot_name if is_bot else None
            user = self._user_object(user_id, name, None, None, "Europe/Stockholm", is_bot, False, None)
        user = dict(user)
        if args.get("include_locale") in ("1", "true", True):
            user["locale"] = "sv-SE"
        return {"user": user}

    # ----- views.*

    def _view_object(self, view: Any, view_id: str, root_view_id: str, previous_view_id: str | None) -> Args:
        """The stored view: the submitted one plus the fields Slack adds."""
        if not isinstance(view, dict) or not view.get("type"):
            raise SlackError("invalid_arguments")
        stored: Args = {
            "id": view_id,
            "team_id": self.team_id,
            "type": view["type"],
            "blocks": [],
            "private_metadata": "",
            "callback_id": "",
            "state": {"values": {}},
            "hash": f"{self._now()}.{uuid.uuid4().hex[:8]}",
            "clear_on_close": False,
            "notify_on_close": False,
            "close": None,
            "submit": None,
            "previous_view_id": previous_view_id,
            "root_view_id": root_view_id,
            "app_id": self.app_id,
            "external_id": "",
            "app_installed_team_id": self.team_id,
            "bot_id": self.bot_id,
        }
        stored.update({k: v for k, v in view.items() if k not in ("id", "hash", "state")})
        self._views[view_id] = stored
        return {"view": stored}

    def _views_open(self, args: Args) -> Args:
        """views.open: a new modal (needs a trigger_id)."""
        if not (args.get("trigger_id") or args.get("interactivity_pointer")):
            raise SlackError("invalid_arguments")
        view_id = self._next_id("V")
        return self._view_object(args.get("view"), view_id, view_id, None)

    def _views_push(self, args: Args) -> Args:
        """views.push: a new modal on top of the stack (needs a trigger_id)."""
        if not (args.get("trigger_id") or args.get("interactivity_pointer")):
            raise SlackError("invalid_arguments")
        view_id = self._next_id("V")
        return self._view_object(args.get("view"), view_id, view_id, None)

    def _views_update(self, args: Args) -> Args:
        """views.update: replace a view by view_id or external_id (unknown ids are accepted)."""
        view_id = args.get("view_id")
        if not view_id and args.get("external_id"):
            known = [vid for vid, v in self._views.items() if v.get("external_id") == args["external_id"]]
            view_id = known[0] if known else self._next_id("V")
        if not view_id:
            raise SlackError("invalid_arguments")
        root_view_id = str(self._views.get(view_id, {}).get("root_view_id") or view_id)
        return self._view_object(args.get("view"), view_id, root_view_id, None)

    def _views_publish(self, args: Args) -> Args:
        """views.publish: a user's Home tab, one stable view id per user."""
        _require(args, "user_id")
        view_id = f"VH{args['user_id']}"
        return self._view_object(args.get("view"), view_id, view_id, None)

    # ----- reactions.*

    def _reactions_add(self, args: Args) -> Args:
        """reactions.add: already_reacted when the same reaction is added twice."""
        _require(args, "channel", "timestamp", "name")
        key = (str(args["channel"]), str(args["timestamp"]), str(args["name"]))
        if key in self._reactions:
            raise SlackError("already_reacted")
        self._reactions.add(key)
        return {}

    def _reactions_remove(self, args: Args) -> Args:
        """reactions.remove: no_reaction when it was not there."""
        _require(args, "name")
        key = (str(args.get("channel", "")), str(args.get("timestamp", "")), str(args["name"]))
        if key not in self._reactions:
            raise SlackError("no_reaction")
        self._reactions.discard(key)
        return {}

    # ----- files.*

    def _files_get_upload_url(self, args: Args) -> Args:
        """files.getUploadURLExternal: a file id and an upload URL on this server."""
        _require(args, "filename", "length")
        try:
            length = int(args["length"])
        except ValueError as error:
            raise SlackError("invalid_arguments") from error
        file_id = self._next_id("F")
        self._uploads[file_id] = UploadedFile(
            file_id, str(args["filename"]), None, b"", None, None, None, length=length, created=self._now()
        )
        return {"upload_url": f"{self.root_url}upload/{file_id}", "file_id": file_id}

    def _files_complete_upload(self, args: Args) -> Args:
        """files.completeUploadExternal: finish uploads and share them in a channel or thread."""
        files = args.get("files")
        if not isinstance(files, list) or not files:
            raise SlackError("invalid_arguments")
        if any(not isinstance(f, dict) or f.get("id") not in self._uploads for f in files):
            raise SlackError("file_not_found")
        channels = [c for c in str(args.get("channels") or "").split(",") if c]
        channel_id = args.get("channel_id") or (channels[0] if channels else None)
        completed = []
        for item in files:
            upload = self._uploads[item["id"]]
            upload.title = item.get("title") or upload.filename
            upload.channel_id, upload.thread_ts = channel_id, args.get("thread_ts")
            upload.initial_comment, upload.completed = args.get("initial_comment"), True
            completed.append(self._file_object(upload, self.bot_user_id))
        return {"files": completed}

    def _files_info(self, args: Args) -> Args:
        """files.info: a stored file."""
        upload = self._uploads.get(str(args.get("file") or ""))
        if upload is None:
            raise SlackError("file_not_found")
        return {
            "file": self._file_object(upload, self.bot_user_id),
            "comments": [],
            "response_metadata": {"next_cursor": ""},
        }

    def _file_object(self, upload: UploadedFile, user_id: str) -> Args:
        """A file object as files.* methods return it."""
        name = upload.filename
        extension = name.rsplit(".", 1)[-1].lower() if "." in name else "binary"
        url = f"{self.root_url}files/{upload.file_id}/{quote(name)}"
        channel = upload.channel_id or ""
        return {
            "id": upload.file_id,
            "created": upload.created,
            "timestamp": upload.created,
            "name": name,
            "title": upload.title or name,
            "mimetype": mimetypes.guess_type(name)[0] or "application/octet-stream",
            "filetype": extension,
            "pretty_type": extension.upper(),
            "user": user_id,
            "user_team": self.team_id,
            "editable": False,
            "size": len(upload.content),
            "mode": "hosted",
            "is_external": False,
            "external_type": "",
            "is_public": channel.startswith("C"),
            "public_url_shared": False,
            "display_as_bot": False,
            "username": "",
            "url_private": url,
            "url_private_download": url,
            "permalink": f"https://{self.team_domain}.slack.com/files/{user_id}/{upload.file_id}/{quote(name)}",
            "comments_count": 0,
            "is_starred": False,
            "shares": {},
            "channels": [channel] if channel.startswith("C") else [],
            "groups": [channel] if channel.startswith("G") else [],
            "ims": [channel] if channel.startswith("D") else [],
            "has_rich_preview": False,
            "file_access": "visible",
        }


def _log_call(call: Call) -> None:
    """Print a call as one JSON line."""
    line = {"method": call.method, "path": call.path, "args": call.args}
    print(json.dumps(line, default=_json_default, ensure_ascii=False), flush=True)


def main(argv: list[str] | None = None) -> int:
    """Run the fake until interrupted, printing its URL and then one JSON line per call."""
    parser = argparse.ArgumentParser(description="A local fake of the Slack Web API.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 picks a free port")
    parser.add_argument("--token", default="xoxb-test-token", help="the bot token callers must send")
    options = parser.parse_args(argv)
    fake = FakeSlack(options.token, host=options.host, port=options.port, on_call=_log_call).start()
    print(fake.url, flush=True)
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    try:
        while not stopped.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        fake.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
