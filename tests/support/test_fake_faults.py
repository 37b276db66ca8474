"""The fake Slack's bad days (tests/support/fake_faults.py): drawn and queued faults, none of which takes effect."""

import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from tests.support.fake_slack import FakeSlack

TOKEN = "xoxb-test-token"


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    """A running fake Slack."""
    with FakeSlack(bot_token=TOKEN) as server:
        yield server


@pytest.fixture
def client(fake: FakeSlack) -> WebClient:
    """A client without retries, to see every fault."""
    return WebClient(token=TOKEN, base_url=fake.url, timeout=1, retry_handlers=[])


def post(client: WebClient, text: str) -> str:
    """'ok', or the status Slack answered with."""
    try:
        client.chat_postMessage(channel="C0LOKUS", text=text)
        return "ok"
    except SlackApiError as error:
        return str(error.response.status_code)


def test_chaos_fails_its_share_of_calls_and_a_failed_call_posts_nothing(fake: FakeSlack, client: WebClient) -> None:
    fake.chaos(0.3, "429", retry_after=2, seed=7)
    answers = [post(client, f"meddelande {n}") for n in range(200)]
    assert 40 <= answers.count("429") <= 80 and set(answers) == {"ok", "429"}
    posted = [m["text"] for m in fake.messages()]
    assert posted == [f"meddelande {n}" for n, a in enumerate(answers) if a == "ok"]
    [limited, *_] = [c for c in fake.calls("chat.postMessage") if c.fault]
    assert limited.fault == "429" and len(fake.delivered("chat.postMessage")) == len(posted)
    fake.calm()
    assert {post(client, "lugnt") for _ in range(20)} == {"ok"}


def test_chaos_can_answer_with_server_errors_and_spare_methods(fake: FakeSlack, client: WebClient) -> None:
    fake.chaos(1.0, "500", methods=frozenset({"chat.postMessage"}))
    assert post(client, "x") == "500"
    assert client.conversations_open(users="UANNA")["ok"]  # not one of the methods
    assert client.auth_test()["ok"]


def test_a_hang_holds_the_call_until_the_client_gives_up_and_does_nothing(fake: FakeSlack, client: WebClient) -> None:
    fake.hang_next("chat.postMessage", seconds=1.5)
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        client.chat_postMessage(channel="C0LOKUS", text="fastnar")
    assert 0.9 < time.monotonic() - started < 1.5
    time.sleep(0.7)  # the fake answers 503 once the hang is over, to nobody
    assert fake.messages() == [] and [c.fault for c in fake.calls("chat.postMessage")] == ["hang"]
    assert post(client, "sedan") == "ok"


def test_response_urls_and_uploads_fail_too(fake: FakeSlack, client: WebClient) -> None:
    fake.server_error_next("response_url")
    url = fake.new_response_url()
    request = urllib.request.Request(url, data=b'{"text": "hej"}', headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as failed:
        urllib.request.urlopen(request, timeout=2)
    assert failed.value.code == 500
    with urllib.request.urlopen(request, timeout=2) as answer:
        assert answer.status == 200
    assert [c.fault for c in fake.calls("response_url")] == ["500", ""]
    fake.server_error_next("file_upload")
    with pytest.raises(Exception, match="500|Failed to upload"):
        client.files_upload_v2(channel="C0LOKUS", content=b"a;b", filename="a.csv")
    assert fake.uploaded_files() == []
