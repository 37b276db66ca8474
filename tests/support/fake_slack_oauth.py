"""The fake Slack's side of the OAuth install: the app's credentials, workspaces and orgs, the authorize page a
browser is sent to, `oauth.v2.access`, and a bot token per installed workspace (or org) that every Web API call is
checked against.

    fake.register_app("111.222", "hemligt", "http://127.0.0.1:PORT/slack/oauth_redirect")
    fake.add_workspace("T0HEBY", "LOKUS Heby")
    fake.add_org("E0REGION", "Region Uppsala", teams={"T0TIERP": "LOKUS Tierp"})

A browser at ``GET /oauth/v2/authorize?client_id=…&scope=…&state=…&team=T0HEBY`` (the team the installer picks;
an org id is an org-wide install) is sent back to the redirect URL with ``?code=…&state=…`` (or
``?error=access_denied`` after `deny_next()`); the code works once, at oauth.v2.access, with the app's id and
secret (form fields or HTTP Basic). `withhold_scopes` makes the next installs grant fewer scopes than asked.
Answers follow https://docs.slack.dev/reference/methods/oauth.v2.access (team null and is_enterprise_install true
for an org-wide install).
"""

from __future__ import annotations

import base64
import secrets
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode

Args = dict[str, Any]
UNAUTHENTICATED = frozenset({"oauth.v2.access"})  # called with the app's id and secret, not a token


class OAuthRefusal(Exception):
    """Raised by an OAuth method to answer {"ok": false, "error": ...}."""

    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


@dataclass(frozen=True)
class Installed:
    """A bot token Slack issued: the workspace it acts in (None: an org-wide token), its org, its bot and scopes."""

    token: str
    team_id: str | None
    enterprise_id: str | None
    bot_user_id: str
    bot_id: str
    scopes: tuple[str, ...]


@dataclass
class _Grant:
    """An approval on the authorize page, waiting for its code to be exchanged."""

    client_id: str
    target: str
    scopes: tuple[str, ...]
    redirect_uri: str | None
    used: bool = False


@dataclass
class _OAuthState:
    apps: dict[str, tuple[str, str]] = field(default_factory=dict)  # client id → (secret, redirect URL)
    workspaces: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # team → (name, org)
    orgs: dict[str, str] = field(default_factory=dict)  # org id → name
    grants: dict[str, _Grant] = field(default_factory=dict)
    tokens: dict[str, Installed] = field(default_factory=dict)
    withheld: set[str] = field(default_factory=set)
    deny: bool = False
    installer: str = "UINSTALLER"


class OAuthInstalls:
    """Mixed into FakeSlack: the install flow and the tokens it hands out."""

    app_id: str
    _oauth: _OAuthState
    _caller_token: str

    def _init_oauth(self) -> None:
        self._oauth = _OAuthState()
        self._caller_token = ""

    # ----- setup for tests

    def register_app(self, client_id: str, client_secret: str, redirect_url: str) -> None:
        """The app as configured at api.slack.com: its credentials and its one redirect URL."""
        self._oauth.apps[client_id] = (client_secret, redirect_url)

    def add_workspace(self, team_id: str, name: str, *, enterprise_id: str | None = None) -> None:
        """A workspace someone can install the app into (in an Enterprise Grid org when enterprise_id is given)."""
        self._oauth.workspaces[team_id] = (name, enterprise_id)

    def add_org(self, enterprise_id: str, name: str, teams: dict[str, str] | None = None) -> None:
        """An Enterprise Grid org and its workspaces."""
        self._oauth.orgs[enterprise_id] = name
        for team_id, team_name in (teams or {}).items():
            self.add_workspace(team_id, team_name, enterprise_id=enterprise_id)

    def withhold_scopes(self, *scopes: str) -> None:
        """Installs from now on are granted everything asked for but these (an admin's restriction)."""
        self._oauth.withheld = set(scopes)

    def deny_next(self) -> None:
        """The next installer presses Cancel on Slack's page."""
        self._oauth.deny = True

    def token_of(self, team_id: str) -> str:
        """The live bot token installed last for a workspace or an org."""
        for installed in reversed(self._oauth.tokens.values()):
            org_wide = installed.team_id is None and installed.enterprise_id == team_id
            if installed.team_id == team_id or org_wide:
                return installed.token
        raise KeyError(f"nothing is installed for {team_id}")

    def installed(self, token: str) -> Installed | None:
        """What a token was issued for, while it is valid."""
        return self._oauth.tokens.get(token)

    def revoke(self, token: str) -> None:
        """The token stops working (an uninstall or a revocation in Slack)."""
        self._oauth.tokens.pop(token, None)

    # ----- the browser's side

    def authorize_page(self, query: str) -> tuple[int, dict[str, str], str]:
        """GET /oauth/v2/authorize: the installer approves at once and is sent back (status, headers, body)."""
        args = dict(parse_qsl(query, keep_blank_values=True))
        app = self._oauth.apps.get(args.get("client_id", ""))
        target = args.get("team", "")
        if app is None:
            return 400, {}, "invalid_client_id"
        redirect = args.get("redirect_uri") or app[1]
        if redirect != app[1]:
            return 400, {}, "bad_redirect_uri"
        if target not in self._oauth.workspaces and target not in self._oauth.orgs:
            return 400, {}, "unknown team: the installer picks a workspace or org the fake knows"
        back = {"state": args.get("state", "")}
        if self._oauth.deny:
            self._oauth.deny = False
            back["error"] = "access_denied"
        else:
            scopes = tuple(s for s in args.get("scope", "").split(",") if s and s not in self._oauth.withheld)
            code = f"{target}.{secrets.token_hex(8)}"
            self._oauth.grants[code] = _Grant(args["client_id"], target, scopes, args.get("redirect_uri"))
            back = {"code": code, **back}
        return 302, {"Location": f"{redirect}?{urlencode(back)}"}, ""

    # ----- Web API

    def _oauth_methods(self) -> dict[str, Any]:
        return {"oauth.v2.access": self._oauth_v2_access, "auth.revoke": self._auth_revoke}

    def _oauth_v2_access(self, args: Args) -> Args:
        """oauth.v2.access: the code of one approval, once, for the app it was given to."""
        app = self._oauth.apps.get(str(args.get("client_id") or ""))
        if app is None:
            raise OAuthRefusal("invalid_client_id")
        if args.get("client_secret") != app[0]:
            raise OAuthRefusal("bad_client_secret")
        grant = self._oauth.grants.get(str(args.get("code") or ""))
        if grant is None or grant.used or grant.client_id != args["client_id"]:
            raise OAuthRefusal("invalid_code")
        if grant.redirect_uri and args.get("redirect_uri") != grant.redirect_uri:
            raise OAuthRefusal("bad_redirect_uri")
        grant.used = True
        return self._issue(grant)

    def _issue(self, grant: _Grant) -> Args:
        org_wide = grant.target in self._oauth.orgs
        enterprise = grant.target if org_wide else self._oauth.workspaces[grant.target][1]
        team = None if org_wide else grant.target
        installed = Installed(
            f"xoxb-{grant.target.lower()}-{secrets.token_hex(6)}",
            team,
            enterprise,
            f"U{grant.target}BOT",
            f"B{grant.target}",
            grant.scopes,
        )
        self._oauth.tokens[installed.token] = installed
        return {
            "access_token": installed.token,
            "token_type": "bot",
            "scope": ",".join(grant.scopes),
            "bot_user_id": installed.bot_user_id,
            "app_id": self.app_id,
            "team": None if team is None else {"name": self._oauth.workspaces[team][0], "id": team},
            "enterprise": None if enterprise is None else {"name": self._oauth.orgs.get(enterprise), "id": enterprise},
            "is_enterprise_install": org_wide,
            "authed_user": {"id": self._oauth.installer},
        }

    def _auth_revoke(self, args: Args) -> Args:
        """auth.revoke: the calling token stops working."""
        self.revoke(self._caller_token)
        return {"revoked": True}

    def _installed_auth_test(self, installed: Installed) -> Args:
        """auth.test for a token an install issued: its own workspace, or its org for an org-wide token."""
        where = installed.team_id or installed.enterprise_id or ""
        name = self._oauth.workspaces.get(where, (None,))[0] or self._oauth.orgs.get(where, "")
        return {
            "url": f"https://{where.lower()}.slack.com/",
            "team": name,
            "user": "lokusbot",
            "team_id": where,
            "user_id": installed.bot_user_id,
            "bot_id": installed.bot_id,
            "enterprise_id": installed.enterprise_id,
            "is_enterprise_install": installed.team_id is None,
        }


def basic_credentials(headers: dict[str, str]) -> Args:
    """client_id and client_secret from an HTTP Basic Authorization header, as Slack accepts them."""
    scheme, _, value = headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return {}
    try:
        client_id, _, secret = base64.b64decode(value.strip()).decode("utf-8").partition(":")
    except ValueError:
        return {}
    return {"client_id": client_id, "client_secret": secret}
