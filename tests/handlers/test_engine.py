"""The conversation engine on its own: every answer kind, every control word, bad answers, persistence."""

from collections.abc import Mapping
from typing import Any

import pytest

from bot.services import Services
from handlers.context import Ctx
from handlers.conversation.actions import ConvAction, pack
from handlers.conversation.engine import Engine
from handlers.conversation.flow import Choice, Flow, Kind, Question
from handlers.conversation.state import Phase
from handlers.replies import Choices, Send, say, to_requester
from handlers.router import Feature, Router
from handlers.text import t
from storage.conversations import ConversationKey
from tests.support.chat import active, answer_flow, asked, dm, question_count, stored_state
from tests.support.chat import press as press_as
from tests.support.talk import TEAM, actor, run, text_of

SAVED: list[dict[str, Any]] = []
COLOURS = (
    Choice("red", t("answer.yes"), ("röd",)),
    Choice("blue", t("answer.no"), ("blå",)),
    Choice("green", t("answer.skipped"), ("grön",)),
)
ANNA = "UANNA"


def _finish(ctx: Ctx, answers: dict[str, Any], data: Mapping[str, Any]) -> list[Send]:
    SAVED.append(dict(answers))
    return [to_requester(say(t("engine.cancelled", title="SPARAT")))]


FLOW = Flow(
    "test",
    t("help.title"),
    (
        Question(
            "when",
            t("help.title"),
            t("help.title"),
            Kind.DATE,
            default=lambda env: env.ctx.local_now.date().isoformat(),
        ),
        Question("colour", t("help.title"), t("help.title"), Kind.CHOICE, options=COLOURS),
        Question("shades", t("help.title"), t("help.title"), Kind.MULTI, options=COLOURS),
        Question("why", t("help.title"), t("help.title"), Kind.TEXT, when=lambda a: a.get("colour") == "red"),
        Question("ok", t("help.title"), t("help.title"), Kind.YES_NO),
        Question("count", t("help.title"), t("help.title"), Kind.NUMBER, optional=True, minimum=0, maximum=100),
        Question("cost", t("help.title"), t("help.title"), Kind.AMOUNT),
    ),
    _finish,
)
# Answers by question key, typed as people do; "why" is asked only for red.
TYPED = {"when": "20/11", "colour": "röd", "shades": "1, 3", "why": "För att det behövs", "ok": "ja", "cost": "450 tkr"}
KEY = ConversationKey(TEAM, ANNA)


@pytest.fixture
def engine_services(services: Services) -> Services:
    SAVED.clear()
    services.router = Router([Feature(flows=(FLOW,))])
    return services


def say_(services: Services, text: str) -> str:
    return text_of(dm(services, ANNA, text))


def press(services: Services, action: str, value: str = "", selected: list[str] | None = None) -> list[Send]:
    return press_as(services, ANNA, action, value, selected=selected)


def start(services: Services, flow: str = "test") -> list[Send]:
    return run(services, actor(), lambda ctx: ctx.engine.start(ctx, KEY, flow))


def test_a_whole_flow_with_every_kind_typed(engine_services: Services) -> None:
    total = question_count(engine_services, "test")
    assert f"fråga 1 av {total}" in text_of(start(engine_services))
    assert f"fråga 2 av {total}" in say_(engine_services, "20/11")
    with_why = question_count(engine_services, "test", {"colour": "red"})
    assert with_why == total + 1
    assert f"fråga 3 av {with_why}" in say_(engine_services, "röd"), "the conditional question now counts"
    assert active(engine_services, ANNA).answers["colour"] == "red"
    summary = text_of(answer_flow(engine_services, ANNA, {**TYPED, "count": "12,5"}, confirm=None))
    assert "stämmer det här?" in summary
    assert "450 000 kr" in summary and "20 november 2026" in summary
    assert "SPARAT" in say_(engine_services, "ja")
    assert SAVED == [
        {
            "when": "2026-11-20",
            "colour": "red",
            "shades": ["red", "green"],
            "why": "För att det behövs",
            "ok": True,
            "count": 12.5,
            "cost": 450_000,
        }
    ]
    assert stored_state(engine_services, ANNA)[0] == "done"


def test_conditional_question_is_not_asked_and_not_saved(engine_services: Services) -> None:
    start(engine_services)
    replies = answer_flow(engine_services, ANNA, {**TYPED, "colour": "blå", "shades": "2"}, confirm=None)
    total = question_count(engine_services, "test", {"colour": "blue"})
    assert len(replies) == total, "one reply per answer, the last one the summary"
    assert "(fråga" not in text_of(replies[-1:])
    say_(engine_services, "ja")
    assert SAVED[0] == {
        "when": "2026-11-20",
        "colour": "blue",
        "shades": ["blue"],
        "ok": True,
        "count": None,
        "cost": 450_000,
    }


@pytest.mark.parametrize(
    ("question", "bad", "expected"),
    [
        ("when", "32 januari", "förstod inte datumet"),
        ("colour", "lila", "finns inte bland alternativen"),
        ("colour", "9", "finns inte bland alternativen"),
        ("shades", "1, 7", "finns inte bland alternativen"),
        ("ok", "kanske", "Svara *ja* eller *nej*"),
        ("count", "tolv", "inget tal"),
        ("count", "101", "inte vara större än 100"),
        ("count", "-1", "inte vara mindre än 0"),
        ("cost", "mycket", "inget belopp"),
    ],
)
def test_bad_answers_are_explained_and_asked_again(
    engine_services: Services, question: str, bad: str, expected: str
) -> None:
    start(engine_services)
    answer_flow(engine_services, ANNA, {**TYPED, "colour": "grön"}, until=question)
    before = active(engine_services, ANNA)
    assert expected in say_(engine_services, bad)
    after = active(engine_services, ANNA)
    assert after.current == before.current == question and question not in after.answers


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("1", True),
        ("2", False),
        ("j", True),
        ("n", False),
        ("japp", True),
        ("Jajamän!", True),
        ("nej tack", False),
        ("absolut inte", False),
        ("Ja tack.", True),
        ("nä", False),
    ],
)
def test_yes_or_no_is_taken_as_the_bot_shows_it_and_as_people_write_it(
    engine_services: Services, typed: str, meant: bool
) -> None:
    start(engine_services)
    asked_ok = text_of(answer_flow(engine_services, ANNA, TYPED, until="ok"))
    assert "1) Ja" in asked_ok and "2) Nej" in asked_ok
    say_(engine_services, typed)
    assert active(engine_services, ANNA).answers["ok"] is meant


def test_free_text_with_a_personnummer_is_refused_and_not_stored(engine_services: Services) -> None:
    start(engine_services)
    answer_flow(engine_services, ANNA, TYPED, until="why")
    reply = say_(engine_services, "Gäller 19121212-1212 som väntat länge")
    assert "personnummer" in reply and "inte sparat" in reply
    assert active(engine_services, ANNA).current == "why"
    assert "1212" not in repr(stored_state(engine_services, ANNA))


def test_back_skip_change_cancel_and_help(engine_services: Services) -> None:
    start(engine_services)
    say_(engine_services, "idag")
    back = say_(engine_services, "tillbaka")
    assert "tidigare svar var: 23 november 2026" in back
    assert active(engine_services, ANNA).current == "when"
    assert "Svara på frågan med text" in say_(engine_services, "hjälp")
    assert "ingen före" in say_(engine_services, "tillbaka")
    say_(engine_services, "igår")
    assert "går inte att hoppa över" in say_(engine_services, "hoppa över")
    answer_flow(engine_services, ANNA, {**TYPED, "colour": "blå"}, confirm=None)
    assert active(engine_services, ANNA).phase == Phase.CONFIRM
    changed = say_(engine_services, "ändra 2")
    assert "tidigare svar var" in changed and active(engine_services, ANNA).current == "colour"
    assert "fråga" in say_(engine_services, "röd")
    assert active(engine_services, ANNA).current == "why"
    say_(engine_services, "Ny motivering")
    assert active(engine_services, ANNA).phase == Phase.CONFIRM
    assert "avbrutit" in say_(engine_services, "avbryt")
    assert stored_state(engine_services, ANNA)[0] == "cancelled"
    assert SAVED == []


def test_first_question_back_says_there_is_nothing_before(engine_services: Services) -> None:
    start(engine_services)
    assert "ingen före" in say_(engine_services, "tillbaka")


def test_buttons_answer_choices_multi_and_default(engine_services: Services) -> None:
    sends = start(engine_services)
    assert "Använd 23 november 2026" in text_of(sends)
    press(engine_services, ConvAction.DEFAULT, pack("when"))
    press(engine_services, ConvAction.CHOOSE, pack("colour", "blue"))
    press(engine_services, ConvAction.TOGGLE, pack("shades"), [pack("shades", "green"), pack("shades", "red")])
    press(engine_services, ConvAction.DONE, pack("shades"))
    sends = press(engine_services, ConvAction.CHOOSE, pack("ok", "ja"))
    assert active(engine_services, ANNA).answers == {
        "when": "2026-11-23",
        "colour": "blue",
        "shades": ["red", "green"],
        "ok": True,
    }
    where = asked(engine_services, ANNA)
    assert where is not None and where.question == "count"
    assert f"fråga {where.position} av {where.total}" in text_of(sends)
    assert not any(isinstance(p, Choices) for s in sends for p in s.reply.parts)


def test_stale_button_does_not_change_answers(engine_services: Services) -> None:
    start(engine_services)
    say_(engine_services, "idag")
    say_(engine_services, "röd")
    reply = text_of(press(engine_services, ConvAction.CHOOSE, pack("colour", "blue")))
    assert "redan är besvarad" in reply
    assert active(engine_services, ANNA).answers["colour"] == "red"


def test_empty_multi_is_refused(engine_services: Services) -> None:
    start(engine_services)
    answer_flow(engine_services, ANNA, TYPED, until="shades")
    assert "minst ett alternativ" in text_of(press(engine_services, ConvAction.DONE, pack("shades")))


def test_state_survives_a_new_engine_instance(engine_services: Services) -> None:
    start(engine_services)
    say_(engine_services, "idag")
    say_(engine_services, "grön")
    engine_services.router = Router([Feature(flows=(FLOW,))])
    assert isinstance(engine_services.router.engine, Engine)
    say_(engine_services, "2")
    assert active(engine_services, ANNA).answers["shades"] == ["blue"]
    assert active(engine_services, ANNA).current == "ok"


def test_idle_conversation_is_paused_and_resumes_where_it_stopped(engine_services: Services, clock) -> None:
    start(engine_services)
    say_(engine_services, "idag")
    clock.advance(hours=25)
    sends = run(engine_services, actor(), lambda ctx: ctx.engine.pause_idle(ctx))
    assert len(sends) == 1 and sends[0].user_id == ANNA
    assert "fortsätt" in text_of(sends)
    assert stored_state(engine_services, ANNA)[0] == "paused"
    resumed = say_(engine_services, "röd")
    assert "Välkommen tillbaka" in resumed and "fråga 2 av" in resumed
    assert "colour" not in active(engine_services, ANNA).answers
    assert "Det du nyss skrev har jag inte använt" in resumed, "what was typed is not dropped without a word"
    say_(engine_services, "röd")
    assert active(engine_services, ANNA).answers["colour"] == "red"
    assert stored_state(engine_services, ANNA)[0] == "active"


def test_a_ctx_built_outside_services_has_an_engine_that_knows_no_flow(engine_services: Services) -> None:
    with engine_services.db.unit_of_work() as session:
        ctx = Ctx(session, actor(), engine_services.clock(), engine_services.config)
        with pytest.raises(KeyError, match="no flow 'test'"):
            ctx.engine.start(ctx, KEY, "test")
