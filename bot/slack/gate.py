"""The gate in front of Bolt: a request is verified as Slack's before anything parses its body or acts on it.

In order, and each step refuses without reading further:
1. the signature headers: present once each, a plain ASCII integer timestamp within five minutes, "v0=" and 64
   hex digits — else 401, before the body is even read (Slack's unsigned ssl_check is answered 200 and dropped);
2. the length: a plain number of bytes within MAX_BODY_BYTES (411 missing, 400 malformed, 413 too large);
3. the signature over the raw bytes, compared in constant time — else 401;
4. the body: form or JSON, UTF-8, a JSON object of a kind lokusbot handles with every field it reads of the right
   type (bot/slack/payloads.py) — else 400.
Only then is it handed to Bolt, which verifies the signature once more; its typed payload rides in the context.
A refused request causes no outbound call of any kind: Bolt never sees it, so neither does the error handler.
"""

import logging
import re
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl

from slack_bolt import App, BoltContext, BoltRequest, BoltResponse
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_bolt.request.internals import build_context

from bot.slack.payloads import HANDLED_EVENTS, EventCallback, MalformedPayload, read_payload
from bot.slack.verification import signed_by, well_formed

log = logging.getLogger("lokusbot.gate")
INBOUND = "inbound"  # the context key (and listener argument) of the typed payload
MAX_BODY_BYTES = 4 * 1024 * 1024  # a large modal with every field filled is far below this
SSL_CHECK_MAX_BYTES = 1024
LENGTH = re.compile(r"[0-9]{1,10}")
FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
BOLT_INTERNAL_HEADERS = ("x-slack-bolt-",)  # Bolt's own lazy-listener switches; never from outside


class SlackGate:
    """Everything Slack posts passes here first; only a verified, well-formed, typed request goes on to Bolt."""

    def __init__(self, app: App, signing_secret: str, clock: Callable[[], float] = time.time) -> None:
        if not signing_secret:
            raise ValueError("the gate needs the signing secret to verify requests")
        self.app = app
        self.secret = signing_secret
        self.clock = clock

    def handle(self, environ: dict[str, Any]) -> BoltResponse:
        """The answer to one POST: Bolt's, or a refusal that nothing else ever saw."""
        timestamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP")
        signature = environ.get("HTTP_X_SLACK_SIGNATURE")
        if timestamp is None and signature is None and _is_ssl_check(environ):
            return BoltResponse(status=200, body="")
        if not well_formed(timestamp, signature, self.clock()):
            return _refused(401, "signature headers missing, malformed or out of the time window")
        assert timestamp is not None and signature is not None
        length = environ.get("CONTENT_LENGTH") or ""
        if not length:
            return _refused(411, "no Content-Length")
        if LENGTH.fullmatch(length) is None:
            return _refused(400, "a Content-Length that is not a number")
        if int(length) > MAX_BODY_BYTES:
            return _refused(413, "a body over the size limit")
        body = _read(environ, int(length))
        if not signed_by(self.secret, timestamp, body, signature):
            return _refused(401, "a signature that does not match the body")
        try:
            request = _bolt_request(environ, body)
        except MalformedPayload as error:
            return _refused(400, str(error))
        payload = request.context[INBOUND]
        if isinstance(payload, EventCallback) and payload.event.type not in HANDLED_EVENTS:
            log.info("ignored an event of type %s that nothing listens to", payload.event.type)
            return BoltResponse(status=200, body="")
        return self.app.dispatch(request)


def _refused(status: int, reason: str) -> BoltResponse:
    log.warning("refused a request (%d): %s", status, reason)
    return BoltResponse(status=status, body="", headers={"content-type": "text/plain; charset=utf-8"})


def _read(environ: dict[str, Any], length: int) -> bytes:
    stream = environ.get("wsgi.input")
    return stream.read(length) if stream is not None and length else b""


def _is_ssl_check(environ: dict[str, Any]) -> bool:
    """Slack's unsigned check of the certificate: exactly "ssl_check=1" (and a token), small, form-encoded."""
    length = environ.get("CONTENT_LENGTH") or ""
    if environ.get("CONTENT_TYPE", "").split(";")[0] != FORM or LENGTH.fullmatch(length) is None:
        return False
    if int(length) > SSL_CHECK_MAX_BYTES:
        return False
    try:
        fields = parse_qsl(_read(environ, int(length)).decode("ascii"), keep_blank_values=True, strict_parsing=True)
    except (UnicodeDecodeError, ValueError):
        return False
    names = [name for name, _ in fields]
    return len(names) == len(set(names)) and set(names) <= {"ssl_check", "token"} and ("ssl_check", "1") in fields


def _bolt_request(environ: dict[str, Any], body: bytes) -> BoltRequest:
    """The verified body as Bolt's request, with its typed payload in the context; MalformedPayload if it is none."""
    if environ.get("CONTENT_TYPE", "").split(";")[0] not in (FORM, JSON):
        raise MalformedPayload("a content type that is neither form nor JSON")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise MalformedPayload("a body that is not UTF-8") from None
    headers = {
        name: value
        for name, value in WsgiHttpRequest(environ).get_headers().items()
        if not name.startswith(BOLT_INTERNAL_HEADERS)
    }
    try:
        request = BoltRequest(body=text, query=environ.get("QUERY_STRING", ""), headers=headers)
    except Exception as error:  # Bolt parses the body and reads ids from it: what it cannot read is malformed
        raise MalformedPayload(f"a body Bolt cannot read ({type(error).__name__})") from None
    if not request.body and "payload" in text:
        _read_as_command(request, text)
    request.context[INBOUND] = read_payload(request.body)
    return request


def _read_as_command(request: BoltRequest, text: str) -> None:
    """A slash command whose typed text holds the word "payload", read as the command it is.

    Bolt takes any form body containing "payload" for an interactive payload and, finding no such field, reads
    nothing; "/lokus möte punkt payload-frågan" would then be refused. Its fields are read here instead (the raw
    body, which the signature covers, stays as it came).
    """
    try:
        fields = dict(parse_qsl(text, keep_blank_values=True, strict_parsing=True))
    except ValueError:
        return
    if "command" in fields and "payload" not in fields:
        request.body = fields
        request.context = build_context(BoltContext(dict(request.context)), fields)
