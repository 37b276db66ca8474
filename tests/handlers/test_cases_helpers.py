"""Helpers shared by the lots-ärende tests (no tests here): set up groups, talk, press, look in the database."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlalchemy import MetaData, select

from bot.services import Services
from handlers.formatting import Identifier
from handlers.replies import Button, Buttons, Choices, Send
from storage.case_models import Case
from tests.support.chat import answer_flow, command, dm, press
from tests.support.talk import text_of

__all__ = ["answer_flow", "command", "dm", "press"]

HEBY, TIERP = "CHEBY", "CTIERP"
# A case typed in the chat, by question key (the group is asked only of someone in several groups).
CASE_ANSWERS: dict[str, str] = {
    "raised_on": "igår",
    "party": "AF",
    "unit": "AME",
    "gender": "kvinna",
    "age_band": "25-29",
    "target_groups": "1, 2",
    "failures": "väntetider, information",
    "failure_text": "Väntat på besked i 3 mån",
    "referred_tr": "ja",
    "note": "hoppa över",
}


def make_group(services: Services, name: str, channel: str, members: dict[str, str]) -> None:
    """Link a channel to a group and add members ("UANNA": "kommun samordnare"), as a person would."""
    first = next(iter(members))
    command(services, first, f"koppla {name}", channel)
    for user, party_and_roles in members.items():
        command(services, first, f"medlem <@{user}|{user.lower()}> {party_and_roles}", channel)


def register_by_chat(
    services: Services, user: str = "UANNA", answers: Mapping[str, str] = CASE_ANSWERS, channel: str = HEBY
) -> str:
    """Start a case with `/lokus ärende` in the channel, answer by key, confirm; the last reply's text."""
    command(services, user, "ärende", channel)
    answer_flow(services, user, answers, confirm=None)
    return text_of(dm(services, user, "ja"))


def buttons(sends: list[Send]) -> list[Button]:
    """Every button in the replies."""
    return [b for s in sends for p in s.reply.parts if isinstance(p, Buttons) for b in p.buttons]


def button(sends: list[Send], action: str, label_param: Any = None) -> Button:
    """The one button with the action (and, when given, that case number in its label)."""
    found = [
        b
        for b in buttons(sends)
        if b.action == action and (label_param is None or b.label.params.get("number") == Identifier(label_param))
    ]
    assert len(found) == 1, [(b.action, b.value) for b in buttons(sends)]
    return found[0]


def choices(sends: list[Send]) -> list[Choices]:
    """Every set of options in the replies."""
    return [p for s in sends for p in s.reply.parts if isinstance(p, Choices)]


def stored_cases(services: Services) -> list[Case]:
    """Every case in the database, by id, with target groups, failures and notes loaded."""
    with services.db.unit_of_work() as session:
        cases = list(session.scalars(select(Case).order_by(Case.id)).all())
        for case in cases:
            _ = (case.target_groups, case.failures, case.notes)
        return cases


def everything_stored(services: Services) -> str:
    """Every value of every row of every table, as one text to search for what must not be there."""
    tables = MetaData()
    tables.reflect(bind=services.db.engine)
    values: list[str] = []
    with services.db.unit_of_work() as session:
        for table in tables.sorted_tables:
            for row in session.execute(select(table)).all():  # a time can hold no typed text, only chance digits
                values.extend(repr(value) for value in row if not isinstance(value, date))
    assert any("case" in table.name for table in tables.sorted_tables)
    return "\n".join(values)
