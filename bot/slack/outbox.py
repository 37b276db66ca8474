"""A handler's Sends become outbox rows in the handler's own transaction: what the bot promised is never lost.

`SlackOutbox.store` renders each Send (Block Kit and fallback text, as the person will see it) and adds it to the
outbox in the unit of work that made the change it reports; the deliverer (bot/slack/deliverer.py) sends it once
the transaction is committed. Only what cannot wait is handed back to be done at once: a form to open as a
modal, since Slack's trigger_id is valid for 3 seconds; and a Home tab to refresh or a canvas to write, which are
made from what is committed (bot/slack/delivery.py `after_commit`).

Each row names its destination, the conversation whose order it must keep: the DM with a person (`dm:T:U`,
whether the bot answers in it or writes to it), a channel or one of its threads (`ch:T:C:thread`), a person's
private answers in a channel (`eph:T:C:U`), a person's App Home (`home:T:U`). A file whose bytes are made on
delivery (a chart, a plan document) is made by the deliverer of the process that promised it, off the request
path; its bytes are then kept in the row, so a retry in any process sends the same file.
"""

import threading
import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from bot.blocks import BlockRenderer
from bot.slack.origin import Origin
from handlers.pseudonyms import is_pseudonym
from handlers.replies import Attachment, Reply, Send, To
from storage import outbox
from storage.clock import utcnow
from storage.commit_hooks import after_commit
from storage.outbox import Claimed, NewFile

RESPONSE_URL_LIFETIME = timedelta(minutes=25)  # Slack's is 30 minutes; after that the reply goes by the Web API
Row = tuple[str, str, dict[str, Any]]  # kind, destination, payload


class SlackOutbox:
    """Writes Sends to the outbox; keeps, per message, the files still to be made; hands them to the deliverer.

    With a deliverer (`hand_over`), a message that is the first pending one of its destination is written
    already leased to this process and handed over in memory once committed, so the deliverer need not read it
    back; any other message waits its turn in the outbox (the deliverer is only woken).
    """

    def __init__(self, renderer: BlockRenderer) -> None:
        self.renderer = renderer
        self.wake: Callable[[], None] = lambda: None
        self.hand_over: Callable[[list[Claimed]], None] | None = None
        self.lease = timedelta(seconds=110)
        self._makers: dict[int, tuple[Attachment, ...]] = {}
        self._lock = threading.Lock()

    def store(self, session: Session, origin: Origin, sends: list[Send], *, response_url: str = "") -> list[Send]:
        """Add every Send that can wait to the outbox; return those it does not keep, for the caller to do once
        the transaction is committed: a form to open now, a Home tab to refresh, a canvas to write."""
        now, immediate, batch = utcnow(), [], Batch(self, session)
        for send in sends:
            if send.to == To.HOME or send.canvas is not None:
                immediate.append(send)  # made from what is committed, once it is (bot/slack/delivery.py)
            elif send.to == To.USER and is_pseudonym(send.user_id):
                continue  # an erased person: nobody to reach
            elif send.form is not None and origin.trigger_id:
                immediate.append(send)
            else:
                team = send.team_id or origin.actor.team_id
                batch.add(send, (team, org_of(origin, team)), *self.row(origin, send, response_url), now)
        after_commit(session, batch.committed)
        return immediate

    def home(self, session: Session, team_id: str, user_id: str, view: dict[str, Any], enterprise_id: str = "") -> None:
        """Publish a person's App Home view through the outbox."""
        payload = {"user": user_id, "view": view}
        outbox.add_message(
            session,
            team_id=team_id,
            enterprise_id=enterprise_id,
            destination=f"home:{team_id}:{user_id}",
            kind="home",
            payload=payload,
            now=utcnow(),
        )
        after_commit(session, self.wake)

    def maker(self, message_id: int) -> tuple[Attachment, ...] | None:
        """The files of a message that are made on delivery, while this process still has them."""
        with self._lock:
            return self._makers.get(message_id)

    def forget(self, message_id: int) -> None:
        """The message is done with (sent or given up): its makers are no longer needed."""
        with self._lock:
            self._makers.pop(message_id, None)

    def committed(self, makers: dict[int, tuple[Attachment, ...]], claimed: list[Claimed], waiting: bool) -> None:
        """A batch is in the outbox: keep its makers, hand over what it leased, wake for the rest."""
        with self._lock:
            self._makers.update(makers)
        if claimed and self.hand_over is not None:
            self.hand_over(claimed)
        if waiting:
            self.wake()

    def files(self, reply: Reply) -> list[NewFile]:
        """A reply's files as the outbox keeps them: titles in the reader's words, bytes when already made."""
        render = self.renderer.catalogue.for_files().render
        return [
            NewFile(f.filename, render(f.title), f.content if isinstance(f.content, bytes) else None)
            for f in reply.files
        ]

    def row(self, origin: Origin, send: Send, response_url: str = "") -> Row:
        """What to call for a Send, where it belongs in order, and everything the call needs."""
        actor, team = origin.actor, send.team_id or origin.actor.team_id
        message = {"text": self.renderer.fallback(send.reply), "blocks": self.renderer.blocks(send.reply)}
        if send.to == To.CHANNEL and send.update_ts:
            channel = send.channel_id or actor.channel_id
            return "update", f"ch:{team}:{channel}:", {**message, "channel": channel, "ts": send.update_ts}
        if send.to == To.USER:
            return "post", f"dm:{team}:{send.user_id}", {**message, "user": send.user_id, **_hook(origin, send)}
        if send.to == To.CHANNEL:
            channel = send.channel_id or actor.channel_id or origin.dm_channel
            where = f"dm:{team}:{actor.user_id}" if channel == origin.dm_channel else f"ch:{team}:{channel}:"
            payload = {**message, "channel": channel, "thread_ts": send.thread_ts, **_hook(origin, send)}
            return "post", where + (send.thread_ts if where.startswith("ch:") else ""), payload
        return self._to_requester(origin, team, message, response_url)

    def _to_requester(self, origin: Origin, team: str, message: dict[str, Any], response_url: str) -> Row:
        """Privately to whoever asked: in their DM, in the thread they wrote in, or only for them in a channel."""
        actor = origin.actor
        if origin.dm_channel or not actor.channel_id:  # a DM, or a submitted modal (from no channel): the DM
            where = {"channel": origin.dm_channel} if origin.dm_channel else {"user": actor.user_id}
            return "post", f"dm:{team}:{actor.user_id}", {**message, **where}
        if not origin.ephemeral:
            payload = {**message, "channel": actor.channel_id, "thread_ts": actor.thread_ts}
            return "post", f"ch:{team}:{actor.channel_id}:{actor.thread_ts}", payload
        expires = (utcnow() + RESPONSE_URL_LIFETIME).isoformat() if response_url else ""
        payload = {**message, "channel": actor.channel_id, "user": actor.user_id}
        payload.update(response_url=response_url, response_url_expires=expires)
        return "ephemeral", f"eph:{team}:{actor.channel_id}:{actor.user_id}", payload


class Batch:
    """The messages one unit of work adds: which it may lease at once, and what to do after the commit."""

    def __init__(self, outbox_: SlackOutbox, session: Session) -> None:
        self.outbox, self.session = outbox_, session
        self.makers: dict[int, tuple[Attachment, ...]] = {}
        self.claimed: list[Claimed] = []
        self.waiting = False
        self._free: dict[str, bool] = {}

    def add(
        self, send: Send, where: tuple[str, str], kind: str, destination: str, payload: dict[str, Any], now: datetime
    ) -> None:
        """Add one message for a workspace (and its org), leased to this process when it is the next of its
        destination."""
        team, org = where
        files = self.outbox.files(send.reply)
        free = self._free.get(destination)
        if free is None:
            free = self.outbox.hand_over is not None and not outbox.has_pending(self.session, destination=destination)
            self._free[destination] = free
        token = uuid.uuid4().hex if free else ""
        message_id = outbox.add_message(
            self.session,
            team_id=team,
            enterprise_id=org,
            destination=destination,
            kind=kind,
            payload=payload,
            now=now,
            files=files,
            lease=(token, now + self.outbox.lease) if free else None,
        )
        if free:
            self.claimed.append(
                Claimed(message_id, token, team, org, destination, kind, payload, now, files=len(files))
            )
        else:
            self.waiting = True
        if any(not isinstance(f.content, bytes) for f in send.reply.files):
            self.makers[message_id] = send.reply.files

    def committed(self) -> None:
        """After the commit: the deliverer takes over."""
        self.outbox.committed(self.makers, self.claimed, self.waiting)


def org_of(origin: Origin, team: str) -> str:
    """The Enterprise Grid org whose installation may answer for `team`: the request's, for the request's own
    workspace (an org-wide install), else none known."""
    return origin.enterprise_id if team == origin.actor.team_id else ""


def _hook(origin: Origin, send: Send) -> dict[str, Any]:
    """Who is told where the message landed (a PostedHook), and as whom it runs."""
    if send.posted is None:
        return {}
    actor = origin.actor
    return {
        "hook": {"name": send.posted.name, "value": send.posted.value},
        "actor": [actor.team_id, actor.user_id, actor.channel_id, actor.thread_ts],
    }
