"""Who may do what: the group of a channel, membership, roles."""

from collections.abc import Sequence

from handlers.context import Ctx
from handlers.errors import NotAllowed, NotAMember, NotLinked
from handlers.parties import Role
from storage import groups as repo
from storage.models import Group, Member

MANAGERS = (Role.SAMMANKALLANDE, Role.SAMORDNARE, Role.FORBUND)


def channel_group(ctx: Ctx) -> Group:
    """The group linked to the channel the request came from (or, in the DM, the group the person chose)."""
    if not ctx.actor.channel_id and ctx.group_id is not None:
        chosen = ctx.session.get(Group, ctx.group_id)
        if chosen is not None and chosen.workspace.team_id == ctx.actor.team_id:
            return chosen
    group = repo.find_group_by_channel(ctx.session, channel_id=ctx.actor.channel_id) if ctx.actor.channel_id else None
    if group is None:
        raise NotLinked("group.not_linked" if ctx.actor.channel_id else "group.need_channel")
    return group


def is_forbund(ctx: Ctx) -> bool:
    """Whether the person has the förbund role somewhere in the workspace (it spans all groups)."""
    return repo.has_role_anywhere(ctx.session, team_id=ctx.actor.team_id, user_id=ctx.actor.user_id, role=Role.FORBUND)


def member_of(ctx: Ctx, group: Group) -> Member | None:
    """The person's membership of the group, if any."""
    return repo.find_member(ctx.session, group=group, user_id=ctx.actor.user_id)


def require_member(ctx: Ctx, group: Group) -> Member | None:
    """Refuse unless the person is a member of the group or has the förbund role."""
    member = member_of(ctx, group)
    if member is None and not is_forbund(ctx):
        raise NotAMember("group.not_member", group=group.name)
    return member


def has_managing_role(ctx: Ctx, group: Group) -> bool:
    """Whether the person is the group's sammankallande or samordnare, or has the förbund role."""
    member = member_of(ctx, group)
    return (member is not None and any(role in member.role_list for role in MANAGERS)) or is_forbund(ctx)


def require_managing_role(ctx: Ctx, group: Group) -> None:
    """Refuse unless the person has a managing role, even in a group nobody manages yet: for what protects
    people in the summaries (the small-number threshold) and what the group's cases are recorded by."""
    if not has_managing_role(ctx, group):
        raise NotAllowed("group.manager_only", group=group.name)


def require_manager(ctx: Ctx, group: Group) -> None:
    """Refuse unless the person may manage the group; a group nobody manages yet is open to its members."""
    managers = [m for m in group.members if any(r in m.role_list for r in MANAGERS)]
    if not group.members:
        return
    member = member_of(ctx, group)
    if managers:
        if (member and member in managers) or is_forbund(ctx):
            return
        raise NotAllowed("group.manager_only", group=group.name)
    if member is None and not is_forbund(ctx):
        raise NotAMember("group.not_member", group=group.name)


def user_groups(ctx: Ctx) -> Sequence[Group]:
    """The groups the person is a member of."""
    return repo.groups_of_user(ctx.session, team_id=ctx.actor.team_id, user_id=ctx.actor.user_id)


def visible_groups(ctx: Ctx) -> Sequence[Group]:
    """The groups the person may see: their own, or all of the workspace for the förbund role."""
    if is_forbund(ctx):
        workspace = repo.get_or_create_workspace(ctx.session, team_id=ctx.actor.team_id)
        return repo.groups_of_workspace(ctx.session, workspace=workspace)
    return user_groups(ctx)
