"""Acceptance probe of issue 10: identity written the ways the security suite had not tried, over signed HTTP.

Slack's own emphasis renders "*85*0312-1231" as one number, and a Markdown viewer renders "&#56;", "%38" and
"850312<b></b>-1231" as digits; the plan's Markdown document is made to be read in one. Each is refused where it
would be stored (an agenda item, a case answer) and never quoted back. The ways still not caught are listed at
the end as expected failures, for the lead to decide on.
"""

import pytest

from handlers.identity import find_identity
from handlers.text import Listing, t
from tests.bot.conftest import Bot
from tests.bot.test_e2e_cases import ANNA, HEBY, setup_heby
from tests.bot.test_e2e_platform import blocks_text
from tests.handlers.test_cases_helpers import everything_stored

DODGES = {
    "bold part": "*85*0312-1231",
    "strike-through part": "~85~0312-1231",
    "code part": "`85`0312-1231",
    "underscore inside": "850312_1231",
    "HTML character reference": "&#56;50312-1231",
    "hex character reference": "85&#x30;312-1231",
    "an empty HTML tag inside": "850312<b></b>-1231",
    "an HTML comment inside": "850312<!-- -->-1231",
    "percent-escaped digits": "%38%35%30%33%31%32-1231",
    "phone with bold groups": "070-*123* 45 67",
    "e-mail with a character reference for @": "zoltan&#64;zqxw.se",
    "e-mail with an ideographic full stop": "zoltan@zqxw。se",
    "e-mail with a half-width ideographic stop": "zoltan@zqxw｡se",
}
KEPT = [
    "Mötet *2026-11-20* kl *13-16*",
    "Budget *600 000 kr* för 2027",
    "Avtal_2026_11_20_v1.docx",
    "Andelen ökade från 34 % till 59 %",
    "Rehab & arbete 2027",
    "<b>Mål 2027</b>: 4 möten",
    "Se <https://www.samordning.se/a%20b?id=2026|dokumentet>",
]


def _answer(bot: Bot, text: str) -> str:
    before = len(bot.fake.calls("response_url"))
    assert bot.sim.slash_command(ANNA, HEBY, text).status == 200
    return blocks_text(bot.fake.wait_for("response_url", count=before + 1)[-1])


def test_identity_written_around_the_check_in_new_ways_is_refused_as_an_agenda_item(bot: Bot) -> None:
    setup_heby(bot)
    for name, dodge in DODGES.items():
        reply = _answer(bot, f"möte punkt Samverkan kring {dodge}")
        assert "inte sparat" in reply, (name, reply)
        assert dodge not in reply
    assert "Samverkan" not in everything_stored(bot.services)


def test_ordinary_text_with_emphasis_tags_and_escapes_is_kept_as_typed(bot: Bot) -> None:
    setup_heby(bot)
    for text in KEPT:
        assert "dagordningen" in _answer(bot, f"möte punkt {text}"), text
    stored = everything_stored(bot.services)
    assert all(text in stored for text in KEPT)


NOT_CAUGHT = {
    "slashes in the date": "85/03/12-1231",
    "a colon before the last four": "850312:1231",
    "the date in two halves": "8503-12-1231",
    "split over a line break": "850312\n1231",
    "digits in brackets": "(850312)-(1231)",
    "spelt out": "åtta fem noll tre ett två ett två tre ett",
    "letters for digits": "85O3l2-l23l",
    "phone without + before 46": "46701234567",
    "e-mail split over a line break": "zoltan@\nzqxw.se",
}


@pytest.mark.parametrize("name", list(NOT_CAUGHT))
@pytest.mark.xfail(
    strict=True,
    reason="not caught by handlers.identity: another separator, a line break, words or letters for digits "
    "(docs/SECURITY.md, known limits); each needs the lead's call on false positives",
)
def test_ways_of_writing_identity_the_check_does_not_catch_yet(name: str) -> None:
    assert find_identity(NOT_CAUGHT[name]) is not None


def test_a_listing_of_names_quotes_no_identity_either() -> None:
    """t() replaced identity in a string or a Join, not in a Listing (the groups named in "Heby och …")."""
    said = t("summary.which_group", example="Heby", groups=Listing(("Heby", "850312-1231")))
    assert said.params["groups"].items[1] == t("identity.not_shown")
