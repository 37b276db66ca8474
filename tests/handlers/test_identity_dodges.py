"""Identity written around the check, and ordinary text that must never be taken for identity.

Every way people split, pad or disguise a number (spaces, dots, dashes, zero-width characters, full-width and
other scripts' digits) is applied to a valid personnummer, a samordningsnummer, one with a wrong check digit and
a phone number; the negatives are the dates, times, amounts, codes and counts LOKUS text is full of, and every
line with a number in the domain's own paperwork (tests/data/seed_lines_with_numbers.txt).
"""

import random
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from handlers.identity import IdentityKind, find_identity
from tests.handlers.test_identity import with_check_digit, wrong_check_digit

PNR = IdentityKind.PERSONNUMMER
SAM = IdentityKind.SAMORDNINGSNUMMER
LIKELY_PNR = IdentityKind.LIKELY_PERSONNUMMER
PHONE = IdentityKind.PHONE

FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
BOLD = str.maketrans("0123456789", "".join(chr(0x1D7CE + n) for n in range(10)))
ZERO_WIDTH = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u202e")
DASHES = ("\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2212", "\ufe63", "\uff0d")
SPACES = ("\u00a0", "\u202f", "\u2009", "\u3000", "\t", "  ")

Written = Callable[[str], str]
"""A way of writing a 10-digit YYMMDDNNNN."""


def _marked_inside(mark: str) -> Written:
    return lambda d: f"{d[:4]}{mark}{d[4:6]}-{d[6:8]}{mark}{d[8:]}"


def _between(mark: str) -> Written:
    return lambda d: f"{d[:6]}{mark}{d[6:]}"


WAYS: dict[str, Written] = {
    "dash": lambda d: f"{d[:6]}-{d[6:]}",
    "dotted date": lambda d: f"{d[:2]}.{d[2:4]}.{d[4:6]}-{d[6:]}",
    "dot between": lambda d: f"{d[:6]}.{d[6:]}",
    "dots throughout": lambda d: f"{d[:2]}.{d[2:4]}.{d[4:6]}.{d[6:]}",
    "dashes throughout": lambda d: f"{d[:2]}-{d[2:4]}-{d[4:6]}-{d[6:]}",
    "pairs and a dash": lambda d: f"{d[:2]} {d[2:4]} {d[4:6]} - {d[6:8]} {d[8:]}",
    "pairs": lambda d: f"{d[:2]} {d[2:4]} {d[4:6]} {d[6:8]} {d[8:]}",
    "spaced date": lambda d: f"{d[:2]} {d[2:4]} {d[4:6]}-{d[6:]}",
    "space between": lambda d: f"{d[:6]} {d[6:]}",
    "spaces around the dash": lambda d: f"{d[:6]}   -   {d[6:]}",
    "plus": lambda d: f"{d[:6]}+{d[6:]}",
    "one by one": lambda d: " ".join(d[:6]) + " - " + " ".join(d[6:]),
    "one by one, no dash": lambda d: " ".join(d),
    "unbroken": lambda d: d,
    "full-width": lambda d: f"{d[:6]}-{d[6:]}".translate(FULL_WIDTH),
    "arabic-indic digits": lambda d: f"{d[:6]}-{d[6:]}".translate(ARABIC_INDIC),
    "mathematical digits": lambda d: d.translate(BOLD),
    "full-width and zero-width": lambda d: f"{d[:3]}\u200b{d[3:6]}-{d[6:]}".translate(FULL_WIDTH),
    "in a sentence": lambda d: f"Gäller {d[:6]}-{d[6:]} enligt remissen",
    "glued to a word": lambda d: f"pnr{d[:6]}-{d[6:]}",
    "in parentheses": lambda d: f"({d[:6]}-{d[6:]})",
    "after a colon": lambda d: f"Personnummer:{d}",
    **{f"zero-width U+{ord(mark):04X}": _marked_inside(mark) for mark in ZERO_WIDTH},
    **{f"dash U+{ord(dash):04X}": _between(dash) for dash in DASHES},
    **{f"space {space!r}": _between(space) for space in SPACES},
}
NUMBERS = {
    "personnummer": ("8112189876", PNR),
    "samordningsnummer": ("7010632391", SAM),
    "wrong check digit": (wrong_check_digit("850312123"), LIKELY_PNR),
}
DODGED = [
    pytest.param(way(digits), kind, id=f"{name}: {way_name}")
    for name, (digits, kind) in NUMBERS.items()
    for way_name, way in WAYS.items()
]
TWELVE_DIGITS = [
    "1912 12 12-1212",
    "19.12.12.12-1212",
    "1912-12-12-1212",
    "19121212 - 1212",
    "19 12 12 12 - 12 12",
    "19121212.1212",
    "１９１２１２１２－１２１２",
    "1912\u200b1212\u20131212",
]


@pytest.mark.parametrize(("text", "kind"), DODGED)
def test_a_number_written_around_the_check_is_refused(text: str, kind: IdentityKind) -> None:
    assert find_identity(text) is kind


@pytest.mark.parametrize("text", TWELVE_DIGITS)
def test_twelve_digits_written_around_the_check_are_refused(text: str) -> None:
    assert find_identity(text) is PNR


PHONE_WAYS = [
    "070\u200b-123 45 67",
    "０７０－１２３ ４５ ６７",
    "070\u00a0123\u00a045\u00a067",
    "070 \u2013 123 45 67",
    "+46\u202f70\u202f123\u202f45\u202f67",
    "0\u200b7\u200b0\u200b1\u200b2\u200b3\u200b4\u200b5\u200b6\u200b7",
    "070.123.45.67",
    "070-123.45.67",
    "(070) 123 45 67",
    "٠٧٠-١٢٣ ٤٥ ٦٧",
]


@pytest.mark.parametrize("text", PHONE_WAYS)
def test_a_phone_number_written_around_the_check_is_refused(text: str) -> None:
    assert find_identity(text) is PHONE


NOT_IDENTITY = {
    "dates": [
        "2026-11-20",
        "20.11.2026",
        "1/12",
        "20/11 kl 13",
        "1 december 2026",
        "den 20 november",
        "2026-11-20–2026-12-01",
        "2017-01-01–2017-12-31",
        "2017-01-01 - 2017-12-31",
        "2017-01-01-2017-12- 31",
        "vid mätning 17-12-31",
        "20261120",
        "2026.11.20",
        "20 11 2026",
        "2026-11-20, 2026-11-27 och 2026-12-04",
        "2026-11-20 2026-11-27",
        "Ska ha inkommit senast 2016-09-01.",
    ],
    "times": [
        "kl 09-12 13-16",
        "kl 09-12 13-16 17-19",
        "13.00–15.00",
        "kl 13-15",
        "09.00-12.00, 13.00-16.00",
        "kl 8.30",
        "10:00-12:00",
        "kl 08.30 09.00 10.30",
        "2026-11-20 13-16",
        "2026-11-20 kl 13.00–15.00",
        "tisdag 1 december 2026 kl. 13.00–15.00",
        "08.00-17.00 vardagar",
    ],
    "amounts": [
        "600 000 kr",
        "1 250 000",
        "300 000 kr (50 %)",
        "12 500 000 kr",
        "1.250.000 kr",
        "150 000 kr för 2018",
        "2 400 000",
        "600000",
        "1 200 000 kr/år",
        "Kostnad 600 000 kr 2017",
        "450 tkr",
        "3,5 mkr",
        "+1 250 000 kr",
    ],
    "percentages": ["59 %", "34 procent", "60/30/10 %", "20-250 %", "59 % kvinnor och 41 % män", "0,5 tjänst"],
    "postal codes": ["752 36 Uppsala", "Box 1234, 752 36 Uppsala", "810 70 Älvkarleby", "74131 Knivsta"],
    "case counts": [
        "68 lotsärenden",
        "I 59 av 68 ärenden är könstillhörigheten dokumenterad",
        "ärende #12",
        "#1–#12",
        "ärende 2026-0042",
        "24 personer har aktualiserats till tilläggsresursen",
    ],
    "years and periods": [
        "2017–2018",
        "2017-2018",
        "2019, 2020 och 2021",
        "år 2026",
        "läsåret 2026/2027",
        "2026/27",
        "vecka 48–52",
        "201701-201812",
        "170101-171231",
    ],
    "organisation numbers": [
        "212000-0183",
        "202100-5489",
        "Org.nr 212000-3005",
        "556677-8899",
        "16212000-0183",
        "802000-1234",
        "222000-1321",
    ],
    "short numbers": ["Ring 112", "1177", "1177 Vårdguiden", "114 14", "113 13", "116 111", "Ring 112 vid fara"],
    "codes and references": [
        "SFS 2003:1210",
        "lag (2003:1210) om finansiell samordning",
        "Dnr KS 2026/123",
        "Dnr 2026-000123",
        "ISO 9001:2015",
        "v1.2.3",
        "Bankgiro 5050-1055",
        "Plusgiro 12 34 56-7",
        "SE45 5000 0000 0583 9825 7466",
        "16–29 år",
        "50-64",
        "0-5 år",
    ],
    "slack and links": [
        "<@U012ABCDEF>",
        "<#C01234567|lokus-heby>",
        "<https://heby.se|heby.se>",
        "https://www.heby.se/kontakt",
        "https://zoom.us/j/123456789",
        "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ0%40thread.v2/0",
        "Fråga @anna.svensson om det",
        "@kalle och @anna kommer",
        "E-post går till kansliet",
        "Vi möttes at work",
    ],
}
NEGATIVES = [pytest.param(text, id=f"{area}: {text}") for area, texts in NOT_IDENTITY.items() for text in texts]
SEED_LINES = (Path(__file__).parents[1] / "data" / "seed_lines_with_numbers.txt").read_text("utf-8").splitlines()


@pytest.mark.parametrize("text", NEGATIVES)
def test_ordinary_numbers_are_not_identity(text: str) -> None:
    assert find_identity(text) is None


@pytest.mark.parametrize("line", SEED_LINES)
def test_the_paperwork_the_bot_replaces_passes(line: str) -> None:
    assert find_identity(line) is None


def _random_days(count: int) -> list[date]:
    rng = random.Random(10)
    start = date(1920, 1, 1)
    return [start + timedelta(days=rng.randrange(36_500)) for _ in range(count)]


@pytest.mark.parametrize("day", _random_days(40), ids=str)
def test_any_birth_date_with_any_last_four_is_refused_however_it_is_written(day: date) -> None:
    nine = day.strftime("%y%m%d") + f"{day.toordinal() % 1000:03d}"
    for digits in (with_check_digit(nine), wrong_check_digit(nine)):
        for way_name, way in WAYS.items():
            assert find_identity(way(digits)) is not None, f"{digits} written as {way_name}"


@pytest.mark.parametrize("day", _random_days(40), ids=str)
def test_any_day_and_time_written_as_dates_are_written_passes(day: date) -> None:
    iso, swedish = day.isoformat(), day.strftime("%d.%m.%Y")
    for text in (f"{iso} kl 13-16", f"{iso} 13.00–15.00", f"{swedish} kl 09-12", f"{iso}–{day.year + 1}-06-30", iso):
        assert find_identity(text) is None, text


DISGUISED_ORDINARY = [
    "Möte 2026/12/01 13:45",
    "kl 13:45 den 2026/12/01",
    "2017-01-01-2017-12-31",
    "2026/12/01-2027/01/31",
    "Punkt 1\n2\n3",
    "ett två tre fyra fem sex sju åtta nio noll",
    "en sex tre",
    "Beslut 2026:1231",
    "Dnr 2026/1231",
    "SFS 2017:900 och 2018:1231",
    "version 1.2.3.4.5.6.7.8.9.0",
    "Tid: 10:00-12:00 13:00-15:00",
    "2026-12-01\n1345 deltagare",
    "Skolor och 10 elever",
    "Totalt 46 701 234 kr",
]


@pytest.mark.parametrize("text", DISGUISED_ORDINARY)
def test_what_ordinary_text_holds_is_not_read_as_a_disguised_number(text: str) -> None:
    assert find_identity(text) is None


def test_dates_and_times_written_every_usual_way_are_not_personnummer() -> None:
    """Two years of days, each with times, written the ways minutes and agendas write them: none is refused (the
    second look asks for a right check digit, and the last four whole)."""
    refused = []
    first = date(2025, 1, 1)
    for offset in range(730):
        day = first + timedelta(days=offset)
        later = day + timedelta(days=30)
        for hour, minute in ((8, 30), (13, 15), (15, 45)):
            for text in (
                f"{day:%Y/%m/%d} {hour:02}:{minute:02}",
                f"{day:%d/%m/%Y} kl {hour:02}:{minute:02}",
                f"{day:%Y-%m-%d}\\n{hour:02}:{minute:02}",
                f"({day:%Y-%m-%d}) {hour:02}:{minute:02}",
                f"{day:%y%m%d} kl {hour:02}:{minute:02}",
                f"{day:%Y-%m-%d}\\n{hour:02}{minute:02} deltagare",
                f"{day:%Y/%m/%d}-{later:%Y/%m/%d}",
                f"{day:%d/%m/%y}\\n{hour:02}{minute:02}",
            ):
                if find_identity(text) is not None:
                    refused.append(text)
    assert refused == []
