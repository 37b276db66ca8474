"""Slack-signed HTTP requests to a running bot: v0 request signing and a simulator of what Slack sends.

Usage::

    slack = SlackClientSim("http://127.0.0.1:3000", "signing-secret", fake_slack=fake)
    assert slack.slash_command("UANNA", "C0LOKUS", "hjälp").status == 200

Shapes follow the samples in shared/slack-specs (bolt-python tests and Slack's docs): slash commands are
form-encoded fields, events are JSON event_callback envelopes, interactive payloads are form-encoded
``payload=<JSON>``. Every request is signed with the current time unless raw() is told otherwise.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

if TYPE_CHECKING:
    from tests.support.fake_slack import FakeSlack

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
Payload = dict[str, Any]


def signature(body: bytes, secret: str, timestamp: int) -> str:
    """Slack's v0 signature of a body: "v0=" + hex HMAC-SHA256 of "v0:{timestamp}:{body}"."""
    base = b"v0:" + str(timestamp).encode("ascii") + b":" + body
    return "v0=" + hmac.new(secret.encode("utf-8"), base, hashlib.sha256).hexdigest()


def sign(body: bytes, secret: str, timestamp: int | None = None) -> dict[str, str]:
    """The X-Slack-Request-Timestamp and X-Slack-Signature headers for a body (now, unless timestamp)."""
    stamp = int(time.time()) if timestamp is None else timestamp
    return {"X-Slack-Request-Timestamp": str(stamp), "X-Slack-Signature": signature(body, secret, stamp)}


@dataclass(frozen=True)
class Response:
    """The bot's HTTP answer."""

    status: int
    body: bytes
    headers: dict[str, str]  # names in lower case

    @property
    def text(self) -> str:
        """The body as text."""
        return self.body.decode("utf-8", "replace")

    def json(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.body)


def _rich_text(text: str) -> list[Payload]:
    """The rich_text block Slack clients attach to a typed message."""
    section = {"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}
    return [{"type": "rich_text", "block_id": uuid.uuid4().hex[:4], "elements": [section]}]


def _option(option: str | Payload) -> Payload:
    """A Block Kit option object from a value (or an option object as it is)."""
    if isinstance(option, dict):
        return option
    return {"text": {"type": "plain_text", "text": option, "emoji": True}, "value": option}


def _state_values(values: dict[str, dict[str, Any]]) -> dict[str, dict[str, Payload]]:
    """view.state.values: plain strings become plain_text_input values, dicts are kept."""
    return {
        block_id: {
            action_id: value if isinstance(value, dict) else {"type": "plain_text_input", "value": value}
            for action_id, value in actions.items()
        }
        for block_id, actions in values.items()
    }


class SlackClientSim:
    """Sends what Slack sends to a bot's request URL, signed with the app's signing secret."""

    def __init__(
        self,
        base_url: str,
        signing_secret: str,
        team_id: str = "T0LOKUS",
        *,
        path: str = "/slack/events",
        team_domain: str = "lokus",
        api_app_id: str = "A0LOKUS",
        bot_user_id: str = "U0LOKUSBOT",
        bot_id: str = "B0LOKUSBOT",
        verification_token: str = "legacy-verification-token",
        fake_slack: FakeSlack | None = None,
        timeout: float = 10.0,
        clock: Callable[[], float] = time.time,
        enterprise_id: str | None = None,
        org_install: bool = False,
    ) -> None:
        """`team_id` is the workspace the requests come from; `enterprise_id` its Enterprise Grid org, and
        `org_install` whether the app is installed org-wide there (events then name no team in authorizations,
        interactions carry no team object)."""
        self.base_url = base_url.rstrip("/")
        self.signing_secret = signing_secret
        self.team_id, self.team_domain, self.api_app_id = team_id, team_domain, api_app_id
        self.enterprise_id, self.org_install = enterprise_id, org_install
        self.bot_user_id, self.bot_id = bot_user_id, bot_id
        self.path = path
        self.verification_token = verification_token
        self.fake_slack = fake_slack
        self.timeout = timeout
        self.clock = clock
        self._counter = itertools.count(1)
        self._last_ts = 0.0

    # ----- HTTP

    def raw(
        self,
        body: bytes,
        content_type: str = JSON,
        headers: dict[str, str] | None = None,
        *,
        signed: bool = False,
        timestamp: int | None = None,
        path: str | None = None,
    ) -> Response:
        """POST a body as it is: unsigned unless signed=True (then at timestamp, default now)."""
        all_headers = {"Content-Type": content_type}
        if signed:
            stamp = int(self.clock()) if timestamp is None else timestamp
            all_headers.update(sign(body, self.signing_secret, stamp))
        all_headers.update(headers or {})
        return self._post(path or self.path, body, all_headers)

    def _post(self, path: str, body: bytes, headers: dict[str, str]) -> Response:
        """POST to the bot and return its answer, whatever the status."""
        request = urllib.request.Request(self.base_url + path, data=body, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as reply:
                return Response(reply.status, reply.read(), {k.lower(): v for k, v in reply.headers.items()})
        except urllib.error.HTTPError as error:
            return Response(error.code, error.read(), {k.lower(): v for k, v in error.headers.items()})

    def _send(self, body: bytes, content_type: str, extra_headers: dict[str, str] | None = None) -> Response:
        """POST a body signed now."""
        return self.raw(body, content_type, extra_headers, signed=True)

    def send_event(
        self,
        event: Payload,
        event_id: str | None = None,
        retry_num: int | None = None,
        retry_reason: str = "http_timeout",
    ) -> Response:
        """Send an event_callback envelope around an event (a retry when retry_num is given)."""
        body = json.dumps(self.event_envelope(event, event_id)).encode("utf-8")
        headers = {}
        if retry_num is not None:
            headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": retry_reason}
        return self._send(body, JSON, headers)

    def send_interactive(self, payload: Payload) -> Response:
        """Send an interactive payload form-encoded as payload=<JSON>."""
        return self._send(urlencode({"payload": json.dumps(payload)}).encode("utf-8"), FORM)

    # ----- ids and shared shapes

    def new_ts(self) -> str:
        """A message ts from the clock, strictly increasing."""
        self._last_ts = max(round(self.clock(), 6), round(self._last_ts + 0.000001, 6))
        return f"{self._last_ts:.6f}"

    def new_event_id(self) -> str:
        """A fresh event id such as Ev0001A1B2C3D4."""
        return f"Ev{next(self._counter):04d}{uuid.uuid4().hex[:8].upper()}"

    def new_trigger_id(self) -> str:
        """A fresh trigger_id."""
        return f"{int(self.clock())}.{next(self._counter)}.{uuid.uuid4().hex}"

    def new_response_url(self, kind: str = "actions") -> str:
        """A response_url: on the fake Slack when one is configured, else an unreachable hooks.slack.com one."""
        if self.fake_slack is not None:
            return self.fake_slack.new_response_url()
        return f"https://hooks.slack.com/{kind}/{self.team_id}/{next(self._counter)}/{uuid.uuid4().hex[:24]}"

    def dm_channel_id(self, user_id: str) -> str:
        """The bot's DM with a user, as the fake Slack names it."""
        return f"D{user_id}"

    def _event_context(self, event: Payload) -> str:
        """An opaque event_context string like Slack's."""
        data = {"et": event.get("type"), "tid": self.team_id, "aid": self.api_app_id, "cid": event.get("channel")}
        return "4-" + base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    def event_envelope(self, event: Payload, event_id: str | None = None) -> Payload:
        """The event_callback wrapper Slack puts around an event."""
        return {
            "token": self.verification_token,
            "team_id": self.team_id,
            "enterprise_id": self.enterprise_id,
            "context_team_id": self.team_id,
            "context_enterprise_id": self.enterprise_id,
            "api_app_id": self.api_app_id,
            "event": event,
            "type": "event_callback",
            "event_id": event_id or self.new_event_id(),
            "event_time": int(self.clock()),
            "authorizations": [
                {
                    "enterprise_id": self.enterprise_id,
                    "team_id": None if self.org_install else self.team_id,
                    "user_id": self.bot_user_id,
                    "is_bot": True,
                    "is_enterprise_install": self.org_install,
                }
            ],
            "is_ext_shared_channel": False,
            "event_context": self._event_context(event),
        }

    def _user(self, user_id: str, user_name: str | None = None) -> Payload:
        """The user object of interactive payloads."""
        name = user_name or user_id.lower()
        return {"id": user_id, "username": name, "name": name, "team_id": self.team_id}

    def _team(self) -> Payload | None:
        """The team object of interactive payloads (none for an org-wide install, as Slack sends it)."""
        if self.org_install:
            return None
        return {"id": self.team_id, "domain": self.team_domain, "enterprise_id": self.enterprise_id}

    def _enterprise(self) -> Payload | None:
        """The enterprise object of interactive payloads."""
        return None if self.enterprise_id is None else {"id": self.enterprise_id, "name": self.enterprise_id}

    # ----- what users do

    def slash_command(
        self,
        user_id: str,
        channel_id: str,
        text: str,
        command: str = "/lokus",
        channel_name: str | None = None,
        user_name: str | None = None,
        response_url: str | None = None,
        trigger_id: str | None = None,
    ) -> Response:
        """Run a slash command (form-encoded, like slash_command.form.json)."""
        fields = {
            "token": self.verification_token,
            "team_id": self.team_id,
            "team_domain": self.team_domain,
            "channel_id": channel_id,
            "channel_name": channel_name or ("directmessage" if channel_id.startswith("D") else channel_id.lower()),
            "user_id": user_id,
            "user_name": user_name or user_id.lower(),
            "command": command,
            "text": text,
            "api_app_id": self.api_app_id,
            "is_enterprise_install": "true" if self.org_install else "false",
            "response_url": response_url or self.new_response_url("commands"),
            "trigger_id": trigger_id or self.new_trigger_id(),
        }
        if self.enterprise_id is not None:
            fields.update(enterprise_id=self.enterprise_id, enterprise_name=self.enterprise_id)
        return self._send(urlencode(fields).encode("utf-8"), FORM)

    def message_event(
        self,
        user_id: str,
        channel_id: str,
        text: str,
        channel_type: str,
        ts: str | None = None,
        thread_ts: str | None = None,
    ) -> Payload:
        """The message event a user's typed message produces."""
        ts = ts or self.new_ts()
        event: Payload = {
            "client_msg_id": str(uuid.uuid4()),
            "type": "message",
            "text": text,
            "user": user_id,
            "ts": ts,
            "blocks": _rich_text(text),
            "team": self.team_id,
            "channel": channel_id,
            "event_ts": ts,
            "channel_type": channel_type,
        }
        if thread_ts:
            event["thread_ts"] = thread_ts
        return event

    def dm_message(
        self,
        user_id: str,
        text: str,
        channel_id: str | None = None,
        event_id: str | None = None,
        ts: str | None = None,
        retry_num: int | None = None,
        thread_ts: str | None = None,
    ) -> Response:
        """A user writes to the bot in their DM (channel "D" + user id unless given)."""
        channel = channel_id or self.dm_channel_id(user_id)
        event = self.message_event(user_id, channel, text, "im", ts, thread_ts)
        return self.send_event(event, event_id, retry_num)

    def channel_message(
        self,
        user_id: str,
        channel_id: str,
        text: str,
        event_id: str | None = None,
        ts: str | None = None,
        retry_num: int | None = None,
        thread_ts: str | None = None,
        channel_type: str = "channel",
    ) -> Response:
        """A user writes in a channel the bot is in ("group" for private channels)."""
        event = self.message_event(user_id, channel_id, text, channel_type, ts, thread_ts)
        return self.send_event(event, event_id, retry_num)

    def app_mention(
        self, user_id: str, channel_id: str, text: str, event_id: str | None = None, thread_ts: str | None = None
    ) -> Response:
        """A user mentions the bot in a channel (text should contain <@bot user id>)."""
        event = self.message_event(user_id, channel_id, text, "channel", None, thread_ts)
        event["type"] = "app_mention"
        del event["channel_type"]
        return self.send_event(event, event_id)

    def app_home_opened(self, user_id: str, tab: str = "home", view: Payload | None = None) -> Response:
        """A user opens the app's Home tab."""
        event: Payload = {
            "type": "app_home_opened",
            "user": user_id,
            "channel": self.dm_channel_id(user_id),
            "tab": tab,
            "event_ts": self.new_ts(),
        }
        if view is not None:
            event["view"] = view
        return self.send_event(event)

    def url_verification(self, challenge: str) -> Response:
        """Slack's check of a new request URL."""
        body = {"token": self.verification_token, "challenge": challenge, "type": "url_verification"}
        return self._send(json.dumps(body).encode("utf-8"), JSON)

    def block_action(
        self,
        user_id: str,
        channel_id: str | None,
        action_id: str,
        value: str | None,
        message_ts: str | None = None,
        block_id: str | None = None,
        container: Payload | None = None,
        response_url: str | None = None,
        selected_options: list[str | Payload] | None = None,
        action_type: str = "button",
        trigger_id: str | None = None,
        message: Payload | None = None,
        view: Payload | None = None,
    ) -> Response:
        """A user clicks or picks in a message (or, with view, in a modal or the Home tab)."""
        payload = self.block_actions_payload(
            user_id,
            channel_id,
            action_id,
            value,
            message_ts,
            block_id,
            container,
            response_url,
            selected_options,
            action_type,
            trigger_id,
            message,
            view,
        )
        return self.send_interactive(payload)

    def block_actions_payload(
        self,
        user_id: str,
        channel_id: str | None,
        action_id: str,
        value: str | None,
        message_ts: str | None = None,
        block_id: str | None = None,
        container: Payload | None = None,
        response_url: str | None = None,
        selected_options: list[str | Payload] | None = None,
        action_type: str = "button",
        trigger_id: str | None = None,
        message: Payload | None = None,
        view: Payload | None = None,
    ) -> Payload:
        """The block_actions payload (like interactive.block_actions.json)."""
        action = self._action(action_id, value, block_id, selected_options, action_type)
        payload: Payload = {
            "type": "block_actions",
            "user": self._user(user_id),
            "api_app_id": self.api_app_id,
            "token": self.verification_token,
            "container": container or self._container(channel_id, message_ts, view),
            "trigger_id": trigger_id or self.new_trigger_id(),
            "team": self._team(),
            "enterprise": self._enterprise(),
            "is_enterprise_install": self.org_install,
        }
        if view is not None:
            payload["view"] = view
        else:
            payload["channel"] = {"id": channel_id, "name": (channel_id or "").lower()}
            if message_ts is not None or message is not None:
                payload["message"] = message or self._bot_message(message_ts or "")
            payload["state"] = {"values": {}}
            payload["response_url"] = response_url or self.new_response_url()
        payload["actions"] = [action]
        return payload

    def _container(self, channel_id: str | None, message_ts: str | None, view: Payload | None) -> Payload:
        """Where the clicked element is: a view, or a message in a channel."""
        if view is not None:
            return {"type": "view", "view_id": view.get("id", "")}
        return {"type": "message", "message_ts": message_ts, "channel_id": channel_id, "is_ephemeral": False}

    def _bot_message(self, ts: str) -> Payload:
        """A stand-in for the bot message holding the clicked element."""
        return {"type": "message", "user": self.bot_user_id, "bot_id": self.bot_id, "ts": ts, "text": "", "blocks": []}

    def _action(
        self,
        action_id: str,
        value: str | None,
        block_id: str | None,
        selected_options: list[str | Payload] | None,
        action_type: str,
    ) -> Payload:
        """One entry of block_actions' actions, shaped by the element type."""
        action: Payload = {
            "action_id": action_id,
            "block_id": block_id or uuid.uuid4().hex[:5],
            "type": action_type,
            "action_ts": self.new_ts(),
        }
        options = [_option(o) for o in (selected_options or ([] if value is None else [value]))]
        if action_type == "button":
            action["text"] = {"type": "plain_text", "text": value or action_id, "emoji": True}
            if value is not None:
                action["value"] = value
        elif action_type in ("checkboxes", "multi_static_select", "multi_external_select"):
            action["selected_options"] = options
        elif action_type in ("static_select", "external_select", "radio_buttons", "overflow"):
            action["selected_option"] = options[0] if options else None
        else:
            action.update(self._picked_value(action_type, value))
        return action

    def _picked_value(self, action_type: str, value: str | None) -> Payload:
        """The field a picker or input element reports its value in."""
        fields = {
            "users_select": "selected_user",
            "conversations_select": "selected_conversation",
            "channels_select": "selected_channel",
            "datepicker": "selected_date",
            "timepicker": "selected_time",
        }
        return {fields.get(action_type, "value"): value}

    def view_submission(
        self,
        user_id: str,
        callback_id: str,
        state_values: dict[str, dict[str, Any]],
        private_metadata: str = "",
        view_id: str | None = None,
        blocks: list[Payload] | None = None,
        title: str = "LOKUS",
        response_urls: list[Payload] | None = None,
    ) -> Response:
        """A user submits a modal (like interactive.view_submission.json).

        state_values maps block_id → action_id → element state; a plain string stands for a
        plain_text_input's value.
        """
        view_id = view_id or f"V{uuid.uuid4().hex[:10].upper()}"
        view = {
            "id": view_id,
            "team_id": self.team_id,
            "type": "modal",
            "blocks": blocks or [],
            "private_metadata": private_metadata,
            "callback_id": callback_id,
            "state": {"values": _state_values(state_values)},
            "hash": f"{int(self.clock())}.{uuid.uuid4().hex[:8]}",
            "title": {"type": "plain_text", "text": title},
            "clear_on_close": False,
            "notify_on_close": False,
            "close": {"type": "plain_text", "text": "Avbryt"},
            "submit": {"type": "plain_text", "text": "Spara"},
            "previous_view_id": None,
            "root_view_id": view_id,
            "app_id": self.api_app_id,
            "external_id": "",
            "app_installed_team_id": self.team_id,
            "bot_id": self.bot_id,
        }
        payload = {
            "type": "view_submission",
            "team": self._team(),
            "user": self._user(user_id),
            "api_app_id": self.api_app_id,
            "token": self.verification_token,
            "trigger_id": self.new_trigger_id(),
            "view": view,
            "response_urls": response_urls or [],
            "enterprise": self._enterprise(),
            "is_enterprise_install": self.org_install,
        }
        return self.send_interactive(payload)
