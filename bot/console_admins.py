"""Who counts as a workspace admin in the console: the names in CONSOLE_ADMINS (comma-separated), nobody else.

The console is its own workspace (TCONSOLE); an admin there may give the förbund role, as a Slack admin can.
"""

from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.services import Services


@dataclass(frozen=True)
class ConsoleAdmins:
    """handlers.admins.WorkspaceAdmins for the console: the configured user ids of its own workspace."""

    team_id: str
    user_ids: frozenset[str]

    def is_admin(self, team_id: str, user_id: str) -> bool:
        """Whether the user is one of the configured admins of the console's workspace."""
        return team_id == self.team_id and user_id in self.user_ids


def with_console_admins(services: Services, team_id: str, user_id_of: Callable[[str], str]) -> Services:
    """The services with the console's admins (settings.console_admins) answering the admin question."""
    names = [name.strip().lstrip("@") for name in services.settings.console_admins.split(",")]
    admins = ConsoleAdmins(team_id, frozenset(user_id_of(name) for name in names if name))
    return replace(services, admins=admins)
