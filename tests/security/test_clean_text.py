"""Characters that break outputs: taken out at the door (Slack and the console), and never fatal to an export.

Before, C0 controls or U+FFFE/U+FFFF in a plan answer made the DOCX export fail for good (after the channel was
told "Här är …"), U+FFFE/U+FFFF in a case note broke every XLSX export of the group, controls reached the ICS
LOCATION and DESCRIPTION raw, and a NUL byte on PostgreSQL left a case conversation stuck at the confirmation.
"""

import csv
import io
import time
from datetime import UTC, datetime

from docx import Document
from icalendar import Calendar
from openpyxl import load_workbook
from sqlalchemy import select

from handlers.meetings.ics import Organizer, meeting_ics, with_description
from storage import meetings as meetings_repo
from storage.case_models import Case, CaseNote
from storage.meeting_models import AgendaItem
from storage.models import Group
from storage.plan_models import Plan, PlanSection
from tests.bot.conftest import Bot
from tests.bot.test_e2e_cases import ANNA, HEBY, _form_state, dm_posts, setup_heby
from tests.bot.test_e2e_platform import blocks_text
from tests.handlers.test_cases_helpers import CASE_ANSWERS, everything_stored, stored_cases
from tests.support.case_factory import CaseSpec, insert_cases
from tests.support.slack_chat import answer_by_key, next_post, question_key

BAD = {
    "NUL": "\x00",
    "SOH": "\x01",
    "backspace": "\x08",
    "vertical tab": "\x0b",
    "form feed": "\x0c",
    "escape": "\x1b",
    "unit separator": "\x1f",
    "DEL": "\x7f",
    "NEL (C1)": "\x85",
    "APC (C1)": "\x9f",
    "U+FFFE": "\ufffe",
    "U+FFFF": "\uffff",
    "U+FDD0": "\ufdd0",
    "U+1FFFE": "\U0001fffe",
    "U+10FFFF": "\U0010ffff",
    "lone low surrogate": "\udfff",
    "lone high surrogate": "\ud800",  # last, or JSON would join it with a low one into a real character
}


def test_a_nul_byte_and_every_other_bad_character_typed_in_a_case_conversation_is_saved_clean(bot: Bot) -> None:
    setup_heby(bot)
    assert bot.sim.slash_command(ANNA, HEBY, "ärende").status == 200
    [first] = bot.fake.wait_for(
        "chat.postMessage", predicate=lambda c: c.args.get("channel") == f"D{ANNA}" and question_key(c) is not None
    )
    bad = "".join(BAD.values())
    answers = {**CASE_ANSWERS, "unit": f"AM{bad}E", "failure_text": f"Väntat\x00 på\r\nbesked{bad}"}
    summary = answer_by_key(bot, ANNA, first, answers, confirm=None)
    assert "stämmer" in blocks_text(summary)
    saved = next_post(bot, lambda: bot.sim.dm_message(ANNA, "ja\x00"), f"D{ANNA}")
    assert "Ärende #1 registrerat" in blocks_text(saved)
    [case] = stored_cases(bot.services)
    assert (case.unit, case.failure_text) == ("AME", "Väntat på\nbesked")


def test_a_form_and_a_slash_command_with_bad_characters_are_saved_clean(bot: Bot) -> None:
    setup_heby(bot)
    bad = "".join(BAD.values())
    typeable = "".join(char for name, char in BAD.items() if "surrogate" not in name)  # a form field is UTF-8
    assert bot.sim.slash_command(ANNA, HEBY, f"möte punkt Samverkan{typeable} kring unga").status == 200
    bot.sim.slash_command(ANNA, HEBY, "ärende form")
    [opened] = bot.fake.wait_for("views.open")
    view = opened.args["view"]
    filled = {
        "raised_on": "2026-11-20",
        "party": "fk",
        "gender": "man",
        "age_band": "30-39",
        "target_groups": ["sjukskrivna"],
        "failures": ["ansvarsfordelning"],
        "referred_tr": "nej",
        "unit": f"Rehab{bad}",
        "failure_text": f"Oklart{bad} vem som äger frågan",
    }
    state = _form_state(view, filled)
    response = bot.sim.view_submission(ANNA, view["callback_id"], state, view["private_metadata"])
    assert response.status == 200 and not response.body, response.text
    dm_posts(bot, 1)
    [case] = stored_cases(bot.services)
    assert (case.unit, case.failure_text) == ("Rehab", "Oklart vem som äger frågan")
    with bot.services.db.unit_of_work() as session:
        assert session.scalars(select(AgendaItem.text)).all() == ["Samverkan kring unga"]
    assert not any(char in everything_stored(bot.services) for char in "".join(BAD.values())[:-2])


def _stored_bad(database_url: str) -> str:
    """The characters a row stored before the door cleaned could hold (PostgreSQL never took a NUL)."""
    bad = "".join(char for name, char in BAD.items() if "surrogate" not in name)
    return bad.replace("\x00", "") if database_url.startswith("postgresql") else bad


def _uploaded(bot: Bot, suffix: str, count: int = 1) -> bytes:
    deadline = time.monotonic() + 5
    while len(files := [f for f in bot.fake.uploaded_files() if f.filename.endswith(suffix)]) < count:
        assert time.monotonic() < deadline, f"no {suffix} uploaded"
        time.sleep(0.02)
    return files[-1].content


def test_old_case_rows_with_bad_characters_still_export_as_xlsx_and_csv(bot: Bot, database_url: str) -> None:
    setup_heby(bot)
    bad = _stored_bad(database_url)
    with bot.services.db.unit_of_work() as session:
        group = session.scalars(select(Group)).one()
        insert_cases(session, group=group, specs=[CaseSpec(unit=f"AME{bad}")])
        case = session.scalars(select(Case)).one()
        case.note, case.failure_text = f"Anteckning{bad}", f"Väntat{bad} länge"
        session.add(
            CaseNote(case_id=case.id, user_id=ANNA, text=f"Ringt{bad} AF", at=datetime(2026, 11, 2, tzinfo=UTC))
        )
    bot.sim.slash_command(ANNA, HEBY, "ärenden export")
    bot.sim.slash_command(ANNA, HEBY, "ärenden export csv")
    sheet = load_workbook(io.BytesIO(_uploaded(bot, ".xlsx"))).active
    header, row = list(sheet.values)  # type: ignore[union-attr]
    exported = dict(zip(header, row, strict=True))
    assert (exported["Enhet"], exported["Anteckning"], exported["Beskrivning"]) == ("AME", "Anteckning", "Väntat länge")
    assert exported["Uppföljning"] == "2026-11-02: Ringt AF"
    [line] = csv.DictReader(io.StringIO(_uploaded(bot, ".csv").decode("utf-8-sig")), delimiter=";")
    assert (line["enhet"], line["anteckning"], line["uppfoljning"]) == ("AME", "Anteckning", "2026-11-02: Ringt AF")


def test_an_old_plan_answer_with_bad_characters_still_makes_a_word_document(bot: Bot, database_url: str) -> None:
    setup_heby(bot)
    bot.sim.slash_command(ANNA, HEBY, "plan ny verksamhetsplan 2028")
    bot.fake.wait_for("chat.postMessage", predicate=lambda c: "har startat" in blocks_text(c))
    bad = _stored_bad(database_url)
    with bot.services.db.unit_of_work() as session:
        section = session.scalars(select(PlanSection).where(PlanSection.key == "mal")).one()
        section.answers, section.answered_by = {"mal": f"Fler{bad} i arbete"}, ANNA
        session.scalars(select(Plan)).one().group.name = f"Heby{bad}"
    bot.sim.slash_command(ANNA, HEBY, "plan dokument")
    paragraphs = [p.text for p in Document(io.BytesIO(_uploaded(bot, ".docx"))).paragraphs]
    assert "Fler i arbete" in paragraphs
    markdown = _uploaded(bot, ".md").decode("utf-8")
    assert "Fler i arbete" in markdown and not any(char in markdown for char in bad)


def test_an_old_meeting_with_bad_characters_still_makes_a_calendar_file(bot: Bot, database_url: str) -> None:
    setup_heby(bot)
    bad = _stored_bad(database_url)
    with bot.services.db.unit_of_work() as session:
        group = session.scalars(select(Group)).one()
        start = datetime(2026, 12, 1, 12, tzinfo=UTC)
        meeting = meetings_repo.create_meeting(
            session,
            group=group,
            starts_at=start,
            ends_at=start.replace(hour=14),
            place=f"Kommunhuset{bad}, sal 3\r\nDTSTART:20990101T000000Z",
            convenor=ANNA,
            minute_taker=ANNA,
            now=start,
        )
        organizer = Organizer(f"anna{bad}@heby.se", f"Anna{bad} Ahl")
        made = meeting_ics(meeting, title=f"LOKUS Heby{bad}", now=start, organizer=organizer)
        ics = with_description(made, f"1. Mål{bad}\n2. Övrigt")
    [event] = Calendar.from_ical(ics).walk("VEVENT")
    assert str(event["location"]) == "Kommunhuset, sal 3\nDTSTART:20990101T000000Z"
    assert str(event["summary"]) == "LOKUS Heby" and str(event["description"]) == "1. Mål\n2. Övrigt"
    assert event.decoded("dtstart") == start
    assert str(event["organizer"]) == "mailto:anna@heby.se" and str(event["organizer"].params["CN"]) == "Anna Ahl"
    lines = ics.decode("utf-8").split("\r\n")
    assert not any(ch < " " for line in lines for ch in line), "no control character is left in any line"
