"""Workflow Builder steps (custom functions): one Bolt `app.function` listener per step the router knows.

Slack sends `function_executed` when a workflow reaches one of the app's steps; the gate has verified and typed
it (payloads.FunctionExecution). The step runs in one unit of work as the person the workflow names (its `user`
input), in the group's channel (its `channel` input), so the access rules and the validation are the chat's
(handlers/steps.py). It ends with `functions.completeSuccess` and the step's outputs, or `functions.completeError`
with the Swedish reason; Bolt's `complete` and `fail` send them with the execution's own token, as Slack asks.
A replayed event (the same event id) is not run again. Anything unexpected ends the step through the error
handler (bot/slack/app.py), with an id the person can quote.
"""

import re
from collections.abc import Callable

from slack_bolt import App, Complete, Fail

from bot.services import Services
from bot.slack.delivery import SlackDelivery
from bot.slack.origin import Origin
from bot.slack.payloads import FunctionExecution, InputValue
from handlers.cleaning import clean_text
from handlers.context import Actor, Ctx
from handlers.errors import DomainError, Unavailable
from handlers.steps import STEP_CHANNEL, STEP_USER, StepResult
from handlers.text import Text, t

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


def register(app: App, services: Services, delivery: SlackDelivery) -> list[str]:
    """One listener per step, registered once; returns the callback ids registered."""
    for callback_id in services.router.steps:
        app.function(callback_id)(_listener(services, delivery, callback_id))
    return list(services.router.steps)


def _listener(services: Services, delivery: SlackDelivery, callback_id: str) -> Callable[..., None]:
    words = delivery.renderer.catalogue.for_files().render

    def on_step(inbound: FunctionExecution, complete: Complete, fail: Fail) -> None:
        inputs = {name: input_text(value) for name, value in inbound.event.inputs.items()}
        user, channel = inputs.pop(STEP_USER, ""), inputs.pop(STEP_CHANNEL, "")
        if not USER_ID.fullmatch(user) or not CHANNEL_ID.fullmatch(channel):
            fail(error=words(t("step.needs_person")))
            return
        origin = Origin(Actor(inbound.team_id, user, channel), enterprise_id=inbound.enterprise_id or "")
        refusal: Text | None = None
        try:
            result = _run(services, origin.actor, callback_id, inputs, inbound.event_id)
        except DomainError as error:
            result, refusal = None, error.text
        except Unavailable:
            result, refusal = None, t("error.unavailable")
        delivery.deliver(origin, result.sends if result is not None else [])
        if refusal is not None:
            fail(error=words(refusal))
        elif result is not None:  # None: a replay, whose first delivery completes the step
            complete(outputs=dict(result.outputs))

    return on_step


def _run(
    services: Services, actor: Actor, callback_id: str, inputs: dict[str, str], event_id: str
) -> StepResult | None:
    """The step in its unit of work; None when the event was handled before."""

    def run(ctx: Ctx) -> StepResult | None:
        return services.router.step(ctx, callback_id, inputs)

    return services.handle(actor, run, event_id=event_id, duplicate=None)
