"""Whose cases a person may work with: members of a group, or the förbund role for the whole workspace."""

from collections.abc import Sequence

from handlers import access
from handlers.context import Ctx
from handlers.errors import DomainError, NotAMember
from handlers.replies import Send, To, say, to_requester, to_user
from handlers.text import Text
from storage import cases as repo
from storage import groups as group_repo
from storage.case_models import Case
from storage.conversations import DM, ConversationKey
from storage.models import Group


def case_groups(ctx: Ctx) -> Sequence[Group]:
    """The channel's group in a linked channel (members only), else every group the person may see."""
    if ctx.actor.channel_id:
        group = group_repo.find_group_by_channel(
            ctx.session, team_id=ctx.actor.team_id, channel_id=ctx.actor.channel_id
        )
        if group is not None:
            access.require_member(ctx, group)
            return [group]
        access.refuse_if_elsewhere(ctx)
    groups = access.visible_groups(ctx)
    if not groups:
        raise NotAMember("case.no_groups")
    return groups


def require_group(ctx: Ctx, group_id: int) -> Group:
    """The group, when it is of the person's workspace and they are a member of it or have the förbund role."""
    group = ctx.session.get(Group, group_id)
    if group is None:
        raise NotAMember("case.no_access")
    access.require_member(ctx, group)
    return group


def require_case(ctx: Ctx, case_id: int) -> tuple[Case, Group]:
    """The case and its group, when the person may see the group's cases."""
    case = repo.get_case(ctx.session, case_id=case_id)
    if case is None:
        raise DomainError("case.not_found")
    return case, require_group(ctx, case.group_id)


def dm_key(ctx: Ctx) -> ConversationKey:
    """The person's DM with the bot, where case conversations run so the channel stays quiet."""
    return ConversationKey(ctx.actor.team_id, ctx.actor.user_id, DM, "")


def via_dm(ctx: Ctx, sends: list[Send], notice: Text) -> list[Send]:
    """Sends meant for the DM: as they are in the DM, or as DMs plus a private notice in a channel."""
    if ctx.actor.in_dm:
        return sends
    moved = (send if send.to == To.HOME else to_user(send.reply, ctx.actor.user_id) for send in sends)
    return [to_requester(say(notice)), *moved]
