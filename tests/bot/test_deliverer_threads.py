"""The deliverer's threads never forget a retry that is due, whatever wakes them meanwhile.

A fault test caught it under load: a thread waiting for a retry was woken by a commit's hand-over, sent that, and
then rested with nothing to look for; the retry was left pending and the threads ended after their idle time.
Here the same happens on purpose, with a sender that fails once and a real outbox table.
"""

import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from bot.blocks import BlockRenderer
from bot.catalogue import Catalogue
from bot.services import Services
from bot.slack.deliverer import Deliverer
from bot.slack.outbox import SlackOutbox
from bot.slack.retries import SendFailed
from bot.slack.sending import Posted
from bot.slack.uploads import Upload
from storage import outbox
from storage.clock import utcnow
from storage.outbox import Claimed
from storage.outbox_models import SENT, OutboxMessage

FIRST, SECOND = "dm:T0LOKUS:UANNA", "dm:T0LOKUS:UBERTIL"


class FailingOnce:
    """A sender whose first call to a destination fails as a 500 does; it remembers what arrived."""

    def __init__(self, failing: str) -> None:
        self.failing, self.failed, self.sent = failing, threading.Event(), []
        self.lock = threading.Lock()

    def send(self, row: Claimed, files: list[Upload], posted: Posted) -> None:
        with self.lock:
            if row.destination == self.failing and not self.failed.is_set():
                self.failed.set()
                raise SendFailed("http_500", transient=True)
            self.sent.append(row.destination)


@pytest.fixture(params=[1, 2, 4], ids=lambda n: f"{n}-threads")
def deliverer(
    services: Services, request: pytest.FixtureRequest
) -> Iterator[tuple[Deliverer, FailingOnce, SlackOutbox]]:
    renderer = BlockRenderer(Catalogue.for_slack("sv"))
    sender, writer = FailingOnce(FIRST), SlackOutbox(renderer)
    workers = request.param
    deliverer = Deliverer(services, sender, writer, renderer, timeout=1, workers=workers, idle=30)  # type: ignore[arg-type]
    yield deliverer, sender, writer
    deliverer.stop()


def promise(services: Services, destination: str, lease: timedelta | None = None) -> Claimed:
    """A message to a DM, committed; leased to this process (as a commit hands it over) when `lease` is given."""
    payload: dict[str, Any] = {"text": "hej", "blocks": [], "user": destination.rsplit(":", 1)[1]}
    token, now = uuid.uuid4().hex, utcnow()
    with services.db.unit_of_work() as session:
        held = (token, now + lease) if lease else None
        message_id = outbox.add_message(
            session, team_id="T0LOKUS", destination=destination, kind="post", payload=payload, now=now, lease=held
        )
    return Claimed(message_id, token, "T0LOKUS", "", destination, "post", payload, now)


def arrived(sender: FailingOnce, destination: str, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with sender.lock:
            if destination in sender.sent:
                return True
        time.sleep(0.02)
    return False


def test_a_retry_waited_for_is_sent_when_a_hand_over_woke_the_waiting_thread(
    services: Services, deliverer: tuple[Deliverer, FailingOnce, SlackOutbox]
) -> None:
    deliverer_, sender, _ = deliverer
    deliverer_.hand_over([promise(services, FIRST, lease=timedelta(minutes=1))])
    assert sender.failed.wait(5)
    time.sleep(0.2)  # the threads now wait for the retry (due in a second or so)
    others = [f"{SECOND}{n}" for n in range(deliverer_.workers)]
    for other in others:  # each hand-over wakes one waiting thread
        deliverer_.hand_over([promise(services, other, lease=timedelta(minutes=1))])
    assert all(arrived(sender, other, 5) for other in others)
    assert arrived(sender, FIRST, 6), "the retry was forgotten: nothing looked for it again"


def test_a_retry_waited_for_is_sent_when_a_wake_came_in_between(
    services: Services, deliverer: tuple[Deliverer, FailingOnce, SlackOutbox]
) -> None:
    deliverer_, sender, _ = deliverer
    promise(services, FIRST)
    deliverer_.wake()
    assert sender.failed.wait(5)
    time.sleep(0.2)
    promise(services, SECOND)
    deliverer_.wake()
    assert arrived(sender, SECOND, 5) and arrived(sender, FIRST, 6)


def _aged(claimed: Claimed, deliverer_: Deliverer) -> Claimed:
    """The claim as it stands when slow messages before it took most of its lease."""
    return replace(claimed, created_at=claimed.created_at - deliverer_.lease)


def test_a_handed_over_message_whose_lease_another_deliverer_took_is_left_to_it(
    services: Services, deliverer: tuple[Deliverer, FailingOnce, SlackOutbox]
) -> None:
    deliverer_, sender, _ = deliverer
    claimed = promise(services, SECOND, lease=timedelta(minutes=1))
    with services.db.unit_of_work() as session:  # another process claimed it once the lease had run out
        session.execute(update(OutboxMessage).where(OutboxMessage.id == claimed.id).values(lease_token="theirs"))
    kept = promise(services, f"{SECOND}2", lease=timedelta(minutes=1))
    deliverer_.hand_over([_aged(claimed, deliverer_), _aged(kept, deliverer_)])
    assert arrived(sender, f"{SECOND}2", 5), "a lease still ours is renewed and the message sent"
    assert SECOND not in sender.sent, "the other deliverer sends it, once"


def test_a_message_sent_as_the_database_went_away_is_marked_later_and_never_sent_again(
    services: Services, deliverer: tuple[Deliverer, FailingOnce, SlackOutbox], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database-down test caught it: the post arrived, the database died before it was marked sent, and the
    message's lease held up the person's DM (and would have sent it again when it ran out)."""
    deliverer_, sender, _ = deliverer
    monkeypatch.setattr("bot.slack.deliverer.POLL", (0.1, 0.3))
    marked = outbox.mark_sent
    failures = [OperationalError("UPDATE outbox", {}, Exception("server closed the connection unexpectedly"))]

    def mark_sent_once_away(session: Session, **kwargs: Any) -> bool:
        if failures:
            raise failures.pop()
        return marked(session, **kwargs)

    monkeypatch.setattr("bot.slack.deliverer.outbox.mark_sent", mark_sent_once_away)
    first, then = (promise(services, f"{SECOND}{n}", lease=timedelta(minutes=1)) for n in "ab")
    both = [replace(first, destination=SECOND), replace(then, destination=SECOND)]
    with services.db.unit_of_work() as session:  # one DM: the second waits for the first
        session.execute(update(OutboxMessage).values(destination=SECOND))
    deliverer_.hand_over(both)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and states(services) != [SENT, SENT]:
        time.sleep(0.05)
    assert states(services) == [SENT, SENT]
    assert sender.sent == [SECOND, SECOND], "each sent once, in order"


def states(services: Services) -> list[str]:
    with services.db.unit_of_work() as session:
        return list(session.scalars(select(OutboxMessage.state).order_by(OutboxMessage.id)))
