"""PostgreSQL going away under a running bot: "try again", nothing half-written, and back by itself when it returns.

Over signed HTTP against the fake Slack, on a PostgreSQL server of these tests' own (tests/support/postgres_server.py),
so stopping it disturbs no other test. Skipped when no PostgreSQL server binaries are installed, except in CI.
"""

import os
import uuid
from collections.abc import Iterator

import pytest

from bot.catalogue import Catalogue
from bot.scheduler import run_due
from bot.services import Services
from bot.settings import Settings
from handlers.app import build_router
from handlers.errors import Unavailable
from handlers.text import t
from storage import migrate
from storage.db import Database
from tests.bot.conftest import SIGNING_SECRET, Bot, serve_bot
from tests.bot.test_e2e_cases import ANNA, HEBY, setup_heby
from tests.bot.test_e2e_platform import blocks_text
from tests.conftest import FakeClock
from tests.handlers.test_cases_helpers import CASE_ANSWERS, stored_cases
from tests.support.fake_slack import Call, FakeSlack
from tests.support.outbox_probe import what_became_of_it
from tests.support.postgres_server import PostgresServer, server_binaries
from tests.support.signing import SlackClientSim
from tests.support.slack_chat import answer_by_key, next_post, question_key

UNAVAILABLE = Catalogue.for_slack("sv").render(t("error.unavailable"))


@pytest.fixture(scope="module")
def own_postgres() -> Iterator[PostgresServer]:
    """A PostgreSQL server for this module alone, running at the start of each test."""
    binaries = server_binaries()
    if binaries is None:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must run the database-down tests: install PostgreSQL (apt-get install postgresql)")
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl, postgres) installed")
    server = PostgresServer(binaries)
    try:
        server.start()
        yield server
    finally:
        server.remove()


@pytest.fixture
def pbot(own_postgres: PostgresServer, clock: FakeClock, fake_slack: FakeSlack) -> Iterator[Bot]:
    """The bot over HTTP on a fresh database of the own server (started again if a test left it stopped)."""
    if not (own_postgres.data / "postmaster.pid").exists():
        own_postgres.start()
    url = own_postgres.create_database(f"lokusbot_{uuid.uuid4().hex[:8]}")
    database = Database.from_url(url)
    migrate.upgrade(database.engine)
    settings = Settings(
        _env_file=None,
        database_url=url,  # type: ignore[call-arg]
        slack_bot_token=fake_slack.bot_token,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake_slack.url,
    )
    services = Services(settings, database, build_router(), settings.handler_config(), clock)
    server, base = serve_bot(settings, services)
    yield Bot(fake_slack, SlackClientSim(base, SIGNING_SECRET, fake_slack=fake_slack), services, base)
    server.shutdown()
    server.server_close()
    services.stop()
    database.dispose()


def replies(bot: Bot) -> list[Call]:
    """What the bot said, in order: posts, ephemeral posts and answers to a response_url."""
    kinds = ("chat.postMessage", "chat.postEphemeral", "response_url")
    return [call for call in bot.fake.calls() if call.method in kinds]


def test_while_postgresql_is_down_people_are_told_to_try_again_and_it_comes_back_by_itself(
    pbot: Bot, own_postgres: PostgresServer
) -> None:
    setup_heby(pbot)
    before = len(replies(pbot))
    own_postgres.stop()
    assert pbot.sim.slash_command(ANNA, HEBY, "grupp").status == 200  # acked within Slack's time all the same
    assert pbot.sim.dm_message(ANNA, "mina ärenden").status == 200
    told = pbot.fake.wait_for("response_url", timeout=15)[-1:]
    told += pbot.fake.wait_for("chat.postMessage", timeout=15, predicate=lambda c: c.args["channel"] == f"D{ANNA}")
    assert [UNAVAILABLE in blocks_text(call) for call in told] == [True, True]
    assert len(replies(pbot)) == before + 2  # one kind sentence each, no "Oj", nothing else
    own_postgres.start()
    assert pbot.sim.slash_command(ANNA, HEBY, "grupp").status == 200  # the first request after: no restart needed
    listed = pbot.fake.wait_for("response_url", count=2, timeout=15)[-1]
    assert UNAVAILABLE not in blocks_text(listed) and ANNA in blocks_text(listed)


def test_a_restart_between_two_requests_goes_unnoticed(pbot: Bot, own_postgres: PostgresServer) -> None:
    setup_heby(pbot)  # the pool now holds connections to the server as it was
    own_postgres.stop()
    own_postgres.start()
    assert pbot.sim.slash_command(ANNA, HEBY, "grupp").status == 200
    listed = pbot.fake.wait_for("response_url", timeout=15)[-1]
    assert UNAVAILABLE not in blocks_text(listed) and ANNA in blocks_text(listed)  # a dead connection was replaced


def test_an_answer_given_while_the_database_was_down_is_neither_lost_nor_put_in_the_wrong_field(
    pbot: Bot, own_postgres: PostgresServer
) -> None:
    setup_heby(pbot)
    assert pbot.sim.slash_command(ANNA, HEBY, "ärende").status == 200
    [post] = pbot.fake.wait_for(
        "chat.postMessage", predicate=lambda c: c.args.get("channel") == f"D{ANNA}" and question_key(c) is not None
    )
    first = question_key(post)
    post = next_post(pbot, lambda: pbot.sim.dm_message(ANNA, CASE_ANSWERS[first or ""]), f"D{ANNA}")
    second = question_key(post)
    assert second not in (None, first)
    own_postgres.stop("immediate")  # as a crash: the pooled connections die with it
    refused = next_post(pbot, lambda: pbot.sim.dm_message(ANNA, CASE_ANSWERS[second or ""]), f"D{ANNA}")
    assert UNAVAILABLE in blocks_text(refused)
    own_postgres.start()
    try:
        post = next_post(pbot, lambda: pbot.sim.dm_message(ANNA, CASE_ANSWERS[second or ""]), f"D{ANNA}")
    except AssertionError as missing:
        raise AssertionError(f"{missing}; {what_became_of_it(pbot.services, pbot.fake, ANNA)}") from None
    assert question_key(post) not in (first, second)  # the same answer, given again, answered the same question
    saved = answer_by_key(pbot, ANNA, post, CASE_ANSWERS)
    assert "Ärende #1 registrerat" in blocks_text(saved)
    [case] = stored_cases(pbot.services)
    assert (case.party, case.gender, case.age_band) == ("af", "kvinna", "25-29")


def test_a_scheduled_round_while_the_database_is_down_fails_and_the_next_one_works(
    pbot: Bot, own_postgres: PostgresServer
) -> None:
    own_postgres.stop()
    with pytest.raises(Unavailable):
        run_due(pbot.services, "", lambda sends: None)
    own_postgres.start()
    assert run_due(pbot.services, "", lambda sends: None) == 0
