"""Signed but malformed: a body Slack would never send gets 400 (never a 500), and nothing is done or sent.

Signed with the real secret, so these probe what comes after verification: the body's framing, its shape, and
the type of every field a listener reads (bot/slack/listeners.py, origin.py, forms.py).
"""

import copy
import json
from typing import Any
from urllib.parse import parse_qsl, urlencode

import pytest

from tests.bot.conftest import Bot
from tests.security.boundary import (
    FORM,
    JSON,
    action_payload,
    assert_nothing_went_out,
    command_body,
    interactive_body,
    sbot,
    send_raw,
    shared_bot,
    signed_headers,
)

__all__ = ["sbot", "shared_bot"]

WRONG_FOR_TEXT: list[Any] = [123, ["x"], {"a": 1}]
WRONG_FOR_OBJECT: list[Any] = [123, "text", ["x"]]
WRONG_FOR_LIST: list[Any] = ["x", {"a": 1}, 123]
WRONG_FOR_BOOL: list[Any] = ["true", 1]


def _refused(bot: Bot, body: bytes, content_type: str = JSON) -> None:
    response = bot.sim.raw(body, content_type, signed=True)
    assert response.status == 400, (response.status, response.text)
    assert_nothing_went_out(bot)


def _changed(payload: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    """A copy of the payload with the value at a dotted path (numbers index lists) replaced."""
    changed = copy.deepcopy(payload)
    *parents, last = [int(p) if p.isdigit() else p for p in path.split(".")]
    node: Any = changed
    for part in parents:
        node = node[part]
    node[last] = value
    return changed


def _without(payload: dict[str, Any], path: str) -> dict[str, Any]:
    changed = copy.deepcopy(payload)
    *parents, last = path.split(".")
    node: Any = changed
    for part in parents:
        node = node[int(part) if part.isdigit() else part]
    del node[last]
    return changed


BODIES = {
    "json_list": b"[1,2,3]",
    "json_null": b"null",
    "json_string": b'"event_callback"',
    "json_number": b"42",
    "json_true": b"true",
    "json_empty_object": b"{}",
    "json_empty_list": b"[]",
    "type_is_a_number": b'{"type": 5}',
    "type_unknown": b'{"type": "nonsense"}',
    "deep_nesting": b"[" * 100_000 + b"]" * 100_000,
    "not_json": b"{not json",
    "truncated_json": b'{"type": "event_callback", "event": {"type": "mess',
    "event_callback_without_event": b'{"type": "event_callback", "team_id": "T0LOKUS", "event_id": "Ev1"}',
    "event_is_a_string": b'{"type": "event_callback", "team_id": "T0LOKUS", "event_id": "Ev1", "event": "message"}',
    "event_is_a_list": b'{"type": "event_callback", "team_id": "T0LOKUS", "event_id": "Ev1", "event": ["type"]}',
    "event_without_type": b'{"type": "event_callback", "team_id": "T0LOKUS", "event_id": "Ev1", "event": {}}',
    "url_verification_without_challenge": b'{"type": "url_verification"}',
    "url_verification_challenge_number": b'{"type": "url_verification", "challenge": 7}',
    "block_actions_bare": b'{"type": "block_actions"}',
    "view_submission_bare": b'{"type": "view_submission"}',
    "command_as_json_bare": b'{"command": "/lokus"}',
}


@pytest.mark.parametrize("name", list(BODIES))
def test_a_signed_json_body_of_the_wrong_shape_gets_400(sbot: Bot, name: str) -> None:
    _refused(sbot, BODIES[name])


FORM_BODIES = {
    "payload_list": b"payload=%5B1%2C2%2C3%5D",
    "payload_null": b"payload=null",
    "payload_not_json": b"payload=%7Bnot+json",
    "payload_empty": b"payload=",
    "payload_string": b"payload=%22block_actions%22",
    "payload_number": b"payload=1e30",
    "not_form_at_all": b"<xml>hej</xml>",
    "invalid_utf8": b"command=%2Flokus&text=\xff\xfe",
    "command_without_user": b"command=%2Flokus&text=hj%C3%A4lp&team_id=T0LOKUS&channel_id=CHEBY&trigger_id=1.2.a",
    "command_without_trigger": b"command=%2Flokus&text=x&team_id=T0LOKUS&user_id=UANNA&channel_id=CHEBY",
}


@pytest.mark.parametrize("name", list(FORM_BODIES))
def test_a_signed_form_body_of_the_wrong_shape_gets_400(sbot: Bot, name: str) -> None:
    _refused(sbot, FORM_BODIES[name], FORM)


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/xml", "", "multipart/form-data; boundary=x", "Application/JSON"]
)
def test_a_signed_body_with_a_content_type_slack_never_sends_gets_400(sbot: Bot, content_type: str) -> None:
    body = json.dumps(sbot.sim.event_envelope(sbot.sim.message_event("UANNA", "DUANNA", "hjälp", "im"))).encode()
    _refused(sbot, body, content_type)


@pytest.mark.parametrize("length", [4 * 1024 * 1024 + 1, 10**9, 9_999_999_999])
def test_a_body_announced_over_the_size_limit_gets_413_before_it_is_read(sbot: Bot, length: int) -> None:
    body = b"payload=x"
    headers: list[tuple[str, bytes | str]] = [("Content-Type", FORM), ("Content-Length", str(length))]
    response = send_raw(sbot, headers + list(signed_headers(body).items()), body, length=False)
    assert response.status == 413
    assert_nothing_went_out(sbot)


COMMAND_FIELDS = ["team_id", "user_id", "channel_id", "channel_name", "text", "trigger_id", "response_url", "command"]
ID_FIELDS = {"team_id", "user_id", "channel_id"}


def _json_command(bot: Bot) -> dict[str, Any]:
    """A slash command as a JSON object (Bolt takes any body with "command" for one), so fields can be typed."""
    return dict(parse_qsl(command_body(bot).decode()))


@pytest.mark.parametrize("wrong", range(3))
@pytest.mark.parametrize("field", COMMAND_FIELDS)
def test_a_slash_command_with_a_field_of_the_wrong_type_gets_400(sbot: Bot, field: str, wrong: int) -> None:
    payload = _changed(_json_command(sbot), field, WRONG_FOR_TEXT[wrong])
    _refused(sbot, json.dumps(payload).encode())


COMMAND_VALUES = {
    "user_id_with_markup": ("user_id", "U1>|<!channel"),
    "user_id_lower_case": ("user_id", "uanna"),
    "user_id_empty": ("user_id", ""),
    "team_id_with_space": ("team_id", "T0 LOKUS"),
    "channel_id_full_width": ("channel_id", "ＣＨＥＢＹ"),
    "channel_id_too_long": ("channel_id", "C" * 41),
    "trigger_id_with_slash": ("trigger_id", "1.2/../x"),
    "trigger_id_too_long": ("trigger_id", "1" * 256),
    "response_url_javascript": ("response_url", "javascript:alert(1)"),
    "response_url_with_space": ("response_url", "https://hooks.slack.com/x y"),
    "command_other": ("command", "lokus"),
    "text_too_long": ("text", "a" * 40_001),
}


@pytest.mark.parametrize("name", list(COMMAND_VALUES))
def test_a_slash_command_with_a_value_slack_never_sends_gets_400(sbot: Bot, name: str) -> None:
    field, value = COMMAND_VALUES[name]
    payload = _changed(_json_command(sbot), field, value)
    body = urlencode(payload).encode()
    _refused(sbot, body, FORM)


ACTION_FIELDS = {
    "user": WRONG_FOR_OBJECT,
    "user.id": WRONG_FOR_TEXT,
    "user.team_id": WRONG_FOR_TEXT,
    "team": WRONG_FOR_OBJECT,
    "team.id": WRONG_FOR_TEXT,
    "channel": WRONG_FOR_OBJECT,
    "channel.id": WRONG_FOR_TEXT,
    "container": WRONG_FOR_OBJECT,
    "container.channel_id": WRONG_FOR_TEXT,
    "container.is_ephemeral": WRONG_FOR_BOOL,
    "message": WRONG_FOR_OBJECT,
    "message.ts": WRONG_FOR_TEXT,
    "trigger_id": WRONG_FOR_TEXT,
    "response_url": WRONG_FOR_TEXT,
    "actions": WRONG_FOR_LIST,
    "actions.0": WRONG_FOR_OBJECT,
    "actions.0.action_id": WRONG_FOR_TEXT,
    "actions.0.block_id": WRONG_FOR_TEXT,
    "actions.0.type": WRONG_FOR_TEXT,
    "actions.0.value": WRONG_FOR_TEXT,
}
ACTION_CASES = [(path, n) for path, wrongs in ACTION_FIELDS.items() for n in range(len(wrongs))]


@pytest.mark.parametrize(("path", "wrong"), ACTION_CASES)
def test_a_button_click_with_a_field_of_the_wrong_type_gets_400(sbot: Bot, path: str, wrong: int) -> None:
    payload = _changed(action_payload(sbot), path, ACTION_FIELDS[path][wrong])
    _refused(sbot, interactive_body(payload), FORM)


ACTION_SHAPES = {
    "no_actions": lambda p: _without(p, "actions"),
    "empty_actions": lambda p: _changed(p, "actions", []),
    "two_actions": lambda p: _changed(p, "actions", [p["actions"][0], p["actions"][0]]),
    "action_without_id": lambda p: _without(p, "actions.0.action_id"),
    "action_id_not_ours": lambda p: _changed(p, "actions.0.action_id", "Evil"),
    "no_user": lambda p: _without(p, "user"),
    "no_trigger_id": lambda p: _without(p, "trigger_id"),
    "selected_option_a_string": lambda p: _changed(p, "actions.0.selected_option", "ja"),
    "selected_option_without_value": lambda p: _changed(p, "actions.0.selected_option", {}),
    "selected_options_a_dict": lambda p: _changed(p, "actions.0.selected_options", {"value": "x"}),
    "selected_options_of_numbers": lambda p: _changed(p, "actions.0.selected_options", [1, 2]),
    "selected_user_a_list": lambda p: _changed(p, "actions.0.selected_user", ["UANNA"]),
    "value_too_long": lambda p: _changed(p, "actions.0.value", "1" * 2001),
    "thread_ts_not_a_ts": lambda p: _changed(p, "container.thread_ts", "abc"),
}


@pytest.mark.parametrize("name", list(ACTION_SHAPES))
def test_a_button_click_of_the_wrong_shape_gets_400(sbot: Bot, name: str) -> None:
    _refused(sbot, interactive_body(ACTION_SHAPES[name](action_payload(sbot))), FORM)


def view_submission(bot: Bot) -> dict[str, Any]:
    """A submitted case form with one text field, as Slack sends it (its metadata does not matter here)."""
    return {
        "type": "view_submission",
        "team": {"id": "T0LOKUS", "domain": "lokus"},
        "user": {"id": "UANNA", "team_id": "T0LOKUS"},
        "api_app_id": "A0LOKUS",
        "trigger_id": bot.sim.new_trigger_id(),
        "view": {
            "id": "V0FORM",
            "type": "modal",
            "callback_id": "form.case",
            "private_metadata": "",
            "state": {"values": {"unit": {"value": {"type": "plain_text_input", "value": "Enheten"}}}},
        },
        "response_urls": [],
    }


VIEW_FIELDS = {
    "user": WRONG_FOR_OBJECT,
    "user.id": WRONG_FOR_TEXT,
    "team": WRONG_FOR_OBJECT,
    "team.id": WRONG_FOR_TEXT,
    "trigger_id": WRONG_FOR_TEXT,
    "view": WRONG_FOR_OBJECT,
    "view.callback_id": WRONG_FOR_TEXT,
    "view.type": WRONG_FOR_TEXT,
    "view.private_metadata": WRONG_FOR_TEXT,
    "view.state": WRONG_FOR_OBJECT,
    "view.state.values": WRONG_FOR_OBJECT,
    "view.state.values.unit": WRONG_FOR_OBJECT,
    "view.state.values.unit.value": WRONG_FOR_OBJECT,
    "view.state.values.unit.value.type": WRONG_FOR_TEXT,
    "view.state.values.unit.value.value": WRONG_FOR_TEXT,
    "response_urls": WRONG_FOR_LIST,
}
VIEW_CASES = [(path, n) for path, wrongs in VIEW_FIELDS.items() for n in range(len(wrongs))]


@pytest.mark.parametrize(("path", "wrong"), VIEW_CASES)
def test_a_form_submission_with_a_field_of_the_wrong_type_gets_400(sbot: Bot, path: str, wrong: int) -> None:
    payload = _changed(view_submission(sbot), path, VIEW_FIELDS[path][wrong])
    _refused(sbot, interactive_body(payload), FORM)


def _element(payload: dict[str, Any], element: Any) -> dict[str, Any]:
    return _changed(payload, "view.state.values.unit.value", element)


VIEW_SHAPES = {
    "no_view": lambda p: _without(p, "view"),
    "no_state": lambda p: _without(p, "view.state"),
    "no_callback_id": lambda p: _without(p, "view.callback_id"),
    "no_view_type": lambda p: _without(p, "view.type"),
    "workflow_step_view": lambda p: _changed(p, "view.type", "workflow_step"),
    "callback_not_ours": lambda p: _changed(p, "view.callback_id", "tidrapport"),
    "metadata_over_3000": lambda p: _changed(p, "view.private_metadata", "x" * 3001),
    "date_not_a_date": lambda p: _element(p, {"type": "datepicker", "selected_date": "i morgon"}),
    "date_a_number": lambda p: _element(p, {"type": "datepicker", "selected_date": 20261201}),
    "option_a_string": lambda p: _element(p, {"type": "radio_buttons", "selected_option": "kvinna"}),
    "options_of_strings": lambda p: _element(p, {"type": "checkboxes", "selected_options": ["a", "b"]}),
    "options_a_dict": lambda p: _element(p, {"type": "checkboxes", "selected_options": {"value": "a"}}),
    "response_url_not_a_url": lambda p: _changed(p, "response_urls", [{"response_url": "file:///etc/passwd"}]),
    "a_thousand_blocks": lambda p: _changed(
        p, "view.state.values", {f"b{n}": {"value": {"type": "plain_text_input", "value": "x"}} for n in range(1000)}
    ),
}


@pytest.mark.parametrize("name", list(VIEW_SHAPES))
def test_a_form_submission_of_the_wrong_shape_gets_400(sbot: Bot, name: str) -> None:
    _refused(sbot, interactive_body(VIEW_SHAPES[name](view_submission(sbot))), FORM)


def _message_envelope(bot: Bot) -> dict[str, Any]:
    return bot.sim.event_envelope(bot.sim.message_event("UANNA", "DUANNA", "hjälp", "im"))


EVENT_FIELDS = {
    "team_id": WRONG_FOR_TEXT,
    "event_id": WRONG_FOR_TEXT,
    "event": WRONG_FOR_OBJECT,
    "event.type": WRONG_FOR_TEXT,
    "event.user": WRONG_FOR_TEXT,
    "event.channel": WRONG_FOR_TEXT,
    "event.channel_type": WRONG_FOR_TEXT,
    "event.text": WRONG_FOR_TEXT,
    "event.thread_ts": WRONG_FOR_TEXT,
    "event.bot_id": WRONG_FOR_TEXT,
    "event.subtype": WRONG_FOR_TEXT,
}
EVENT_CASES = [(path, n) for path, wrongs in EVENT_FIELDS.items() for n in range(len(wrongs))]


@pytest.mark.parametrize(("path", "wrong"), EVENT_CASES)
def test_a_message_event_with_a_field_of_the_wrong_type_gets_400(sbot: Bot, path: str, wrong: int) -> None:
    _refused(sbot, json.dumps(_changed(_message_envelope(sbot), path, EVENT_FIELDS[path][wrong])).encode())


EVENT_VALUES = {
    "event_id_missing": lambda p: _without(p, "event_id"),
    "event_id_not_slacks": lambda p: _changed(p, "event_id", "x' OR 1=1"),
    "team_id_missing": lambda p: _without(p, "team_id"),
    "user_with_markup": lambda p: _changed(p, "event.user", "U1>|<!here"),
    "channel_lower_case": lambda p: _changed(p, "event.channel", "duanna"),
    "thread_ts_words": lambda p: _changed(p, "event.thread_ts", "yesterday"),
    "home_tab_a_number": lambda p: _changed(_changed(p, "event.type", "app_home_opened"), "event.tab", 1),
    "home_user_a_dict": lambda p: _changed(_changed(p, "event.type", "app_home_opened"), "event.user", {"id": "U"}),
    "mention_text_a_list": lambda p: _changed(_changed(p, "event.type", "app_mention"), "event.text", ["hjälp"]),
}


@pytest.mark.parametrize("name", list(EVENT_VALUES))
def test_an_event_with_a_value_slack_never_sends_gets_400(sbot: Bot, name: str) -> None:
    _refused(sbot, json.dumps(EVENT_VALUES[name](_message_envelope(sbot))).encode())


def test_an_event_nothing_listens_to_is_acknowledged_and_dropped(sbot: Bot) -> None:
    envelope = _changed(_message_envelope(sbot), "event", {"type": "reaction_added", "user": {"odd": True}})
    response = sbot.sim.raw(json.dumps(envelope).encode(), JSON, signed=True)
    assert response.status == 200
    assert_nothing_went_out(sbot)


def test_the_well_formed_payloads_these_are_made_from_are_answered(sbot: Bot) -> None:
    """The control: unchanged, the same bodies are handled (so a 400 above is the change, not the base)."""
    assert sbot.sim.raw(command_body(sbot), FORM, signed=True).status == 200
    sbot.fake.wait_for("response_url")
    assert sbot.sim.raw(json.dumps(_message_envelope(sbot)).encode(), JSON, signed=True).status == 200
    sbot.fake.wait_for("chat.postMessage")
    assert sbot.sim.raw(interactive_body(action_payload(sbot)), FORM, signed=True).status == 200
    assert sbot.sim.raw(interactive_body(view_submission(sbot)), FORM, signed=True).status == 200


def function_event(bot: Bot) -> dict[str, Any]:
    """A workflow step run (function_executed), as docs.slack.dev shows it."""
    event = {
        "type": "function_executed",
        "function": {"id": "Fn0REGISTER", "callback_id": "register_case", "title": "Registrera lots-ärende"},
        "inputs": {"channel": "CHEBY", "user": "UANNA", "gender": "kvinna", "referred_tr": False},
        "function_execution_id": "Fx0EXECUTION",
        "workflow_execution_id": "Wx0WORKFLOW",
        "event_ts": "1700000000.000100",
        "bot_access_token": "xwfp-0000-secret",
    }
    return bot.sim.event_envelope(event)


FUNCTION_FIELDS = {
    "event.function": WRONG_FOR_OBJECT,
    "event.function.callback_id": [*WRONG_FOR_TEXT, "Not Ours!"],
    "event.inputs": WRONG_FOR_OBJECT,
    "event.inputs.gender": [{"a": 1}, [1, 2], "x" * 2001],
    "event.function_execution_id": [*WRONG_FOR_TEXT, "not-an-execution"],
    "event.bot_access_token": [*WRONG_FOR_TEXT, "xoxb-a-bot-token"],
}
FUNCTION_CASES = [(path, n) for path, wrongs in FUNCTION_FIELDS.items() for n in range(len(wrongs))]


@pytest.mark.parametrize(("path", "wrong"), FUNCTION_CASES)
def test_a_workflow_step_with_a_field_of_the_wrong_type_gets_400(sbot: Bot, path: str, wrong: int) -> None:
    payload = _changed(function_event(sbot), path, FUNCTION_FIELDS[path][wrong])
    _refused(sbot, json.dumps(payload).encode("utf-8"))


@pytest.mark.parametrize("field", ["function", "function_execution_id", "bot_access_token"])
def test_a_workflow_step_without_what_it_needs_gets_400(sbot: Bot, field: str) -> None:
    _refused(sbot, json.dumps(_without(function_event(sbot), f"event.{field}")).encode("utf-8"))


def test_a_well_formed_workflow_step_passes_the_gate(sbot: Bot) -> None:
    execution = sbot.fake.new_function_execution()
    payload = _changed(function_event(sbot), "event.function_execution_id", execution.id)
    payload = _changed(payload, "event.bot_access_token", execution.token)
    response = sbot.sim.raw(json.dumps(payload).encode("utf-8"), JSON, signed=True)
    assert response.status == 200
    [ended] = sbot.fake.wait_for("functions.completeError")  # no group in this channel: a reason, not a 400
    assert "inte kopplad" in ended.args["error"]
