"""Cleaning text at the door: what no file format, database or calendar can hold is taken out, nothing else."""

import pytest

from handlers.cleaning import clean_text, clean_value
from tests.security.test_clean_text import BAD

KEPT = ["Rehab & arbete", "Väntat på besked\tflik", "rad ett\nrad två", "👩‍👩‍👧 familj", "مرحبا", "zero\u200bwidth"]


@pytest.mark.parametrize("char", BAD.values(), ids=BAD.keys())
def test_every_character_that_breaks_an_output_is_taken_out(char: str) -> None:
    assert clean_text(f"Väntar{char} på{char}{char} besked") == "Väntar på besked"


@pytest.mark.parametrize("text", KEPT)
def test_what_people_write_stays_as_written(text: str) -> None:
    assert clean_text(text) == text


def test_line_endings_become_line_feeds_and_submitted_values_are_cleaned_all_through() -> None:
    assert clean_text("ett\r\ntvå\rtre\n") == "ett\ntvå\ntre\n"
    assert clean_value({"a\x00": ["b\ufffe", ("c\x1b",)], "n": 3, "d": None}) == {"a": ["b", ("c",)], "n": 3, "d": None}
