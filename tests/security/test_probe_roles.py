"""Acceptance probe of issue 10 (roles and groups), over signed HTTP: a group nobody can tell from another.

A stranger who links "Heby" with an invisible character, in full-width letters or with a Cyrillic letter in
another channel got a second group that reads exactly like Heby – manages it, adds Heby's members to it, and a
member registering a case was asked "Heby or Heby?". Such a name is now the existing group (moving it needs one
of its managers) or refused.
"""

import pytest
from sqlalchemy import select

from bot.services import Services
from storage.models import Group, Member
from tests.bot.conftest import Bot
from tests.security.boundary import link_heby
from tests.security.harness import mark, sent_since
from tests.support.chat import command
from tests.support.talk import text_of

LOOK_ALIKES = {
    "zero-width space": "Heby\u200b",
    "soft hyphen": "He\u00adby",
    "word joiner": "He\u2060by",
    "direction mark": "Heby\u200e",
    "full-width letters": "Ｈｅｂｙ",
    "Cyrillic е": "Hеby",
    "Greek ο in Östervåla": "Östervåλa",
}


def _group_names(bot: Bot) -> list[str]:
    with bot.services.db.unit_of_work() as session:
        return sorted(session.scalars(select(Group.name)))


@pytest.mark.parametrize("name", list(LOOK_ALIKES))
def test_a_name_that_reads_like_an_existing_group_makes_no_second_group(bot: Bot, name: str) -> None:
    link_heby(bot)
    bot.sim.slash_command("UANNA", "COSTER", "koppla Östervåla")
    bot.fake.wait_for("chat.postMessage", predicate=lambda c: c.args.get("channel") == "COSTER")
    point, answered = mark(bot), len(bot.fake.calls("response_url"))
    bot.sim.slash_command("USTRANGER", "CSTRANGER", f"koppla {LOOK_ALIKES[name]}")
    [refusal] = bot.fake.wait_for("response_url", count=answered + 1)[answered:]
    assert "kopplad till" not in sent_since(bot, point).text
    assert _group_names(bot) == ["Heby", "Östervåla"]


def test_a_name_in_one_alphabet_and_with_accents_is_a_group_of_its_own(bot: Bot) -> None:
    link_heby(bot)
    for channel, name in (("CMOSKVA", "Москва"), ("CHEBY2", "Héby"), ("CATHENS", "Αθήνα")):
        bot.sim.slash_command("USTRANGER", channel, f"koppla {name}")
        bot.fake.wait_for("chat.postMessage", predicate=lambda c, where=channel: c.args.get("channel") == where)
    assert _group_names(bot) == sorted(["Heby", "Héby", "Москва", "Αθήνα"])


def test_medlem_ta_bort_removes_the_member_as_bort_does(services: Services) -> None:
    """ "ta bort" was listed as a way to remove, but only a one-word start was compared: "”ta” är ingen person"."""
    command(services, "UANNA", "koppla Heby", "CHEBY")
    command(services, "UANNA", "medlem <@UANNA> kommun samordnare", "CHEBY")
    command(services, "UANNA", "medlem <@UBERTIL> af", "CHEBY")
    said = text_of(command(services, "UANNA", "medlem ta bort <@UBERTIL>", "CHEBY", kind=True))
    assert "ingen person" not in said
    with services.db.unit_of_work() as session:
        assert session.scalars(select(Member.user_id)).all() == ["UANNA"]
