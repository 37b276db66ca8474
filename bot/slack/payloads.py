"""What Slack sends, as typed inputs: every field a listener reads, checked for its type and shape at the boundary.

A verified body becomes exactly one of these models before Bolt matches a listener, so no listener, matcher or
error handler ever reads a field of the wrong type, and a body that is none of them is refused (HTTP 400).
Strict: a string is a string (no numbers turned into text), ids look like Slack's ids, lengths are bounded.
Fields nobody reads are ignored, so new fields from Slack change nothing.
"""

import hashlib
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from handlers.cleaning import clean_value

INSTALLATION_EVENTS = frozenset({"app_uninstalled", "tokens_revoked"})  # the bot's tokens taken away
FUNCTION_EVENT = "function_executed"  # a workflow ran one of the app's steps (custom functions)
EDITED = "message_changed"  # the only message subtype whose `message` is read (the DM's edited text)
USER_EVENTS = frozenset({"user_change"})  # a person's account changed: deleted, or back again
HANDLED_EVENTS = (
    frozenset({"message", "app_mention", "app_home_opened", FUNCTION_EVENT}) | INSTALLATION_EVENTS | USER_EVENTS
)
ACTION_PATTERN = r"^[a-z_]+\."  # the prefix every action and callback id of ours has (listeners match it too)

SlackId = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9]{1,40}$")]
MaybeId = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9]{0,40}$")]
Ts = Annotated[str, StringConstraints(pattern=r"^([0-9]{1,12}\.[0-9]{1,9})?$")]
TriggerId = Annotated[str, StringConstraints(pattern=r"^[0-9A-Za-z._-]{1,255}$")]
EventId = Annotated[str, StringConstraints(pattern=r"^Ev[0-9A-Za-z]{1,62}$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://[!-~]{1,2000}$")]
Word = Annotated[str, StringConstraints(max_length=255)]
Ours = Annotated[str, StringConstraints(pattern=ACTION_PATTERN, max_length=255)]
Value = Annotated[str, StringConstraints(max_length=2_000)]
Text = Annotated[str, StringConstraints(max_length=40_000)]
Date = Annotated[str, StringConstraints(pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]


class MalformedPayload(ValueError):
    """A verified body that is not a payload lokusbot reads; the reason is for the log, never for the user."""


class _In(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True, frozen=True)


class SlashCommand(_In):
    """`/lokus …` as Slack posts it (form fields, all text)."""

    command: Annotated[str, StringConstraints(pattern=r"^/[a-z0-9_-]{1,32}$")]
    text: Text = ""
    team_id: SlackId
    user_id: SlackId
    channel_id: SlackId
    channel_name: Word = ""
    trigger_id: TriggerId
    response_url: Url | None = None
    enterprise_id: MaybeId = ""


class ChangedMessage(_In):
    """The message as it reads after (or before) an edit, in a message_changed event."""

    user: MaybeId = ""
    text: Text = ""
    bot_id: Word | None = None


class Event(_In):
    """A message, a mention or the Home tab opened: the fields the listeners read."""

    type: Word
    user: MaybeId = ""
    channel: MaybeId = ""
    channel_type: Word = ""
    text: Text = ""
    thread_ts: Ts = ""
    bot_id: Word | None = None
    subtype: Word | None = None
    tab: Word = "home"
    message: ChangedMessage | None = None  # message_changed: the message edited, and as it read before
    previous_message: ChangedMessage | None = None


class EventCallback(_In):
    """The Events API envelope."""

    type: Literal["event_callback"]
    team_id: SlackId
    enterprise_id: MaybeId | None = None
    event_id: EventId
    event: Event


class Tokens(_In):
    """Which tokens tokens_revoked says were revoked: user ids of user tokens, of the bot user for bot tokens."""

    oauth: Annotated[list[SlackId], Field(max_length=1_000)] = []
    bot: Annotated[list[SlackId], Field(max_length=1_000)] = []


class InstallationChange(_In):
    """app_uninstalled or tokens_revoked."""

    type: Literal["app_uninstalled", "tokens_revoked"]
    tokens: Tokens = Tokens()


class Authorization(_In):
    """Which installation an event was sent to (an org-wide one has no team)."""

    enterprise_id: MaybeId | None = None
    team_id: MaybeId | None = None
    is_enterprise_install: bool = False


class ChangedUser(_In):
    """The user object of user_change: only its id and whether it was deleted are read (never names, e-mail)."""

    id: SlackId
    deleted: bool = False


class UserChange(_In):
    """user_change."""

    type: Literal["user_change"]
    user: ChangedUser


class UserChangeEvent(_In):
    """The Events API envelope of user_change."""

    type: Literal["event_callback"]
    team_id: SlackId
    enterprise_id: MaybeId | None = None
    event_id: EventId
    event: UserChange


class InstallationEvent(_In):
    """The Events API envelope of an uninstall or a revocation; for an org-wide install its team_id may be null."""

    type: Literal["event_callback"]
    team_id: MaybeId | None = None
    enterprise_id: MaybeId | None = None
    event_id: EventId
    event: InstallationChange
    authorizations: Annotated[list[Authorization], Field(max_length=10)] = []

    @property
    def installation(self) -> tuple[str | None, str | None]:
        """The (enterprise, team) the installation is kept under: the team is None for an org-wide one."""
        if self.authorizations:
            first = self.authorizations[0]
            team = None if first.is_enterprise_install else (first.team_id or self.team_id or None)
            return first.enterprise_id or self.enterprise_id or None, team
        return self.enterprise_id or None, self.team_id or None


class Function(_In):
    """Which of the app's functions (workflow steps) ran: its callback id as the manifest declares it."""

    callback_id: Annotated[str, StringConstraints(pattern=r"^[a-z_]{1,64}$")]
    id: Word = ""


InputValue = Value | bool | int | Annotated[list[Value], Field(max_length=50)]


class FunctionExecuted(_In):
    """A workflow step to run: its inputs, the execution to complete, and the execution's own token."""

    type: Literal["function_executed"]
    function: Function
    inputs: Annotated[dict[Word, InputValue | None], Field(max_length=30)] = {}
    function_execution_id: Annotated[str, StringConstraints(pattern=r"^Fx[0-9A-Za-z]{1,40}$")]
    workflow_execution_id: Word = ""
    bot_access_token: Annotated[str, StringConstraints(pattern=r"^xwfp-[!-~]{1,500}$")]


class FunctionExecution(_In):
    """The Events API envelope of a workflow step run."""

    type: Literal["event_callback"]
    team_id: SlackId
    enterprise_id: MaybeId | None = None
    event_id: EventId
    event: FunctionExecuted


class User(_In):
    id: SlackId
    team_id: MaybeId = ""


class Team(_In):
    id: MaybeId = ""
    enterprise_id: MaybeId | None = None


class Enterprise(_In):
    id: MaybeId = ""


class Channel(_In):
    id: MaybeId = ""


class Container(_In):
    type: Word = ""
    channel_id: MaybeId = ""
    thread_ts: Ts = ""
    is_ephemeral: bool = False


class Message(_In):
    ts: Ts = ""
    thread_ts: Ts = ""


class Option(_In):
    value: Value


class Action(_In):
    """One clicked button or picked option."""

    action_id: Ours
    block_id: Word = ""
    type: Word = ""
    value: Value | None = None
    selected_option: Option | None = None
    selected_options: Annotated[list[Option], Field(max_length=100)] = []
    selected_user: MaybeId | None = None


class BlockActions(_In):
    """A button or menu on one of the bot's messages."""

    type: Literal["block_actions"]
    user: User
    team: Team | None = None
    enterprise: Enterprise | None = None
    channel: Channel | None = None
    container: Container | None = None
    message: Message | None = None
    trigger_id: TriggerId
    response_url: Url | None = None
    actions: Annotated[list[Action], Field(min_length=1, max_length=1)]


class Element(_In):
    """One input's state in a submitted modal."""

    type: Word = ""
    value: Text | None = None
    selected_option: Option | None = None
    selected_options: Annotated[list[Option], Field(max_length=100)] | None = None
    selected_date: Date | None = None


class State(_In):
    values: Annotated[dict[Word, Annotated[dict[Word, Element], Field(max_length=5)]], Field(max_length=100)] = {}


class View(_In):
    type: Literal["modal"]  # Bolt reads it (a "workflow_step" view would send it looking for more)
    id: Word = ""
    callback_id: Ours
    private_metadata: Annotated[str, StringConstraints(max_length=3_000)] = ""
    state: State


class ResponseUrl(_In):
    response_url: Url


class ViewSubmission(_In):
    """A submitted modal."""

    type: Literal["view_submission"]
    user: User
    team: Team | None = None
    enterprise: Enterprise | None = None
    trigger_id: TriggerId
    view: View
    response_urls: Annotated[list[ResponseUrl], Field(max_length=10)] = []


class Shortcut(_In):
    """A global shortcut chosen from the shortcuts menu or the search bar (no channel, no message)."""

    type: Literal["shortcut"]
    callback_id: Ours
    user: User
    team: Team | None = None
    enterprise: Enterprise | None = None
    trigger_id: TriggerId


class ShortcutMessage(_In):
    """The message a message shortcut was used on: only its text is read."""

    text: Text = ""
    ts: Ts = ""
    thread_ts: Ts = ""


class MessageShortcut(_In):
    """A message shortcut chosen on a message's menu: the message and its channel."""

    type: Literal["message_action"]
    callback_id: Ours
    user: User
    team: Team | None = None
    enterprise: Enterprise | None = None
    channel: Channel | None = None
    message: ShortcutMessage = ShortcutMessage()
    trigger_id: TriggerId
    response_url: Url | None = None


class UrlVerification(_In):
    """Slack checking the request URL (Bolt answers the challenge)."""

    type: Literal["url_verification"]
    challenge: Annotated[str, StringConstraints(max_length=255)]


Payload = (
    SlashCommand
    | EventCallback
    | InstallationEvent
    | UserChangeEvent
    | FunctionExecution
    | BlockActions
    | ViewSubmission
    | Shortcut
    | MessageShortcut
    | UrlVerification
)
Interaction = BlockActions | ViewSubmission | Shortcut | MessageShortcut
KINDS: dict[str, type[Payload]] = {
    "event_callback": EventCallback,
    "block_actions": BlockActions,
    "view_submission": ViewSubmission,
    "shortcut": Shortcut,
    "message_action": MessageShortcut,
    "url_verification": UrlVerification,
}


def read_payload(body: Any) -> Payload:
    """The typed payload of a parsed body, or MalformedPayload saying why not."""
    if not isinstance(body, dict):
        raise MalformedPayload(f"the body is a {type(body).__name__}, not an object")
    if "command" in body:  # Bolt takes any body with a command for a slash command; so do we
        return _validate(SlashCommand, body)
    kind = body.get("type")
    model = KINDS.get(kind) if isinstance(kind, str) else None
    if model is None:
        raise MalformedPayload("a payload of no kind lokusbot handles")
    if model is EventCallback and _event_type(body) in INSTALLATION_EVENTS:
        return _validate(InstallationEvent, body)
    if model is EventCallback and _event_type(body) == FUNCTION_EVENT:
        return _validate(FunctionExecution, body)
    if model is EventCallback and _event_type(body) in USER_EVENTS:
        return _validate(UserChangeEvent, _only_user_change(body))
    if model is EventCallback and _unhandled_event(body.get("event")):  # only its type is read, by Bolt
        body = {**body, "event": {"type": body["event"]["type"]}}
    elif model is EventCallback and isinstance(body.get("event"), dict) and body["event"].get("subtype") != EDITED:
        body = {**body, "event": {k: v for k, v in body["event"].items() if k not in ("message", "previous_message")}}
    return _validate(model, body)


def _only_user_change(body: dict[str, Any]) -> dict[str, Any]:
    """user_change with nothing of the user but the id and `deleted`: a profile's names are never read."""
    user = body["event"].get("user")
    kept = {k: user[k] for k in ("id", "deleted") if k in user} if isinstance(user, dict) else user
    return {**body, "event": {"type": body["event"]["type"], "user": kept}}


def _event_type(body: dict[str, Any]) -> str | None:
    event = body.get("event")
    kind = event.get("type") if isinstance(event, dict) else None
    return kind if isinstance(kind, str) else None


def _unhandled_event(event: Any) -> bool:
    return isinstance(event, dict) and isinstance(event.get("type"), str) and event["type"] not in HANDLED_EVENTS


def _validate(model: type[Payload], body: dict[str, Any]) -> Payload:
    """The body as the model, its text cleaned first (handlers.cleaning): a lone surrogate or a NUL a person
    typed is taken out, never a reason to refuse what they wrote."""
    try:
        return model.model_validate(clean_value(body))
    except ValidationError as error:
        where = ", ".join(".".join(str(p) for p in e["loc"]) for e in error.errors()[:5])
        raise MalformedPayload(f"{model.__name__}: wrong or missing {where}") from None


def interaction_claim(trigger_id: str) -> str:
    """The key under which an interaction is remembered as handled (processed_events): one per trigger_id.

    Slack makes a trigger_id for each interaction — a command typed, a button clicked, a form submitted — so a
    second request with the same one is a replay. Hashed, so any trigger_id Slack sends fits the 64 characters.
    """
    return "trigger:" + hashlib.sha256(trigger_id.encode("ascii")).hexdigest()[:48]
