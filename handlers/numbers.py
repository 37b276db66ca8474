"""Reading a whole number someone typed after a command word."""

import re

WHOLE = re.compile(r"\d{1,6}", re.ASCII)


def whole_number(text: str) -> int | None:
    """The number when the text is just a whole number in ASCII digits ("5"), else None ("fem", "²", "-2")."""
    word = text.strip()
    return int(word) if WHOLE.fullmatch(word) else None
