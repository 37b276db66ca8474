"""Benchmark: compiling a group's summary with 1 000, 10 000 and 100 000 cases.

Fills one group per size (bulk insert, realistic answers spread over the last three years, in a database that
also holds the other sizes' groups), then times the whole compilation of the protected channel summary over a
period holding every case of the group: the grouped queries, the small-number protection and the reply
(median of several runs; drawing the chart's PNG is timed separately, it happens once at delivery).
Runs on SQLite, and on PostgreSQL too when TEST_POSTGRES_URL or --postgres URL is given.

    .venv/bin/python bench/summary_bench.py [--sizes 1000 10000 100000] [--runs 7] [--postgres URL] [--no-sqlite]

Target (issue 4): ≤ 0.3 s at 100 000 cases on each database.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, make_url, text  # noqa: E402

from bot.catalogue import Catalogue  # noqa: E402
from bot.services import Services, build_services  # noqa: E402
from bot.settings import Settings  # noqa: E402
from handlers.context import Actor, Ctx  # noqa: E402
from handlers.replies import Reply  # noqa: E402
from handlers.summaries.compile import group_summary  # noqa: E402
from handlers.summaries.periods import Period, this_year  # noqa: E402
from handlers.text import t  # noqa: E402
from storage import groups as groups_repo  # noqa: E402
from tests.support.case_factory import CaseSpec, insert_cases, make_group  # noqa: E402

TODAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TEAM = "TBENCH"
YEARS = 3

GENDERS = {"kvinna": 52, "man": 40, "annat": 1, "ej_dokumenterat": 7}
PARTIES = {"af": 30, "fk": 20, "region": 22, "kommun": 28}
AGES = {"16-19": 8, "20-24": 14, "25-29": 13, "30-39": 22, "40-49": 18, "50-64": 17, "65+": 1, "okant": 7}
TARGETS = {
    "unga_utan_gymnasium": 14,
    "psykisk_ohalsa": 30,
    "forsorjningsstod": 18,
    "nyanlanda": 10,
    "aktivitetsersattning": 8,
    "sjukskrivna": 12,
    "missbruk": 6,
    "annan_malgrupp": 2,
}
FAILURES = {
    "ansvarsfordelning": 25,
    "information": 22,
    "vantetider": 18,
    "saknad_insats": 14,
    "regelverk": 10,
    "samordning": 9,
    "annat": 2,
}
OUTCOMES = {"arbete": 20, "studier": 12, "ordinarie": 35, "ersattning": 15, "annat": 10, "okant": 8}
UNITS = {
    "af": ("Rehab", "Etablering", "Ungdom"),
    "fk": ("Sjukpenning", "Aktivitetsersättning"),
    "region": ("Vårdcentral Nord", "Psykiatri", "Rehabmottagning"),
    "kommun": ("Socialtjänst", "AME"),
}


def pick(rng: random.Random, weights: dict[str, int]) -> str:
    """One value, drawn by weight."""
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def realistic_cases(count: int, rng: random.Random) -> Iterator[CaseSpec]:
    """Cases as groups log them: weighted answers, raised over the last three years, most old ones closed."""
    days = 365 * YEARS
    for _ in range(count):
        raised = TODAY - timedelta(days=rng.randrange(days))
        party = pick(rng, PARTIES)
        spec = CaseSpec(
            gender=pick(rng, GENDERS),
            party=party,
            age_band=pick(rng, AGES),
            raised_on=raised,
            referred_tr=rng.random() < 0.3,
            unit=rng.choice(UNITS[party]),
            target_groups=tuple({pick(rng, TARGETS) for _ in range(rng.choice((1, 1, 2)))}),
            failures=tuple({pick(rng, FAILURES) for _ in range(rng.choice((1, 2, 2, 3)))}),
        )
        age = (TODAY - raised).days
        if rng.random() < min(0.9, age / 240):
            closed = raised + timedelta(days=rng.randrange(max(age, 1)))
            yield spec.closed(pick(rng, OUTCOMES), closed)
        else:
            yield spec if rng.random() < 0.5 else CaseSpec(**{**spec.__dict__, "status": "in_progress"})


def fill(services: Services, sizes: list[int]) -> dict[int, int]:
    """One group per size, filled with that many cases; returns each size's group id.

    PostgreSQL then gathers its statistics, as autovacuum does on a live database soon after a large import
    (without them it takes the fresh tables for empty and plans nested loops). SQLite gathers none by itself,
    so it is measured without.
    """
    rng = random.Random(2026)
    ids = {}
    with services.db.unit_of_work() as session:
        for size in sizes:
            group = make_group(session, name=f"Bänk {size}", channel=f"CBENCH{size}", team=TEAM)
            insert_cases(session, group=group, specs=realistic_cases(size, rng))
            ids[size] = group.id
    if services.db.engine.dialect.name == "postgresql":
        with services.db.engine.begin() as connection:
            connection.execute(text("ANALYZE"))
    return ids


def compile_summary(services: Services, group_id: int, period: Period) -> Reply:
    """The protected channel summary, compiled in its own unit of work as a request would."""

    def run(ctx: Ctx) -> Reply:
        workspace = groups_repo.get_or_create_workspace(ctx.session, team_id=TEAM)
        group = next(g for g in groups_repo.groups_of_workspace(ctx.session, workspace=workspace) if g.id == group_id)
        return group_summary(ctx, group, period)

    return services.handle(Actor(TEAM, "UBENCH", f"CBENCH{group_id}"), run)


def median_seconds(action: Callable[[], object], runs: int) -> float:
    """The median wall time of the action over runs (after one warm-up run)."""
    action()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def measure(url: str, sizes: list[int], runs: int) -> list[tuple[int, float, float, float]]:
    """(size, seconds for all cases, seconds for this year's, chart seconds) for each size on the database."""
    services = build_services(Settings(_env_file=None, database_url=url), clock=lambda: NOW)  # type: ignore[call-arg]
    started = time.perf_counter()
    ids = fill(services, sizes)
    print(f"  filled {sum(sizes):,} cases in {time.perf_counter() - started:.1f} s".replace(",", " "), flush=True)
    everything = Period(TODAY - timedelta(days=365 * YEARS), TODAY, t("summary.period.range"))
    words = Catalogue.for_slack("sv").render
    rows = []
    for size in sizes:
        compiled = median_seconds(partial(compile_summary, services, ids[size], everything), runs)
        year = median_seconds(partial(compile_summary, services, ids[size], this_year(TODAY)), runs)
        chart = compile_summary(services, ids[size], everything).files[0]
        drawn = median_seconds(partial(chart.data, words), max(1, runs // 2))
        rows.append((size, compiled, year, drawn))
    services.db.dispose()
    return rows


@contextmanager
def postgres_database(url: str) -> Iterator[str]:
    """A throwaway database on the server of the URL."""
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    name = f"lokusbot_bench_{uuid.uuid4().hex[:8]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def report(database: str, rows: list[tuple[int, float, float, float]]) -> None:
    """Print the table and how the time grows with the number of cases."""
    print(
        f"{database}: median ms to compile the protected summary over all {YEARS} years of the group's cases, "
        f"and over this year's (about a third); drawing the chart PNG once"
    )
    print(f"{'cases':>10}{'all cases':>11}{'× prev':>8}{'this year':>11}{'× prev':>8}{'chart':>8}")
    before = (0.0, 0.0)
    for size, compiled, year, drawn in rows:
        growth = [f"{now / then:.1f}" if then else "–" for now, then in zip((compiled, year), before, strict=True)]
        print(
            f"{size:>10,}".replace(",", " ") + f"{compiled * 1000:>11.1f}{growth[0]:>8}{year * 1000:>11.1f}"
            f"{growth[1]:>8}{drawn * 1000:>8.1f}"
        )
        before = (compiled, year)
    largest, seconds, year, _ = rows[-1]
    for what, value in (("all cases in the period", seconds), ("this year's cases", year)):
        verdict = "meets" if value <= 0.3 else "MISSES"
        print(f"  {largest:,} cases, {what}: {value:.3f} s – {verdict} the target of ≤ 0.3 s".replace(",", " "))


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--postgres", default=os.environ.get("TEST_POSTGRES_URL", ""))
    parser.add_argument("--no-sqlite", action="store_true", help="measure PostgreSQL only")
    args = parser.parse_args()
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory() as tmp:
            print("SQLite", flush=True)
            report("SQLite", measure(f"sqlite:///{tmp}/bench.db", args.sizes, args.runs))
    if args.postgres:
        print("PostgreSQL", flush=True)
        with postgres_database(args.postgres) as url:
            report("PostgreSQL", measure(url, args.sizes, args.runs))
    else:
        print("PostgreSQL: skipped (give --postgres URL or set TEST_POSTGRES_URL)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
