"""Clean text at the door: characters no file format, database or calendar can hold never come in.

Removed: control characters (C0 and C1, and DEL) except tab and line feed; a carriage return becomes a line feed
(CR LF one line feed); Unicode noncharacters (U+FDD0-U+FDEF and the last two code points of every plane, U+FFFE
and U+FFFF among them); lone surrogates (a string decoded with errors="surrogateescape" or JSON's "\\ud800").
Everything else a person can type stays as typed, in its composed form (NFC): an "ö" written as "o" and a
combining diaeresis, as text pasted from some programs is, is "ö", so "/lokus möte" and "Försäkringskassan" are
understood. Both front doors (Slack and the console), the command line and imported files clean what they
receive; the exports clean again, so rows stored before this still export.
"""

import re
import unicodedata
from typing import Any

_NONCHARACTERS = "".join(f"{chr(plane + 0xFFFE)}{chr(plane + 0xFFFF)}" for plane in range(0x10000, 0x110000, 0x10000))
_UNWANTED = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff" + _NONCHARACTERS + "]"
)
_RETURNS = re.compile("\r\n?")


def clean_text(text: str) -> str:
    """The text without the characters described above, carriage returns made line feeds, composed (NFC)."""
    if "\r" in text:
        text = _RETURNS.sub("\n", text)
    text = _UNWANTED.sub("", text)
    return text if text.isascii() or unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def clean_value(value: Any) -> Any:
    """A submitted value cleaned: a string, or the strings in a list, tuple or dict (keys too); others as they are."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list | tuple):
        return type(value)(clean_value(item) for item in value)
    if isinstance(value, dict):
        return {clean_value(key): clean_value(item) for key, item in value.items()}
    return value
