"""How the outbox reads a failed Slack call (bot/slack/retries.py): passing trouble is retried, the rest given up."""

import urllib.error
from email.message import Message
from http.client import RemoteDisconnected

import pytest
from slack_sdk.errors import SlackApiError, SlackRequestError
from slack_sdk.web import SlackResponse
from sqlalchemy.exc import OperationalError

from bot.slack.clients import NotInstalled
from bot.slack.retries import Failure, SendFailed, read_failure


def api_error(status: int, error: str, headers: dict[str, str] | None = None) -> SlackApiError:
    response = SlackResponse(
        client=None,
        http_verb="POST",
        api_url="https://slack.invalid/api/chat.postMessage",
        req_args={},
        data={"ok": False, "error": error},
        headers=headers or {},
        status_code=status,
    )
    return SlackApiError(error, response)


def http_error(code: int, retry_after: str = "") -> urllib.error.HTTPError:
    headers = Message()
    if retry_after:
        headers["Retry-After"] = retry_after
    return urllib.error.HTTPError("https://hooks.slack.invalid/x", code, "no", headers, None)


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (api_error(429, "ratelimited", {"Retry-After": "7"}), Failure("ratelimited", True, 7.0)),
        (api_error(500, "internal_error"), Failure("internal_error", True)),
        (api_error(200, "service_unavailable"), Failure("service_unavailable", True)),
        (api_error(200, "channel_not_found"), Failure("channel_not_found", False)),
        (http_error(429, "3"), Failure("ratelimited", True, 3.0)),
        (http_error(503), Failure("http_503", True)),
        (http_error(404), Failure("http_404", False)),
        (TimeoutError("timed out"), Failure("TimeoutError", True)),
        (TimeoutError("timed out"), Failure("TimeoutError", True)),
        (RemoteDisconnected("closed"), Failure("RemoteDisconnected", True)),
        (urllib.error.URLError("refused"), Failure("URLError", True)),
        (SlackRequestError("bad"), Failure("SlackRequestError", True)),
        (SendFailed("response_url_500", transient=True), Failure("response_url_500", True)),
        (NotInstalled("T0GONE"), Failure("not_installed", False)),
        (OperationalError("SELECT 1", {}, Exception("down")), Failure("database_unavailable", True)),
        (ValueError("a bug"), Failure("ValueError", False)),
    ],
)
def test_a_failure_is_read_as_passing_or_for_good(error: Exception, expected: Failure) -> None:
    assert read_failure(error) == expected
