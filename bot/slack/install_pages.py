"""The pages of the OAuth install in the browser: "Lägg till i Slack", done, and why not – in the bot's language.

The words come from the catalogue (bot/messages/*/install.py); everything on a page is HTML-escaped, the team's
name from Slack too. The pages are never cached and cannot be framed. Nothing a request brought (its state, its
code, an error Slack put in the address) is shown.
"""

import html
from collections.abc import Sequence

from slack_bolt import BoltResponse
from slack_sdk.oauth.installation_store import Installation

from bot.catalogue import Catalogue, load_messages
from handlers.text import Text, t

Headers = dict[str, str | Sequence[str]]
HEADERS: Headers = {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
}
STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;"
    "color:#1d1c1d}a.knapp{display:inline-block;padding:.6rem 1.2rem;border-radius:.3rem;background:#1d4f73;"
    "color:#fff;text-decoration:none;font-weight:600}"
)


class InstallPages:
    """Renders the install, done and failure pages; `install_path` is where "Börja om" leads."""

    def __init__(self, language: str, install_path: str) -> None:
        self.catalogue = Catalogue(language, load_messages(language), escape=lambda s: s)
        self.language = language
        self.install_path = install_path

    def install(self, authorize_url: str) -> str:
        """The "Lägg till i Slack" page, its button leading to Slack's authorize URL."""
        return self._page(t("install.page_title"), t("install.intro"), authorize_url, t("install.button"))

    def done(self, installation: Installation, cookie: str) -> BoltResponse:
        """The page after a successful install, with a link into Slack."""
        team, app = installation.team_id or "", installation.app_id or ""
        if installation.is_enterprise_install:
            text = t("install.done_org", team=installation.enterprise_name or installation.enterprise_id or "")
            base = installation.enterprise_url
            link = f"{base}manage/organization/apps/profile/{app}/workspaces/add" if base and app else "slack://open"
        else:
            text = t("install.done", team=installation.team_name or team)
            link = f"slack://app?team={team}&id={app}" if team and app else "slack://open"
        body = self._page(t("install.done_title"), text, link, t("install.open_slack"))
        return BoltResponse(status=200, body=body, headers={**HEADERS, "Set-Cookie": cookie})

    def failed(self, text: Text, status: int, cookie: str | None = None) -> BoltResponse:
        """A page saying why nothing was installed, with a way to start again."""
        body = self._page(t("install.failed_title"), text, self.install_path, t("install.start_over"))
        headers: Headers = {**HEADERS, "Set-Cookie": cookie} if cookie else dict(HEADERS)
        return BoltResponse(status=status, body=body, headers=headers)

    def _page(self, title: Text, text: Text, href: str, link: Text) -> str:
        words = self._words
        return (
            f'<!DOCTYPE html>\n<html lang="{self.language}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{words(title)}</title>'
            f"<style>{STYLE}</style></head><body><h1>{words(title)}</h1><p>{words(text)}</p>"
            f'<p><a class="knapp" href="{html.escape(href, quote=True)}">{words(link)}</a></p></body></html>\n'
        )

    def _words(self, text: Text) -> str:
        return html.escape(self.catalogue.render(text))
