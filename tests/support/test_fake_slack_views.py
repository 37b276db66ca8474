"""The fake Slack refuses views as Slack does: over 100 blocks, texts over their limits, the wrong view type."""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from tests.support.fake_slack import FakeSlack

SAMPLES = Path("/work/shared/slack-specs/samples/python-slack-sdk-tests/views")


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as running:
        yield running


@pytest.fixture
def client(fake: FakeSlack) -> WebClient:
    return WebClient(base_url=fake.url, token=fake.bot_token)


def section(text: str = "Hej") -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def refusal(client: WebClient, view: dict[str, Any], method: str = "views_publish") -> list[str]:
    call = getattr(client, method)
    with pytest.raises(SlackApiError) as raised:
        if method == "views_publish":
            call(user_id="UANNA", view=view)
        else:
            call(trigger_id="1.2.abc", view=view)
    assert raised.value.response["error"] == "invalid_arguments"
    return list(raised.value.response["response_metadata"]["messages"])


def test_a_home_view_of_100_blocks_is_published_and_one_of_101_is_refused(client: WebClient) -> None:
    assert client.views_publish(user_id="UANNA", view={"type": "home", "blocks": [section()] * 100})["ok"]
    messages = refusal(client, {"type": "home", "blocks": [section()] * 101})
    assert messages == ["[ERROR] no more than 100 items allowed [json-pointer:/view/blocks]"]


def test_texts_over_their_limits_are_refused_where_they_are(client: WebClient) -> None:
    header = {"type": "header", "text": {"type": "plain_text", "text": "x" * 151}}
    button = {"type": "button", "action_id": "a", "text": {"type": "plain_text", "text": "y" * 76}, "value": "1"}
    actions = {"type": "actions", "elements": [button]}
    messages = refusal(client, {"type": "home", "blocks": [section("z" * 3001), header, actions]})
    assert [m.rsplit("json-pointer:", 1)[1] for m in messages] == [
        "/view/blocks/0/text]",
        "/view/blocks/1/text]",
        "/view/blocks/2/elements/0/text]",
    ]


def test_a_modal_cannot_be_published_nor_a_home_view_opened(client: WebClient) -> None:
    title = {"type": "plain_text", "text": "LOKUS"}
    assert "/view/type" in refusal(client, {"type": "modal", "title": title, "blocks": []})[0]
    assert "/view/type" in refusal(client, {"type": "home", "blocks": []}, "views_open")[0]
    long_title = {"type": "modal", "title": {"type": "plain_text", "text": "t" * 25}, "blocks": []}
    assert "/view/title/text" in refusal(client, long_title, "views_open")[0]


def test_duplicate_block_ids_are_refused(client: WebClient) -> None:
    blocks = [{**section(), "block_id": "b1"}, {**section(), "block_id": "b1"}]
    assert "/view/blocks/1/block_id" in refusal(client, {"type": "home", "blocks": blocks})[0]


@pytest.mark.skipif(not SAMPLES.is_dir(), reason="the Slack samples are not on this machine")
def test_slacks_own_sample_views_are_accepted(client: WebClient) -> None:
    for path in sorted(SAMPLES.glob("view_home_*.json")):
        view = json.loads(path.read_text(encoding="utf-8"))
        assert client.views_publish(user_id="UANNA", view=view)["ok"], path.name
