"""The fixed answers of a lots-ärende: stable codes (summaries count them), labels in both languages, spellings."""

import pytest

from bot.catalogue import load_messages
from handlers.cases.vocabulary import (
    AGE_BANDS,
    FAILURES,
    GENDERS,
    OUTCOMES,
    PARTIES,
    STATUSES,
    TARGET_GROUPS,
    Term,
    codes,
    group_target_groups,
    lookup,
    spelling,
)

FIELDS = {
    "gender": GENDERS,
    "age_band": AGE_BANDS,
    "target_group": TARGET_GROUPS,
    "failure": FAILURES,
    "status": STATUSES,
    "outcome": OUTCOMES,
}


def test_codes_are_the_ones_stored_and_counted() -> None:
    assert codes(GENDERS) == ("kvinna", "man", "annat", "ej_dokumenterat")
    assert codes(AGE_BANDS) == ("16-19", "20-24", "25-29", "30-39", "40-49", "50-64", "65+", "okant")
    assert codes(PARTIES) == ("af", "fk", "region", "kommun")
    assert codes(STATUSES) == ("open", "in_progress", "closed")
    assert codes(OUTCOMES) == ("arbete", "studier", "ordinarie", "ersattning", "annat", "okant")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_code_has_a_label(language: str) -> None:
    messages = load_messages(language)
    missing = [
        f"case.{field}.{code}"
        for field, terms in FIELDS.items()
        for code in codes(terms)
        if f"case.{field}.{code}" not in messages
    ]
    assert missing == []


@pytest.mark.parametrize(
    ("terms", "typed", "code"),
    [
        (GENDERS, "Kvinna", "kvinna"),
        (GENDERS, "K", "kvinna"),
        (GENDERS, "män", "man"),
        (GENDERS, "Ej dok.", "ej_dokumenterat"),
        (AGE_BANDS, "25 – 29 år", "25-29"),
        (AGE_BANDS, "65+", "65+"),
        (AGE_BANDS, "Okänd", "okant"),
        (PARTIES, "Arbetsförmedlingen", "af"),
        (PARTIES, "försäkringskassan", "fk"),
        (PARTIES, "Landstinget", "region"),
        (STATUSES, "Avslutad", "closed"),
        (OUTCOMES, "Sjukersättning/aktivitetsersättning", "ersattning"),
        (TARGET_GROUPS, "Psykisk ohälsa", "psykisk_ohalsa"),
        (FAILURES, "väntetid", "vantetider"),
        (GENDERS, "kanske", None),
    ],
)
def test_obvious_spellings_are_understood(terms: tuple[Term, ...], typed: str, code: str | None) -> None:
    assert lookup(terms, typed) == code


@pytest.mark.parametrize("terms", [GENDERS, AGE_BANDS, PARTIES, TARGET_GROUPS, FAILURES, STATUSES, OUTCOMES])
def test_the_spelling_written_in_files_reads_back_as_the_same_code(terms: tuple[Term, ...]) -> None:
    assert [lookup(terms, spelling(terms, code)) for code in codes(terms)] == list(codes(terms))


def test_a_group_may_keep_its_own_target_group_list() -> None:
    own = group_target_groups({"target_groups": ["nyanlanda", {"code": "hemlosa", "label": "Hemlösa"}, "okänd"]})
    assert codes(own) == ("nyanlanda", "hemlosa")
    assert lookup(own, "hemlösa") == "hemlosa" and spelling(own, "hemlosa") == "Hemlösa"
    assert group_target_groups({}) == TARGET_GROUPS and group_target_groups(None) == TARGET_GROUPS
