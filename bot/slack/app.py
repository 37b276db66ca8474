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
from bot.log_privacy import keep_text_out_of_logs
from bot.scheduler import SYSTEM, Scheduler, store_due
from bot.services import Services, build_services
from bot.settings import Settings, SettingsError
from bot.slack import installations, listeners
from bot.slack.admins import SlackWorkspaceAdmins
from bot.slack.clients import OneToken, SlackClients
from bot.slack.deliverer import Deliverer
from bot.slack.delivery import Background, OnPosted, SlackDelivery
from bot.slack.directory import SlackDirectory
from bot.slack.gate import INBOUND
from bot.slack.home import HomePublisher
from bot.slack.installations import InstallationAuthorize, InstalledClients
from bot.slack.listeners import Doors
from bot.slack.metadata import MetadataSeal
from bot.slack.oauth import installed_clients, oauth_flow
from bot.slack.origin import Origin, from_command, from_event, from_interaction
from bot.slack.outbox import SlackOutbox
from bot.slack.payloads import (
    BlockActions,
    EventCallback,
    FunctionExecution,
    MalformedPayload,
    MessageShortcut,
    Payload,
    Shortcut,
    SlashCommand,
    ViewSubmission,
    read_payload,
)
from bot.slack.retries import retry_handlers
from bot.slack.sending import SlackSender
from bot.slack.verification import derived_key
from handlers.context import Actor
from handlers.errors import DomainError, Unavailable
from handlers.replies import PostedHook, Send, say, to_requester
from handlers.text import t

log = logging.getLogger("lokusbot")
VERIFIED = "lokus_verified"  # set in the context once Bolt's own verification has passed
BOLT_LOGGER = "lokusbot.bolt"  # the logger Bolt is built with; kept free of payloads (bot/log_privacy.py)


def make_client(settings: Settings, token: str | None = None, team_id: str = "") -> WebClient:
    """A Web API client for the configured Slack URL: with the bot token of the settings, or the one given (a
    workspace's own, after an OAuth install; an org-wide token acts in `team_id`). It retries a little when
    rate-limited, on a server error and on a timeout or lost connection (bot/slack/retries.py); longer waits are
    the outbox's."""
    if token is None and settings.slack_bot_token:
        token = settings.slack_bot_token.get_secret_value()
    return WebClient(
        token=token,
        base_url=settings.slack_api_url,
        team_id=team_id or None,
        timeout=int(settings.slack_timeout) or 1,
        retry_handlers=retry_handlers(),
    )


def create_app(
    settings: Settings, services: Services | None = None, *, schedule: bool = False, check_token: bool = False
) -> App:
    """The whole Slack app; nothing is built at import time, everything here. `schedule` starts the scheduler;
    `check_token` asks Slack about the bot token now (auth.test), so a wrong one stops the start and the first
    request does not wait for the answer (with one token; OAuth has none to check)."""
    settings.require_slack()
    keep_text_out_of_logs(logging.getLogger(BOLT_LOGGER), logging.getLogger("slack_sdk.web.base_client"))
    services = services or build_services(settings)
    app, clients = _oauth_app(settings, services) if settings.oauth else _single_token_app(settings, check_token)
    services.admins = SlackWorkspaceAdmins(clients)  # the same services object: tests swap its parts
    services.directory = SlackDirectory(clients)
    seal = MetadataSeal(derived_key(_seal_secret(settings), "private_metadata"))
    renderer = BlockRenderer(Catalogue.for_slack(settings.language))
    delivery = SlackDelivery(clients, renderer, on_posted=_remember_posted(services), seal=seal)
    delivery.on_home = HomePublisher(services, clients, renderer).publish
    delivery.background = Background()  # Home tabs and canvases: never between a request and Slack's answer
    outbox, deliverer = _outbox(settings, services, clients, renderer)
    services.on_stop(deliverer.stop)
    doors = Doors(services, outbox, delivery)
    app.use(_typed_and_verified)
    if isinstance(clients, InstalledClients):
        app.use(_note_org(clients))
        installations.register(app, installations.forget_tokens(clients))
    else:
        installations.register(app, installations.tokens_kept)
    listeners.register(app, doors, seal)
    app.error(_error_handler(doors))
    if schedule:  # its thread wakes the deliverer first, in the process that serves (after gunicorn's fork)
        Scheduler(lambda: _every_minute(services, outbox, deliverer, delivery), first=deliverer.wake).start()
    else:
        deliverer.wake()  # what an earlier process promised and did not send
    return app


def _every_minute(services: Services, outbox: SlackOutbox, deliverer: Deliverer, delivery: SlackDelivery) -> int:
    """The scheduler's round: due work with its messages kept in the outbox, then a sweep of the outbox; the Home
    tabs and canvases the work changed are brought up to date once it is committed."""
    system = Origin(Actor("", SYSTEM))
    later: list[Send] = []
    sent = store_due(services, "", lambda ctx, sends: later.extend(outbox.store(ctx.session, system, sends)))
    delivery.after_commit(system, later)
    deliverer.sweep()
    return sent


def _outbox(
    settings: Settings, services: Services, clients: SlackClients, renderer: BlockRenderer
) -> tuple[SlackOutbox, Deliverer]:
    """Where handlers' Sends are kept, and the deliverer that sends them after each commit."""
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
    return outbox, deliverer


def _single_token_app(settings: Settings, check_token: bool) -> tuple[App, SlackClients]:
    """One workspace, one token (SLACK_BOT_TOKEN), as before OAuth; `check_token` asks Slack about it now."""
    client = make_client(settings)
    app = App(
        client=client,
        signing_secret=_signing_secret(settings),
        token_verification_enabled=check_token,
        process_before_response=True,  # Slack's 200 only once the handler's transaction is committed
        logger=logging.getLogger(BOLT_LOGGER),
    )
    return app, OneToken(client)


def _oauth_app(settings: Settings, services: Services) -> tuple[App, SlackClients]:
    """Many workspaces: the OAuth install's routes, and each request authorized with its workspace's own token.

    A request from a workspace with no installation is acknowledged; a slash command or button there is told so.
    """
    client = make_client(settings)  # no token: oauth.v2.access, and the base of each workspace's client
    clients = installed_clients(settings, services.db, lambda token, team: make_client(settings, token, team))
    not_installed = Catalogue.for_slack(settings.language).render(t("install.not_installed"))
    app = App(
        client=client,
        signing_secret=_signing_secret(settings),
        oauth_flow=oauth_flow(settings, clients, client),
        authorize=InstallationAuthorize(clients),  # type: ignore[arg-type]  # returns None when nothing is installed, as Bolt's own
        user_facing_authorize_error_message=not_installed,
        process_before_response=True,  # Slack's 200 only once the handler's transaction is committed
        logger=logging.getLogger(BOLT_LOGGER),
    )
    return app, clients


def _signing_secret(settings: Settings) -> str | None:
    return settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else None


def _note_org(clients: InstalledClients) -> Callable[..., None]:
    """After verification: remember which Enterprise Grid org the request's workspace belongs to."""

    def note(context: BoltContext, next: Callable[[], None]) -> None:
        payload = context.get(INBOUND)
        origin = _origin(payload) if payload is not None else None
        if origin is not None and origin.enterprise_id:
            clients.note(origin.actor.team_id, origin.enterprise_id)
        next()

    return note


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
    if isinstance(payload, BlockActions | ViewSubmission | Shortcut | MessageShortcut):
        return from_interaction(payload)
    return None


def _fail_step(context: BoltContext, delivery: SlackDelivery, text: Any) -> None:
    """End a workflow step that failed unexpectedly with functions.completeError and the kind message."""
    try:
        context.fail(error=delivery.renderer.catalogue.for_files().render(text))
    except Exception:  # the step cannot be ended; Slack ends it when it times out, the log has it
        log.exception("could not end a workflow step after an error")


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
        if isinstance(payload, FunctionExecution):  # the workflow's person is told by Slack, through the step
            _fail_step(context, doors.delivery, text)
            return BoltResponse(status=200, body="")  # ended: Slack need not send the event again
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
