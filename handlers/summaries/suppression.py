"""Small numbers that must not be published, and the other numbers that would give them away.

A summary's counts are tied together by sums: the cases split by gender add up to all cases, the cases split
by party and gender add up to each party's count and to each gender's count, and so on. Publishing:

- a count of 1 to threshold-1 is shown as "färre än 3" (SMALL) — primary suppression;
- a count that would let a reader work such a count back out of a total is hidden as well (HIDDEN) —
  complementary suppression; only counts of at least the threshold are hidden this way;
- when no count can be hidden to protect a small one, every part of that split is left out (WITHHELD).

The check plays the reader: each shown count is known exactly, a SMALL one lies in 1..threshold-1, a HIDDEN one
is at least the threshold, a WITHHELD or unpublished one could be anything. Narrowing every count by every sum
until nothing changes gives what can be deduced; every count below the threshold must still be free to be
anything from 1 to threshold-1. Counts that are never shown but follow from others (the cases not referred
on, say) are part of the check too, so their smallness is protected like the rest.
"""

import itertools
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from handlers.summaries.deduction import Key as Key
from handlers.summaries.deduction import Shown as Shown
from handlers.summaries.deduction import Sum, deduce

MAX_TRIES = 24
MAX_PAIRED = 8
HEADLINE_TIER = 2


@dataclass
class Linked:
    """Counts and the sums that tie them: what a reader of the published counts can combine.

    Counts in the same block (by default: keys that are tuples with the same first item) are left out
    together when a split has to go. Expendable blocks (e.g. the chart's party-by-gender detail) are given up
    first, before hiding more of the counts the text is about. When a count must be hidden to protect another,
    lower tiers go first: 0 for detail (a chart's cells, subtotals), 1 for the splits, 2 for headline counts.
    """

    values: dict[Key, int] = field(default_factory=dict)
    sums: list[Sum] = field(default_factory=list)
    unpublished: set[Key] = field(default_factory=set)
    keep: set[Key] = field(default_factory=set)
    blocks: dict[Key, Hashable] = field(default_factory=dict)
    grids: list[dict[tuple[Hashable, Hashable], Key]] = field(default_factory=list)
    expendable: list[Hashable] = field(default_factory=list)
    tiers: dict[Key, int] = field(default_factory=dict)
    later: set[Key] = field(default_factory=set)
    _index: dict[Key, list[int]] = field(default_factory=dict, repr=False)
    _index_size: tuple[int, int] = (-1, -1)

    def add(
        self,
        key: Key,
        value: int,
        *,
        published: bool = True,
        block: Hashable | None = None,
        tier: int = 1,
        later: bool = False,
    ) -> None:
        """A count; an unpublished one is never shown but still protected; a `later` one is protected after the
        others, which it may not change."""
        self.values[key] = value
        self.tiers[key] = tier
        self.blocks[key] = block if block is not None else (key[0] if isinstance(key, tuple) else key)
        if not published:
            self.unpublished.add(key)
        if later:
            self.later.add(key)

    def add_sum(self, total: Key, parts: Iterable[Key]) -> None:
        """A sum that holds between counts already added."""
        self.sums.append(Sum(total, tuple(parts)))

    def add_grid(self, cells: Mapping[tuple[Hashable, Hashable], Key]) -> None:
        """Counts laid out in rows and columns (each row and column has its own sum), e.g. party by gender."""
        self.grids.append(dict(cells))

    def sums_by_key(self) -> dict[Key, list[int]]:
        """For each count, the positions of the sums it is in (worked out again only when counts or sums grew)."""
        size = (len(self.values), len(self.sums))
        if self._index_size != size:
            self._index = {key: [] for key in self.values}
            for index, total_sum in enumerate(self.sums):
                for key in (total_sum.total, *total_sum.parts):
                    self._index[key].append(index)
            self._index_size = size
        return self._index

    def sums_with(self, keys: set[Key]) -> list[Sum]:
        """The sums any of the keys is in."""
        return [s for s in self.sums if s.total in keys or any(p in keys for p in s.parts)]


def protect(linked: Linked, threshold: int) -> dict[Key, Shown]:
    """How each count may be published so that no count below the threshold can be seen or worked out: first
    every count but the `later` ones (left out meanwhile), then those with the others' decisions fixed."""
    shown = {
        key: Shown.WITHHELD if key in linked.later else _first_look(value, threshold, key in linked.unpublished)
        for key, value in linked.values.items()
    }
    _settle(linked, shown, threshold)
    if linked.later:
        shown.update(
            {key: _first_look(linked.values[key], threshold, key in linked.unpublished) for key in linked.later}
        )
        fixed = replace(linked, keep=linked.keep | (set(linked.values) - linked.later))
        _settle(fixed, shown, threshold)
    return shown


def _settle(linked: Linked, shown: dict[Key, Shown], threshold: int) -> None:
    """Hide counts until no count below the threshold is exposed; the `keep` counts are never touched."""
    for _ in range(len(shown) + 2):
        exposed = exposed_count(linked, shown, threshold)
        if exposed is None:
            break
        if not _cover(linked, shown, exposed, threshold):
            shown.update({key: Shown.WITHHELD for key in _connected(linked, exposed) if key not in linked.keep})


def _first_look(value: int, threshold: int, unpublished: bool) -> Shown:
    if unpublished:
        return Shown.WITHHELD
    return Shown.SMALL if 0 < value < threshold else Shown.EXACT


def exposed_count(linked: Linked, shown: Mapping[Key, Shown], threshold: int) -> Key | None:
    """The first count below the threshold that a reader could pin down more closely than 1..threshold-1."""
    bounds = deduce(linked, shown, threshold)
    for key, value in linked.values.items():
        low, high = bounds[key]
        if 0 < value < threshold and (low > 1 or high < threshold - 1):
            return key
    return None


def _cover(linked: Linked, shown: dict[Key, Shown], exposed: Key, threshold: int) -> bool:
    """Protect the exposed count, giving up as little as possible; False when nothing is left to give up.

    In turn: hide one more count; hide a rectangle in a table; leave out an expendable block (and hide one
    more count if still needed); leave out the exposed count's own block; leave out the parts of its sums.
    """
    if _hide_one(linked, shown, exposed, threshold) or _cover_rectangle(linked, shown, exposed, threshold):
        return True
    for block in linked.expendable:
        keys = [
            k
            for k in linked.values
            if linked.blocks[k] == block and shown[k] != Shown.WITHHELD and k not in linked.keep
        ]
        if not keys or block == linked.blocks[exposed]:
            continue
        before = {k: shown[k] for k in keys}
        shown.update(dict.fromkeys(keys, Shown.WITHHELD))
        if _safe(linked, shown, threshold, exposed) or _hide_one(linked, shown, exposed, threshold):
            return True
        shown.update(before)
    own_block = [k for k in linked.values if linked.blocks[k] == linked.blocks[exposed]]
    nearby = [p for s in linked.sums_with({exposed}) for p in s.parts]
    for near in (own_block, nearby):
        left = [k for k in near if shown[k] != Shown.WITHHELD and k not in linked.keep]
        if left:
            shown.update(dict.fromkeys(left, Shown.WITHHELD))
            return True
    return False


def _hide_one(linked: Linked, shown: dict[Key, Shown], exposed: Key, threshold: int) -> bool:
    """Hide counts near the exposed one that protect it: one below the headline tier, else two such, else one
    headline count."""
    candidates = _candidates(linked, shown, exposed)[:MAX_TRIES]
    lesser = [k for k in candidates if linked.tiers[k] < HEADLINE_TIER]
    tries = [
        *((k,) for k in lesser),
        *itertools.combinations(lesser[:MAX_PAIRED], 2),
        *((k,) for k in candidates if linked.tiers[k] >= HEADLINE_TIER),
    ]
    for keys in tries:
        shown.update(dict.fromkeys(keys, Shown.HIDDEN))
        if _safe(linked, shown, threshold, exposed):
            return True
        shown.update(dict.fromkeys(keys, Shown.EXACT))
    return False


def _connected(linked: Linked, start: Key) -> set[Key]:
    """Every count tied to the start count through sums, however far."""
    reached, frontier = {start}, {start}
    while frontier:
        touched = {k for s in linked.sums_with(frontier) for k in (s.total, *s.parts)}
        frontier = touched - reached
        reached |= frontier
    return reached


def _cover_rectangle(linked: Linked, shown: dict[Key, Shown], exposed: Key, threshold: int) -> bool:
    """In a grid, hide the other three corners of a rectangle through the exposed count (the cheapest that works)."""
    for corners in _rectangles(linked, shown, exposed):
        before = {k: shown[k] for k in corners}
        shown.update({k: Shown.HIDDEN for k in corners if shown[k] == Shown.EXACT})
        if _safe(linked, shown, threshold, exposed):
            return True
        shown.update(before)
    return False


def _rectangles(linked: Linked, shown: Mapping[Key, Shown], exposed: Key) -> list[tuple[Key, ...]]:
    """Other corners of rectangles through the exposed count whose counts are not zero, least hidden first."""
    found = []
    for grid in linked.grids:
        spot = next((cell for cell, key in grid.items() if key == exposed), None)
        if spot is None:
            continue
        rows, columns = list(dict.fromkeys(r for r, _ in grid)), list(dict.fromkeys(c for _, c in grid))
        for row in (r for r in rows if r != spot[0]):
            for column in (c for c in columns if c != spot[1]):
                corners = (grid[(spot[0], column)], grid[(row, spot[1])], grid[(row, column)])
                if all(linked.values[k] > 0 and shown[k] != Shown.WITHHELD and k not in linked.keep for k in corners):
                    found.append(corners)
    return sorted(found, key=lambda ks: sum(linked.values[k] for k in ks if shown[k] == Shown.EXACT))


def _candidates(linked: Linked, shown: Mapping[Key, Shown], exposed: Key) -> list[Key]:
    """Shown counts that could be hidden to protect the exposed one: those in its sums, then one sum further.

    Lower tiers come first, then the nearer round, parts before totals and smaller counts before larger ones
    (ties in the order added).
    """
    order: dict[Key, tuple[int, int, bool, int]] = {}
    reached = {exposed}
    for level in range(2):
        sums = linked.sums_with(reached)
        parts = {p for s in sums for p in s.parts}
        reached |= parts | {s.total for s in sums}
        for k in linked.values:
            if (
                k in reached
                and k not in order
                and k not in linked.keep
                and shown[k] == Shown.EXACT
                and linked.values[k] > 0
            ):
                order[k] = (linked.tiers[k], level, k not in parts, linked.values[k])
    return sorted(order, key=lambda k: order[k])


def _safe(linked: Linked, shown: Mapping[Key, Shown], threshold: int, key: Key) -> bool:
    low, high = deduce(linked, shown, threshold)[key]
    return low <= 1 and high >= threshold - 1
