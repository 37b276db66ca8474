"""Repository for workspaces, groups and members. Functions flush, the unit of work commits."""

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Group, Member, Workspace


def name_key(name: str) -> str:
    """How a group name is compared: case and surrounding space do not matter."""
    return " ".join(name.split()).casefold()


def get_or_create_workspace(session: Session, *, team_id: str) -> Workspace:
    """The workspace row for a Slack team, created on first sight."""
    workspace = session.scalars(select(Workspace).where(Workspace.team_id == team_id)).one_or_none()
    if workspace is None:
        workspace = Workspace(team_id=team_id)
        session.add(workspace)
        session.flush()
    return workspace


def find_group_by_channel(session: Session, *, channel_id: str) -> Group | None:
    """The group linked to a channel, if any."""
    return session.scalars(select(Group).where(Group.channel_id == channel_id)).one_or_none()


def find_group_by_name(session: Session, *, workspace: Workspace, name: str) -> Group | None:
    """The workspace's group with this name (case-insensitive), if any."""
    stmt = select(Group).where(Group.workspace_id == workspace.id, Group.name_key == name_key(name))
    return session.scalars(stmt).one_or_none()


def create_group(session: Session, *, workspace: Workspace, name: str, channel_id: str | None) -> Group:
    """A new group, optionally linked to a channel."""
    group = Group(
        workspace=workspace, name=" ".join(name.split()), name_key=name_key(name), channel_id=channel_id, settings={}
    )
    session.add(group)
    session.flush()
    return group


def groups_of_workspace(session: Session, *, workspace: Workspace) -> Sequence[Group]:
    """Every group of the workspace, by name."""
    return session.scalars(select(Group).where(Group.workspace_id == workspace.id).order_by(Group.name_key)).all()


def groups_of_user(session: Session, *, team_id: str, user_id: str) -> Sequence[Group]:
    """The groups a user is a member of in a workspace, by name."""
    stmt = (
        select(Group)
        .join(Member, Member.group_id == Group.id)
        .join(Workspace, Workspace.id == Group.workspace_id)
        .where(Workspace.team_id == team_id, Member.user_id == user_id)
        .order_by(Group.name_key)
    )
    return session.scalars(stmt).all()


def find_member(session: Session, *, group: Group, user_id: str) -> Member | None:
    """The user's membership of the group, if any."""
    stmt = select(Member).where(Member.group_id == group.id, Member.user_id == user_id)
    return session.scalars(stmt).one_or_none()


def upsert_member(session: Session, *, group: Group, user_id: str, party: str, roles: Sequence[str]) -> Member:
    """Record or update a member's party and roles."""
    member = find_member(session, group=group, user_id=user_id)
    if member is None:
        member = Member(group=group, user_id=user_id, party=party, roles=",".join(roles))
        session.add(member)
    else:
        member.party = party
        member.roles = ",".join(roles)
    session.flush()
    return member


def remove_member(session: Session, *, member: Member) -> None:
    """Take a member out of their group."""
    session.delete(member)
    session.flush()


def has_role_anywhere(session: Session, *, team_id: str, user_id: str, role: str) -> bool:
    """Whether the user has the role in any group of the workspace (the förbund role spans groups)."""
    stmt = (
        select(Member.roles)
        .join(Group, Group.id == Member.group_id)
        .join(Workspace, Workspace.id == Group.workspace_id)
        .where(Workspace.team_id == team_id, Member.user_id == user_id)
    )
    return any(role in roles.split(",") for roles in session.scalars(stmt))
