"""Svenska: hela katalogen, samlad från en modul per funktion."""

from bot.messages.sv import cases, cli, conversations, install, meetings, plans, platform, roles, summaries

MESSAGES: dict[str, str] = {}
for _module in (platform, roles, conversations, cases, meetings, summaries, plans, cli, install):
    MESSAGES.update(_module.MESSAGES)
