"""The Slack calls that deliver one outbox row: a post, an update, a private answer, an App Home view.

A row is sent in steps: the message itself, then its files. `posted` is told as soon as the message is there
(before its files), so a retry after a failed upload sends only the files, never the message a second time.
"""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from slack_sdk import WebClient
from slack_sdk.webhook import WebhookClient

from bot.slack.clients import SlackClients
from bot.slack.retries import SERVER_ERRORS, SendFailed, retry_after, retry_handlers
from bot.slack.uploads import Upload, upload_files
from storage.clock import utcnow
from storage.outbox import Claimed

Posted = Callable[[str, str], None]  # (channel, ts) of the message once it is posted
NOT_A_TS = "0"  # what `posted` is told for an answer to a response_url, which has no ts


class SlackSender:
    """Sends outbox rows with the client of each row's workspace."""

    def __init__(self, clients: SlackClients) -> None:
        self.clients = clients

    def send(self, row: Claimed, files: list[Upload], posted: Posted) -> None:
        """Deliver what is left of the row; raises on a failure (the deliverer decides what it means)."""
        client = self.clients.for_team(row.team_id, row.enterprise_id)
        payload = row.payload
        if row.kind == "home":
            client.views_publish(user_id=payload["user"], view=payload["view"])
        elif row.kind == "update":
            if row.posted_ts is None:
                client.chat_update(channel=payload["channel"], ts=payload["ts"], **_message(payload))
                posted(payload["channel"], payload["ts"])
            if files:
                upload_files(client, channel=payload["channel"], files=files, thread_ts=payload["ts"])
        elif row.kind == "ephemeral":
            if row.posted_ts is None:
                self._ephemeral(client, payload)
                posted(payload["channel"], NOT_A_TS)
            if files:
                upload_files(client, channel=dm_channel(client, payload["user"]), files=files)
        else:
            self._post(client, row, files, posted)

    def _post(self, client: WebClient, row: Claimed, files: list[Upload], posted: Posted) -> None:
        payload = row.payload
        channel = payload.get("channel") or dm_channel(client, payload["user"])
        ts = row.posted_ts
        if ts is None:
            response = client.chat_postMessage(
                channel=channel,
                thread_ts=payload.get("thread_ts") or None,
                unfurl_links=False,
                unfurl_media=False,
                **_message(payload),
            )
            channel, ts = str(response["channel"]), str(response["ts"])
            posted(channel, ts)
        if files:
            upload_files(client, channel=channel, files=files, thread_ts=payload.get("thread_ts") or ts)

    def _ephemeral(self, client: WebClient, payload: dict[str, Any]) -> None:
        """Through the request's response_url while it is valid, else chat.postEphemeral."""
        url, expires = payload.get("response_url") or "", payload.get("response_url_expires") or ""
        if url and utcnow() < datetime.fromisoformat(expires):
            webhook = WebhookClient(url, timeout=client.timeout, retry_handlers=retry_handlers())
            answer = webhook.send(response_type="ephemeral", replace_original=False, **_message(payload))
            if answer.status_code == 200:
                return
            if answer.status_code == 429 or answer.status_code in SERVER_ERRORS:
                wait = retry_after(answer.headers) if answer.status_code == 429 else 0.0
                raise SendFailed(f"response_url_{answer.status_code}", transient=True, wait=wait)
        client.chat_postEphemeral(channel=payload["channel"], user=payload["user"], **_message(payload))


def _message(payload: dict[str, Any]) -> dict[str, Any]:
    return {"text": payload["text"], "blocks": payload["blocks"]}


def dm_channel(client: WebClient, user_id: str) -> str:
    """The id of the DM channel with a user."""
    return str(client.conversations_open(users=user_id)["channel"]["id"])
