"""The security suite: attacks and careless input through the real app (signed HTTP, fake Slack) and handlers.

It reuses the end-to-end harness of tests/bot: the `bot` fixture serves lokusbot over loopback HTTP against a
local fake Slack Web API, on SQLite and PostgreSQL.
"""

from tests.bot.conftest import SIGNING_SECRET, Bot, bot, fake_slack, oauth_bot, serve_bot, serve_wsgi

__all__ = ["SIGNING_SECRET", "Bot", "bot", "fake_slack", "oauth_bot", "serve_bot", "serve_wsgi"]
