"""Slack's OAuth install (many workspaces): bolt-python's OAuth flow with slack_sdk's SQLAlchemy stores.

`GET /slack/install` shows the "Lägg till i Slack" page and sets a cookie holding a one-time `state` (kept in
`slack_oauth_states` for ten minutes); Slack sends the installer back to `GET /slack/oauth_redirect?code=…&state=…`,
which is refused unless the state is the one this browser was given and still unused. The code is then exchanged
at `oauth.v2.access` on SLACK_API_URL; an install that did not get every bot scope of slack/manifest.json is
refused (its token revoked at once); otherwise it is saved in the installation store and the workspace answered
with its own token from then on (bot/slack/installations.py). The pages are Swedish (bot/slack/install_pages.py).
"""

import json
import logging
import re
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from slack_bolt import BoltRequest, BoltResponse
from slack_bolt.error import BoltError
from slack_bolt.oauth import OAuthFlow
from slack_bolt.oauth.callback_options import CallbackOptions, FailureArgs, SuccessArgs
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient
from slack_sdk.errors import SlackClientError
from slack_sdk.oauth.installation_store import Installation
from sqlalchemy import delete
from sqlalchemy.exc import SQLAlchemyError

from bot.settings import Settings, SettingsError
from bot.slack.install_pages import InstallPages
from bot.slack.installations import InstalledClients, MakeClient
from handlers.text import Listing, Text, t
from storage.db import Database

log = logging.getLogger("lokusbot.oauth")
MANIFEST = Path(__file__).resolve().parents[2] / "slack" / "manifest.json"
INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"
STATE_SECONDS = 600
TEAM = re.compile(r"[TE][A-Z0-9]{1,40}")  # ?team= on /slack/install: the workspace (or org) to preselect
FAILURES: dict[str, tuple[str, int]] = {  # Bolt's reason → what the page says, and the HTTP status
    "access_denied": ("install.cancelled", 200),
    "invalid_browser": ("install.bad_state", 400),
    "invalid_state": ("install.bad_state", 400),
    "missing_code": ("install.bad_code", 400),
    "invalid_code": ("install.bad_code", 400),
}


def bot_scopes(manifest: Path = MANIFEST) -> tuple[str, ...]:
    """The bot scopes the app asks for and needs: the manifest's oauth_config.scopes.bot, the one list of them."""
    try:
        scopes = json.loads(manifest.read_text(encoding="utf-8"))["oauth_config"]["scopes"]["bot"]
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise SettingsError(f"the bot scopes are read from {manifest}, which cannot be read: {error}") from error
    return tuple(str(scope) for scope in scopes)


def authorize_url(api_url: str) -> str:
    """Slack's authorize page beside the Web API: https://slack.com/api/ → https://slack.com/oauth/v2/authorize."""
    return urljoin(api_url, "../oauth/v2/authorize")


class MissingScopes(BoltError):
    """Slack granted fewer bot scopes than lokusbot needs."""

    def __init__(self, missing: list[str]) -> None:
        super().__init__(f"missing scopes: {', '.join(missing)}")
        self.missing = missing


class LokusOAuthFlow(OAuthFlow):
    """Bolt's OAuth flow with lokusbot's pages, a check of the scopes granted, and the cache told of a new token."""

    def __init__(
        self, *, client: WebClient, settings: OAuthSettings, pages: InstallPages, clients: InstalledClients
    ) -> None:
        super().__init__(client=client, settings=settings, logger=log)
        self.pages = pages
        self.clients = clients
        self.required = tuple(settings.scopes or ())

    def build_install_page_html(self, url: str, request: BoltRequest) -> str:
        """The "Lägg till i Slack" page."""
        return self.pages.install(url)

    def build_authorize_url(self, state: str, request: BoltRequest) -> str:
        """Slack's authorize URL; `?team=` preselects a workspace only when it is a Slack id (Bolt would paste
        anything into the URL, `&scope=…` too)."""
        teams = request.query.get("team") or []
        team = teams[0] if len(teams) == 1 and TEAM.fullmatch(teams[0]) else None
        return self.settings.authorize_url_generator.generate(state=state, team=team)

    def issue_new_state(self, request: BoltRequest) -> str:
        """A new one-time state; states that have expired unused are deleted first, so the table stays small."""
        from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

        store = self.settings.state_store
        if isinstance(store, SQLAlchemyOAuthStateStore):
            with store.engine.begin() as connection:
                expired = store.oauth_states.c.expire_at < datetime.now(UTC).replace(tzinfo=None)
                connection.execute(delete(store.oauth_states).where(expired))
        return super().issue_new_state(request)

    def store_installation(self, request: BoltRequest, installation: Installation) -> None:
        """Save the install, or refuse it (MissingScopes) when Slack granted less than the manifest asks."""
        granted = set(installation.bot_scopes or ())
        missing = [scope for scope in self.required if scope not in granted]
        if missing:
            self._revoke(installation.bot_token)
            raise MissingScopes(missing)
        try:
            super().store_installation(request, installation)
        except SQLAlchemyError as error:
            raise BoltError(f"the installation could not be saved ({type(error).__name__})") from error
        team = None if installation.is_enterprise_install else installation.team_id
        self.clients.forget(installation.enterprise_id, team)
        log.warning("installed in team %s (enterprise %s)", team or "-", installation.enterprise_id or "-")

    def _revoke(self, token: str | None) -> None:
        """Give back a token the bot will not use (an install that was refused)."""
        if not token:
            return
        try:
            WebClient(token=token, base_url=self.client.base_url, timeout=self.client.timeout).auth_revoke()
        except (SlackClientError, OSError) as error:
            log.warning("could not revoke the token of a refused install: %s", type(error).__name__)


def callbacks(pages: InstallPages) -> CallbackOptions:
    """The pages after Slack's redirect: done, or why nothing was installed (never the state, code or error)."""

    def success(args: SuccessArgs) -> BoltResponse:
        return pages.done(args.installation, args.settings.state_utils.build_set_cookie_for_deletion())

    def failure(args: FailureArgs) -> BoltResponse:
        text, status = _failure_text(args)
        log.warning("an install was refused: %s (HTTP %d)", args.reason, status)
        return pages.failed(text, status, args.settings.state_utils.build_set_cookie_for_deletion())

    return CallbackOptions(success=success, failure=failure)


def _failure_text(args: FailureArgs) -> tuple[Text, int]:
    if isinstance(args.error, MissingScopes):
        return t("install.missing_scopes", scopes=Listing(tuple(args.error.missing))), 403
    key, status = FAILURES.get(args.reason, ("install.failed", 500 if args.reason == "storage_error" else 400))
    return t(key), status


def installed_clients(settings: Settings, db: Database, make_client: MakeClient) -> InstalledClients:
    """The clients of every installed workspace, from the installation store in the bot's database."""
    from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore  # needs greenlet

    store = SQLAlchemyInstallationStore(client_id=settings.slack_client_id, engine=db.engine, logger=log)
    return InstalledClients(store, db, make_client)


def oauth_flow(settings: Settings, clients: InstalledClients, client: WebClient) -> LokusOAuthFlow:
    """The OAuth flow: install page, redirect, stores in the bot's database, oauth.v2.access on SLACK_API_URL."""
    from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore  # needs greenlet

    assert settings.slack_client_secret is not None  # Settings.oauth
    pages = InstallPages(settings.language, INSTALL_PATH)
    oauth_settings = OAuthSettings(
        client_id=settings.slack_client_id,
        client_secret=settings.slack_client_secret.get_secret_value(),
        scopes=list(bot_scopes()),
        user_scopes=[],
        redirect_uri=settings.slack_redirect_uri or None,
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        callback_options=callbacks(pages),
        authorization_url=authorize_url(settings.slack_api_url),
        installation_store=clients.store,
        installation_store_bot_only=True,
        state_store=SQLAlchemyOAuthStateStore(expiration_seconds=STATE_SECONDS, engine=clients.db.engine, logger=log),
        state_expiration_seconds=STATE_SECONDS,
        logger=log,
    )
    return LokusOAuthFlow(client=client, settings=oauth_settings, pages=pages, clients=clients)


def oauth_answer(flow: OAuthFlow, environ: dict[str, Any]) -> BoltResponse:
    """The answer to GET /slack/install or /slack/oauth_redirect: unsigned by nature, so only the query and the
    state cookie are read (no body); anything unexpected becomes the kind failure page, logged with an id."""
    headers = {"cookie": environ["HTTP_COOKIE"]} if "HTTP_COOKIE" in environ else {}
    request = BoltRequest(body="", query=environ.get("QUERY_STRING", ""), headers=headers)
    try:
        if environ.get("PATH_INFO") == flow.install_path:
            return flow.handle_installation(request)
        return flow.handle_callback(request)
    except Exception:
        error_id = uuid.uuid4().hex[:8]
        log.exception("the install failed unexpectedly (%s)", error_id)
        pages = flow.pages if isinstance(flow, LokusOAuthFlow) else InstallPages("sv", INSTALL_PATH)
        return pages.failed(t("install.failed"), 500)
