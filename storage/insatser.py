"""Repository for insatser: applications, approvals, decisions, goals and reports. Functions flush, never commit."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from storage.insats_models import DECIDED, DRAFT, GRANTED, SUBMITTED, Insats, InsatsApproval, InsatsGoal, InsatsReport
from storage.meeting_models import HELD, Meeting
from storage.models import Group, Workspace


@dataclass(frozen=True)
class NewGoal:
    """A goal as the application states it."""

    kind: str
    text: str
    target: int | None = None
    measure: str = ""
    tie: str = ""


@dataclass(frozen=True)
class Application:
    """What an application holds, written or changed in one go."""

    name: str
    kind: str
    owner_party: str
    starts_on: date
    ends_on: date
    applied_kr: int
    answers: dict[str, Any]
    goals: tuple[NewGoal, ...]


def create_insats(
    session: Session, *, group: Group, application: Application, created_by: str, now: datetime
) -> Insats:
    """A new application of the group, as a draft awaiting the parties' approval."""
    insats = Insats(group=group, status=DRAFT, created_by=created_by, created_at=now)
    _fill(insats, application)
    session.add(insats)
    session.flush()
    return insats


def rewrite(session: Session, *, insats: Insats, application: Application) -> None:
    """Replace an undecided application's content; every approval given falls (the parties approved other text)."""
    if insats.status in DECIDED:
        raise ValueError("a decided insats cannot be changed")
    insats.goals.clear()
    insats.approvals.clear()
    session.flush()
    _fill(insats, application)
    insats.status, insats.submitted_at = DRAFT, None
    session.flush()


def _fill(insats: Insats, application: Application) -> None:
    insats.name, insats.kind, insats.owner_party = application.name, application.kind, application.owner_party
    insats.starts_on, insats.ends_on = application.starts_on, application.ends_on
    insats.applied_kr, insats.answers = application.applied_kr, dict(application.answers)
    insats.goals = [
        InsatsGoal(position=n, kind=g.kind, text=g.text, target=g.target, measure=g.measure, tie=g.tie)
        for n, g in enumerate(application.goals, start=1)
    ]


def get_insats(session: Session, *, insats_id: int) -> Insats | None:
    """An insats by id."""
    return session.get(Insats, insats_id)


def group_insatser(session: Session, *, group: Group) -> Sequence[Insats]:
    """The group's insatser, newest period first, their goals and reports loaded (a list shows each one's goals)."""
    stmt = (
        select(Insats)
        .where(Insats.group_id == group.id)
        .order_by(Insats.starts_on.desc(), Insats.id.desc())
        .options(selectinload(Insats.goals), selectinload(Insats.reports))
    )
    return session.scalars(stmt).all()


def insatser_of_groups(session: Session, *, group_ids: Sequence[int], start: date, end: date) -> Sequence[Insats]:
    """The groups' insatser whose period overlaps [start, end], goals and reports loaded."""
    if not group_ids:
        return []
    stmt = (
        select(Insats)
        .where(Insats.group_id.in_(group_ids), Insats.starts_on <= end, Insats.ends_on >= start)
        .order_by(Insats.group_id, Insats.starts_on, Insats.id)
        .options(selectinload(Insats.goals), selectinload(Insats.reports))
    )
    return session.scalars(stmt).all()


def record_approval(
    session: Session, *, insats: Insats, party: str, user_id: str, name: str, organisation: str, now: datetime
) -> InsatsApproval:
    """A party's approval of the application."""
    approval = InsatsApproval(party=party, user_id=user_id, name=name, organisation=organisation, approved_at=now)
    insats.approvals.append(approval)
    session.flush()
    return approval


def submit(session: Session, *, insats: Insats, owner_user: str | None, now: datetime) -> None:
    """Every party stands behind it: the application goes to the förbund."""
    insats.status, insats.submitted_at, insats.owner_user = SUBMITTED, now, owner_user
    session.flush()


def decide(
    session: Session,
    *,
    insats: Insats,
    status: str,
    user_id: str,
    now: datetime,
    granted_kr: int | None = None,
    conditions: str = "",
    reason: str = "",
) -> None:
    """The förbund's decision, once: granted (an amount, conditions) or rejected (a reason)."""
    if insats.status != SUBMITTED or status not in DECIDED:
        raise ValueError(f"cannot decide an insats that is {insats.status}")
    insats.status, insats.decided_by, insats.decided_at = status, user_id, now
    insats.granted_kr = granted_kr if status == GRANTED else None
    insats.conditions, insats.reason = conditions or None, reason or None
    session.flush()


def add_report(session: Session, *, insats: Insats, kind: str, due_on: date) -> InsatsReport:
    """A report the owner will be asked for on the day."""
    report = InsatsReport(kind=kind, due_on=due_on)
    insats.reports.append(report)
    session.flush()
    return report


def get_report(session: Session, *, report_id: int) -> InsatsReport | None:
    """A report by id."""
    return session.get(InsatsReport, report_id)


def save_report(
    session: Session, *, report: InsatsReport, answers: dict[str, Any], user_id: str, now: datetime
) -> None:
    """The owner's answers to a report."""
    report.answers, report.answered_by, report.answered_at = dict(answers), user_id, now
    session.flush()


def reports_due(session: Session, *, today: date) -> Sequence[InsatsReport]:
    """Unanswered reports whose day has come, of granted insatser, with their insats and group loaded."""
    stmt = (
        select(InsatsReport)
        .join(Insats)
        .where(InsatsReport.answered_at.is_(None), InsatsReport.due_on <= today, Insats.status == GRANTED)
        .order_by(InsatsReport.due_on, InsatsReport.id)
        .options(selectinload(InsatsReport.insats).selectinload(Insats.group).selectinload(Group.workspace))
    )
    return session.scalars(stmt).all()


def reports_owed_by(session: Session, *, team_id: str, user_id: str, today: date) -> Sequence[InsatsReport]:
    """The unanswered, due reports of granted insatser the person owns, in their workspace."""
    stmt = (
        select(InsatsReport)
        .join(Insats)
        .join(Group, Group.id == Insats.group_id)
        .join(Workspace, Workspace.id == Group.workspace_id)
        .where(
            Workspace.team_id == team_id,
            Insats.owner_user == user_id,
            Insats.status == GRANTED,
            InsatsReport.answered_at.is_(None),
            InsatsReport.due_on <= today,
        )
        .order_by(InsatsReport.due_on, InsatsReport.id)
        .options(joinedload(InsatsReport.insats).joinedload(Insats.group))  # the Home tab shows both: one query
    )
    return session.scalars(stmt).unique().all()


def meetings_held(session: Session, *, group: Group, start: datetime, end: datetime) -> int:
    """How many of the group's meetings in [start, end) the bot has on record as held."""
    stmt = select(func.count(Meeting.id)).where(
        Meeting.group_id == group.id, Meeting.status == HELD, Meeting.starts_at >= start, Meeting.starts_at < end
    )
    return int(session.scalar(stmt) or 0)
