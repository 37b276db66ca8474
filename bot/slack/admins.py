"""Whether a Slack user is an admin or owner of their workspace, from `users.info`, cached briefly.

Only the förbund role's grant and revoke ask, and only when the person does not hold the role already.
Any doubt means "no": a Slack error, a deleted, restricted or bot user, or a user of another workspace than
the request's (in a channel shared with Slack Connect the answer would be about someone else's workspace).
"""

import time
from collections.abc import Callable
from typing import Any

from bot.slack.clients import SlackClients
from bot.slack.users import UsersInfo

ADMIN_FLAGS = ("is_admin", "is_owner", "is_primary_owner")
NOT_TRUSTED_FLAGS = ("deleted", "is_bot", "is_restricted", "is_ultra_restricted")
TTL_SECONDS = 60.0


class SlackWorkspaceAdmins:
    """handlers.admins.WorkspaceAdmins for Slack: asks users.info once a minute at most per person, with the token
    of the person's workspace."""

    def __init__(
        self, clients: SlackClients, ttl: float = TTL_SECONDS, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.users = UsersInfo(clients, ttl, clock)

    def is_admin(self, team_id: str, user_id: str) -> bool:
        """True when Slack says the user is an admin or owner of the request's workspace (no answer is no)."""
        if not team_id or not user_id:
            return False
        user = self.users.user(team_id, user_id)
        return user is not None and is_workspace_admin(user, team_id)


def is_workspace_admin(user: dict[str, Any], team_id: str) -> bool:
    """Whether a users.info user object is an admin or owner of the workspace `team_id`."""
    if user.get("team_id") != team_id or any(user.get(flag) for flag in NOT_TRUSTED_FLAGS):
        return False
    return any(user.get(flag) is True for flag in ADMIN_FLAGS)
