"""The benchmark's database: made once per scale and kept on the server (its comment says it is complete).

Making it: migrate an empty database, drop the secondary indexes of the big tables, COPY the rows in with the
foreign-key triggers off (the generator keeps them consistent), build the indexes again and ANALYZE. A later
run finds it complete, brings it up to the current migrations (a new index is built on the data there) and
uses it as it is.
"""

import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import psycopg
from sqlalchemy import make_url

from bench.scale_data import Loader, Size, load_cases, load_platform
from bench.scale_schedule import load_schedule
from storage import migrate
from storage.db import make_engine

DATA_VERSION = 2  # bump when the generator changes: the cached databases are made again
COMPLETE = "lokusbot scale benchmark data, complete"
BIG_TABLES = ("cases", "case_target_groups", "case_failures", "meetings", "meeting_rsvps", "job_claims", "members")
BIG_TABLES += ("plan_sections",)
WITH_IDS = ("workspaces", "groups", "cases", "meetings", "plans")


def database_name(scale: float) -> str:
    """The name of the cached database of a scale."""
    return f"lokusbot_scale_{str(scale).replace('.', '_')}_v{DATA_VERSION}"


def _plain(url: str) -> str:
    """A SQLAlchemy URL as libpq takes it."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def prepare(
    admin_url: str, scale: float, *, fresh: bool, say: Callable[[str], None], seed: Callable[[str], None]
) -> str:
    """The URL of the benchmark's database at the scale, made now unless a complete one is there; `seed(url)`
    adds what is made through the bot itself."""
    name = database_name(scale)
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(_plain(admin_url), autocommit=True) as admin:
        row = admin.execute(
            "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s", (name,)
        ).fetchone()
        if row is not None and row[0] == COMPLETE and not fresh:
            say(f"using the cached database {name}")
            _migrate(url)
            return url
        for (old,) in admin.execute("SELECT datname FROM pg_database").fetchall():
            if re.fullmatch(rf"{name.rsplit('_v', 1)[0]}_v\d+(_run)?", old):  # this one, and an older generator's
                admin.execute(f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    started = time.perf_counter()
    _migrate(url)
    counts = _fill(url, Size.at(scale))
    seed(url)
    with psycopg.connect(_plain(admin_url), autocommit=True) as admin:
        admin.execute(f"COMMENT ON DATABASE \"{name}\" IS '{COMPLETE}'")
    rows = ", ".join(f"{table} {n:,}".replace(",", " ") for table, n in counts.items())
    say(f"made {name} in {time.perf_counter() - started:.0f} s: {rows}")
    return url


def _migrate(url: str) -> None:
    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()


def _fill(url: str, size: Size) -> dict[str, int]:
    """COPY every table's rows in, without the secondary indexes and foreign-key checks; then index, analyze."""
    with psycopg.connect(_plain(url)) as conn:
        conn.execute("SET session_replication_role = replica")  # no FK triggers: the rows are consistent
        indexes = conn.execute(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public'"
            " AND i.tablename = ANY(%s) AND NOT EXISTS"
            " (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('%%I', i.indexname)::regclass)",
            (list(BIG_TABLES),),
        ).fetchall()
        for index, _ in indexes:
            conn.execute(f'DROP INDEX "{index}"')
        load = Loader(conn)
        load_platform(load, size)
        load_cases(load, size)
        load_schedule(load, size)
        conn.execute("SET maintenance_work_mem = '256MB'")
        for _, definition in indexes:
            conn.execute(definition)
        for table in WITH_IDS:
            conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
        conn.commit()
    with psycopg.connect(_plain(url), autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    return load.counts


@contextmanager
def copy_of(url: str) -> Iterator[str]:
    """A copy of the database for work that commits (servers with their own schedulers); dropped afterwards."""
    original = make_url(url)
    name = f"{original.database}_run"
    server = original.set(database="postgres").render_as_string(hide_password=False)
    with psycopg.connect(_plain(server), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{original.database}"')
        try:
            yield original.set(database=name).render_as_string(hide_password=False)
        finally:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
