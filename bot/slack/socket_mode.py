"""Socket Mode: the app over a WebSocket that the bot opens to Slack (with the app-level token), no HTTP at all.

Bolt's built-in handler (slack_sdk's own WebSocket client, no extra dependency) reads each envelope, hands its
payload to the app and sends the ack the listener gave — with a payload when there is one (a form's errors).
In HTTP mode any answer tells Slack the request arrived; over the socket only an ack does, and an envelope that
is not acked is sent again. So two kinds the app does not take are acked empty here, and never reach a listener:
an event nothing listens to (the gate drops those in HTTP mode), and a payload lokusbot cannot read (the typing
middleware refuses it, HTTP 400 in the other mode). A payload that failed for any other reason is not acked, so
Slack may send it again.
"""

import logging
import time
from typing import Any

from slack_bolt.adapter.socket_mode import SocketModeHandler as BoltSocketModeHandler
from slack_bolt.adapter.socket_mode.internals import run_bolt_app, send_response
from slack_bolt.response import BoltResponse
from slack_sdk.socket_mode.builtin import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest

from bot.slack.payloads import HANDLED_EVENTS

log = logging.getLogger("lokusbot.socket_mode")
ACKED_REFUSALS = (400, 404)  # not readable, nothing listens: acked so Slack does not send them again


class SocketModeHandler(BoltSocketModeHandler):  # type: ignore[misc]
    """Bolt's built-in Socket Mode handler that also acks the envelopes the app does not take."""

    def handle(self, client: SocketModeClient, req: SocketModeRequest) -> None:  # type: ignore[override]
        """Answer one envelope: through the app, or with an empty ack when it is not for the app."""
        started = time.time()
        if _unhandled_event(req):
            log.info("acknowledged an event nothing listens to")
            send_response(client, req, BoltResponse(status=200, body=""), started)
            return
        response = run_bolt_app(self.app, req)
        if response.status in ACKED_REFUSALS:
            log.warning("acknowledged a %s envelope the app refused (%d)", _kind(req), response.status)
            response = BoltResponse(status=200, body="")
        send_response(client, req, response, started)


def _unhandled_event(req: SocketModeRequest) -> bool:
    if req.type != "events_api":
        return False
    event: Any = req.payload.get("event")
    return isinstance(event, dict) and isinstance(event.get("type"), str) and event["type"] not in HANDLED_EVENTS


def _kind(req: SocketModeRequest) -> str:
    """The envelope's type as a word for the log (never anything of its payload)."""
    return req.type if req.type in ("events_api", "slash_commands", "interactive") else "unknown"
