"""Workflow Builder steps (custom functions): one Bolt `app.function` listener per step the router knows.

Slack sends `function_executed` when a workflow reaches one of the app's steps; the gate has verified and typed
it (payloads.FunctionExecution). The step runs in one unit of work as the person the workflow names (its `user`
input), in the group's channel (its `channel` input), so the access rules and the validation are the chat's
(handlers/steps.py). What the step posts is kept in the outbox in the same transaction, as every reply is, and
delivered after the commit. It ends with `functions.completeSuccess` and the step's outputs, or
`functions.completeError` with the Swedish reason; Bolt's `complete` and `fail` send them with the execution's own
token, as Slack asks.
A replayed event (the same event id) is not run again. Anything unexpected ends the step through the error
handler (bot/slack/app.py), with an id the person can quote.
"""

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from slack_bolt import App, Complete, Fail

from bot.slack.origin import Origin
from bot.slack.payloads import FunctionExecution, InputValue
from handlers.cleaning import clean_text
from handlers.context import Actor, Ctx
from handlers.errors import DomainError, Unavailable
from handlers.replies import Send
from handlers.steps import STEP_CHANNEL, STEP_USER, StepResult
from handlers.text import t

if TYPE_CHECKING:
    from bot.slack.listeners import Doors

USER_ID = re.compile(r"^[UW][A-Z0-9]{1,40}$")
CHANNEL_ID = re.compile(r"^[CG][A-Z0-9]{1,40}$")


def input_text(value: InputValue | None) -> str:
    """An input as the text a person would have typed: a list as "a, b", a yes/no as "ja"/"nej"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, list):
        return ", ".join(value)
    return clean_text(str(value))


def register(app: App, doors: "Doors") -> list[str]:
    """One listener per step, registered once; returns the callback ids registered."""
    for callback_id in doors.services.router.steps:
        app.function(callback_id)(_listener(doors, callback_id))
    return list(doors.services.router.steps)


def _listener(doors: "Doors", callback_id: str) -> Callable[..., None]:
    words = doors.delivery.renderer.catalogue.for_files().render

    def on_step(inbound: FunctionExecution, complete: Complete, fail: Fail) -> None:
        inputs = {name: input_text(value) for name, value in inbound.event.inputs.items()}
        user, channel = inputs.pop(STEP_USER, ""), inputs.pop(STEP_CHANNEL, "")
        if not USER_ID.fullmatch(user) or not CHANNEL_ID.fullmatch(channel):
            fail(error=words(t("step.needs_person")))
            return
        origin = Origin(Actor(inbound.team_id, user, channel), enterprise_id=inbound.enterprise_id or "")
        results: list[StepResult] = []

        def run(ctx: Ctx) -> list[Send]:
            result = doors.services.router.step(ctx, callback_id, inputs)
            results.append(result)  # handled again after a conflict: the last one is what was committed
            return list(result.sends)

        try:  # its messages kept in the outbox with its change, as every listener's (a replay runs nothing)
            later = doors.handle(origin, run, claim_id=inbound.event_id)
        except DomainError as error:
            fail(error=words(error.text))
            return
        except Unavailable:
            fail(error=words(t("error.unavailable")))
            return
        doors.delivery.after_commit(origin, later)  # forms, Home tabs and canvases
        if results:  # none: a replay, whose first delivery completes the step
            complete(outputs=dict(results[-1].outputs))

    return on_step
