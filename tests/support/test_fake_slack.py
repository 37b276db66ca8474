"""Tests of the fake Slack Web API and of the signed-request simulator, driven by slack_sdk and slack_bolt."""

import json
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler
from slack_sdk.signature import SignatureVerifier

from tests.support.fake_slack import Call, FakeSlack
from tests.support.signing import SlackClientSim, sign, signature

TOKEN = "xoxb-test-token"
SECRET = "test-signing-secret"
BLOCKS = [{"type": "section", "text": {"type": "mrkdwn", "text": "*Hej* LOKUS"}}]


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    """A running fake Slack."""
    with FakeSlack(bot_token=TOKEN) as server:
        yield server


@pytest.fixture
def client(fake: FakeSlack) -> WebClient:
    """A real slack_sdk client talking to the fake."""
    return WebClient(base_url=fake.url, token=TOKEN)


# ----- fake Slack: Web API


def test_url_is_the_api_base_on_loopback(fake: FakeSlack) -> None:
    assert fake.url == f"http://127.0.0.1:{fake.port}/api/"
    assert fake.port > 0


def test_post_message_round_trip_records_decoded_blocks(fake: FakeSlack, client: WebClient) -> None:
    first = client.chat_postMessage(channel="C0LOKUS", text="Hej", blocks=BLOCKS)
    second = client.chat_postMessage(channel="C0LOKUS", text="Igen", thread_ts=first["ts"])

    assert first["ok"] is True
    assert first["channel"] == "C0LOKUS"
    assert first["ts"] == "1700000000.000100"
    assert second["ts"] == "1700000000.000200"
    assert first["message"]["text"] == "Hej"
    assert first["message"]["blocks"] == BLOCKS
    assert first["message"]["ts"] == "1700000000.000100"
    assert first["message"]["user"] == "U0LOKUSBOT"
    assert first["message"]["bot_id"] == "B0LOKUSBOT"
    assert second["message"]["thread_ts"] == "1700000000.000100"
    [call, _] = fake.calls("chat.postMessage")
    assert call.method == "chat.postMessage"
    assert call.args == {"channel": "C0LOKUS", "text": "Hej", "blocks": BLOCKS}
    assert call.headers["authorization"] == f"Bearer {TOKEN}"
    assert call.headers["content-type"] == "application/json;charset=utf-8"  # slack_sdk posts this one as JSON
    assert call.path == "/api/chat.postMessage"


def test_json_text_in_form_posts_is_decoded(fake: FakeSlack, client: WebClient) -> None:
    client.api_call("chat.postMessage", params={"channel": "C1", "text": "[x] klart", "blocks": json.dumps(BLOCKS)})

    [call] = fake.calls("chat.postMessage")
    assert call.headers["content-type"] == "application/x-www-form-urlencoded"
    assert call.args == {"channel": "C1", "text": "[x] klart", "blocks": BLOCKS}


def test_post_message_to_a_user_goes_to_their_dm(fake: FakeSlack, client: WebClient) -> None:
    response = client.chat_postMessage(channel="UANNA", text="Hej Anna")

    assert response["channel"] == "DUANNA"
    assert fake.messages() == [{**response["message"], "channel": "DUANNA"}]


@pytest.mark.filterwarnings("ignore:The top-level `text` argument is missing")
def test_post_message_without_text_is_no_text(client: WebClient) -> None:
    with pytest.raises(SlackApiError) as raised:
        client.chat_postMessage(channel="C0LOKUS")
    assert raised.value.response["error"] == "no_text"


def test_update_delete_ephemeral_and_permalink(fake: FakeSlack, client: WebClient) -> None:
    posted = client.chat_postMessage(channel="C0LOKUS", text="Före")
    updated = client.chat_update(channel="C0LOKUS", ts=posted["ts"], text="Efter", blocks=BLOCKS)
    ephemeral = client.chat_postEphemeral(channel="C0LOKUS", user="UANNA", text="Bara för dig")
    permalink = client.chat_getPermalink(channel="C0LOKUS", message_ts=posted["ts"])

    assert (updated["channel"], updated["ts"], updated["text"]) == ("C0LOKUS", "1700000000.000100", "Efter")
    assert updated["message"]["blocks"] == BLOCKS
    assert [m["text"] for m in fake.messages("C0LOKUS")] == ["Efter"]
    assert ephemeral["message_ts"] == "1700000000.000300"
    assert permalink["permalink"] == "https://lokus.slack.com/archives/C0LOKUS/p1700000000000100"
    deleted = client.chat_delete(channel="C0LOKUS", ts=posted["ts"])
    assert (deleted["channel"], deleted["ts"]) == ("C0LOKUS", "1700000000.000100")
    assert fake.messages() == []


def test_auth_test_describes_the_bot(client: WebClient) -> None:
    response = client.auth_test()

    assert response.data == {
        "ok": True,
        "url": "https://lokus.slack.com/",
        "team": "LOKUS",
        "user": "lokusbot",
        "team_id": "T0LOKUS",
        "user_id": "U0LOKUSBOT",
        "bot_id": "B0LOKUSBOT",
        "is_enterprise_install": False,
    }


def test_auth_test_over_get_with_query_token_header(fake: FakeSlack) -> None:
    request = urllib.request.Request(f"{fake.url}auth.test", headers={"Authorization": f"Bearer {TOKEN}"})
    with urllib.request.urlopen(request, timeout=5) as reply:
        body = json.loads(reply.read())
    assert (reply.status, body["ok"], body["user_id"]) == (200, True, "U0LOKUSBOT")


def test_wrong_token_is_invalid_auth(fake: FakeSlack) -> None:
    with pytest.raises(SlackApiError) as raised:
        WebClient(base_url=fake.url, token="xoxb-wrong").chat_postMessage(channel="C1", text="x")
    assert raised.value.response.status_code == 200
    assert raised.value.response["error"] == "invalid_auth"
    assert fake.messages() == []


def test_missing_token_is_not_authed(fake: FakeSlack) -> None:
    with pytest.raises(SlackApiError) as raised:
        WebClient(base_url=fake.url).auth_test()
    assert raised.value.response["error"] == "not_authed"
    assert [call.method for call in fake.calls()] == ["auth.test"]


def test_unknown_method_is_recorded_and_answered_like_slack(fake: FakeSlack, client: WebClient) -> None:
    with pytest.raises(SlackApiError) as raised:
        client.api_call("lokus.nonsense", params={"a": "1"})
    assert raised.value.response.status_code == 200
    assert raised.value.response.data == {"ok": False, "error": "unknown_method", "req_method": "lokus.nonsense"}
    [call] = fake.calls("lokus.nonsense")
    assert call == Call("lokus.nonsense", {"a": "1"}, call.headers, "/api/lokus.nonsense", call.received)
    assert call.received > 0


def test_json_bodies_are_parsed(fake: FakeSlack, client: WebClient) -> None:
    client.api_call("chat.postMessage", json={"channel": "C1", "text": "json", "blocks": BLOCKS})

    [call] = fake.calls("chat.postMessage")
    assert call.args == {"channel": "C1", "text": "json", "blocks": BLOCKS}
    assert call.headers["content-type"] == "application/json;charset=utf-8"


def test_conversations_open_gives_a_stable_dm_per_user(fake: FakeSlack, client: WebClient) -> None:
    first = client.conversations_open(users="UANNA")
    again = client.conversations_open(users="UANNA")
    other = client.conversations_open(users=["UBO"])

    assert first.data == {"ok": True, "channel": {"id": "DUANNA"}}
    assert again.data == {"ok": True, "no_op": True, "already_open": True, "channel": {"id": "DUANNA"}}
    assert other["channel"]["id"] == "DUBO" == fake.dm_channel_id("UBO")


def test_users_info_in_stockholm(fake: FakeSlack, client: WebClient) -> None:
    fake.add_user("UANNA", "anna", "Anna Andersson", display_name="Anna A")

    user = client.users_info(user="UANNA")["user"]
    unknown = client.users_info(user="UBO")["user"]

    assert (user["id"], user["name"], user["real_name"], user["tz"]) == (
        "UANNA",
        "anna",
        "Anna Andersson",
        "Europe/Stockholm",
    )
    assert user["profile"]["display_name"] == "Anna A"
    assert user["profile"]["real_name"] == "Anna Andersson"
    assert user["tz_offset"] in (3600, 7200)
    assert (unknown["id"], unknown["name"], unknown["tz"], unknown["is_bot"]) == (
        "UBO",
        "ubo",
        "Europe/Stockholm",
        False,
    )


def test_channel_info_and_members(fake: FakeSlack, client: WebClient) -> None:
    fake.add_channel("C0LOKUS", "lokus-syd", members=["UANNA", "UBO"])

    info = client.conversations_info(channel="C0LOKUS")["channel"]
    members = client.conversations_members(channel="C0LOKUS")

    assert (info["id"], info["name"], info["is_channel"], info["num_members"]) == ("C0LOKUS", "lokus-syd", True, 2)
    assert members["members"] == ["UANNA", "UBO"]
    assert members["response_metadata"] == {"next_cursor": ""}


def test_views_return_the_submitted_view_with_id_and_hash(fake: FakeSlack, client: WebClient) -> None:
    modal = {"type": "modal", "callback_id": "plan", "title": {"type": "plain_text", "text": "Plan"}, "blocks": []}

    opened = client.views_open(trigger_id="1.2.abc", view=modal)["view"]
    updated = client.views_update(view_id=opened["id"], view={**modal, "callback_id": "plan2"})["view"]
    home = client.views_publish(user_id="UANNA", view={"type": "home", "blocks": BLOCKS})["view"]

    assert (opened["id"], opened["type"], opened["callback_id"], opened["root_view_id"]) == (
        "V00000001",
        "modal",
        "plan",
        "V00000001",
    )
    assert opened["hash"] != ""
    assert (updated["id"], updated["callback_id"]) == ("V00000001", "plan2")
    assert (home["id"], home["type"], home["blocks"]) == ("VHUANNA", "home", BLOCKS)
    assert fake.calls("views.open")[0].args["view"] == modal


def test_views_open_needs_a_trigger(client: WebClient) -> None:
    with pytest.raises(SlackApiError) as raised:
        client.views_open(trigger_id="", view={"type": "modal"})
    assert raised.value.response["error"] == "invalid_arguments"


def test_reactions_add_twice_is_already_reacted(client: WebClient) -> None:
    assert client.reactions_add(channel="C1", timestamp="1.2", name="white_check_mark").data == {"ok": True}
    with pytest.raises(SlackApiError) as raised:
        client.reactions_add(channel="C1", timestamp="1.2", name="white_check_mark")
    assert raised.value.response["error"] == "already_reacted"


# ----- fake Slack: files


def test_files_upload_v2_end_to_end(fake: FakeSlack, client: WebClient) -> None:
    content = "namn;timmar\nÅsa;3,5\n".encode()

    response = client.files_upload_v2(
        content=content, filename="x.csv", channel="C1", thread_ts="1700000000.000100", initial_comment="Här:"
    )

    assert [c.method for c in fake.calls()] == [
        "files.getUploadURLExternal",
        "file_upload",
        "files.completeUploadExternal",
    ]
    assert fake.calls("files.getUploadURLExternal")[0].args == {"filename": "x.csv", "length": str(len(content))}
    assert fake.calls("files.completeUploadExternal")[0].args == {
        "files": [{"id": "F00000001", "title": "x.csv"}],
        "channel_id": "C1",
        "initial_comment": "Här:",
        "thread_ts": "1700000000.000100",
    }
    file = response["file"]
    assert (file["id"], file["name"], file["title"], file["size"]) == ("F00000001", "x.csv", "x.csv", len(content))
    assert (file["mimetype"], file["filetype"], file["channels"]) == ("text/csv", "csv", ["C1"])
    [uploaded] = fake.uploaded_files()
    assert uploaded.file_id == "F00000001"
    assert uploaded.filename == "x.csv"
    assert uploaded.title == "x.csv"
    assert uploaded.content == content
    assert uploaded.channel_id == "C1"
    assert uploaded.thread_ts == "1700000000.000100"
    assert uploaded.initial_comment == "Här:"
    assert client.files_info(file="F00000001")["file"]["size"] == len(content)


def test_upload_url_points_at_the_fake_and_accepts_multipart(fake: FakeSlack, client: WebClient) -> None:
    url = client.files_getUploadURLExternal(filename="a.txt", length=3)

    assert url["upload_url"] == f"http://127.0.0.1:{fake.port}/upload/F00000001"
    boundary = "XyZ"
    body = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n'
        f"Content-Type: text/plain\r\n\r\nabc\r\n--{boundary}--\r\n"
    ).encode()
    request = urllib.request.Request(
        url["upload_url"], data=body, headers={"Content-Type": f"multipart/form-data; boundary={boundary}"}
    )
    with urllib.request.urlopen(request, timeout=5) as reply:
        assert (reply.status, reply.read()) == (200, b"OK - 3")
    assert fake.uploaded_files() == []
    assert fake.uploaded_files(include_incomplete=True)[0].content == b"abc"


def test_files_info_of_unknown_file_is_file_not_found(client: WebClient) -> None:
    with pytest.raises(SlackApiError) as raised:
        client.files_info(file="FNOPE")
    assert raised.value.response["error"] == "file_not_found"


def test_added_files_are_served_at_url_private(fake: FakeSlack) -> None:
    file = fake.add_file(b"\x00\x01binary", "plan.xlsx", user_id="UANNA")

    request = urllib.request.Request(file["url_private"], headers={"Authorization": f"Bearer {TOKEN}"})
    with urllib.request.urlopen(request, timeout=5) as reply:
        assert reply.read() == b"\x00\x01binary"
    assert (file["user"], file["filetype"], file["size"]) == ("UANNA", "xlsx", 8)


# ----- fake Slack: failures, rate limits, waiting


def test_rate_limit_then_retry_handler_succeeds(fake: FakeSlack) -> None:
    fake.rate_limit_next("chat.postMessage", retry_after=0)
    client = WebClient(base_url=fake.url, token=TOKEN, retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=1)])

    response = client.chat_postMessage(channel="C1", text="till slut")

    assert (response.status_code, response["ok"], response["ts"]) == (200, True, "1700000000.000100")
    assert [c.args["text"] for c in fake.calls("chat.postMessage")] == ["till slut", "till slut"]


def test_rate_limit_without_retry_is_a_429(fake: FakeSlack, client: WebClient) -> None:
    fake.rate_limit_next("chat.postMessage", retry_after=7)

    with pytest.raises(SlackApiError) as raised:
        client.chat_postMessage(channel="C1", text="x")

    assert raised.value.response.status_code == 429
    assert raised.value.response.headers["Retry-After"] == "7"
    assert raised.value.response["error"] == "ratelimited"
    assert client.chat_postMessage(channel="C1", text="x")["ok"] is True


def test_fail_next_fails_once(fake: FakeSlack, client: WebClient) -> None:
    fake.fail_next("chat.postMessage")

    with pytest.raises(SlackApiError) as raised:
        client.chat_postMessage(channel="C1", text="x")

    assert raised.value.response["error"] == "channel_not_found"
    assert client.chat_postMessage(channel="C1", text="x")["ts"] == "1700000000.000100"


def test_wait_for_returns_calls_made_from_another_thread(fake: FakeSlack, client: WebClient) -> None:
    def later() -> None:
        time.sleep(0.2)
        client.chat_postMessage(channel="C1", text="ett")
        client.chat_postMessage(channel="C1", text="två")

    threading.Thread(target=later).start()
    calls = fake.wait_for("chat.postMessage", count=2, timeout=5)

    assert [c.args["text"] for c in calls] == ["ett", "två"]
    assert [c.args["text"] for c in fake.wait_for("chat.postMessage", predicate=lambda c: c.args["text"] == "två")] == [
        "två"
    ]


def test_wait_for_timeout_lists_received_methods(fake: FakeSlack, client: WebClient) -> None:
    client.auth_test()

    with pytest.raises(AssertionError) as raised:
        fake.wait_for("chat.postMessage", timeout=0.2)

    assert str(raised.value) == "expected 1 call(s) to chat.postMessage within 0.2s, got 0; received: ['auth.test']"


def test_reset_forgets_calls_and_restarts_ts(fake: FakeSlack, client: WebClient) -> None:
    client.chat_postMessage(channel="C1", text="x")
    fake.reset()

    assert fake.calls() == []
    assert client.chat_postMessage(channel="C1", text="y")["ts"] == "1700000000.000100"


def test_response_url_posts_are_recorded(fake: FakeSlack) -> None:
    url = fake.new_response_url()
    body = json.dumps({"text": "Klart", "replace_original": True}).encode()
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as reply:
        assert (reply.status, reply.read()) == (200, b"ok")

    [call] = fake.calls("response_url")
    assert call.args == {"text": "Klart", "replace_original": True}
    assert call.path == url.removeprefix(fake.root_url[:-1])


def test_standalone_module_prints_url_then_json_lines() -> None:
    root = Path(__file__).resolve().parents[2]
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.support.fake_slack", "--port", "0", "--token", TOKEN],
        cwd=root,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        WebClient(base_url=url, token=TOKEN).chat_postMessage(channel="C1", text="hej")
        line = json.loads(process.stdout.readline())
    finally:
        process.terminate()
        process.wait(timeout=5)

    assert url.startswith("http://127.0.0.1:") and url.endswith("/api/")
    assert line == {
        "method": "chat.postMessage",
        "path": "/api/chat.postMessage",
        "args": {"channel": "C1", "text": "hej"},
    }
    assert process.returncode == 0


# ----- signing


def test_signature_matches_slacks_documented_example() -> None:
    body = (
        b"token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V"
        b"&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text="
        b"&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN"
        b"&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
    )

    assert signature(body, "8f742231b10e8888abcd99yyyzzz85a5", 1531420618) == (
        "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
    )


def test_sign_is_accepted_by_slack_sdk_and_tampering_is_rejected() -> None:
    body = b'{"type":"event_callback","event":{"type":"message","text":"hej"}}'
    headers = sign(body, SECRET)
    verifier = SignatureVerifier(SECRET)

    assert set(headers) == {"X-Slack-Request-Timestamp", "X-Slack-Signature"}
    assert abs(int(headers["X-Slack-Request-Timestamp"]) - time.time()) < 5
    assert verifier.is_valid_request(body, headers) is True
    assert verifier.is_valid_request(body.replace(b"hej", b"hej!"), headers) is False
    assert SignatureVerifier("other-secret").is_valid_request(body, headers) is False
    assert verifier.is_valid_request(body, sign(body, SECRET, int(time.time()) - 600)) is False


# ----- the simulator against a real Bolt app


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Keep test output clean."""


@pytest.fixture
def bolt(fake: FakeSlack) -> Iterator[tuple[SlackClientSim, list[dict[str, Any]]]]:
    """A Bolt app served over HTTP with the fake as its Web API, and a simulator signed for it."""
    seen: list[dict[str, Any]] = []
    app = App(client=WebClient(base_url=fake.url, token=TOKEN), signing_secret=SECRET)
    _register_listeners(app, seen)
    server: WSGIServer = make_server("127.0.0.1", 0, SlackRequestHandler(app), handler_class=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield SlackClientSim(f"http://127.0.0.1:{server.server_port}", SECRET, fake_slack=fake), seen
    finally:
        server.shutdown()
        server.server_close()


def _register_listeners(app: App, seen: list[dict[str, Any]]) -> None:
    """Listeners that echo what they got through the Web API, so tests see Bolt parsed each payload."""

    @app.command("/lokus")
    def command(ack: Any, command: dict[str, Any], say: Any, respond: Any) -> None:
        ack()
        seen.append(command)
        say(f"kommando: {command['text']}")
        respond("svar via response_url")

    @app.event("message")
    def message(event: dict[str, Any], say: Any, context: Any) -> None:
        seen.append(event)
        say(f"{event['channel_type']}: {event['text']}")

    @app.event("app_home_opened")
    def home(event: dict[str, Any], client: WebClient) -> None:
        client.views_publish(user_id=event["user"], view={"type": "home", "blocks": []})

    @app.action("klar")
    def clicked(ack: Any, body: dict[str, Any], respond: Any) -> None:
        ack()
        seen.append(body)
        respond(f"klickat: {body['actions'][0]['value']}")

    @app.view("tidrapport")
    def submitted(ack: Any, view: dict[str, Any], body: dict[str, Any], client: WebClient) -> None:
        ack()
        hours = view["state"]["values"]["timmar"]["input"]["value"]
        client.chat_postMessage(channel=body["user"]["id"], text=f"{hours} h, {view['private_metadata']}")


def test_bolt_answers_url_verification(bolt: tuple[SlackClientSim, list[dict[str, Any]]]) -> None:
    slack, _ = bolt
    response = slack.url_verification("utmaning-123")
    assert (response.status, response.json()) == (200, {"challenge": "utmaning-123"})


def test_bolt_runs_slash_command(fake: FakeSlack, bolt: tuple[SlackClientSim, list[dict[str, Any]]]) -> None:
    slack, seen = bolt

    response = slack.slash_command("UANNA", "C0LOKUS", "plan vecka 48")

    assert response.status == 200
    [posted] = fake.wait_for("chat.postMessage")
    assert posted.args["channel"] == "C0LOKUS"
    assert posted.args["text"] == "kommando: plan vecka 48"
    [responded] = fake.wait_for("response_url")
    assert responded.args["text"] == "svar via response_url"
    assert (seen[0]["user_id"], seen[0]["command"], seen[0]["team_id"]) == ("UANNA", "/lokus", "T0LOKUS")


def test_bolt_receives_dm_and_channel_messages(
    fake: FakeSlack, bolt: tuple[SlackClientSim, list[dict[str, Any]]]
) -> None:
    slack, seen = bolt

    assert slack.dm_message("UANNA", "hej bot").status == 200
    assert slack.channel_message("UBO", "C0LOKUS", "hej alla", retry_num=1).status == 200

    calls = fake.wait_for("chat.postMessage", count=2)
    assert sorted((c.args["channel"], c.args["text"]) for c in calls) == [
        ("C0LOKUS", "channel: hej alla"),
        ("DUANNA", "im: hej bot"),
    ]
    assert {e["user"] for e in seen} == {"UANNA", "UBO"}


def test_bolt_receives_block_action_and_responds(
    fake: FakeSlack, bolt: tuple[SlackClientSim, list[dict[str, Any]]]
) -> None:
    slack, seen = bolt

    response = slack.block_action("UANNA", "C0LOKUS", "klar", "arende-7", message_ts="1700000000.000100")

    assert response.status == 200
    [responded] = fake.wait_for("response_url")
    assert responded.args["text"] == "klickat: arende-7"
    assert seen[0]["container"] == {
        "type": "message",
        "message_ts": "1700000000.000100",
        "channel_id": "C0LOKUS",
        "is_ephemeral": False,
    }


def test_bolt_receives_view_submission(fake: FakeSlack, bolt: tuple[SlackClientSim, list[dict[str, Any]]]) -> None:
    slack, _ = bolt

    response = slack.view_submission("UANNA", "tidrapport", {"timmar": {"input": "3,5"}}, private_metadata="v48")

    assert (response.status, response.body) == (200, b"")
    [posted] = fake.wait_for("chat.postMessage")
    assert (posted.args["channel"], posted.args["text"]) == ("UANNA", "3,5 h, v48")


def test_bolt_publishes_home_on_app_home_opened(
    fake: FakeSlack, bolt: tuple[SlackClientSim, list[dict[str, Any]]]
) -> None:
    slack, _ = bolt

    assert slack.app_home_opened("UANNA").status == 200
    [published] = fake.wait_for("views.publish")
    assert published.args == {"user_id": "UANNA", "view": {"type": "home", "blocks": []}, "team_id": "T0LOKUS"}


def test_bolt_rejects_bad_signatures(bolt: tuple[SlackClientSim, list[dict[str, Any]]]) -> None:
    slack, seen = bolt
    body = json.dumps(slack.event_envelope(slack.message_event("UANNA", "DUANNA", "x", "im"))).encode()

    unsigned = slack.raw(body)
    stale = slack.raw(body, signed=True, timestamp=int(time.time()) - 301)
    forged = slack.raw(body, headers=sign(body, "not-the-secret"))
    malformed = slack.raw(b"{not json", signed=True)

    assert (unsigned.status, stale.status, forged.status) == (401, 401, 401)
    # Bolt parses the body before it checks the signature: malformed JSON raises, and bare WSGI answers 500.
    assert malformed.status == 500
    assert seen == []


# ----- the simulator's wire format, captured raw


class _Capture(BaseHTTPRequestHandler):
    """Records each POST as (path, lower-case headers, body) and answers 200."""

    received: list[tuple[str, dict[str, str], bytes]]

    def do_POST(self) -> None:
        """Record and answer."""
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append((self.path, {k.lower(): v for k, v in self.headers.items()}, body))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        """Keep test output clean."""


@pytest.fixture
def capture(fake: FakeSlack) -> Iterator[tuple[SlackClientSim, list[tuple[str, dict[str, str], bytes]]]]:
    """A simulator aimed at a server that records what it sends."""
    received: list[tuple[str, dict[str, str], bytes]] = []
    handler = type("Handler", (_Capture,), {"received": received})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    try:
        yield SlackClientSim(f"http://127.0.0.1:{server.server_port}", SECRET, fake_slack=fake), received
    finally:
        server.shutdown()
        server.server_close()


def test_slash_command_is_signed_form_fields(capture: tuple[SlackClientSim, list[Any]]) -> None:
    slack, received = capture

    slack.slash_command("UANNA", "C0LOKUS", "plan å ä", response_url="http://x/r", trigger_id="1.2.3")

    [(path, headers, body)] = received
    assert path == "/slack/events"
    assert headers["content-type"] == "application/x-www-form-urlencoded"
    assert SignatureVerifier(SECRET).is_valid_request(body, headers) is True
    assert dict(parse_qsl(body.decode())) == {
        "token": "legacy-verification-token",
        "team_id": "T0LOKUS",
        "team_domain": "lokus",
        "channel_id": "C0LOKUS",
        "channel_name": "c0lokus",
        "user_id": "UANNA",
        "user_name": "uanna",
        "command": "/lokus",
        "text": "plan å ä",
        "api_app_id": "A0LOKUS",
        "is_enterprise_install": "false",
        "response_url": "http://x/r",
        "trigger_id": "1.2.3",
    }


def test_dm_message_retry_is_a_json_event_callback(capture: tuple[SlackClientSim, list[Any]]) -> None:
    slack, received = capture

    slack.dm_message("UANNA", "hej", event_id="Ev0LOKUS1", ts="1700000001.000100", retry_num=2)

    [(_, headers, body)] = received
    assert headers["content-type"] == "application/json"
    assert (headers["x-slack-retry-num"], headers["x-slack-retry-reason"]) == ("2", "http_timeout")
    assert SignatureVerifier(SECRET).is_valid_request(body, headers) is True
    envelope = json.loads(body)
    assert (envelope["type"], envelope["event_id"], envelope["team_id"], envelope["api_app_id"]) == (
        "event_callback",
        "Ev0LOKUS1",
        "T0LOKUS",
        "A0LOKUS",
    )
    assert envelope["authorizations"] == [
        {
            "enterprise_id": None,
            "team_id": "T0LOKUS",
            "user_id": "U0LOKUSBOT",
            "is_bot": True,
            "is_enterprise_install": False,
        }
    ]
    event = envelope["event"]
    assert (event["type"], event["channel_type"], event["channel"], event["user"], event["text"]) == (
        "message",
        "im",
        "DUANNA",
        "UANNA",
        "hej",
    )
    assert (event["ts"], event["event_ts"]) == ("1700000001.000100", "1700000001.000100")


def test_fresh_event_ids_and_increasing_ts(capture: tuple[SlackClientSim, list[Any]]) -> None:
    slack, received = capture

    slack.channel_message("UANNA", "C0LOKUS", "ett")
    slack.channel_message("UANNA", "C0LOKUS", "två")

    first, second = (json.loads(body) for _, _, body in received)
    assert first["event_id"] != second["event_id"]
    assert float(first["event"]["ts"]) < float(second["event"]["ts"])
    assert "x-slack-retry-num" not in received[0][1]


def test_block_action_is_a_payload_form_with_fake_response_url(
    fake: FakeSlack, capture: tuple[SlackClientSim, list[Any]]
) -> None:
    slack, received = capture

    slack.block_action(
        "UANNA",
        "C0LOKUS",
        "valj",
        None,
        selected_options=["v48"],
        action_type="static_select",
        block_id="b1",
        trigger_id="9.9.9",
    )

    [(_, headers, body)] = received
    assert headers["content-type"] == "application/x-www-form-urlencoded"
    payload = json.loads(dict(parse_qsl(body.decode()))["payload"])
    assert payload["type"] == "block_actions"
    assert payload["response_url"].startswith(f"{fake.root_url}response/")
    assert payload["trigger_id"] == "9.9.9"
    [action] = payload["actions"]
    assert (action["action_id"], action["block_id"], action["type"]) == ("valj", "b1", "static_select")
    assert action["selected_option"] == {"text": {"type": "plain_text", "text": "v48", "emoji": True}, "value": "v48"}
