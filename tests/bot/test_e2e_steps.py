"""Workflow Builder steps end to end: signed `function_executed` events into the real Bolt app, each step ended with
functions.completeSuccess or functions.completeError on the fake Slack, and what the database then holds."""

import json
import time
from pathlib import Path
from typing import Any

from handlers.steps import Step, StepResult
from storage import audit
from tests.bot.conftest import Bot
from tests.bot.test_e2e_cases import ANNA, HEBY, PHONE, PNR, setup_heby
from tests.bot.test_e2e_platform import blocks_text
from tests.handlers.test_cases_helpers import everything_stored, stored_cases
from tests.support.fake_slack import Call
from tests.support.fake_slack_canvases import Execution

ROOT = Path(__file__).resolve().parents[2]
CASE: dict[str, Any] = {
    "channel": HEBY,
    "user": ANNA,
    "party": "Försäkringskassan",
    "gender": "kvinna",
    "age_band": "23",
    "target_groups": ["unga", "psykisk ohälsa"],
    "description": "Ingen part tog ansvar för planeringen.",
}


def run_step(
    bot: Bot, callback_id: str, inputs: dict[str, Any], outputs: tuple[str, ...] = (), event_id: str | None = None
) -> Execution:
    """Run the step as a workflow would and wait until Slack was told how it ended."""
    execution = bot.fake.new_function_execution(outputs)
    sent = bot.sim.function_executed(callback_id, inputs, execution.id, execution.token, event_id=event_id)
    assert sent.status == 200
    return ended(bot, execution)


def ended(bot: Bot, execution: Execution, timeout: float = 5) -> Execution:
    """The execution once it is completed (or after the timeout)."""
    deadline = time.monotonic() + timeout
    while bot.fake.execution(execution.id).running and time.monotonic() < deadline:
        time.sleep(0.02)
    return bot.fake.execution(execution.id)


def test_a_workflow_registers_a_case_and_gets_its_number(bot: Bot) -> None:
    setup_heby(bot)
    done = run_step(bot, "register_case", CASE, ("case_number",))
    assert done.error is None and done.outputs == {"case_number": 1}
    [completed] = bot.fake.calls("functions.completeSuccess")
    assert completed.headers["authorization"] == f"Bearer {done.token}"  # the execution's own token
    [case] = stored_cases(bot.services)
    assert (case.party, case.gender, case.age_band, case.referred_tr) == ("fk", "kvinna", "20-24", False)
    assert sorted(t.code for t in case.target_groups) == ["psykisk_ohalsa", "unga_utan_gymnasium"]
    assert [f.code for f in case.failures] == ["annat"] and case.failure_text == CASE["description"]
    with bot.services.db.unit_of_work() as session:
        [row] = [r for r in audit.entries_for(session, entity="case", entity_id=case.id) if r.action == "case.create"]
        assert row.user_id == ANNA and row.detail["via"] == "workflow"
    again = run_step(bot, "register_case", {**CASE, "referred_tr": True, "failures": "väntetider"}, ("case_number",))
    assert again.outputs == {"case_number": 2}


def test_bad_inputs_end_the_step_with_a_swedish_reason_and_save_nothing(bot: Bot) -> None:
    setup_heby(bot)
    wrong = run_step(bot, "register_case", {**CASE, "gender": "vet inte", "age_band": "8"}, ("case_number",))
    assert wrong.outputs is None and wrong.error is not None
    assert wrong.error.startswith("Lots-ärendet registrerades inte.")
    assert "Kön: ”vet inte” finns inte bland alternativen" in wrong.error
    assert "Åldersgrupp: Åldersgrupperna börjar vid 16 år" in wrong.error
    for given, kind in ((f"Gäller {PNR}", "personnummer"), (f"Ring {PHONE}", "telefonnummer")):
        refused = run_step(bot, "register_case", {**CASE, "description": given}, ("case_number",))
        assert refused.error is not None and kind in refused.error
        assert PNR not in refused.error and PHONE not in refused.error
    missing = run_step(bot, "register_case", {k: v for k, v in CASE.items() if k != "party"}, ("case_number",))
    assert missing.error is not None and "Part: " in missing.error
    assert stored_cases(bot.services) == []
    assert PNR not in everything_stored(bot.services) and PHONE not in everything_stored(bot.services)


def test_a_step_for_a_group_the_person_is_not_in_does_nothing(bot: Bot) -> None:
    setup_heby(bot)
    outsider = run_step(bot, "register_case", {**CASE, "user": "UOUTSIDER"}, ("case_number",))
    assert outsider.error == (
        "Personen som kör arbetsflödet är inte medlem i Heby, så steget gjorde ingenting. "
        "Be gruppens sammankallande eller samordnare lägga till personen."
    )
    unlinked = run_step(bot, "register_case", {**CASE, "channel": "COTHER"}, ("case_number",))
    assert unlinked.error is not None and "inte kopplad" in unlinked.error
    nobody = run_step(bot, "post_summary", {"channel": HEBY, "period": "i år"})
    assert nobody.error is not None and "vem som kör arbetsflödet" in nobody.error
    assert stored_cases(bot.services) == []
    assert not [m for m in bot.fake.messages(HEBY) if "Sammanställning" in str(m.get("blocks"))]


def test_a_replayed_event_registers_the_case_once(bot: Bot) -> None:
    setup_heby(bot)
    event_id = bot.sim.new_event_id()
    first = run_step(bot, "register_case", CASE, ("case_number",), event_id=event_id)
    execution = bot.fake.new_function_execution(("case_number",))
    assert bot.sim.function_executed("register_case", CASE, first.id, first.token, event_id=event_id).status == 200
    time.sleep(0.3)
    assert len(stored_cases(bot.services)) == 1 and len(bot.fake.calls("functions.completeSuccess")) == 1
    assert execution.running


def test_a_workflow_posts_the_protected_summary_in_the_group_channel(bot: Bot) -> None:
    setup_heby(bot)
    for _ in range(2):
        run_step(bot, "register_case", CASE, ("case_number",))
    done = run_step(bot, "post_summary", {"channel": HEBY, "user": ANNA, "period": "i år"})
    assert done.error is None and done.outputs == {}
    [summary] = bot.fake.wait_for("chat.postMessage", predicate=_a_summary)[-1:]  # delivered after the commit
    assert summary.args["channel"] == HEBY
    unknown = run_step(bot, "post_summary", {"channel": HEBY, "user": ANNA, "period": "blåbärstid"})
    assert unknown.error is not None and "blåbärstid" in unknown.error


def _a_summary(call: Call) -> bool:
    return not call.fault and "lots-ärenden" in blocks_text(call).casefold()


def test_a_summary_the_workflow_posts_while_slack_fails_arrives_later_once(bot: Bot) -> None:
    """What a step posts is kept in the outbox with the step's change, as every reply is, and retried."""
    setup_heby(bot)
    run_step(bot, "register_case", CASE, ("case_number",))
    bot.fake.server_error_next("chat.postMessage", count=2)  # the client's own retry fails too: the outbox's turn
    done = run_step(bot, "post_summary", {"channel": HEBY, "user": ANNA, "period": "i år"})
    assert done.error is None
    posted = bot.fake.wait_for("chat.postMessage", timeout=15, predicate=_a_summary)
    time.sleep(0.5)  # a second post would come at once
    assert len([c for c in bot.fake.calls("chat.postMessage") if _a_summary(c)]) == len(posted) == 1


def test_a_malformed_function_event_is_refused_at_the_gate(bot: Bot) -> None:
    execution = bot.fake.new_function_execution()
    sent = bot.sim.function_executed("register_case", {"channel": HEBY, "user": ANNA}, "not-an-id", execution.token)
    assert sent.status == 400
    assert bot.fake.calls() == [] and execution.running


def test_the_manifest_declares_exactly_the_steps_the_app_listens_for(bot: Bot) -> None:
    manifest = json.loads((ROOT / "slack" / "manifest.json").read_text(encoding="utf-8"))
    router = bot.services.router
    assert set(manifest["functions"]) == set(router.steps)
    for callback_id, step in router.steps.items():
        declared = manifest["functions"][callback_id]
        assert set(declared["input_parameters"]) == {"channel", "user", *step.inputs}
        assert set(declared["output_parameters"]) == set(step.outputs)
        assert declared["input_parameters"]["channel"]["type"] == "slack#/types/channel_id"
        assert declared["input_parameters"]["user"]["type"] == "slack#/types/user_id"
    for callback_id in ("register_case", "post_summary", "no_such_step"):  # what Bolt really dispatches
        execution = bot.fake.new_function_execution()
        bot.sim.function_executed(callback_id, {"channel": HEBY}, execution.id, execution.token)
        listened = ended(bot, execution, timeout=1 if callback_id == "no_such_step" else 5).error is not None
        assert listened == (callback_id in manifest["functions"])
    assert {"canvases:read", "canvases:write"} <= set(manifest["oauth_config"]["scopes"]["bot"])
    assert manifest["settings"]["org_deploy_enabled"] is True


def test_an_unexpected_error_ends_the_step_with_an_id_to_quote(bot: Bot) -> None:
    setup_heby(bot)

    def broken(ctx: object, inputs: object) -> StepResult:
        raise RuntimeError("something nobody foresaw")

    bot.services.router.steps["register_case"] = Step("register_case", (), (), broken)  # type: ignore[arg-type]
    done = run_step(bot, "register_case", CASE, ("case_number",))
    assert done.error is not None and done.error.startswith("Oj, något gick fel hos mig.")
    assert "something nobody foresaw" not in done.error and stored_cases(bot.services) == []
