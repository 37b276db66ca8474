"""Benchmark: how soon `lokusbot serve` answers after it starts, and what the first request of each worker costs.

Each run starts `lokusbot serve` (gunicorn, two workers by default) against the local fake Slack Web API on a
database migrated beforehand (as a deploy does: migrations once, then the servers), and measures from the moment
the process is started: when GET /healthz first answers 200, and when GET /readyz does. Then it opens one
keep-alive connection to each worker (GET /readyz names the worker that answered) and sends each worker a signed
direct message (`mina ärenden` unless told otherwise): its first Slack request, then five more. It prints, per
worker, the time to the ack (the HTTP answer) of the first and the median of the warm ones, and the time until
the reply reached the fake.

Busy runs first load the machine with busy loops (three by default, on two cores) and wait until the load average
is at least 3. The CPU time the server's main process used until it was ready is printed too: it changes little
with the load, so it shows what a change saves even on a shared machine.

    .venv/bin/python bench/cold_start.py [--runs 3] [--mode both|quiet|busy] [--workers 2] [--database-url URL]
                                         [--code DIR]

`--code DIR` runs the server from another checkout (to measure before a change). The code is compiled to
bytecode first, as a deploy has it. Targets (issue 12): quiet —
/healthz within 1.5 s, each worker's first ack within twice a warm one; busy — ready within 3 s, no first ack
over 0.5 s.
"""

import argparse
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.fake_slack import Call, FakeSlack  # noqa: E402
from tests.support.signing import sign  # noqa: E402

SECRET = "bench-signing-secret"
WARM_REQUESTS = 5
POLL_SECONDS = 0.02  # how often /healthz is tried while the server starts (more often would take CPU from it)
REPLIES = frozenset({"chat.postMessage", "chat.postEphemeral", "response_url"})
BUSY_SECONDS = 900  # a busy loop ends by itself after this, whatever happens to the benchmark


@dataclass
class Worker:
    """What one worker's first and warm requests took, in seconds."""

    pid: str
    first_ack: float
    warm_ack: float
    first_reply: float
    warm_reply: float


@dataclass
class Run:
    """One start of `lokusbot serve`."""

    healthz: float
    ready: float | None
    cpu: float  # CPU seconds the server's main process had used when it was ready (load does not change it much)
    all_ready: float | None = None  # when the last worker first answered
    workers: list[Worker] = field(default_factory=list)


class Replies:
    """Counts the calls the fake Slack receives, so a request's reply can be waited for."""

    def __init__(self) -> None:
        self.count = 0
        self.cond = threading.Condition()

    def __call__(self, call: Call) -> None:
        if call.method not in REPLIES:
            return
        with self.cond:
            self.count += 1
            self.cond.notify_all()

    def wait_beyond(self, count: int, timeout: float = 10) -> float:
        """Block until more than count calls arrived; the time it happened (perf_counter)."""
        with self.cond:
            if not self.cond.wait_for(lambda: self.count > count, timeout):
                raise RuntimeError("the bot did not reply")
            return time.perf_counter()


def cpu_seconds(pid: int) -> float:
    """The user and system CPU time a process has used so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for(port: int, path: str, started: float, process: subprocess.Popen[bytes]) -> float | None:
    """Seconds from `started` until GET path answers 200; None when the server has no such path (404)."""
    while time.perf_counter() - started < 60:
        if process.poll() is not None:
            raise RuntimeError("lokusbot serve exited")
        try:
            status, _ = get(http.client.HTTPConnection("127.0.0.1", port, timeout=5), path)
        except OSError:
            time.sleep(POLL_SECONDS)
            continue
        if status == 404:
            return None
        if status == 200:
            return time.perf_counter() - started
        time.sleep(POLL_SECONDS)
    raise RuntimeError(f"{path} did not answer within 60 s")


def get(connection: http.client.HTTPConnection, path: str) -> tuple[int, bytes]:
    """GET on a (kept-alive) connection."""
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, response.read()


def slack_request(text: str, fake: FakeSlack) -> tuple[bytes, str]:
    """A direct message to the bot (an Events API envelope), as Slack posts it."""
    now = time.time()
    event = {
        "type": "message",
        "channel_type": "im",
        "channel": fake.dm_channel_id("UBENCH"),
        "user": "UBENCH",
        "text": text,
        "ts": f"{now:.6f}",
        "event_ts": f"{now:.6f}",
    }
    envelope = {
        "type": "event_callback",
        "team_id": fake.team_id,
        "api_app_id": fake.app_id,
        "event": event,
        "event_id": f"Ev{time.time_ns()}",
        "event_time": int(now),
        "authorizations": [{"team_id": fake.team_id, "user_id": fake.bot_user_id, "is_bot": True}],
    }
    return json.dumps(envelope).encode(), "application/json"


def request(
    connection: http.client.HTTPConnection, replies: Replies, fake: FakeSlack, text: str
) -> tuple[float, float]:
    """A signed DM on the connection: seconds to its ack and to the bot's reply at the fake."""
    body, content_type = slack_request(text, fake)
    headers = {"Content-Type": content_type, **sign(body, SECRET)}
    before = replies.count
    started = time.perf_counter()
    connection.request("POST", "/slack/events", body=body, headers=headers)
    response = connection.getresponse()
    response.read()
    acked = time.perf_counter()
    if response.status != 200:
        raise RuntimeError(f"HTTP {response.status}")
    replied = replies.wait_beyond(before)
    time.sleep(0.05)  # let the reply's own work end before the next request
    return acked - started, replied - started


def ask_worker(connection: http.client.HTTPConnection, answers: list[tuple[str, http.client.HTTPConnection]]) -> None:
    """GET /readyz on the connection, noting the worker that answered."""
    _, body = get(connection, "/readyz")
    answers.append((str(json.loads(body)["worker"]), connection))


def per_worker(port: int, workers: int, started: float) -> tuple[dict[str, http.client.HTTPConnection], float]:
    """One kept-alive connection to each worker (a few connections at once ask /readyz which worker answers), and
    the seconds from `started` until the last worker answered."""
    found: dict[str, http.client.HTTPConnection] = {}
    deadline = time.monotonic() + 30
    while len(found) < workers and time.monotonic() < deadline:
        connections = [http.client.HTTPConnection("127.0.0.1", port, timeout=10) for _ in range(2 * workers)]
        answers: list[tuple[str, http.client.HTTPConnection]] = []
        threads = [threading.Thread(target=ask_worker, args=(c, answers)) for c in connections]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for pid, connection in answers:
            if pid in found:
                connection.close()
            else:
                found[pid] = connection
        time.sleep(POLL_SECONDS)
    return found, time.perf_counter() - started


def measure_worker(
    pid: str, connection: http.client.HTTPConnection, replies: Replies, fake: FakeSlack, text: str
) -> Worker:
    first_ack, first_reply = request(connection, replies, fake, text)
    warm = [request(connection, replies, fake, text) for _ in range(WARM_REQUESTS)]
    return Worker(
        pid,
        first_ack,
        statistics.median(a for a, _ in warm),
        first_reply,
        statistics.median(r for _, r in warm),
    )


def one_run(args: argparse.Namespace, env: dict[str, str], replies: Replies, fake: FakeSlack) -> Run:
    port = free_port()
    serve = [sys.executable, "-m", "bot.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    started = time.perf_counter()
    process = subprocess.Popen(
        [*serve, "--workers", str(args.workers)], env=env, cwd=args.code, stdout=subprocess.DEVNULL
    )
    try:
        healthz = wait_for(port, "/healthz", started, process)
        assert healthz is not None
        ready = wait_for(port, "/readyz", started, process)
        run = Run(healthz, ready, cpu_seconds(process.pid))
        if ready is None:  # no /readyz to tell the workers apart: fresh connections, whichever worker takes them
            connections = {f"?{n}": http.client.HTTPConnection("127.0.0.1", port) for n in range(args.workers)}
        else:
            connections, run.all_ready = per_worker(port, args.workers, started)
        for pid, connection in connections.items():
            run.workers.append(measure_worker(pid, connection, replies, fake, args.text))
            connection.close()
        return run
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def busy(loops: int) -> Iterator[float]:
    """Busy loops on every core until the load average is at least 3; yields it. The loops end with the block."""
    if loops == 0:
        yield os.getloadavg()[0]
        return
    code = f"import time\nend = time.time() + {BUSY_SECONDS}\nwhile time.time() < end: pass"
    processes = [subprocess.Popen([sys.executable, "-c", code]) for _ in range(loops)]
    try:
        deadline = time.monotonic() + 180
        while os.getloadavg()[0] < 3 and time.monotonic() < deadline:
            time.sleep(1)
        yield os.getloadavg()[0]
    finally:
        for process in processes:
            process.kill()
            process.wait()


def show(label: str, run: Run) -> None:
    ready = f"{run.ready:.2f} s" if run.ready is not None else "no /readyz"
    every = f", every worker {run.all_ready:.2f} s" if run.all_ready is not None else ""
    print(f"{label}: /healthz {run.healthz:.2f} s, ready {ready}{every}, {run.cpu:.2f} s CPU", flush=True)
    for w in run.workers:
        ack = (
            f"first ack {w.first_ack * 1000:.0f} ms, warm {w.warm_ack * 1000:.0f} ms (×{w.first_ack / w.warm_ack:.1f})"
        )
        reply = f"reply {w.first_reply * 1000:.0f} ms, warm {w.warm_reply * 1000:.0f} ms"
        print(f"    worker {w.pid}: {ack}; {reply}", flush=True)


def summary(mode: str, runs: list[Run]) -> None:
    healthz = max(r.healthz for r in runs)
    ready = max((r.ready if r.ready is not None else r.healthz) for r in runs)
    workers = [w for r in runs for w in r.workers]
    first = max(w.first_ack for w in workers)
    ratio = max(w.first_ack / w.warm_ack for w in workers)
    print(
        f"{mode}, worst of {len(runs)}: /healthz {healthz:.2f} s, ready {ready:.2f} s, first ack {first * 1000:.0f} ms,"
        f" first/warm ×{ratio:.1f}",
        flush=True,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--mode", choices=["both", "quiet", "busy"], default="both")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--busy-loops", type=int, default=3)
    parser.add_argument("--text", default="mina ärenden", help="the direct message each request sends")
    parser.add_argument("--database-url", default="")
    parser.add_argument("--code", default=str(ROOT), help="the checkout to run lokusbot serve from")
    args = parser.parse_args()
    replies = Replies()
    with FakeSlack(on_call=replies) as fake, tempfile.TemporaryDirectory() as tmp:
        env = prepared(args, fake, tmp)
        modes = ["quiet", "busy"] if args.mode == "both" else [args.mode]
        for mode in modes:
            with busy(args.busy_loops if mode == "busy" else 0) as load:
                print(f"{mode} (load average {load:.1f}), {args.workers} workers", flush=True)
                runs = [one_run(args, env, replies, fake) for _ in range(args.runs)]
                for n, run in enumerate(runs, 1):
                    show(f"  run {n}", run)
                summary(mode, runs)
    return 0


def prepared(args: argparse.Namespace, fake: FakeSlack, tmp: str) -> dict[str, str]:
    """The environment of the servers, on a database migrated here, once."""
    url = args.database_url or f"sqlite:///{tmp}/bench.db"
    env = {k: v for k, v in os.environ.items() if not k.startswith("SLACK_")}
    env.update(
        DATABASE_URL=url,
        SLACK_API_URL=fake.url,
        SLACK_BOT_TOKEN=fake.bot_token,
        SLACK_SIGNING_SECRET=SECRET,
        PYTHONPATH=args.code,
    )
    subprocess.run([sys.executable, "-m", "bot.cli", "db", "upgrade"], env=env, cwd=args.code, check=True)
    compiled(args.code)
    return env


def compiled(code: str) -> None:
    """lokusbot's modules compiled to bytecode beforehand, as a deploy has them (pip compiles what it installs;
    scripts/run does it for a checkout). Without, a machine with PYTHONDONTWRITEBYTECODE=1 compiles some 250
    modules at every start: 0.2 s of CPU the benchmark would count against the start."""
    packages = [str(Path(code) / package) for package in ("bot", "handlers", "storage")]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *packages], check=True)


if __name__ == "__main__":
    raise SystemExit(main())
