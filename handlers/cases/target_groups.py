"""A group's own list of target groups (målgrupper), the choices its cases are registered with.

    /lokus målgrupper                          the list, numbered
    /lokus målgrupper lägg till Unga vuxna     a new one (a known one, e.g. "nyanlända", is taken as such)
    /lokus målgrupper ta bort 3                take one off the list (by number or name)

Until a group changes it, the list is the förbund's defaults. A target group taken off the list is kept,
marked retired, so the group's older cases keep their name in summaries, exports and imports.
"""

import re
import unicodedata
from typing import Any

from handlers import access
from handlers.cases.vocabulary import (
    TARGET_GROUPS,
    Term,
    group_target_groups,
    label,
    lookup,
    named_target_groups,
    normalize,
)
from handlers.context import Ctx
from handlers.errors import DomainError
from handlers.groups import lock_settings, save_setting
from handlers.identity import find_identity
from handlers.numbers import whole_number
from handlers.replies import Note, Paragraph, Send, reply, say, to_channel, to_requester
from handlers.text import Join, Mention, t
from storage.models import Group

SETTING = "target_groups"
LABEL_LIMIT = 60
ADD_WORDS = ("lägg till", "lagg till", "add")
REMOVE_WORDS = ("ta bort", "bort", "remove")
NOT_IN_NAMES = re.compile(r"[;,\n]")


def target_groups_command(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus målgrupper [lägg till <namn> | ta bort <nummer eller namn>]`."""
    group = access.channel_group(ctx)
    words = " ".join(args.split())
    for prefixes, change in ((ADD_WORDS, _add), (REMOVE_WORDS, _remove)):
        prefix = next((p for p in prefixes if words.casefold().startswith(p + " ")), None)
        if prefix is not None:
            access.require_manager(ctx, group)
            return change(ctx, lock_settings(ctx, group), words[len(prefix) :].strip())
    if words:
        raise DomainError("target.usage")
    access.require_member(ctx, group)
    return [
        to_requester(
            reply(Paragraph(t("target.list", group=group.name, items=_numbered(group))), Note(t("target.hint")))
        )
    ]


def _add(ctx: Ctx, group: Group, name: str) -> list[Send]:
    if not name or len(name) > LABEL_LIMIT:
        raise DomainError("target.name_usage", limit=LABEL_LIMIT)
    if NOT_IN_NAMES.search(name):
        raise DomainError("target.separator")  # the case log separates target groups with them
    if find_identity(name) is not None:
        raise DomainError("target.identity")
    if lookup(group_target_groups(group.settings), name) is not None:
        raise DomainError("target.already", name=name, group=group.name)
    entries = _entries(group)
    retired = next(
        (
            e
            for e in entries
            if isinstance(e, dict)
            and e.get("retired")
            and lookup(named_target_groups({SETTING: [e]}), name) is not None
        ),
        None,
    )
    known = lookup(TARGET_GROUPS, name)
    if retired is not None:  # back on the list under its old code, so its older cases count with the new
        entry: Any = {k: v for k, v in retired.items() if k != "retired"}
        entries = [e for e in entries if e is not retired]
        entry = entry if entry.get("label") else entry["code"]
    elif known is not None:
        entry = known
    else:
        entry = {"code": _own_code(name, {_code(e) for e in entries}), "label": name}
    save_setting(ctx, group, SETTING, [*entries, entry])
    added = label(
        "target_group", next(term for term in group_target_groups(group.settings) if term.code == _code(entry))
    )
    return [to_channel(say(t("target.added", name=added, group=group.name, user=Mention(ctx.actor.user_id))))]


def _remove(ctx: Ctx, group: Group, which: str) -> list[Send]:
    current = group_target_groups(group.settings)
    number = whole_number(which)
    code = current[number - 1].code if number is not None and 1 <= number <= len(current) else lookup(current, which)
    if code is None:
        raise DomainError("target.unknown", given=which, group=group.name)
    if len(current) == 1:
        raise DomainError("target.last_one")
    removed = label("target_group", next(term for term in current if term.code == code))
    entries = [_retired(e) if _code(e) == code else e for e in _entries(group)]
    save_setting(ctx, group, SETTING, entries)
    return [to_channel(say(t("target.removed", name=removed, group=group.name, user=Mention(ctx.actor.user_id))))]


def _entries(group: Group) -> list[Any]:
    """The stored list, or the defaults written out as the group's own when it has none yet."""
    stored = list((group.settings or {}).get(SETTING) or ())
    return stored or [term.code for term in TARGET_GROUPS]


def _retired(entry: Any) -> dict[str, Any]:
    if isinstance(entry, dict):
        return {**entry, "retired": True}
    return {"code": entry, "retired": True}


def _code(entry: Any) -> str:
    return str(entry["code"]) if isinstance(entry, dict) else str(entry)


def _own_code(name: str, taken: set[str]) -> str:
    """A stable code for a group's own target group: "Unga vuxna 18–25" → "egen_unga_vuxna_18_25"."""
    ascii_name = unicodedata.normalize("NFKD", normalize(name)).encode("ascii", "ignore").decode()
    base = "egen_" + (re.sub(r"[^a-z0-9]+", "_", ascii_name).strip("_") or "malgrupp")[:40]
    code, number = base, 2
    while code in taken:
        code, number = f"{base}_{number}", number + 1
    return code


def _numbered(group: Group) -> Join:
    terms: tuple[Term, ...] = group_target_groups(group.settings)
    return Join(
        tuple(t("target.item", number=n, name=label("target_group", term)) for n, term in enumerate(terms, start=1)),
        sep="\n",
    )
