"""The registry of where a Slack user id lives (storage/personal_data.py) is complete: every column of the models
that looks like it holds a person – by its name, or because it is free text or JSON – is in it or is listed in
NO_PERSON with a reason. A new model column like `reviewed_by` fails here until it is given its line."""

import re

import pytest
from sqlalchemy import JSON, Column, Integer, MetaData, String, Table, Text, false

from storage.base import Base
from storage.personal_data import NO_PERSON, PLACES, How, Place, in_team, table

LOOKS_LIKE_A_PERSON = re.compile(
    r"user|_by$|^by_|owner|author|assignee|convenor|minute_taker|member|person|approver|reviewer|recipient|sender"
    r"|creator|signer|contact|responsible|coordinator|handler"
)


def unregistered(metadata: MetaData) -> list[str]:
    """The columns that look like a person's and that neither the registry nor NO_PERSON accounts for."""
    known = {place.name for place in PLACES} | set(NO_PERSON)
    missing = []
    for of in metadata.sorted_tables:
        for column in of.columns:
            name = f"{of.name}.{column.name}"
            free = isinstance(column.type, Text | JSON)
            looks = isinstance(column.type, String) and LOOKS_LIKE_A_PERSON.search(column.name)
            if (free or looks) and name not in known:
                missing.append(name)
    return missing


def test_every_column_that_may_hold_a_person_is_in_the_registry() -> None:
    assert unregistered(Base.metadata) == [], (
        "add these to storage/personal_data.py: PLACES (how erasure treats them) or NO_PERSON (why not a person)"
    )


def test_a_new_column_like_a_user_id_is_caught() -> None:
    metadata = MetaData()
    Table("insats_reviews", metadata, Column("id", Integer, primary_key=True), Column("reviewed_by", String(32)))
    Table("canvas_notes", metadata, Column("id", Integer, primary_key=True), Column("body", Text))
    Table("evaluations", metadata, Column("id", Integer, primary_key=True), Column("answers", JSON))
    assert unregistered(metadata) == ["canvas_notes.body", "evaluations.answers", "insats_reviews.reviewed_by"]


@pytest.mark.parametrize("place", PLACES, ids=lambda p: p.name)
def test_every_place_is_a_real_column_and_belongs_to_a_workspace(place: Place) -> None:
    assert place.column in table(place).c
    if place.how == How.NAME:
        assert place.beside in table(place).c
    for name in place.shows:
        assert name in table(place).c
    assert in_team(table(place), "T0LOKUS").compare(false()) is False  # found through its foreign keys


def test_no_person_names_real_columns() -> None:
    for name in NO_PERSON:
        of, column = name.split(".")
        assert column in Base.metadata.tables[of].c
