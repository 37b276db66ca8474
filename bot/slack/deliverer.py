"""The deliverer: sends the outbox after each commit, in order per destination, once, and retries what failed.

Threads of this process (up to `workers`) send what a commit handed over (messages leased to this process in
the same transaction, bot/slack/outbox.py), and claim the rest one at a time – the oldest pending message of a
destination that nobody holds (storage/outbox.py). They are woken by each commit, and by the scheduler's minute
(a sweep: messages of a process that died, retries that fell due); with nothing pending they stop after `idle`
seconds.

A failure that Slack's answer calls passing (429, 5xx, a timeout, a lost connection) lets go of the message and
tries it again after a backoff, never sooner than Slack's Retry-After, until `give_up_after` has passed since it
was promised; anything else is given up at once. Both are logged with the message's id and Slack's error code,
never its text. A message's PostedHook (the bot remembers where an announcement landed) runs in the same
transaction that records the message as posted.
"""

import logging
import random
import threading
import time
import uuid
from collections import deque
from datetime import timedelta

from bot.blocks import BlockRenderer
from bot.services import Services
from bot.slack.outbox import SlackOutbox
from bot.slack.retries import read_failure
from bot.slack.sending import SlackSender
from bot.slack.uploads import Upload
from handlers.context import Actor, Ctx
from handlers.replies import Note, PostedHook, reply
from handlers.text import Listing, Plain, t
from storage import events, outbox
from storage.clock import utcnow
from storage.outbox import Claimed

log = logging.getLogger("lokusbot.outbox")
MAX_BACKOFF = 300.0  # seconds
POLL = (0.5, 5.0)  # how long a deliverer sleeps, at least and at most, while messages wait for a retry
KEEP_SENT = timedelta(days=7)  # sent and given-up messages are kept this long (their ids, not their text)
KEEP_EVENTS = timedelta(days=1)  # handled event and trigger ids: Slack retries within minutes
PRUNE_EVERY = 3600.0  # seconds


class Deliverer:
    """Delivers the outbox from threads of this process."""

    def __init__(
        self,
        services: Services,
        sender: SlackSender,
        writer: SlackOutbox,
        renderer: BlockRenderer,
        *,
        timeout: float = 10.0,
        workers: int = 4,
        idle: float = 30.0,
        give_up_after: timedelta = timedelta(hours=24),
    ) -> None:
        self.services, self.sender, self.writer, self.renderer = services, sender, writer, renderer
        self.workers, self.idle, self.give_up_after = workers, idle, give_up_after
        self.lease = timedelta(seconds=8 * timeout + 30)  # a step's calls with their retries fit well within
        self._cond = threading.Condition()
        self._queue: deque[list[Claimed]] = deque()
        self._look = True  # the outbox may hold something this process was not handed
        self._threads: list[threading.Thread] = []
        self._unmarked: list[tuple[int, str]] = []  # sent, but the database was away when it was to be told
        self._waiting = 0
        self._stopped = False
        self._stopping = threading.Event()
        self._pruned = float("-inf")
        writer.wake, writer.hand_over, writer.lease = self.wake, self.hand_over, self.lease

    def hand_over(self, claimed: list[Claimed]) -> None:
        """Messages a commit has just leased to this process: send them, in their order."""
        with self._cond:
            self._queue.append(claimed)
            self._nudge()

    def wake(self) -> None:
        """The outbox may hold something due: have a thread look."""
        with self._cond:
            self._look = True
            self._nudge()

    def sweep(self) -> None:
        """The scheduler's minute: look for what is due (a retry, a dead process's messages); now and then,
        forget messages sent more than KEEP_SENT ago and event ids handled more than KEEP_EVENTS ago."""
        self.wake()
        if time.monotonic() - self._pruned < PRUNE_EVERY:
            return
        self._pruned = time.monotonic()
        with self.services.db.unit_of_work() as session:
            sent = outbox.forget_sent_before(session, cutoff=utcnow() - KEEP_SENT)
            handled = events.forget_events_before(session, cutoff=utcnow() - KEEP_EVENTS)
        log.info("pruned %d delivered message(s) and %d handled event id(s)", sent, handled)

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the threads after the message each is sending."""
        self._stopping.set()
        with self._cond:
            self._stopped = True
            self._cond.notify_all()
            threads = list(self._threads)
        for thread in threads:
            thread.join(timeout)

    def deliver_due(self, limit: int = 1000) -> int:
        """Deliver in this thread what is due now (a sweep); returns how many messages were handled."""
        handled = 0
        while handled < limit and self._claim_and_deliver():
            handled += 1
        return handled

    def _nudge(self) -> None:
        """Wake one waiting thread, or start one while fewer than `workers` run (the lock is held)."""
        if self._stopped:
            return
        if self._waiting:
            self._cond.notify()
            return
        self._threads = [thread for thread in self._threads if thread.is_alive()]
        if len(self._threads) < self.workers:
            thread = threading.Thread(target=self._loop, name="lokusbot-outbox", daemon=True)
            self._threads.append(thread)
            thread.start()

    def _loop(self) -> None:
        last_work = time.monotonic()
        while not self._stopped:
            batch, look = self._next_task()
            try:
                self._mark_unmarked(batch)
                if batch:
                    self._deliver_batch(batch)
                elif look and self._claim_and_deliver():
                    self.wake()  # there may be more
                else:
                    wait = self._wait() if look else None
                    if not self._rest(wait, last_work):
                        return
                    continue
                last_work = time.monotonic()
            except Exception:  # the database is away, say: the next round tries again; the log has it
                log.exception("the outbox could not be read")
                self._stopping.wait(POLL[1])  # not sooner, whatever is queued: it waits for the database too
                self.wake()

    def _next_task(self) -> tuple[list[Claimed] | None, bool]:
        with self._cond:
            if self._queue:
                return self._queue.popleft(), False
            look, self._look = self._look, False
            return None, look

    def _rest(self, wait: float | None, last_work: float) -> bool:
        """Sleep until woken or `wait` passes (a retry falls due); False when the thread should end (long idle).

        A thread resting for a retry keeps that duty however it wakes: woken for a hand-over, it still has the
        outbox looked at again afterwards, so no retry is left pending with nobody to look for it."""
        with self._cond:
            if self._stopped:
                return False
            if not (self._queue or self._look):
                if wait is None and time.monotonic() - last_work > self.idle:
                    self._threads = [thread for thread in self._threads if thread is not threading.current_thread()]
                    return False  # nothing pending: the next commit or the scheduler's sweep starts a thread again
                self._waiting += 1
                self._cond.wait(wait if wait is not None else self.idle)
                self._waiting -= 1
            if wait is not None:
                self._look = True  # the retry it waited for: due now, or still to be waited for by whoever looks
            return not self._stopped

    def _wait(self) -> float | None:
        """Seconds until the next pending message is due (bounded by POLL), None when nothing is pending."""
        with self.services.db.unit_of_work() as session:
            due = outbox.next_due(session)
        if due is None:
            return None
        return min(max((due - utcnow()).total_seconds(), POLL[0]), POLL[1])

    def _claim_and_deliver(self) -> bool:
        """Claim one message and deliver it; False when none could be claimed."""
        token, now = uuid.uuid4().hex, utcnow()
        with self.services.db.unit_of_work() as session:
            rows = outbox.claim_heads(session, now=now, lease_until=now + self.lease, token=token, limit=1)
        for row in rows:
            self._deliver(row)
        return bool(rows)

    def _deliver_batch(self, batch: list[Claimed]) -> None:
        """Handed-over messages in order; after a failure the rest of that destination waits its turn. A message
        whose lease may run out before its turn (slow ones before it) has it renewed first; one whose lease is
        no longer ours is left to whoever holds it now, so it is never sent twice. When the database goes away
        midway, what was not sent yet is kept in memory, in order, for when it answers again."""
        stuck: set[str] = set()
        rest = deque(batch)
        try:
            while rest:
                row = rest[0]
                if row.destination in stuck:
                    with self.services.db.unit_of_work() as session:
                        outbox.release(session, message_id=row.id, token=row.token)
                elif not self._still_ours(row):
                    log.warning(
                        "outbox message %d: its lease ran out before its turn; another deliverer has it", row.id
                    )
                elif not self._deliver(row):
                    stuck.add(row.destination)
                rest.popleft()
        except Exception:
            if rest and any(message_id == rest[0].id for message_id, _ in self._unmarked):
                rest.popleft()  # sent: only telling the database so is left (_mark_unmarked)
            self._requeue(list(rest))
            raise
        if stuck:
            self.wake()

    def _requeue(self, batch: list[Claimed]) -> None:
        """Put handed-over messages back at the head of the queue (the database was away), in their order."""
        if batch:
            with self._cond:
                self._queue.appendleft(batch)

    def _mark_unmarked(self, batch: list[Claimed] | None) -> None:
        """Tell the database of messages sent while it was away, before anything else is sent: until then they
        hold up their destination. A batch taken meanwhile goes back to the queue if the database is still away."""
        with self._cond:
            unmarked, self._unmarked = self._unmarked, []
        try:
            while unmarked:
                message_id, token = unmarked[0]
                with self.services.db.unit_of_work() as session:
                    outbox.mark_sent(session, message_id=message_id, token=token, now=utcnow())
                unmarked.pop(0)
                self.writer.forget(message_id)
        except Exception:
            with self._cond:
                self._unmarked[:0] = unmarked
            self._requeue(batch or [])
            raise

    def _still_ours(self, row: Claimed) -> bool:
        """Whether the lease a commit took for the row (from its creation) holds long enough to send it."""
        if utcnow() - row.created_at < self.lease / 2:
            return True
        with self.services.db.unit_of_work() as session:
            return outbox.renew(session, message_id=row.id, token=row.token, lease_until=utcnow() + self.lease)

    def _deliver(self, row: Claimed) -> bool:
        try:
            files = self._files(row)
            needs_mark = bool(files) or "hook" in row.payload
            self.sender.send(row, files, lambda channel, ts: self._posted(row, channel, ts, needs_mark))
        except Exception as error:  # read_failure sorts it: retried later or given up, logged either way
            self._failed(row, error)
            return False
        try:
            with self.services.db.unit_of_work() as session:
                outbox.mark_sent(session, message_id=row.id, token=row.token, now=utcnow())
        except Exception:  # sent all the same: said to the database once it answers, never sent again
            with self._cond:
                self._unmarked.append((row.id, row.token))
            raise
        self.writer.forget(row.id)
        return True

    def _posted(self, row: Claimed, channel: str, ts: str, needed: bool) -> None:
        """The message is there: note it (a retry then sends only its files) and run its PostedHook."""
        if not needed:
            return
        hook = row.payload.get("hook")
        if hook is not None:
            actor, posted = Actor(*row.payload["actor"]), PostedHook(hook["name"], hook["value"])
            try:
                self.services.handle(actor, lambda ctx: self._mark_and_tell(ctx, row, posted, channel, ts))
                return
            except Exception:  # the hook's change is lost, the message is not: it is marked posted below
                log.exception("outbox message %d: its hook %s failed", row.id, hook["name"])
        with self.services.db.unit_of_work() as session:
            outbox.mark_posted(session, message_id=row.id, token=row.token, ts=ts)
        row.posted_ts = ts

    def _mark_and_tell(self, ctx: Ctx, row: Claimed, hook: PostedHook, channel: str, ts: str) -> None:
        outbox.mark_posted(ctx.session, message_id=row.id, token=row.token, ts=ts)
        self.services.router.message_posted(ctx, hook, channel, ts)
        row.posted_ts = ts

    def _files(self, row: Claimed) -> list[Upload]:
        """The row's files with their bytes: kept ones, or made now (and kept) by the process that promised them."""
        if not row.files:
            return []
        with self.services.db.unit_of_work() as session:
            stored = [(f.id, f.filename, f.title, f.content) for f in outbox.files_of(session, message_id=row.id)]
        files, lost = [], []
        makers = self.writer.maker(row.id) if any(content is None for *_, content in stored) else None
        render = self.renderer.catalogue.for_files().render
        for position, (file_id, filename, title, content) in enumerate(stored):
            if content is None and makers is not None:
                content = makers[position].data(render)
                with self.services.db.unit_of_work() as session:
                    outbox.store_content(session, file_id=file_id, content=content)
            if content is None:
                lost.append(filename)
            else:
                files.append(Upload(filename, title, content))
        if lost and row.posted_ts is None:
            log.error("outbox message %d: %d file(s) could not be made (their process stopped)", row.id, len(lost))
            names = Listing(tuple(Plain(name) for name in lost))
            note = reply(Note(t("outbox.file_lost", files=names, count=len(lost))))
            row.payload = {**row.payload, "blocks": [*row.payload["blocks"], *self.renderer.blocks(note)]}
        return files

    def _failed(self, row: Claimed, error: Exception) -> None:
        failure = read_failure(error)
        with self.services.db.unit_of_work() as session:
            if not failure.transient or utcnow() - row.created_at > self.give_up_after:
                outbox.give_up(session, message_id=row.id, token=row.token, error=failure.code)
                log.error(
                    "outbox message %d (%s) given up after %d attempt(s): %s",
                    row.id,
                    row.kind,
                    row.attempts,
                    failure.code,
                )
                self.writer.forget(row.id)
                return
            delay = max(failure.wait, min(2.0 ** max(row.attempts - 1, 0), MAX_BACKOFF)) * (1 + random.random() / 4)
            due = utcnow() + timedelta(seconds=delay)
            outbox.retry_later(session, message_id=row.id, token=row.token, due_at=due, error=failure.code)
        log.warning("outbox message %d (%s): %s; trying again in %.1f s", row.id, row.kind, failure.code, delay)
        self.wake()  # a thread must be there when it falls due
