"""`/lokus mina uppgifter`: every kind of record linked to the person, privately, as a message and two files
(JSON and Markdown), and nothing of anyone else's – nor of another workspace."""

import json
from typing import Any

from bot.catalogue import Catalogue, load_messages
from bot.services import Services
from handlers.replies import To
from storage.personal_data import PLACES, How
from tests.handlers.test_plan_helpers import ANNA, BERTIL, CECILIA, DAVID, HEBY, command, dm
from tests.support import people_world
from tests.support.talk import text_of

OTHERS = (ANNA, BERTIL, DAVID, "Anna Ahl", "Bertil Berg", "David Lind", "Sandviken", people_world.OTHER_TEAM)


def export(services: Services, user: str) -> tuple[str, dict[str, Any], str]:
    """The message, the JSON and the Markdown the person is sent."""
    sends = command(services, user, "mina uppgifter", HEBY)
    assert [s.to for s in sends] == [To.REQUESTER]  # privately: ephemeral in the channel, files in the DM
    words = Catalogue("sv", load_messages("sv"), escape=lambda s: s).render
    files = {f.filename.rsplit(".", 1)[1]: f.data(words) for f in sends[0].reply.files}
    return text_of(sends), json.loads(files["json"]), files["md"].decode()


def test_the_export_holds_every_kind_of_record_linked_to_the_person(services: Services) -> None:
    people_world.build(services)
    message, data, markdown = export(services, CECILIA)
    kinds = {part["kind"] for part in data["records"]}
    assert kinds == {place.kind for place in PLACES if place.how != How.NAME}
    assert "Dina uppgifter i lokusbot" in message and "Dina godkännanden av planer: 1" in message
    rows = {part["place"]: part["rows"] for part in data["records"]}
    assert [(r["group"], r["party"]) for r in rows["members.user_id"]] == [("Heby", "fk")]
    assert [(r["name"], r["party"]) for r in rows["plan_approvals.user_id"]] == [("Cecilia Ek", "fk")]
    assert rows["meetings.minutes_by"][0]["minutes"] == people_world.MINUTES[CECILIA]
    assert [r["answer"] for r in rows["meeting_rsvps.user_id"]] == ["yes"]
    assert [(r["status"], "state" in r) for r in rows["conversations.user_id"]] == [("active", False)]
    assert {r["action"] for r in rows["audit_log.detail"]} >= {"role.grant"}  # entries about her
    assert rows["plan_sections.answered_by"][0]["answers"]["kon"].startswith("Ja. <@UCECILIA|cecilia>")
    assert data["made_at"].endswith("+01:00") and rows["members.user_id"][0]["created_at"].endswith("+01:00")
    assert "## Dina godkännanden av planer (plan_approvals.user_id)" in markdown
    assert "name: Cecilia Ek" in markdown


def test_nothing_of_anyone_else_comes_along(services: Services) -> None:
    people_world.build(services)
    message, data, markdown = export(services, CECILIA)
    everything = message + json.dumps(data, ensure_ascii=False) + markdown
    assert [other for other in OTHERS if other in everything] == []
    anna = json.dumps(export(services, ANNA)[1], ensure_ascii=False)
    assert "Cecilia Ek" not in anna and people_world.MINUTES[CECILIA] not in anna


def test_someone_the_bot_knows_nothing_of_is_told_so(services: Services) -> None:
    people_world.build(services)
    sends = command(services, "UOKAND", "mina uppgifter", HEBY)
    assert text_of(sends) == "Jag sparar ingenting som hör ihop med ditt Slack-id i den här arbetsytan."
    assert not sends[0].reply.files


def test_an_open_conversation_comes_with_the_answers_given_so_far(services: Services) -> None:
    people_world.build(services)
    dm(services, ANNA, "ok")  # the day the case was raised: today
    data = export(services, ANNA)[1]
    [conversation] = [part["rows"] for part in data["records"] if part["place"] == "conversations.user_id"]
    assert [row["answers"] for row in conversation] == [[{"raised_on": "2026-11-23"}]]


def test_asked_in_a_dm_in_own_words_and_mina_still_begins_other_wishes(services: Services) -> None:
    people_world.build(services)
    assert "Dina uppgifter i lokusbot" in text_of(dm(services, CECILIA, "mina uppgifter"))  # her case waits
    assert "Jag sparar ingenting" in text_of(dm(services, "UOKAND", "vad sparar du om mig?"))
    cases = text_of(command(services, ANNA, "mina ärenden", HEBY))
    assert "Dina uppgifter" not in cases and "#1" in cases
