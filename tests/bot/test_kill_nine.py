"""Killed with `kill -9` twenty times in the middle of conversations, the bot loses no answer it acknowledged
(issue 12 item 4's acceptance test).

A real `lokusbot serve` (gunicorn, two workers) runs against the fake Slack; four people register case after case
in their DMs while the whole process group is killed with SIGKILL and started again, twenty times. Slack's side is
played as Slack plays it: an event that got no 200 is sent again, the same event id, until it is acknowledged.
A person answers each question once it has arrived, and ignores a question they have already answered (a reply
posted just before a kill may be posted again after it). An acknowledged answer that was lost would leave its
person waiting for a next question that never comes; a case is checked field by field at the end. A reply
Slack took just before a kill, before it was marked sent, is posted again after the lease: counted, not hidden.
"""

import http.client
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from handlers.cases.questions import CASE_QUESTIONS
from storage import groups as repo
from storage.case_models import Case
from storage.db import Database
from tests.bot.conftest import SIGNING_SECRET
from tests.bot.test_e2e_platform import blocks_text
from tests.bot.test_serve import free_port
from tests.support.fake_slack import Call, FakeSlack
from tests.support.signing import SlackClientSim
from tests.support.slack_chat import question_key

KILLS = 20
PEOPLE = {  # each person's own words where the case keeps free text, so a word in the wrong field shows
    "UKILL00": ("Väntade länge på beslut", "Första mötet gick bra"),
    "UKILL01": ("Fick fel blankett", "Väntar på svar från AF"),
    "UKILL02": ("Ingen återkoppling alls", "Behöver tolk nästa gång"),
    "UKILL03": ("Tappade bort ansökan", "Ny handläggare sedan mars"),
}
HEBY = "CHEBY"
ANSWERS = {"raised_on": "ok", "party": "AF", "unit": "AME", "gender": "kvinna", "age_band": "25–29"}
ANSWERS |= {"target_groups": "nyanlända", "failures": "väntetider", "referred_tr": "nej"}
WAIT = 120.0  # a reply leased to a killed process waits out its lease (8 × SLACK_TIMEOUT + 30 s) first


@dataclass
class Tally:
    """What happened, for the assertions and the figures."""

    acked: int = 0
    unanswered: int = 0  # deliveries that got no 200 (the server was down or died): sent again, as Slack does
    duplicates: int = 0  # replies posted a second time: Slack took them just before a kill, before they were marked
    kills: int = 0
    cases: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, name: str, count: int = 1) -> None:
        with self.lock:
            setattr(self, name, getattr(self, name) + count)


class Served:
    """`lokusbot serve` in a process group of its own, on one port, started and killed at will."""

    def __init__(self, env: dict[str, str], port: int, cwd: Path) -> None:
        self.env, self.port, self.cwd = env, port, cwd
        self.url = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen[bytes] | None = None
        self.log = (cwd / "serve.log").open("ab")

    def start(self) -> None:
        command = [sys.executable, "-m", "bot.cli", "serve", "--host", "127.0.0.1", "--port", str(self.port)]
        self.process = subprocess.Popen(
            [*command, "--workers", "2"],
            env=self.env,
            cwd=self.cwd,
            stdout=self.log,
            stderr=self.log,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "lokusbot serve exited; see serve.log"
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("lokusbot serve did not come up")

    def kill(self) -> None:
        """SIGKILL to the master and every worker at once: nothing gets to finish or clean up."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()


@pytest.fixture
def served(database_url: str, database: Database, fake_slack: FakeSlack, tmp_path: Path) -> Iterator[Served]:
    if database_url.startswith("sqlite"):  # the kills are the production set-up's: PostgreSQL, two workers
        pytest.skip("kill -9 is tried on PostgreSQL, as a förbund runs it (2.5 minutes of CI each database)")
    """The server, its group Heby linked and the four people members of it."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env.update(
        SLACK_BOT_TOKEN=fake_slack.bot_token,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=fake_slack.url,
        SLACK_TIMEOUT="1",
        DATABASE_URL=database_url,
    )
    server = Served(env, free_port(), tmp_path)
    server.start()
    try:
        sim = SlackClientSim(server.url, SIGNING_SECRET, fake_slack=fake_slack)
        assert sim.slash_command("UKILL00", HEBY, "koppla Heby").status == 200
        with database.unit_of_work() as session:
            group = repo.find_group_by_channel(session, team_id="T0LOKUS", channel_id=HEBY)
            assert group is not None
            for user in PEOPLE:
                repo.upsert_member(session, group=group, user_id=user, party="af", roles=["ledamot"])
        yield server
    finally:
        server.stop()


def send_until_acked(sim: SlackClientSim, user: str, text: str, tally: Tally) -> None:
    """Send what the person typed as Slack does: the same event again (a retry) until it is answered 200."""
    event, event_id = sim.message_event(user, f"D{user}", text, "im"), sim.new_event_id()
    for attempt in range(400):
        try:
            if sim.send_event(event, event_id, attempt or None).status == 200:
                tally.add("acked")
                return
        except (OSError, http.client.HTTPException):
            pass
        tally.add("unanswered")
        time.sleep(0.25)
    raise AssertionError(f"{user}: {text!r} was never acknowledged")


def next_question(fake: FakeSlack, user: str, seen: int, last: str, tally: Tally) -> tuple[Call | None, int]:
    """The next question (or summary, or confirmation) in the DM after the first `seen` posts; the message the
    person has just acted on (`last`, its text), posted again, is passed over as a person would."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        posts = [c for c in fake.delivered("chat.postMessage") if c.args.get("channel") == f"D{user}"]
        for index in range(seen, len(posts)):
            text = blocks_text(posts[index])
            if text == last:
                tally.add("duplicates")
                seen = index + 1
            elif question_key(posts[index]) or "stämmer det" in text or "registrerat" in text:
                return posts[index], index + 1
        time.sleep(0.05)
    return None, seen


def register(sim: SlackClientSim, fake: FakeSlack, user: str, seen: tuple[int, str], tally: Tally) -> tuple[int, str]:
    """One case, start to end; returns how many posts the person has seen, and the text of the last one."""
    failure_text, note = PEOPLE[user]
    answers = {**ANSWERS, "failure_text": failure_text, "note": note}
    assert {q.key for q in CASE_QUESTIONS} <= set(answers) | {"group"}  # every question has its answer
    text, (count, last) = "nytt ärende", seen
    for _ in range(30):
        send_until_acked(sim, user, text, tally)
        post, count = next_question(fake, user, count, last, tally)
        if post is None:
            raise AssertionError(f"{user}: nothing came after the acknowledged {text!r}")
        last = blocks_text(post)
        if "registrerat" in last:
            return count, last
        key = question_key(post)
        text = answers[key] if key else "ja"
    raise AssertionError(f"{user}: the conversation never ended")


def person(server: Served, fake: FakeSlack, user: str, done: threading.Event, tally: Tally) -> None:
    """Case after case until the killing is over."""
    sim, seen = SlackClientSim(server.url, SIGNING_SECRET, fake_slack=fake, timeout=30), (0, "")
    try:
        while not done.is_set():
            seen = register(sim, fake, user, seen, tally)
            with tally.lock:
                tally.cases[user] = tally.cases.get(user, 0) + 1
    except AssertionError as failure:
        tally.failures.append(str(failure))


def killer(server: Served, done: threading.Event, tally: Tally) -> None:
    """Twenty times: a moment of conversation, then kill -9, then start again."""
    chance = random.Random(12)
    for _ in range(KILLS):
        time.sleep(chance.uniform(0.3, 2.0))
        server.kill()
        tally.add("kills")
        time.sleep(chance.uniform(0.0, 0.5))
        server.start()
    done.set()


def test_twenty_kills_mid_conversation_lose_no_acknowledged_answer(
    served: Served, fake_slack: FakeSlack, database: Database
) -> None:
    tally, done, started = Tally(), threading.Event(), time.monotonic()
    threads = [threading.Thread(target=person, args=(served, fake_slack, u, done, tally)) for u in PEOPLE]
    for thread in threads:
        thread.start()
    killer(served, done, tally)
    for thread in threads:
        thread.join()
    print(
        f"\nkill -9: {tally.kills} kills in {time.monotonic() - started:.0f} s; {tally.acked} answers acknowledged, "
        f"{tally.unanswered} deliveries unanswered and sent again, {tally.duplicates} replies posted twice; "
        f"cases: {tally.cases}"
    )
    assert not tally.failures, tally.failures
    assert tally.kills == KILLS and all(tally.cases.get(user, 0) >= 1 for user in PEOPLE)
    assert_cases_whole(database, tally.cases)


def assert_cases_whole(database: Database, completed: dict[str, int]) -> None:
    """Each completed case saved once, each answer in its own field."""
    with database.unit_of_work() as session:
        cases: list[Any] = list(session.scalars(select(Case).order_by(Case.id)))
        for case in cases:
            _ = (case.target_groups, case.failures)
    assert sorted(case.number for case in cases) == list(range(1, len(cases) + 1))
    for user, (failure_text, note) in PEOPLE.items():
        theirs = [case for case in cases if case.created_by == user]
        assert len(theirs) == completed[user], f"{user}: one case per confirmation"
        for case in theirs:
            assert (case.failure_text, case.note, case.referred_tr) == (failure_text, note, False), user
            assert [g.code for g in case.target_groups] and [f.code for f in case.failures], user
