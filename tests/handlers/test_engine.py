"""The conversation engine on its own: every answer kind, every control word, bad answers, persistence."""

from collections.abc import Mapping
from typing import Any

import pytest

from bot.services import Services
from handlers.context import Ctx
from handlers.conversation.actions import ConvAction, pack
from handlers.conversation.engine import Engine
from handlers.conversation.flow import Choice, Flow, Kind, Question
from handlers.replies import Choices, Send, say, to_requester
from handlers.router import Feature, Router
from handlers.text import t
from storage import conversations
from storage.conversations import ConversationKey
from tests.support.talk import TEAM, actor, run, text_of

SAVED: list[dict[str, Any]] = []
COLOURS = (
    Choice("red", t("answer.yes"), ("röd",)),
    Choice("blue", t("answer.no"), ("blå",)),
    Choice("green", t("answer.skipped"), ("grön",)),
)


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

KEY = ConversationKey(TEAM, "UANNA")


@pytest.fixture
def engine_services(services: Services) -> Services:
    SAVED.clear()
    services.router = Router([Feature(flows=(FLOW,))])
    return services


def say_(services: Services, text: str) -> str:
    sends = run(services, actor(), lambda ctx: services.router.message(ctx, text))
    return text_of(sends)


def press(services: Services, action: str, value: str = "", selected: list[str] | None = None) -> list[Send]:
    return run(services, actor(), lambda ctx: services.router.action(ctx, action, value, selected))


def start(services: Services) -> list[Send]:
    return run(services, actor(), lambda ctx: services.router.engine.start(ctx, KEY, "test"))


def state(services: Services) -> dict[str, Any]:
    with services.db.unit_of_work() as session:
        conversation = conversations.load(session, key=KEY)
        assert conversation is not None
        return {"status": conversation.status, **conversation.state}


def test_a_whole_flow_with_every_kind_typed(engine_services: Services) -> None:
    first = text_of(start(engine_services))
    assert "fråga 1 av 6" in first
    assert "fråga 2 av 6" in say_(engine_services, "20/11")
    assert "fråga 3 av 7" in say_(engine_services, "röd"), "the conditional question now counts"
    assert state(engine_services)["answers"]["colour"] == "red"
    say_(engine_services, "1, 3")
    say_(engine_services, "För att det behövs")
    say_(engine_services, "ja")
    say_(engine_services, "12,5")
    summary = say_(engine_services, "450 tkr")
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
    assert state(engine_services)["status"] == "done"


def test_conditional_question_is_not_asked_and_not_saved(engine_services: Services) -> None:
    start(engine_services)
    for answer in ("idag", "blå", "2", "nej", "hoppa över"):
        say_(engine_services, answer)
    summary = say_(engine_services, "100 000")
    assert "fråga" not in summary.split("stämmer")[0]
    say_(engine_services, "ja")
    assert SAVED[0] == {
        "when": "2026-11-23",
        "colour": "blue",
        "shades": ["blue"],
        "ok": False,
        "count": None,
        "cost": 100_000,
    }


@pytest.mark.parametrize(
    ("step", "bad", "expected"),
    [
        (0, "32 januari", "förstod inte datumet"),
        (1, "lila", "finns inte bland alternativen"),
        (1, "9", "finns inte bland alternativen"),
        (2, "1, 7", "finns inte bland alternativen"),
        (3, "kanske", "Svara *ja* eller *nej*"),
        (4, "tolv", "inget tal"),
        (4, "101", "inte vara större än 100"),
        (4, "-1", "inte vara mindre än 0"),
        (5, "mycket", "inget belopp"),
    ],
)
def test_bad_answers_are_explained_and_asked_again(
    engine_services: Services, step: int, bad: str, expected: str
) -> None:
    start(engine_services)
    for answer in ("idag", "grön", "1", "ja", "5")[:step]:
        say_(engine_services, answer)
    current = state(engine_services)["current"]
    reply = say_(engine_services, bad)
    assert expected in reply
    assert state(engine_services)["current"] == current
    assert current not in state(engine_services)["answers"]


def test_free_text_with_a_personnummer_is_refused_and_not_stored(engine_services: Services) -> None:
    start(engine_services)
    say_(engine_services, "idag")
    say_(engine_services, "röd")
    say_(engine_services, "röd")
    reply = say_(engine_services, "Gäller 19121212-1212 som väntat länge")
    assert "personnummer" in reply and "inte sparat" in reply
    stored = state(engine_services)
    assert stored["current"] == "why"
    assert "1212" not in repr(stored)


def test_back_skip_change_cancel_and_help(engine_services: Services) -> None:
    start(engine_services)
    say_(engine_services, "idag")
    back = say_(engine_services, "tillbaka")
    assert "tidigare svar var: 23 november 2026" in back
    assert state(engine_services)["current"] == "when"
    assert "Svara på frågan med text" in say_(engine_services, "hjälp")
    assert "ingen före" in say_(engine_services, "tillbaka")
    say_(engine_services, "igår")
    assert "går inte att hoppa över" in say_(engine_services, "hoppa över")
    for answer in ("blå", "2", "ja", "hoppa över", "5000"):
        say_(engine_services, answer)
    assert state(engine_services)["phase"] == "confirm"
    changed = say_(engine_services, "ändra 2")
    assert "tidigare svar var" in changed and state(engine_services)["current"] == "colour"
    assert "fråga" in say_(engine_services, "röd")
    assert state(engine_services)["current"] == "why"
    say_(engine_services, "Ny motivering")
    assert state(engine_services)["phase"] == "confirm"
    assert "avbrutit" in say_(engine_services, "avbryt")
    assert state(engine_services)["status"] == "cancelled"
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
    assert state(engine_services)["answers"] == {
        "when": "2026-11-23",
        "colour": "blue",
        "shades": ["red", "green"],
        "ok": True,
    }
    assert "fråga 5 av 6" in text_of(sends)
    assert not any(isinstance(p, Choices) for s in sends for p in s.reply.parts)


def test_stale_button_does_not_change_answers(engine_services: Services) -> None:
    start(engine_services)
    say_(engine_services, "idag")
    say_(engine_services, "röd")
    reply = text_of(press(engine_services, ConvAction.CHOOSE, pack("colour", "blue")))
    assert "redan är besvarad" in reply
    assert state(engine_services)["answers"]["colour"] == "red"


def test_empty_multi_is_refused(engine_services: Services) -> None:
    start(engine_services)
    say_(engine_services, "idag")
    say_(engine_services, "röd")
    assert "minst ett alternativ" in text_of(press(engine_services, ConvAction.DONE, pack("shades")))


def test_state_survives_a_new_engine_instance(engine_services: Services) -> None:
    start(engine_services)
    say_(engine_services, "idag")
    say_(engine_services, "grön")
    engine_services.router = Router([Feature(flows=(FLOW,))])
    assert isinstance(engine_services.router.engine, Engine)
    say_(engine_services, "2")
    assert state(engine_services)["answers"]["shades"] == ["blue"]
    assert state(engine_services)["current"] == "ok"


def test_idle_conversation_is_paused_and_resumes_where_it_stopped(engine_services: Services, clock) -> None:
    start(engine_services)
    say_(engine_services, "idag")
    clock.advance(hours=25)
    sends = run(engine_services, actor(), lambda ctx: engine_services.router.engine.pause_idle(ctx))
    assert len(sends) == 1 and sends[0].user_id == "UANNA"
    assert "fortsätt" in text_of(sends)
    assert state(engine_services)["status"] == "paused"
    resumed = say_(engine_services, "röd")
    assert "Välkommen tillbaka" in resumed and "fråga 2 av" in resumed
    assert "colour" not in state(engine_services)["answers"]
    say_(engine_services, "röd")
    assert state(engine_services)["answers"]["colour"] == "red"
    assert state(engine_services)["status"] == "active"
