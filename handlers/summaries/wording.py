"""How one count is written: "35", "35 (59 %)", "färre än 3", "skyddat", "59 % kvinnor (35)"."""

from collections.abc import Sequence
from typing import Any, TypeVar

from handlers.formatting import Percent
from handlers.summaries.figures import Figures, whole_percent
from handlers.summaries.suppression import Key, Shown
from handlers.text import Listing, Text, t

K = TypeVar("K", bound=Key)


def percent_text(part: int, whole: int) -> Any:
    """The share as "59 %"; a share that rounds to 0 or 100 without being it says "under 1 %" / "över 99 %"."""
    value = whole_percent(part, whole)
    if value == 0 and part > 0:
        return t("summary.percent_below_one", percent=Percent(1))
    if value == 100 and part < whole:
        return t("summary.percent_above_99", percent=Percent(99))
    return Percent(value)


def count_text(figures: Figures, key: Key) -> Any:
    """The count as a table shows it: the number, "färre än 3" or "skyddat"."""
    status = figures.status(key)
    if status == Shown.EXACT:
        return figures.value(key)
    if status == Shown.SMALL:
        return t("summary.fewer_than", threshold=figures.threshold)
    return t("summary.protected")


def count_with_share(figures: Figures, key: Key, of: Key) -> Any:
    """The count and its share of another count when both may be shown: "35 (59 %)"."""
    if figures.percent(key, of) is None:
        return count_text(figures, key)
    return t(
        "summary.count_share", count=figures.value(key), percent=percent_text(figures.value(key), figures.value(of))
    )


def share_item(figures: Figures, key: Key, of: Key, label: Text) -> Text | None:
    """One part of a sentence: "59 % kvinnor (35)", "färre än 3 män", "ett skyddat antal män"; None for zero."""
    status = figures.status(key)
    if status == Shown.EXACT:
        if figures.value(key) == 0:
            return None
        if figures.percent(key, of) is None:
            return t("summary.count_item", count=figures.value(key), label=label)
        return t(
            "summary.share_item",
            percent=percent_text(figures.value(key), figures.value(of)),
            label=label,
            count=figures.value(key),
        )
    if status == Shown.SMALL:
        return t("summary.small_item", threshold=figures.threshold, label=label)
    return t("summary.hidden_item", label=label)


def listing(items: Sequence[Any]) -> Any:
    """Items as a list in a sentence: "a, b och c"."""
    return Listing(tuple(items))


def ranked(figures: Figures, keys: Sequence[K]) -> list[K]:
    """Keys by count, largest first; counts that are not shown come last in their own order (no hint of size)."""
    shown = [k for k in keys if figures.exact(k)]
    rest = [k for k in keys if not figures.exact(k)]
    return sorted(shown, key=lambda k: -figures.value(k)) + rest
