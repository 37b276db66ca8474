"""Everyday phrasings, as people write them, through signed HTTP against the fake Slack and in the console:
at least 90 % start the right thing, and none starts anything else (tests/data/phrasings*.yaml)."""

import io
import time
from pathlib import Path

import pytest

from bot.console import Console
from bot.services import Services
from tests.bot.conftest import Bot
from tests.bot.phrasings import Recorder, Tally, forget_conversations, load, open_flows
from tests.bot.test_e2e_platform import blocks_text
from tests.support.talk import actor

LISTS = ("phrasings.yaml", "phrasings_holdout.yaml")
HEBY = "C0HEBY"
REQUIRED_SHARE = 0.9
QUIET = 0.15


def set_up_group(services: Services) -> None:
    """LOKUS Heby, with the person writing as its convenor and coordinator for the kommun."""
    where = actor(channel=HEBY)
    services.handle(where, lambda ctx: services.router.command(ctx, "koppla Heby"))
    services.handle(where, lambda ctx: services.router.command(ctx, "medlem <@UANNA> kommun sammankallande,samordnare"))


def test_the_lists_hold_at_least_80_phrasings_across_every_intent(bot: Bot) -> None:
    main = load(LISTS[0])
    intents = set(bot.services.router.understanding.intents)
    assert len(main) >= 80
    assert intents <= {expected for expected, _ in main}
    assert intents <= {expected for expected, _ in load("phrasings_holdout.yaml")}


@pytest.mark.parametrize("name", LISTS)
def test_phrasings_through_signed_http_start_the_right_thing(bot: Bot, name: str) -> None:
    set_up_group(bot.services)
    recorder, tally = Recorder(bot.services), Tally()
    for expected, phrasing in load(name):
        forget_conversations(bot.services)
        recorder.ran.clear()
        before = len(bot.fake.calls("chat.postMessage"))
        assert bot.sim.dm_message("UANNA", phrasing).status == 200
        bot.fake.wait_for("chat.postMessage", count=before + 1)
        replies = _settled(bot, before)
        tally.add(expected, phrasing, list(recorder.ran), open_flows(bot.services), replies)
    print(tally.report(f"HTTP, {name}"))
    assert tally.wrong == [], tally.report(name)
    assert tally.share >= REQUIRED_SHARE, tally.report(name)


@pytest.mark.parametrize("name", LISTS)
def test_phrasings_in_the_console_start_the_right_thing(services: Services, name: str, tmp_path: Path) -> None:
    setup = ["/lokus koppla Heby", "/lokus medlem @anna kommun sammankallande,samordnare"]
    Console(services, user="anna", channel="heby", out=io.StringIO(), files_dir=tmp_path).run(setup)
    recorder, tally = Recorder(services), Tally()
    for expected, phrasing in load(name):
        forget_conversations(services)
        recorder.ran.clear()
        out = io.StringIO()
        Console(services, user="anna", channel="heby", out=out, files_dir=tmp_path).run([phrasing])
        tally.add(expected, phrasing, list(recorder.ran), open_flows(services), out.getvalue())
    print(tally.report(f"console, {name}"))
    assert tally.wrong == [], tally.report(name)
    assert tally.share >= REQUIRED_SHARE, tally.report(name)


def _settled(bot: Bot, before: int) -> str:
    """The text of every message the bot posted for one phrasing, once it stopped posting."""
    count = -1
    while count != len(bot.fake.calls("chat.postMessage")):
        count = len(bot.fake.calls("chat.postMessage"))
        time.sleep(QUIET)
    return "\n".join(blocks_text(call) for call in bot.fake.calls("chat.postMessage")[before:])
