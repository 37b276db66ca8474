"""What goes to Slack at once rather than through the outbox: forms, and everything when there is no database.

A form opens as a modal with the request's trigger_id, which Slack accepts for 3 seconds only, so it cannot wait
for the outbox. `deliver` sends Sends straight away, rendered exactly as the outbox would (bot/slack/outbox.py,
bot/slack/sending.py): for the kind words when the database is away, and for tests and tools that deliver
what a handler returned themselves. Each Send goes out with the client of its workspace (`Send.team_id`, else
the request's; bot/slack/clients.py).

Two kinds of Send are no outbox rows: a Home tab to refresh (built from the database as it is once the change is
committed) and a canvas to write (bot/slack/canvases.py). The outbox hands them back here after the commit
(`after_commit`); each is a refresh of something rebuilt on the next change or the next time the tab is opened,
so a lost one is logged, not retried.
"""

import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from slack_sdk import WebClient

from bot.blocks import BlockRenderer
from bot.slack.canvases import SlackCanvases
from bot.slack.clients import NotInstalled, SlackClients
from bot.slack.forms import modal_view
from bot.slack.metadata import MetadataSeal
from bot.slack.origin import Origin
from bot.slack.outbox import SlackOutbox, org_of
from bot.slack.sending import SlackSender
from bot.slack.uploads import Upload
from handlers.pseudonyms import is_pseudonym
from handlers.replies import Form, PostedHook, Reply, Send, To
from storage.clock import utcnow
from storage.outbox import Claimed

log = logging.getLogger("lokusbot.delivery")
OnPosted = Callable[[Origin, PostedHook, str, str], None]
OnHome = Callable[[str, str, str], None]  # (team, user, enterprise): refresh that person's Home tab


class Background:
    """One thread of this process for what need not hold up Slack's answer (Home tabs, canvases), done in order.

    The thread is made in the process that uses it: a thread made before gunicorn forks does not exist after it.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pid = 0
        self._pool: ThreadPoolExecutor | None = None

    def submit(self, work: Callable[[], None]) -> None:
        """Do the work soon, after what was submitted before it."""
        with self._lock:
            if self._pool is None or self._pid != os.getpid():
                self._pool, self._pid = ThreadPoolExecutor(1, thread_name_prefix="lokusbot-refresh"), os.getpid()
            pool = self._pool
        pool.submit(work)


class SlackDelivery:
    """Opens forms, and sends Sends directly; the renderer decides the words and blocks."""

    def __init__(
        self,
        clients: SlackClients,
        renderer: BlockRenderer,
        on_posted: OnPosted | None = None,
        *,
        seal: MetadataSeal | None = None,
        on_home: OnHome | None = None,
    ) -> None:
        self.clients = clients
        self.renderer = renderer
        self.on_posted = on_posted
        self.seal = seal
        self.on_home = on_home
        self.canvases = SlackCanvases(renderer.catalogue, on_posted, self._say)
        self.background: Background | None = None  # set: Home tabs and canvases are brought up to date off the request
        self._rows = SlackOutbox(renderer)
        self._sender = SlackSender(clients)

    def open_forms(self, origin: Origin, sends: list[Send]) -> None:
        """Open each form as a modal for the person who asked, now."""
        for send in sends:
            if send.form is not None:
                team = send.team_id or origin.actor.team_id
                self.open_form(self.clients.for_team(team, org_of(origin, team)), origin, send.form)

    def open_form(self, client: WebClient, origin: Origin, form: Form) -> None:
        """Open a form as a modal for the person who asked, its metadata sealed for them."""
        if self.seal is None:
            raise RuntimeError("forms need a MetadataSeal: create the delivery with seal=")
        metadata = self.seal.close(form, origin.actor)
        client.views_open(trigger_id=origin.trigger_id, view=modal_view(form, self.renderer.catalogue, metadata))

    def deliver(self, origin: Origin, sends: list[Send], *, response_url: str = "") -> None:
        """Send every Send now, in order, each with the client of its workspace (no outbox, no retry later); one
        for a workspace with no installation any more is skipped: nothing can reach it, nor an erased person.
        Home tabs that changed are refreshed last, once per person."""
        render = self.renderer.catalogue.for_files().render
        homes: list[tuple[str, str]] = []
        for send in sends:
            team = send.team_id or origin.actor.team_id
            if send.to == To.USER and is_pseudonym(send.user_id):
                continue  # an erased person (a reminder to a former minute-taker): nobody to reach
            if send.to == To.HOME:
                if (team, send.user_id) not in homes:
                    homes.append((team, send.user_id))
                continue
            try:
                if send.canvas is not None:
                    self.canvases.write(self.clients.for_team(team, org_of(origin, team)), origin, send.canvas)
                    continue
                if send.form is not None and origin.trigger_id:
                    self.open_forms(origin, [send])
                    continue
                kind, destination, payload = self._rows.row(origin, send, response_url)
                row = Claimed(0, "", team, org_of(origin, team), destination, kind, payload, utcnow())
                files = [Upload(f.filename, render(f.title), f.data(render)) for f in send.reply.files]
                self._sender.send(row, files, self._posted(origin, send.posted))
            except NotInstalled:
                log.warning("a message for team %s not sent: nothing is installed there", send.team_id or "-")
        for team, user_id in homes:
            if self.on_home is not None:
                self.on_home(team, user_id, org_of(origin, team))

    def after_commit(self, origin: Origin, sends: list[Send]) -> None:
        """What the outbox handed back, once the change is committed: forms opened now; Home tabs and canvases
        brought up to date, off the request when there is a background thread (an error there is logged, not
        raised: the next change or opening makes them again)."""
        self.open_forms(origin, sends)
        rest = [send for send in sends if send.form is None]
        if not rest:
            return
        if self.background is not None:
            self.background.submit(lambda: self._refresh(origin, rest))
        else:
            self._refresh(origin, rest)

    def _refresh(self, origin: Origin, sends: list[Send]) -> None:
        try:
            self.deliver(origin, sends)
        except Exception:
            log.exception("a Home tab or canvas was not brought up to date")

    def _say(self, client: WebClient, channel: str, reply: Reply) -> None:
        """Post a short note in a channel now (the canvas port's "no canvas here")."""
        client.chat_postMessage(channel=channel, text=self.renderer.fallback(reply), blocks=self.renderer.blocks(reply))

    def _posted(self, origin: Origin, hook: PostedHook | None) -> Callable[[str, str], None]:
        on_posted = self.on_posted
        if hook is None or on_posted is None:
            return lambda channel, ts: None
        return lambda channel, ts: on_posted(origin, hook, channel, ts)
