"""Renders handler texts in the person's language: catalogue lookup, parameters, and mrkdwn escaping."""

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from importlib import import_module
from typing import Any

from handlers.formatting import Amount, Identifier, Percent, format_amount, format_day, format_number, format_percent
from handlers.text import Join, Listing, Mention, Plain, Text

LANGUAGES = ("sv", "en")
PLURAL = re.compile(r"\{(\w+)\|([^{}|]*)\|([^{}|]*)\}")


def choose_plurals(template: str, params: Mapping[str, Any]) -> str:
    """`{count|rad|rader}` as the word for the parameter's number: the first for 1, the second otherwise."""
    return PLURAL.sub(lambda m: m[2] if params.get(m[1]) == 1 else m[3], template)


def escape_mrkdwn(text: str) -> str:
    """Escape the three characters Slack treats as control in mrkdwn, so user text cannot ping or link."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def load_messages(language: str) -> dict[str, str]:
    """The catalogue of a language (unknown languages fall back to Swedish)."""
    name = language if language in LANGUAGES else "sv"
    return dict(import_module(f"bot.messages.{name}").MESSAGES)


@dataclass(frozen=True)
class Catalogue:
    """Turns Text, Mention, Join, dates and user strings into the words shown, for Slack or the console."""

    language: str
    messages: dict[str, str]
    escape: Callable[[str], str] = escape_mrkdwn
    mention: Callable[[str], str] = lambda user_id: f"<@{user_id}>"

    @classmethod
    def for_slack(cls, language: str) -> "Catalogue":
        """Catalogue that escapes user text for mrkdwn and shows mentions as Slack mentions."""
        return cls(language, load_messages(language))

    @classmethod
    def for_console(cls, language: str, name_of: Callable[[str], str]) -> "Catalogue":
        """Catalogue for a terminal: no escaping, mentions as @name."""
        return cls(language, load_messages(language), escape=lambda s: s, mention=lambda u: f"@{name_of(u)}")

    def for_files(self) -> "Catalogue":
        """The same words for files and their titles (CSV, chart, document): user text as written, since no
        mrkdwn reads it there ("Rehab & arbete", not "Rehab &amp; arbete")."""
        return replace(self, escape=lambda s: s)

    def render(self, value: Any) -> str:
        """The words for a value: a catalogue Text, a mention, a join, a date, a number (a count, kronor, a
        percentage, an identifier) in the catalogue's language, or user text."""
        match value:
            case Text(key=key, params=params):
                template = self.messages.get(key)
                if template is None:
                    raise KeyError(f"message {key!r} missing from the {self.language} catalogue")
                chosen = choose_plurals(template, params) if "|" in template else template
                return chosen.format_map({name: self.render(v) for name, v in params.items()})
            case Mention(user_id=user_id):
                return self.mention(user_id)
            case Join(items=items, sep=sep):
                return sep.join(self.render(item) for item in items)
            case Listing(items=items, word=word):
                shown = [self.render(item) for item in items]
                if len(shown) < 2:
                    return "".join(shown)
                return f"{', '.join(shown[:-1])} {self.render(Text(f'list.{word}'))} {shown[-1]}"
            case Plain(value=plain):
                return plain
            case datetime():
                return value.isoformat()
            case date():
                return format_day(value, self.language)
            case bool():
                return self.render(Text("answer.yes" if value else "answer.no"))
            case int() | float() | Decimal():
                return format_number(value, self.language)
            case Amount(kronor=kronor):
                return format_amount(kronor, self.language)
            case Percent(value=share):
                return format_percent(share, self.language)
            case Identifier(value=number):
                return str(number)
            case None:
                return ""
        return self.escape(str(value))


def label_names() -> Callable[[Text, str], str]:
    """How a question's label reads in a language, unescaped ("Kön"), so the engine can find it by name."""

    @cache
    def catalogue(language: str) -> Catalogue:
        return Catalogue(language, load_messages(language), escape=lambda s: s, mention=lambda u: "")

    return lambda label, language: catalogue(language).render(label)
