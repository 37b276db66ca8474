"""What an installer's browser does with the OAuth install: plain GETs, the cookies it was given, and each
redirect followed by hand (so a test sees every step).

    browser = Browser()
    done = install(browser, bot.url, "T0HEBY")   # /slack/install → Slack's authorize page → /slack/oauth_redirect
"""

from __future__ import annotations

import html
import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from urllib.parse import parse_qs, urlencode, urlsplit

BUTTON = re.compile(r'<a class="knapp" href="([^"]*)"')


@dataclass(frozen=True)
class Page:
    """An answer the browser got."""

    status: int
    headers: Message
    text: str

    def link(self) -> str:
        """Where the page's button leads."""
        found = BUTTON.search(self.text)
        assert found is not None, f"no button on the page: {self.text[:300]}"
        return html.unescape(found.group(1))

    @property
    def location(self) -> str:
        """Where a redirect sends the browser."""
        location = self.headers.get("Location")
        assert self.status == 302 and location, f"not a redirect (HTTP {self.status})"
        return location


class _Stay(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class Browser:
    """A browser: sends the cookies it holds (whatever their domain: everything here is on loopback)."""

    def __init__(self) -> None:
        self.cookies: dict[str, str] = {}
        self._opener = urllib.request.build_opener(_Stay)

    def get(self, url: str) -> Page:
        """GET a URL as it is; a redirect is returned, not followed."""
        request = urllib.request.Request(url)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{name}={value}" for name, value in self.cookies.items()))
        try:
            with self._opener.open(request, timeout=10) as response:
                page = Page(response.status, response.headers, response.read().decode("utf-8"))
        except urllib.error.HTTPError as error:
            page = Page(error.code, error.headers, error.read().decode("utf-8", "replace"))
        self._keep_cookies(page.headers)
        return page

    def _keep_cookies(self, headers: Message) -> None:
        for cookie in headers.get_all("Set-Cookie") or []:
            name, _, rest = cookie.partition("=")
            value = rest.split(";")[0]
            if "Expires=Thu, 01 Jan 1970" in cookie:
                self.cookies.pop(name.strip(), None)
            else:
                self.cookies[name.strip()] = value


def state_of(url: str) -> str:
    """The state parameter of a URL."""
    return parse_qs(urlsplit(url).query)["state"][0]


def at_slack(browser: Browser, bot_url: str, team_id: str) -> Page:
    """Open the install page, press its button and pick the workspace (or org) on Slack's page: Slack's redirect."""
    page = browser.get(f"{bot_url}/slack/install")
    assert page.status == 200, page.text
    return browser.get(page.link() + "&" + urlencode({"team": team_id}))


def install(browser: Browser, bot_url: str, team_id: str) -> Page:
    """The whole install, as a browser goes through it: the page the bot shows at the end."""
    return browser.get(at_slack(browser, bot_url, team_id).location)
