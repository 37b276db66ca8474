"""Both shortcuts through signed requests: the global *Nytt lots-ärende* and the message shortcut
*Registrera lots-ärende*, whose text goes into the form only after the identity check."""

import json
from pathlib import Path
from typing import Any

from tests.bot.conftest import Bot
from tests.bot.test_e2e_platform import blocks_text
from tests.support.fake_slack import Call
from tests.support.home_world import group_with

ANNA = "UANNA"
MANIFEST = Path(__file__).resolve().parents[2] / "slack" / "manifest.json"
PNR, MAIL = "19811218-9876", "anna.andersson@kommun.se"


def description(opened: Call) -> dict[str, Any]:
    [block] = [b for b in opened.args["view"]["blocks"] if b.get("block_id") == "failure_text"]
    return block


def test_every_shortcut_of_the_manifest_opens_the_case_form(bot: Bot) -> None:
    with bot.services.db.unit_of_work() as session:
        group_with(session, "Heby", ANNA)
    shortcuts = json.loads(MANIFEST.read_text(encoding="utf-8"))["features"]["shortcuts"]
    for number, shortcut in enumerate(shortcuts, start=1):
        if shortcut["type"] == "global":
            bot.sim.global_shortcut(ANNA, shortcut["callback_id"])
        else:
            bot.sim.message_shortcut(ANNA, "CHEBY", shortcut["callback_id"], "Väntade tre månader på insats")
        opened = bot.fake.wait_for("views.open", count=number)[-1]
        assert opened.args["view"]["callback_id"] == "form.case"
    assert bot.sim.global_shortcut(ANNA, "case.shortcut_unknown").status in (200, 404)
    assert len(bot.fake.calls("views.open")) == len(shortcuts)  # nothing answers a shortcut not registered


def test_the_global_shortcut_tells_someone_in_no_group_how_to_get_in(bot: Bot) -> None:
    assert bot.sim.global_shortcut(ANNA, "case.shortcut_new").status == 200
    [told] = bot.fake.wait_for("chat.postMessage", predicate=lambda c: c.args.get("channel") == f"D{ANNA}")
    assert "Du är inte medlem i någon LOKUS-grupp" in blocks_text(told)
    assert bot.fake.calls("views.open") == []


def test_with_several_groups_the_form_asks_for_the_group(bot: Bot) -> None:
    with bot.services.db.unit_of_work() as session:
        group_with(session, "Heby", ANNA)
        group_with(session, "Tierp", ANNA)
    bot.sim.global_shortcut(ANNA, "case.shortcut_new")
    [opened] = bot.fake.wait_for("views.open")
    view = opened.args["view"]
    assert view["callback_id"] == "form.case_pick_group"
    [group] = [b for b in view["blocks"] if b.get("block_id") == "group"]
    assert [o["text"]["text"] for o in group["element"]["options"]] == ["Heby", "Tierp"]


def test_the_message_text_becomes_the_description(bot: Bot) -> None:
    with bot.services.db.unit_of_work() as session:
        group_with(session, "Heby", ANNA)
    bot.sim.message_shortcut(ANNA, "CHEBY", "case.shortcut_message", "Ingen tog ansvar för aktivitetsersättningen")
    [opened] = bot.fake.wait_for("views.open")
    block = description(opened)
    assert block["element"]["initial_value"] == "Ingen tog ansvar för aktivitetsersättningen"
    assert "lades inte in" not in json.dumps(block, ensure_ascii=False)


def test_a_message_holding_identity_leaves_the_description_empty_and_says_why(bot: Bot) -> None:
    with bot.services.db.unit_of_work() as session:
        group_with(session, "Heby", ANNA)
    for number, (text, kind) in enumerate(
        ((f"Gäller {PNR}, ring henne", "personnummer"), (f"Skriv till {MAIL}", "e-postadress")), start=1
    ):
        bot.sim.message_shortcut(ANNA, "CHEBY", "case.shortcut_message", text)
        opened = bot.fake.wait_for("views.open", count=number)[-1]
        block = description(opened)
        shown = json.dumps(opened.args["view"], ensure_ascii=False)
        assert "initial_value" not in block["element"]
        assert kind in block["hint"]["text"] and "lades inte in" in block["hint"]["text"]
        assert PNR not in shown and MAIL not in shown and "ring henne" not in shown
        assert PNR not in opened.args["view"]["private_metadata"]
