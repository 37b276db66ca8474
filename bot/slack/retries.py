"""How every Slack client retries, and how the outbox reads a failure that the retries did not get past.

Each client retries a call at once a little (slack_sdk's retry handlers: rate limited, server error, connection
error or timeout); anything longer is the outbox's: it lets go of the message and tries again later, so one slow
destination never holds a deliverer for long. A rate limit longer than RATE_LIMIT_WAIT_CAP seconds goes straight
to the outbox, which waits as long as Slack's `Retry-After` says.
"""

import socket
import urllib.error
from dataclasses import dataclass
from http.client import HTTPException, RemoteDisconnected
from typing import Any

from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.http_retry.handler import RetryHandler
from slack_sdk.http_retry.request import HttpRequest
from slack_sdk.http_retry.response import HttpResponse
from slack_sdk.http_retry.state import RetryState
from sqlalchemy.exc import OperationalError

from bot.slack.clients import NotInstalled

RATE_LIMIT_WAIT_CAP = 3  # seconds a client may sleep on a 429 before handing the message back to the outbox
SERVER_ERRORS = frozenset({500, 502, 503, 504})
# Slack's own words for "not now": worth trying again later. Anything else (channel_not_found, invalid_blocks …)
# will never succeed, so the message is given up at once instead of holding up its destination.
TRANSIENT_ERRORS = frozenset(
    {"ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)
CONNECTION_ERRORS = (urllib.error.URLError, ConnectionError, RemoteDisconnected, TimeoutError, socket.timeout)


class ShortRateLimitRetryHandler(RateLimitErrorRetryHandler):
    """Waits out a 429 only when Slack asks for a short wait; a longer one is left to the outbox."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        if response is None or response.status_code != 429:
            return False
        return retry_after(response.headers) <= RATE_LIMIT_WAIT_CAP


class AllServerErrorsRetryHandler(ServerErrorRetryHandler):
    """Retries 502 and 504 as well as slack_sdk's 500 and 503."""

    def _can_retry(
        self,
        *,
        state: RetryState,
        request: HttpRequest,
        response: HttpResponse | None = None,
        error: Exception | None = None,
    ) -> bool:
        return response is not None and response.status_code in SERVER_ERRORS


def retry_handlers() -> list[RetryHandler]:
    """The retry handlers every Slack client gets (Web API and response_url alike)."""
    return [
        ShortRateLimitRetryHandler(max_retry_count=1),
        AllServerErrorsRetryHandler(max_retry_count=1),
        ConnectionErrorRetryHandler(max_retry_count=1, error_types=list(CONNECTION_ERRORS)),
    ]


def retry_after(headers: Any) -> float:
    """Slack's Retry-After in seconds (1 when it gives none or something unreadable)."""
    for name, value in dict(headers or {}).items():
        if str(name).lower() == "retry-after":
            raw = value[0] if isinstance(value, list | tuple) else value
            try:
                return max(0.0, float(raw))
            except (TypeError, ValueError):
                return 1.0
    return 1.0


class SendFailed(Exception):
    """A call that answered without raising but did not deliver (a response_url answering 429, 404 or 5xx)."""

    def __init__(self, code: str, *, transient: bool, wait: float = 0.0) -> None:
        super().__init__(code)
        self.code, self.transient, self.wait = code, transient, wait


@dataclass(frozen=True)
class Failure:
    """What a failed call means for the outbox: try again (after at least `wait` seconds) or give up."""

    code: str
    transient: bool
    wait: float = 0.0


def read_failure(error: Exception) -> Failure:
    """How a failed Slack call should be handled: a 429, a 5xx, a timeout or a lost connection is retried later
    (and so is a database that could not be asked for the workspace's token); a workspace with no installation
    any more (NotInstalled) never will be reached."""
    if isinstance(error, NotInstalled):
        return Failure("not_installed", False)
    if isinstance(error, OperationalError):
        return Failure("database_unavailable", True)
    if isinstance(error, SendFailed):
        return Failure(error.code, error.transient, error.wait)
    if isinstance(error, SlackApiError):
        status = getattr(error.response, "status_code", 0)
        code = str(error.response.get("error", "") or f"http_{status}") if error.response is not None else "unknown"
        if status == 429:
            return Failure("ratelimited", True, retry_after(error.response.headers))
        return Failure(code, status in SERVER_ERRORS or code in TRANSIENT_ERRORS)
    if isinstance(error, urllib.error.HTTPError):
        if error.code == 429:
            return Failure("ratelimited", True, retry_after(error.headers))
        return Failure(f"http_{error.code}", error.code in SERVER_ERRORS)
    if isinstance(error, (*CONNECTION_ERRORS, HTTPException, SlackRequestError)):
        return Failure(type(error).__name__, True)
    return Failure(type(error).__name__, False)
