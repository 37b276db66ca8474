"""Which Web API client speaks for which workspace.

With one bot token (`SLACK_BOT_TOKEN`) every workspace is answered by the same client. With Slack's OAuth
install (many workspaces) each workspace has a token of its own: `bot/slack/installations.py` looks it up, and
raises NotInstalled for a workspace nothing is installed in (never installed, uninstalled, token revoked) – a
message for it cannot be delivered, now or later. Everything that calls the Web API asks here with the workspace
(team) the message belongs to; the org (enterprise) only narrows it down when known.
"""

from typing import Protocol

from slack_sdk import WebClient


class NotInstalled(LookupError):
    """No installation answers for the workspace: never installed, uninstalled, or its token revoked."""


class SlackClients(Protocol):
    """The client for a workspace (and its Enterprise Grid org, when it has one)."""

    def for_team(self, team_id: str, enterprise_id: str = "") -> WebClient:
        """The client whose token belongs to the workspace; NotInstalled when there is none."""
        ...


class OneToken:
    """Single-token mode: one client for every workspace."""

    def __init__(self, client: WebClient) -> None:
        self.client = client

    def for_team(self, team_id: str, enterprise_id: str = "") -> WebClient:
        """The one client, whatever the workspace."""
        return self.client
