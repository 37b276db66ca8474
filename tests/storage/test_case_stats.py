"""Case statistics counted in the database, on SQLite and PostgreSQL: every split, period ends, other groups."""

from collections import Counter
from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import inspect, text

from storage.case_stats import GroupTotals, case_stats, raised_count, totals_by_group
from storage.db import Database
from tests.support.case_factory import CaseSpec, insert_cases, make_group, times

START, END = date(2026, 1, 1), date(2026, 6, 30)


def fill(database: Database) -> tuple[int, int]:
    """Two groups; Heby has cases inside and just outside the period, Tierp a few of its own."""
    base = CaseSpec(raised_on=date(2026, 3, 10))
    heby_cases = [
        *times(3, base),
        CaseSpec(
            gender="man",
            party="fk",
            age_band="20-24",
            raised_on=START,
            referred_tr=True,
            unit="Sjukpenning",
            target_groups=("nyanlanda", "sjukskrivna"),
            failures=("information",),
        ),
        CaseSpec(
            gender="man",
            party="fk",
            age_band="20-24",
            raised_on=END,
            referred_tr=True,
            unit="Sjukpenning",
            target_groups=("nyanlanda",),
            failures=("information", "vantetider"),
        ),
        CaseSpec(
            gender="ej_dokumenterat", party="kommun", age_band="okant", raised_on=date(2026, 2, 14), unit="AME"
        ).closed("arbete", date(2026, 4, 1)),
        CaseSpec(gender="kvinna", party="region", age_band="65+", raised_on=date(2026, 5, 5), referred_tr=True).closed(
            None, date(2026, 6, 30)
        ),
        CaseSpec(raised_on=date(2025, 12, 31)).closed("studier", date(2026, 2, 1)),  # raised before, closed in
        CaseSpec(raised_on=date(2026, 7, 1)),  # the day after the period
        CaseSpec(raised_on=date(2026, 4, 4)).closed("annat", date(2026, 7, 2)),  # closed after the period
    ]
    with database.unit_of_work() as session:
        heby = make_group(session, name="Heby", channel="CHEBY")
        tierp = make_group(session, name="Tierp", channel="CTIERP")
        insert_cases(session, group=heby, specs=heby_cases)
        insert_cases(
            session, group=tierp, specs=times(4, CaseSpec(gender="man", raised_on=date(2026, 3, 1), referred_tr=True))
        )
        return heby.id, tierp.id


def test_every_split_is_counted_for_the_cases_raised_in_the_period(database: Database) -> None:
    heby, _ = fill(database)
    with database.unit_of_work() as session:
        stats = case_stats(session, group_ids=[heby], start=START, end=END)
    assert stats.raised == 8 and stats.still_open == 5
    assert stats.by_gender == Counter({"kvinna": 5, "man": 2, "ej_dokumenterat": 1})
    assert stats.by_party == Counter({"af": 4, "fk": 2, "kommun": 1, "region": 1})
    assert stats.by_party_gender == Counter(
        {("af", "kvinna"): 4, ("fk", "man"): 2, ("kommun", "ej_dokumenterat"): 1, ("region", "kvinna"): 1}
    )
    assert stats.by_age_band == Counter({"30-39": 4, "20-24": 2, "okant": 1, "65+": 1})
    assert stats.referred_by_gender == Counter({"man": 2, "kvinna": 1}) and stats.referred == 3
    assert stats.by_target_group == Counter({"nyanlanda": 2, "sjukskrivna": 1})
    assert stats.by_failure == Counter({"information": 2, "vantetider": 1})
    assert stats.by_month == Counter(
        {(2026, 1): 1, (2026, 2): 1, (2026, 3): 3, (2026, 4): 1, (2026, 5): 1, (2026, 6): 1}
    )
    assert stats.by_party_unit == Counter()


def test_closed_cases_count_in_the_period_they_were_closed_in(database: Database) -> None:
    heby, _ = fill(database)
    with database.unit_of_work() as session:
        stats = case_stats(session, group_ids=[heby], start=START, end=END)
    assert stats.closed_by_outcome == Counter({"arbete": 1, "okant": 1, "studier": 1}) and stats.closed == 3


def test_units_are_counted_only_when_asked_for(database: Database) -> None:
    heby, _ = fill(database)
    with database.unit_of_work() as session:
        stats = case_stats(session, group_ids=[heby], start=START, end=END, with_units=True)
    assert stats.by_party_unit == Counter(
        {("af", ""): 4, ("fk", "Sjukpenning"): 2, ("kommun", "AME"): 1, ("region", ""): 1}
    )


def test_several_groups_are_counted_together_and_one_by_one(database: Database) -> None:
    heby, tierp = fill(database)
    with database.unit_of_work() as session:
        both = case_stats(session, group_ids=[heby, tierp], start=START, end=END)
        totals = totals_by_group(session, group_ids=[heby, tierp], start=START, end=END)
        nothing = case_stats(session, group_ids=[], start=START, end=END)
    assert both.raised == 12 and both.by_gender["man"] == 6 and both.referred == 7
    assert totals == {heby: GroupTotals(8, 5, 3), tierp: GroupTotals(4, 4, 4)}
    assert nothing.raised == 0 and nothing.by_gender == Counter()


def test_the_previous_period_is_a_plain_count(database: Database) -> None:
    heby, tierp = fill(database)
    with database.unit_of_work() as session:
        assert raised_count(session, group_ids=[heby], start=date(2025, 7, 1), end=date(2025, 12, 31)) == 1
        assert raised_count(session, group_ids=[heby, tierp], start=START, end=END) == 12
        assert raised_count(session, group_ids=[], start=START, end=END) == 0


def test_the_statistics_indexes_exist_after_the_migrations(database: Database) -> None:
    indexes = {index["name"]: index["column_names"] for index in inspect(database.engine).get_indexes("cases")}
    assert indexes["ix_cases_stats"] == [
        "group_id",
        "party",
        "gender",
        "age_band",
        "referred_tr",
        "status",
        "raised_on",
    ]
    assert indexes["ix_cases_closed"] == ["group_id", "status", "outcome", "closed_on", "raised_on"]


def test_a_case_closed_without_a_date_counts_by_the_day_it_was_raised(database: Database) -> None:
    undated = replace(CaseSpec(raised_on=date(2026, 2, 2)), status="closed", outcome="ordinarie")
    with database.unit_of_work() as session:
        group = make_group(session, name="Knivsta", channel=None)
        insert_cases(session, group=group, specs=[undated, replace(undated, raised_on=date(2025, 12, 30))])
        stats = case_stats(session, group_ids=[group.id], start=START, end=END)
    assert stats.closed_by_outcome == Counter({"ordinarie": 1})


@pytest.mark.parametrize("database_url", ["postgresql"], indirect=True)  # generic plans are PostgreSQL's matter
def test_postgresql_plans_the_counts_for_the_groups_at_hand(database: Database) -> None:
    with database.unit_of_work() as session:
        case_stats(session, group_ids=[1], start=START, end=END)
        assert session.execute(text("SHOW plan_cache_mode")).scalar() == "force_custom_plan"
    with database.unit_of_work() as session:
        assert session.execute(text("SHOW plan_cache_mode")).scalar() == "auto", "only for that unit of work"
