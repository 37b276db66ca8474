"""Svenska: hela katalogen, samlad från en modul per funktion."""

from bot.messages.sv import cases, cli, meetings, plans, platform, summaries

MESSAGES: dict[str, str] = {}
for _module in (platform, cases, meetings, summaries, plans, cli):
    MESSAGES.update(_module.MESSAGES)
