"""How people ask for insatser in a DM: a new application, and the group's insatser."""

from handlers.context import Ctx
from handlers.insats import apply
from handlers.intents import Argument, Intent
from handlers.replies import Send
from handlers.text import t

NEW = (
    "ny insats",
    "ny ansökan",
    "ansöka om medel",
    "söka medel från förbundet",
    "skriva en ansökan om en insats",
    "ansök om pengar för en insats",
    "apply for funding",
)
LIST = (
    "insatser",
    "våra insatser",
    "visa insatserna",
    "vilka insatser har vi",
    "hur går det med insatserna",
    "beviljade insatser",
    "our insatser",
)


def new_application(ctx: Ctx, args: str) -> list[Send]:
    """Begin an application for the förbund's money (a manager of the group)."""
    return apply.new_command(ctx, "")


def list_insatser(ctx: Ctx, args: str) -> list[Send]:
    """The group's insatser with their goals; "insatser alla" in the DM is `/lokus insatser alla` (the förbund)."""
    from handlers.insats.feature import ALL_WORDS, insatser_command

    first = args.split(maxsplit=1)[0].casefold() if args.strip() else ""
    return insatser_command(ctx, args if first in ALL_WORDS else "")


def intents() -> tuple[Intent, ...]:
    """What the insatser feature answers to in a DM."""
    return (
        Intent(
            "insats.new",
            new_application,
            t("intent.insats.new"),
            NEW,
            words=("ny insats", "ny ansökan", "ny ansokan"),
            command="insats ny",
            needs_group=True,
        ),
        Intent(
            "insats.list",
            list_insatser,
            t("intent.insats.list"),
            LIST,
            words=("insatser",),
            command="insatser",
            needs_group=True,
            argument=Argument.REST,
        ),
    )
