"""The numbers of a summary, tied together by their sums, and how each may be shown.

Keys are tuples: ("raised",), ("gender", "kvinna"), ("party_gender", "af", "man"), ("month", 2026, 3)...
"""

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from handlers.cases.vocabulary import (
    AGE_BANDS,
    GENDERS,
    OUTCOMES,
    WORK_OR_STUDIES,
    YOUNG_BANDS,
    codes,
)
from handlers.parties import Party
from handlers.summaries.suppression import Key, Linked, Shown, protect
from storage.case_stats import CaseStats, GroupTotals

GENDER_CODES = codes(GENDERS)
UNDOCUMENTED = "ej_dokumenterat"
DOCUMENTED = tuple(g for g in GENDER_CODES if g != UNDOCUMENTED)
YOUNG = "16-29"
UNKNOWN_AGE = "okant"
AGE_GROUPS = (YOUNG, *(b for b in codes(AGE_BANDS) if b not in YOUNG_BANDS))
PARTIES = tuple(p.value for p in Party)
RAISED = ("raised",)
DETAIL, HEADLINE = 0, 2  # which counts are hidden first when one must go to protect another (splits are 1)


@dataclass(frozen=True)
class Figures:
    """Every count of a summary with how it may be shown; exact when nothing needs protecting."""

    values: Mapping[Key, int]
    shown: Mapping[Key, Shown]
    threshold: int

    def value(self, key: Key) -> int:
        """The true count (only to be shown when `exact`)."""
        return self.values.get(key, 0)

    def status(self, key: Key) -> Shown:
        """How the count may be shown."""
        return self.shown.get(key, Shown.EXACT)

    def exact(self, key: Key) -> bool:
        """Whether the count may be shown as it is."""
        return self.status(key) == Shown.EXACT

    def percent(self, key: Key, of: Key) -> int | None:
        """The count as a whole percentage of another, when both may be shown and the other is not zero."""
        if not (self.exact(key) and self.exact(of)) or self.value(of) == 0:
            return None
        return whole_percent(self.value(key), self.value(of))

    def withheld(self, keys: Iterable[Key]) -> bool:
        """Whether a split has been left out (some of its counts are withheld)."""
        return any(self.status(k) == Shown.WITHHELD for k in keys)

    def keys(self, kind: str) -> list[tuple[Any, ...]]:
        """The keys of one kind, in the order they were added."""
        return [k for k in self.values if isinstance(k, tuple) and k[0] == kind]


def whole_percent(part: int, whole: int) -> int:
    """part/whole as a whole percentage, halves rounded up (35 of 59 → 59, 24 of 59 → 41)."""
    return (200 * part + whole) // (2 * whole)


def figure_out(linked: Linked, threshold: int | None) -> Figures:
    """The figures, protected for publishing with the threshold, or exact when it is None."""
    if threshold is None:
        return Figures(dict(linked.values), {}, 0)
    return Figures(dict(linked.values), protect(linked, threshold), threshold)


def summary_counts(
    stats: CaseStats,
    *,
    previous: int,
    months: Sequence[tuple[int, int]],
    groups: Mapping[int, GroupTotals] | None = None,
) -> Linked:
    """Every count a summary shows (and those that follow from them), with the sums between them."""
    linked = Linked(keep={RAISED})
    linked.add(RAISED, stats.raised)
    _split(linked, RAISED, "open", stats.still_open)
    gender = _normalised(stats.by_gender, GENDER_CODES, UNDOCUMENTED)
    _partition(linked, RAISED, "gender", gender, GENDER_CODES)
    _subtotal(linked, ("documented",), [("gender", g) for g in DOCUMENTED], tier=HEADLINE)
    _parties(linked, stats)
    _ages(linked, stats.by_age_band)
    _partition(linked, RAISED, "month", Counter(stats.by_month), months, tier=DETAIL)
    _referred(linked, stats, gender)
    for kind, counts in (("target", stats.by_target_group), ("failure", stats.by_failure)):
        for code, n in sorted(counts.items()):
            linked.add((kind, code), n)
    _outcomes(linked, stats.closed_by_outcome)
    linked.add(("previous",), previous)
    if groups is not None:
        _groups(linked, groups)
    return linked


def _normalised(counts: Mapping[str, int], known: Sequence[str], fallback: str) -> Counter[str]:
    """Counts with every known code present and anything else added to the fallback code."""
    out: Counter[str] = Counter(dict.fromkeys(known, 0))
    for code, n in counts.items():
        out[code if code in out else fallback] += n
    return out


def _partition(
    linked: Linked,
    total: Key,
    kind: str,
    counts: Mapping[Any, int],
    order: Iterable[Any],
    block: Key | None = None,
    tier: int = 1,
    later: bool = False,
) -> None:
    """Counts of one kind that add up to the total (each code in the order given)."""
    parts = []
    for code in order:
        key = (kind, *code) if isinstance(code, tuple) else (kind, code)
        linked.add(key, counts.get(code, 0), block=block, tier=tier, later=later)
        parts.append(key)
    linked.add_sum(total, parts)


def _subtotal(linked: Linked, key: Key, parts: Sequence[Key], tier: int = 1) -> None:
    linked.add(key, sum(linked.values[p] for p in parts), tier=tier)
    linked.add_sum(key, parts)


def _split(linked: Linked, total: Key, kind: str, count: int) -> None:
    """A headline count of some of the total; the rest is unpublished but follows from the two."""
    linked.add((kind,), count, tier=HEADLINE)
    linked.add((f"not_{kind}",), linked.values[total] - count, published=False)
    linked.add_sum(total, [(kind,), (f"not_{kind}",)])


def _parties(linked: Linked, stats: CaseStats) -> None:
    """Cases per party, per party and gender (the chart), and per party and unit when asked for (protected after
    the rest, so asking for units changes nothing else)."""
    parties = [*PARTIES, *sorted(p for p in stats.by_party if p not in PARTIES)]
    _partition(linked, RAISED, "party", stats.by_party, parties)
    pairs: Counter[tuple[str, str]] = Counter()
    for (party, gender), n in stats.by_party_gender.items():
        pairs[(party, gender if gender in GENDER_CODES else UNDOCUMENTED)] += n
    for party in parties:
        _partition(linked, ("party", party), "party_gender", pairs, [(party, g) for g in GENDER_CODES], tier=DETAIL)
        units = sorted((pu for pu in stats.by_party_unit if pu[0] == party), key=lambda pu: pu[1])
        if units:
            unit_block = ("unit", party)
            _partition(linked, ("party", party), "unit", stats.by_party_unit, units, block=unit_block, later=True)
    for gender in GENDER_CODES:
        linked.add_sum(("gender", gender), [("party_gender", p, gender) for p in parties])
    linked.add_grid({(p, g): ("party_gender", p, g) for p in parties for g in GENDER_CODES})
    linked.expendable.append("party_gender")


def _ages(linked: Linked, by_band: Mapping[str, int]) -> None:
    bands = _normalised(by_band, codes(AGE_BANDS), UNKNOWN_AGE)
    grouped = Counter({YOUNG: sum(bands[b] for b in YOUNG_BANDS)})
    grouped.update({b: bands[b] for b in AGE_GROUPS if b != YOUNG})
    _partition(linked, RAISED, "age", grouped, AGE_GROUPS)
    _subtotal(linked, ("known_age",), [("age", b) for b in AGE_GROUPS if b != UNKNOWN_AGE])


def _referred(linked: Linked, stats: CaseStats, gender: Mapping[str, int]) -> None:
    """Referred to TR by gender, and the rest by gender: a two-by-four table under the gender counts."""
    _split(linked, RAISED, "referred", stats.referred)
    referred = _normalised(stats.referred_by_gender, GENDER_CODES, UNDOCUMENTED)
    _partition(linked, ("referred",), "referred_gender", referred, GENDER_CODES)
    rest = {g: gender[g] - referred[g] for g in GENDER_CODES}
    for g in GENDER_CODES:
        linked.add(("not_referred_gender", g), rest[g], published=False)
        linked.add_sum(("gender", g), [("referred_gender", g), ("not_referred_gender", g)])
    linked.add_sum(("not_referred",), [("not_referred_gender", g) for g in GENDER_CODES])
    linked.add_grid({(row, g): (f"{row}_gender", g) for row in ("referred", "not_referred") for g in GENDER_CODES})
    _subtotal(linked, ("referred_documented",), [("referred_gender", g) for g in DOCUMENTED], tier=DETAIL)


def _outcomes(linked: Linked, by_outcome: Mapping[str, int]) -> None:
    outcomes = _normalised(by_outcome, codes(OUTCOMES), "okant")
    linked.add(("closed",), sum(outcomes.values()), tier=HEADLINE)
    _partition(linked, ("closed",), "outcome", outcomes, codes(OUTCOMES))
    _subtotal(linked, ("work_or_studies",), [("outcome", o) for o in WORK_OR_STUDIES])


def _groups(linked: Linked, groups: Mapping[int, GroupTotals]) -> None:
    """One line per group: raised, open and referred, each adding up to the roll-up's counts."""
    for gid, totals in groups.items():
        linked.add(("group", gid), totals.raised)
        for kind, count in (("open", totals.still_open), ("referred", totals.referred)):
            linked.add((f"group_{kind}", gid), count)
            linked.add((f"group_not_{kind}", gid), totals.raised - count, published=False)
            linked.add_sum(("group", gid), [(f"group_{kind}", gid), (f"group_not_{kind}", gid)])
    linked.add_sum(RAISED, [("group", gid) for gid in groups])
    for kind in ("open", "referred", "not_open", "not_referred"):
        linked.add_sum((kind,), [(f"group_{kind}", gid) for gid in groups])
