"""The Bolt listeners: each takes its typed payload, calls the router once, and keeps what it sends in the outbox.

The payload (`inbound`) was verified and typed before Bolt matched the listener (bot/slack/gate.py, payloads.py).
A listener for a new event type must also be named in payloads.HANDLED_EVENTS, or the gate drops the event.
Commands, buttons and forms are remembered by trigger_id like events by event_id: a replay does nothing.

Nothing acknowledged is lost: the app processes before it responds (`process_before_response`), so Slack's HTTP
200 goes out only once the handler's transaction – the change, the claim of the event or trigger id, and the
messages it promised (bot/slack/outbox.py) – is committed. A process that dies before that has acknowledged
nothing: Slack retries the event (and the claim makes a retry of a committed one do nothing), and a command or a
button shows the person Slack's own error instead of a promise the bot cannot keep. Slack is called only after
the commit, by the deliverer, so the ack waits for the database alone; only a form to open as a modal goes at
once (its trigger_id lasts 3 seconds), and a form's errors go back in the ack itself.
"""

import logging
import re
from collections.abc import Callable

from slack_bolt import Ack, App

from bot.blocks import base_action, picker_value
from bot.services import Services
from bot.slack import steps
from bot.slack.delivery import SlackDelivery
from bot.slack.forms import form_values
from bot.slack.metadata import MetadataSeal
from bot.slack.origin import Origin, from_command, from_event, from_interaction, typed_text
from bot.slack.outbox import SlackOutbox
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
IGNORED_SUBTYPES = {"message_deleted", "bot_message", "channel_join", "channel_leave"}
FormAnswer = tuple[dict[str, Text], list[Send]]
Handler = Callable[[Ctx], list[Send]]


class Doors:
    """What every listener does: handle in one transaction that also keeps the replies, or tell kindly why not."""

    def __init__(self, services: Services, outbox: SlackOutbox, delivery: SlackDelivery) -> None:
        self.services, self.outbox, self.delivery = services, outbox, delivery

    def handle(self, origin: Origin, run: Handler, *, claim_id: str, response_url: str = "") -> list[Send]:
        """Run a handler once per claim id and keep its Sends in its transaction; returns what must go now."""
        nothing: list[Send] = []
        store = self.outbox.store
        return self.services.handle(
            origin.actor,
            lambda ctx: store(ctx.session, origin, run(ctx), response_url=response_url),
            event_id=claim_id,
            duplicate=nothing,
        )

    def kindly(self, origin: Origin, run: Handler, *, claim_id: str, response_url: str = "") -> None:
        """`handle`, with a domain error or no database told to the person; forms opened at once."""
        try:
            now = self.handle(origin, run, claim_id=claim_id, response_url=response_url)
        except DomainError as error:
            return self.tell(origin, [to_requester(say(error.text))], response_url)
        except Unavailable:
            return self.tell(origin, [to_requester(say(t("error.unavailable")))], response_url)
        self.delivery.after_commit(origin, now)

    def tell(self, origin: Origin, sends: list[Send], response_url: str = "") -> None:
        """Send something outside a handler (an error's kind words): through the outbox, or at once without one."""
        try:
            store = self.outbox.store
            now = self.services.handle(
                origin.actor, lambda ctx: store(ctx.session, origin, sends, response_url=response_url)
            )
        except Unavailable:  # no database, so no outbox: straight to Slack, once
            self.delivery.deliver(origin, sends, response_url=response_url)
            return
        self.delivery.after_commit(origin, now)


def _action_input(action: Action) -> tuple[str, list[str]]:
    """The value and the selected values of a button, menu or person picker."""
    if action.type == "users_select":
        return picker_value(action.block_id), [action.selected_user or ""]
    value = action.value or (action.selected_option.value if action.selected_option else "")
    return value, [option.value for option in action.selected_options]


def register(app: App, doors: Doors, seal: MetadataSeal) -> None:
    """Register every listener once, when the app is built."""
    router = doors.services.router

    @app.command("/lokus")
    def on_command(ack: Ack, inbound: SlashCommand) -> None:
        ack()
        origin = from_command(inbound)
        run: Handler = lambda ctx: router.command(ctx, typed_text(inbound.text))  # noqa: E731
        doors.kindly(origin, run, claim_id=claim(inbound.trigger_id), response_url=inbound.response_url or "")

    @app.event("message")
    def on_message(inbound: EventCallback) -> None:
        event = inbound.event
        if event.subtype == "message_changed":
            return _edited(doors, inbound)
        if event.bot_id or event.subtype in IGNORED_SUBTYPES or not event.user:
            return
        origin = from_event(inbound)
        if not origin.actor.in_dm and not origin.actor.thread_ts:
            return
        doors.kindly(origin, lambda ctx: router.message(ctx, typed_text(event.text)), claim_id=inbound.event_id)

    @app.event("app_mention")
    def on_mention(inbound: EventCallback) -> None:
        doors.kindly(from_event(inbound), lambda ctx: router.command(ctx, "hjälp"), claim_id=inbound.event_id)

    @app.event("user_change")
    def on_user_change(inbound: UserChangeEvent) -> None:
        user = inbound.event.user  # a deleted user is noted for erasure after the grace period
        doors.services.handle(
            Actor(inbound.team_id, "USLACKBOT"),
            lambda ctx: user_changed(ctx, user.id, deleted=user.deleted),
            event_id=inbound.event_id,
        )

    @app.event("app_home_opened")
    def on_home(inbound: EventCallback) -> None:
        user = inbound.event.user
        if inbound.event.tab != "home" or not user:
            return
        origin = from_event(inbound)  # the person is looking at it: built and published now (bot/slack/home.py)
        try:
            now = doors.handle(origin, lambda ctx: [home_changed(user)], claim_id=inbound.event_id)
        except Unavailable:
            return  # no database, nothing to show: the tab keeps what it showed
        doors.delivery.deliver(origin, now)

    def on_shortcut(ack: Ack, inbound: Shortcut | MessageShortcut) -> None:
        ack()
        text = inbound.message.text if isinstance(inbound, MessageShortcut) else ""
        run: Handler = lambda ctx: router.shortcut(ctx, inbound.callback_id, clean_text(text))  # noqa: E731
        doors.kindly(from_interaction(inbound), run, claim_id=claim(inbound.trigger_id))

    for callback_id in router.shortcuts:  # exactly the router's: the manifest test compares with these
        app.shortcut(callback_id)(on_shortcut)

    @app.action(ACTIONS)
    def on_action(ack: Ack, inbound: BlockActions) -> None:
        ack()
        action = inbound.actions[0]
        value, selected = _action_input(action)
        run: Handler = lambda ctx: router.action(  # noqa: E731
            ctx, base_action(action.action_id), clean_text(value), clean_value(selected)
        )
        origin = from_interaction(inbound)
        doors.kindly(origin, run, claim_id=claim(inbound.trigger_id), response_url=inbound.response_url or "")

    steps.register(app, doors)  # Workflow Builder steps: bot/slack/steps.py

    @app.view(ACTIONS)
    def on_view(ack: Ack, inbound: ViewSubmission) -> None:
        origin = from_interaction(inbound)
        errors, sends = _submitted(doors, seal, inbound, origin)
        if errors:
            ack(
                response_action="errors",
                errors={k: doors.delivery.renderer.catalogue.render(v) for k, v in errors.items()},
            )
            return
        ack()
        if sends:
            doors.tell(origin, sends)  # a message about the form, or the Home tabs and canvases its saving changed


def _edited(doors: Doors, inbound: EventCallback) -> None:
    """A message of the person's own edited in the DM: the bot does not read edits, and says so, so a changed
    answer is never dropped without a word (a link's preview or the bot's own edits change no text: nothing)."""
    event = inbound.event
    now, before = event.message, event.previous_message
    if event.channel_type != "im" or now is None or not now.user or now.bot_id:
        return
    if before is not None and before.text == now.text:
        return
    origin = from_event(inbound.model_copy(update={"event": event.model_copy(update={"user": now.user})}))
    doors.kindly(origin, lambda ctx: [to_requester(say(t("dm.edited")))], claim_id=inbound.event_id)


def _submitted(doors: Doors, seal: MetadataSeal, inbound: ViewSubmission, origin: Origin) -> FormAnswer:
    """A submitted form's errors by field – or, once it is saved with its replies kept, nothing more to do; what
    to tell otherwise. Nothing is done for a form that is not the bot's own as it opened it, for a replay, or for
    one nobody handles."""
    view, services = inbound.view, doors.services
    data = seal.open(view.private_metadata, form=view.callback_id, actor=origin.actor)
    if data is None:
        log.warning("a submitted form whose metadata is not the bot's own (callback %s)", view.callback_id)
        return _on_form(inbound, t("form.invalid"))
    values = form_values(view.state)

    def run(ctx: Ctx) -> FormAnswer:
        errors, sends = services.router.view(ctx, view.callback_id, values, data)
        if errors:
            return errors, []
        return {}, doors.outbox.store(ctx.session, origin, sends)  # what is not kept: done once committed

    answered: FormAnswer = ({}, [])
    try:
        return services.handle(origin.actor, run, event_id=claim(inbound.trigger_id), duplicate=answered)
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
