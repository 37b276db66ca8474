"""Small-number protection: primary and complementary suppression, checked against a reader who tries everything."""

import itertools
import random
from collections.abc import Mapping, Sequence
from typing import Any

import pytest

from handlers.summaries.suppression import Linked, Shown, protect

EXACT, SMALL, HIDDEN, WITHHELD = Shown.EXACT, Shown.SMALL, Shown.HIDDEN, Shown.WITHHELD


def one_way(parts: Sequence[int], *, keep_total: bool = True) -> Linked:
    """A total split one way: cells "a", "b", ... adding up to "total"."""
    linked = Linked(keep={"total"} if keep_total else set())
    names = [chr(ord("a") + i) for i in range(len(parts))]
    linked.add("total", sum(parts))
    for name, value in zip(names, parts, strict=True):
        linked.add(name, value)
    linked.add_sum("total", names)
    return linked


def grid(cells: Sequence[Sequence[int]]) -> Linked:
    """A table of rows and columns with its row totals, column totals and a grand total that is kept."""
    linked = Linked(keep={"all"})
    rows, columns = range(len(cells)), range(len(cells[0]))
    linked.add("all", sum(map(sum, cells)))
    for r in rows:
        linked.add(("row", r), sum(cells[r]))
    for c in columns:
        linked.add(("column", c), sum(cells[r][c] for r in rows))
    for r, c in itertools.product(rows, columns):
        linked.add(("cell", r, c), cells[r][c])
    for r in rows:
        linked.add_sum(("row", r), [("cell", r, c) for c in columns])
    for c in columns:
        linked.add_sum(("column", c), [("cell", r, c) for r in rows])
    linked.add_sum("all", [("row", r) for r in rows])
    linked.add_sum("all", [("column", c) for c in columns])
    linked.add_grid({(r, c): ("cell", r, c) for r in rows for c in columns})
    return linked


def cells(linked: Linked) -> list[Any]:
    """The inner cells of a grid."""
    return [k for k in linked.values if isinstance(k, tuple) and k[0] == "cell"]


def what_a_reader_can_find(
    linked: Linked, shown: Mapping[object, Shown], base: Sequence[object], threshold: int
) -> dict[object, set[int]]:
    """Every value each count can take, by trying the base counts within what is published about each.

    A plain depth-first search, independent of the module's interval reasoning: the base counts take every
    value their published form allows, the other counts follow from the sums, and a guess survives only if
    every count then fits what is published about it.
    """
    top = max(linked.values.values())
    ranges = {key: _published_range(linked.values[key], shown[key], threshold, top) for key in linked.values}
    possible: dict[object, set[int]] = {key: set() for key in linked.values}

    def search(index: int, values: dict[object, int]) -> None:
        known = _follow_sums(linked, values)
        if any(not ranges[k][0] <= v <= ranges[k][1] for k, v in known.items()) or _overflows(linked, known, ranges):
            return
        if index == len(base):
            for key, value in known.items():
                possible[key].add(value)
            return
        low, high = ranges[base[index]]
        for value in range(low, high + 1):
            search(index + 1, {**values, base[index]: value})

    search(0, {})
    return possible


def _published_range(true: int, shown: Shown, threshold: int, top: int) -> tuple[int, int]:
    return {EXACT: (true, true), SMALL: (1, threshold - 1), HIDDEN: (threshold, top), WITHHELD: (0, top)}[shown]


def _follow_sums(linked: Linked, values: dict[object, int]) -> dict[object, int]:
    known = dict(values)
    changed = True
    while changed:
        changed = False
        for total_sum in linked.sums:
            if total_sum.total not in known and all(p in known for p in total_sum.parts):
                known[total_sum.total] = sum(known[p] for p in total_sum.parts)
                changed = True
    return known


def _overflows(linked: Linked, known: Mapping[object, int], ranges: Mapping[object, tuple[int, int]]) -> bool:
    """Whether some sum can no longer hold: its known parts exceed its total, or a finished sum is off."""
    for total_sum in linked.sums:
        partial = sum(known.get(p, 0) for p in total_sum.parts)
        if partial > ranges[total_sum.total][1]:
            return True
        if all(p in known for p in total_sum.parts) and known.get(total_sum.total, partial) != partial:
            return True
    return False


def assert_protected(linked: Linked, shown: Mapping[object, Shown], base: Sequence[object], threshold: int) -> None:
    """No count below the threshold is shown, and the reader cannot narrow any of them below 1..threshold-1."""
    possible = what_a_reader_can_find(linked, shown, base, threshold)
    for key, value in linked.values.items():
        if 0 < value < threshold:
            assert shown[key] != EXACT, key
            assert set(range(1, threshold)) <= possible[key], (key, value, possible[key], shown)


def test_counts_at_or_above_the_threshold_and_zeros_are_shown_as_they_are() -> None:
    shown = protect(one_way([7, 3, 0]), 3)
    assert shown == {"total": EXACT, "a": EXACT, "b": EXACT, "c": EXACT}


def test_a_single_small_count_takes_the_smallest_other_count_with_it() -> None:
    linked = one_way([20, 1, 5, 9])
    shown = protect(linked, 3)
    assert shown == {"total": EXACT, "a": EXACT, "b": SMALL, "c": HIDDEN, "d": EXACT}
    assert_protected(linked, shown, ["a", "b", "c", "d"], 3)


def test_two_small_counts_whose_sum_leaves_room_protect_each_other() -> None:
    linked = one_way([7, 2, 1])
    shown = protect(linked, 3)
    assert shown == {"total": EXACT, "a": EXACT, "b": SMALL, "c": SMALL}
    assert_protected(linked, shown, ["a", "b", "c"], 3)


def test_two_ones_would_give_each_other_away_so_another_count_is_hidden() -> None:
    linked = one_way([8, 1, 1])
    shown = protect(linked, 3)
    assert shown == {"total": EXACT, "a": HIDDEN, "b": SMALL, "c": SMALL}
    assert_protected(linked, shown, ["a", "b", "c"], 3)


def test_a_split_that_cannot_be_protected_is_left_out_and_the_total_kept() -> None:
    linked = one_way([2, 2])
    shown = protect(linked, 3)
    assert shown == {"total": EXACT, "a": WITHHELD, "b": WITHHELD}
    assert_protected(linked, shown, ["a", "b"], 3)


def test_a_higher_threshold_protects_the_whole_range() -> None:
    linked = one_way([10, 3, 1])
    shown = protect(linked, 5)
    assert shown["b"] == shown["c"] == SMALL and shown["a"] == HIDDEN
    assert_protected(linked, shown, ["a", "b", "c"], 5)


def test_an_unpublished_small_remainder_is_protected_too() -> None:
    linked = Linked(keep={"raised"})
    linked.add("raised", 68)
    linked.add("open", 67)
    linked.add("not_open", 1, published=False)
    linked.add_sum("raised", ["open", "not_open"])
    shown = protect(linked, 3)
    assert shown == {"raised": EXACT, "open": HIDDEN, "not_open": WITHHELD}


def test_in_a_table_a_rectangle_of_cells_is_hidden_and_the_margins_stay() -> None:
    linked = grid([[10, 1, 6], [8, 7, 9], [5, 6, 4]])
    shown = protect(linked, 3)
    hidden: set[Any] = {k for k, s in shown.items() if s != EXACT}
    assert ("cell", 0, 1) in hidden and shown[("cell", 0, 1)] == SMALL
    assert len(hidden) == 4 and all(k[0] == "cell" for k in hidden)
    rows = {k[1] for k in hidden}
    columns = {k[2] for k in hidden}
    assert len(rows) == 2 and len(columns) == 2
    assert_protected(linked, shown, cells(linked), 3)


def test_a_table_without_a_rectangle_is_left_out_as_a_block() -> None:
    linked = grid([[13, 1], [22, 0], [0, 11]])
    shown = protect(linked, 3)
    assert all(shown[("cell", r, c)] == WITHHELD for r in range(3) for c in range(2))
    assert all(shown[k] == EXACT for k in linked.values if k not in cells(linked))
    assert_protected(linked, shown, cells(linked), 3)


@pytest.mark.parametrize("seed", range(60))
def test_random_splits_are_always_protected(seed: int) -> None:
    rng = random.Random(seed)
    parts = [rng.choice([0, 1, 1, 2, 2, 3, 4, 6, 9]) for _ in range(rng.randint(2, 4))]
    threshold = rng.choice([3, 3, 4])
    linked = one_way(parts, keep_total=rng.random() < 0.7)
    shown = protect(linked, threshold)
    assert_protected(linked, shown, [k for k in linked.values if k != "total"], threshold)


@pytest.mark.parametrize("seed", range(40))
def test_random_two_by_two_tables_are_always_protected(seed: int) -> None:
    rng = random.Random(1000 + seed)
    linked = grid([[rng.choice([0, 1, 2, 3, 4, 5]) for _ in range(2)] for _ in range(2)])
    shown = protect(linked, 3)
    assert_protected(linked, shown, cells(linked), 3)


@pytest.mark.parametrize("seed", range(30))
def test_random_two_by_three_tables_are_always_protected(seed: int) -> None:
    rng = random.Random(2000 + seed)
    linked = grid([[rng.choice([0, 1, 2, 3, 4, 6, 9]) for _ in range(3)] for _ in range(2)])
    shown = protect(linked, 3)
    assert_protected(linked, shown, cells(linked), 3)
