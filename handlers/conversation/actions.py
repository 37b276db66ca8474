"""Action ids of the conversation engine's buttons and menus."""

from enum import StrEnum


class ConvAction(StrEnum):
    """Every action the engine puts on a message; values are "question|option" where a question is meant."""

    CHOOSE = "conv.choose"
    TOGGLE = "conv.toggle"
    DONE = "conv.done"
    DEFAULT = "conv.default"
    SKIP = "conv.skip"
    BACK = "conv.back"
    SAVE = "conv.save"
    CHANGE = "conv.change"
    CHANGE_PICK = "conv.change_pick"
    CANCEL = "conv.cancel"
    PLACE = "conv.place"
    OFFER = "conv.offer"
    RESUME = "conv.resume"


class OfferChoice(StrEnum):
    """The answers to "continue with the conversation you began, or begin the new one?"."""

    KEEP = "keep"
    SET_ASIDE = "aside"
    END = "end"


SEPARATOR = "|"
KEEP_EARLIER = "earlier"  # the option of the "Behåll …" button: the answer the question had before it was asked again


def pack(question_key: str, value: str = "") -> str:
    """A button value naming the question it answers."""
    return f"{question_key}{SEPARATOR}{value}"


def unpack(value: str) -> tuple[str, str]:
    """The question key and option value from a button value."""
    key, _, option = value.partition(SEPARATOR)
    return key, option
