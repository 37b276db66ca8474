"""Warming up: what the first request would otherwise pay for, done before the server accepts one.

Imports are the least of it. dateparser reads its Swedish data at its first parse; SQLAlchemy configures its
mappers and compiles each statement the first time it runs it, and the understanding of what people write builds
its tables at first use. Files are not warmed – the chart, the Word documents, the workbooks: the deliverer makes
them after the answer, so matplotlib's first figure, python-docx's template and openpyxl (loaded at the first
workbook) cost no request anything, and no start either.
`lokusbot serve` runs all of it once, in the process the workers are forked from, so every worker starts warm.
"""

import io
import json
import logging
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from slack_bolt import App
from sqlalchemy.orm import configure_mappers

from bot.blocks import BlockRenderer
from bot.catalogue import Catalogue
from bot.server import EVENTS_PATH
from bot.services import Services
from bot.slack.verification import sign
from handlers.admins import NO_ADMINS
from handlers.context import Actor, Ctx
from handlers.errors import DomainError
from storage.events import claim_event

log = logging.getLogger("lokusbot.warmup")
Wsgi = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
REHEARSAL = Actor("T0WARMUP", "U0WARMUP", "C0WARMUP")  # nobody, in no real workspace: all of it is rolled back
IN_DM = Actor(REHEARSAL.team_id, REHEARSAL.user_id)
SCRIPT = (  # what a first morning looks like: a group linked, its members, a meeting, a case, a summary
    (REHEARSAL, "command", "koppla Uppvärmning"),
    (REHEARSAL, "command", "medlem <@U0WARMUP> kommun samordnare"),
    (REHEARSAL, "command", "grupp"),
    (REHEARSAL, "command", "möte punkt Budgeten"),
    (REHEARSAL, "command", "sammanfattning i år"),
    (IN_DM, "message", "hjälp"),
    (IN_DM, "message", "mina ärenden"),
    (IN_DM, "message", "boka möte tisdag nästa vecka kl 13"),
    (IN_DM, "message", "nytt ärende"),
)


def warm_up(services: Services, signing_secret: str | None, application: Wsgi | None) -> float:
    """Warm everything a first request touches; returns the seconds it took."""
    started = time.perf_counter()
    warm_libraries()
    configure_mappers()
    rehearse(services)
    if application is not None and signing_secret:
        knock(application, signing_secret)
    return time.perf_counter() - started


def start_threads(app: App) -> None:
    """Bolt's listener threads started now, in the process that will use them, rather than by its first requests
    (a thread does not survive a fork, so this is for each worker)."""
    executor = app.listener_runner.listener_executor
    for _ in range(getattr(executor, "_max_workers", 1)):
        executor.submit(time.sleep, 0.01)


def warm_libraries() -> None:
    """The first parse and calendar file: each library loads what it needs for them.

    Not the files a message carries (the chart, documents, workbooks): the deliverer makes them when the message
    is sent, never while a request waits, and matplotlib's first figure (0.3 s) or openpyxl (0.2 s) would hold up
    the start of every replica for nothing a request needs.
    """
    import dateparser
    import icalendar

    dateparser.parse("tisdag 12 januari 2027 kl 13", languages=["sv"], settings={"PREFER_DATES_FROM": "future"})
    calendar = icalendar.Calendar()
    calendar.add_component(icalendar.Event())
    calendar.to_ical()


def rehearse(services: Services) -> None:
    """A first morning's commands and messages (SCRIPT) run to their end in one transaction that is rolled back:
    the SQL compiled, the understanding built, the replies rendered. Nothing is kept and nothing is sent."""
    renderer = BlockRenderer(Catalogue.for_slack(services.config.language))
    with services.db.rolled_back() as session:
        for number, (actor, kind, text) in enumerate(SCRIPT):
            claim_event(session, event_id=f"Ev0WARMUP{number}")  # as every request is claimed first
            ctx = Ctx(
                session, actor, datetime.now(UTC), services.config, admins=NO_ADMINS, engine=services.router.engine
            )
            handle = services.router.command if kind == "command" else services.router.message
            try:
                sends = handle(ctx, text)
            except DomainError:
                continue
            except Exception:  # a rehearsal never stops the start; the rest of the script may not run
                log.warning("the warm-up stopped at %r", text, exc_info=True)
                return
            for send in sends:
                renderer.blocks(send.reply)
                renderer.fallback(send.reply)


def knock(application: Wsgi, signing_secret: str) -> None:
    """One signed request through the whole HTTP stack — the gate, Bolt's parsing, its middleware — that Bolt
    answers itself (Slack's url_verification), so no listener runs and nothing is sent."""
    body = json.dumps({"type": "url_verification", "token": "warm-up", "challenge": "warm-up"}).encode()
    stamp = str(int(time.time()))
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": EVENTS_PATH,
        "QUERY_STRING": "",
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": str(len(body)),
        "HTTP_X_SLACK_REQUEST_TIMESTAMP": stamp,
        "HTTP_X_SLACK_SIGNATURE": sign(signing_secret, stamp, body),
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "0",
        "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "http",
    }
    statuses: list[str] = []
    b"".join(application(environ, lambda status, headers, exc_info=None: statuses.append(status)))
    if not statuses or not statuses[0].startswith("200"):
        log.warning("the warm-up request was answered %s", statuses[0] if statuses else "nothing")
