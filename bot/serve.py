"""`lokusbot serve`: check the configuration, migrate, then HTTP (gunicorn) or Socket Mode."""

import logging

from bot.services import build_services
from bot.settings import Settings
from storage import migrate
from storage.db import make_engine

log = logging.getLogger("lokusbot")


def serve(settings: Settings, *, host: str, port: int, workers: int) -> int:
    """Run the Slack bot until stopped."""
    settings.require_slack()
    engine = make_engine(settings.database_url)
    migrate.upgrade(engine)
    engine.dispose()
    from bot.slack.app import create_app

    if settings.socket_mode:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        app = create_app(settings, build_services(settings, migrate_schema=False), schedule=True)
        assert settings.slack_app_token is not None
        log.warning("lokusbot: Socket Mode")
        SocketModeHandler(app, settings.slack_app_token.get_secret_value()).start()
        return 0
    from bot.server import GunicornServer

    print(f"lokusbot lyssnar på http://{host}:{port}/slack/events", flush=True)
    if settings.oauth:
        print(f"Installera i en arbetsyta: http://{host}:{port}/slack/install (bakom er HTTPS-adress)", flush=True)
    assert settings.slack_signing_secret is not None  # require_slack: HTTP mode has the signing secret
    GunicornServer(
        lambda: create_app(settings, build_services(settings, migrate_schema=False), schedule=True),
        signing_secret=settings.slack_signing_secret.get_secret_value(),
        host=host,
        port=port,
        workers=workers,
    ).run()
    return 0
