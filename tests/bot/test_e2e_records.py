"""A person's records over Slack: `/lokus mina uppgifter` privately with its files, Slack's user_change noting a
deleted user for erasure (and forgetting it when they are back), and the förbund's `medlem bort @x --glöm`."""

import json
import time
from datetime import timedelta

from sqlalchemy import select

from bot.blocks import BlockRenderer
from bot.catalogue import Catalogue
from handlers import roles
from handlers.pseudonyms import make_pseudonym
from handlers.replies import PersonPicker, reply
from handlers.text import Mention
from storage import personal_records as records
from storage.people_models import PendingErasure
from tests.bot.conftest import Bot
from tests.bot.test_e2e_cases import ANNA, HEBY, setup_heby
from tests.bot.test_e2e_platform import blocks_text
from tests.handlers.test_cases_helpers import everything_stored
from tests.support.talk import TEAM, actor


def uploads(bot: Bot, count: int) -> dict[str, bytes]:
    deadline = time.monotonic() + 5
    while len(files := bot.fake.uploaded_files()) < count:
        assert time.monotonic() < deadline, "the files were not uploaded"
        time.sleep(0.02)
    return {f.filename.rsplit(".", 1)[1]: f.content for f in files if f.channel_id == f"D{ANNA}"}


def user_change(bot: Bot, user: str, deleted: bool) -> None:
    profile = {"real_name": "Anna Ahl", "email": "anna.ahl@heby.se", "phone": "070-123 45 67"}
    event = {"type": "user_change", "user": {"id": user, "name": "anna", "deleted": deleted, "profile": profile}}
    assert bot.sim.send_event(event).status == 200


def pending(bot: Bot) -> list[tuple[str, str]]:
    with bot.services.db.unit_of_work() as session:
        return [(p.user_id, p.due_at.isoformat()) for p in session.scalars(select(PendingErasure))]


def test_my_data_comes_privately_with_its_files(bot: Bot) -> None:
    setup_heby(bot)
    bot.sim.slash_command(ANNA, HEBY, "mina uppgifter")
    [answer] = bot.fake.wait_for("response_url", predicate=lambda c: "Dina uppgifter" in blocks_text(c))
    assert answer.args["response_type"] == "ephemeral"
    files = uploads(bot, 2)
    data = json.loads(files["json"])
    memberships = [part for part in data["records"] if part["place"] == "members.user_id"]
    assert [(r["group"], r["party"], r["roles"]) for r in memberships[0]["rows"]] == [("Heby", "kommun", "samordnare")]
    assert "# Dina uppgifter i lokusbot" in files["md"].decode()


def test_a_deleted_user_is_noted_for_erasure_and_forgotten_when_back(bot: Bot) -> None:
    setup_heby(bot)
    now = bot.services.clock()
    user_change(bot, "UOKAND", deleted=True)  # nobody the bot holds anything of: not noted
    user_change(bot, ANNA, deleted=True)
    deadline = time.monotonic() + 5
    while not pending(bot):
        assert time.monotonic() < deadline
        time.sleep(0.02)
    assert pending(bot) == [(ANNA, (now + timedelta(days=30)).isoformat())]
    assert "Anna Ahl" not in everything_stored(bot.services) and "anna.ahl" not in everything_stored(bot.services)
    user_change(bot, ANNA, deleted=False)
    while pending(bot):
        assert time.monotonic() < deadline
        time.sleep(0.02)


def test_the_forbund_forgets_a_member_over_slack(bot: Bot) -> None:
    setup_heby(bot)
    bot.sim.slash_command(ANNA, HEBY, "medlem <@UCECILIA|cecilia> FK")
    bot.services.handle(actor(roles.OPERATOR), lambda ctx: roles.operator_grant(ctx, "UFORB"))
    bot.sim.slash_command("UFORB", HEBY, "medlem bort <@UCECILIA|cecilia> —glöm")
    [done] = bot.fake.wait_for("response_url", predicate=lambda c: "raderad" in blocks_text(c))
    assert "”tidigare ledamot, Försäkringskassan”" in blocks_text(done)
    with bot.services.db.unit_of_work() as session:
        assert records.count_held(session, user_id="UCECILIA", team_id=TEAM) == 0


def test_slack_is_never_handed_an_erased_person_as_a_user() -> None:
    renderer = BlockRenderer(Catalogue.for_slack("sv"))
    former = make_pseudonym("fk")
    picker = PersonPicker(Mention(former), "plan.assign", "1:mal", "Välj", initial=former)
    [block] = renderer.blocks(reply(picker))
    assert "initial_user" not in block["accessory"] and block["text"]["text"] == "tidigare ledamot, Försäkringskassan"
