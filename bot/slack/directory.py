"""handlers.directory.Directory for Slack: a person's name and e-mail address from `users.info`, cached briefly.

Slack gives the e-mail address only when the app has the `users:read.email` scope, that is when the workspace
chose to share addresses with the bot (README, "Meeting invitations"); without it the address is empty and the
invitation is from ICS_ORGANIZER. A user of another workspace than the one asked about (Slack Connect), a bot or a
deleted user is nobody; any Slack error is "nothing known", tried again next time. Nothing is stored.
"""

import time
from collections.abc import Callable
from typing import Any

from bot.slack.clients import SlackClients
from bot.slack.users import UsersInfo
from handlers.directory import Contact

TTL_SECONDS = 600.0
NOBODY_FLAGS = ("deleted", "is_bot")


class SlackDirectory:
    """Asks users.info at most once every ten minutes per person."""

    def __init__(
        self, clients: SlackClients, ttl: float = TTL_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.users = UsersInfo(clients, ttl, clock)

    def contact(self, team_id: str, user_id: str) -> Contact:
        """The person's name and, when the workspace shares it, e-mail address."""
        if not team_id or not user_id:
            return Contact()
        user = self.users.user(team_id, user_id)
        return contact_of(user, team_id) if user is not None else Contact()


def contact_of(user: dict[str, Any], team_id: str) -> Contact:
    """What a users.info user object says about a person of the workspace `team_id`."""
    if user.get("team_id") != team_id or any(user.get(flag) for flag in NOBODY_FLAGS):
        return Contact()
    profile = user.get("profile") or {}
    name = str(profile.get("real_name") or user.get("real_name") or profile.get("display_name") or "")
    return Contact(name=name, email=str(profile.get("email") or ""))
