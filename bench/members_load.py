"""Load test: members added by parallel slash commands into a large group, the bot served as `lokusbot serve` does.

Issue 12: with 4–8 `/lokus medlem` commands at a time into a group of ~1 000 members, gunicorn workers died with
SIGSEGV. This starts gunicorn (2 gthread workers, 8 threads, faulthandler on) on a fresh database, links a group,
gives it `--members` members, then sends `--commands` signed `/lokus medlem` commands, `--parallel` at a time
(with `--show-every N` every N-th is `/lokus grupp`, which lists every member), and counts what went wrong:
workers that died (gunicorn's log), requests answered with a closed connection or anything but 200, commands
whose member was not saved. `--runs` repeats it, each run on a database of its own.

    .venv/bin/python bench/members_load.py [--database-url URL] [--runs 4] [--commands 400] [--parallel 6]

With a PostgreSQL URL each run creates (and drops) a database of its own on that server. Exit status 1 when
anything went wrong. On the commit before storage/lifetime.py with `/lokus medlem` loading the group's members
(`git archive 7eee48b^1`, this file copied in), 4 of 6 PostgreSQL runs of 400 commands had a worker die; with it,
0 of 13 (December 2026; storage/lifetime.py explains the cause).
"""

import argparse
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, make_url, select, text

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.apps import environment  # noqa: E402
from bot.services import Services, build_services  # noqa: E402
from bot.settings import Settings  # noqa: E402
from storage import groups as repo  # noqa: E402
from storage.models import Workspace  # noqa: E402
from tests.support.fake_slack import FakeSlack  # noqa: E402
from tests.support.signing import SlackClientSim  # noqa: E402

SECRET = "bench-signing-secret"
TEAM = "T0LOKUS"
CHANNEL = "C0LOAD"
MANAGER = "UMANAGER"
PARTIES = ("af", "fk", "region", "kommun")
DIED = re.compile(r"Worker \(pid:\d+\) (was sent \w+|exited)|Fatal Python error|Segmentation fault")


def start_gunicorn(env: dict[str, str], args: argparse.Namespace, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    """gunicorn serving lokusbot as `lokusbot serve` does; returns the process and its base URL."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    command = [sys.executable, "-X", "faulthandler", "-m", "gunicorn", "--workers", str(args.workers)]
    command += ["--threads", str(args.threads), "--worker-class", "gthread", "--bind", f"127.0.0.1:{port}"]
    command += ["--log-level", "info"]
    command += ["--timeout", "60", "bench.apps:lokusbot()"]
    process = subprocess.Popen(command, env=env, cwd=ROOT, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1).close()
            return process, url
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"gunicorn did not come up; see {log}")


def seed(url: str, sim: SlackClientSim, members: int) -> None:
    """Link the group, make MANAGER its samordnare over Slack, then add the other members directly."""
    linked: Callable[[], bool] = lambda: members_now(url) is not None  # noqa: E731
    managed: Callable[[], bool] = lambda: bool(members_now(url))  # noqa: E731
    for command, done in (("koppla Lasttest", linked), (f"medlem <@{MANAGER}> kommun samordnare", managed)):
        response = sim.slash_command(MANAGER, CHANNEL, command)
        if response.status != 200:
            raise RuntimeError(f"seeding failed: {command!r} answered {response.status}")
        wait_until(done)  # the bot may handle a command after acknowledging it
    services = services_for(url)
    with services.db.unit_of_work() as session:
        workspace = repo.get_or_create_workspace(session, team_id=TEAM)
        group = repo.find_group_by_name(session, workspace=workspace, name="Lasttest")
        assert group is not None, "the group was not linked"
        for n in range(members):
            repo.upsert_member(session, group=group, user_id=f"USEED{n:05d}", party=PARTIES[n % 4], roles=["ledamot"])
    services.db.dispose()


def services_for(url: str, *, migrate_schema: bool = False) -> Services:
    """The bot's services on the database (migrated when asked)."""
    return build_services(Settings(_env_file=None, database_url=url), migrate_schema=migrate_schema)  # type: ignore[call-arg]


def wait_until(done: Callable[[], bool], timeout: float = 30) -> None:
    """Wait for a condition (an answer handled after the ack is committed a moment later)."""
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise RuntimeError("seeding did not finish")
        time.sleep(0.1)


def members_now(url: str) -> set[str] | None:
    """The user ids of the group's members now; None before the group is linked."""
    services = services_for(url)
    with services.db.unit_of_work() as session:
        workspace = session.scalars(select(Workspace).where(Workspace.team_id == TEAM)).one_or_none()
        group = repo.find_group_by_name(session, workspace=workspace, name="Lasttest") if workspace else None
        users = {member.user_id for member in group.members} if group else None
    services.db.dispose()
    return users


def run(url: str, args: argparse.Namespace, log: Path) -> int:
    """One run against one database; returns the number of things that went wrong."""
    with FakeSlack() as fake:
        env = environment(url, fake.url, fake.bot_token, SECRET)
        env["PYTHONFAULTHANDLER"] = "1"
        env.update(item.split("=", 1) for item in args.env)
        services_for(url, migrate_schema=True).db.dispose()
        process, base = start_gunicorn(env, args, log)
        try:
            sim = SlackClientSim(base, SECRET, fake_slack=fake, timeout=30)
            seed(url, sim, args.members)
            statuses, errors = send_commands(sim, args.commands, args.parallel, args.show_every)
            time.sleep(1)
        finally:
            process.terminate()
            process.wait(timeout=30)
    died = [line for line in log.read_text(errors="replace").splitlines() if DIED.search(line)]
    added = [n for n in range(args.commands) if not (args.show_every and n % args.show_every == 0)]
    missing = {f"UNEW{n:05d}" for n in added if statuses.get(n) == 200} - (members_now(url) or set())
    bad = {n: s for n, s in statuses.items() if s != 200}
    print(f"{args.commands} commands, {args.parallel} at a time, into a group of {args.members} members:", end=" ")
    print(
        f"{len(died)} lines of worker deaths, {len(bad)} not answered 200 ({len(errors)} connection errors),", end=" "
    )
    print(f"{len(missing)} answered 200 but not saved")
    for line in died[:6]:
        print("   ", line)
    if died and args.keep_logs:
        print(f"    gunicorn's log (with the faulthandler traces): {log}")
    return len(died) + len(bad) + len(missing)


def send_commands(
    sim: SlackClientSim, commands: int, parallel: int, show_every: int = 0
) -> tuple[dict[int, int], list[str]]:
    """Send the commands from a pool of `parallel` threads; each command's HTTP status (0: no answer).

    With `show_every`, every that many commands is `/lokus grupp` (which lists all members) instead."""
    statuses: dict[int, int] = {}
    errors: list[str] = []
    lock = threading.Lock()

    def one(n: int) -> None:
        text = "grupp" if show_every and n % show_every == 0 else f"medlem <@UNEW{n:05d}> {PARTIES[n % 4]}"
        try:
            status = sim.slash_command(MANAGER, CHANNEL, text).status
        except OSError as error:
            status = 0
            with lock:
                errors.append(type(error).__name__)
        with lock:
            statuses[n] = status

    with ThreadPoolExecutor(parallel) as pool:
        list(pool.map(one, range(commands)))
    return statuses, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--database-url", default="")
    parser.add_argument("--members", type=int, default=1000)
    parser.add_argument("--commands", type=int, default=400)
    parser.add_argument("--parallel", type=int, default=6)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=8, help="threads per worker (lokusbot serve: 8)")
    parser.add_argument("--show-every", type=int, default=0, help="every N-th command is /lokus grupp")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--env", action="append", default=[], help="KEY=VALUE for the server, e.g. PYTHONMALLOC=debug")
    parser.add_argument("--keep-logs", default="", help="a folder to keep each run's gunicorn log in")
    args = parser.parse_args()
    failed = 0
    for number in range(1, args.runs + 1):
        with tempfile.TemporaryDirectory() as tmp, fresh_database(args.database_url, Path(tmp)) as url:
            folder = Path(args.keep_logs or tmp)
            folder.mkdir(parents=True, exist_ok=True)
            print(f"run {number}:", end=" ")
            failed += bool(run(url, args, folder / f"gunicorn-{number}.log"))
    print(f"{failed} of {args.runs} runs went wrong")
    return 1 if failed else 0


@contextmanager
def fresh_database(server_url: str, tmp: Path) -> Iterator[str]:
    """A SQLite file in tmp, or a new database on the PostgreSQL server of the URL (dropped afterwards)."""
    if not server_url:
        yield f"sqlite:///{tmp}/load.db"
        return
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    name = f"lokusbot_load_{uuid.uuid4().hex[:8]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


if __name__ == "__main__":
    raise SystemExit(main())
