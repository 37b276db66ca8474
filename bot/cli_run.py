"""What the command line's subcommands share: one unit of work as the operator, and texts printed in the bot's
language (a domain error or an unreachable database is a printed sentence and an exit code, never a traceback)."""

import sys
from collections.abc import Callable
from typing import Any, TextIO

from bot.catalogue import Catalogue
from bot.settings import Settings
from handlers.context import Actor, Ctx
from handlers.errors import DomainError, Unavailable
from handlers.text import Text, t

FAILED, USAGE = 1, 2


def run_once(settings: Settings, actor: Actor, run: Callable[[Ctx], Any]) -> tuple[int, Any]:
    """Run in one unit of work as the actor: (0, the result), or (the exit code, None) of a failure, printed."""
    from bot.services import build_services

    services = build_services(settings)
    try:
        return 0, services.handle(actor, run)
    except DomainError as error:
        return fail(settings, error.text, FAILED), None
    except Unavailable:
        return fail(settings, t("error.unavailable"), FAILED), None
    finally:
        services.db.dispose()


def fail(settings: Settings, text: Text, code: int) -> int:
    """Print the text on standard error and return the exit code."""
    show(settings, [text], sys.stderr)
    return code


def show(settings: Settings, lines: list[Text], stream: TextIO) -> None:
    """Print each text, rendered in the configured language."""
    catalogue = Catalogue.for_console(settings.language, lambda user_id: user_id)
    for line in lines:
        print(catalogue.render(line), file=stream)
