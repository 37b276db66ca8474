"""Svenska: hela katalogen, samlad från en modul per funktion."""

from bot.messages.sv import platform

MESSAGES: dict[str, str] = {}
for _module in (platform,):
    MESSAGES.update(_module.MESSAGES)
