"""Repository for lots-ärenden: numbered per group, listed, changed and closed. Functions flush, never commit."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from sqlalchemy import Select, func, select, update
from sqlalchemy import case as when_then
from sqlalchemy.orm import Session, selectinload

from storage.case_models import Case, CaseFailure, CaseNote, CaseTargetGroup
from storage.groups import name_key
from storage.models import Group

OPEN_STATUSES = ("open", "in_progress")
CLOSED = "closed"


@dataclass(frozen=True)
class NewCase:
    """What a new case holds, already checked and normalised to codes."""

    raised_on: date
    party: str
    gender: str
    age_band: str
    unit: str = ""
    target_groups: tuple[str, ...] = ()
    failures: tuple[str, ...] = ()
    failure_text: str = ""
    referred_tr: bool = False
    note: str = ""
    status: str = "open"
    outcome: str | None = None
    closed_on: date | None = None
    follow_up: tuple[tuple[date, str], ...] = ()


NOTE_HOUR = time(12, tzinfo=UTC)  # an imported note's day at noon UTC, which is the same day in Sweden


def _next_number(session: Session, *, group_id: int) -> int:
    """The group's next case number, with the group held until the unit of work ends so that two registrations
    (or imports, in other processes too) never read the same highest number.

    PostgreSQL locks the group's row (SELECT … FOR UPDATE); a second registration waits there and then reads the
    first one's case. SQLite ignores FOR UPDATE and reads outside a transaction until the first write, so there
    the group's row is written first (to itself): that takes the database's write lock, which a second writer
    waits for (the busy timeout), and the highest number is read only after it.
    """
    if session.get_bind().dialect.name == "sqlite":
        hold = update(Group).where(Group.id == group_id).values(name_key=Group.name_key)
        session.execute(hold.execution_options(synchronize_session=False))
    else:
        session.execute(select(Group.id).where(Group.id == group_id).with_for_update())
    highest = session.scalar(select(func.max(Case.number)).where(Case.group_id == group_id))
    return (highest or 0) + 1


def add_cases(
    session: Session, *, group_id: int, cases: Sequence[NewCase], created_by: str, now: datetime
) -> list[Case]:
    """Store new cases of a group, numbered after its last one, in the order given."""
    first = _next_number(session, group_id=group_id)
    stored = []
    for number, new in enumerate(cases, start=first):
        case = Case(
            group_id=group_id,
            number=number,
            raised_on=new.raised_on,
            party=new.party,
            unit=new.unit,
            gender=new.gender,
            age_band=new.age_band,
            failure_text=new.failure_text,
            referred_tr=new.referred_tr,
            status=new.status,
            outcome=new.outcome,
            closed_on=new.closed_on,
            note=new.note,
            created_by=created_by,
            created_at=now,
            updated_at=now,
        )
        case.target_groups = [CaseTargetGroup(code=code) for code in dict.fromkeys(new.target_groups)]
        case.failures = [CaseFailure(code=code) for code in dict.fromkeys(new.failures)]
        case.notes = [
            CaseNote(user_id=created_by, text=text, at=datetime.combine(day, NOTE_HOUR)) for day, text in new.follow_up
        ]
        session.add(case)
        stored.append(case)
    session.flush()
    return stored


def add_case(session: Session, *, group_id: int, case: NewCase, created_by: str, now: datetime) -> Case:
    """Store one new case with the group's next number."""
    return add_cases(session, group_id=group_id, cases=[case], created_by=created_by, now=now)[0]


def get_case(session: Session, *, case_id: int) -> Case | None:
    """The case with the id, if any."""
    return session.get(Case, case_id)


def _listing(group_ids: Sequence[int], statuses: Sequence[str], user_id: str) -> Select[Case]:
    own_first = when_then((Case.created_by == user_id, 0), else_=1)
    return (
        select(Case)
        .where(Case.group_id.in_(list(group_ids)), Case.status.in_(list(statuses)))
        .order_by(own_first, Case.raised_on.desc(), Case.id.desc())
    )


def list_cases(
    session: Session,
    *,
    group_ids: Sequence[int],
    statuses: Sequence[str],
    user_id: str,
    offset: int = 0,
    limit: int = 10,
) -> tuple[Sequence[Case], int]:
    """One page of the groups' cases with these statuses (the user's own first, newest first), and the total."""
    if not group_ids:
        return [], 0
    total = (
        session.scalar(
            select(func.count())
            .select_from(Case)
            .where(Case.group_id.in_(list(group_ids)), Case.status.in_(list(statuses)))
        )
        or 0
    )
    page = session.scalars(_listing(group_ids, statuses, user_id).offset(offset).limit(limit)).all()
    return page, int(total)


def cases_of_group(session: Session, *, group_id: int) -> Sequence[Case]:
    """Every case of a group by number, with target groups, failures and follow-up notes loaded (for export)."""
    stmt = (
        select(Case)
        .where(Case.group_id == group_id)
        .order_by(Case.number)
        .options(selectinload(Case.target_groups), selectinload(Case.failures), selectinload(Case.notes))
    )
    return session.scalars(stmt).all()


def set_status(
    session: Session,
    *,
    case: Case,
    status: str,
    now: datetime,
    outcome: str | None = None,
    closed_on: date | None = None,
) -> Case:
    """Change a case's status; a closed case keeps its outcome and date, any other status clears them."""
    case.status = status
    case.outcome = outcome if status == CLOSED else None
    case.closed_on = closed_on if status == CLOSED else None
    case.updated_at = now
    session.flush()
    return case


def add_note(session: Session, *, case: Case, user_id: str, text: str, now: datetime) -> CaseNote:
    """Add a follow-up note to a case."""
    note = CaseNote(case_id=case.id, user_id=user_id, text=text, at=now)
    session.add(note)
    case.updated_at = now
    session.flush()
    return note


def groups_named(session: Session, *, name: str) -> Sequence[Group]:
    """Groups of any workspace with this name (for the command line, which belongs to no workspace)."""
    return session.scalars(select(Group).where(Group.name_key == name_key(name)).order_by(Group.id)).all()
