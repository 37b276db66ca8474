"""A modal's private_metadata is the bot's own sealed model: anything else gets a kind error and nothing is saved.

Each submission is signed by Slack and its answers are valid (the same answers save a case in the control test),
so only the metadata decides. A tampered one must not save a case, must not post anything, and must tell the
person on the form itself.
"""

import hashlib
import hmac
import json
from collections.abc import Callable
from typing import Any

import pytest

from bot.slack.metadata import FormMetadata, MetadataSeal, SealedMetadata
from bot.slack.verification import derived_key
from handlers.context import Actor
from handlers.replies import Form
from tests.bot.conftest import Bot
from tests.security.boundary import (
    A_CASE,
    SIGNING_SECRET,
    assert_nothing_went_out,
    filled_state,
    link_heby,
    open_case_form,
    sbot,
    shared_bot,
    stored_case_count,
)

__all__ = ["sbot", "shared_bot"]

INVALID = "Formuläret gick inte att läsa"
ANNA = Actor("T0LOKUS", "UANNA")


@pytest.fixture(scope="module")
def case_form(shared_bot: Bot) -> dict[str, Any]:
    """The case form the bot opened for Anna, samordnare of Heby."""
    link_heby(shared_bot)
    return open_case_form(shared_bot)


def _edited(raw: str, change: Callable[[dict[str, Any]], None]) -> str:
    sealed = json.loads(raw)
    change(sealed)
    return json.dumps(sealed)


def _sealed_with(secret: str, form: str, data: Any, user: str = "UANNA") -> str:
    """Metadata sealed with a key from this secret, its data taken as given (the model is bypassed)."""
    metadata = {"form": form, "team": "T0LOKUS", "user": user, "data": data}
    canonical = json.dumps(metadata, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()
    seal = hmac.new(derived_key(secret, "private_metadata"), canonical, hashlib.sha256).hexdigest()
    return json.dumps({"m": metadata, "s": seal})


def tampered(name: str, real: str) -> str:
    """The form's real metadata, changed in one way each."""
    variants: dict[str, Callable[[], str]] = {
        "empty": lambda: "",
        "not_json": lambda: "{not json",
        "sql_in_group_id": lambda: '{"group_id": "1 OR 1=1"}',
        "a_huge_number": lambda: "1e30",
        "null": lambda: "null",
        "a_list": lambda: "[]",
        "unsealed_as_the_bot_once_wrote_it": lambda: '{"group_id": 1, "via": "form"}',
        "group_id_changed": lambda: _edited(real, lambda s: s["m"]["data"].update(group_id=2)),
        "group_id_sql": lambda: _edited(real, lambda s: s["m"]["data"].update(group_id="1 OR 1=1")),
        "group_id_huge_float": lambda: _edited(real, lambda s: s["m"]["data"].update(group_id=1e30)),
        "user_changed": lambda: _edited(real, lambda s: s["m"].update(user="UBERTIL")),
        "team_changed": lambda: _edited(real, lambda s: s["m"].update(team="T0OTHER")),
        "form_changed": lambda: _edited(real, lambda s: s["m"].update(form="form.case_pick_group")),
        "seal_zeroed": lambda: _edited(real, lambda s: s.update(s="0" * 64)),
        "seal_upper_case": lambda: _edited(real, lambda s: s.update(s=s["s"].upper())),
        "seal_removed": lambda: _edited(real, lambda s: s.pop("s")),
        "seal_a_number": lambda: _edited(real, lambda s: s.update(s=7)),
        "extra_field_outside": lambda: _edited(real, lambda s: s.update(admin=True)),
        "extra_field_inside": lambda: _edited(real, lambda s: s["m"].update(role="förbund")),
        "extra_data_key": lambda: _edited(real, lambda s: s["m"]["data"].update(case_id=1)),
        "other_secret": lambda: _sealed_with("another-apps-secret", "form.case", {"group_id": 1, "via": "form"}),
        "signing_secret_itself_as_key": lambda: _sealed_raw_key(SIGNING_SECRET.encode(), real),
        "sealed_float_group_id": lambda: _sealed_with(SIGNING_SECRET, "form.case", {"group_id": 1e30}),
        "sealed_nested_group_id": lambda: _sealed_with(SIGNING_SECRET, "form.case", {"group_id": {"$gt": 0}}),
        "duplicate_keys": lambda: real[:-1] + ', "m": {"form": "form.case", "team": "T0LOKUS"}}',
        "deep_nesting": lambda: "[" * 1400 + "]" * 1400,
        "three_thousand_chars": lambda: "x" * 3000,
        "truncated": lambda: real[: len(real) // 2],
    }
    return variants[name]()


def _sealed_raw_key(key: bytes, real: str) -> str:
    """The real metadata resealed with the signing secret itself instead of the derived key."""
    sealed = json.loads(real)
    canonical = json.dumps(sealed["m"], sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()
    sealed["s"] = hmac.new(key, canonical, hashlib.sha256).hexdigest()
    return json.dumps(sealed)


TAMPERED = [
    "empty",
    "not_json",
    "sql_in_group_id",
    "a_huge_number",
    "null",
    "a_list",
    "unsealed_as_the_bot_once_wrote_it",
    "group_id_changed",
    "group_id_sql",
    "group_id_huge_float",
    "user_changed",
    "team_changed",
    "form_changed",
    "seal_zeroed",
    "seal_upper_case",
    "seal_removed",
    "seal_a_number",
    "extra_field_outside",
    "extra_field_inside",
    "extra_data_key",
    "other_secret",
    "signing_secret_itself_as_key",
    "sealed_float_group_id",
    "sealed_nested_group_id",
    "duplicate_keys",
    "deep_nesting",
    "three_thousand_chars",
    "truncated",
]


def _assert_kind_error_and_nothing_done(bot: Bot, response: Any, cases_before: int, text: str = INVALID) -> None:
    assert response.status == 200, (response.status, response.text)
    answer = response.json()
    assert answer["response_action"] == "errors"
    [(field, message)] = answer["errors"].items()
    assert field == "raised_on" and text in message
    assert stored_case_count(bot.services) == cases_before
    assert_nothing_went_out(bot)


@pytest.mark.parametrize("name", TAMPERED)
def test_tampered_metadata_gets_a_kind_error_on_the_form_and_saves_nothing(
    sbot: Bot, case_form: dict[str, Any], name: str
) -> None:
    before = stored_case_count(sbot.services)
    metadata = tampered(name, case_form["private_metadata"])
    response = sbot.sim.view_submission("UANNA", "form.case", filled_state(case_form, A_CASE), metadata)
    _assert_kind_error_and_nothing_done(sbot, response, before)


def test_someone_elses_form_cannot_be_submitted_as_ones_own(sbot: Bot, case_form: dict[str, Any]) -> None:
    before = stored_case_count(sbot.services)
    state = filled_state(case_form, A_CASE)
    response = sbot.sim.view_submission("UBERTIL", "form.case", state, case_form["private_metadata"])
    _assert_kind_error_and_nothing_done(sbot, response, before)


def test_a_forms_metadata_cannot_be_used_for_another_form(sbot: Bot, case_form: dict[str, Any]) -> None:
    before = stored_case_count(sbot.services)
    state = filled_state(case_form, A_CASE)
    response = sbot.sim.view_submission("UANNA", "form.case_pick_group", state, case_form["private_metadata"])
    _assert_kind_error_and_nothing_done(sbot, response, before)


def test_a_sealed_form_nobody_handles_any_more_gets_a_kind_error(sbot: Bot, case_form: dict[str, Any]) -> None:
    before = stored_case_count(sbot.services)
    metadata = MetadataSeal(derived_key(SIGNING_SECRET, "private_metadata")).close(
        Form("form.gone", "", "", (), json.dumps({"group_id": 1})), ANNA
    )
    response = sbot.sim.view_submission("UANNA", "form.gone", filled_state(case_form, A_CASE), metadata)
    _assert_kind_error_and_nothing_done(sbot, response, before, text="tar jag inte emot längre")


def test_the_forms_own_metadata_saves_the_case(sbot: Bot, case_form: dict[str, Any]) -> None:
    """The control: the very answers of the tests above, with the metadata the bot wrote, save a case."""
    before = stored_case_count(sbot.services)
    state = filled_state(case_form, A_CASE)
    response = sbot.sim.view_submission("UANNA", "form.case", state, case_form["private_metadata"])
    assert response.status == 200 and not response.body
    sbot.fake.wait_for("chat.postMessage", predicate=lambda c: c.args.get("channel") == "DUANNA")
    assert stored_case_count(sbot.services) == before + 1


def test_the_metadata_the_bot_writes_is_the_typed_sealed_model(case_form: dict[str, Any]) -> None:
    sealed = SealedMetadata.model_validate_json(case_form["private_metadata"])
    assert sealed.m == FormMetadata(form="form.case", team="T0LOKUS", user="UANNA", data=sealed.m.data)
    assert set(sealed.m.data) == {"group_id", "via"} and isinstance(sealed.m.data["group_id"], int)
    seal = MetadataSeal(derived_key(SIGNING_SECRET, "private_metadata"))
    assert seal.open(case_form["private_metadata"], form="form.case", actor=ANNA) == sealed.m.data
    assert seal.open(case_form["private_metadata"], form="form.case", actor=Actor("T0LOKUS", "UBERTIL")) is None
