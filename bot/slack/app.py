"""`create_app(settings)`: the Bolt app with its Web API client, listeners, de-duplication, error handler, outbox."""

import logging
import uuid
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from slack_bolt import App, BoltContext, BoltResponse
from slack_sdk import WebClient

from bot.blocks import BlockRenderer
from bot.catalogue import Catalogue
from bot.scheduler import SYSTEM, Scheduler, store_due
from bot.services import Services, build_services
from bot.settings import Settings, SettingsError
from bot.slack import listeners
from bot.slack.admins import SlackWorkspaceAdmins
from bot.slack.clients import OneToken
from bot.slack.deliverer import Deliverer
from bot.slack.delivery import OnPosted, SlackDelivery
from bot.slack.gate import INBOUND
from bot.slack.listeners import Doors
from bot.slack.metadata import MetadataSeal
from bot.slack.origin import Origin, from_command, from_event, from_interaction
from bot.slack.outbox import SlackOutbox
from bot.slack.payloads import (
    BlockActions,
    EventCallback,
    MalformedPayload,
    Payload,
    SlashCommand,
    ViewSubmission,
    read_payload,
)
from bot.slack.retries import retry_handlers
from bot.slack.sending import SlackSender
from bot.slack.verification import derived_key
from handlers.context import Actor
from handlers.errors import DomainError, Unavailable
from handlers.replies import PostedHook, say, to_requester
from handlers.text import t

log = logging.getLogger("lokusbot")
VERIFIED = "lokus_verified"  # set in the context once Bolt's own verification has passed


def make_client(settings: Settings) -> WebClient:
    """A Web API client for the configured Slack URL that retries a little when rate-limited, on a server error
    and on a timeout or lost connection (bot/slack/retries.py); longer waits are the outbox's."""
    token = settings.slack_bot_token.get_secret_value() if settings.slack_bot_token else None
    return WebClient(
        token=token,
        base_url=settings.slack_api_url,
        timeout=int(settings.slack_timeout) or 1,
        retry_handlers=retry_handlers(),
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
        process_before_response=True,  # Slack's 200 only once the handler's transaction is committed
        logger=logging.getLogger("lokusbot.bolt"),
    )
    seal = MetadataSeal(derived_key(_seal_secret(settings), "private_metadata"))
    clients, renderer = OneToken(client), BlockRenderer(Catalogue.for_slack(settings.language))
    delivery = SlackDelivery(clients, renderer, on_posted=_remember_posted(services), seal=seal)
    outbox = SlackOutbox(renderer)
    deliverer = Deliverer(
        services,
        SlackSender(clients),
        outbox,
        renderer,
        timeout=settings.slack_timeout,
        workers=settings.outbox_workers,
        give_up_after=timedelta(hours=settings.outbox_give_up_hours),
    )
    services.on_stop(deliverer.stop)
    doors = Doors(services, outbox, delivery)
    app.use(_typed_and_verified)
    listeners.register(app, doors, seal)
    app.error(_error_handler(doors))
    deliverer.wake()  # what an earlier process promised and did not send
    if schedule:
        Scheduler(lambda: _every_minute(services, outbox, deliverer)).start()
    return app


def _every_minute(services: Services, outbox: SlackOutbox, deliverer: Deliverer) -> int:
    """The scheduler's round: due work with its messages kept in the outbox, then a sweep of the outbox."""
    system = Origin(Actor("", SYSTEM))
    sent = store_due(services, "", lambda ctx, sends: outbox.store(ctx.session, system, sends))
    deliverer.sweep()
    return sent


def _seal_secret(settings: Settings) -> str:
    """What the bot's own seals are derived from: the signing secret, or in Socket Mode the app token."""
    secret = settings.slack_signing_secret or settings.slack_app_token
    if secret is None:
        raise SettingsError("lokusbot needs SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode)")
    return secret.get_secret_value()


def _remember_posted(services: Services) -> OnPosted:
    def remember(origin: Origin, hook: PostedHook, channel_id: str, ts: str) -> None:
        services.handle(origin.actor, lambda ctx: services.router.message_posted(ctx, hook, channel_id, ts))

    return remember


def _typed_and_verified(context: BoltContext, body: dict[str, Any], next: Callable[[], None]) -> BoltResponse | None:
    """After Bolt's own checks: type the payload if the gate has not (Socket Mode), then mark the request verified.

    Only a request that got this far may be answered by the error handler; nothing earlier is known to be Slack's.
    """
    if INBOUND not in context:
        try:
            context[INBOUND] = read_payload(body)
        except MalformedPayload as error:
            log.warning("refused a request: %s", error)
            return BoltResponse(status=400, body="")
    context[VERIFIED] = True
    next()
    return None


def _origin(payload: Payload) -> Origin | None:
    if isinstance(payload, EventCallback):
        return from_event(payload)
    if isinstance(payload, SlashCommand):
        return from_command(payload)
    if isinstance(payload, BlockActions | ViewSubmission):
        return from_interaction(payload)
    return None


def _error_handler(doors: Doors) -> Any:
    def handle_error(error: Exception, context: BoltContext) -> BoltResponse | None:
        if isinstance(error, DomainError):
            text = error.text
        elif isinstance(error, Unavailable):
            text = t("error.unavailable")
        else:
            error_id = uuid.uuid4().hex[:8]
            log.error("unexpected error %s", error_id, exc_info=error)
            text = t("error.unexpected", error_id=error_id)
        payload = context.get(INBOUND) if context.get(VERIFIED) is True else None
        origin = _origin(payload) if payload is not None else None
        if origin is None:  # not verified, not read, or nobody to tell: the log has it, nothing goes out
            log.warning("an error in a request not known to be Slack's; nobody is told")
            return None
        try:
            doors.tell(origin, [to_requester(say(text))], response_url_of(payload))
        except Exception:  # the person cannot be told; the log has it
            log.exception("could not tell the user about an error")
            return None
        return BoltResponse(status=200, body="")  # told: Slack need not send it again (and have it fail again)

    return handle_error


def response_url_of(payload: Payload | None) -> str:
    """The response_url a command or a button came with, if any."""
    return getattr(payload, "response_url", None) or ""
