"""The `lokusbot` command: start, serve, console, db (and each feature's own, e.g. roles, import, export)."""

import argparse
import logging
import sys
from collections.abc import Callable, Sequence

from bot.settings import Settings, SettingsError, load_settings
from handlers.cleaning import clean_text

Command = Callable[[argparse.Namespace, Settings], int]
FILE_ARGUMENTS = ("file", "out")
"""Arguments naming a file, opened as given; every other text argument is cleaned like typed text."""


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `lokusbot` console script."""
    parser = _parser()
    args = parser.parse_args(argv)
    for name, value in vars(args).items():
        if isinstance(value, str) and name not in FILE_ARGUMENTS:
            setattr(args, name, clean_text(value))
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        settings = load_settings()
        return int(args.run(args, settings))
    except SettingsError as error:
        print(f"lokusbot: {error}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lokusbot", description="Slack-bot för LOKUS-grupper.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    parser.set_defaults(run=_start)
    sub = parser.add_subparsers(dest="command")
    serve = sub.add_parser("serve", help="run the Slack bot (HTTP, or Socket Mode when SLACK_APP_TOKEN is set)")
    serve.add_argument("--port", type=int, default=3000)
    serve.add_argument("--host", default="0.0.0.0")
    serve.add_argument("--workers", type=int, default=2)
    serve.set_defaults(run=_serve)
    console = sub.add_parser("console", help="chat with the bot in the terminal (reads standard input)")
    console.add_argument("--user", default="anna", help="who you are (default anna)")
    console.add_argument("--channel", default="lokus", help="the channel you are in (default lokus)")
    console.set_defaults(run=_console)
    db = sub.add_parser("db", help="database schema")
    db.add_argument("action", choices=["upgrade", "current"])
    db.set_defaults(run=_db)
    for extend in _extensions():
        extend(sub)
    return parser


def _extensions() -> list[Callable[[argparse._SubParsersAction], None]]:  # type: ignore[type-arg]
    from bot import cli_cases, cli_plans, cli_roles, cli_summary

    return [cli_plans.register, cli_cases.register, cli_summary.register, cli_roles.register]


def _start(args: argparse.Namespace, settings: Settings) -> int:
    """No subcommand: serve Slack when tokens are set, otherwise the console."""
    if settings.has_slack:
        args.port, args.host, args.workers = 3000, "0.0.0.0", 2
        return _serve(args, settings)
    print("Inga Slack-nycklar satta (SLACK_BOT_TOKEN m.fl.): startar konsolläget.", file=sys.stderr)
    args.user, args.channel = "anna", "lokus"
    return _console(args, settings)


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    from bot.serve import serve

    return serve(settings, host=args.host, port=args.port, workers=args.workers)


def _console(args: argparse.Namespace, settings: Settings) -> int:
    from bot.console import run_console
    from bot.services import build_services

    services = build_services(settings)
    run_console(services, user=args.user, channel=args.channel)
    return 0


def _db(args: argparse.Namespace, settings: Settings) -> int:
    from storage import migrate
    from storage.db import make_engine

    engine = make_engine(settings.database_url)
    if args.action == "upgrade":
        migrate.upgrade(engine)
        print("Databasen är uppdaterad.")
    else:
        print("aktuell" if migrate.is_current(engine) else "behöver uppgraderas: kör `lokusbot db upgrade`")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
