"""`users.info` for the bot's own checks (is this person an admin? what is their name?), cached briefly per person.

A Slack error, a missing installation or a lost connection is "nothing known" (None) and is not cached, so the
next request asks again. Nothing is stored beyond the process's memory.
"""

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from slack_sdk.errors import SlackClientError

from bot.slack.clients import NotInstalled, SlackClients

log = logging.getLogger(__name__)
User = dict[str, Any]


class UsersInfo:
    """Asks users.info with the token of the person's workspace, at most once per `ttl` seconds per person."""

    def __init__(self, clients: SlackClients, ttl: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.clients = clients
        self.ttl = ttl
        self.clock = clock
        self._lock = threading.Lock()
        self._cache: dict[tuple[str, str], tuple[User, float]] = {}

    def user(self, team_id: str, user_id: str) -> User | None:
        """Slack's user object of the person, or None when Slack could not be asked."""
        key, now = (team_id, user_id), self.clock()
        with self._lock:
            cached = self._cache.get(key)
        if cached is not None and cached[1] > now:
            return cached[0]
        try:
            user = self.clients.for_team(team_id).users_info(user=user_id).get("user") or {}
        except (SlackClientError, OSError, NotInstalled) as error:  # not cached: try again next time
            log.warning("users.info failed: %s", type(error).__name__)
            return None
        with self._lock:
            self._cache[key] = (user, now + self.ttl)
        return user
