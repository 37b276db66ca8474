"""The role matrix's rows for a person's records (issue 16): `/lokus mina uppgifter`, which anyone may ask about
themselves, and `/lokus medlem bort @x --glöm`, which only the förbund of the workspace may use."""

from collections.abc import Callable
from typing import Any

from bot.catalogue import load_messages
from storage.groups import upsert_member
from storage.models import Group
from tests.security.matrix import Cell, Outcome, Row, _fixed_part, changes, everyone, in_db
from tests.support.signing import Response


def slash(text: str | Callable[[Cell], str]) -> Callable[[Cell], Response]:
    """`/lokus <text>` in the cell's channel."""
    return lambda cell: cell.sim.slash_command(cell.user, cell.channel, text(cell) if callable(text) else text)


def dm(text: str) -> Callable[[Cell], Response]:
    """A direct message to the bot."""
    return lambda cell: cell.sim.dm_message(cell.user, text)


def _spare_back(session: Any, cell: Cell) -> None:
    group = session.get(Group, cell.target.group_id)
    upsert_member(session, group=group, user_id=cell.target.spare, party="region", roles=["ledamot"])


def _forbund_here(role: str, scope: str) -> bool:
    """The förbund of the workspace the person to forget is in."""
    return role == "förbund" and scope != "otherws"


def _told_what_is_kept(cell: Cell, outcome: Outcome) -> bool:
    return "Dina uppgifter i lokusbot" in outcome.text or "Jag sparar ingenting" in outcome.text


MESSAGES = load_messages("sv")
RECORDS = [
    Row("dm:records.mine", "mina uppgifter", slash("mina uppgifter"), everyone, _told_what_is_kept),
    Row("dm:records.mine", "DM vad sparar du om mig", dm("vad sparar du om mig"), everyone, _told_what_is_kept),
    Row(
        "command:medlem",
        "medlem bort --glöm",
        slash(lambda c: f"medlem bort <@{c.target.spare}|s> --glöm"),
        _forbund_here,
        changes("members", "audit_log"),
        in_db(_spare_back),
        also_kind=tuple(_fixed_part(MESSAGES[key]) for key in ("erase.forbund_only", "erase.unknown_here")),
    ),
]
