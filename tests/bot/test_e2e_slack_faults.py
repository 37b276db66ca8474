"""Twenty people register cases at once while Slack has a bad day: every reply arrives once, in order, and every
case is saved (issue 12 item 5's acceptance test).

The fake Slack answers 30 % of all calls with 429 (Retry-After 1) for a while, then with HTTP 500, then holds
them past the bot's timeout (a hang). The people type every answer in their DM and wait for the bot's next
question before answering it, as people do; what they see is what the fake Slack accepted.
"""

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from bot.services import Services
from bot.settings import Settings
from handlers.app import build_router
from handlers.cases.questions import CASE_QUESTIONS
from storage import groups as repo
from storage.db import Database
from tests.bot.conftest import SIGNING_SECRET, Bot, serve_bot
from tests.bot.test_e2e_platform import blocks_text
from tests.conftest import FakeClock
from tests.handlers.test_cases_helpers import stored_cases
from tests.support.fake_slack import Call, FakeSlack
from tests.support.outbox_probe import what_became_of_it
from tests.support.signing import SlackClientSim
from tests.support.slack_chat import question_key

PEOPLE = [f"UPERSON{n:02d}" for n in range(20)]
HEBY = "CHEBY"
ANSWERS = {
    "raised_on": "ok",
    "party": "AF",
    "unit": "AME",
    "gender": "kvinna",
    "age_band": "25–29",
    "target_groups": "nyanlända",
    "failures": "väntetider",
    "failure_text": "Väntade länge på beslut",
    "referred_tr": "nej",
    "note": "hoppa över",
}
PHASES = (("429", 8.0), ("500", 8.0), ("hang", 0.0))  # the last lasts until everyone is done
ERRORS = ("Oj", "något gick fel", "försök igen")


@pytest.fixture
def slow_slack_bot(database_url: str, database: Database, fake_slack: FakeSlack) -> Iterator[Bot]:
    """The bot with a one-second Slack timeout (a hang of 1.5 s is a timeout), its group of twenty members."""
    settings = Settings(
        _env_file=None,
        database_url=database_url,  # type: ignore[call-arg]
        slack_bot_token=fake_slack.bot_token,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake_slack.url,
        slack_timeout=1,
    )
    clock = FakeClock(datetime(2026, 11, 23, 9, 0, tzinfo=UTC))
    services = Services(settings, database, build_router(), settings.handler_config(), clock)
    server, url = serve_bot(settings, services)
    bot = Bot(fake_slack, SlackClientSim(url, SIGNING_SECRET, fake_slack=fake_slack, timeout=30), services, url)
    assert bot.sim.slash_command(PEOPLE[0], HEBY, "koppla Heby").status == 200
    with database.unit_of_work() as session:
        group = repo.find_group_by_channel(session, team_id="T0LOKUS", channel_id=HEBY)
        assert group is not None
        for user in PEOPLE:
            repo.upsert_member(session, group=group, user_id=user, party="af", roles=["ledamot"])
    yield bot
    server.shutdown()
    server.server_close()
    services.stop()


def delivered_in_dm(bot: Bot, user: str) -> list[Call]:
    return [c for c in bot.fake.delivered("chat.postMessage") if c.args.get("channel") == f"D{user}"]


def register(bot: Bot, user: str, failures: list[str]) -> None:
    """One person's whole conversation, answering each question once it has arrived."""
    seen, text = 0, "nytt ärende"
    for _ in range(30):
        if bot.sim.dm_message(user, text).status != 200:
            failures.append(f"{user}: {text!r} was not acknowledged")
            return
        post, seen = next_question(bot, user, seen)
        if post is None:
            failures.append(f"{user}: no answer to {text!r}; {what_became_of_it(bot.services, bot.fake, user)}")
            return
        if "registrerat" in blocks_text(post):
            return
        key = question_key(post)
        text = ANSWERS[key] if key else "ja"
    failures.append(f"{user}: the conversation never ended")


def next_question(bot: Bot, user: str, seen: int, timeout: float = 90) -> tuple[Call | None, int]:
    """The bot's next question (or summary, or confirmation) in the DM after the first `seen` posts."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        posts = delivered_in_dm(bot, user)
        for index in range(seen, len(posts)):
            if question_key(posts[index]) or _is_end(posts[index]):
                return posts[index], index + 1
        time.sleep(0.05)
    return None, seen


def _is_end(call: Call) -> bool:
    text = blocks_text(call)
    return "stämmer det" in text or "registrerat" in text


def phases(bot: Bot, done: threading.Event) -> None:
    """Slack's bad day: 429s, then 500s, then hangs."""
    for kind, seconds in PHASES:
        bot.fake.chaos(0.3, kind, retry_after=1, hang=1.5, seed=len(kind))
        if seconds and done.wait(seconds):
            break
    done.wait()
    bot.fake.calm()


def test_twenty_people_register_cases_while_slack_fails_and_every_reply_arrives_once_in_order(
    slow_slack_bot: Bot,
) -> None:
    bot, done = slow_slack_bot, threading.Event()
    failures: list[str] = []
    started = time.monotonic()
    trouble = threading.Thread(target=phases, args=(bot, done))
    trouble.start()
    people = [threading.Thread(target=register, args=(bot, user, failures)) for user in PEOPLE]
    for person in people:
        person.start()
    for person in people:
        person.join()
    done.set()
    trouble.join()
    took = time.monotonic() - started
    kinds = [c.fault for c in bot.fake.calls() if c.fault]
    print(
        f"\nSlack's bad day: {len(bot.fake.calls())} calls in {took:.0f} s, "
        f"{ {kind: kinds.count(kind) for kind in sorted(set(kinds))} } faulted; "
        f"{len(bot.fake.delivered('chat.postMessage'))} posts arrived; {len(stored_cases(bot.services))} cases"
    )
    assert not failures, "\n".join(failures)
    assert took > PHASES[0][1] + PHASES[1][1], "the hangs came too"
    faulted = set(kinds)
    assert faulted == {"429", "500", "hang"}
    expected = [q.key for q in CASE_QUESTIONS if q.key != "group"]
    for user in PEOPLE:
        posts = delivered_in_dm(bot, user)
        texts = [blocks_text(c) for c in posts]
        assert [question_key(c) for c in posts if question_key(c)] == expected, f"{user}: each question once, in order"
        assert sum("registrerat" in text for text in texts) == 1 and "registrerat" in texts[-1]
        assert not [text for text in texts if any(word in text for word in ERRORS)], f"{user} was shown an error"
    cases = stored_cases(bot.services)
    assert sorted(case.number for case in cases) == list(range(1, len(PEOPLE) + 1))
    assert {case.created_by for case in cases} == set(PEOPLE)
