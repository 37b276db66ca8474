"""Repository for workspaces, groups and members. Functions flush, the unit of work commits."""

from collections.abc import Sequence

from sqlalchemy import or_, select
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


def find_workspace(session: Session, *, team_id: str) -> Workspace | None:
    """The workspace row of a Slack team, when the bot has seen it."""
    return session.scalars(select(Workspace).where(Workspace.team_id == team_id)).one_or_none()


def note_enterprise(session: Session, *, team_id: str, enterprise_id: str) -> None:
    """Remember the Enterprise Grid org a workspace belongs to (as a verified request from it says)."""
    workspace = get_or_create_workspace(session, team_id=team_id)
    if workspace.enterprise_id != enterprise_id:
        workspace.enterprise_id = enterprise_id
        session.flush()


def enterprise_of(session: Session, *, team_id: str) -> str | None:
    """The Enterprise Grid org of a workspace, when the bot has learnt it belongs to one."""
    return session.scalars(select(Workspace.enterprise_id).where(Workspace.team_id == team_id)).one_or_none()


def find_group_by_channel(session: Session, *, team_id: str, channel_id: str) -> Group | None:
    """The workspace's group linked to a channel, if any (a channel shared from another workspace has none)."""
    stmt = (
        select(Group)
        .join(Workspace, Workspace.id == Group.workspace_id)
        .where(Workspace.team_id == team_id, Group.channel_id == channel_id)
    )
    return session.scalars(stmt).one_or_none()


def channel_linked_elsewhere(session: Session, *, team_id: str, channel_id: str) -> bool:
    """Whether the channel is linked to a group of another workspace (a channel shared with Slack Connect)."""
    stmt = (
        select(Group.id)
        .join(Workspace, Workspace.id == Group.workspace_id)
        .where(Group.channel_id == channel_id, Workspace.team_id != team_id)
        .limit(1)
    )
    return session.scalars(stmt).first() is not None


def find_group_by_name(session: Session, *, workspace: Workspace, name: str) -> Group | None:
    """The workspace's group with this name (case-insensitive), if any."""
    stmt = select(Group).where(Group.workspace_id == workspace.id, Group.name_key == name_key(name))
    return session.scalars(stmt).one_or_none()


def create_group(
    session: Session, *, workspace: Workspace, name: str, channel_id: str | None, created_by: str | None = None
) -> Group:
    """A new group, optionally linked to a channel, remembering who linked it."""
    group = Group(
        workspace=workspace,
        name=" ".join(name.split()),
        name_key=name_key(name),
        channel_id=channel_id,
        settings={},
        created_by=created_by,
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


def has_member_with_role(session: Session, *, group: Group, roles: Sequence[str], other_than: str = "") -> bool:
    """Whether any member of the group (other than `other_than`) has one of the roles; reads at most one row."""
    stmt = (
        select(Member.id)
        .where(Member.group_id == group.id, Member.user_id != other_than)
        .where(or_(*(Member.roles.like(f"%{role}%") for role in roles)))
        .limit(1)
    )
    return session.scalars(stmt).first() is not None
