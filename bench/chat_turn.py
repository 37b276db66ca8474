"""Benchmark: one chat turn over loopback — a signed DM event in, the bot's chat.postMessage out.

In the same run, two servers are started the way lokusbot runs in production (gunicorn, one gthread worker,
each in its own process), and the turns alternate between them: a bare Bolt app that does the least possible
(verify the signature, ack, post once), and lokusbot answering a question of a real conversation (claim the
event id, load the conversation, parse and check the answer, store the state, render Block Kit, post). Both
post to the same local fake Slack Web API in this process; the clock stops when the post reaches it.
Prints p50/p90/p99 and the ratio.

    .venv/bin/python bench/chat_turn.py [--turns 500] [--database-url URL]

Targets (issue 2): lokusbot's p50 ≤ 1.5 × the bare app's, p99 ≤ 50 ms.
"""

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.apps import environment  # noqa: E402
from bench.flow import start_bench_conversation  # noqa: E402
from bot.services import build_services  # noqa: E402
from bot.settings import Settings  # noqa: E402
from tests.support.fake_slack import Call, FakeSlack  # noqa: E402
from tests.support.signing import SlackClientSim  # noqa: E402

SECRET = "bench-signing-secret"
USER = "UBENCH"


class Arrivals:
    """Wakes the benchmark when the fake Slack receives a chat.postMessage, and notes when it arrived."""

    def __init__(self) -> None:
        self.event = threading.Event()
        self.at = 0.0

    def __call__(self, call: Call) -> None:
        if call.method == "chat.postMessage":
            self.at = call.received
            self.event.set()


@contextmanager
def gunicorn(factory: str, env: dict[str, str]) -> Iterator[str]:
    """Serve `bench.apps:<factory>()` with gunicorn like `lokusbot serve` does; yields its base URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--workers",
        "1",
        "--threads",
        "8",
        "--worker-class",
        "gthread",
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
        f"bench.apps:{factory}()",
    ]
    process = subprocess.Popen(command, env=env, cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(url)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def _wait_until_up(url: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not come up")


def one_turn(sim: SlackClientSim, arrivals: Arrivals, text: str) -> float:
    """Milliseconds from sending one event to the bot's post arriving at Slack."""
    arrivals.event.clear()
    started = time.perf_counter()
    response = sim.dm_message(USER, text)
    if response.status != 200 or not arrivals.event.wait(5):
        raise RuntimeError(f"no answer (HTTP {response.status})")
    return (arrivals.at - started) * 1000


def measure(sims: dict[str, SlackClientSim], arrivals: Arrivals, turns: int) -> dict[str, list[float]]:
    """Turns alternate between the apps, so whatever else the machine is doing weighs on both alike."""
    latencies: dict[str, list[float]] = {name: [] for name in sims}
    for turn in range(turns):
        for name, sim in sims.items():
            latencies[name].append(one_turn(sim, arrivals, answer(turn)))
    return latencies


def answer(turn: int) -> str:
    """Alternately an answer and "tillbaka", so the conversation never ends."""
    return "tillbaka" if turn % 2 else f"Väntan på beslut i {turn} veckor"


def percentile(values: list[float], p: int) -> float:
    """The p-th percentile."""
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--turns", type=int, default=500)
    parser.add_argument("--warmup", type=int, default=50)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()
    arrivals = Arrivals()
    with FakeSlack(on_call=arrivals) as fake, tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{tmp}/bench.db"
        env = environment(url, fake.url, fake.bot_token, SECRET)
        services = build_services(Settings(_env_file=None, database_url=url))  # type: ignore[call-arg]
        start_bench_conversation(services, USER)
        services.db.dispose()
        with gunicorn("bare", env) as bare_url, gunicorn("lokusbot", env) as bot_url:
            sims = {"bare Bolt app": SlackClientSim(bare_url, SECRET), "lokusbot": SlackClientSim(bot_url, SECRET)}
            measure(sims, arrivals, args.warmup)
            results = measure(sims, arrivals, args.turns)
    report(results, args.turns, "PostgreSQL" if "postgres" in url else "SQLite")
    return 0


def report(results: dict[str, list[float]], turns: int, database: str) -> None:
    """Print the table and the ratio."""
    print(f"chat turn over loopback, {turns} turns each, gunicorn 1 gthread worker, {database}")
    print(f"{'':16}{'p50 ms':>10}{'p90 ms':>10}{'p99 ms':>10}")
    for name, values in results.items():
        print(f"{name:16}" + "".join(f"{percentile(values, p):10.2f}" for p in (50, 90, 99)))
    ratio = percentile(results["lokusbot"], 50) / percentile(results["bare Bolt app"], 50)
    p99 = percentile(results["lokusbot"], 99)
    print(f"ratio p50 lokusbot / bare: {ratio:.2f} (target ≤ 1.5); lokusbot p99 {p99:.1f} ms (target ≤ 50)")


if __name__ == "__main__":
    raise SystemExit(main())
