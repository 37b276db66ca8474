"""How people ask about the yearly evaluation in a DM: how many have answered, and the results."""

from handlers.context import Ctx
from handlers.evaluation.commands import group_results, status
from handlers.intents import Intent
from handlers.replies import Send
from handlers.text import t

STATUS = (
    "utvärderingen",
    "hur många har svarat på utvärderingen",
    "status för utvärderingen",
    "hur går det med enkäten",
    "har alla svarat på enkäten",
    "evaluation status",
)
RESULTS = (
    "resultatet av utvärderingen",
    "utvärderingens resultat",
    "vad svarade vi i utvärderingen",
    "visa resultatet från enkäten",
    "evaluation results",
)


def how_many_answered(ctx: Ctx, args: str) -> list[Send]:
    """How many members have answered the open survey (never who)."""
    return status(ctx)


def results(ctx: Ctx, args: str) -> list[Send]:
    """The group's latest results, protected as in the channel."""
    return group_results(ctx)


def intents() -> tuple[Intent, ...]:
    """What the evaluation answers to in a DM (starting and closing it stay `/lokus utvärdering …`)."""
    return (
        Intent(
            "evaluation.status",
            how_many_answered,
            t("intent.evaluation.status"),
            STATUS,
            words=("utvärdering", "utvardering", "utvärderingen"),
            command="utvärdering status",
            needs_group=True,
        ),
        Intent(
            "evaluation.results",
            results,
            t("intent.evaluation.results"),
            RESULTS,
            words=("utvärdering resultat", "utvardering resultat"),
            command="utvärdering resultat",
            needs_group=True,
        ),
    )
