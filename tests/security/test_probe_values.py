"""Acceptance probe of issue 10: signed buttons and forms whose values have shapes the bot never writes.

The bot writes ids into button values as ASCII digits. A value of other digits ("²", which str.isdigit takes
for a digit but int() refuses), a number too large for the database's integer columns, an action id of the
engine's prefix that the engine does not have, a move to the year 9999, or a form value of another element's
type must get a kind answer where the person is waiting – never "Oj, något gick fel" and a traceback.
"""

import json
from typing import Any

import pytest

from tests.bot.conftest import Bot
from tests.security.boundary import A_CASE, filled_state, link_heby, open_case_form, shared_bot
from tests.security.harness import Sent, Settled, mark, sent_since, settled
from tests.support.signing import Response

__all__ = ["settled", "shared_bot"]

UNEXPECTED = "Oj, något gick fel"
SUPERSCRIPT_TWO = "²"  # str.isdigit() is true, int() refuses it
BEYOND_64_BITS = "99999999999999999999"
BEYOND_32_BITS = "2147483648"
WEIRD_IDS = (SUPERSCRIPT_TWO, BEYOND_64_BITS, BEYOND_32_BITS, "١٢")
VALUES = {
    "case.status": "{id}|in_progress",
    "case.note": "{id}",
    "case.close": "{id}",
    "case.reopen": "{id}",
    "case.new": "{id}",
    "case.form": "{id}",
    "case.more": "open|{id}",
    "meeting.rsvp_yes": "{id}",
    "meeting.cancel_confirm": "{id}",
    "meeting.minutes_start": "{id}",
    "plan.show": "{id}",
    "plan.write": "{id}:mal",
    "plan.document": "{id}",
    "intent.group": "meeting.list|{id}|",
}


@pytest.fixture(scope="module")
def heby(shared_bot: Bot) -> Bot:
    """The module's bot, with CHEBY linked to Heby and UANNA its samordnare."""
    link_heby(shared_bot)
    return shared_bot


def _press(bot: Bot, settled: Settled, action_id: str, value: str, channel: str = "CHEBY") -> tuple[Response, Sent]:
    point = mark(bot)
    response = settled.after(lambda: bot.sim.block_action("UANNA", channel, action_id, value, message_ts="1.1"))
    return response, sent_since(bot, point)


@pytest.mark.parametrize("weird", WEIRD_IDS)
@pytest.mark.parametrize("action_id", list(VALUES))
def test_an_id_of_a_surprising_shape_in_a_button_gets_a_kind_answer(
    heby: Bot, settled: Settled, action_id: str, weird: str
) -> None:
    channel = "DUANNA" if action_id.startswith("intent.") else "CHEBY"
    response, sent = _press(heby, settled, action_id, VALUES[action_id].format(id=weird), channel)
    assert response.status == 200
    assert UNEXPECTED not in sent.text, (action_id, weird)


def test_an_action_id_of_the_engines_prefix_it_does_not_have_gets_a_kind_answer(heby: Bot, settled: Settled) -> None:
    settled.after(lambda: heby.sim.dm_message("UANNA", "nytt ärende"))
    response, sent = _press(heby, settled, "conv.nonexistent", "raised_on|x", "DUANNA")
    assert response.status == 200
    assert UNEXPECTED not in sent.text


def test_a_move_button_to_the_end_of_the_calendar_gets_a_kind_answer(heby: Bot, settled: Settled) -> None:
    value = json.dumps({"meeting": 1, "start": "9999-12-31T23:00:00+00:00", "length": 120, "has_time": True})
    response, sent = _press(heby, settled, "meeting.move_pick", value)
    assert response.status == 200
    assert UNEXPECTED not in sent.text


def _element(kind: str) -> dict[str, Any]:
    return {
        "checkboxes": {"type": "checkboxes", "selected_options": [{"value": "man"}, {"value": "kvinna"}]},
        "text": {"type": "plain_text_input", "value": "2026-02-30"},
        "other_digits": {"type": "plain_text_input", "value": "٢٠٢٦-١١-٢٠"},
        "radio": {"type": "radio_buttons", "selected_option": {"value": "ansvarsfordelning"}},
    }[kind]


@pytest.mark.parametrize(
    ("block", "kind", "refused"),
    [
        ("gender", "checkboxes", True),
        ("raised_on", "text", True),
        ("raised_on", "other_digits", False),  # read as the date it is
        ("failures", "radio", False),  # one ticked option
    ],
)
def test_a_form_field_sent_as_another_element_is_read_or_refused_on_the_form(
    heby: Bot, settled: Settled, block: str, kind: str, refused: bool
) -> None:
    view = open_case_form(heby)
    state = filled_state(view, A_CASE)
    state[block] = {"value": _element(kind)}
    point = mark(heby)
    response = settled.after(
        lambda: heby.sim.view_submission("UANNA", view["callback_id"], state, private_metadata=view["private_metadata"])
    )
    assert response.status == 200, response.text
    assert UNEXPECTED not in sent_since(heby, point).text + response.text
    assert (b"response_action" in response.body) is refused, response.text
