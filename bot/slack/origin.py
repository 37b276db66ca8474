"""Who and where a Slack payload comes from, as the Actor handlers understand and the place to answer."""

from dataclasses import dataclass
from typing import Any

from handlers.cleaning import clean_text
from handlers.context import Actor


@dataclass(frozen=True)
class Origin:
    """The actor, plus what delivery needs: the DM channel id and whether to answer ephemerally."""

    actor: Actor
    dm_channel: str = ""
    ephemeral: bool = False
    trigger_id: str = ""


def typed_text(text: str) -> str:
    """What the person typed, from the text of a slash command or message as Slack sends it.

    Slack sends the three characters it uses for markup as entities ("Rehab &amp; arbete"); its own markup
    (<@U…|name> mentions, links) stays as it is. Entities are turned back into characters, "&amp;" last so
    that a typed "&lt;" stays "&lt;". Everything shown in Slack is escaped again on the way out. Characters no
    file or database can hold (controls, noncharacters, lone surrogates) are taken out (handlers.cleaning).
    """
    return clean_text(text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))


def _is_dm(channel_id: str, channel_name: str = "") -> bool:
    return channel_id.startswith("D") or channel_name == "directmessage"


def from_command(body: dict[str, Any]) -> Origin:
    """A slash command: in a DM it answers in the DM, in a channel privately to the person."""
    channel = body.get("channel_id", "")
    dm = _is_dm(channel, body.get("channel_name", ""))
    actor = Actor(team_id=body.get("team_id", ""), user_id=body.get("user_id", ""), channel_id="" if dm else channel)
    return Origin(actor, dm_channel=channel if dm else "", ephemeral=not dm, trigger_id=body.get("trigger_id", ""))


def from_event(body: dict[str, Any]) -> Origin:
    """A message event: a DM, or a thread in a channel."""
    event = body.get("event", {})
    channel = event.get("channel", "")
    dm = event.get("channel_type") == "im" or _is_dm(channel)
    actor = Actor(
        team_id=body.get("team_id", ""),
        user_id=event.get("user", ""),
        channel_id="" if dm else channel,
        thread_ts="" if dm else event.get("thread_ts", ""),
    )
    return Origin(actor, dm_channel=channel if dm else "")


def from_interaction(body: dict[str, Any]) -> Origin:
    """A button, menu or modal: where the message with it was, or the DM for a modal."""
    channel = (body.get("channel") or {}).get("id", "") or (body.get("container") or {}).get("channel_id", "")
    dm = _is_dm(channel) if channel else True
    message = body.get("message") or {}
    thread = message.get("thread_ts", "") or (body.get("container") or {}).get("thread_ts", "")
    actor = Actor(
        team_id=(body.get("team") or {}).get("id", "") or body.get("user", {}).get("team_id", ""),
        user_id=(body.get("user") or {}).get("id", ""),
        channel_id="" if dm else channel,
        thread_ts="" if dm else (thread or ""),
    )
    ephemeral = (body.get("container") or {}).get("is_ephemeral", False)
    return Origin(
        actor,
        dm_channel=channel if dm else "",
        ephemeral=bool(ephemeral) or (not dm and not thread),
        trigger_id=body.get("trigger_id", ""),
    )
