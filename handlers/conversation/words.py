"""The words people type to steer a conversation, and to say yes or no, in Swedish and English.

These are what people write, not what they read (that is the catalogue's): "japp", "nej tack", "1" beside
*Ja*, "ändra kön till man", "kön: man".
"""

import re
from dataclasses import dataclass
from enum import StrEnum


class Command(StrEnum):
    """What a control word asks the engine to do."""

    CANCEL = "cancel"
    BACK = "back"
    SKIP = "skip"
    HELP = "help"
    RESUME = "resume"
    SAVE = "save"


COMMANDS = {
    "avbryt": Command.CANCEL,
    "avsluta": Command.CANCEL,
    "cancel": Command.CANCEL,
    "tillbaka": Command.BACK,
    "back": Command.BACK,
    "bakåt": Command.BACK,
    "hoppa över": Command.SKIP,
    "hoppa": Command.SKIP,
    "skip": Command.SKIP,
    "hjälp": Command.HELP,
    "help": Command.HELP,
    "?": Command.HELP,
    "fortsätt": Command.RESUME,
    "fortsätta": Command.RESUME,
    "fortsatt": Command.RESUME,
    "continue": Command.RESUME,
    "spara": Command.SAVE,
    "save": Command.SAVE,
}
YES = frozenset(
    {
        "ja",
        "j",
        "japp",
        "jepp",
        "jo",
        "jadå",
        "jajamän",
        "jajamensan",
        "javisst",
        "ja visst",
        "ja tack",
        "ja gärna",
        "ja det stämmer",
        "det stämmer",
        "stämmer",
        "absolut",
        "självklart",
        "visst",
        "gärna",
        "precis",
        "korrekt",
        "ok",
        "okej",
        "yes",
        "y",
        "yep",
        "yeah",
        "sure",
    }
)
NO = frozenset(
    {
        "nej",
        "n",
        "nä",
        "näe",
        "nää",
        "nix",
        "nej tack",
        "nejdå",
        "nej då",
        "nej inte",
        "absolut inte",
        "inte alls",
        "inte",
        "icke",
        "aldrig",
        "stämmer inte",
        "det stämmer inte",
        "nej det stämmer inte",
        "no",
        "nope",
        "nah",
    }
)
# "ändra kön till man", "ändra 3 till kvinna", "ändra organisation: Region Uppsala", "change gender to man"
CHANGE_TO = re.compile(
    r"^(?:ändra|byt|change)\s+(?P<which>.+?)\s*(?:\btill\b|\bto\b|:|=)\s*(?P<value>.+)$", re.IGNORECASE | re.DOTALL
)
# "ändra", "ändra 3", "ändra kön"
CHANGE = re.compile(r"^(?:ändra|byt|change)\b\s*(?P<which>.*)$", re.I)
# "kön: man", "organisation = Region Uppsala" (at the confirmation only)
LABELLED = re.compile(r"^(?P<which>[^:=\n]{1,40}?)\s*[:=]\s*(?P<value>.+)$", re.S)


def normalised(text: str) -> str:
    """Text as compared with the words: lower case, single spaces, no closing punctuation."""
    return " ".join(text.casefold().split()).strip(" .!,")


def command_in(text: str) -> Command | None:
    """The control word the text is, if it is one."""
    return COMMANDS.get(normalised(text))


def yes_or_no(text: str, *, numbers: bool) -> bool | None:
    """True for yes, False for no, None for neither; with numbers, "1" is yes and "2" no, as the bot shows them."""
    word = normalised(text).rstrip(")")
    if numbers and word in ("1", "2"):
        return word == "1"
    if word in YES:
        return True
    if word in NO:
        return False
    return None


_LEADING_NO = re.compile(r"^\s*(?:nej|nä|näe|nope|no)\b[\s,.!:;–-]+(?=\S)", re.IGNORECASE)


def correction(text: str) -> str | None:
    """What follows a leading no ("nej, kl 15" → "kl 15"), or None when the text does not begin with one."""
    found = _LEADING_NO.match(text)
    return text[found.end() :].strip() if found else None


@dataclass(frozen=True)
class Change:
    """A change someone typed: which answer ("kön", "3"), and the new value when they gave one."""

    which: str
    value: str | None


def change_in(text: str, *, labelled: bool) -> Change | None:
    """The change the text asks for, if it is one; `labelled` also reads "kön: man"."""
    stripped = text.strip()
    found = CHANGE_TO.match(stripped)
    if found:
        return Change(found.group("which").strip(), found.group("value").strip())
    found = CHANGE.match(stripped)
    if found:
        return Change(found.group("which").strip(), None)
    found = LABELLED.match(stripped) if labelled else None
    if found:
        return Change(found.group("which").strip(), found.group("value").strip())
    return None
