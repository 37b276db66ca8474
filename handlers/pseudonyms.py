"""The stable pseudonym that stands for a person erased from the records: "tidigare ledamot, Försäkringskassan".

Stored where their Slack id was (it fits the id columns: at most 32 characters), the same one everywhere for one
erasure, so a plan's approvals, a meeting's RSVPs and the audit log still agree with each other about who did
what, without naming anyone. Rendering (`former_text`) turns it into words from the catalogue.
"""

import re
import secrets

from handlers.parties import Party
from handlers.text import Text, t

PREFIX = "former-"
PATTERN = re.compile(r"^former-(af|fk|region|kommun|none)-[0-9a-f]{8}$")
IN_TEXT = re.compile(r"<@(former-(?:af|fk|region|kommun|none)-[0-9a-f]{8})>")
"""A pseudonym where erasure replaced a mention in free text (minutes, a plan's answer)."""


def make_pseudonym(party: str | None) -> str:
    """A new pseudonym for a person of the party (None or an unknown party: a former member of no party)."""
    known = party if party in {p.value for p in Party} else "none"
    return f"{PREFIX}{known}-{secrets.token_hex(4)}"


def is_pseudonym(value: str) -> bool:
    """Whether a stored user id is a pseudonym."""
    return bool(PATTERN.match(value))


def former_text(pseudonym: str) -> Text:
    """How the pseudonym reads: "tidigare ledamot, Försäkringskassan" (or just "tidigare ledamot")."""
    match = PATTERN.match(pseudonym)
    party = match.group(1) if match else "none"
    if party == "none":
        return t("person.former")
    return t("person.former_of", party=t(f"party.{party}"))
