"""What a reader can work out from published counts and the sums between them: each count's lowest and highest
possible value (handlers.summaries.suppression decides what to publish so that this stays wide enough)."""

import math
from collections import deque
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from handlers.summaries.suppression import Linked

Key = Hashable
Bounds = tuple[float, float]
UNBOUNDED = math.inf
MAX_PASSES = 200


class Shown(StrEnum):
    """How a count is published."""

    EXACT = "exact"
    SMALL = "small"
    HIDDEN = "hidden"
    WITHHELD = "withheld"


@dataclass(frozen=True)
class Sum:
    """A total and the counts that add up to it."""

    total: Key
    parts: tuple[Key, ...]


def deduce(linked: "Linked", shown: Mapping[Key, Shown], threshold: int) -> dict[Key, Bounds]:
    """What a reader can deduce about each count: its lowest and highest possible value.

    Every sum is applied once, and again whenever one of its counts was narrowed, until nothing moves.
    """
    bounds = {key: _prior(linked.values[key], shown[key], threshold) for key in linked.values}
    sums_of = linked.sums_by_key()
    waiting = deque(range(len(linked.sums)))
    queued = set(waiting)
    for _ in range(MAX_PASSES * len(linked.sums)):
        if not waiting:
            break
        index = waiting.popleft()
        queued.discard(index)
        for key in _narrow(bounds, linked.sums[index]):
            fresh = [i for i in sums_of[key] if i not in queued]
            waiting.extend(fresh)
            queued.update(fresh)
    return bounds


def _prior(value: int, shown: Shown, threshold: int) -> Bounds:
    if shown == Shown.EXACT:
        return (value, value)
    if shown == Shown.SMALL:
        return (1, threshold - 1)
    if shown == Shown.HIDDEN:
        return (threshold, UNBOUNDED)
    return (0, UNBOUNDED)


def _narrow(bounds: dict[Key, Bounds], total_sum: Sum) -> list[Key]:
    """Tighten the total by its parts and each part by the total and the other parts; the counts that moved."""
    parts = [bounds[p] for p in total_sum.parts]
    low_sum = sum(low for low, _ in parts)
    finite_high = sum(high for _, high in parts if high != UNBOUNDED)
    unbounded = sum(1 for _, high in parts if high == UNBOUNDED)
    moved = _tighten(bounds, total_sum.total, low_sum, UNBOUNDED if unbounded else finite_high)
    total_low, total_high = bounds[total_sum.total]
    for part, (low, high) in zip(total_sum.parts, parts, strict=True):
        others_unbounded = unbounded - (high == UNBOUNDED)
        others_high = UNBOUNDED if others_unbounded else finite_high - (0 if high == UNBOUNDED else high)
        moved += _tighten(bounds, part, total_low - others_high, total_high - (low_sum - low))
    return moved


def _tighten(bounds: dict[Key, Bounds], key: Key, low: float, high: float) -> list[Key]:
    old_low, old_high = bounds[key]
    if low <= old_low and high >= old_high:
        return []
    new = (max(old_low, low), min(old_high, high))
    if new[0] > new[1]:
        raise ValueError(f"the counts do not add up around {key!r}")
    bounds[key] = new
    return [key]
