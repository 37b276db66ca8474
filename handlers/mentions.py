"""Reading the `<@U123|name>` mentions Slack puts in slash-command text."""

import re

from handlers.errors import DomainError

MENTION = re.compile(r"^<@([A-Z0-9][A-Z0-9_-]*)(?:\|[^>]*)?>$")


def parse_mention(word: str) -> str:
    """The user id of a mention; a plain name is refused with a hint to use @."""
    match = MENTION.match(word.strip())
    if match is None:
        raise DomainError("mention.expected", given=word)
    return match.group(1)
