"""Who is asking, where, and when: what every handler is given along with the session."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session


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

    @property
    def tz(self) -> ZoneInfo:
        """The time zone as an object."""
        return ZoneInfo(self.timezone)


@dataclass
class Ctx:
    """One request's unit of work: the open session, the actor, the time and the settings.

    `group_id` is the group a request from the DM is about, when the person named or picked one (a channel's
    requests are about the channel's group); `access.channel_group` then answers with it.
    """

    session: Session
    actor: Actor
    now: datetime
    config: Config
    group_id: int | None = None

    @property
    def local_now(self) -> datetime:
        """Now in the configured time zone."""
        return self.now.astimezone(self.config.tz)
