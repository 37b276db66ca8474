"""English: the whole catalogue, gathered from one module per feature."""

from bot.messages.en import cases, cli, conversations, install, meetings, plans, platform, roles, summaries

MESSAGES: dict[str, str] = {}
for _module in (platform, roles, conversations, cases, meetings, summaries, plans, cli, install):
    MESSAGES.update(_module.MESSAGES)
