"""Two workspaces installed through the OAuth flow, each with its groups, cases, meetings and plans: every
feature's read paths, from each workspace, answered with that workspace's own token and showing nothing of the
other's. (Isolation itself is tests/security/test_roles_*; this proves it holds with a token per workspace.)"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from tests.bot.conftest import Bot
from tests.bot.test_oauth_install import bearer, sim
from tests.security.harness import OTHER_TEAM, Settled, mark, sent_since, settled
from tests.security.roles_world import PLAN_YEAR, TEAM, Place, World, build_world
from tests.support.browser import Browser, install
from tests.support.signing import Response, SlackClientSim

__all__ = ["settled"]


@dataclass(frozen=True)
class Read:
    """One read path: what the group's samordnare sends, and what of the group they must be shown."""

    name: str
    send: Callable[[SlackClientSim, Place], Response]
    shows: Callable[[Place], str]


def slash(text: str) -> Callable[[SlackClientSim, Place], Response]:
    return lambda who, place: who.slash_command(place.samordnare, place.channel, text)


def dm(text: str | Callable[[Place], str]) -> Callable[[SlackClientSim, Place], Response]:
    return lambda who, place: who.dm_message(place.samordnare, text(place) if callable(text) else text)


READS = [
    Read("cases list", slash("ärenden"), lambda p: p.marker("case")),
    Read("cases export", slash("ärenden export csv"), lambda p: p.marker("case")),
    Read("summary", slash("sammanfattning"), lambda p: f"Lots-ärenden – {p.name}"),
    Read("plan status", slash("plan"), lambda p: f"Verksamhetsplan {PLAN_YEAR} – {p.name}"),
    Read("plan document", slash("plan dokument"), lambda p: p.marker("plan")),
    Read("meetings list", slash("möten"), lambda p: f"LOKUS {p.name}"),
    Read("group overview", slash("grupp"), lambda p: p.spare),
    Read("DM: my cases", dm("mina ärenden"), lambda p: p.marker("case")),
    Read("DM: summary of a group", dm(lambda p: f"sammanfattning {p.name}"), lambda p: f"Lots-ärenden – {p.name}"),
    Read("DM: next meeting", dm("nästa möte"), lambda p: p.marker("meeting")),
    Read("DM: the plan", dm("planen"), lambda p: f"Verksamhetsplan {PLAN_YEAR} – {p.name}"),
    Read("DM: export", dm("exportera ärenden"), lambda p: f"Excel-fil: {p.name}"),  # zipped: its words unreadable
]


@pytest.fixture
def world(oauth_bot: Bot) -> World:
    """T0LOKUS and T0OTHER installed as browsers do it, then filled with the role matrix's world."""
    for team in (TEAM, OTHER_TEAM):
        oauth_bot.fake.add_workspace(team, f"Arbetsytan {team}")
        assert install(Browser(), oauth_bot.url, team).status == 200
    return build_world(oauth_bot)


@pytest.mark.parametrize("read", READS, ids=[r.name for r in READS])
@pytest.mark.parametrize("team", [TEAM, OTHER_TEAM])
def test_each_workspace_reads_its_own_data_with_its_own_token(
    oauth_bot: Bot, world: World, settled: Settled, read: Read, team: str
) -> None:
    bot = oauth_bot
    place, never = (world.own, world.remote.markers) if team == TEAM else (world.remote, world.first_workspace)
    point = mark(bot)
    settled.after(lambda: read.send(sim(bot, team), place))
    sent = sent_since(bot, point)
    assert read.shows(place) in sent.text, f"{read.name} did not answer from {team}"
    assert sent.leaks(never) == []
    api = [call for call in sent.calls if call.path.startswith("/api/")]
    assert {bearer(call) for call in api} <= {bot.fake.token_of(team)}
    if read.name.startswith("DM") or read.name in ("summary", "cases export", "plan document"):
        assert api, f"{read.name} made no Web API call to check the token of"
