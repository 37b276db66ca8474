"""The insatser rows of the role matrix (no tests here): `/lokus insats …`, `/lokus insatser [alla]` and the
insats buttons, each against an insats of the cell's target group set up in the state the row needs."""

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import select

from storage import insatser as repo
from storage.insats_models import DRAFT, FINAL, GRANTED, SUBMITTED, Insats, InsatsReport
from storage.insatser import Application, NewGoal
from storage.models import Group
from tests.security.matrix import (
    Cell,
    Row,
    answered,
    changes,
    forbund,
    group_member,
    in_db,
    manager,
    member,
    no_conversations,
    prepare_all,
    says,
)
from tests.support.signing import Response

NOW = datetime(2026, 11, 23, 9, tzinfo=UTC)
Text = str | Callable[[Cell], str]


def _text(text: Text, cell: Cell) -> str:
    return text(cell) if callable(text) else text


def slash(text: Text) -> Callable[[Cell], Response]:
    """`/lokus <text>` in the cell's channel."""
    return lambda cell: cell.sim.slash_command(cell.user, cell.channel, _text(text, cell))


def button(action: str, value: Text) -> Callable[[Cell], Response]:
    """A button pressed on a message in the cell's channel."""
    return lambda cell: cell.sim.block_action(cell.user, cell.channel, action, _text(value, cell))


def _name(cell: Cell) -> str:
    return f"{cell.target.tag}INSATS"


def _find(session: Any, cell: Cell) -> Insats | None:
    stmt = select(Insats).where(Insats.group_id == cell.target.group_id)
    return session.scalars(stmt).first()


def _in_state(status: str) -> Callable[[Any, Cell], None]:
    """The target group's insats (made the first time) as a draft, submitted, or granted with a report due."""

    def change(session: Any, cell: Cell) -> None:
        insats = _find(session, cell)
        if insats is None:
            group = session.get(Group, cell.target.group_id)
            goals = (NewGoal("effekt", "Fyra genomförda lokusgruppsmöten under året", 4, "", "moten"),)
            made = Application(
                _name(cell), "struktur", "kommun", date(2026, 1, 1), date(2026, 12, 31), 150_000, {}, goals
            )
            insats = repo.create_insats(session, group=group, application=made, created_by="UCLI", now=NOW)
        insats.approvals.clear()
        insats.status, insats.owner_user = status, cell.target.samordnare
        granted = status == GRANTED
        insats.granted_kr = 150_000 if granted else None
        insats.decided_by, insats.decided_at = ("UCLI", NOW) if granted else (None, None)
        if granted and not insats.reports:
            repo.add_report(session, insats=insats, kind=FINAL, due_on=date(2027, 1, 1))
        for report in insats.reports:
            report.answers, report.answered_at, report.answered_by = None, None, None
        session.flush()

    return change


def _insats_id(cell: Cell) -> str:
    with cell.bot.services.db.unit_of_work() as session:
        found = _find(session, cell)
        assert found is not None
        return str(found.id)


def _report_id(cell: Cell) -> str:
    with cell.bot.services.db.unit_of_work() as session:
        found = _find(session, cell)
        assert found is not None
        report = session.scalars(select(InsatsReport).where(InsatsReport.insats_id == found.id)).first()
        assert report is not None
        return str(report.id)


def _forbund_here(role: str, scope: str) -> bool:
    """The förbund of the group's own workspace, whichever of its groups."""
    return role == "förbund" and scope != "otherws"


def _owner(role: str, scope: str) -> bool:
    """The person the insats's report is asked of: its group's samordnare here."""
    return role == "samordnare" and scope == "own"


draft, submitted, granted = (in_db(_in_state(s)) for s in (DRAFT, SUBMITTED, GRANTED))

INSATSER = [
    Row("command:insats", "insats ny", slash("insats ny"), manager, changes("conversations"), no_conversations),
    Row(
        "command:insats",
        "insats beslut",
        slash(lambda c: f"insats beslut {_insats_id(c)}"),
        member,
        says(lambda c: "förbundet beviljar #"),
        granted,
    ),
    Row(
        "command:insats",
        "insats dokument",
        slash(lambda c: f"insats dokument {_insats_id(c)}"),
        member,
        says("som Word-fil"),
        granted,
    ),
    Row(
        "command:insats",
        "insats ändra",
        slash(lambda c: f"insats ändra {_insats_id(c)}"),
        manager,
        changes("conversations"),
        prepare_all(draft, no_conversations),
    ),
    Row("command:insatser", "insatser", slash("insatser"), member, says(lambda c: f"Insatser i {c.target.name}")),
    Row("command:insatser", "insatser alla", slash("insatser alla 2026"), forbund, says("Insatser 2026")),
    Row(
        "action:insats.approve",
        "knapp godkänn insats",
        button("insats.approve", _insats_id),
        group_member,
        changes("conversations"),
        prepare_all(draft, no_conversations),
    ),
    Row(
        "action:insats.grant",
        "knapp bevilja",
        button("insats.grant", _insats_id),
        _forbund_here,
        changes("conversations"),
        prepare_all(submitted, no_conversations),
    ),
    Row(
        "action:insats.reject",
        "knapp avslå",
        button("insats.reject", _insats_id),
        _forbund_here,
        changes("conversations"),
        prepare_all(submitted, no_conversations),
    ),
    Row("action:insats.document", "knapp beslutet", button("insats.document", _insats_id), member, answered, granted),
    Row(
        "action:insats.report",
        "knapp skriv rapporten",
        button("insats.report", _report_id),
        _owner,
        changes("conversations"),
        prepare_all(granted, no_conversations),
    ),
]
