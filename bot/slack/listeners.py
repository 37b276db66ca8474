"""The Bolt listeners: each acks, takes its typed payload, calls the router once, and delivers.

The payload (`inbound`) was verified and typed before Bolt matched the listener (bot/slack/gate.py, payloads.py).
A listener for a new event type must also be named in payloads.HANDLED_EVENTS, or the gate drops the event.
Commands, buttons and forms are remembered by trigger_id like events by event_id: a replay does nothing.
"""

import logging
import re
from collections.abc import Callable

from slack_bolt import Ack, App, Respond

from bot.blocks import base_action, picker_value
from bot.services import Services
from bot.slack import steps
from bot.slack.delivery import SlackDelivery
from bot.slack.forms import form_values
from bot.slack.metadata import MetadataSeal
from bot.slack.origin import from_command, from_event, from_interaction, typed_text
from bot.slack.payloads import (
    ACTION_PATTERN,
    Action,
    BlockActions,
    EventCallback,
    MessageShortcut,
    Shortcut,
    SlashCommand,
    UserChangeEvent,
    ViewSubmission,
)
from bot.slack.payloads import interaction_claim as claim
from handlers.cleaning import clean_text, clean_value
from handlers.context import Actor, Ctx
from handlers.erasure import user_changed
from handlers.errors import DomainError, Unavailable
from handlers.replies import Send, home_changed, say, to_requester
from handlers.text import Text, t

log = logging.getLogger("lokusbot")
ACTIONS = re.compile(ACTION_PATTERN)
IGNORED_SUBTYPES = {"message_changed", "message_deleted", "bot_message", "channel_join", "channel_leave"}
FormAnswer = tuple[dict[str, Text], list[Send]]


def _kindly(services: Services, actor: Actor, run: Callable[[Ctx], list[Send]], trigger_id: str) -> list[Send]:
    """Run a handler after ack(), once per interaction; a domain error or no database becomes the kind message.

    Raised out of a listener that has already acked, an error races Bolt's thread runner, which can then
    reset the ack so Slack gets no answer and shows the person an error of its own.
    """
    nothing: list[Send] = []
    try:
        return services.handle(actor, run, event_id=claim(trigger_id), duplicate=nothing)
    except DomainError as error:
        return [to_requester(say(error.text))]
    except Unavailable:
        return [to_requester(say(t("error.unavailable")))]


def _action_input(action: Action) -> tuple[str, list[str]]:
    """The value and the selected values of a button, menu or person picker."""
    if action.type == "users_select":
        return picker_value(action.block_id), [action.selected_user or ""]
    value = action.value or (action.selected_option.value if action.selected_option else "")
    return value, [option.value for option in action.selected_options]


def register(app: App, services: Services, delivery: SlackDelivery, seal: MetadataSeal) -> None:
    """Register every listener once, when the app is built."""
    router = services.router
    nothing: list[Send] = []

    @app.command("/lokus")
    def on_command(ack: Ack, inbound: SlashCommand, respond: Respond) -> None:
        ack()
        origin = from_command(inbound)
        sends = _kindly(
            services, origin.actor, lambda ctx: router.command(ctx, typed_text(inbound.text)), inbound.trigger_id
        )
        delivery.deliver(origin, sends, respond)

    @app.event("message")
    def on_message(inbound: EventCallback) -> None:
        event = inbound.event
        if event.bot_id or event.subtype in IGNORED_SUBTYPES or not event.user:
            return
        origin = from_event(inbound)
        if not origin.actor.in_dm and not origin.actor.thread_ts:
            return
        sends = services.handle(
            origin.actor,
            lambda ctx: router.message(ctx, typed_text(event.text)),
            event_id=inbound.event_id,
            duplicate=nothing,
        )
        delivery.deliver(origin, sends)

    @app.event("app_mention")
    def on_mention(inbound: EventCallback) -> None:
        origin = from_event(inbound)
        sends = services.handle(
            origin.actor, lambda ctx: router.command(ctx, "hjälp"), event_id=inbound.event_id, duplicate=nothing
        )
        delivery.deliver(origin, sends)

    @app.event("user_change")
    def on_user_change(inbound: UserChangeEvent) -> None:
        user = inbound.event.user  # a deleted user is noted for erasure after the grace period
        services.handle(
            Actor(inbound.team_id, "USLACKBOT"),
            lambda ctx: user_changed(ctx, user.id, deleted=user.deleted),
            event_id=inbound.event_id,
        )

    @app.event("app_home_opened")
    def on_home(inbound: EventCallback) -> None:
        if inbound.event.tab == "home" and inbound.event.user:  # published by the delivery (bot/slack/home.py)
            delivery.deliver(from_event(inbound), [home_changed(inbound.event.user)])

    def on_shortcut(ack: Ack, inbound: Shortcut | MessageShortcut, respond: Respond) -> None:
        ack()
        text = inbound.message.text if isinstance(inbound, MessageShortcut) else ""
        origin = from_interaction(inbound)
        sends = _kindly(
            services,
            origin.actor,
            lambda ctx: router.shortcut(ctx, inbound.callback_id, clean_text(text)),
            inbound.trigger_id,
        )
        delivery.deliver(origin, sends, respond)

    for callback_id in router.shortcuts:  # exactly the router's: the manifest test compares with these
        app.shortcut(callback_id)(on_shortcut)

    @app.action(ACTIONS)
    def on_action(ack: Ack, inbound: BlockActions, respond: Respond) -> None:
        ack()
        action = inbound.actions[0]
        value, selected = _action_input(action)
        origin = from_interaction(inbound)
        sends = _kindly(
            services,
            origin.actor,
            lambda ctx: router.action(ctx, base_action(action.action_id), clean_text(value), clean_value(selected)),
            inbound.trigger_id,
        )
        delivery.deliver(origin, sends, respond)

    steps.register(app, services, delivery)  # Workflow Builder steps: bot/slack/steps.py

    @app.view(ACTIONS)
    def on_view(ack: Ack, inbound: ViewSubmission) -> None:
        origin = from_interaction(inbound)
        errors, sends = _submitted(services, seal, inbound, origin.actor)
        if errors:
            ack(response_action="errors", errors={k: delivery.renderer.catalogue.render(v) for k, v in errors.items()})
            return
        ack()
        delivery.deliver(origin, sends)


def _submitted(services: Services, seal: MetadataSeal, inbound: ViewSubmission, actor: Actor) -> FormAnswer:
    """A submitted form's errors by field, or what to send once it is saved; nothing is done for a form that
    is not the bot's own as it opened it, for a replay, or for one nobody handles."""
    view = inbound.view
    data = seal.open(view.private_metadata, form=view.callback_id, actor=actor)
    if data is None:
        log.warning("a submitted form whose metadata is not the bot's own (callback %s)", view.callback_id)
        return _on_form(inbound, t("form.invalid"))
    values = form_values(view.state)
    answered: FormAnswer = ({}, [])
    try:
        return services.handle(
            actor,
            lambda ctx: services.router.view(ctx, view.callback_id, values, data),
            event_id=claim(inbound.trigger_id),
            duplicate=answered,
        )
    except DomainError as error:
        return _on_form(inbound, error.text)
    except Unavailable:
        return _on_form(inbound, t("error.unavailable"))


def _on_form(inbound: ViewSubmission, text: Text) -> FormAnswer:
    """A message shown on the form itself, on its first field, so the person sees it where they are waiting."""
    first = next(iter(inbound.view.state.values), None)
    if first is None:
        return {}, [to_requester(say(text))]
    return {first: text}, []
