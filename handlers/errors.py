"""Domain errors: each carries the catalogue text the person is shown instead of a stack trace."""

from typing import Any

from handlers.text import Text, t


class DomainError(Exception):
    """Something the person can fix or should know; shown to them kindly, never logged as a fault.

    Many messages quote what was typed ("Jag förstod inte perioden ”…”"); typed text holding a personnummer,
    phone number or e-mail address is quoted as a note that it is not shown, never as itself (`t` sees to that).
    The exception's own message is only the key, so a logged or re-raised error carries no user text either.
    """

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.text: Text = t(key, **params)


class NotAMember(DomainError):
    """The person is not a member of the group (or of any group)."""


class NotLinked(DomainError):
    """The channel is not linked to a LOKUS group."""


class NotAllowed(DomainError):
    """The person lacks the role the action needs."""


class OtherWorkspace(DomainError):
    """The channel or thing asked about belongs to another Slack workspace (a channel shared with Slack
    Connect): nothing of it is shown or changed from here."""


class AnswerError(DomainError):
    """An answer that could not be understood; the question is asked again."""


class Unavailable(Exception):
    """The database or another part we depend on does not answer; the person is asked to try again."""
