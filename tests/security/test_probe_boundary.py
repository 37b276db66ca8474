"""Acceptance probe of issue 10: request shapes the boundary suite had not tried, over loopback HTTP.

Unsigned ones get 401 and cause nothing; signed ones of a shape Slack never sends get 400 or are read as what
they are, never a 500, and cause nothing they should not.
"""

import json

import pytest

from tests.bot.conftest import Bot
from tests.security.boundary import (
    FORM,
    JSON,
    action_payload,
    assert_nothing_stored,
    assert_nothing_went_out,
    command_body,
    event_body,
    interactive_body,
    now,
    sbot,
    send_raw,
    shared_bot,
    sign_as,
    signed_headers,
)

__all__ = ["sbot", "shared_bot"]


def _unsigned(bot: Bot, signature: str, body: bytes, content_type: str = FORM) -> None:
    stamp = str(now())
    headers = [("Content-Type", content_type), ("X-Slack-Request-Timestamp", stamp), ("X-Slack-Signature", signature)]
    response = send_raw(bot, headers, body)
    assert response.status == 401, (response.status, response.text)
    assert_nothing_went_out(bot)
    assert_nothing_stored(bot.services.db)


@pytest.mark.parametrize(
    "signature",
    [
        "V0=" + "a" * 64,  # the version in capitals
        "v0=" + "A" * 64,  # hex in capitals
        "v1=" + "a" * 64,  # another version
        "v0=" + "a" * 63,  # one digit short
        "v0=" + "a" * 65,  # one too many
        "v0= " + "a" * 64,  # a space inside
        "v0=" + "a" * 64 + ",v0=" + "b" * 64,  # two signatures joined
        "v0=" + "g" * 64,  # not hex
        "v0=" + "\u00e4" * 64,  # letters beyond ASCII
    ],
)
def test_a_signature_header_of_another_shape_gets_401(sbot: Bot, signature: str) -> None:
    _unsigned(sbot, signature, command_body(sbot))


def test_a_signature_of_other_digits_gets_401(sbot: Bot) -> None:
    body = command_body(sbot)
    headers = [
        ("Content-Type", FORM),
        ("X-Slack-Request-Timestamp", str(now())),
        ("X-Slack-Signature", ("v0=" + "٣" * 64).encode("utf-8")),
    ]
    assert send_raw(sbot, headers, body).status == 401
    assert_nothing_went_out(sbot)


def test_the_signature_of_another_body_gets_401(sbot: Bot) -> None:
    signature = sign_as(command_body(sbot, "hjälp"), str(now()))
    _unsigned(sbot, signature, command_body(sbot, "möte punkt Budget"))


def test_a_signature_made_with_the_secret_in_other_case_gets_401(sbot: Bot) -> None:
    body = command_body(sbot)
    _unsigned(sbot, sign_as(body, str(now()), secret="TEST-SIGNING-SECRET"), body)


def _signed(bot: Bot, body: bytes, content_type: str) -> int:
    return bot.sim.raw(body, content_type, signed=True).status


@pytest.mark.parametrize(
    "name",
    [
        "bom_before_json",
        "nan_in_json",
        "infinity_in_json",
        "json_as_form",
        "form_as_json",
        "nested_payload_field",
        "payload_twice",
        "latin1_body",
    ],
)
def test_a_signed_body_of_a_shape_slack_never_sends_is_refused_without_a_500(sbot: Bot, name: str) -> None:
    action = action_payload(sbot)
    bodies = {
        "bom_before_json": ("\ufeff".encode() + event_body(sbot), JSON),
        "nan_in_json": (json.dumps(action).replace('"-"', "NaN").encode(), JSON),
        "infinity_in_json": (event_body(sbot).replace(b'"event_time": ', b'"event_time": 1e999, "x": '), JSON),
        "json_as_form": (event_body(sbot), FORM),
        "form_as_json": (command_body(sbot), JSON),
        "nested_payload_field": (interactive_body({"payload": json.dumps(action)}), FORM),
        "payload_twice": (interactive_body(action) + b"&" + interactive_body({"type": "nonsense"}), FORM),
        "latin1_body": (command_body(sbot, "hjälp").replace(b"hj%C3%A4lp", b"hj\xe4lp"), FORM),
    }
    body, content_type = bodies[name]
    status = _signed(sbot, body, content_type)
    assert status in (200, 400), (name, status)
    if status == 400:
        assert_nothing_went_out(sbot)
    else:  # read as the event or command it also is: answered (and the answer awaited, not left for the next)
        sbot.fake.wait_for("chat.postMessage")


def test_duplicate_json_keys_are_read_as_bolt_reads_them(sbot: Bot) -> None:
    """The gate types the body Bolt parsed (the last of two keys), so the two never disagree on the workspace."""
    envelope = json.loads(event_body(sbot, "hjälp"))
    text = json.dumps(envelope)
    body = text.replace('"team_id": "T0LOKUS"', '"team_id": "T0OTHER", "team_id": "T0LOKUS"', 1).encode()
    assert _signed(sbot, body, JSON) == 200
    [posted] = sbot.fake.wait_for("chat.postMessage")
    assert posted.args["channel"] == "DUANNA"


def test_a_signed_body_without_a_content_length_gets_411(sbot: Bot) -> None:
    body = command_body(sbot)
    headers = [("Content-Type", FORM), *signed_headers(body).items(), ("Transfer-Encoding", "chunked")]
    chunked = f"{len(body):x}\r\n".encode() + body + b"\r\n0\r\n\r\n"
    assert send_raw(sbot, headers, chunked, length=False).status == 411
    assert_nothing_went_out(sbot)
