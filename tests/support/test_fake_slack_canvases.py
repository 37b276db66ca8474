"""The fake Slack's canvases and function executions answer as Slack's method pages say, through slack_sdk."""

from collections.abc import Iterator

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from tests.support.fake_slack import FakeSlack

MARKDOWN = "Inledning\n\n## Läget\n\nAllt väl.\n\n### Detalj\n\nMer.\n\n## 1. Mål\n\nInget än."


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as running:
        yield running


def _client(fake: FakeSlack, token: str | None = None) -> WebClient:
    return WebClient(base_url=fake.url, token=token or fake.bot_token)


def _error(call: object) -> str:
    with pytest.raises(SlackApiError) as raised:
        call()  # type: ignore[operator]
    return str(raised.value.response["error"])


def test_a_channel_has_one_channel_canvas_and_others_beside_it(fake: FakeSlack) -> None:
    client = _client(fake)
    content = {"type": "markdown", "markdown": MARKDOWN}
    first = client.conversations_canvases_create(channel_id="C1", document_content=content, title="Plan")["canvas_id"]
    assert fake.canvas_text(first) == MARKDOWN and fake.canvas(first).title == "Plan"
    again = lambda: client.conversations_canvases_create(channel_id="C1", document_content=content)  # noqa: E731
    assert _error(again) == "channel_canvas_already_exists"
    beside = client.canvases_create(title="Egen", document_content=content, channel_id="C1")["canvas_id"]
    client.canvases_access_set(canvas_id=beside, access_level="read", channel_ids=["C1"])
    assert [c.id for c in fake.canvases_in("C1")] == [first, beside] and fake.canvas(beside).access == {"C1": "read"}


def test_a_heading_is_found_and_replaced_with_what_stands_under_it(fake: FakeSlack) -> None:
    client = _client(fake)
    canvas = client.canvases_create(document_content={"type": "markdown", "markdown": MARKDOWN})["canvas_id"]
    found = client.canvases_sections_lookup(
        canvas_id=canvas, criteria={"section_types": ["h2"], "contains_text": "läget"}
    )
    [section] = found["sections"]
    assert (
        len(client.canvases_sections_lookup(canvas_id=canvas, criteria={"section_types": ["any_header"]})["sections"])
        == 3
    )
    new = {"type": "markdown", "markdown": "## Läget\n\nNytt läge."}
    client.canvases_edit(
        canvas_id=canvas, changes=[{"operation": "replace", "section_id": section["id"], "document_content": new}]
    )
    assert fake.canvas_text(canvas) == "Inledning\n\n## Läget\n\nNytt läge.\n\n## 1. Mål\n\nInget än."
    end = {"type": "markdown", "markdown": "Slut."}
    client.canvases_edit(canvas_id=canvas, changes=[{"operation": "insert_at_end", "document_content": end}])
    assert fake.canvas_text(canvas).endswith("Inget än.\n\nSlut.")


def test_edits_are_refused_as_slack_refuses_them(fake: FakeSlack) -> None:
    client = _client(fake)
    canvas = client.canvases_create(document_content={"type": "markdown", "markdown": MARKDOWN})["canvas_id"]
    content = {"type": "markdown", "markdown": "x"}
    two = [{"operation": "insert_at_end", "document_content": content}] * 2
    assert _error(lambda: client.canvases_edit(canvas_id=canvas, changes=two)) == "invalid_arguments"
    gone = [{"operation": "replace", "section_id": "temp:C:NOPE", "document_content": content}]
    assert _error(lambda: client.canvases_edit(canvas_id=canvas, changes=gone)) == "canvas_editing_failed"
    assert _error(lambda: client.canvases_edit(canvas_id="F0NONE", changes=gone[:1])) == "canvas_not_found"
    fake.refuse_canvases("free_team_not_allowed")
    refused = lambda: client.conversations_canvases_create(channel_id="C2", document_content=content)  # noqa: E731
    assert _error(refused) == "free_team_not_allowed"
    assert fake.canvas_text(canvas) == MARKDOWN


def test_a_function_execution_ends_once_with_its_outputs_and_its_token(fake: FakeSlack) -> None:
    execution = fake.new_function_execution(("case_number",))
    client = _client(fake, execution.token)
    no_output = lambda: client.functions_completeSuccess(function_execution_id=execution.id, outputs={})  # noqa: E731
    assert _error(no_output) == "parameter_validation_failed"
    client.functions_completeSuccess(function_execution_id=execution.id, outputs={"case_number": 3})
    assert fake.execution(execution.id).outputs == {"case_number": 3}
    late = lambda: _client(fake).functions_completeError(function_execution_id=execution.id, error="x")  # noqa: E731
    assert _error(late) == "execution_not_in_running_state"
    assert _error(lambda: client.auth_test()) == "invalid_auth"  # the workflow token ends with its execution
    unknown = lambda: _client(fake).functions_completeError(function_execution_id="Fx0", error="x")  # noqa: E731
    assert _error(unknown) == "function_execution_not_found"
