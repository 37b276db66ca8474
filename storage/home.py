"""What a person's Home tab shows, read in a few set-based queries whatever the number of groups or cases.

Each function takes the person's group ids (already keyed by workspace by `memberships`) and answers for all of
them at once, so the Home tab costs the same handful of queries for a member of one group or of thirty.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.case_models import Case
from storage.cases import OPEN_STATUSES
from storage.meeting_models import UPCOMING, Meeting, Rsvp
from storage.models import Group, Member, Workspace
from storage.plan_models import Plan, PlanApproval, PlanSection
from storage.plans import OPEN


@dataclass(frozen=True)
class Membership:
    """One of the person's groups and what they are in it."""

    group_id: int
    name: str
    channel_id: str
    party: str
    roles: str


@dataclass(frozen=True)
class NextMeeting:
    """A group's next meeting and the person's answer to it ("" when they have not answered)."""

    meeting_id: int
    group_id: int
    starts_at: datetime
    ends_at: datetime
    place: str
    status: str
    answer: str


@dataclass(frozen=True)
class OpenCase:
    """One of the person's open cases, as much as one line of the Home tab needs."""

    case_id: int
    group_id: int
    number: int
    raised_on: date
    party: str
    status: str


@dataclass(frozen=True)
class OwedSection:
    """A plan section assigned to the person and not yet answered."""

    plan_id: int
    group_id: int
    template: str
    year: int
    key: str


@dataclass(frozen=True)
class WaitingPlan:
    """An open plan whose approvals were asked for, and the parties that have approved it so far."""

    plan_id: int
    group_id: int
    template: str
    year: int
    approved: frozenset[str]


def memberships(session: Session, *, team_id: str, user_id: str) -> list[Membership]:
    """The person's groups in the workspace, by name (one query)."""
    stmt = (
        select(Group.id, Group.name, Group.channel_id, Member.party, Member.roles)
        .join(Member, Member.group_id == Group.id)
        .join(Workspace, Workspace.id == Group.workspace_id)
        .where(Workspace.team_id == team_id, Member.user_id == user_id)
        .order_by(Group.name_key, Group.id)
    )
    return [Membership(row[0], row[1], row[2] or "", row[3], row[4] or "") for row in session.execute(stmt)]


def next_meetings(session: Session, *, group_ids: Sequence[int], user_id: str, after: datetime) -> list[NextMeeting]:
    """Each group's next meeting that has not ended, with the person's answer (one query)."""
    if not group_ids:
        return []
    ranked = (
        select(
            Meeting.id.label("id"),
            func.row_number()
            .over(partition_by=Meeting.group_id, order_by=(Meeting.starts_at, Meeting.id))
            .label("rank"),
        )
        .where(Meeting.group_id.in_(list(group_ids)), Meeting.status.in_(UPCOMING), Meeting.ends_at > after)
        .subquery()
    )
    stmt = (
        select(Meeting, Rsvp.answer)
        .join(ranked, ranked.c.id == Meeting.id)
        .outerjoin(Rsvp, (Rsvp.meeting_id == Meeting.id) & (Rsvp.user_id == user_id))
        .where(ranked.c.rank == 1)
    )
    return [
        NextMeeting(m.id, m.group_id, m.starts_at, m.ends_at, m.place, m.status, answer or "")
        for m, answer in session.execute(stmt)
    ]


def open_case_counts(session: Session, *, group_ids: Sequence[int], user_id: str) -> dict[int, int]:
    """How many open cases the person registered, per group (one query)."""
    if not group_ids:
        return {}
    stmt = (
        select(Case.group_id, func.count())
        .where(Case.group_id.in_(list(group_ids)), Case.status.in_(OPEN_STATUSES), Case.created_by == user_id)
        .group_by(Case.group_id)
    )
    return {group_id: int(count) for group_id, count in session.execute(stmt)}


def latest_open_cases(session: Session, *, group_ids: Sequence[int], user_id: str, per_group: int) -> list[OpenCase]:
    """The person's newest open cases, at most `per_group` of each group, newest first (one query)."""
    if not group_ids or per_group <= 0:
        return []
    ranked = (
        select(
            Case.id,
            Case.group_id,
            Case.number,
            Case.raised_on,
            Case.party,
            Case.status,
            func.row_number()
            .over(partition_by=Case.group_id, order_by=(Case.raised_on.desc(), Case.number.desc()))
            .label("rank"),
        )
        .where(Case.group_id.in_(list(group_ids)), Case.status.in_(OPEN_STATUSES), Case.created_by == user_id)
        .subquery()
    )
    stmt = (
        select(ranked.c.id, ranked.c.group_id, ranked.c.number, ranked.c.raised_on, ranked.c.party, ranked.c.status)
        .where(ranked.c.rank <= per_group)
        .order_by(ranked.c.group_id, ranked.c.rank)
    )
    return [OpenCase(*row) for row in session.execute(stmt)]


def owed_sections(session: Session, *, group_ids: Sequence[int], user_id: str) -> list[OwedSection]:
    """The sections of the groups' open plans assigned to the person and not answered yet (one query)."""
    if not group_ids:
        return []
    stmt = (
        select(Plan.id, Plan.group_id, Plan.template, Plan.year, PlanSection.key)
        .join(PlanSection, PlanSection.plan_id == Plan.id)
        .where(
            Plan.group_id.in_(list(group_ids)),
            Plan.status == OPEN,
            PlanSection.assignee == user_id,
            PlanSection.answers.is_(None),
        )
        .order_by(Plan.group_id, Plan.year, Plan.id, PlanSection.position)
    )
    return [OwedSection(*row) for row in session.execute(stmt)]


def plans_awaiting_approval(session: Session, *, group_ids: Sequence[int]) -> list[WaitingPlan]:
    """The groups' open plans whose approvals were asked for, with who has approved (two queries)."""
    if not group_ids:
        return []
    plans = session.execute(
        select(Plan.id, Plan.group_id, Plan.template, Plan.year)
        .where(Plan.group_id.in_(list(group_ids)), Plan.status == OPEN, Plan.approvals_requested_at.is_not(None))
        .order_by(Plan.group_id, Plan.year, Plan.id)
    ).all()
    if not plans:
        return []
    approved: dict[int, set[str]] = {}
    stmt = select(PlanApproval.plan_id, PlanApproval.party).where(
        PlanApproval.plan_id.in_([p[0] for p in plans]), PlanApproval.withdrawn_at.is_(None)
    )
    for plan_id, party in session.execute(stmt):
        approved.setdefault(plan_id, set()).add(party)
    return [WaitingPlan(p[0], p[1], p[2], p[3], frozenset(approved.get(p[0], ()))) for p in plans]
