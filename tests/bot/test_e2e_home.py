"""The Home tab as a dashboard, end to end: a signed app_home_opened (or a button on it) in, views.publish out.

The fake Slack checks every view against Block Kit's limits as Slack does, so a view that is too big fails the
test with Slack's own error rather than passing unseen.
"""

import json
from typing import Any

from storage.meeting_models import Rsvp
from tests.bot.conftest import Bot
from tests.support.fake_slack import Call
from tests.support.home_world import group_with

ANNA = "UANNA"


def published(bot: Bot, count: int = 1) -> Call:
    """The last of `count` views.publish calls, checked to have been accepted."""
    calls = bot.fake.wait_for("views.publish", count=count)
    return calls[-1]


def view_text(call: Call) -> str:
    return json.dumps(call.args["view"], ensure_ascii=False)


def buttons(call: Call) -> list[dict[str, Any]]:
    return [e for b in call.args["view"]["blocks"] if b["type"] == "actions" for e in b["elements"]]


def test_someone_in_no_group_is_shown_how_to_get_started(bot: Bot) -> None:
    bot.sim.app_home_opened(ANNA)
    view = view_text(published(bot))
    assert "Välkommen till lokusbot" in view and "Så kommer du i gång" in view and "/lokus koppla" in view


def test_a_member_sees_the_next_meeting_cases_sections_and_approvals_of_each_group(bot: Bot) -> None:
    with bot.services.db.unit_of_work() as session:
        heby = group_with(session, "Heby", ANNA, cases=2, owed=("mal",), approvals_asked=True)
        group_with(session, "Tierp", ANNA, meeting=False)
    bot.sim.app_home_opened(ANNA)
    call = published(bot)
    view = view_text(call)
    assert call.args["user_id"] == ANNA and call.args["view"]["type"] == "home"
    assert "tisdag 8 december 2026 kl. 13.00–15.00" in view and "Kommunhuset, sal 3" in view
    assert "Ditt svar: inget svar än" in view and "inget inbokat" in view  # Heby's meeting; Tierp has none
    assert "Dina öppna lots-ärenden:* 2" in view and "Stäng #2" in view and "Stäng #1" in view
    assert "Att skriva i planen:* Mål" in view and "Väntar på godkännande från Kommun" in view
    values = {(b["action_id"].split("#")[0], b["value"]) for b in buttons(call)}
    assert ("meeting.rsvp_yes", str(heby.meeting_id)) in values
    assert ("plan.write", f"{heby.plan_id}:mal") in values and ("plan.approve", str(heby.plan_id)) in values
    assert {"home.new_case", "home.summary"} <= {action for action, _ in values}


def test_answering_on_the_home_tab_saves_the_answer_and_publishes_it_again(bot: Bot) -> None:
    with bot.services.db.unit_of_work() as session:
        heby = group_with(session, "Heby", ANNA)
    bot.sim.app_home_opened(ANNA)
    first = published(bot)
    [yes] = [b for b in buttons(first) if b["action_id"].startswith("meeting.rsvp_yes")]
    home = {"id": first.args["view"].get("id", "VHUANNA"), "type": "home"}
    bot.sim.block_action(ANNA, None, yes["action_id"], yes["value"], view=home)
    again = published(bot, count=2)
    assert "Ditt svar: kommer" in view_text(again)
    with bot.services.db.unit_of_work() as session:
        assert session.get(Rsvp, (heby.meeting_id, ANNA)).answer == "kommer"
    [thanks] = bot.fake.wait_for("chat.postMessage", predicate=lambda c: c.args.get("channel") == f"D{ANNA}")
    assert "Tack! Du är anmäld" in thanks.args["text"]


def test_a_busy_member_of_thirty_groups_with_500_open_cases_stays_within_the_limits(bot: Bot) -> None:
    with bot.services.db.unit_of_work() as session:
        for number in range(30):
            cases = 500 if number == 0 else 3
            group_with(session, f"Grupp {number:02d}", ANNA, cases=cases, owed=("mal", "kon"), approvals_asked=True)
    bot.sim.app_home_opened(ANNA)
    call = published(bot)  # the fake refuses a view over Slack's limits, so this would time out
    blocks = call.args["view"]["blocks"]
    assert len(blocks) <= 100
    view = view_text(call)
    assert "Dina öppna lots-ärenden:* 500. Här visas de 3 senaste" in view
    assert "Fler grupper" in view and "*Grupp 29* – möte 8 december 2026" in view
    assert all(len(b.get("text", {}).get("text", "")) <= 3000 for b in blocks)


def test_a_case_registered_in_the_form_refreshes_the_home_tab(bot: Bot) -> None:
    with bot.services.db.unit_of_work() as session:
        group_with(session, "Heby", ANNA, cases=1)
    bot.sim.global_shortcut(ANNA, "case.shortcut_new")
    [opened] = bot.fake.wait_for("views.open")
    view = opened.args["view"]
    answers = {
        "raised_on": {"value": {"type": "datepicker", "selected_date": "2026-11-20"}},
        "party": {"value": {"type": "radio_buttons", "selected_option": {"value": "af"}}},
        "gender": {"value": {"type": "radio_buttons", "selected_option": {"value": "kvinna"}}},
        "age_band": {"value": {"type": "static_select", "selected_option": {"value": "30-39"}}},
        "target_groups": {"value": {"type": "checkboxes", "selected_options": [{"value": "nyanlanda"}]}},
        "failures": {"value": {"type": "checkboxes", "selected_options": [{"value": "vantetider"}]}},
        "referred_tr": {"value": {"type": "radio_buttons", "selected_option": {"value": "nej"}}},
    }
    answered = bot.sim.view_submission(ANNA, view["callback_id"], answers, view["private_metadata"])
    assert answered.status == 200 and answered.text == "", answered.text
    refreshed = published(bot)
    assert "Dina öppna lots-ärenden:* 2" in view_text(refreshed)


def test_the_new_case_button_on_the_home_tab_opens_the_form_even_with_several_groups(bot: Bot) -> None:
    with bot.services.db.unit_of_work() as session:
        group_with(session, "Heby", ANNA)
        group_with(session, "Tierp", ANNA)
    bot.sim.app_home_opened(ANNA)
    [new] = [b for b in buttons(published(bot)) if b["action_id"].startswith("home.new_case")]
    bot.sim.block_action(ANNA, None, new["action_id"], new["value"], view={"id": "VHUANNA", "type": "home"})
    [opened] = bot.fake.wait_for("views.open")
    assert opened.args["view"]["callback_id"] == "form.case_pick_group"


def test_the_summary_button_asks_which_group_and_then_sends_it_privately(bot: Bot) -> None:
    with bot.services.db.unit_of_work() as session:
        group_with(session, "Heby", ANNA, cases=4)
        group_with(session, "Tierp", ANNA)
    bot.sim.app_home_opened(ANNA)
    [summary] = [b for b in buttons(published(bot)) if b["action_id"].startswith("home.summary")]
    bot.sim.block_action(ANNA, None, summary["action_id"], summary["value"], view={"id": "VHUANNA", "type": "home"})
    [which] = bot.fake.wait_for("chat.postMessage", predicate=lambda c: c.args.get("channel") == f"D{ANNA}")
    assert "Vilken grupps sammanfattning" in which.args["text"]
    [heby] = [e for b in which.args["blocks"] if b["type"] == "actions" for e in b["elements"] if "Heby" in str(e)]
    bot.sim.block_action(ANNA, f"D{ANNA}", heby["action_id"], heby["value"], message_ts=which.args.get("ts"))
    shown = bot.fake.wait_for("chat.postMessage", count=2, predicate=lambda c: c.args.get("channel") == f"D{ANNA}")
    assert "Lots-ärenden – Heby" in shown[-1].args["text"]
    bot.fake.wait_for("files.completeUploadExternal", timeout=30)  # the chart, drawn and uploaded after the answer
