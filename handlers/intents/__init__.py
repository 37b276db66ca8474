"""What people can ask the bot for in a DM (or after `/lokus`) in their own words: intents and their phrasings.

Each feature declares its intents next to its code (`handlers/<feature>/intents.py`): a key, the handler, a
label for buttons and help, and example phrasings. One matcher (handlers.intents.matcher) decides which intent
a message means; handlers.intents.understanding says what the bot does with that.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from handlers.context import Ctx
from handlers.replies import Send
from handlers.text import Text

Run = Callable[[Ctx, str], list[Send]]
ArgumentCheck = Callable[[str, datetime], bool]  # (the words after the command word, now): are they its argument?


class Argument(StrEnum):
    """What an intent is handed besides the wish: nothing, the words left over, or the whole message."""

    NONE = "none"
    REST = "rest"
    TEXT = "text"


class IntentAction(StrEnum):
    """Buttons the understanding offers: "Menade du …?" and "Vilken grupp?"."""

    PICK = "intent.pick"
    GROUP = "intent.group"


@dataclass(frozen=True)
class Intent:
    """Something a person can ask for: how it is run and how people say it.

    `words` are command words: a message that is one of them means this intent for sure; when the intent
    takes an `argument`, a message starting with one does too, and the rest is its argument ("sammanfattning Heby
    hösten 2026"). `examples` are everyday phrasings the matcher learns from (fillers, inflection, typos and
    word order need not be spelt out). `command` is the `/lokus` command doing the same, shown in suggestions.
    `needs_group`: in a DM the person's group is found (or asked for) and handed over as `Ctx.group_id`, so a
    channel command works there as well. `argument`: what `run` gets besides the Ctx — nothing (""), the
    words left over after the wish (REST: a time, a period, an agenda point), or the whole message (TEXT).
    `shown`: the examples DM help shows (the first two by default). `interrupts`: whether the words after a
    command word are unmistakably the argument (a time for "boka möte"); only then does such a message
    interrupt an open conversation's question that takes only some words (a choice, a date) – "boka möte tisdag
    kl 13" does, "Möte bokat med AF" does not. `flow`: the flow the intent starts, if one; at that flow's own
    question the words after the command word are the answer ("möte fredag kl 13" at "När ska mötet vara?").
    """

    key: str
    run: Run
    label: Text
    examples: tuple[str, ...]
    words: tuple[str, ...] = ()
    command: str = ""
    needs_group: bool = False
    argument: Argument = Argument.NONE
    shown: tuple[str, ...] = ()
    interrupts: ArgumentCheck | None = None
    flow: str = ""

    @property
    def shown_examples(self) -> tuple[str, ...]:
        """The phrasings shown in DM help."""
        return self.shown or self.examples[:2]
