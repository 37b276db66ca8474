"""English: the whole catalogue, gathered from one module per feature."""

from bot.messages.en import cases, cli, conversations, insatser, install, meetings, plans, platform, roles, summaries

MESSAGES: dict[str, str] = {}
for _module in (platform, roles, conversations, cases, meetings, summaries, plans, insatser, cli, install):
    MESSAGES.update(_module.MESSAGES)
