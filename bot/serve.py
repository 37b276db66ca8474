"""`lokusbot serve`: check the configuration, migrate, build and warm everything, then HTTP (gunicorn) or Socket Mode.

Nothing is left for the first request to do: the app is built, the bot token checked with Slack (auth.test), the
heavy libraries warmed and the database asked (bot/warmup.py) before the port opens or the socket connects.
"""

import gc
import logging
import time

from slack_bolt import App
from slack_bolt.error import BoltError

from bot import scheduler
from bot.health import Readiness
from bot.server import Prepared, wsgi_app
from bot.services import Services, build_services
from bot.settings import Settings, SettingsError
from bot.slack.socket_mode import SocketModeHandler
from bot.warmup import knock, rehearse, start_threads, warm_up
from storage import migrate
from storage.db import make_engine

log = logging.getLogger("lokusbot")


def serve(settings: Settings, *, host: str, port: int, workers: int) -> int:
    """Run the Slack bot until stopped."""
    settings.require_slack()
    engine = make_engine(settings.database_url)
    if not migrate.is_current(engine):  # after the entrypoint migrated, this is only a look
        migrate.upgrade(engine)
    engine.dispose()
    if settings.socket_mode:
        socket_mode_handler(settings).start()
        return 0
    from bot.server import GunicornServer

    def prepare() -> Prepared:
        prepared = prepare_http(settings)
        print(f"lokusbot lyssnar på http://{host}:{port}/slack/events", flush=True)
        if settings.oauth:
            print(f"Installera i en arbetsyta: http://{host}:{port}/slack/install (bakom er HTTPS-adress)", flush=True)
        return prepared

    GunicornServer(prepare, host=host, port=port, workers=workers).run()
    return 0


def build(settings: Settings, *, schedule: bool = True) -> tuple[App, Services]:
    """The app and its services, the token checked (with one token) and the scheduler started.

    A token Slack refuses, or a Slack that cannot be reached, stops the start with a SettingsError that says so.
    """
    services = build_services(settings, migrate_schema=False)
    from bot.slack.app import create_app

    try:
        return create_app(settings, services, schedule=schedule, check_token=True), services
    except BoltError as error:
        raise SettingsError(f"Slack does not accept SLACK_BOT_TOKEN – {error}") from None
    except OSError as error:
        raise SettingsError(f"Slack could not be reached at SLACK_API_URL={settings.slack_api_url} – {error}") from None


def readiness(settings: Settings, services: Services) -> Readiness:
    """What /readyz checks for this app (the token was checked when the app was built)."""
    return Readiness(services.db, migrate.heads(), True if settings.slack_bot_token else None)


def prepare_http(settings: Settings) -> Prepared:
    """In gunicorn's master: build and warm the app; each worker then takes its own connections and scheduler."""
    started = time.perf_counter()
    with scheduler.held() as schedulers:
        app, services = build(settings)
    assert settings.slack_signing_secret is not None  # require_slack: HTTP mode has the signing secret
    secret = settings.slack_signing_secret.get_secret_value()
    application = wsgi_app(app, secret, readiness(settings, services))
    built = time.perf_counter()
    warm_up(services, secret, application)
    services.db.dispose()  # no connection crosses the fork

    def after_fork() -> None:  # in each worker, before it accepts a request
        services.db.after_fork()
        start_threads(app)
        rehearse(services)  # its own first connection, and the pages a request touches copied from the master now
        knock(application, secret)
        for held in schedulers:
            held.start()

    log.info("built in %.2f s, warmed in %.2f s", built - started, time.perf_counter() - built)
    return Prepared(application, after_fork)


def socket_mode_handler(settings: Settings) -> SocketModeHandler:
    """The app over Socket Mode, built and warmed; `.start()` connects and blocks, `.connect()` only connects."""
    app, services = build(settings)
    warm_up(services, None, None)
    gc.freeze()  # as the HTTP server does (bot/server.py `frozen`), and the collector back on
    gc.enable()
    assert settings.slack_app_token is not None  # socket_mode: the app-level token is set
    log.warning("lokusbot: Socket Mode")
    return SocketModeHandler(app, settings.slack_app_token.get_secret_value())
