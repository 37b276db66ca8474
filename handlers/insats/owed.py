"""Which insats reports a person owes: for App Home and anything else that lists what is waiting on someone."""

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from storage import insatser as repo


@dataclass(frozen=True)
class OwedReport:
    """A delrapport or slutrapport the person is asked for: which, of which insats, due since when."""

    report_id: int
    insats_id: int
    insats_name: str
    group_id: int
    group_name: str
    kind: str  # "delrapport" or "slutrapport"
    due_on: date


def reports_owed(session: Session, team_id: str, user_id: str, today: date) -> list[OwedReport]:
    """The due, unanswered reports of granted insatser the person owns, in their workspace, earliest first.

    Each is answered with the `insats.report` button (value: `report_id`), which starts the report in the DM.
    """
    return [
        OwedReport(r.id, r.insats_id, r.insats.name, r.insats.group_id, r.insats.group.name, r.kind, r.due_on)
        for r in repo.reports_owed_by(session, team_id=team_id, user_id=user_id, today=today)
    ]
