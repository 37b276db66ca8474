"""English: the whole catalogue, gathered from one module per feature."""

from bot.messages.en import cases, cli, meetings, plans, platform, summaries

MESSAGES: dict[str, str] = {}
for _module in (platform, cases, meetings, summaries, plans, cli):
    MESSAGES.update(_module.MESSAGES)
