"""Benchmark: the Home tab of a member of 3 groups in a national-scale database (1 000 groups, 1 000 000 cases).

Fills the groups (each with a meeting, a plan awaiting approval and its share of the cases; the member's three
groups hold some of their own open cases and sections to write), then times building the member's dashboard in
its own unit of work, as the Home tab's request does (median of several runs; the view is not rendered).
Runs on SQLite, and on PostgreSQL too when TEST_POSTGRES_URL or --postgres URL is given.

    .venv/bin/python bench/home_bench.py [--groups 1000] [--cases 1000000] [--runs 9] [--postgres URL] [--no-sqlite]

Target (issue 14): ≤ 0.2 s on each database.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, text, update  # noqa: E402

from bench.summary_bench import postgres_database  # noqa: E402
from bot.services import Services, build_services  # noqa: E402
from bot.settings import Settings  # noqa: E402
from handlers.context import Actor  # noqa: E402
from handlers.home.layout import dashboard  # noqa: E402
from storage import groups as groups_repo  # noqa: E402
from storage import plans as plans_repo  # noqa: E402
from storage.case_models import Case  # noqa: E402
from storage.meeting_models import Meeting  # noqa: E402

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TEAM, MEMBER, OTHERS = "TBENCH", "UBENCH", "UFACTORY"
THEIRS = 3  # the member's groups
CHUNK = 20_000


def fill(services: Services, groups: int, cases: int) -> None:
    """The groups with their meetings, plans and cases; the member in the first THEIRS of them."""
    per_group = cases // groups
    with services.db.unit_of_work() as session:
        workspace = groups_repo.get_or_create_workspace(session, team_id=TEAM)
        made = [
            groups_repo.create_group(session, workspace=workspace, name=f"Grupp {n:04d}", channel_id=f"CB{n:04d}")
            for n in range(groups)
        ]
        session.flush()
        ids = [g.id for g in made]
        for group in made[:THEIRS]:
            groups_repo.upsert_member(session, group=group, user_id=MEMBER, party="kommun", roles=["samordnare"])
        session.execute(insert(Meeting), [_meeting(i) for i in ids])
        for group in made:
            plan = plans_repo.create_plan(
                session,
                group=group,
                template="verksamhetsplan",
                year=2027,
                deadline=date(2026, 9, 1),
                section_keys=("mal", "malgrupper", "kon"),
                created_by=OTHERS,
                now=NOW,
            )
            plan.approvals_requested_at = NOW
            plan.sections[0].assignee = MEMBER if group in made[:THEIRS] else OTHERS
        rows = (_case(group_id, number) for group_id in ids for number in range(1, per_group + 1))
        batch: list[dict[str, object]] = []
        for row in rows:
            batch.append(row)
            if len(batch) == CHUNK:
                session.execute(insert(Case), batch)
                batch = []
        if batch:
            session.execute(insert(Case), batch)
        for group_id in ids[:THEIRS]:  # a third of their groups' cases are the member's own
            session.execute(
                update(Case).where(Case.group_id == group_id, Case.number % 3 == 0).values(created_by=MEMBER)
            )
    if services.db.engine.dialect.name == "postgresql":
        with services.db.engine.begin() as connection:
            connection.execute(text("ANALYZE"))


def _meeting(group_id: int) -> dict[str, object]:
    starts = NOW + timedelta(days=7 + group_id % 30)
    return {
        "group_id": group_id,
        "starts_at": starts,
        "ends_at": starts + timedelta(hours=2),
        "place": "Kommunhuset",
        "status": "scheduled",
        "convenor": OTHERS,
        "minute_taker": OTHERS,
        "channel_id": "",
        "announcement_ts": "",
        "sequence": 0,
        "time_set_at": NOW,
        "created_at": NOW,
    }


def _case(group_id: int, number: int) -> dict[str, object]:
    return {
        "group_id": group_id,
        "number": number,
        "raised_on": date(2024, 1, 1) + timedelta(days=number % 1000),
        "party": "af",
        "unit": "",
        "gender": "kvinna",
        "age_band": "30-39",
        "failure_text": "",
        "referred_tr": False,
        "status": "open" if number % 4 else "closed",
        "note": "",
        "created_by": OTHERS,
        "created_at": NOW,
        "updated_at": NOW,
    }


def measure(url: str, groups: int, cases: int, runs: int) -> float:
    """The median seconds to build the member's dashboard."""
    services = build_services(Settings(_env_file=None, database_url=url), clock=lambda: NOW)  # type: ignore[call-arg]
    started = time.perf_counter()
    fill(services, groups, cases)
    print(f"  filled {groups} groups and {cases:,} cases in {time.perf_counter() - started:.1f} s".replace(",", " "))
    build = lambda: services.handle(Actor(TEAM, MEMBER), dashboard)  # noqa: E731
    shown = build()
    assert len(shown.parts) > 10, "the member's dashboard should show their three groups"
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        build()
        times.append(time.perf_counter() - began)
    services.db.dispose()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--groups", type=int, default=1000)
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--postgres", default=os.environ.get("TEST_POSTGRES_URL", ""))
    parser.add_argument("--no-sqlite", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if not args.no_sqlite:
            print(f"SQLite: {args.groups} groups, {args.cases:,} cases".replace(",", " "), flush=True)
            _report(measure(f"sqlite:///{tmp}/home_bench.db", args.groups, args.cases, args.runs))
    if args.postgres:
        with postgres_database(args.postgres) as url:
            print("PostgreSQL:", flush=True)
            _report(measure(url, args.groups, args.cases, args.runs))


def _report(seconds: float) -> None:
    print(f"  dashboard of a member of {THEIRS} groups: {seconds * 1000:.1f} ms (median; target 200 ms)")


if __name__ == "__main__":
    main()
