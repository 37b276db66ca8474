"""How people ask about the yearly evaluation in a DM: how many have answered, and the results."""

from handlers.context import Ctx
from handlers.evaluation.commands import (
    CLOSE_WORDS,
    RESULT_WORDS,
    START_WORDS,
    STATUS_WORDS,
    evaluation_command,
    group_results,
)
from handlers.intents import Argument, Intent
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


def evaluation(ctx: Ctx, args: str) -> list[Send]:
    """How many members have answered the open survey (never who); "utvärdering <what>" in the DM is
    `/lokus utvärdering <what>` (starta, avsluta, resultat …, with the same rights). Other words left over from
    an everyday phrasing ("hur många har svarat") are no subcommand: the status."""
    first = args.split(maxsplit=1)[0].casefold() if args.strip() else ""
    subcommand = first in (*START_WORDS, *STATUS_WORDS, *CLOSE_WORDS, *RESULT_WORDS)
    return evaluation_command(ctx, args if subcommand else "")


def results(ctx: Ctx, args: str) -> list[Send]:
    """The group's latest results, protected as in the channel."""
    return group_results(ctx)


def intents() -> tuple[Intent, ...]:
    """What the evaluation answers to in a DM."""
    return (
        Intent(
            "evaluation.status",
            evaluation,
            t("intent.evaluation.status"),
            STATUS,
            words=("utvärdering", "utvardering", "utvärderingen", "evaluation"),
            command="utvärdering status",
            needs_group=True,
            argument=Argument.REST,
        ),
        Intent(
            "evaluation.results",
            results,
            t("intent.evaluation.results"),
            RESULTS,
            command="utvärdering resultat",
            needs_group=True,
        ),
    )
