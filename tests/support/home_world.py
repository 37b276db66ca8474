"""A person's groups, meetings, cases and plans written straight to the database, for the Home tab's tests."""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from storage import groups as groups_repo
from storage import meetings as meetings_repo
from storage import plans as plans_repo
from storage.case_models import Case
from storage.models import Group
from tests.support.case_factory import CaseSpec, insert_cases, times

TEAM = "T0LOKUS"
NEXT_MEETING = datetime(2026, 12, 8, 12, 0, tzinfo=UTC)  # tisdag 8 december 13.00 in Stockholm


@dataclass(frozen=True)
class Placed:
    """What was made for one group."""

    group_id: int
    meeting_id: int
    plan_id: int


def group_with(
    session: Session,
    name: str,
    user: str,
    *,
    party: str = "kommun",
    cases: int = 0,
    meeting: bool = True,
    owed: tuple[str, ...] = (),
    approvals_asked: bool = False,
) -> Placed:
    """A group the user is a member of, with a meeting, `cases` open cases the user registered, a plan whose
    `owed` sections are the user's to write, and (asked) approvals requested of every party."""
    workspace = groups_repo.get_or_create_workspace(session, team_id=TEAM)
    group = groups_repo.create_group(session, workspace=workspace, name=name, channel_id=f"C{name.upper()[:20]}")
    groups_repo.upsert_member(session, group=group, user_id=user, party=party, roles=["samordnare"])
    meeting_id = _meeting(session, group, user) if meeting else 0
    if cases:
        insert_cases(session, group=group, specs=times(cases, CaseSpec()))
        session.execute(update(Case).where(Case.group_id == group.id).values(created_by=user))
    plan_id = 0
    if owed or approvals_asked:
        plan = plans_repo.create_plan(
            session,
            group=group,
            template="verksamhetsplan",
            year=2027,
            deadline=None,
            section_keys=("mal", "malgrupper", "kon", "struktur", "kompetens", "medel"),
            created_by=user,
            now=NEXT_MEETING - timedelta(days=30),
        )
        for section in plan.sections:
            section.assignee = user if section.key in owed else None
        if approvals_asked:
            plans_repo.mark_approvals_requested(session, plan=plan, now=NEXT_MEETING - timedelta(days=20))
        plan_id = plan.id
    session.flush()
    return Placed(group.id, meeting_id, plan_id)


def _meeting(session: Session, group: Group, user: str) -> int:
    meeting = meetings_repo.create_meeting(
        session,
        group=group,
        starts_at=NEXT_MEETING,
        ends_at=NEXT_MEETING + timedelta(hours=2),
        place="Kommunhuset, sal 3",
        convenor=user,
        minute_taker=user,
        now=NEXT_MEETING - timedelta(days=30),
    )
    return meeting.id
