"""The platform end to end: signed Slack-shaped HTTP requests into the real Bolt app, Web API calls out."""

import json
import time
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.services import Services
from storage import groups as repo
from storage.db import Database
from storage.models import Group, ProcessedEvent
from tests.bot.conftest import Bot
from tests.support.fake_slack import Call

HEBY = "CHEBY"


def blocks_text(call: Call) -> str:
    """Every text in a call's blocks (and its fallback text), joined."""
    found: list[str] = [str(call.args.get("text", ""))]

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("text"), str):
                found.append(node["text"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(call.args.get("blocks", []))
    return "\n".join(found)


def link_heby(bot: Bot) -> None:
    assert bot.sim.slash_command("UANNA", HEBY, "koppla Heby").status == 200
    bot.fake.wait_for("chat.postMessage", predicate=lambda c: c.args.get("channel") == HEBY)


def test_help_as_a_slash_command_is_answered_privately(bot: Bot) -> None:
    response = bot.sim.slash_command("UANNA", HEBY, "hjälp")
    assert response.status == 200
    [call] = bot.fake.wait_for("response_url")
    assert call.args["response_type"] == "ephemeral"
    assert "lokusbot – hjälp" in blocks_text(call) and "/lokus koppla" in blocks_text(call)
    assert bot.fake.calls("chat.postMessage") == []


def test_a_slash_command_whose_text_holds_the_word_payload_is_still_a_command(bot: Bot) -> None:
    """Bolt reads a form body containing "payload" as an interactive payload; the gate reads it as the command."""
    response = bot.sim.slash_command("UANNA", HEBY, "hjälp payload")
    assert response.status == 200
    [call] = bot.fake.wait_for("response_url")
    assert "lokusbot – hjälp" in blocks_text(call)


def test_linking_and_members_are_announced_in_the_channel(bot: Bot) -> None:
    link_heby(bot)
    bot.sim.slash_command("UANNA", HEBY, "medlem <@UANNA|anna> kommun sammankallande")
    bot.fake.wait_for("chat.postMessage", count=2)
    bot.sim.slash_command("UANNA", HEBY, "medlem <@UBERTIL|bertil> AF")
    calls = bot.fake.wait_for("chat.postMessage", count=3)
    assert "<@UBERTIL> är medlem i *Heby* för Arbetsförmedlingen (ledamot)." in blocks_text(calls[2])
    bot.sim.slash_command("UANNA", HEBY, "grupp")
    [overview] = bot.fake.wait_for("response_url")
    assert "Saknas: Försäkringskassan och Region." in blocks_text(overview)


def test_dm_help_and_a_dm_from_someone_in_no_group(bot: Bot) -> None:
    bot.sim.dm_message("UNEW", "hej")
    [call] = bot.fake.wait_for("chat.postMessage")
    assert call.args["channel"] == "DUNEW"
    assert "inte medlem i någon LOKUS-grupp" in blocks_text(call)
    bot.sim.dm_message("UNEW", "hjälp")
    calls = bot.fake.wait_for("chat.postMessage", count=2)
    assert "Det här kan du skriva till mig" in blocks_text(calls[1])


def test_a_retried_event_is_acted_on_once(bot: Bot) -> None:
    first = bot.sim.dm_message("UNEW", "hej", event_id="Ev0RETRY1")
    second = bot.sim.dm_message("UNEW", "hej", event_id="Ev0RETRY1", retry_num=1)
    third = bot.sim.dm_message("UNEW", "hej", event_id="Ev0RETRY1", retry_num=2)
    assert [first.status, second.status, third.status] == [200, 200, 200]
    bot.fake.wait_for("chat.postMessage")
    time.sleep(0.5)
    assert len(bot.fake.calls("chat.postMessage")) == 1


def _stored_events(database: Database) -> int:
    with database.unit_of_work() as session:
        return int(session.scalar(select(func.count()).select_from(ProcessedEvent)) or 0)


@pytest.mark.parametrize("how", ["unsigned", "stale", "forged"])
def test_unsigned_stale_or_forged_requests_get_401_and_change_nothing(bot: Bot, how: str) -> None:
    body = json.dumps(bot.sim.event_envelope(bot.sim.message_event("UANNA", "DUANNA", "hjälp", "im"))).encode()
    if how == "unsigned":
        response = bot.sim.raw(body)
    elif how == "stale":
        response = bot.sim.raw(body, signed=True, timestamp=int(time.time()) - 6 * 60)
    else:
        response = bot.sim.raw(
            body, headers={"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": "v0=" + "0" * 64}
        )
    assert response.status == 401
    time.sleep(0.3)
    assert bot.fake.calls() == []
    assert _stored_events(bot.services.db) == 0


def test_malformed_body_is_refused(bot: Bot) -> None:
    response = bot.sim.raw(b"{not json", signed=True)
    assert response.status == 400, response.status
    assert bot.fake.calls() == []


def test_url_verification_answers_the_challenge(bot: Bot) -> None:
    response = bot.sim.url_verification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P")
    assert response.status == 200
    assert "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" in response.text


def test_user_text_cannot_make_the_bot_ping_the_channel(bot: Bot) -> None:
    bot.sim.slash_command("UANNA", HEBY, "koppla <!channel> & <!here>")
    [call] = bot.fake.wait_for("chat.postMessage")
    text = blocks_text(call)
    assert "&lt;!channel&gt; &amp; &lt;!here&gt;" in text
    assert "<!channel>" not in text and "<!here>" not in text


def test_rate_limited_post_is_retried_and_delivered_once(bot: Bot) -> None:
    bot.fake.rate_limit_next("chat.postMessage", retry_after=1)
    bot.sim.dm_message("UNEW", "hej")
    calls = bot.fake.wait_for("chat.postMessage", count=2, timeout=8)
    assert len(calls) == 2
    assert len(bot.fake.messages("DUNEW")) == 1


def test_an_unexpected_error_gets_a_kind_message_with_an_id(
    bot: Bot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def explode(ctx: Any, text: str) -> list[Any]:
        raise RuntimeError("bug")

    monkeypatch.setattr(bot.services.router, "command", explode)
    bot.sim.slash_command("UANNA", HEBY, "grupp")
    [call] = bot.fake.wait_for("response_url")
    text = blocks_text(call)
    assert "något gick fel hos mig" in text
    error_id = text.split("felkod *")[1].split("*")[0]
    assert len(error_id) == 8
    assert any(error_id in record.getMessage() for record in caplog.records)


def test_a_database_that_is_down_gets_try_again_and_nothing_half_written(bot: Bot, tmp_path: Any) -> None:
    healthy = bot.services.db
    bot.services.db = Database.from_url(f"sqlite:///{tmp_path}/missing/dir/x.db")
    bot.sim.slash_command("UANNA", HEBY, "koppla Heby")
    [call] = bot.fake.wait_for("response_url")
    assert "når inte databasen" in blocks_text(call)
    bot.services.db = healthy
    with healthy.unit_of_work() as session:
        assert session.scalar(select(func.count()).select_from(Group)) == 0


def test_app_home_is_published(bot: Bot) -> None:
    bot.sim.app_home_opened("UANNA")
    [call] = bot.fake.wait_for("views.publish")
    assert call.args["user_id"] == "UANNA"
    assert "Välkommen till lokusbot" in json.dumps(call.args["view"], ensure_ascii=False)


def test_member_changes_are_audited(bot: Bot) -> None:
    link_heby(bot)
    bot.sim.slash_command("UANNA", HEBY, "medlem <@UBERTIL|bertil> FK")
    bot.fake.wait_for("chat.postMessage", count=2)
    services: Services = bot.services
    with services.db.unit_of_work() as session:
        group = repo.find_group_by_channel(session, team_id="T0LOKUS", channel_id=HEBY)
        assert group is not None and [m.user_id for m in group.members] == ["UBERTIL"]
