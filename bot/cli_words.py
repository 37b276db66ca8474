"""The `lokusbot` command's words in the bot's language, argparse's own included ("usage:", "options", -h).

argparse translates its strings through a module-level `_` (gettext); `use_language` points that at the
catalogue's `argparse.*` texts, so `lokusbot --help` and its errors read in Swedish (English with LANGUAGE=en).
"""

import argparse
import os
from typing import Any

from bot.catalogue import LANGUAGES, Catalogue, load_messages
from handlers.text import t

ARGPARSE_KEYS = {
    "usage: ": "argparse.usage",
    "positional arguments": "argparse.positionals",
    "options": "argparse.options",
    "show this help message and exit": "argparse.help",
    "subcommands": "argparse.subcommands",
    "%(prog)s: error: %(message)s\n": "argparse.error",
    "argument %(argument_name)s: %(message)s": "argparse.argument",
    "the following arguments are required: %s": "argparse.required",
    "one of the arguments %s is required": "argparse.one_required",
    "unrecognized arguments: %s": "argparse.unrecognized",
    "invalid choice: %(value)r (choose from %(choices)s)": "argparse.invalid_choice",
    "invalid %(type)s value: %(value)r": "argparse.invalid_value",
    "expected one argument": "argparse.expected_one",
    "expected at most one argument": "argparse.expected_at_most_one",
    "expected at least one argument": "argparse.expected_at_least_one",
    "ambiguous option: %(option)s could match %(matches)s": "argparse.ambiguous",
    "not allowed with argument %s": "argparse.not_allowed",
    "can't open '%(filename)s': %(error)s": "argparse.cannot_open",
}
_catalogue = [Catalogue("sv", load_messages("sv"), escape=lambda s: s)]


def language_from_environment() -> str:
    """The language the command should speak before settings are read: LANGUAGE, else Swedish."""
    language = os.environ.get("LANGUAGE", "sv").split(":")[0].split("_")[0].casefold()
    return language if language in LANGUAGES else "sv"


def use_language(language: str) -> None:
    """Speak `language` from now on, argparse included."""
    messages = load_messages(language)
    _catalogue[0] = Catalogue(language, messages, escape=lambda s: s)
    argparse._ = lambda text: messages.get(ARGPARSE_KEYS.get(text, ""), text)  # type: ignore[attr-defined]


def say(key: str, **params: Any) -> str:
    """A catalogue text for the command line."""
    return _catalogue[0].render(t(key, **params))
