"""Identity typed into every kind of entry point, through signed HTTP against the fake Slack.

Each identity variant is refused where it would be stored (a group name, a target group, an agenda item, a case
answer typed or in the form) and never quoted back where the bot would echo it (an unknown subcommand, a period
it did not understand). The ordinary numbers of LOKUS text go through and are kept as typed.
"""

import unicodedata

import pytest

from tests.bot.conftest import Bot
from tests.bot.test_e2e_cases import ANNA, HEBY, _form_state, dm_posts, setup_heby
from tests.bot.test_e2e_platform import blocks_text
from tests.handlers.test_cases_helpers import CASE_ANSWERS, everything_stored, stored_cases
from tests.support.fake_slack import Call
from tests.support.slack_chat import answer_by_key, next_post, question_key

IDENTITIES = {
    "dotted date": "85.03.12-1231",
    "dot before the last four": "850312.1231",
    "pairs and a dash": "85 03 12 - 12 31",
    "zero-width space": "8503\u200b12-1231",
    "full-width digits": "８５０３１２-１２３１",
    "wrong check digit": "811218-9877",
    "twelve digits": "19121212-1212",
    "samordningsnummer": "701063-2391",
    "phone": "0701234567",
    "dotted phone": "070.123.45.67",
    "e-mail (at)": "zoltan(at)zqxw.se",
    "e-mail [at] [dot]": "zoltan [at] zqxw [dot] se",
    "e-mail @ with spaces": "zoltan @ zqxw.se",
    "e-mail snabel-a": "zoltan snabel-a zqxw punkt se",
}
ORDINARY = [
    "2026-11-20",
    "kl 09-12 13-16",
    "13.00–15.00",
    "600 000 kr",
    "752 36 Uppsala",
    "212000-0183",
    "Ring 112",
    "2017–2018",
    "68 ärenden",
    "20.11.2026",
]


def _digits(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if ch.isdigit())


def assert_not_quoted(shown: str, identity: str) -> None:
    """Neither the identity as typed nor its digits (or the e-mail's domain) are in what the bot showed."""
    assert identity not in shown
    digits = _digits(identity)
    if digits:
        assert digits not in _digits(shown) and digits[:6] not in shown
    else:
        assert "zqxw" not in shown.casefold()


def _answer(bot: Bot, text: str) -> str:
    """Run `/lokus <text>` in Heby's channel; the private answer's text."""
    before = len(bot.fake.calls("response_url"))
    assert bot.sim.slash_command(ANNA, HEBY, text).status == 200
    return blocks_text(bot.fake.wait_for("response_url", count=before + 1)[-1])


def _posted_in_channel(bot: Bot) -> str:
    return "\n".join(blocks_text(c) for c in bot.fake.calls("chat.postMessage") if c.args.get("channel") == HEBY)


def test_a_group_named_with_identity_is_not_created_nor_posted(bot: Bot) -> None:
    for n, identity in enumerate(IDENTITIES.values()):
        reply = _answer(bot, f"koppla Grupp {identity}") if n % 2 else _answer(bot, f"koppla {identity}")
        assert "pekar ut en person" in reply, identity
        assert_not_quoted(reply, identity)
    assert _posted_in_channel(bot) == "" and "Grupp" not in everything_stored(bot.services)
    bot.sim.slash_command(ANNA, HEBY, "koppla Heby 2017–2018")
    [linked] = bot.fake.wait_for("chat.postMessage")
    assert "*Heby 2017–2018*" in blocks_text(linked)


@pytest.mark.parametrize(
    ("command", "refusal"),
    [
        ("målgrupper lägg till Unga {}", "aldrig en person"),
        ("möte punkt Samverkan kring {}", "inte sparat"),
    ],
    ids=["target group", "agenda item"],
)
def test_identity_in_a_name_or_an_agenda_item_is_refused_and_not_quoted(bot: Bot, command: str, refusal: str) -> None:
    setup_heby(bot)
    for identity in IDENTITIES.values():
        reply = _answer(bot, command.format(identity))
        assert refusal in reply, (identity, reply)
        assert_not_quoted(reply, identity)
        assert_not_quoted(everything_stored(bot.services), identity)
    assert "Samverkan" not in everything_stored(bot.services)


def test_ordinary_numbers_in_an_agenda_item_are_kept_as_typed(bot: Bot) -> None:
    setup_heby(bot)
    for text in ORDINARY:
        assert "dagordningen" in _answer(bot, f"möte punkt Punkt {text}"), text
    stored = everything_stored(bot.services)
    assert all(f"Punkt {text}" in stored for text in ORDINARY)


@pytest.mark.parametrize("command", ["{}", "sammanfattning {}", "plan visa {}", "möte flytta {}"])
def test_what_the_bot_did_not_understand_is_not_quoted_when_it_holds_identity(bot: Bot, command: str) -> None:
    setup_heby(bot)
    for identity in IDENTITIES.values():
        reply = _answer(bot, command.format(identity))
        assert_not_quoted(reply, identity)


def test_identity_typed_into_a_case_conversation_is_refused_each_time_and_never_kept(bot: Bot) -> None:
    setup_heby(bot)
    assert bot.sim.slash_command(ANNA, HEBY, "ärende").status == 200
    [post] = bot.fake.wait_for(
        "chat.postMessage", predicate=lambda c: c.args.get("channel") == f"D{ANNA}" and question_key(c) is not None
    )
    while question_key(post) != "unit":
        typed = CASE_ANSWERS[question_key(post) or ""]
        post = next_post(bot, lambda text=typed: bot.sim.dm_message(ANNA, text), f"D{ANNA}")
    refusals = []
    for identity in IDENTITIES.values():
        post = next_post(bot, lambda text=f"Enheten {identity}": bot.sim.dm_message(ANNA, text), f"D{ANNA}")
        refused = blocks_text(post)
        assert "inte sparat" in refused and question_key(post) == "unit", identity
        assert_not_quoted(refused, identity)
        refusals.append(post)
    assert "ser ut som ett personnummer" in _refusals(refusals)
    saved = answer_by_key(bot, ANNA, post, CASE_ANSWERS)
    assert "Ärende #1 registrerat" in blocks_text(saved)
    stored = everything_stored(bot.services)
    for identity in IDENTITIES.values():
        assert_not_quoted(stored, identity)


def _refusals(posts: list[Call]) -> str:
    return "\n".join(blocks_text(post) for post in posts)


def test_identity_in_the_case_form_is_shown_as_an_error_on_its_field(bot: Bot) -> None:
    setup_heby(bot)
    bot.sim.slash_command(ANNA, HEBY, "ärende form")
    [opened] = bot.fake.wait_for("views.open")
    view = opened.args["view"]
    filled = {
        "raised_on": "2026-11-20",
        "party": "fk",
        "gender": "man",
        "age_band": "30-39",
        "target_groups": ["sjukskrivna"],
        "failures": ["ansvarsfordelning"],
        "referred_tr": "nej",
    }
    for identity in IDENTITIES.values():
        state = _form_state(view, {**filled, "unit": f"AME {identity}", "failure_text": f"Gäller {identity}"})
        answer = bot.sim.view_submission(ANNA, view["callback_id"], state, view["private_metadata"]).json()
        assert answer["response_action"] == "errors" and sorted(answer["errors"]) == ["failure_text", "unit"]
        assert_not_quoted(repr(answer), identity)
    state = _form_state(view, {**filled, "unit": "AME 752 36", "failure_text": "Väntat 2026-11-20 kl 09-12 13-16"})
    assert bot.sim.view_submission(ANNA, view["callback_id"], state, view["private_metadata"]).status == 200
    dm_posts(bot, 1)
    [case] = stored_cases(bot.services)
    assert (case.unit, case.failure_text) == ("AME 752 36", "Väntat 2026-11-20 kl 09-12 13-16")
