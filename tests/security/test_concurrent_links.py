"""Linking one channel from several people at once: one group is linked, everybody else is told so kindly.

Before, two links of the same channel at the same moment could both pass the "is this channel taken?" check, and
the one that committed second met the unique constraint on the channel and was answered "Oj, något gick fel".
"""

import threading
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import select

from storage.models import Group
from tests.bot.conftest import Bot

CHANNEL = "CSHARED"
PEOPLE = [f"ULINKER{n:02d}" for n in range(1, 9)]


def test_eight_people_linking_one_channel_at_once_link_one_group_and_nobody_meets_an_error(bot: Bot) -> None:
    start = threading.Barrier(len(PEOPLE))

    def link(person: str) -> int:
        start.wait()
        return bot.sim.slash_command(person, CHANNEL, f"koppla Grupp {person[-2:]}").status

    with ThreadPoolExecutor(len(PEOPLE)) as pool:
        statuses = list(pool.map(link, PEOPLE))
    assert statuses == [200] * len(PEOPLE)
    announced = bot.fake.wait_for("chat.postMessage", predicate=lambda c: c.args.get("channel") == CHANNEL)
    refused = bot.fake.wait_for("response_url", count=len(PEOPLE) - 1)
    assert len(announced) == 1
    assert all("redan kopplad" in str(call.args) for call in refused), [call.args for call in refused]
    assert not any("gick fel" in str(call.args) for call in bot.fake.calls())
    with bot.services.db.unit_of_work() as session:
        linked = session.scalars(select(Group).where(Group.channel_id == CHANNEL)).all()
    assert len(linked) == 1
