"""What handlers may ask the outside world about a person: the name and e-mail address their workspace shares.

Slack answers from `users.info` (bot/slack/directory.py): the e-mail address only when the workspace lets the bot
read it (the `users:read.email` scope); the console and the command line know nobody. Nothing asked here is
stored; the meeting invitation uses it for its ORGANIZER (handlers/meetings/ics.py).
"""

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Contact:
    """A person as their workspace shows them: the name and, when shared with the bot, the e-mail address."""

    name: str = ""
    email: str = ""


class Directory(Protocol):
    """Looks a person of a workspace up."""

    def contact(self, team_id: str, user_id: str) -> Contact:
        """The person's name and e-mail address as far as the workspace shares them (empty when it does not)."""
        ...


class NoDirectory:
    """Knows nobody: the default (the console, the command line, the scheduler without Slack, tests)."""

    def contact(self, team_id: str, user_id: str) -> Contact:
        """Always an empty contact."""
        return Contact()


NO_DIRECTORY = NoDirectory()
