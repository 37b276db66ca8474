"""Many workspaces (Slack's OAuth install): which bot token answers for which workspace, and when it is taken away.

The tokens are in slack_sdk's SQLAlchemy installation store (tables of migration 0009). `InstalledClients` is the
`SlackClients` of OAuth mode: it finds a workspace's bot — its own install, or its Enterprise Grid org's org-wide
install — and keeps the client a minute, so a busy workspace costs no lookup per message. Bolt's authorization asks
it too (`InstallationAuthorize`), so a request is answered with the token of the workspace it came from, and a
workspace with no installation is acknowledged and told nothing more.

`app_uninstalled` and `tokens_revoked` delete the tokens and drop them from the cache of the process that got the
event; other processes stop using them within the cache's minute (Slack refuses a revoked token meanwhile).
"""

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from slack_bolt import App, BoltContext
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.authorization.authorize import Authorize
from slack_sdk import WebClient
from slack_sdk.oauth.installation_store.models.bot import Bot
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from bot.slack.clients import NotInstalled
from bot.slack.payloads import InstallationEvent
from storage import groups
from storage.db import Database

if TYPE_CHECKING:  # imported where the store is built: it needs greenlet, which single-token mode does without
    from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore

log = logging.getLogger("lokusbot.installations")
TTL_SECONDS = 60.0
MakeClient = Callable[[str, str], WebClient]  # (bot token, team for an org-wide token) -> client
Key = tuple[str | None, str | None]  # (enterprise, team) as the store keeps an installation


@dataclass(frozen=True)
class Installed:
    """A workspace's bot as the store has it, the client speaking with its token, and until when it is kept."""

    bot: Bot
    client: WebClient
    until: float

    @property
    def key(self) -> Key:
        """The installation this is: (enterprise, team), the team None for an org-wide install."""
        return self.bot.enterprise_id or None, None if self.bot.is_enterprise_install else self.bot.team_id


class InstalledClients:
    """`SlackClients` with a token per workspace, looked up in the installation store and kept for a minute."""

    def __init__(
        self,
        store: "SQLAlchemyInstallationStore",
        db: Database,
        make_client: MakeClient,
        *,
        ttl: float = TTL_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.store = store
        self.db = db
        self.make_client = make_client
        self.ttl = ttl
        self.clock = clock
        self._lock = threading.Lock()
        self._cache: dict[tuple[str, str], Installed] = {}
        self._noted: set[tuple[str, str]] = set()

    def for_team(self, team_id: str, enterprise_id: str = "") -> WebClient:
        """The client with the bot token of the workspace (or its org's); NotInstalled when there is none."""
        return self.installed(team_id, enterprise_id).client

    def installed(self, team_id: str, enterprise_id: str = "") -> Installed:
        """The workspace's bot and client: its own install first, then its org's org-wide one."""
        key, now = (enterprise_id, team_id), self.clock()
        with self._lock:
            cached = self._cache.get(key)
        if cached is not None and cached.until > now:
            return cached
        bot = self._find(team_id, enterprise_id)
        if bot is None or not bot.bot_token:
            raise NotInstalled(f"no installation for team {team_id or '-'} of enterprise {enterprise_id or '-'}")
        client = self.make_client(bot.bot_token, team_id if bot.is_enterprise_install else "")
        found = Installed(bot, client, now + self.ttl)
        with self._lock:
            self._cache[key] = found
        return found

    def _find(self, team_id: str, enterprise_id: str) -> Bot | None:
        enterprise = enterprise_id or (self._enterprise_of(team_id) if team_id else "")
        if team_id:
            bot = self.store.find_bot(enterprise_id=enterprise or None, team_id=team_id)
            if bot is not None:
                return bot
        if enterprise:
            return self.store.find_bot(enterprise_id=enterprise, team_id=None, is_enterprise_install=True)
        return None

    def _enterprise_of(self, team_id: str) -> str:
        with self.db.unit_of_work() as session:
            return groups.enterprise_of(session, team_id=team_id) or ""

    def note(self, team_id: str, enterprise_id: str) -> None:
        """Remember that a workspace belongs to an org (once per process), so work that names only the workspace,
        such as a reminder, finds the org's token. A failure is logged and tried again on the next request."""
        if not team_id or not enterprise_id or (team_id, enterprise_id) in self._noted:
            return
        for attempt in (1, 2):  # two processes seeing a new workspace at once: the second finds the first's row
            try:
                with self.db.unit_of_work() as session:
                    groups.note_enterprise(session, team_id=team_id, enterprise_id=enterprise_id)
                self._noted.add((team_id, enterprise_id))
                return
            except IntegrityError:
                if attempt == 2:
                    log.warning("could not note the org of a workspace (a concurrent write)")
            except SQLAlchemyError as error:
                log.warning("could not note the org of a workspace: %s", type(error).__name__)
                return

    def forget(self, enterprise_id: str | None, team_id: str | None) -> None:
        """Drop every cached client of an installation (uninstalled, revoked or installed anew)."""
        gone: Key = (enterprise_id or None, team_id or None)
        with self._lock:
            for key in [k for k, v in self._cache.items() if v.key == gone]:
                del self._cache[key]

    def uninstalled(self, enterprise_id: str | None, team_id: str | None) -> None:
        """The app was uninstalled: delete every token of the installation (forgotten before and after, so no
        request in between keeps the old one)."""
        self.forget(enterprise_id, team_id)
        self.store.delete_all(enterprise_id=enterprise_id, team_id=team_id)
        self.forget(enterprise_id, team_id)

    def revoked(self, enterprise_id: str | None, team_id: str | None, *, bot: bool, users: list[str]) -> None:
        """Tokens were revoked: the bot's takes the whole installation with it; a user's only that user's."""
        self.forget(enterprise_id, team_id)
        if bot:
            self.store.delete_all(enterprise_id=enterprise_id, team_id=team_id)
        else:
            for user_id in users:
                self.store.delete_installation(enterprise_id=enterprise_id, team_id=team_id, user_id=user_id)
        self.forget(enterprise_id, team_id)


class InstallationAuthorize(Authorize):
    """Bolt's authorization from the installation store, through the same cache as everything else: the bot's
    token, ids and scopes as stored at install (no auth.test per request). None when nothing is installed."""

    def __init__(self, clients: InstalledClients) -> None:
        self.clients = clients

    def __call__(
        self,
        *,
        context: BoltContext,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None,
        **_actors: Any,
    ) -> AuthorizeResult | None:
        try:
            bot = self.clients.installed(team_id or "", enterprise_id or "").bot
        except NotInstalled:
            log.info("a request from a workspace with no installation (team %s); nothing done", team_id or "-")
            return None
        return AuthorizeResult(
            enterprise_id=bot.enterprise_id,
            team_id=team_id or bot.team_id,
            bot_token=bot.bot_token,
            bot_id=bot.bot_id,
            bot_user_id=bot.bot_user_id,
            bot_scopes=bot.bot_scopes,
            user_id=user_id,
        )


InstallationChange = Callable[[InstallationEvent], None]


def register(app: App, on_change: InstallationChange) -> None:
    """Listen to app_uninstalled and tokens_revoked (Bolt acknowledges them; nothing is sent)."""

    @app.event("app_uninstalled")
    def on_uninstalled(inbound: InstallationEvent) -> None:
        on_change(inbound)

    @app.event("tokens_revoked")
    def on_revoked(inbound: InstallationEvent) -> None:
        on_change(inbound)


def forget_tokens(clients: InstalledClients) -> InstallationChange:
    """What an uninstall or a revocation does in OAuth mode: the tokens are deleted and the cache forgets them."""

    def change(inbound: InstallationEvent) -> None:
        enterprise, team = inbound.installation
        event = inbound.event
        if event.type == "app_uninstalled":
            clients.uninstalled(enterprise, team)
        else:
            clients.revoked(enterprise, team, bot=bool(event.tokens.bot), users=list(event.tokens.oauth))
        log.warning("%s: the tokens of team %s (enterprise %s) are deleted", event.type, team or "-", enterprise or "-")

    return change


def tokens_kept(inbound: InstallationEvent) -> None:
    """Single-token mode: the token is the operator's setting; an uninstall is only logged."""
    log.warning("%s in single-token mode: SLACK_BOT_TOKEN no longer works for that workspace", inbound.event.type)
