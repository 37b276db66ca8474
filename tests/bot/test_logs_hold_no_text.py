"""The logs carry no personal data beyond Slack ids: a whole conversation over Slack, logged at DEBUG by every
logger (the bot's, Bolt's, slack_sdk's, the web server's), holds nothing of what was typed."""

import logging

import pytest

from handlers.cases.questions import CASE_QUESTIONS
from tests.bot.conftest import Bot
from tests.bot.test_e2e_cases import ANNA, COORDINATOR, HEBY, PHONE, PNR, dm_posts, say, setup_heby
from tests.support.slack_chat import question_key

TYPED = (PNR, "9876", PHONE, "123 45 67", "Gäller", "Ring", "Har väntat länge på besked", "väntetider, information")


def test_a_whole_case_conversation_logs_nothing_of_what_was_typed(bot: Bot, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    setup_heby(bot)
    bot.sim.slash_command(ANNA, HEBY, "ärende")
    post = dm_posts(bot, 2)[-1]
    asked = []
    while (key := question_key(post)) is not None:
        asked.append(key)
        post = COORDINATOR[key](bot, post)
    assert asked == [q.key for q in CASE_QUESTIONS]
    before = len(bot.fake.calls("chat.postMessage"))
    say(bot, "ja")
    bot.fake.wait_for("chat.postMessage", count=before + 1)
    logging.getLogger("lokusbot.test").debug("the log is heard")  # else the test could not fail
    logged = "\n".join(f"{r.name} {r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    assert "the log is heard" in logged
    leaking = sorted(
        {f"{r.name}: {r.getMessage()[:300]}" for r in caplog.records if any(t in r.getMessage() for t in TYPED)}
    )
    assert leaking == []
    assert [typed for typed in TYPED if typed in logged] == []


def test_a_library_line_that_quotes_a_body_is_withheld_at_any_level(bot: Bot, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    sdk = logging.getLogger("slack_sdk.web.base_client")
    sdk.debug("Sending a request - body_params: %s", {"text": PNR})
    sdk.warning("Received the following response - body: %s", {"text": PNR})
    logging.getLogger("lokusbot.bolt").warning("A global middleware skipped next() for the request (%s)", {"text": PNR})
    sdk.warning("Rate limited; retrying in 3 s")
    shown = [r.getMessage() for r in caplog.records]
    assert PNR not in "\n".join(shown)
    assert shown[-1] == "Rate limited; retrying in 3 s" and len(shown) == 3
