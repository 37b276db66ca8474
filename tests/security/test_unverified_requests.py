"""Requests that are not signed by Slack (or not as Slack signs) get 401, and the bot does nothing at all.

Each body carries what the error handler once acted on: a response_url on the fake Slack, a channel and a user.
After every attack the fake must have seen no Web API call and no response_url post, and nothing was stored.
"""

import pytest

from tests.bot.conftest import Bot
from tests.security.boundary import (
    CARRIERS,
    FORM,
    JSON,
    assert_nothing_stored,
    assert_nothing_went_out,
    carrier,
    command_body,
    now,
    sbot,
    send_raw,
    shared_bot,
    sign_as,
)

__all__ = ["sbot", "shared_bot"]

FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def bad_timestamp(name: str) -> str:
    """A timestamp header that is not a plain ASCII integer within five minutes of now."""
    stamp = now()
    return {
        "letters": "abc",
        "exponent": "1e9",
        "empty": "",
        "blank": "\t",
        "full_width_digits": str(stamp).translate(FULL_WIDTH),
        "arabic_indic_digits": str(stamp).translate(ARABIC_INDIC),
        "plus_sign": f"+{stamp}",
        "minus_sign": f"-{stamp}",
        "decimal": f"{stamp}.0",
        "hexadecimal": hex(stamp),
        "underscores": f"{stamp:_}",
        "nan": "NaN",
        "infinity": "inf",
        "negative_zero": "-0",
        "four_hundred_digits": "9" * 400,
        "two_values": f"{stamp},{stamp}",
        "inner_space": f"{stamp // 1000} {stamp % 1000:03d}",
        "stale_by_301s": str(stamp - 301),
        "future_by_301s": str(stamp + 301),
        "zero": "0",
        "year_5138": "99999999999",
    }[name]


BAD_TIMESTAMPS = [
    "letters",
    "exponent",
    "empty",
    "blank",
    "full_width_digits",
    "arabic_indic_digits",
    "plus_sign",
    "minus_sign",
    "decimal",
    "hexadecimal",
    "underscores",
    "nan",
    "infinity",
    "negative_zero",
    "four_hundred_digits",
    "two_values",
    "inner_space",
    "stale_by_301s",
    "future_by_301s",
    "zero",
    "year_5138",
]


def _attack(bot: Bot, body: bytes, content_type: str, headers: list[tuple[str, bytes | str]]) -> None:
    response = send_raw(bot, [("Content-Type", content_type), *headers], body)
    assert response.status == 401, (response.status, response.text)
    assert_nothing_went_out(bot)
    assert_nothing_stored(bot.services.db)


def _dummy_signed(timestamp: str) -> list[tuple[str, bytes | str]]:
    """The probe's headers: an odd timestamp and the signature "v0=00"."""
    return [("X-Slack-Request-Timestamp", _utf8(timestamp)), ("X-Slack-Signature", "v0=00")]


def _utf8(value: str) -> bytes:
    """Header bytes as a client would send them (http.client would refuse non-Latin-1 text)."""
    return value.encode("utf-8")


@pytest.mark.parametrize("kind", ["command", "action"])
@pytest.mark.parametrize("name", BAD_TIMESTAMPS)
def test_a_bad_timestamp_with_a_dummy_signature_gets_401_and_no_reply_anywhere(sbot: Bot, name: str, kind: str) -> None:
    body, content_type = carrier(sbot, kind)
    _attack(sbot, body, content_type, _dummy_signed(bad_timestamp(name)))


@pytest.mark.parametrize("name", BAD_TIMESTAMPS)
def test_a_bad_timestamp_is_refused_even_when_the_hmac_over_it_is_right(sbot: Bot, name: str) -> None:
    """Only a plain integer within five minutes counts, even for someone holding the secret."""
    body, content_type = carrier(sbot, "command")
    stamp = bad_timestamp(name)
    headers: list[tuple[str, bytes | str]] = [
        ("X-Slack-Request-Timestamp", _utf8(stamp)),
        ("X-Slack-Signature", sign_as(body, stamp)),
    ]
    _attack(sbot, body, content_type, headers)


@pytest.mark.parametrize("kind", CARRIERS)
@pytest.mark.parametrize("name", ["letters", "exponent", "empty", "full_width_digits", "two_values"])
def test_every_kind_of_body_with_a_bad_timestamp_gets_401(sbot: Bot, name: str, kind: str) -> None:
    body, content_type = carrier(sbot, kind)
    _attack(sbot, body, content_type, _dummy_signed(bad_timestamp(name)))


def bad_signature(name: str, body: bytes, stamp: str) -> list[tuple[str, bytes | str]]:
    """Signature headers that are wrong in one way each (the timestamp itself is fine unless said)."""
    good = sign_as(body, stamp)
    signatures: dict[str, list[str | bytes]] = {
        "dummy_v0_00": ["v0=00"],
        "empty": [""],
        "bare_v0": ["v0="],
        "v1_scheme": [sign_as(body, stamp, version="v1")],
        "upper_case_scheme": ["V0=" + good[3:]],
        "upper_case_hex": ["v0=" + good[3:].upper()],
        "other_body": [sign_as(body + b"&text=x", stamp)],
        "wrong_secret": [sign_as(body, stamp, secret="not-the-secret")],
        "other_timestamp": [sign_as(body, str(int(stamp) - 1))],
        "trailing_junk": [good + "00"],
        "truncated": [good[:-2]],
        "zeros": ["v0=" + "0" * 64],
        "bad_then_good": ["v0=" + "0" * 64, good],
        "good_twice": [good, good],
        "non_ascii": [_utf8("v0=" + "ä" * 32)],
        "ten_kilobytes": ["v0=" + "a" * 10_000],
        "sha1_length": ["v0=" + good[3:43]],
    }
    return [("X-Slack-Signature", value) for value in signatures[name]]


BAD_SIGNATURES = [
    "dummy_v0_00",
    "empty",
    "bare_v0",
    "v1_scheme",
    "upper_case_scheme",
    "upper_case_hex",
    "other_body",
    "wrong_secret",
    "other_timestamp",
    "trailing_junk",
    "truncated",
    "zeros",
    "bad_then_good",
    "good_twice",
    "non_ascii",
    "ten_kilobytes",
    "sha1_length",
]


@pytest.mark.parametrize("kind", ["command", "action", "event"])
@pytest.mark.parametrize("name", BAD_SIGNATURES)
def test_a_bad_signature_gets_401_and_no_reply_anywhere(sbot: Bot, name: str, kind: str) -> None:
    body, content_type = carrier(sbot, kind)
    stamp = str(now())
    _attack(sbot, body, content_type, [("X-Slack-Request-Timestamp", stamp), *bad_signature(name, body, stamp)])


@pytest.mark.parametrize("missing", ["timestamp", "signature", "both"])
@pytest.mark.parametrize("kind", CARRIERS)
def test_missing_signature_headers_get_401(sbot: Bot, missing: str, kind: str) -> None:
    body, content_type = carrier(sbot, kind)
    stamp = str(now())
    headers: list[tuple[str, bytes | str]] = []
    if missing != "timestamp":
        headers.append(("X-Slack-Request-Timestamp", stamp))
    if missing != "signature":
        headers.append(("X-Slack-Signature", sign_as(body, stamp)))
    if missing == "both":
        headers = []
    _attack(sbot, body, content_type, headers)


def test_duplicated_timestamp_headers_are_not_trusted(sbot: Bot) -> None:
    body, content_type = carrier(sbot, "command")
    stamp = str(now())
    headers: list[tuple[str, bytes | str]] = [
        ("X-Slack-Request-Timestamp", stamp),
        ("X-Slack-Request-Timestamp", stamp),
        ("X-Slack-Signature", sign_as(body, stamp)),
    ]
    _attack(sbot, body, content_type, headers)


@pytest.mark.parametrize("content_type", ["text/plain", "application/xml", "multipart/form-data; boundary=x", ""])
def test_an_unsigned_body_of_any_content_type_gets_401(sbot: Bot, content_type: str) -> None:
    body, _ = carrier(sbot, "command")
    _attack(sbot, body, content_type, [("X-Slack-Request-Timestamp", "abc"), ("X-Slack-Signature", "v0=00")])


@pytest.mark.parametrize("length", ["1000000000000", "-5", "abc", "1e3", "", "０"])
def test_an_unsigned_request_with_an_absurd_length_gets_401_without_the_body_being_read(sbot: Bot, length: str) -> None:
    body = command_body(sbot)
    headers: list[tuple[str, bytes | str]] = [
        ("Content-Type", FORM),
        ("Content-Length", _utf8(length)),
        ("X-Slack-Request-Timestamp", "abc"),
        ("X-Slack-Signature", "v0=00"),
    ]
    response = send_raw(sbot, headers, body, length=False)
    assert response.status == 401, (response.status, response.text)
    assert_nothing_went_out(sbot)


def test_an_unsigned_request_without_a_length_gets_401(sbot: Bot) -> None:
    headers: list[tuple[str, bytes | str]] = [("Content-Type", FORM), ("X-Slack-Signature", "v0=00")]
    response = send_raw(sbot, headers, command_body(sbot), length=False)
    assert response.status == 401
    assert_nothing_went_out(sbot)


def test_a_signed_body_cut_short_by_its_length_header_gets_401(sbot: Bot) -> None:
    body = command_body(sbot)
    stamp = str(now())
    headers: list[tuple[str, bytes | str]] = [
        ("Content-Type", FORM),
        ("Content-Length", str(len(body) - 10)),
        ("X-Slack-Request-Timestamp", stamp),
        ("X-Slack-Signature", sign_as(body, stamp)),
    ]
    response = send_raw(sbot, headers, body, length=False)
    assert response.status == 401
    assert_nothing_went_out(sbot)


def test_unsigned_url_verification_gets_401_and_no_challenge(sbot: Bot) -> None:
    body, _ = carrier(sbot, "url_verification")
    response = send_raw(sbot, [("Content-Type", JSON)], body)
    assert response.status == 401
    assert "cccc" not in response.text
    assert_nothing_went_out(sbot)


def test_slacks_unsigned_ssl_check_is_answered_and_nothing_else_happens(sbot: Bot) -> None:
    response = send_raw(sbot, [("Content-Type", FORM)], b"ssl_check=1&token=legacy-verification-token")
    assert response.status == 200
    assert_nothing_went_out(sbot)


def test_a_command_smuggled_into_an_ssl_check_gets_401(sbot: Bot) -> None:
    body = b"ssl_check=1&" + command_body(sbot)
    response = send_raw(sbot, [("Content-Type", FORM)], body)
    assert response.status == 401
    assert_nothing_went_out(sbot)


@pytest.mark.parametrize("path", ["/slack/events/", "/slack/events?x=1", "/", "/slack/other", "/healthz"])
def test_other_paths_act_on_nothing(sbot: Bot, path: str) -> None:
    body, content_type = carrier(sbot, "command")
    response = send_raw(sbot, [("Content-Type", content_type)], body, path=path)
    assert response.status in (401, 404, 405)
    assert_nothing_went_out(sbot)
