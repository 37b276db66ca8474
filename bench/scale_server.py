"""A throwaway PostgreSQL server for bench/scale.py, made as scripts/test-postgres.sh makes the tests' one.

Unlike the tests' server, its data directory is kept between runs (under /var/tmp), so the generated national
data is made once and reused; the server itself runs only while the benchmark does and is always stopped.
"""

import glob
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

CACHE = Path(os.environ.get("LOKUSBOT_SCALE_CACHE", "/var/tmp/lokusbot-scale"))
OPTIONS = (
    "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    " -c shared_buffers=256MB -c maintenance_work_mem=256MB -c max_wal_size=4GB"
)


def bindir() -> Path:
    """The directory holding initdb, pg_ctl and postgres (the newest installed)."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(Path(p).parent.name))
    if shutil.which("pg_config"):
        found.insert(0, subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True).stdout.strip())
    for candidate in reversed(found):
        if all((Path(candidate) / tool).exists() for tool in ("initdb", "pg_ctl", "postgres")):
            return Path(candidate)
    raise SystemExit("PostgreSQL is not installed (apt-get install postgresql), or pass --url")


def _owner() -> list[str]:
    """Run as the postgres user when we are root (initdb refuses root)."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


def _user() -> str:
    return "postgres" if os.geteuid() == 0 else os.environ.get("USER", "postgres")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _initdb(tools: Path, data: Path) -> None:
    CACHE.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(CACHE, "postgres")
    command = [str(tools / "initdb"), "-D", str(data), "-U", _user(), "-A", "trust", "-E", "UTF8", "--no-locale"]
    subprocess.run([*_owner(), *command, "--no-sync"], check=True, capture_output=True, cwd=CACHE)


@contextmanager
def cached_server() -> Iterator[str]:
    """Start the benchmark's server on a free loopback port; yields its admin URL; stops it afterwards."""
    tools = bindir()
    data = CACHE / f"pg{tools.parent.name}"
    if not (data / "PG_VERSION").exists():
        shutil.rmtree(data, ignore_errors=True)
        _initdb(tools, data)
    port = _free_port()
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {CACHE} {OPTIONS}"
    pg_ctl = [*_owner(), str(tools / "pg_ctl"), "-D", str(data)]
    log = CACHE / "server.log"
    subprocess.run([*pg_ctl, "-l", str(log), "-o", options, "-w", "-t", "60", "start"], check=True, cwd=CACHE)
    try:
        yield f"postgresql+psycopg://{_user()}@127.0.0.1:{port}/postgres"
    finally:
        stopped = subprocess.run([*pg_ctl, "-m", "fast", "-w", "-t", "30", "stop"], cwd=CACHE, capture_output=True)
        if stopped.returncode != 0:
            subprocess.run([*pg_ctl, "-m", "immediate", "stop"], cwd=CACHE, capture_output=True)
        time.sleep(0.1)
