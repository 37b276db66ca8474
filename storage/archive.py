"""What the archive export asks the database beyond each feature's own repository: the group's entity ids."""

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.case_models import Case
from storage.insats_models import Insats
from storage.meeting_models import AgendaItem, Meeting
from storage.models import Group, Member, Workspace
from storage.plan_models import Plan


def entities_of_group(session: Session, *, group: Group) -> set[tuple[str, str]]:
    """(entity, id) of everything of the group the audit log names: the group, its plans, meetings, agenda
    items, cases, insatser and current members (an entry about a member removed since cannot be told apart)."""
    found = {("group", str(group.id))}
    for entity, column, owner in (
        ("plan", Plan.id, Plan.group_id),
        ("meeting", Meeting.id, Meeting.group_id),
        ("agenda_item", AgendaItem.id, AgendaItem.group_id),
        ("case", Case.id, Case.group_id),
        ("member", Member.id, Member.group_id),
        ("insats", Insats.id, Insats.group_id),
    ):
        found |= {(entity, str(i)) for i in session.scalars(select(column).where(owner == group.id))}
    return found


def groups_to_archive(session: Session, *, team_id: str = "") -> Sequence[Group]:
    """Every group (of one workspace, when given), by workspace and name."""
    stmt = select(Group).join(Workspace).order_by(Workspace.team_id, Group.name_key)
    if team_id:
        stmt = stmt.where(Workspace.team_id == team_id)
    return session.scalars(stmt).all()
