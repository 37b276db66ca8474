"""`create_app(settings)`: the Bolt app with its Web API client, listeners, de-duplication and error handler."""

import logging
import uuid
from typing import Any

from slack_bolt import App, Respond
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

from bot.blocks import BlockRenderer
from bot.catalogue import Catalogue
from bot.scheduler import SYSTEM, Scheduler, run_due
from bot.services import Services, build_services
from bot.settings import Settings
from bot.slack import listeners
from bot.slack.admins import SlackWorkspaceAdmins
from bot.slack.delivery import OnPosted, SlackDelivery
from bot.slack.origin import Origin, from_command, from_event, from_interaction
from handlers.context import Actor
from handlers.errors import DomainError, Unavailable
from handlers.replies import PostedHook, say, to_requester
from handlers.text import t

log = logging.getLogger("lokusbot")


def make_client(settings: Settings) -> WebClient:
    """A Web API client for the configured Slack URL that waits and retries when rate-limited."""
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    return WebClient(
        token=token,
        base_url=settings.slack_api_url,
        retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=2), ConnectionErrorRetryHandler(max_retry_count=1)],
    )


def create_app(settings: Settings, services: Services | None = None, *, schedule: bool = False) -> App:
    """The whole Slack app; nothing is built at import time, everything here. `schedule` starts the scheduler."""
    settings.require_slack()
    client = make_client(settings)
    services = services or build_services(settings)
    services.admins = SlackWorkspaceAdmins(client)  # the same services object: tests swap its parts
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else None
    app = App(
        client=client,
        signing_secret=secret,
        token_verification_enabled=False,
        logger=logging.getLogger("lokusbot.bolt"),
    )
    delivery = SlackDelivery(
        client, BlockRenderer(Catalogue.for_slack(settings.language)), on_posted=_remember_posted(services)
    )
    listeners.register(app, services, delivery)
    app.error(_error_handler(delivery))
    if schedule:
        system = Origin(Actor("", SYSTEM))
        Scheduler(lambda: run_due(services, "", lambda sends: delivery.deliver(system, sends))).start()
    return app


def _remember_posted(services: Services) -> OnPosted:
    def remember(origin: Origin, hook: PostedHook, channel_id: str, ts: str) -> None:
        services.handle(origin.actor, lambda ctx: services.router.message_posted(ctx, hook, channel_id, ts))

    return remember


def _origin(body: dict[str, Any]) -> Origin:
    if body.get("type") == "event_callback":
        return from_event(body)
    if "command" in body:
        return from_command(body)
    return from_interaction(body)


def _error_handler(delivery: SlackDelivery) -> Any:
    def handle_error(error: Exception, body: dict[str, Any], respond: Respond | None = None) -> None:
        if isinstance(error, DomainError):
            text = error.text
        elif isinstance(error, Unavailable):
            text = t("error.unavailable")
        else:
            error_id = uuid.uuid4().hex[:8]
            log.error("unexpected error %s", error_id, exc_info=error)
            text = t("error.unexpected", error_id=error_id)
        try:
            delivery.deliver(_origin(body), [to_requester(say(text))], respond)
        except Exception:  # the person cannot be told; the log has it
            log.exception("could not tell the user about an error")

    return handle_error
