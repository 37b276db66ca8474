"""Statistics of lots-ärenden, counted in the database with grouped queries; no case is loaded one by one.

Every function takes the groups to count (one group, or every group of a workspace for the förbund) and a
period of days, both ends included. Cases count in the period they were raised in (`raised_on`); closed cases
count in the period they were closed in (`closed_on`).

Speed: the two indexes of `cases` below are declared here, beside the queries they serve (migration 0005
creates them); the code tables carry their case's group and day and an index of their own (0006). Each index
holds every column its query reads, in the order the query groups by, so SQLite walks it once and counts as it
goes, with no table lookups and no sort; PostgreSQL hashes the groups, in parallel when it pays. Cases per
month are counted per day (in index order) and added up to months here. `bench/summary_bench.py` measures it.
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Index, SQLColumnExpression, and_, case, func, or_, select, text
from sqlalchemy.orm import Session

from storage.case_models import Case, CaseFailure, CaseTargetGroup

CLOSED = "closed"
UNKNOWN_OUTCOME = "okant"

PROFILE_COLUMNS = (Case.party, Case.gender, Case.age_band, Case.referred_tr, Case.status)
STATS_INDEX = Index("ix_cases_stats", Case.group_id, *PROFILE_COLUMNS, Case.raised_on)
CLOSED_INDEX = Index("ix_cases_closed", Case.group_id, Case.status, Case.outcome, Case.closed_on, Case.raised_on)

Pair = tuple[str, str]


@dataclass
class CaseStats:
    """Counts of the cases raised in a period (and of those closed in it), each split one way."""

    raised: int = 0
    still_open: int = 0
    by_gender: Counter[str] = field(default_factory=Counter)
    by_party: Counter[str] = field(default_factory=Counter)
    by_party_gender: Counter[Pair] = field(default_factory=Counter)
    by_party_unit: Counter[Pair] = field(default_factory=Counter)
    by_age_band: Counter[str] = field(default_factory=Counter)
    referred_by_gender: Counter[str] = field(default_factory=Counter)
    by_target_group: Counter[str] = field(default_factory=Counter)
    by_failure: Counter[str] = field(default_factory=Counter)
    closed_by_outcome: Counter[str] = field(default_factory=Counter)
    by_month: Counter[tuple[int, int]] = field(default_factory=Counter)

    @property
    def referred(self) -> int:
        """How many were referred on to the extra resource (TR)."""
        return sum(self.referred_by_gender.values())

    @property
    def closed(self) -> int:
        """How many were closed in the period."""
        return sum(self.closed_by_outcome.values())


@dataclass(frozen=True)
class GroupTotals:
    """One group's headline counts for a period: raised, still open, referred to TR."""

    raised: int
    still_open: int
    referred: int


def _of_groups(group_ids: Sequence[int], column: SQLColumnExpression[int] = Case.group_id) -> ColumnElement[bool]:
    return column == group_ids[0] if len(group_ids) == 1 else column.in_(group_ids)


def _raised_in(group_ids: Sequence[int], start: date, end: date) -> ColumnElement[bool]:
    return and_(_of_groups(group_ids), _between(Case.raised_on, start, end))


def _day(session: Session, column: SQLColumnExpression[Any]) -> SQLColumnExpression[Any]:
    """A day column as the grouped counts compare it with the period, while they walk an index in group order.

    On SQLite the day is wrapped in coalesce with itself (a no-op), for two reasons.
    It keeps SQLite from picking the (group, raised_on) index for the period, which it would then have to
    sort to group the counts. And it drops the column's numeric affinity: compared directly, SQLite first
    tries every stored 'YYYY-MM-DD' as a number (measured on 178 000 codes: 82 ms against 62 ms wrapped).
    PostgreSQL gets the plain column; a wrapped one would only spoil its estimates.
    """
    if session.get_bind().dialect.name != "sqlite":
        return column
    return func.coalesce(column, column)


def _between(day: SQLColumnExpression[Any], start: date, end: date) -> ColumnElement[bool]:
    return and_(day >= start, day <= end)


def _plan_for_these_groups(session: Session) -> None:
    """On PostgreSQL, plan each count for the groups and period at hand.

    Groups differ a thousandfold in size. Once a statement has been prepared (psycopg does so after five
    runs), PostgreSQL may settle on one generic plan for every group, and a plan fit for a small group walks a
    large one case by case (measured: 1.5 s instead of 0.37 s at 100 000 cases). SET LOCAL ends with the
    unit of work.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))


def case_stats(
    session: Session, *, group_ids: Sequence[int], start: date, end: date, with_units: bool = False
) -> CaseStats:
    """Every count the summary of the groups for the period needs (units only when asked for)."""
    stats = CaseStats()
    if not group_ids:
        return stats
    _plan_for_these_groups(session)
    where = _raised_in(group_ids, start, end)
    _add_profile(session, and_(_of_groups(group_ids), _between(_day(session, Case.raised_on), start, end)), stats)
    _add_codes(session, group_ids, start, end, CaseTargetGroup, stats.by_target_group)
    _add_codes(session, group_ids, start, end, CaseFailure, stats.by_failure)
    _add_outcomes(session, group_ids, start, end, stats.closed_by_outcome)
    _add_months(session, where, stats.by_month)
    if with_units:
        stmt = select(Case.party, Case.unit, func.count()).where(where).group_by(Case.party, Case.unit)
        stats.by_party_unit.update({(party, unit): n for party, unit, n in session.execute(stmt)})
    return stats


def _add_profile(session: Session, where: ColumnElement[bool], stats: CaseStats) -> None:
    """One walk grouped by party, gender, age band, referral and status; the margins are summed from it."""
    stmt = select(*PROFILE_COLUMNS, func.count()).where(where).group_by(*PROFILE_COLUMNS)
    raised = open_count = 0
    for row in session.execute(stmt):
        party, gender, age_band, referred, status, n = row
        raised += n
        open_count += 0 if status == CLOSED else n
        stats.by_gender[gender] += n
        stats.by_party[party] += n
        stats.by_party_gender[(party, gender)] += n
        stats.by_age_band[age_band] += n
        if referred:
            stats.referred_by_gender[gender] += n
    stats.raised, stats.still_open = raised, open_count


def _add_codes(
    session: Session,
    group_ids: Sequence[int],
    start: date,
    end: date,
    table: type[CaseTargetGroup] | type[CaseFailure],
    into: Counter[str],
) -> None:
    """Cases per code of a many-valued answer (a case with two codes counts once under each).

    Read from the code table alone: each code carries its case's group and day (see storage.case_models).
    """
    stmt = (
        select(table.code, func.count())
        .where(_of_groups(group_ids, table.group_id), _between(_day(session, table.raised_on), start, end))
        .group_by(table.code)
    )
    into.update({code: n for code, n in session.execute(stmt)})


def _add_outcomes(session: Session, group_ids: Sequence[int], start: date, end: date, into: Counter[str]) -> None:
    """Cases closed in the period, by outcome (a closed case without one counts as unknown).

    A case closed without a date (e.g. imported from a log that has none) counts by the day it was raised.
    The two days are compared separately rather than as coalesce(closed_on, raised_on): PostgreSQL cannot
    estimate a coalesce, guessed 400 rows for 80 000 and sorted them on disk (82 ms instead of 49 ms).
    """
    closed_in = or_(
        _between(_day(session, Case.closed_on), start, end),
        and_(Case.closed_on.is_(None), _between(_day(session, Case.raised_on), start, end)),
    )
    stmt = (
        select(Case.outcome, func.count())
        .where(_of_groups(group_ids), Case.status == CLOSED, closed_in)
        .group_by(Case.outcome)
    )
    for outcome, n in session.execute(stmt):
        into[outcome or UNKNOWN_OUTCOME] += n


def _add_months(session: Session, where: ColumnElement[bool], into: Counter[tuple[int, int]]) -> None:
    """Cases per month, counted per day in the database (in index order) and added up here."""
    stmt = select(Case.raised_on, func.count()).where(where).group_by(Case.raised_on)
    for day, n in session.execute(stmt):
        into[(day.year, day.month)] += n


def raised_count(session: Session, *, group_ids: Sequence[int], start: date, end: date) -> int:
    """How many cases the groups raised in the period (for the comparison with the previous one)."""
    if not group_ids:
        return 0
    return int(session.scalar(select(func.count()).select_from(Case).where(_raised_in(group_ids, start, end))) or 0)


def totals_by_group(session: Session, *, group_ids: Sequence[int], start: date, end: date) -> dict[int, GroupTotals]:
    """Each group's raised, still open and referred counts for the period (groups without cases left out)."""
    if not group_ids:
        return {}
    still_open = func.sum(case((Case.status == CLOSED, 0), else_=1))
    referred = func.sum(case((Case.referred_tr.is_(True), 1), else_=0))
    stmt = (
        select(Case.group_id, func.count(), still_open, referred)
        .where(_raised_in(group_ids, start, end))
        .group_by(Case.group_id)
    )
    return {gid: GroupTotals(int(n), int(o or 0), int(r or 0)) for gid, n, o, r in session.execute(stmt)}
