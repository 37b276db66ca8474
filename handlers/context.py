"""Who is asking, where, and when: what every handler is given along with the session."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from handlers.admins import NO_ADMINS, WorkspaceAdmins
from handlers.directory import NO_DIRECTORY, Directory

if TYPE_CHECKING:
    from handlers.conversation.engine import Engine


@dataclass(frozen=True)
class Actor:
    """The person behind a request and where they wrote from (channel is empty in a DM)."""

    team_id: str
    user_id: str
    channel_id: str = ""
    thread_ts: str = ""

    @property
    def in_dm(self) -> bool:
        """Whether the request came from the DM with the bot."""
        return not self.channel_id


@dataclass(frozen=True)
class Config:
    """The settings handlers need, free of Slack and environment variables."""

    language: str = "sv"
    timezone: str = "Europe/Stockholm"
    conversation_timeout: timedelta = timedelta(hours=24)
    small_number_threshold: int = 3
    national_work_share: int = 34
    flat_rate_kr: int = 600_000
    ics_organizer: str = "noreply@lokusbot.invalid"

    @property
    def tz(self) -> ZoneInfo:
        """The time zone as an object."""
        return ZoneInfo(self.timezone)


def _no_flows() -> "Engine":
    """The engine of a Ctx built outside `Services.handle`: it knows no flow, so starting one fails loudly."""
    from handlers.conversation.engine import Engine  # the engine module needs Ctx, so it is imported late

    return Engine()


@dataclass
class Ctx:
    """One request's unit of work: the open session, the actor, the time, the settings, the conversation engine.

    `engine` is the router's one engine: features start their conversations with
    `ctx.engine.start(ctx, key, "flow-name", data={...})` and never build an engine of their own. `admins` answers
    whether the actor is an admin of their Slack workspace (nobody is, unless a front door says otherwise).

    `group_id` is the group a request from the DM is about, when the person named or picked one (a channel's
    requests are about the channel's group); `access.channel_group` then answers with it. `directory` gives a
    person's name and e-mail address as far as their workspace shares them (nobody's, unless a front door says).
    """

    session: Session
    actor: Actor
    now: datetime
    config: Config
    admins: WorkspaceAdmins = field(default=NO_ADMINS)
    engine: "Engine" = field(default_factory=_no_flows)
    group_id: int | None = None
    directory: Directory = field(default=NO_DIRECTORY)

    @property
    def local_now(self) -> datetime:
        """Now in the configured time zone."""
        return self.now.astimezone(self.config.tz)
