"""Finding an insats the person may see, which group a command is about, and what state an insats is in."""

from collections.abc import Sequence
from datetime import date
from typing import Any

from handlers import access
from handlers.context import Ctx
from handlers.errors import DomainError, NotAllowed
from handlers.ids import row_id
from handlers.text import Text, t
from storage import audit
from storage import insatser as repo
from storage import roles as roles_repo
from storage.conversations import DM, ConversationKey
from storage.insats_models import DECIDED, DRAFT, GRANTED, REJECTED, SUBMITTED, Insats
from storage.models import Group


def audited(ctx: Ctx, insats: Insats, action: str, detail: dict[str, Any]) -> None:
    """An audit entry about the insats, by whoever asked."""
    audit.record(
        ctx.session,
        team_id=ctx.actor.team_id,
        user_id=ctx.actor.user_id,
        action=action,
        entity="insats",
        entity_id=insats.id,
        detail=detail,
    )


def load_insats(ctx: Ctx, insats_id: int | None) -> Insats:
    """The insats, when the person is a member of its group (or has the förbund role of its workspace)."""
    insats = repo.get_insats(ctx.session, insats_id=insats_id) if insats_id is not None else None
    if insats is None:
        raise DomainError("insats.not_found")
    access.require_member(ctx, insats.group)
    return insats


def insats_by_number(ctx: Ctx, word: str) -> Insats:
    """The insats a command names by its number ("#3" or "3")."""
    return load_insats(ctx, row_id(word.strip().lstrip("#")))


def require_undecided(insats: Insats) -> None:
    """A decided insats is only followed up, never changed."""
    if insats.status in DECIDED:
        raise DomainError("insats.decided", name=insats.name)


def require_forbund(ctx: Ctx, insats: Insats) -> None:
    """Only the förbund role of the insats's workspace decides."""
    access.require_workspace(ctx, insats.group)
    if not access.is_forbund(ctx):
        raise NotAllowed("insats.forbund_only")


def command_group(ctx: Ctx) -> Group:
    """The group a command is about: the channel's, else the person's only group (a DM)."""
    if ctx.actor.channel_id or ctx.group_id is not None:
        group = access.channel_group(ctx)
        access.require_member(ctx, group)
        return group
    groups: Sequence[Group] = access.visible_groups(ctx)
    if len(groups) != 1:
        raise DomainError("insats.which_group" if groups else "insats.no_groups")
    return groups[0]


def dm_key(ctx: Ctx) -> ConversationKey:
    """The person's DM with the bot, where the insats conversations run."""
    return ConversationKey(ctx.actor.team_id, ctx.actor.user_id, DM, "")


def status_of(insats: Insats, today: date) -> str:
    """utkast, inskickad, beviljad, avslagen, pågår or avslutad (a granted insats by the day)."""
    if insats.status == DRAFT:
        return "utkast"
    if insats.status == SUBMITTED:
        return "inskickad"
    if insats.status == REJECTED:
        return "avslagen"
    assert insats.status == GRANTED
    if today > insats.ends_on:
        return "avslutad"
    return "pagar" if today >= insats.starts_on else "beviljad"


def status_text(insats: Insats, today: date) -> Text:
    """The status as people read it."""
    return t(f"insats.status.{status_of(insats, today)}")


def channel_of(group: Group) -> str:
    """The group's channel, or nothing when it has none."""
    return group.channel_id or ""


def forbund_users(ctx: Ctx, group: Group) -> list[str]:
    """Who holds the förbund role of the group's workspace."""
    return [r.user_id for r in roles_repo.forbund_holders(ctx.session, workspace=group.workspace)]
