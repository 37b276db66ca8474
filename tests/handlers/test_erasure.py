"""Erasure of a person who has left: nothing of their id anywhere afterwards, other people's records as they
were, the documents still whole and readable; an unknown id changes nothing; only the förbund may erase."""

from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from sqlalchemy import MetaData, String, cast, select
from sqlalchemy.orm import Session

from bot.cli import main
from bot.services import Services
from handlers.erasure import erase_person
from handlers.errors import DomainError
from handlers.plans.names import PlanAction, pack
from handlers.pseudonyms import is_pseudonym
from storage import personal_records as records
from storage.base import Base
from storage.meeting_models import Meeting
from storage.models import AuditEntry, Member
from storage.personal_data import PLACES, How
from storage.plan_models import PlanApproval, PlanSection
from tests.handlers.test_plan_documents import _files
from tests.handlers.test_plan_helpers import ANNA, BERTIL, CECILIA, HEBY, command, press
from tests.support import people_world
from tests.support.talk import TEAM, actor, run, text_of


def database_tables(session: Session) -> MetaData:
    """Every table of the database as it is (the models' and those slack_sdk's stores own), read from it."""
    found = MetaData()
    found.reflect(bind=session.connection())
    assert set(Base.metadata.tables) <= set(found.tables)
    return found


def places_holding(session: Session, text: str) -> list[str]:
    """Every table.column of the database (every column, cast to text: strings, JSON, numbers) holding the text."""
    found = []
    for table in database_tables(session).sorted_tables:
        for column in table.columns:
            stmt = select(table).where(cast(column, String).contains(text, autoescape=True))
            for row in session.execute(stmt).mappings():
                found.append(f"{table.name}.{column.name}#{dict(row).get('id', '')}")
    return found


def everything(session: Session) -> dict[str, list[Any]]:
    """Every row of every table, to compare before and after."""
    tables = database_tables(session).sorted_tables
    return {t.name: sorted(map(repr, session.execute(select(t)).all())) for t in tables}


def anna_rows(services: Services) -> list[Any]:
    with services.db.unit_of_work() as session:
        return [f.rows for f in records.held_rows(session, user_id=ANNA, team_id=TEAM)]


def erase(services: Services, user: str, team: str | None) -> Any:
    return run(services, actor("cli"), lambda ctx: erase_person(ctx, user, team_id=team))


def test_after_erasure_no_table_holds_the_id_and_the_others_are_untouched(services: Services) -> None:
    people_world.build(services)
    with services.db.unit_of_work() as session:
        before = places_holding(session, CECILIA)
    ids = {p.name for p in PLACES if p.how in (How.DELETE, How.REPLACE, How.CLEAR)}
    assert ids - {p.split("#")[0] for p in before} == set()  # the world has her in every place of an id
    anna = anna_rows(services)
    done = erase(services, CECILIA, None)
    assert is_pseudonym(done.pseudonym) and done.pseudonym.startswith("former-fk-")
    with services.db.unit_of_work() as session:
        assert places_holding(session, CECILIA) == []
        assert places_holding(session, "cecilia") == []  # the name in a mention went with the id
        assert places_holding(session, "Cecilia Ek") == []  # and the printed name of her approval
        assert session.scalars(select(Member).where(Member.user_id == done.pseudonym)).all() == []
        approval = session.scalars(select(PlanApproval).where(PlanApproval.party == "fk")).one()
        assert (approval.user_id, approval.name) == (done.pseudonym, done.pseudonym)
        minutes = session.scalars(select(Meeting.minutes).where(Meeting.convenor == ANNA)).one()
        assert f"<@{done.pseudonym}> tar kontakt med AME. <@UANNA>" in minutes
        assert (
            session.scalars(select(PlanSection.assignee).where(PlanSection.key == "kon")).one() is None
        )  # free to give
        erased = session.scalars(select(AuditEntry).where(AuditEntry.action == "person.erase")).one()
        assert CECILIA not in repr(erased.detail) and erased.entity_id == done.pseudonym
    swap = records.replacer(CECILIA, done.pseudonym)  # where Anna's texts mention Cecilia, they name the pseudonym
    assert anna_rows(services) == [
        [{k: records.walk(v, swap) for k, v in row.items()} for row in rows] for rows in anna
    ]


def test_the_plan_still_renders_with_the_pseudonym_where_she_signed(services: Services) -> None:
    plan_id = people_world.build(services)
    pseudonym = erase(services, CECILIA, None).pseudonym
    sends = press(services, ANNA, PlanAction.DOCUMENT, pack(plan_id), HEBY)
    files = _files(sends)
    document = Document(BytesIO(files["docx"]))
    signatures = [[cell.text for cell in row.cells] for row in document.tables[-1].rows]
    assert signatures[2][1:] == ["Godkänd i lokusbot", "tidigare ledamot, Försäkringskassan", "Försäkringskassan"]
    assert "| Godkänd i lokusbot | tidigare ledamot, Försäkringskassan | Försäkringskassan |" in files["md"].decode()
    assert pseudonym not in files["md"].decode()
    shown = text_of(command(services, ANNA, "plan visa kon"))
    assert "Ja. tidigare ledamot, Försäkringskassan redovisar FK:s siffror." in shown and pseudonym not in shown
    assert "tidigare ledamot, Försäkringskassan" in text_of(command(services, BERTIL, "förbund"))


def test_erasure_in_one_workspace_leaves_the_other_alone(services: Services) -> None:
    people_world.build(services)
    erase(services, CECILIA, TEAM)
    with services.db.unit_of_work() as session:
        assert records.count_held(session, user_id=CECILIA, team_id=TEAM) == 0
        left = places_holding(session, CECILIA)
        assert [p.split("#")[0] for p in left] == ["members.user_id"]
        assert records.count_held(session, user_id=CECILIA, team_id=people_world.OTHER_TEAM) == 1


def test_an_unknown_id_is_said_so_and_nothing_changes(services: Services) -> None:
    people_world.build(services)
    with services.db.unit_of_work() as session:
        before = everything(session)
    with pytest.raises(DomainError) as raised:
        erase(services, "UNOBODY", None)
    assert raised.value.text.key == "erase.unknown"
    with services.db.unit_of_work() as session:
        assert everything(session) == before


def test_only_the_forbund_forgets_a_member_from_the_channel(services: Services) -> None:
    people_world.build(services)  # Bertil has the förbund role (Cecilia gave it), Anna is sammankallande
    refused = text_of(command(services, ANNA, "medlem bort <@UCECILIA|cecilia> --glöm"))
    assert "Bara förbundet kan radera" in refused
    with services.db.unit_of_work() as session:
        assert records.count_held(session, user_id=CECILIA, team_id=TEAM) > 0
    done = text_of(command(services, BERTIL, "medlem bort <@UCECILIA|cecilia> —glöm"))
    assert "är raderad ur lokusbot i den här arbetsytan" in done
    assert "”tidigare ledamot, Försäkringskassan”" in done
    with services.db.unit_of_work() as session:
        assert records.count_held(session, user_id=CECILIA, team_id=TEAM) == 0


def test_the_operator_removes_a_person_from_the_command_line(
    services: Services, database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: Any
) -> None:
    for name in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_APP_TOKEN", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.chdir(tmp_path)
    people_world.build(services)
    assert main(["people", "remove", "UNOBODY"]) == 1
    assert capsys.readouterr().err == "Jag har ingenting sparat om UNOBODY, så ingenting har ändrats.\n"
    assert main(["people", "remove", "not-an-id"]) == 2
    assert main(["people", "remove", CECILIA, "--team", TEAM]) == 0
    out = capsys.readouterr().out
    assert out.startswith("UCECILIA är raderad: ") and out.endswith("”tidigare ledamot, Försäkringskassan”.\n")
    assert main(["people", "remove", CECILIA]) == 0  # the other workspace's membership
    with services.db.unit_of_work() as session:
        assert places_holding(session, CECILIA) == []
