"""Words the user will read, as catalogue keys with parameters; the front door renders them in the user's language.

Handlers never write Swedish or English sentences themselves: they say `t("group.linked", name=...)` and the
catalogue in bot/messages decides the wording. String parameters are user text and are escaped when rendered.

Plurals are the catalogue's: `{count|rad|rader}` in a text is the first word when the parameter `count` is 1 and
the second otherwise ("{count} {count|rad|rader}" → "1 rad", "2 rader"). Lists in a sentence are `Listing`.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


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
    """A catalogue text."""
    return Text(key, params)
