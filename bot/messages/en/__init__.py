"""English: the whole catalogue, gathered from one module per feature."""

from bot.messages.en import platform

MESSAGES: dict[str, str] = {}
for _module in (platform,):
    MESSAGES.update(_module.MESSAGES)
