"""Meetings end to end: signed Slack requests in, Web API calls out (chat.update, files_upload_v2), and the console."""

import io
from datetime import UTC, datetime
from pathlib import Path

from icalendar import Calendar
from slack_sdk import WebClient

from bot.blocks import BlockRenderer
from bot.catalogue import Catalogue
from bot.console import Console
from bot.scheduler import run_due
from bot.services import Services
from bot.slack.clients import OneToken
from bot.slack.delivery import SlackDelivery
from bot.slack.origin import Origin
from handlers.context import Actor
from handlers.replies import PostedHook, Send, To, say, to_user, update_message
from tests.bot.conftest import Bot
from tests.bot.test_e2e_conversation import buttons
from tests.bot.test_e2e_platform import blocks_text
from tests.conftest import FakeClock
from tests.support.fake_slack import Call, FakeSlack
from tests.support.slack_chat import answer_by_key

HEBY = "CHEBY"
MEMBERS = (
    "<@UANNA|anna> kommun sammankallande",
    "<@UBERTIL|bertil> AF",
    "<@UCECILIA|cecilia> FK",
    "<@UDAVID|david> region",
)


def in_channel(call: Call) -> bool:
    return call.args.get("channel") == HEBY


def dm_posts(bot: Bot, user: str, count: int) -> list[Call]:
    return bot.fake.wait_for("chat.postMessage", count=count, predicate=lambda c: c.args["channel"] == f"D{user}")


def setup_heby(bot: Bot) -> None:
    bot.sim.slash_command("UANNA", HEBY, "koppla Heby")
    for n, member in enumerate(MEMBERS, start=2):
        bot.fake.wait_for("chat.postMessage", count=n - 1, predicate=in_channel)
        bot.sim.slash_command("UANNA", HEBY, f"medlem {member}")
    bot.fake.wait_for("chat.postMessage", count=len(MEMBERS) + 1, predicate=in_channel)


def click(bot: Bot, call: Call, label: str, user: str = "UANNA", message_ts: str | None = None) -> None:
    element = buttons(call)[label]
    response = bot.sim.block_action(
        user, call.args["channel"], element["action_id"], element["value"], message_ts=message_ts or call.args.get("ts")
    )
    assert response.status == 200


def schedule(bot: Bot) -> tuple[Call, str]:
    """Anna calls the meeting over Slack; the announcement's postMessage call and its ts."""
    setup_heby(bot)
    bot.sim.slash_command("UANNA", HEBY, "möte tisdag nästa vecka kl 13")
    assert "direktmeddelande" in blocks_text(bot.fake.wait_for("response_url")[0])
    posts = dm_posts(bot, "UANNA", 2)
    assert "Uppfattat: tisdag 1 december 2026 kl. 13.00." in blocks_text(posts[0])
    assert "Var hålls mötet?" in blocks_text(posts[1])
    answers = {"place": "Kommunhuset, sal 3", "length": "ok", "minute_taker": "jag"}
    summary = answer_by_key(bot, "UANNA", posts[1], answers, confirm=None)
    assert "tisdag 1 december 2026 kl. 13.00–15.00, stämmer det?" in blocks_text(summary)
    click(bot, summary, "Spara")
    [announcement] = bot.fake.wait_for("chat.postMessage", count=len(MEMBERS) + 2, predicate=in_channel)[-1:]
    [message] = [m for m in bot.fake.messages(HEBY) if "Möte i LOKUS Heby" in m["text"]]
    bot.fake.wait_for("files.completeUploadExternal")  # the ts is stored before the calendar file is uploaded
    return announcement, message["ts"]


def uploaded_calendar(fake: FakeSlack, count: int) -> Calendar:
    files = fake.uploaded_files()
    assert len(files) >= count
    return Calendar.from_ical(files[count - 1].content)


def test_call_answer_move_and_cancel_a_meeting_over_slack(bot: Bot) -> None:
    announcement, ts = schedule(bot)
    shown = blocks_text(announcement)
    assert "Plats*\nKommunhuset, sal 3" in shown and "3. Planens status" in shown
    [upload] = bot.fake.uploaded_files()
    assert (upload.channel_id, upload.thread_ts, upload.filename) == (HEBY, ts, "lokus-heby-2026-12-01.ics")
    [event] = Calendar.from_ical(upload.content).walk("VEVENT")
    assert event.decoded("DTSTART") == datetime(2026, 12, 1, 12, tzinfo=UTC) and int(event["SEQUENCE"]) == 0
    assert "3. Planens status" in str(event["DESCRIPTION"]), "the agenda is in the invitation"
    uid = str(event["UID"])

    click(bot, announcement, "Kommer", user="UBERTIL", message_ts=ts)
    [update] = bot.fake.wait_for("chat.update")
    assert (update.args["channel"], update.args["ts"]) == (HEBY, ts)
    assert "<@UBERTIL> kommer" in blocks_text(update)
    assert "Ingen kommer än från: Försäkringskassan, Region och Kommun." in blocks_text(update)
    assert "Tack! Du är anmäld" in blocks_text(bot.fake.wait_for("response_url", count=2)[-1])

    bot.sim.slash_command("UANNA", HEBY, "möte flytta torsdag nästa vecka kl 10")
    moved = bot.fake.wait_for("chat.update", count=2)[-1]
    assert "torsdag 3 december 2026 kl. 10.00–12.00" in blocks_text(moved)
    notice = bot.fake.wait_for("chat.postMessage", predicate=lambda c: c.args.get("thread_ts") == ts)[0]
    assert "Mötet är flyttat" in blocks_text(notice)
    bot.fake.wait_for("files.completeUploadExternal", count=2)
    [event] = uploaded_calendar(bot.fake, 2).walk("VEVENT")
    assert (str(event["UID"]), int(event["SEQUENCE"])) == (uid, 1)
    assert bot.fake.uploaded_files()[1].filename == "lokus-heby-2026-12-03-flyttat.ics"

    bot.sim.slash_command("UANNA", HEBY, "möte ställ in")
    question = bot.fake.wait_for("response_url", predicate=lambda c: "Vill du ställa in" in blocks_text(c))[0]
    click(bot, _as_message(question), "Ja, ställ in mötet")
    cancelled = bot.fake.wait_for("chat.update", count=3)[-1]
    assert "INSTÄLLT" in blocks_text(cancelled) and "Kommer inte" not in blocks_text(cancelled)
    bot.fake.wait_for("files.completeUploadExternal", count=3)
    calendar = uploaded_calendar(bot.fake, 3)
    [event] = calendar.walk("VEVENT")
    assert str(calendar["METHOD"]) == "CANCEL" and (str(event["UID"]), int(event["SEQUENCE"])) == (uid, 2)
    assert bot.fake.uploaded_files()[2].filename == "lokus-heby-2026-12-03-installt.ics"
    [told] = dm_posts(bot, "UBERTIL", 1)
    assert "är inställt" in blocks_text(told)


def test_the_invitation_is_from_the_convenor_when_slack_shares_her_address(bot: Bot) -> None:
    bot.fake.add_user("UANNA", "anna", "Anna Ahl", email="anna.ahl@heby.se")
    schedule(bot)
    [event] = uploaded_calendar(bot.fake, 1).walk("VEVENT")
    assert str(event["ORGANIZER"]) == "mailto:anna.ahl@heby.se" and str(event["ORGANIZER"].params["CN"]) == "Anna Ahl"


def test_without_a_shared_address_the_invitation_is_from_the_bot(bot: Bot) -> None:
    bot.fake.add_user("UANNA", "anna", "Anna Ahl")  # no users:read.email scope: no address in the profile
    schedule(bot)
    [event] = uploaded_calendar(bot.fake, 1).walk("VEVENT")
    assert (
        str(event["ORGANIZER"]) == "mailto:noreply@lokusbot.invalid" and event["ORGANIZER"].params["CN"] == "LOKUS Heby"
    )


def _as_message(call: Call) -> Call:
    """A response_url message as if it were a posted one in the channel (for clicking its buttons)."""
    return Call(call.method, {**call.args, "channel": HEBY}, call.headers)


def test_reminders_and_minutes_over_slack(bot: Bot, clock: FakeClock) -> None:
    announcement, ts = schedule(bot)
    settings = bot.services.settings
    client = WebClient(token=bot.fake.bot_token, base_url=bot.fake.url)
    delivery = SlackDelivery(OneToken(client), BlockRenderer(Catalogue.for_slack(settings.language)))
    system = Origin(Actor("", "USLACKBOT"))
    clock.now = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
    assert run_due(bot.services, "", lambda sends: delivery.deliver(system, sends)) == 5
    reminder = bot.fake.wait_for("chat.postMessage", predicate=lambda c: "Påminnelse" in blocks_text(c))[0]
    assert reminder.args["channel"] == HEBY and "om 7 dagar" in blocks_text(reminder)
    asked = dm_posts(bot, "UDAVID", 1)[0]
    assert "Du har inte svarat än" in blocks_text(asked)
    click(bot, asked, "Skickar ersättare", user="UDAVID")
    assert "<@UDAVID> skickar ersättare" in blocks_text(bot.fake.wait_for("chat.update")[0])
    assert run_due(bot.services, "", lambda sends: delivery.deliver(system, sends)) == 0

    clock.now = datetime(2026, 12, 1, 14, 0, tzinfo=UTC)
    run_due(bot.services, "", lambda sends: delivery.deliver(system, sends))
    assert "Hållet möte" in blocks_text(bot.fake.wait_for("chat.update", count=2)[-1])
    bot.fake.wait_for(
        "chat.postMessage",
        predicate=lambda c: (
            c.args["channel"] == "DUANNA" and "Skriv eller klistra in minnesanteckningarna" in blocks_text(c)
        ),
    )
    bot.sim.dm_message("UANNA", "Vi gick igenom planen & lots-ärendena.")
    [summary] = bot.fake.wait_for(
        "chat.postMessage",
        predicate=lambda c: c.args["channel"] == "DUANNA" and "Minnesanteckningar – stämmer det här?" in blocks_text(c),
    )
    click(bot, summary, "Spara")
    minutes = bot.fake.wait_for("chat.postMessage", predicate=lambda c: c.args.get("thread_ts") == ts)[0]
    assert "Vi gick igenom planen &amp; lots-ärendena." in blocks_text(minutes)


def test_delivery_updates_earlier_messages_and_reports_where_it_posted(fake_slack: FakeSlack) -> None:
    reported: list[tuple[str, str, str]] = []
    client = WebClient(token=fake_slack.bot_token, base_url=fake_slack.url)
    delivery = SlackDelivery(
        OneToken(client),
        BlockRenderer(Catalogue.for_slack("sv")),
        on_posted=lambda origin, hook, channel, ts: reported.append((hook.value, channel, ts)),
    )
    origin = Origin(Actor("T0LOKUS", "UANNA", HEBY))
    first = Send(say("Första"), To.CHANNEL, channel_id=HEBY, posted=PostedHook("test.posted", "42"))
    delivery.deliver(origin, [first, to_user(say("Hej"), "UBERTIL")])
    [(value, channel, ts)] = reported
    assert (value, channel) == ("42", HEBY) and ts == fake_slack.messages(HEBY)[0]["ts"]
    delivery.deliver(origin, [update_message(say("Andra"), HEBY, ts)])
    [update] = fake_slack.wait_for("chat.update")
    assert (update.args["channel"], update.args["ts"], update.args["text"]) == (HEBY, ts, "Andra")
    assert [m["text"] for m in fake_slack.messages(HEBY)] == ["Andra"]


def test_calling_and_answering_in_the_console(services: Services, tmp_path: Path) -> None:
    out = io.StringIO()
    console = Console(services, user="anna", channel="heby", out=out, files_dir=tmp_path)
    console.run(
        [
            "/lokus koppla Heby",
            "/lokus medlem @anna kommun sammankallande",
            "/lokus medlem @bertil AF",
            "/lokus möte tisdag nästa vecka kl 13",
            "Kommunhuset, sal 3",
            ":a",
            "@bertil",
            "ja",
            ":som bertil",
            ":a",
            "/lokus möten",
        ]
    )
    output = out.getvalue()
    assert "Uppfattat: tisdag 1 december 2026 kl. 13.00." in output
    assert "tisdag 1 december 2026 kl. 13.00–15.00, stämmer det?" in output and "Antecknar: @bertil" in output
    assert "lokusbot i #heby:\n  == Möte i LOKUS Heby ==" in output
    assert "lokusbot uppdaterade sitt meddelande i #heby:" in output
    updated = output.split("uppdaterade sitt meddelande i #heby:")[1]
    assert "Arbetsförmedlingen: @bertil kommer" in updated
    assert "Arbetsförmedlingen 1 · Försäkringskassan 0" in output
    [ics] = list(tmp_path.glob("*.ics"))
    [event] = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert str(event["LOCATION"]) == "Kommunhuset, sal 3"


def test_console_buttons_of_a_dm_started_from_the_channel_are_pressed_in_the_dm(
    services: Services, tmp_path: Path
) -> None:
    out = io.StringIO()
    console = Console(services, user="anna", channel="heby", out=out, files_dir=tmp_path)
    console.run(
        [
            "/lokus koppla Heby",
            "/lokus medlem @anna kommun sammankallande",
            "/lokus möte tisdag nästa vecka kl 13",
            ":z",
            ":b",
        ]
    )
    output = out.getvalue()
    assert "[:a Tillbaka = tillbaka]  [:b Avbryt = avbryt]" in output
    assert "Det finns ingen knapp :z i senaste meddelandet." in output
    assert "Okej, jag har avbrutit kallelsen till mötet. Inget har sparats." in output
    assert "redan avslutat" not in output
