"""Assembles the product: every feature's commands, flows and actions in one router."""

from handlers import evaluation, groups, meetings, my_data, plans, retention, roles
from handlers.cases import feature as cases
from handlers.context import Config
from handlers.home import feature as home
from handlers.insats import feature as insatser
from handlers.intents import Intent
from handlers.router import Command, Feature, Router
from handlers.summaries import automatic
from handlers.summaries import commands as summaries
from handlers.text import t

GROUP_OVERVIEW = (
    "gruppen",
    "medlemmar",
    "vilka är med i gruppen",
    "visa gruppen",
    "gruppens medlemmar",
    "vilka parter saknas",
    "members",
)


def build_router(config: Config | None = None) -> Router:
    """The router with every feature the bot has (the config names the evaluation's survey file)."""
    return Router(
        [
            _platform(),
            cases.feature(),
            meetings.feature(),
            summaries.feature(previous_meeting=automatic.previous_meeting),
            Feature(ticks=(automatic.due_summaries,)),
            plans.feature(),
            evaluation.feature(config or Config()),
            insatser.feature(),
            _group_intents(),
            home.feature(),
            _records(),
        ]
    )


def _group_intents() -> Feature:
    """Asking about one's group in a DM (last, so DM help lists it after the features)."""
    return Feature(
        intents=(
            Intent(
                "group.overview",
                groups.show_group,
                t("intent.group.overview"),
                GROUP_OVERVIEW,
                words=("grupp", "gruppen", "group"),
                command="grupp",
                needs_group=True,
            ),
        ),
    )


MY_DATA = (
    "mina uppgifter",
    "vad sparar du om mig",
    "vad vet du om mig",
    "mina personuppgifter",
    "vilka uppgifter har du om mig",
    "registerutdrag",
    "my data",
)


def _records() -> Feature:
    """A person's own data, and the daily retention job (handlers/my_data.py, handlers/retention.py).

    `/lokus mina uppgifter` is an intent, not a command word: "mina" begins other wishes too (*mina ärenden*).
    """
    return Feature(
        intents=(
            Intent(
                "records.mine",
                my_data.my_data,
                t("intent.records.mine"),
                MY_DATA,
                words=("mina uppgifter", "my data"),
                command="mina uppgifter",
            ),
        ),
        ticks=(retention.daily,),
    )


def _platform() -> Feature:
    return Feature(
        commands=(
            Command("koppla", groups.link, t("help.koppla"), words=("link",)),
            Command("medlem", groups.add_member, t("help.medlem"), words=("member",)),
            Command("grupp", groups.show_group, t("help.grupp"), words=("group",)),
            Command("förbund", roles.forbund_command, t("help.förbund"), words=("forbund", "förbundet")),
        )
    )
