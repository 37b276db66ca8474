"""The outbox's rows: claimed in order per destination, by one deliverer at a time, on both databases."""

import threading
from datetime import UTC, datetime, timedelta

from storage import outbox
from storage.db import Database
from storage.outbox import NewFile
from storage.outbox_models import FAILED, PENDING, SENT, OutboxMessage

NOW = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
LEASE = NOW + timedelta(seconds=60)


def _add(database: Database, destination: str, text: str, files: tuple[NewFile, ...] = ()) -> int:
    with database.unit_of_work() as session:
        return outbox.add_message(
            session,
            team_id="T0",
            destination=destination,
            kind="post",
            payload={"text": text},
            now=NOW,
            files=files,
        )


def _claim(database: Database, token: str = "a", now: datetime = NOW, limit: int = 10) -> list[int]:
    with database.unit_of_work() as session:
        return [m.id for m in outbox.claim_heads(session, now=now, lease_until=LEASE, token=token, limit=limit)]


def _sent(database: Database, message_id: int, token: str = "a") -> bool:
    with database.unit_of_work() as session:
        return outbox.mark_sent(session, message_id=message_id, token=token, now=NOW)


def test_only_the_oldest_pending_message_of_each_destination_is_claimed(database: Database) -> None:
    first, second = _add(database, "dm:T0:U1", "1"), _add(database, "dm:T0:U1", "2")
    other = _add(database, "dm:T0:U2", "x")
    assert _claim(database) == [first, other]
    assert _claim(database, "b") == []  # leased: nobody else takes them, and the second waits for the first
    assert _sent(database, first)
    assert _claim(database, "b") == [second]


def test_a_message_waiting_to_be_retried_holds_up_its_destination(database: Database) -> None:
    first, second = _add(database, "ch:T0:C1:", "1"), _add(database, "ch:T0:C1:", "2")
    assert _claim(database) == [first]
    with database.unit_of_work() as session:
        assert outbox.retry_later(session, message_id=first, token="a", due_at=NOW + timedelta(seconds=30), error="x")
    assert _claim(database, "b") == []  # not due yet, and the second may not overtake it
    assert _claim(database, "b", now=NOW + timedelta(seconds=31)) == [first]
    with database.unit_of_work() as session:
        assert outbox.give_up(session, message_id=first, token="b", error="channel_not_found")
        assert session.get(OutboxMessage, first).state == FAILED  # type: ignore[union-attr]
    assert _claim(database, "c", now=NOW + timedelta(seconds=31)) == [second]


def test_a_lease_that_ran_out_is_taken_over_and_the_old_token_changes_nothing(database: Database) -> None:
    message = _add(database, "dm:T0:U1", "1")
    assert _claim(database, "a") == [message]
    assert _claim(database, "b", now=LEASE + timedelta(seconds=1)) == [message]  # the first deliverer died
    assert not _sent(database, message, token="a")
    assert _sent(database, message, token="b")
    with database.unit_of_work() as session:
        row = session.get(OutboxMessage, message)
        assert row is not None and row.state == SENT and row.attempts == 2


def test_files_keep_their_order_and_content_once_made(database: Database) -> None:
    files = (NewFile("a.png", "Diagram", None), NewFile("b.csv", "Tabell", b"x;y"))
    message = _add(database, "ch:T0:C1:", "1", files)
    with database.unit_of_work() as session:
        made, given = outbox.files_of(session, message_id=message)
        assert (made.filename, made.content, given.content) == ("a.png", None, b"x;y")
        outbox.store_content(session, file_id=made.id, content=b"PNG")
    with database.unit_of_work() as session:
        assert [f.content for f in outbox.files_of(session, message_id=message)] == [b"PNG", b"x;y"]


def test_concurrent_deliverers_never_claim_the_same_message(database: Database) -> None:
    ids = {_add(database, f"dm:T0:U{n % 7}", str(n)) for n in range(60)}
    claimed: dict[str, list[int]] = {}
    barrier = threading.Barrier(4)

    def deliverer(token: str) -> None:
        mine = claimed.setdefault(token, [])
        barrier.wait()
        for _ in range(40):
            for message_id in _claim(database, token, limit=3):
                mine.append(message_id)
                assert _sent(database, message_id, token)

    threads = [threading.Thread(target=deliverer, args=(t,)) for t in "abcd"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    every = [message_id for mine in claimed.values() for message_id in mine]
    assert sorted(every) == sorted(ids)  # each delivered, none twice


def test_sent_messages_are_forgotten_after_a_while_but_pending_ones_never(database: Database) -> None:
    done, waiting = _add(database, "dm:T0:U1", "1"), _add(database, "dm:T0:U2", "2")
    assert _claim(database) == [done, waiting]
    assert _sent(database, done)
    with database.unit_of_work() as session:
        assert outbox.forget_sent_before(session, cutoff=NOW + timedelta(days=8)) == 1
        assert outbox.next_due(session) == NOW
        assert session.get(OutboxMessage, waiting).state == PENDING  # type: ignore[union-attr]


def test_what_a_sent_message_said_is_not_kept(database: Database) -> None:
    message = _add(database, "dm:T0:U1", "Ärende #3 registrerat", (NewFile("ärenden.csv", "Ärenden", b"1;2"),))
    assert _claim(database) == [message]
    assert _sent(database, message)
    with database.unit_of_work() as session:
        row = session.get(OutboxMessage, message)
        assert row is not None and row.payload == {} and row.destination == "dm:T0:U1"
        assert outbox.files_of(session, message_id=message) == []
