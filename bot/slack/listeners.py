"""The Bolt listeners: each acks, turns the payload into an Actor, calls the router once, and delivers."""

import re
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.blocks import base_action, picker_value
from bot.services import Services
from bot.slack.delivery import SlackDelivery
from bot.slack.forms import form_values
from bot.slack.home import home_view
from bot.slack.origin import from_command, from_event, from_interaction, typed_text
from handlers.cleaning import clean_text, clean_value
from handlers.context import Actor, Ctx
from handlers.errors import DomainError, Unavailable
from handlers.replies import Send, say, to_requester
from handlers.text import t

ACTIONS = re.compile(r"^[a-z_]+\.")
IGNORED_SUBTYPES = {"message_changed", "message_deleted", "bot_message", "channel_join", "channel_leave"}


def _kindly(services: Services, actor: Actor, run: Callable[[Ctx], list[Send]]) -> list[Send]:
    """Run a handler after ack(); a domain error or an unavailable database becomes the kind message here.

    Raised out of a listener that has already acked, an error races Bolt's thread runner, which can then
    reset the ack so Slack gets no answer and shows the person an error of its own.
    """
    try:
        return services.handle(actor, run)
    except DomainError as error:
        return [to_requester(say(error.text))]
    except Unavailable:
        return [to_requester(say(t("error.unavailable")))]


def register(app: App, services: Services, delivery: SlackDelivery) -> None:
    """Register every listener once, when the app is built."""
    router = services.router

    @app.command("/lokus")
    def on_command(ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        ack()
        origin = from_command(body)
        sends = _kindly(services, origin.actor, lambda ctx: router.command(ctx, typed_text(body.get("text", ""))))
        delivery.deliver(origin, sends, respond)

    @app.event("message")
    def on_message(body: dict[str, Any]) -> None:
        event = body.get("event", {})
        if event.get("bot_id") or event.get("subtype") in IGNORED_SUBTYPES or not event.get("user"):
            return
        origin = from_event(body)
        if not origin.actor.in_dm and not origin.actor.thread_ts:
            return
        nothing: list[Send] = []
        sends = services.handle(
            origin.actor,
            lambda ctx: router.message(ctx, typed_text(event.get("text", ""))),
            event_id=body.get("event_id", ""),
            duplicate=nothing,
        )
        delivery.deliver(origin, sends)

    @app.event("app_mention")
    def on_mention(body: dict[str, Any]) -> None:
        origin = from_event(body)
        nothing: list[Send] = []
        sends = services.handle(
            origin.actor, lambda ctx: router.command(ctx, "hjälp"), event_id=body.get("event_id", ""), duplicate=nothing
        )
        delivery.deliver(origin, sends)

    @app.event("app_home_opened")
    def on_home(body: dict[str, Any], client: WebClient) -> None:
        event = body.get("event", {})
        if event.get("tab", "home") == "home":
            client.views_publish(user_id=event["user"], view=home_view(delivery.renderer))

    @app.action(ACTIONS)
    def on_action(ack: Ack, body: dict[str, Any], respond: Respond) -> None:
        ack()
        action = body["actions"][0]
        value = action.get("value") or (action.get("selected_option") or {}).get("value", "")
        selected = [o["value"] for o in action.get("selected_options", [])]
        if action.get("type") == "users_select":
            value, selected = picker_value(action.get("block_id", "")), [action.get("selected_user") or ""]
        origin = from_interaction(body)
        sends = _kindly(
            services,
            origin.actor,
            lambda ctx: router.action(ctx, base_action(action["action_id"]), clean_text(value), clean_value(selected)),
        )
        delivery.deliver(origin, sends, respond)

    @app.view(ACTIONS)
    def on_view(ack: Ack, body: dict[str, Any]) -> None:
        view = body["view"]
        origin = from_interaction(body)
        values = form_values(view["state"]["values"])
        errors, sends = services.handle(
            origin.actor, lambda ctx: router.view(ctx, view["callback_id"], values, view.get("private_metadata", ""))
        )
        if errors:
            ack(response_action="errors", errors={k: delivery.renderer.catalogue.render(v) for k, v in errors.items()})
            return
        ack()
        delivery.deliver(origin, sends)
