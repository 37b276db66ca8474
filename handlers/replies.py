"""What a handler answers with: front-door-neutral parts that Slack renders as Block Kit and the console as text."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from handlers.text import Text


@dataclass(frozen=True)
class Header:
    """A heading."""

    text: Text


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text (long user text is stored whole and shown shortened)."""

    text: Any


@dataclass(frozen=True)
class Fields:
    """Label/value pairs, e.g. the summary before saving."""

    items: tuple[tuple[Any, Any], ...]


@dataclass(frozen=True)
class Note:
    """A small, grey line of context."""

    text: Any


@dataclass(frozen=True)
class Divider:
    """A line between parts."""


@dataclass(frozen=True)
class Option:
    """One answer to choose: the stored value and how it is shown."""

    value: str
    label: Any


@dataclass(frozen=True)
class Choices:
    """Options to pick from: buttons or a menu in Slack, numbers in the console."""

    action: str
    options: tuple[Option, ...]
    multi: bool = False
    selected: tuple[str, ...] = ()
    done_action: str = ""
    prefix: str = ""


class Style(StrEnum):
    """How a button looks."""

    DEFAULT = ""
    PRIMARY = "primary"
    DANGER = "danger"


@dataclass(frozen=True)
class Button:
    """A button: the action it triggers, the value it carries and its label."""

    action: str
    value: str
    label: Any
    style: Style = Style.DEFAULT
    typed: str = ""


@dataclass(frozen=True)
class Buttons:
    """A row of buttons."""

    buttons: tuple[Button, ...]


@dataclass(frozen=True)
class PersonPicker:
    """A line of text with a menu of the workspace's people beside it (Slack's user picker).

    The picked person's user id comes to `action` as the one selected value, along with `value`. The console
    shows only the text (people there use the matching command instead).
    """

    text: Any
    action: str
    value: str
    placeholder: Any
    initial: str = ""


@dataclass(frozen=True)
class Attachment:
    """A file to upload with the message (CSV, XLSX, PNG, ICS, DOCX...).

    `content` is the bytes, or a function that makes them with the front door's words (a chart's labels in the
    reader's language): it is given the function that renders a Text, and called when the file is delivered.
    """

    filename: str
    content: bytes | Callable[[Callable[[Any], str]], bytes]
    title: Any

    def data(self, render: Callable[[Any], str]) -> bytes:
        """The file's bytes, made now with the given words when the content is a function of them."""
        return self.content if isinstance(self.content, bytes) else self.content(render)


Part = Header | Paragraph | Fields | Note | Divider | Choices | Buttons | PersonPicker


@dataclass(frozen=True)
class Reply:
    """A message: its parts, and files to upload in its thread."""

    parts: tuple[Part, ...]
    files: tuple[Attachment, ...] = ()


def reply(*parts: Part, files: tuple[Attachment, ...] = ()) -> Reply:
    """A reply made of the given parts."""
    return Reply(tuple(parts), files)


def say(text: Any) -> Reply:
    """A reply of one paragraph."""
    return Reply((Paragraph(text),))


@dataclass(frozen=True)
class FormField:
    """One field of a form (a modal in Slack), built from a flow question."""

    key: str
    label: Any
    kind: str
    options: tuple[Option, ...] = ()
    optional: bool = False
    hint: Any = None
    initial: Any = None


@dataclass(frozen=True)
class Form:
    """A form to fill in at once: Slack shows it as a modal; the callback names what handles the submission."""

    callback: str
    title: Any
    submit: Any
    fields: tuple[FormField, ...]
    metadata: str = ""


@dataclass(frozen=True)
class PostedHook:
    """Who wants to know where a posted message landed: a `Feature.posted` name and a value for it."""

    name: str
    value: str


class To(StrEnum):
    """Who gets a message."""

    REQUESTER = "requester"
    CHANNEL = "channel"
    USER = "user"


@dataclass(frozen=True)
class Send:
    """One message to deliver.

    REQUESTER: privately to the person who asked (ephemeral in a channel, in the DM otherwise).
    CHANNEL: visibly in `channel_id` (the request's channel when empty), in `thread_ts` when given.
    USER: as a DM to `user_id`.
    `update_ts` (CHANNEL): replace that earlier message in `channel_id` instead of posting a new one.
    `posted`: after posting, tell the named hook the channel and ts the message got.
    `team_id`: the workspace it is delivered in; empty means the request's own (scheduled work, which answers no
    request, names the workspace of each message).
    """

    reply: Reply
    to: To = To.REQUESTER
    channel_id: str = ""
    user_id: str = ""
    thread_ts: str = ""
    meta: dict[str, Any] = field(default_factory=dict)
    form: Form | None = None
    update_ts: str = ""
    posted: PostedHook | None = None
    team_id: str = ""


def to_requester(r: Reply) -> Send:
    """Send privately to the person who asked."""
    return Send(r, To.REQUESTER)


def to_channel(r: Reply, channel_id: str = "", thread_ts: str = "") -> Send:
    """Post visibly in a channel."""
    return Send(r, To.CHANNEL, channel_id=channel_id, thread_ts=thread_ts)


def open_form(form: Form, fallback: Reply) -> Send:
    """Open a form for the requester; front doors without forms show the fallback instead."""
    return Send(fallback, To.REQUESTER, form=form)


def to_user(r: Reply, user_id: str) -> Send:
    """Send as a DM to a user."""
    return Send(r, To.USER, user_id=user_id)


def in_workspace(sends: Iterable[Send], team_id: str) -> list[Send]:
    """The sends, each to be delivered in the workspace unless it names its own: scheduled work answers no
    request, so every message it makes must say which workspace's token delivers it."""
    return [send if send.team_id else replace(send, team_id=team_id) for send in sends]


def update_message(r: Reply, channel_id: str, ts: str) -> Send:
    """Replace an earlier message of the bot (its channel and ts) with this reply; files go in its thread."""
    return Send(r, To.CHANNEL, channel_id=channel_id, update_ts=ts)
