"""Words the user will read, as catalogue keys with parameters; the front door renders them in the user's language.

Handlers never write Swedish or English sentences themselves: they say `t("group.linked", name=...)` and the
catalogue in bot/messages decides the wording. String parameters are user text and are escaped when rendered.

No text the bot says quotes identity: a string parameter (also one in a Join or a Listing) that holds a
personnummer, phone number or e-mail address is replaced by a note that what was written is not shown ("Jag
känner inte igen ”0701234567”" becomes "Jag känner inte igen ”(det du skrev visas inte …)”"). Plain text is the
bot's own.

Plurals are the catalogue's: `{count|rad|rader}` in a text is the first word when the parameter `count` is 1 and
the second otherwise ("{count} {count|rad|rader}" → "1 rad", "2 rader"). Lists in a sentence are `Listing`.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from handlers.identity import find_identity


@dataclass(frozen=True)
class Text:
    """A catalogue key and its parameters."""

    key: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Mention:
    """A Slack user, shown as a mention in Slack and as a name in the console."""

    user_id: str


@dataclass(frozen=True)
class Plain:
    """Text from the bot itself (already safe), shown as it is, never escaped again."""

    value: str


@dataclass(frozen=True)
class Join:
    """Several pieces shown after each other with a separator."""

    items: tuple[Any, ...]
    sep: str = ", "


@dataclass(frozen=True)
class Listing:
    """Items read as a list in a sentence: "AF, FK och Region" ("AF, FK and Region"); `word` "or" for a choice."""

    items: tuple[Any, ...]
    word: str = "and"


def t(key: str, /, **params: Any) -> Text:
    """A catalogue text; string parameters holding identity are replaced by a note that they are not shown."""
    return Text(key, {name: _unidentified(value) for name, value in params.items()})


def _unidentified(value: Any) -> Any:
    if isinstance(value, str):
        return Text("identity.not_shown") if value and find_identity(value) is not None else value
    if isinstance(value, Join):
        return Join(tuple(_unidentified(item) for item in value.items), value.sep)
    if isinstance(value, Listing):
        return Listing(tuple(_unidentified(item) for item in value.items), value.word)
    return value
