"""Who may do what: the group of a channel, membership, roles, and the workspace everything belongs to.

Every check reads single rows by key (the person's membership, their förbund role), never a group's member
list. Everything is kept per Slack workspace: a group, and all of its cases, plans and meetings, answer only
to requests from the group's own workspace, whatever channel or id a request names.
"""

from collections.abc import Sequence

from handlers.context import Ctx
from handlers.errors import NotAllowed, NotAMember, NotLinked, OtherWorkspace
from handlers.parties import Role
from storage import groups as repo
from storage import roles as roles_repo
from storage.models import Group, Member

MANAGERS = (Role.SAMMANKALLANDE, Role.SAMORDNARE)


def channel_group(ctx: Ctx) -> Group:
    """The group linked to the channel the request came from (or, in the DM, the group the person chose), in the
    person's own workspace."""
    channel = ctx.actor.channel_id
    if not channel and ctx.group_id is not None:
        chosen = ctx.session.get(Group, ctx.group_id)
        if chosen is not None and chosen.workspace.team_id == ctx.actor.team_id:
            return chosen
    if not channel:
        raise NotLinked("group.need_channel")
    group = repo.find_group_by_channel(ctx.session, team_id=ctx.actor.team_id, channel_id=channel)
    if group is None:
        refuse_if_elsewhere(ctx)
        raise NotLinked("group.not_linked")
    return group


def refuse_if_elsewhere(ctx: Ctx) -> None:
    """Refuse kindly when the request's channel is linked to a group of another workspace."""
    channel = ctx.actor.channel_id
    if channel and repo.channel_linked_elsewhere(ctx.session, team_id=ctx.actor.team_id, channel_id=channel):
        raise OtherWorkspace("group.other_workspace")


def in_workspace(ctx: Ctx, group: Group) -> bool:
    """Whether the group belongs to the workspace the request came from."""
    return group.workspace.team_id == ctx.actor.team_id


def require_workspace(ctx: Ctx, group: Group) -> None:
    """Refuse anything about a group of another workspace, whatever id the request carried."""
    if not in_workspace(ctx, group):
        raise OtherWorkspace("group.other_workspace")


def is_forbund(ctx: Ctx) -> bool:
    """Whether the person has the förbund role of their workspace (it spans all of its groups)."""
    return roles_repo.holds_forbund(ctx.session, team_id=ctx.actor.team_id, user_id=ctx.actor.user_id)


def is_workspace_admin(ctx: Ctx) -> bool:
    """Whether Slack (or the console's settings) says the person is an admin or owner of their workspace."""
    return ctx.admins.is_admin(ctx.actor.team_id, ctx.actor.user_id)


def member_of(ctx: Ctx, group: Group) -> Member | None:
    """The person's membership of the group, if any (never of a group of another workspace)."""
    if not in_workspace(ctx, group):
        return None
    return repo.find_member(ctx.session, group=group, user_id=ctx.actor.user_id)


def require_member(ctx: Ctx, group: Group) -> Member | None:
    """Refuse unless the person is a member of the group or has the förbund role of its workspace."""
    require_workspace(ctx, group)
    member = member_of(ctx, group)
    if member is None and not is_forbund(ctx):
        raise NotAMember("group.not_member", group=group.name)
    return member


def has_managing_role(ctx: Ctx, group: Group) -> bool:
    """Whether the person manages the group: its sammankallande or samordnare, the förbund of its workspace,
    or whoever linked it while it has neither sammankallande nor samordnare."""
    if not in_workspace(ctx, group):
        return False
    member = member_of(ctx, group)
    if member is not None and any(role in member.role_list for role in MANAGERS):
        return True
    if is_forbund(ctx):
        return True
    return group.created_by == ctx.actor.user_id and not repo.has_member_with_role(
        ctx.session, group=group, roles=MANAGERS
    )


def require_manager(ctx: Ctx, group: Group) -> None:
    """Refuse unless the person manages the group (see has_managing_role); a group nobody manages is managed
    by the förbund alone, never open to anyone."""
    require_workspace(ctx, group)
    if not has_managing_role(ctx, group):
        raise NotAllowed("group.manager_only", group=group.name)


def user_groups(ctx: Ctx) -> Sequence[Group]:
    """The groups of the person's workspace they are a member of."""
    return repo.groups_of_user(ctx.session, team_id=ctx.actor.team_id, user_id=ctx.actor.user_id)


def visible_groups(ctx: Ctx) -> Sequence[Group]:
    """The groups the person may see: their own, or every group of their workspace for the förbund role."""
    if is_forbund(ctx):
        workspace = repo.find_workspace(ctx.session, team_id=ctx.actor.team_id)
        return repo.groups_of_workspace(ctx.session, workspace=workspace) if workspace else []
    return user_groups(ctx)
