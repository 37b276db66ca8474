"""Socket Mode: the app over a WebSocket that the bot opens to Slack (with the app-level token), no HTTP at all.

Bolt's built-in handler (slack_sdk's own WebSocket client, no extra dependency) reads each envelope, hands its
payload to the app and sends the ack the listener gave — with a payload when there is one (a form's errors).
There is no HTTP request to verify (the connection is the bot's own, opened with the app-level token), but the
payload is read into its typed model here, before Bolt sees it, as the gate does in HTTP mode: no middleware
of Bolt's ever reads a field of the wrong type. In HTTP mode any answer tells Slack the request arrived; over
the socket only an ack does, and an envelope that is not acked is sent again. So what the app does not take is
acked empty and never reaches a listener: a payload lokusbot cannot read (HTTP 400 in the other mode) and an
event nothing listens to (dropped by the gate in HTTP mode). A payload that failed for any other reason is not
acked, so Slack may send it again.
"""

import logging
import time

from slack_bolt import BoltRequest
from slack_bolt.adapter.socket_mode import SocketModeHandler as BoltSocketModeHandler
from slack_bolt.adapter.socket_mode.internals import build_headers, send_response
from slack_bolt.response import BoltResponse
from slack_sdk.socket_mode.builtin import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest

from bot.slack.gate import INBOUND
from bot.slack.payloads import HANDLED_EVENTS, EventCallback, MalformedPayload, read_payload

log = logging.getLogger("lokusbot.socket_mode")
ACKED_REFUSALS = (400, 404)  # not readable, nothing listens: acked so Slack does not send them again
EMPTY_ACK = BoltResponse(status=200, body="")


class SocketModeHandler(BoltSocketModeHandler):  # type: ignore[misc]
    """Bolt's built-in Socket Mode handler that also acks the envelopes the app does not take."""

    def handle(self, client: SocketModeClient, req: SocketModeRequest) -> None:  # type: ignore[override]
        """Answer one envelope: through the app with its typed payload, or with an empty ack when it is not for it."""
        started = time.time()
        try:
            payload = read_payload(req.payload)
        except MalformedPayload as error:
            log.warning("acknowledged a %s envelope lokusbot cannot read: %s", _kind(req), error)
            send_response(client, req, EMPTY_ACK, started)
            return
        if isinstance(payload, EventCallback) and payload.event.type not in HANDLED_EVENTS:
            log.info("acknowledged an event of type %s that nothing listens to", payload.event.type)
            send_response(client, req, EMPTY_ACK, started)
            return
        request = BoltRequest(mode="socket_mode", body=req.payload, headers=build_headers(req))
        request.context[INBOUND] = payload
        response = self.app.dispatch(request)
        if response.status in ACKED_REFUSALS:
            log.warning("acknowledged a %s envelope the app refused (%d)", _kind(req), response.status)
            response = EMPTY_ACK
        send_response(client, req, response, started)


def _kind(req: SocketModeRequest) -> str:
    """The envelope's type as a word for the log (never anything of its payload)."""
    return req.type if req.type in ("events_api", "slash_commands", "interactive") else "unknown"
