"""Slack's end of Socket Mode, on loopback: a WebSocket server that speaks the protocol, and a simulator that
sends what Slack sends through it.

The bot asks `apps.connections.open` (the fake Slack Web API, with the app-level token) for a URL and connects to
it; the server greets each connection with `hello`, then sends envelopes and records the acks that come back::

    {"type": "hello", "num_connections": 1, "connection_info": {"app_id": ...}, "debug_info": {...}}
    {"envelope_id": ..., "type": "events_api" | "slash_commands" | "interactive", "payload": {...},
     "accepts_response_payload": bool, "retry_attempt": 0, "retry_reason": ""}          (events_api has the retries)
    ack: {"envelope_id": ..., "payload": {...}}                       (payload only when the app answers with one)
    {"type": "disconnect", "reason": "refresh_requested" | "warning" | ..., "debug_info": {"host": ...}}

`SocketModeSim` is `SlackClientSim` with Socket Mode underneath: every helper (slash_command, dm_message,
block_action, view_submission …) sends its payload as an envelope and answers with the ack, as a `Response`
whose body is the ack's payload.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass
from types import TracebackType
from typing import Any
from urllib.parse import parse_qsl

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import Server, ServerConnection, serve

from tests.support.signing import FORM, Payload, Response, SlackClientSim


@dataclass(frozen=True)
class Ack:
    """One message the bot sent back: the envelope it acks, and the payload when there was one."""

    envelope_id: str
    payload: Payload | None
    connection: int  # which connection (1 = the first) it came over


class FakeSocketMode:
    """A WebSocket server on a free loopback port that plays Slack's side of Socket Mode."""

    def __init__(self, app_id: str = "A0LOKUS") -> None:
        self.app_id = app_id
        self._cond = threading.Condition()
        self._connections: list[ServerConnection] = []
        self._paths: list[str] = []
        self._acks: list[Ack] = []
        self._other: list[str] = []  # text the bot sent that is no ack
        self._server: Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> FakeSocketMode:
        """Serve in a background thread."""
        self._server = serve(self._session, "127.0.0.1", 0, ping_interval=None)
        self._thread = threading.Thread(target=self._server.serve_forever, name="fake-socket-mode", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        """Close every connection and stop serving."""
        if self._server is not None:
            self._server.shutdown()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FakeSocketMode:
        return self.start()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """What apps.connections.open hands out (Slack's is wss://wss-primary.slack.com/link/?ticket=…&app_id=…)."""
        assert self._server is not None, "start the server first"
        port = self._server.socket.getsockname()[1]
        return f"ws://127.0.0.1:{port}/link/?ticket={uuid.uuid4()}&app_id={self.app_id}"

    # ----- what Slack sends

    def send(self, message: Payload | str) -> None:
        """Send a message (or raw text) over the newest connection."""
        connection = self.wait_for_connections(1)[-1]
        connection.send(message if isinstance(message, str) else json.dumps(message))

    def envelope(
        self,
        kind: str,
        payload: Any,
        *,
        accepts_response_payload: bool = False,
        retry_attempt: int | None = None,
        retry_reason: str = "",
    ) -> str:
        """Send an envelope around a payload; returns its envelope_id."""
        envelope_id = str(uuid.uuid4())
        message: Payload = {"envelope_id": envelope_id, "type": kind, "payload": payload}
        message["accepts_response_payload"] = accepts_response_payload
        if kind == "events_api":
            message.update(retry_attempt=retry_attempt or 0, retry_reason=retry_reason)
        self.send(message)
        return envelope_id

    def disconnect(self, reason: str = "refresh_requested") -> None:
        """Ask the bot to reconnect, as Slack does before it closes a connection."""
        self.send({"type": "disconnect", "reason": reason, "debug_info": {"host": "applink-fake"}})

    # ----- what came back

    def wait_for_ack(self, envelope_id: str, timeout: float = 10) -> Ack:
        """The ack of an envelope; AssertionError when none comes in time."""
        with self._cond:
            if not self._cond.wait_for(lambda: self._ack_of(envelope_id) is not None, timeout):
                raise AssertionError(f"no ack for envelope {envelope_id} within {timeout}s; acks: {self._acks}")
            ack = self._ack_of(envelope_id)
            assert ack is not None
            return ack

    def acks(self) -> list[Ack]:
        """Every ack so far."""
        with self._cond:
            return list(self._acks)

    def wait_for_connections(self, count: int, timeout: float = 10) -> list[ServerConnection]:
        """Block until the bot has opened `count` connections; all of them, oldest first."""
        with self._cond:
            if not self._cond.wait_for(lambda: len(self._connections) >= count, timeout):
                raise AssertionError(f"expected {count} connection(s), got {len(self._connections)}")
            return list(self._connections)

    def open_connections(self) -> int:
        """How many connections are open now."""
        with self._cond:
            return sum(1 for c in self._connections if c.close_code is None)

    @property
    def paths(self) -> list[str]:
        """The request paths the bot connected to (the URL apps.connections.open gave, with its ticket)."""
        with self._cond:
            return list(self._paths)

    def _ack_of(self, envelope_id: str) -> Ack | None:
        return next((a for a in self._acks if a.envelope_id == envelope_id), None)

    def _session(self, connection: ServerConnection) -> None:
        with self._cond:
            self._connections.append(connection)
            self._paths.append(connection.request.path if connection.request else "")
            number = len(self._connections)
            self._cond.notify_all()
        hello = {
            "type": "hello",
            "num_connections": 1,
            "debug_info": {"host": "applink-fake", "build_number": 1, "approximate_connection_time": 18060},
            "connection_info": {"app_id": self.app_id},
        }
        connection.send(json.dumps(hello))
        try:
            for message in connection:
                self._received(number, message if isinstance(message, str) else message.decode())
        except ConnectionClosed:
            pass

    def _received(self, connection: int, text: str) -> None:
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        with self._cond:
            if isinstance(data, dict) and isinstance(data.get("envelope_id"), str):
                self._acks.append(Ack(data["envelope_id"], data.get("payload"), connection))
            else:
                self._other.append(text)
            self._cond.notify_all()


class SocketModeSim(SlackClientSim):
    """SlackClientSim over Socket Mode: each request becomes an envelope, each answer is the ack."""

    def __init__(self, socket: FakeSocketMode, **kwargs: Any) -> None:
        super().__init__("ws://socket-mode", "no-signing-secret-in-socket-mode", **kwargs)
        self.socket = socket

    def _send(self, body: bytes, content_type: str, extra_headers: dict[str, str] | None = None) -> Response:
        """Send what would have been POSTed as an envelope; the ack as the answer (its payload as the body)."""
        headers = extra_headers or {}
        if content_type == FORM:
            fields = dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
            if "payload" in fields:
                payload = json.loads(fields["payload"])
                responds = payload.get("type") == "view_submission"
                envelope_id = self.socket.envelope("interactive", payload, accepts_response_payload=responds)
            else:
                envelope_id = self.socket.envelope("slash_commands", fields, accepts_response_payload=True)
        else:
            retry = headers.get("X-Slack-Retry-Num")
            envelope_id = self.socket.envelope(
                "events_api",
                json.loads(body),
                retry_attempt=int(retry) if retry else None,
                retry_reason=headers.get("X-Slack-Retry-Reason", ""),
            )
        ack = self.socket.wait_for_ack(envelope_id, timeout=self.timeout)
        answer = json.dumps(ack.payload).encode() if ack.payload is not None else b""
        return Response(200, answer, {"content-type": "application/json"})


def wait_until(check: Any, timeout: float = 5) -> None:
    """Poll until check() is true."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("the condition did not hold in time")
        time.sleep(0.02)
