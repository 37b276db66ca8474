"""Who may do what with meetings, and finding the meeting or group a button or conversation is about."""

from collections.abc import Mapping
from typing import Any

from handlers import access
from handlers.context import Ctx
from handlers.errors import DomainError, NotAllowed
from handlers.ids import row_id
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
    meeting_id = row_id(value)
    meeting = repo.get_meeting(ctx.session, meeting_id=meeting_id) if meeting_id is not None else None
    if meeting is None:
        raise DomainError("meeting.gone")
    access.require_workspace(ctx, meeting.group)
    return meeting


def group_from(ctx: Ctx, data: Mapping[str, Any]) -> Group:
    """The group a conversation was started for, in the person's own workspace."""
    group_id = row_id(str(data.get("group_id", "")))
    group = ctx.session.get(Group, group_id) if group_id is not None else None
    if group is None:
        raise DomainError("meeting.group_gone")
    access.require_workspace(ctx, group)
    return group
