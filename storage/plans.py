"""Repository for plans, their sections, answer history and approvals. Functions flush, the unit of work commits."""

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Group, Workspace
from storage.plan_models import Plan, PlanApproval, PlanRevision, PlanSection

OPEN = "open"
COMPLETE = "complete"


def create_plan(
    session: Session,
    *,
    group: Group,
    template: str,
    year: int,
    deadline: date | None,
    section_keys: Sequence[str],
    created_by: str,
    now: datetime,
    proposals: dict[str, dict[str, Any]] | None = None,
    copied_from_year: int | None = None,
) -> Plan:
    """A new plan with one empty section per key (optionally holding last year's answers to review)."""
    plan = Plan(
        group=group,
        template=template,
        year=year,
        deadline=deadline,
        status=OPEN,
        created_by=created_by,
        created_at=now,
        copied_from_year=copied_from_year,
    )
    proposals = proposals or {}
    plan.sections = [
        PlanSection(key=key, position=i, proposal=proposals.get(key)) for i, key in enumerate(section_keys)
    ]
    session.add(plan)
    session.flush()
    return plan


def find_plan(session: Session, *, group: Group, template: str, year: int) -> Plan | None:
    """The group's plan of the template for the year, if started."""
    stmt = select(Plan).where(Plan.group_id == group.id, Plan.template == template, Plan.year == year)
    return session.scalars(stmt).one_or_none()


def get_plan(session: Session, *, plan_id: int) -> Plan | None:
    """A plan by id."""
    return session.get(Plan, plan_id)


def plans_of_group(session: Session, *, group: Group) -> Sequence[Plan]:
    """The group's plans, newest year first, then the most recently started."""
    stmt = select(Plan).where(Plan.group_id == group.id).order_by(Plan.year.desc(), Plan.id.desc())
    return session.scalars(stmt).all()


@dataclass(frozen=True)
class PlanDates:
    """What the scheduler decides a plan's reminders by: its template, deadline and when it was begun."""

    id: int
    template: str
    deadline: date
    created_at: datetime


def open_plans_due_from(session: Session, *, today: date) -> list[PlanDates]:
    """Plans not yet complete whose deadline is today or later (the ones reminders are for), as plain rows.

    Read every minute for every group's plan and acted on for a few: plain rows, and `plans_by_id` for those
    (bench/scale.py: loading 1 000 plans as objects was most of a quiet minute's tick).
    """
    stmt = select(Plan.id, Plan.template, Plan.deadline, Plan.created_at).where(
        Plan.status == OPEN, Plan.deadline.is_not(None), Plan.deadline >= today
    )
    rows = session.execute(stmt.order_by(Plan.id))
    return [PlanDates(plan, template, deadline, created) for plan, template, deadline, created in rows if deadline]


def plans_by_id(session: Session, *, ids: Collection[int]) -> Sequence[Plan]:
    """The plans with these ids, in id order."""
    if not ids:
        return []
    return session.scalars(select(Plan).where(Plan.id.in_(sorted(ids))).order_by(Plan.id)).all()


def sections_assigned_to(session: Session, *, team_id: str, user_id: str) -> Sequence[PlanSection]:
    """The sections a person is to write in the workspace's open plans."""
    stmt = (
        select(PlanSection)
        .join(Plan, Plan.id == PlanSection.plan_id)
        .join(Group, Group.id == Plan.group_id)
        .join(Workspace, Workspace.id == Group.workspace_id)
        .where(Workspace.team_id == team_id, PlanSection.assignee == user_id, Plan.status == OPEN)
        .order_by(Plan.year, Plan.id, PlanSection.position)
    )
    return session.scalars(stmt).all()


def assign_section(session: Session, *, section: PlanSection, user_id: str, now: datetime) -> None:
    """Make a person responsible for writing a section."""
    section.assignee = user_id
    section.assigned_at = now
    session.flush()


def save_answers(
    session: Session, *, section: PlanSection, answers: dict[str, Any], user_id: str, now: datetime
) -> PlanRevision:
    """Store a section's new answers as its current text and as the next revision of its history."""
    revision = PlanRevision(number=len(section.revisions) + 1, answers=answers, user_id=user_id, at=now)
    section.revisions.append(revision)
    section.answers = answers
    section.answered_by = user_id
    section.answered_at = now
    section.proposal = None
    session.flush()
    return revision


def active_approvals(plan: Plan) -> list[PlanApproval]:
    """The approvals that stand (not withdrawn), in the order they were given."""
    return [a for a in plan.approvals if a.withdrawn_at is None]


def record_approval(
    session: Session, *, plan: Plan, party: str, user_id: str, name: str, organisation: str, now: datetime
) -> PlanApproval:
    """A party's approval with the date, the person and the name and organisation they signed with."""
    approval = PlanApproval(party=party, user_id=user_id, name=name, organisation=organisation, approved_at=now)
    plan.approvals.append(approval)
    session.flush()
    return approval


def withdraw_approvals(session: Session, *, plan: Plan, because: str, now: datetime) -> list[PlanApproval]:
    """Withdraw every standing approval (the plan changed); returns the ones withdrawn."""
    withdrawn = active_approvals(plan)
    for approval in withdrawn:
        approval.withdrawn_at = now
        approval.withdrawn_because = because
    plan.status = OPEN
    plan.completed_at = None
    session.flush()
    return withdrawn


def mark(session: Session, *, plan: Plan, status: str, now: datetime) -> None:
    """Set the plan's status (complete when every party approved, open otherwise)."""
    plan.status = status
    plan.completed_at = now if status == COMPLETE else None
    session.flush()


def mark_approvals_requested(session: Session, *, plan: Plan, now: datetime | None) -> None:
    """Remember that the parties were asked to approve (None: they need asking again)."""
    plan.approvals_requested_at = now
    session.flush()


def last_signature_of(session: Session, *, user_id: str) -> PlanApproval | None:
    """The person's most recent approval, to offer the same printed name and organisation again."""
    stmt = select(PlanApproval).where(PlanApproval.user_id == user_id).order_by(PlanApproval.id.desc()).limit(1)
    return session.scalars(stmt).first()


def set_canvas(session: Session, *, plan: Plan, canvas_id: str) -> None:
    """Remember the canvas that shows the plan in its group's channel."""
    plan.canvas_id = canvas_id
    session.flush()
