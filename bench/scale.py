"""Benchmark: lokusbot at national scale on PostgreSQL, against the targets of issue 12.

80 workspaces, 1 000 groups, 10 000 members, 1 000 000 lots-ärenden, 4 000 meetings a year (bench/scale_data.py;
made once with COPY and kept, see bench/scale_db.py). Times, as medians and p99 over repeats:

- the scheduler's minute tick, with a minute's reminders, ended meetings, a summary and plan reminders due;
- `/lokus sammanfattning alla` for a förbund of 20 groups, rendered as Block Kit;
- the App Home view for a member of three groups (bench/scale_measures.py `build_home`);
- 50 concurrent case-registration conversations on two `lokusbot serve` replicas sharing the database, signed
  requests against the fake Slack: each chat turn's HTTP ack, and the time until its reply reaches Slack.

    .venv/bin/python bench/scale.py [--scale 0.1] [--url postgresql+psycopg://user@host:port/postgres]

Without --url it starts a throwaway PostgreSQL (its data directory is kept in /var/tmp/lokusbot-scale so the
generated data is reused; the server is stopped when the benchmark ends). With --url it uses that server, and
makes its database there. Targets: tick ≤ 0.5 s; summary ≤ 1 s; Home ≤ 0.2 s; chat turn p99 ≤ 50 ms, no errors.
"""

import argparse
import os
import sys
from contextlib import nullcontext
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scale_chat import ChatFigures, run_conversations, seed_conversations  # noqa: E402
from bench.scale_data import NOW, Size  # noqa: E402
from bench.scale_db import prepare  # noqa: E402
from bench.scale_measures import Figure, measure_in_process  # noqa: E402
from bench.scale_server import cached_server  # noqa: E402
from bot.services import build_services  # noqa: E402
from bot.settings import Settings  # noqa: E402


def arguments() -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1 = national; 0.1 for a quick run")
    parser.add_argument("--url", default="", help="a PostgreSQL server's URL (its database is made there)")
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--fresh", action="store_true", help="make the data again even if it is cached")
    parser.add_argument("--conversations", type=int, default=50)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--think", type=float, default=1.0, help="mean seconds a person takes between turns")
    parser.add_argument("--no-chat", action="store_true", help="only the in-process figures")
    return parser.parse_args()


def main() -> int:
    """Prepare the data, measure, print the figures against their targets; non-zero when one is missed."""
    args = arguments()
    size = Size.at(args.scale)
    print(f"lokusbot at scale {args.scale}: {size.workspaces} workspaces, {size.groups} groups, {size.cases:,} cases")
    print(f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start")
    with nullcontext(args.url) if args.url else cached_server() as admin:
        url = prepare(admin, args.scale, fresh=args.fresh, say=print, seed=seed_conversations)
        settings = Settings(_env_file=None, database_url=url)  # type: ignore[call-arg]
        services = build_services(settings, lambda: NOW, migrate_schema=False)
        figures = measure_in_process(services, args.repeats)
        services.db.dispose()
        chat = None if args.no_chat else run_conversations(url, args.conversations, args.replicas, args.think)
    report(figures, chat)
    print(f"load average {os.getloadavg()[0]:.1f} at the end")
    return 0 if all(f.met for f in figures) and (chat is None or chat.met) else 1


def report(figures: list[Figure], chat: ChatFigures | None) -> None:
    """The table of figures against their targets."""
    print(f"\n{'':38}{'min':>10}{'median':>10}{'p99':>10}{'target':>10}{'SQL':>6}")
    for f in figures:
        mark = "ok" if f.met else "MISSED"
        statements = "–" if f.statements is None else str(f.statements)
        times = f"{min(f.seconds) * 1000:8.1f}ms{f.median * 1000:8.1f}ms{f.p99 * 1000:8.1f}ms{f.target * 1000:8.0f}ms"
        line = f"{f.name:38}{times}{statements:>6}"
        print(f"{line}  {mark}  {f.note}")
    if chat is not None:
        print(chat.summary())


if __name__ == "__main__":
    raise SystemExit(main())
