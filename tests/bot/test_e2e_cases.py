"""Lots-ärenden end to end: signed Slack requests into the real Bolt app, the Web API calls it makes, the database.

The acceptance test talks to the bot as a coordinator would: it clicks the buttons the bot actually posted (their
action ids and values taken from the blocks) and types the rest, then looks in the database and in the exported
files for anything that should not be there.
"""

import csv
import io
import time
from collections.abc import Callable
from typing import Any

from openpyxl import load_workbook

from handlers.cases.questions import CASE_QUESTIONS
from handlers.conversation.state import read_state
from storage import conversations
from storage import groups as groups_repo
from storage.conversations import DM, ConversationKey
from tests.bot.conftest import Bot
from tests.bot.test_e2e_platform import blocks_text
from tests.handlers.test_cases_helpers import everything_stored, stored_cases
from tests.support.case_factory import CaseSpec, insert_cases
from tests.support.fake_slack import Call
from tests.support.signing import Response
from tests.support.slack_chat import next_post, question_key

HEBY = "CHEBY"
ANNA = "UANNA"
PNR, PHONE = "19811218-9876", "070-123 45 67"


def setup_heby(bot: Bot) -> None:
    bot.sim.slash_command(ANNA, HEBY, "koppla Heby")
    bot.fake.wait_for("chat.postMessage", predicate=lambda c: c.args.get("channel") == HEBY)
    bot.sim.slash_command(ANNA, HEBY, "medlem <@UANNA|anna> kommun samordnare")
    bot.fake.wait_for("chat.postMessage", count=2, predicate=lambda c: c.args.get("channel") == HEBY)


def dm_posts(bot: Bot, count: int, user: str = ANNA) -> list[Call]:
    """Wait until the bot has posted `count` messages in the person's DM; all of them."""
    return bot.fake.wait_for("chat.postMessage", count=count, predicate=lambda c: c.args.get("channel") == f"D{user}")


def elements(call: Call) -> list[dict[str, Any]]:
    """The interactive elements of a posted message, each with its block id."""
    return [
        {**element, "block_id": block.get("block_id")}
        for block in call.args.get("blocks", [])
        if block["type"] == "actions"
        for element in block["elements"]
    ]


def click(bot: Bot, call: Call, label: str, channel: str = f"D{ANNA}", **extra: Any) -> Response:
    """Click the button with this label on the message."""
    [button] = [e for e in elements(call) if e["type"] == "button" and e["text"]["text"] == label]
    return bot.sim.block_action(
        ANNA, channel, button["action_id"], button["value"], block_id=button["block_id"], **extra
    )


def pick(bot: Bot, call: Call, label: str) -> Response:
    """Pick an option of the message's menu."""
    [menu] = [e for e in elements(call) if e["type"] == "static_select"]
    [option] = [o for o in menu["options"] if o["text"]["text"] == label]
    return bot.sim.block_action(
        ANNA, f"D{ANNA}", menu["action_id"], option["value"], block_id=menu["block_id"], action_type="static_select"
    )


def tick(bot: Bot, call: Call, labels: list[str]) -> None:
    """Tick checkboxes on the message (Slack sends every ticked option); returns once the bot has noted them."""
    [boxes] = [e for e in elements(call) if e["type"] == "checkboxes"]
    ticked = [o for o in boxes["options"] if o["text"]["text"] in labels]
    assert len(ticked) == len(labels)
    bot.sim.block_action(
        ANNA,
        f"D{ANNA}",
        boxes["action_id"],
        None,
        block_id=boxes["block_id"],
        action_type="checkboxes",
        selected_options=ticked,
    )
    deadline = time.monotonic() + 5
    while len(_ticked(bot)) != len(labels):
        assert time.monotonic() < deadline, "the ticks were never noted"
        time.sleep(0.02)


def _ticked(bot: Bot) -> list[str]:
    with bot.services.db.unit_of_work() as session:
        stored = conversations.load(session, key=ConversationKey("T0LOKUS", ANNA, DM, ""))
        if stored is None:
            return []
        active = read_state(stored.flow, stored.state, stored.status).active
        return list(active.ticked) if active else []


def say(bot: Bot, text: str, **extra: Any) -> Response:
    response = bot.sim.dm_message(ANNA, text, **extra)
    assert response.status == 200
    return response


def then(bot: Bot, do: Callable[[], Response]) -> Call:
    """Do something in the DM and wait for the bot's answer there."""
    return next_post(bot, do, f"D{ANNA}")


def _refused_then(bot: Bot, post: Call, typed: str, kind: str, answer: Callable[[Call], Response]) -> Call:
    """Type something identifying, see it refused and not repeated, then answer properly."""
    refused = then(bot, lambda: say(bot, typed))
    assert kind in blocks_text(refused) and typed not in blocks_text(refused)
    return then(bot, lambda: answer(refused))


def _targets(bot: Bot, post: Call) -> Call:
    tick(bot, post, ["Nyanlända", "Psykisk ohälsa/funktionsnedsättning"])
    return then(bot, lambda: click(bot, post, "Klar"))


# How the coordinator answers each question, by its key: a click, a pick from the menu, or typing.
COORDINATOR: dict[str, Callable[[Bot, Call], Call]] = {
    "raised_on": lambda bot, post: then(bot, lambda: click(bot, post, "Använd 23 november 2026")),
    "party": lambda bot, post: then(bot, lambda: click(bot, post, "Arbetsförmedlingen")),
    "unit": lambda bot, post: then(bot, lambda: say(bot, "AME")),
    "gender": lambda bot, post: then(bot, lambda: click(bot, post, "Kvinna")),
    "age_band": lambda bot, post: then(bot, lambda: pick(bot, post, "25–29")),
    "target_groups": _targets,
    "failures": lambda bot, post: then(bot, lambda: say(bot, "väntetider, information")),
    "failure_text": lambda bot, post: _refused_then(
        bot, post, f"Gäller {PNR}, har väntat länge", "personnummer", lambda _: say(bot, "Har väntat länge på besked")
    ),
    "referred_tr": lambda bot, post: then(bot, lambda: click(bot, post, "Ja")),
    "note": lambda bot, post: _refused_then(
        bot, post, f"Ring {PHONE}", "telefonnummer", lambda refused: click(bot, refused, "Hoppa över")
    ),
}


def test_a_coordinator_registers_a_case_by_clicking_and_typing_and_nothing_identifying_is_kept(bot: Bot) -> None:
    setup_heby(bot)
    bot.sim.slash_command(ANNA, HEBY, "ärende")
    [notice] = bot.fake.wait_for("response_url")
    assert notice.args["response_type"] == "ephemeral" and "direktmeddelande" in blocks_text(notice)
    intro, post = dm_posts(bot, 2)
    assert "LOKUS Heby" in blocks_text(intro) and f"fråga 1 av {len(CASE_QUESTIONS)}" in blocks_text(post)
    asked = []
    while (key := question_key(post)) is not None:
        asked.append(key)
        post = COORDINATOR[key](bot, post)
    assert asked == [q.key for q in CASE_QUESTIONS], "every question asked once, none twice"
    summary = blocks_text(post)
    for shown in (
        "23 november 2026",
        "Arbetsförmedlingen",
        "AME",
        "Kvinna",
        "25–29",
        "Psykisk ohälsa",
        "Nyanlända",
        "Information mellan parter, Väntetider",
        "Har väntat länge på besked",
    ):
        assert shown in summary
    posts_before = len(bot.fake.calls("chat.postMessage"))
    for retry in (None, 1, 2):
        say(bot, "ja", event_id="Ev0CASEYES", retry_num=retry)
    bot.fake.wait_for("chat.postMessage", count=posts_before + 1)
    saved = bot.fake.calls("chat.postMessage")[-1]
    assert "Ärende #1 registrerat för LOKUS Heby" in blocks_text(saved)
    assert sum("registrerat" in blocks_text(c) for c in bot.fake.calls("chat.postMessage")) == 1

    [case] = stored_cases(bot.services)
    assert (case.number, case.party, case.unit, case.gender, case.age_band, case.referred_tr) == (
        1,
        "af",
        "AME",
        "kvinna",
        "25-29",
        True,
    )
    assert [t.code for t in case.target_groups] == ["nyanlanda", "psykisk_ohalsa"]
    stored = everything_stored(bot.services)
    for secret in (PNR, "9876", PHONE, "123 45 67", "Ring", "Gäller"):
        assert secret not in stored

    bot.sim.slash_command(ANNA, HEBY, "ärenden export csv")
    bot.sim.slash_command(ANNA, HEBY, "ärenden export")
    answers = bot.fake.wait_for("response_url", count=3)
    assert "Filen skickas bara till dig" in blocks_text(answers[-1])
    bot.fake.wait_for("files.completeUploadExternal", count=2)
    csv_file, xlsx_file = bot.fake.uploaded_files()
    assert (csv_file.channel_id, xlsx_file.channel_id) == (f"D{ANNA}", f"D{ANNA}")
    assert csv_file.filename == "lots-arenden-heby-2026-11-23.csv" and xlsx_file.filename.endswith(".xlsx")
    [row] = csv.DictReader(io.StringIO(csv_file.content.decode("utf-8-sig")), delimiter=";")
    assert (row["part"], row["enhet"], row["kon"], row["tillaggsresurs"]) == ("AF", "AME", "kvinna", "ja")
    sheet = load_workbook(io.BytesIO(xlsx_file.content)).active
    exported = repr(list(sheet.values)) + csv_file.content.decode("utf-8-sig")
    for secret in (PNR, "9876", PHONE, "Ring", "Gäller"):
        assert secret not in exported
    assert bot.fake.calls("files.upload") == []


def test_people_outside_the_group_are_refused(bot: Bot) -> None:
    setup_heby(bot)
    for text in ("ärende", "ärenden export"):
        assert bot.sim.slash_command("UOTHER", HEBY, text).status == 200, "acked, so Slack shows no error of its own"
    closing = bot.sim.block_action(
        "UOTHER",
        HEBY,
        "case.close#2",
        "1",
        container={"type": "message", "message_ts": "1.0", "channel_id": HEBY, "is_ephemeral": True},
    )
    assert closing.status == 200
    refusals = [blocks_text(r) for r in bot.fake.wait_for("response_url", count=3)]  # in any order
    assert sum("Du är inte medlem i *Heby*" in text for text in refusals) == 2, refusals
    assert sum("Jag hittar inte det ärendet" in text for text in refusals) == 1, refusals
    bot.sim.dm_message("UOTHER", "nytt ärende")
    [dm] = dm_posts(bot, 1, user="UOTHER")
    assert "inte medlem i någon LOKUS-grupp" in blocks_text(dm)
    assert bot.fake.uploaded_files() == [] and stored_cases(bot.services) == []


def _form_state(view: dict[str, Any], values: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """What Slack sends back for a filled-in modal, built from the view the bot opened."""
    state: dict[str, dict[str, Any]] = {}
    for block in view["blocks"]:
        element, value = block["element"], values.get(block["block_id"])
        kind = element["type"]
        if kind == "datepicker":
            entry = {"type": kind, "selected_date": value}
        elif kind in ("radio_buttons", "static_select"):
            entry = {"type": kind, "selected_option": {"value": value} if value else None}
        elif kind == "checkboxes":
            entry = {"type": kind, "selected_options": [{"value": v} for v in value or []]}
        else:
            entry = {"type": kind, "value": value}
        state[block["block_id"]] = {element["action_id"]: entry}
    return state


def test_a_case_by_form_shows_errors_on_the_fields_then_saves(bot: Bot) -> None:
    setup_heby(bot)
    bot.sim.slash_command(ANNA, HEBY, "ärende form")
    [opened] = bot.fake.wait_for("views.open")
    view = opened.args["view"]
    assert view["callback_id"] == "form.case" and view["title"]["text"] == "Nytt lots-ärende"
    filled = {
        "raised_on": "2026-11-20",
        "party": "fk",
        "gender": "man",
        "age_band": "30-39",
        "target_groups": ["sjukskrivna"],
        "failures": ["ansvarsfordelning"],
        "referred_tr": "nej",
        "failure_text": f"Gäller {PNR}",
    }
    response = bot.sim.view_submission(ANNA, view["callback_id"], _form_state(view, filled), view["private_metadata"])
    answer = response.json()
    assert answer["response_action"] == "errors" and list(answer["errors"]) == ["failure_text"]
    assert "personnummer" in answer["errors"]["failure_text"]
    filled["failure_text"] = "Oklart vem som äger frågan"
    response = bot.sim.view_submission(ANNA, view["callback_id"], _form_state(view, filled), view["private_metadata"])
    assert response.status == 200 and not response.body
    [saved] = dm_posts(bot, 1)
    assert "Ärende #1 registrerat för LOKUS Heby" in blocks_text(saved)
    [case] = stored_cases(bot.services)
    assert (case.party, case.age_band, case.failure_text) == ("fk", "30-39", "Oklart vem som äger frågan")
    assert PNR not in everything_stored(bot.services)


def test_following_up_with_the_buttons_of_the_private_list(bot: Bot) -> None:
    setup_heby(bot)
    bot.sim.slash_command(ANNA, HEBY, "ärende form")
    [opened] = bot.fake.wait_for("views.open")
    view = opened.args["view"]
    filled = {
        "raised_on": "2026-11-02",
        "party": "region",
        "gender": "kvinna",
        "age_band": "16-19",
        "target_groups": ["unga_utan_gymnasium"],
        "failures": ["vantetider"],
        "referred_tr": "ja",
    }
    bot.sim.view_submission(ANNA, view["callback_id"], _form_state(view, filled), view["private_metadata"])
    dm_posts(bot, 1)
    ephemeral = {"type": "message", "message_ts": "1.0", "channel_id": HEBY, "is_ephemeral": True}

    bot.sim.slash_command(ANNA, HEBY, "ärenden")
    listed = bot.fake.wait_for("response_url")[-1]
    assert "Öppna lots-ärenden (1)" in blocks_text(listed) and "Region" in blocks_text(listed)
    click(bot, listed, "Markera #1 som pågående", channel=HEBY, container=ephemeral)
    assert "status: Pågår" in blocks_text(bot.fake.wait_for("response_url", count=2)[-1])
    click(bot, listed, "Stäng #1", channel=HEBY, container=ephemeral)
    asked = bot.fake.wait_for("response_url", count=3)[-1]
    click(bot, asked, "Arbete", channel=HEBY, container=ephemeral)
    closed = bot.fake.wait_for("response_url", count=4)[-1]
    assert "stängt. Utfall: Arbete" in blocks_text(closed)
    click(bot, closed, "Öppna #1 igen", channel=HEBY, container=ephemeral)
    assert "öppet igen" in blocks_text(bot.fake.wait_for("response_url", count=5)[-1])
    click(bot, listed, "Anteckning #1", channel=HEBY, container=ephemeral)
    assert "Anteckning till ärende #1" in blocks_text(dm_posts(bot, 3)[1])
    say(bot, "Möte bokat")
    dm_posts(bot, 4)
    say(bot, "ja")
    assert "Anteckningen är sparad" in blocks_text(dm_posts(bot, 5)[-1])
    [case] = stored_cases(bot.services)
    assert (case.status, case.outcome, [n.text for n in case.notes]) == ("open", None, ["Möte bokat"])
    in_channel = [c for c in bot.fake.calls("chat.postMessage") if c.args.get("channel") == HEBY]
    assert len(in_channel) == 2, "nothing about the case is posted visibly in the channel, only the set-up"


def test_an_ampersand_is_stored_as_typed_escaped_once_in_chat_and_plain_in_files(bot: Bot) -> None:
    bot.sim.slash_command(ANNA, "CENK", "koppla Enköping &amp; Håbo")  # how Slack sends a typed "&"
    [linked] = bot.fake.wait_for("chat.postMessage")
    assert "*Enköping &amp; Håbo*" in linked.args["text"], "escaped once for mrkdwn, not &amp;amp;"
    bot.sim.slash_command(ANNA, "CENK", "medlem <@UANNA|anna> kommun samordnare")
    bot.fake.wait_for("chat.postMessage", count=2)
    with bot.services.db.unit_of_work() as session:
        group = groups_repo.find_group_by_channel(session, team_id="T0LOKUS", channel_id="CENK")
        assert group is not None and group.name == "Enköping & Håbo"
        insert_cases(session, group=group, specs=[CaseSpec(unit="Rehab & arbete <Öst>")])
    bot.sim.dm_message(ANNA, "sammanfattning Enköping &amp; Håbo")
    [summary] = dm_posts(bot, 1, user=ANNA)
    assert "1* lots-ärende" in blocks_text(summary), blocks_text(summary)
    bot.fake.wait_for("files.completeUploadExternal")
    bot.sim.dm_message(ANNA, "ärenden export csv")
    bot.fake.wait_for("files.completeUploadExternal", count=2)
    chart, csv_file = bot.fake.uploaded_files()
    assert chart.title == "Diagram: Lots-ärenden – Enköping & Håbo"
    [row] = csv.DictReader(io.StringIO(csv_file.content.decode("utf-8-sig")), delimiter=";")
    assert row["enhet"] == "Rehab & arbete <Öst>"
    assert "Enköping & Håbo" in csv_file.title and "&amp;" not in csv_file.title
