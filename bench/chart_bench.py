"""Benchmark: drawing the summary's chart (PNG), the one slow step of a summary, done when the file is uploaded.

Times, in a fresh process: importing the drawing module (matplotlib; a worker may do it at start), the first
chart, and the median of the next runs, for a year of a busy group (four parties, every gender, protected
segments, twelve months) and for two years month by month (24 months, protection marks beside each other).

    .venv/bin/python bench/chart_bench.py [--runs 9]

Target (issue 15): a chart under 0.5 s on the 2-core development machine.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.catalogue import Catalogue  # noqa: E402
from handlers.summaries.chart import ChartData, MonthBar, PartyBar  # noqa: E402
from handlers.summaries.suppression import Shown  # noqa: E402
from handlers.text import t  # noqa: E402

TARGET_SECONDS = 0.5
WORDS = Catalogue.for_slack("sv").for_files().render
PARTIES = (
    PartyBar("af", (("kvinna", 10), ("man", 7)), 3),
    PartyBar("fk", (("kvinna", 7), ("man", 5)), 0),
    PartyBar("region", (("kvinna", 8),), 6),
    PartyBar("kommun", (("kvinna", 10), ("man", 8), ("ej_dokumenterat", 4)), 0),
)


def months(count: int) -> tuple[MonthBar, ...]:
    """Months from January 2025, every fifth one small and every seventh hidden."""
    shown = [Shown.SMALL if n % 5 == 4 else Shown.HIDDEN if n % 7 == 6 else Shown.EXACT for n in range(count)]
    return tuple(MonthBar(2025 + n // 12, 1 + n % 12, 4 + n % 6, s) for n, s in enumerate(shown))


def chart(month_count: int) -> ChartData:
    heading = t("summary.title", group="Uppsala")
    return ChartData(PARTIES, ("fk",), months(month_count), 3, heading, t("summary.period.this_year", year="2026"))


def timed(run: object) -> float:
    start = time.perf_counter()
    run()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    """Print the import time, the first drawing and the median drawing of each chart, against the target."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    imported = timed(lambda: __import__("handlers.summaries.chart_drawing"))
    from handlers.summaries.chart_drawing import png

    print(f"import handlers.summaries.chart_drawing (matplotlib): {imported * 1000:6.0f} ms")
    worst = 0.0
    for name, data in (("one year, 12 months", chart(12)), ("two years, 24 months", chart(24))):
        first = timed(lambda d=data: png(d, WORDS))
        rest = [timed(lambda d=data: png(d, WORDS)) for _ in range(args.runs)]
        median = statistics.median(rest)
        worst = max(worst, median)
        print(
            f"{name:22} first {first * 1000:4.0f} ms   median of {args.runs} {median * 1000:4.0f} ms"
            f"   fastest {min(rest) * 1000:4.0f} ms"
        )
    verdict = "within" if worst < TARGET_SECONDS else "OVER"
    print(f"slowest median {worst * 1000:.0f} ms: {verdict} the target of {TARGET_SECONDS * 1000:.0f} ms")
    print(f"(load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: other work slows every run)")


if __name__ == "__main__":
    main()
