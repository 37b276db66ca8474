"""What the daily retention job deletes and clears (handlers/retention.py decides what is due)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from storage.case_models import Case, CaseNote
from storage.conversations import TABLE as CONVERSATIONS


@dataclass(frozen=True)
class OldConversation:
    """A conversation row untouched since before a cutoff: its status and whether conversations wait aside."""

    id: int
    status: str
    updated_at: datetime
    has_aside: bool


def conversations_untouched_since(session: Session, *, before: datetime) -> list[OldConversation]:
    """Every conversation row last written before the time."""
    c = CONVERSATIONS.c
    rows = session.connection().execute(select(c.id, c.status, c.updated_at, c.state).where(c.updated_at < before))
    return [OldConversation(row.id, row.status, row.updated_at, _has_aside(row.state)) for row in rows]


def _has_aside(state: object) -> bool:
    return isinstance(state, dict) and bool(state.get("aside"))


def delete_conversations(session: Session, *, ids: Sequence[int]) -> int:
    """Delete the conversation rows; how many."""
    if not ids:
        return 0
    return session.connection().execute(delete(CONVERSATIONS).where(CONVERSATIONS.c.id.in_(ids))).rowcount


def clear_case_texts(session: Session, *, raised_before: date) -> tuple[int, int]:
    """Empty the free text of cases raised before the day and delete their follow-up notes: (cases, notes)."""
    session.flush()
    old = select(Case.id).where(Case.raised_on < raised_before)
    notes = session.connection().execute(delete(CaseNote).where(CaseNote.case_id.in_(old))).rowcount
    with_text = or_(Case.note != "", Case.failure_text != "")
    cleared = (
        session.connection()
        .execute(update(Case).where(Case.raised_on < raised_before, with_text).values(note="", failure_text=""))
        .rowcount
    )
    session.expire_all()
    return cleared, notes
