"""Identity never enters: personnummer, samordningsnummer, phone numbers and e-mail addresses are refused.

The tables here are written by hand; tests/handlers/test_identity_dodges.py adds the written-around variants of
them and real text from the domain's paperwork, which must pass.
"""

import ast
import logging
import sys
from pathlib import Path

import pytest

import handlers.identity
import handlers.identity_numbers
import handlers.identity_phones
from handlers.identity import IdentityKind, find_identity, is_personnummer, luhn_ok

PNR = IdentityKind.PERSONNUMMER
SAM = IdentityKind.SAMORDNINGSNUMMER
LIKELY_PNR = IdentityKind.LIKELY_PERSONNUMMER
LIKELY_SAM = IdentityKind.LIKELY_SAMORDNINGSNUMMER
PHONE = IdentityKind.PHONE
EMAIL = IdentityKind.EMAIL


def with_check_digit(nine: str) -> str:
    """The nine digits YYMMDDNNN followed by the Luhn check digit, computed independently of the module."""
    total = sum(sum(divmod(int(d) * (2 - i % 2), 10)) for i, d in enumerate(nine))
    return nine + str((10 - total % 10) % 10)


def wrong_check_digit(nine: str) -> str:
    """The nine digits followed by a check digit that is not the Luhn one."""
    right = with_check_digit(nine)[-1]
    return nine + str((int(right) + 1) % 10)


def test_the_helper_agrees_with_hand_checked_numbers() -> None:
    assert [with_check_digit(n) for n in ("121212121", "811218987", "850709980", "701063239")] == [
        "1212121212",
        "8112189876",
        "8507099805",
        "7010632391",
    ]


# Literals checked by hand: 1212121212 (Skatteverket's 19121212-1212): 2+2+2+2+2+2+2+2+2 = 18 -> check 2.
# 8112189876: 7+1+2+2+2+8+9+8+5 = 44 -> 6. 8507099805: 7+5+0+7+0+9+9+8+0 = 45 -> 5.
# 7010632391 (Skatteverket's samordningsnummer 701063-2391): 5+0+2+0+3+3+4+3+9 = 29 -> 1.
VALID = [
    ("19121212-1212", PNR),
    ("191212121212", PNR),
    ("121212-1212", PNR),
    ("1212121212", PNR),
    ("121212+1212", PNR),
    ("811218-9876", PNR),
    ("19811218-9876", PNR),
    ("198112189876", PNR),
    ("850709-9805", PNR),
    ("850709 -9805", PNR),
    ("850709 - 9805", PNR),
    ("850709 9805", PNR),
    ("850709\u20139805", PNR),
    ("20000229-" + with_check_digit("000229123")[-4:], PNR),
    (with_check_digit("000229123"), PNR),
    ("20" + with_check_digit("050101238"), PNR),
    (with_check_digit("050101238"), PNR),
    ("701063-2391", SAM),
    ("7010632391", SAM),
    ("19701063-2391", SAM),
    ("197010632391", SAM),
    ("701063+2391", SAM),
    (with_check_digit("850791123"), SAM),
    ("19" + with_check_digit("850761123"), SAM),
    ("Personen har pnr 19121212-1212 och väntar på besked", PNR),
    ("Kvinnan (811218-9876) har sökt aktivitetsstöd", PNR),
    ("pnr:8507099805, remiss skickad", PNR),
    ("Sam.nr 701063-2391 enligt Skatteverket", SAM),
    ("Väntat 3 månader, personnummer 19811218-9876.", PNR),
]


@pytest.mark.parametrize(("text", "kind"), VALID)
def test_valid_personnummer_and_samordningsnummer_are_refused(text: str, kind: IdentityKind) -> None:
    assert find_identity(text) is kind


WRONG_CHECK_DIGIT = [
    ("19121212-1213", LIKELY_PNR),
    ("191212121213", LIKELY_PNR),
    ("121212-1213", LIKELY_PNR),
    ("1212121213", LIKELY_PNR),
    ("121212+1213", LIKELY_PNR),
    ("811218-9877", LIKELY_PNR),
    ("811218-9886", LIKELY_PNR),
    ("19811218-9877", LIKELY_PNR),
    ("850709-9804", LIKELY_PNR),
    ("850709 -9804", LIKELY_PNR),
    ("8507099804", LIKELY_PNR),
    ("85.03.12-1234", LIKELY_PNR),
    ("701063-2392", LIKELY_SAM),
    ("7010632392", LIKELY_SAM),
    ("19701063-2392", LIKELY_SAM),
    ("701064-2391", LIKELY_SAM),
    (wrong_check_digit("850791123"), LIKELY_SAM),
    ("Personen har pnr 19121212-1213 och väntar på besked", LIKELY_PNR),
    ("Referens 8112189877 i ärendet", LIKELY_PNR),
]


@pytest.mark.parametrize(("text", "kind"), WRONG_CHECK_DIGIT)
def test_a_real_date_with_a_wrong_check_digit_is_refused_as_a_likely_personnummer(
    text: str, kind: IdentityKind
) -> None:
    assert find_identity(text) is kind and kind.likely


IMPOSSIBLE_DATES = [
    "19" + with_check_digit("991332123"),
    "19991332-" + with_check_digit("991332123")[-4:],
    with_check_digit("851332123"),
    with_check_digit("850001123"),
    with_check_digit("850230123"),
    with_check_digit("850229123"),
    "19" + with_check_digit("000229123"),
    with_check_digit("850431123"),
    with_check_digit("850760123"),
    with_check_digit("850792123"),
    "19" + with_check_digit("850292123"),
    with_check_digit("851300123"),
    wrong_check_digit("851332123"),
    "17" + with_check_digit("121212121"),
]


@pytest.mark.parametrize("text", IMPOSSIBLE_DATES)
def test_an_impossible_date_is_not_a_personnummer_even_with_a_correct_check_digit(text: str) -> None:
    assert find_identity(text) is None


def test_a_wrong_check_digit_that_is_shaped_like_a_phone_number_is_refused_as_one() -> None:
    assert with_check_digit("050101238") == "0501012389"
    assert find_identity("0501012385") is PHONE
    assert find_identity("0501012389") is PNR


PHONES = [
    "070-123 45 67",
    "070-1234567",
    "0701234567",
    "070 123 45 67",
    "0701-23 45 67",
    "070 - 123 45 67",
    "+46 70 123 45 67",
    "+46701234567",
    "+46 (0)70-123 45 67",
    "+46 8 123 456 78",
    "0046 70 123 45 67",
    "0046701234567",
    "08-123 456 78",
    "08-12 34 56",
    "(08) 123 45 67",
    "018-12 34 56",
    "018-123456",
    "0480-123 45",
    "0910-123 45",
    "+47 912 34 567",
    "Ring henne på 070-123 45 67 efter lunch",
    "Tel: 08-123 456 78.",
    "Har väntat 3 månader, nås på 0701234567",
    "ärende 12 070-123 45 67",
    "070-123 45 67 12 gånger",
    "070.123.45.67",
    "070/123 45 67",
    "018/12 34 56",
    "08.123.456.78",
    "0 7 0 1 2 3 4 5 6 7",
    "0 7 0 - 1 2 3 4 5 6 7",
    "tel0701234567",
    "Region Uppsala växel 018-611 00 00",
    "Försäkringskassan 0771-524 524",
    "020-12 34 56",
    "+46.70.123.45.67",
]


@pytest.mark.parametrize("text", PHONES)
def test_phone_numbers_are_refused(text: str) -> None:
    assert find_identity(text) is PHONE


EMAILS = [
    "anna.svensson@heby.se",
    "Skicka till kalle+lokus@example.com i dag",
    "ÅSA.Öberg@försäkringskassan.se",
    "Kontakt: <mailto:anna@heby.se|anna@heby.se>",
    "per_o'neil@sub.domain.org.",
    "anna(at)heby.se",
    "anna (at) heby.se",
    "anna[at]heby.se",
    "anna [at] heby [dot] se",
    "anna{at}heby{dot}se",
    "anna<at>heby.se",
    "anna(a)heby.se",
    "anna[@]heby.se",
    "anna @ heby.se",
    "anna@ heby.se",
    "anna @ heby . se",
    "anna at heby dot se",
    "anna AT heby DOT se",
    "anna at heby.se",
    "anna snabel-a heby punkt se",
    "anna snabel a heby.se",
    "anna(snabel-a)heby(punkt)se",
    "anna.svensson(at)region.uppsala.se",
    "Mejla anna [at] af [dot] se om tid",
]


@pytest.mark.parametrize("text", EMAILS)
def test_email_addresses_are_refused(text: str) -> None:
    assert find_identity(text) is EMAIL


ORDINARY = [
    "Väntat 3 månader på besked från FK",
    "Remiss skickad 2026-11-20",
    "600 000 kr",
    "25 %",
    "åldersgrupp 16–19",
    "ärende 12",
    "2 möten",
    "kl 13.00",
    "vecka 48",
    "50-64 år",
    "1 250 000 kr",
    "+1 250 000 kr",
    "Budget 12 500 000 kr för 2026",
    "kl 09-12 13-16",
    "kl 08.30–09.00",
    "Mötet 2026-01-05 kl 08:30",
    "Beslut 20261120",
    "ärende 2026-0042",
    "2019, 2020 och 2021",
    "Organisationsnummer 556677-8899",
    "3,5 månader, 0 kr",
    "Möte med <@UANNA> i #lokus-heby",
    "Fråga @anna om det",
    "datum 05 06 2026",
    "",
]


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_case_text_passes(text: str) -> None:
    assert find_identity(text) is None


def test_the_first_kind_in_the_text_is_reported() -> None:
    assert find_identity("anna@heby.se eller 070-123 45 67") is EMAIL
    assert find_identity("070-123 45 67 eller anna@heby.se") is PHONE
    assert find_identity("070-123 45 67, pnr 19121212-1212") is PHONE
    assert find_identity("19121212-1212, 070-123 45 67") is PNR
    assert find_identity("121212-1213 och anna(at)heby.se") is LIKELY_PNR


@pytest.mark.parametrize(
    ("candidate", "kind"),
    [
        ("19121212-1212", PNR),
        (" 121212-1212 ", PNR),
        ("701063-2391", SAM),
        ("197010632391", SAM),
        ("85 07 09 - 98 05", PNR),
        ("８５０７０９-９８０５", PNR),
        ("19121212-1213", None),
        ("19991332-1234", None),
        ("pnr 19121212-1212", None),
        ("070-123 45 67", None),
        ("", None),
    ],
)
def test_is_personnummer_judges_one_candidate(candidate: str, kind: IdentityKind | None) -> None:
    assert is_personnummer(candidate) is kind


@pytest.mark.parametrize(
    ("digits", "ok"),
    [
        ("1212121212", True),
        ("1212121213", False),
        ("7010632391", True),
        ("79927398713", True),
        ("79927398710", False),
        ("", False),
        ("121212-1212", False),
    ],
)
def test_luhn_ok(digits: str, ok: bool) -> None:
    assert luhn_ok(digits) is ok


def test_kinds_carry_their_swedish_names() -> None:
    assert [str(k) for k in IdentityKind] == [
        "personnummer",
        "samordningsnummer",
        "telefonnummer",
        "e-postadress",
        "troligt personnummer",
        "troligt samordningsnummer",
    ]
    assert [k.likely for k in IdentityKind] == [False, False, False, False, True, True]


def test_nothing_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        assert find_identity("Personen har pnr 19121212-1212, tel 070-123 45 67") is PNR
    assert caplog.records == []


@pytest.mark.parametrize("module", [handlers.identity, handlers.identity_numbers, handlers.identity_phones])
def test_only_the_standard_library_is_imported(module: object) -> None:
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    names = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    names |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    own = {name for name in names if name.startswith("handlers.identity")}
    assert {name.split(".")[0] for name in names - own} <= set(sys.stdlib_module_names)
