"""File names every system can save: ASCII, lower case, words joined by hyphens."""

import re
import unicodedata


def slug(name: str, fallback: str = "grupp") -> str:
    """A file-name-safe form of a name: "Enköping/Håbo" → "enkoping-habo" (the fallback when nothing is left)."""
    ascii_name = unicodedata.normalize("NFKD", name.casefold()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-") or fallback
