"""Who may do what with meetings, and finding the meeting or group a button or conversation is about."""

from collections.abc import Mapping
from typing import Any

from handlers import access
from handlers.context import Ctx
from handlers.errors import DomainError, NotAllowed
from storage import meetings as repo
from storage.meeting_models import Meeting
from storage.models import Group


def is_convenor(ctx: Ctx, group: Group) -> bool:
    """Whether the person is the group's sammankallande or samordnare, or has the förbund role."""
    return access.has_managing_role(ctx, group)


def require_convenor(ctx: Ctx, group: Group) -> None:
    """Refuse unless the person may call, move or cancel the group's meetings."""
    if not is_convenor(ctx, group):
        raise NotAllowed("meeting.convenor_only", group=group.name)


def meeting_from(ctx: Ctx, value: str) -> Meeting:
    """The meeting a button names, in the person's own workspace."""
    meeting = repo.get_meeting(ctx.session, meeting_id=int(value)) if value.isdigit() else None
    if meeting is None or meeting.group.workspace.team_id != ctx.actor.team_id:
        raise DomainError("meeting.gone")
    return meeting


def group_from(ctx: Ctx, data: Mapping[str, Any]) -> Group:
    """The group a conversation was started for."""
    group = ctx.session.get(Group, data.get("group_id"))
    if group is None or group.workspace.team_id != ctx.actor.team_id:
        raise DomainError("meeting.group_gone")
    return group
