"""Concurrent case registrations on several `lokusbot serve` replicas sharing one database (bench/scale.py).

Each simulated coordinator (a member of one förbund group) registers a lots-ärende in the DM over signed
requests: "nytt lots-ärende", every question answered by its key, "ja". Per chat turn two times are taken: the
HTTP ack (the request sent until Slack's answer came back: what Slack's 3-second limit is about, and what stays
comparable whatever happens after the ack, e.g. a transactional outbox delivering the reply), and the reply
(until the bot's next post for that person reaches the fake Slack). An error is a non-200 ack, a reply that
does not come within 10 s, an "Oj" message, or a case not saved.
"""

import queue
import random
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from sqlalchemy import text

from bench.apps import environment
from bench.scale_data import NOW, TEAM, conversation_users, member_id
from bench.scale_db import copy_of
from bench.scale_server import CACHE
from bot.services import build_services
from bot.settings import Settings
from handlers.context import Actor
from tests.support.fake_slack import Call, FakeSlack
from tests.support.signing import SlackClientSim
from tests.support.slack_chat import offers, question_key

SECRET = "scale-bench-signing-secret"
ROOT = Path(__file__).resolve().parents[1]
ANSWERS = {
    "group": "1",
    "party": "AF",
    "unit": "AME",
    "gender": "kvinna",
    "age_band": "25-29",
    "target_groups": "psykisk ohälsa",
    "failures": "väntetider",
    "failure_text": "Har väntat länge på besked",
    "referred_tr": "nej",
}
SAVED = "registrerat"
WAIT = 10.0


def seed_conversations(url: str) -> None:
    """Case conversations left open: five idle for two days (paused by the tick at NOW), forty recent."""
    people = [(member_id(g, 7), True) for g in range(5)]
    people += [(member_id(n % 20, 8 + n // 20), False) for n in range(40)]
    for index, (user, idle) in enumerate(people):
        at = NOW - (timedelta(days=2) if idle else timedelta(minutes=10 + index))
        services = build_services(Settings(_env_file=None, database_url=url), lambda at=at: at, migrate_schema=False)
        router = services.router
        services.handle(Actor(TEAM, user), lambda ctx, router=router: router.command(ctx, "ärende"))
        services.db.dispose()


@dataclass
class ChatFigures:
    """Every chat turn's ack and reply time (seconds), and what went wrong."""

    acks: list[float] = field(default_factory=list)
    replies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    conversations: int = 0
    replicas: int = 0
    saved: int = 0
    target: float = 0.050

    def _p(self, values: list[float], p: int) -> float:
        return statistics.quantiles(values, n=100, method="inclusive")[p - 1] if len(values) > 1 else values[0]

    @property
    def met(self) -> bool:
        """p99 of the acks within the target, and nothing went wrong."""
        return bool(self.acks) and self._p(self.acks, 99) <= self.target and not self.errors

    def summary(self) -> str:
        """The lines bench/scale.py prints."""
        head = f"{self.conversations} concurrent conversations on {self.replicas} replicas, {len(self.acks)} turns"
        lines = [head]
        for name, values in (("chat turn, HTTP ack", self.acks), ("chat turn, reply at Slack", self.replies)):
            if values:
                p50, p90, p99 = (self._p(values, p) * 1000 for p in (50, 90, 99))
                lines.append(f"  {name:28} p50 {p50:6.1f} ms  p90 {p90:6.1f} ms  p99 {p99:6.1f} ms  (target p99 ≤ 50)")
        lines.append(f"  cases saved {self.saved} of {self.conversations}; errors {len(self.errors)}")
        lines += [f"    {error}" for error in self.errors[:10]]
        lines.append("  " + ("ok" if self.met else "MISSED"))
        return "\n".join(lines)


class Posts:
    """The fake Slack's chat.postMessage calls, one queue per DM channel."""

    def __init__(self) -> None:
        self.by_channel: dict[str, queue.Queue[Call]] = defaultdict(queue.Queue)
        self.lock = threading.Lock()

    def __call__(self, call: Call) -> None:
        if call.method == "chat.postMessage":
            with self.lock:
                channel = self.by_channel[str(call.args.get("channel", ""))]
            channel.put(call)

    def of(self, channel: str) -> "queue.Queue[Call]":
        """The queue of a channel."""
        with self.lock:
            return self.by_channel[channel]


@contextmanager
def replica(env: dict[str, str], log: Path) -> Iterator[str]:
    """One `lokusbot serve` process (two workers) on a free port, its output in `log`; yields its URL; stopped
    afterwards."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [shutil.which("lokusbot", path=str(Path(sys.executable).parent)) or "lokusbot", "serve"]
    output = log.open("wb")
    arguments = [*command, "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(arguments, env=env, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        output.close()


def _wait_until_up(url: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and process.poll() is None:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"lokusbot serve at {url} did not come up (its output is in {CACHE})")


class Coordinator(threading.Thread):
    """One person registering one case, a turn at a time, with a pause between turns as a person takes."""

    def __init__(self, user: str, sim: SlackClientSim, posts: Posts, think: float, figures: ChatFigures) -> None:
        super().__init__(name=f"coordinator-{user}", daemon=True)
        self.user, self.sim, self.think, self.figures = user, sim, think, figures
        self.inbox = posts.of(f"D{user}")
        self.random = random.Random(user)

    def run(self) -> None:
        try:
            self.converse()
        except Exception as error:  # reported as an error of the run, with the person and what went wrong
            self.figures.errors.append(f"{self.user}: {type(error).__name__}: {error}")

    def converse(self) -> None:
        """ "nytt lots-ärende", then each question by its key until the summary, then "ja"."""
        post = self.turn("nytt lots-ärende", lambda call: question_key(call) is not None)
        for _ in range(40):
            key = question_key(post)
            if key is None:
                break
            typed = ANSWERS.get(key) or ("ok" if offers(post, "conv.default") else "hoppa över")
            post = self.turn(typed, lambda call: question_key(call) is not None or offers(call, "conv.save"))
        if not offers(post, "conv.save"):
            raise RuntimeError("the conversation did not reach its summary")
        self.turn("ja", lambda call: SAVED in str(call.args.get("blocks", "")))

    def turn(self, typed: str, expected: object) -> Call:
        """Send one message; note its ack and reply times; the first post that is what the turn leads to."""
        time.sleep(self.random.uniform(0.5, 1.5) * self.think)
        started = time.perf_counter()
        response = self.sim.dm_message(self.user, typed)
        acked = time.perf_counter()
        if response.status != 200:
            raise RuntimeError(f"HTTP {response.status} for {typed!r}")
        self.figures.acks.append(acked - started)
        first = True
        while True:
            call = self.inbox.get(timeout=WAIT)
            if first:
                self.figures.replies.append(call.received - started)
                first = False
            if "Oj" in str(call.args.get("blocks", "")) + str(call.args.get("text", "")):
                raise RuntimeError(f"the bot said something went wrong after {typed!r}")
            if expected(call):  # type: ignore[operator]
                return call


def run_conversations(url: str, count: int, replicas: int, think: float) -> ChatFigures:
    """`count` coordinators at once on `replicas` servers, on a copy of the database (the servers' schedulers
    commit); the figures, and the saved cases counted."""
    users = conversation_users(count)
    with copy_of(url) as copy:
        return _converse(copy, users, replicas, think)


def _converse(url: str, users: list[str], replicas: int, think: float) -> ChatFigures:
    figures = ChatFigures(conversations=len(users), replicas=replicas)
    posts = Posts()
    with FakeSlack(on_call=posts) as fake, ExitStack() as servers:
        env = environment(url, fake.url, fake.bot_token, SECRET)
        env["LOKUSBOT_LOG_LEVEL"] = env.get("LOKUSBOT_LOG_LEVEL", "WARNING")
        CACHE.mkdir(parents=True, exist_ok=True)
        urls = [servers.enter_context(replica(env, CACHE / f"replica-{n}.log")) for n in range(replicas)]
        _warm(urls)
        people = [
            Coordinator(user, SlackClientSim(urls[n % len(urls)], SECRET, TEAM), posts, think, figures)
            for n, user in enumerate(users)
        ]
        for person in people:
            person.start()
        for person in people:
            person.join(timeout=600)
    figures.saved = _saved(url, users)
    return figures


def _warm(urls: list[str]) -> None:
    """A few requests to each replica's workers first, so the figures are of warm servers (cold starts are
    bench/ of item 3's)."""
    for base in urls:
        sim = SlackClientSim(base, SECRET, TEAM)
        for n in range(6):
            sim.dm_message(f"UWARM{n}", "hjälp")


def _saved(url: str, users: list[str]) -> int:
    """How many cases the benchmark's people saved."""
    services = build_services(Settings(_env_file=None, database_url=url), migrate_schema=False)
    with services.db.unit_of_work() as session:
        saved = session.scalar(text("SELECT count(*) FROM cases WHERE created_by = ANY(:users)"), {"users": users})
    services.db.dispose()
    return int(saved or 0)
