"""The one thing handlers ask of the outside world about trust: is this person an admin of their workspace?

Slack answers it from `users.info` (bot/slack/admins.py), the console from its own settings; handlers never
import either. A workspace admin or owner may give the förbund role. The default answers "no" to everyone.
"""

from typing import Protocol


class WorkspaceAdmins(Protocol):
    """Tells whether a user is an admin or owner of the workspace the request came from."""

    def is_admin(self, team_id: str, user_id: str) -> bool:
        """True only when the workspace itself says so; any doubt or error means False."""
        ...


class NoAdmins:
    """Nobody is a workspace admin: the safe default (the scheduler, the command line, tests)."""

    def is_admin(self, team_id: str, user_id: str) -> bool:
        """Always False."""
        return False


NO_ADMINS = NoAdmins()
