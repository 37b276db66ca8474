"""Nothing promised is lost when Slack fails (issue 12 item 5): replies are kept in the outbox and retried.

Signed requests into the real app; the fake Slack answers some calls with 429, 5xx or not at all
(tests/support/fake_faults.py). What the person sees is what the fake Slack accepted: `fake.messages()`.
"""

import logging
import time
from datetime import timedelta

import pytest
from slack_sdk import WebClient
from sqlalchemy import select, update

from bot.blocks import BlockRenderer
from bot.catalogue import Catalogue
from bot.slack.clients import OneToken
from bot.slack.deliverer import Deliverer
from bot.slack.outbox import SlackOutbox
from bot.slack.sending import SlackSender
from storage.clock import utcnow
from storage.models import ProcessedEvent
from storage.outbox_models import FAILED, PENDING, SENT, OutboxMessage
from tests.bot.conftest import Bot
from tests.bot.test_e2e_cases import ANNA, COORDINATOR, HEBY, dm_posts, setup_heby
from tests.bot.test_e2e_meetings import click as click_rsvp
from tests.bot.test_e2e_meetings import schedule
from tests.bot.test_e2e_platform import blocks_text
from tests.handlers.test_cases_helpers import stored_cases
from tests.support.fake_slack import Call
from tests.support.slack_chat import next_post, question_key

DM_ANNA = f"D{ANNA}"
ERRORS = ("Oj", "något gick fel", "försök igen")


def dm_texts(bot: Bot, user: str = ANNA) -> list[str]:
    """What the person has seen in the DM, in order."""
    return [message["text"] for message in bot.fake.messages(f"D{user}")]


def outbox_states(bot: Bot, timeout: float = 10) -> list[str]:
    """The state of every outbox message, once none is pending (a message is marked sent just after it arrives)."""
    deadline = time.monotonic() + timeout
    while True:
        with bot.services.db.unit_of_work() as session:
            states = list(session.scalars(select(OutboxMessage.state).order_by(OutboxMessage.id)))
        if PENDING not in states or time.monotonic() > deadline:
            return states
        time.sleep(0.02)


def answer_until(bot: Bot, post: Call, last: str) -> Call:
    """Answer the case conversation as the coordinator does, up to and including the question `last`."""
    while (key := question_key(post)) != last:
        assert key is not None, f"the conversation ended before {last!r}"
        post = COORDINATOR[key](bot, post)
    return post


def test_question_ten_whose_post_fails_arrives_later_and_takes_its_own_answer(bot: Bot) -> None:
    """Issue 12: question 10's post failed, the person saw "Oj … försök igen", typed answer 9 again, and it
    was saved as answer 10. Now the post is retried until it arrives, once, and nobody is asked to type again."""
    setup_heby(bot)
    bot.sim.slash_command(ANNA, HEBY, "ärende")
    _, post = dm_posts(bot, 2)
    answer_until(bot, post, "referred_tr")
    bot.fake.server_error_next("chat.postMessage", count=4)  # the client's own retry fails too: the outbox's turn
    assert bot.sim.dm_message(ANNA, "ja").status == 200
    tenth = bot.fake.wait_for(
        "chat.postMessage", timeout=15, predicate=lambda c: not c.fault and question_key(c) == "note"
    )
    assert len(tenth) == 1
    summary = next_post(bot, lambda: bot.sim.dm_message(ANNA, "Ringde AF i går"), DM_ANNA)
    saved = next_post(bot, lambda: bot.sim.dm_message(ANNA, "ja"), DM_ANNA)
    assert "Ärende #1 registrerat" in blocks_text(saved) and "Ringde AF i går" in blocks_text(summary)
    [case] = stored_cases(bot.services)
    assert (case.referred_tr, case.note) == (True, "Ringde AF i går")
    seen = [blocks_text(call) for call in bot.fake.delivered("chat.postMessage") if call.args["channel"] == DM_ANNA]
    assert not [text for text in seen if any(word in text for word in ERRORS)]
    assert sum("fråga 10 av 10" in text for text in seen) == 1


def test_replies_arrive_once_and_in_order_through_rate_limits_and_server_errors(bot: Bot) -> None:
    bot.fake.rate_limit_next("chat.postMessage", retry_after=1, count=2)
    bot.fake.server_error_next("chat.postMessage", count=2)
    for text in ("tack", "hej då", "tack så mycket"):
        assert bot.sim.dm_message(ANNA, text).status == 200
    bot.fake.wait_for("chat.postMessage", count=3, timeout=20, predicate=lambda c: not c.fault)
    thanks, bye = "Varsågod! Säg till om det är något mer.", "Ha det bra! Skriv när du behöver mig."
    assert dm_texts(bot) == [thanks, bye, thanks]
    assert outbox_states(bot) == [SENT, SENT, SENT]


def test_a_message_slack_refuses_for_good_is_given_up_logged_by_id_and_the_next_one_arrives(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    bot.fake.fail_next("chat.postMessage", error="channel_not_found")
    with caplog.at_level(logging.ERROR, logger="lokusbot.outbox"):
        bot.sim.dm_message(ANNA, "hej då")
        bot.sim.dm_message(ANNA, "tack")
        bot.fake.wait_for("chat.postMessage", count=2)
    assert dm_texts(bot) == ["Varsågod! Säg till om det är något mer."]
    assert outbox_states(bot) == [FAILED, SENT]
    [given_up] = [r for r in caplog.records if "given up" in r.getMessage()]
    assert "outbox message 1 (post)" in given_up.getMessage() and "channel_not_found" in given_up.getMessage()
    assert "Ha det bra" not in given_up.getMessage()


def test_a_private_answer_through_a_failing_response_url_arrives_once(bot: Bot) -> None:
    bot.fake.server_error_next("response_url", count=3)
    assert bot.sim.slash_command(ANNA, HEBY, "hjälp").status == 200
    answers = bot.fake.wait_for("response_url", timeout=15, predicate=lambda c: not c.fault)
    assert len(answers) == 1 and answers[0].args["response_type"] == "ephemeral"


def test_an_announcement_posted_after_a_failure_is_remembered_and_updated_in_place(bot: Bot) -> None:
    bot.fake.chaos(0.5, "500", methods=frozenset({"files.completeUploadExternal"}), seed=3)
    announcement, ts = schedule(bot)
    bot.fake.calm()
    click_rsvp(bot, announcement, "Kommer", user="UBERTIL", message_ts=ts)
    [update] = bot.fake.wait_for("chat.update", timeout=10)
    assert (update.args["channel"], update.args["ts"]) == (HEBY, ts)  # the hook stored the ts the post returned
    announcements = [m for m in bot.fake.messages(HEBY) if "Möte i LOKUS Heby" in m["text"]]
    assert len(announcements) == 1 and len(bot.fake.uploaded_files()) == 1


def test_a_file_whose_upload_fails_is_shared_once_with_its_message_once(bot: Bot) -> None:
    setup_heby(bot)
    bot.fake.server_error_next("file_upload", count=3)  # the upload step's own retries fail: the outbox's turn
    bot.sim.slash_command(ANNA, HEBY, "ärenden export csv")
    bot.fake.wait_for("files.completeUploadExternal", timeout=15)
    [shared] = bot.fake.uploaded_files()
    assert shared.filename.endswith(".csv") and shared.channel_id == DM_ANNA
    assert len(bot.fake.delivered("response_url")) == 1


def test_the_sweep_forgets_delivered_messages_and_handled_event_ids_after_a_while(bot: Bot) -> None:
    bot.sim.dm_message(ANNA, "tack", event_id="Ev0OLD")
    bot.fake.wait_for("chat.postMessage")
    assert outbox_states(bot) == [SENT]
    bot.sim.dm_message(ANNA, "tack", event_id="Ev0NEW")
    bot.fake.wait_for("chat.postMessage", count=2)
    assert outbox_states(bot) == [SENT, SENT]
    long_ago = utcnow() - timedelta(days=8)
    with bot.services.db.unit_of_work() as session:
        first = min(session.scalars(select(OutboxMessage.id)))
        session.execute(update(OutboxMessage).where(OutboxMessage.id == first).values(created_at=long_ago))
        old = ProcessedEvent.event_id == "Ev0OLD"
        session.execute(update(ProcessedEvent).where(old).values(received_at=long_ago))
    renderer = BlockRenderer(Catalogue.for_slack("sv"))
    client = WebClient(token=bot.fake.bot_token, base_url=bot.fake.url)
    Deliverer(bot.services, SlackSender(OneToken(client)), SlackOutbox(renderer), renderer).sweep()
    with bot.services.db.unit_of_work() as session:
        assert list(session.scalars(select(OutboxMessage.id))) != [first]
        assert len(list(session.scalars(select(OutboxMessage.id)))) == 1
        assert set(session.scalars(select(ProcessedEvent.event_id))) == {"Ev0NEW"}
