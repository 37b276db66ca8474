"""Assembles the product: every feature's commands, flows and actions in one router."""

from handlers import groups
from handlers.router import Command, Feature, Router
from handlers.text import t


def build_router() -> Router:
    """The router with every feature the bot has."""
    return Router([_platform()])


def _platform() -> Feature:
    return Feature(commands=(
        Command("koppla", groups.link, t("help.koppla"), words=("link",)),
        Command("medlem", groups.add_member, t("help.medlem"), words=("member",)),
        Command("grupp", groups.show_group, t("help.grupp"), words=("group",)),
    ))
