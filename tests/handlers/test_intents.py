"""The understanding of DMs and `/lokus` text: what runs, what is asked, and what is never echoed."""

import contextlib

import pytest

from bot.services import Services
from handlers.context import Ctx
from handlers.errors import DomainError
from handlers.intents import Intent, IntentAction
from handlers.replies import Buttons, Send
from handlers.router import Feature, Router
from handlers.text import t
from storage import conversations
from storage.conversations import DM, ConversationKey
from tests.bot.phrasings import Recorder
from tests.support.talk import TEAM, actor, run, text_of

HEBY, TIERP = "C0HEBY", "C0TIERP"


def command(services: Services, text: str, channel: str = HEBY, user: str = "UANNA") -> list[Send]:
    return run(services, actor(user, channel), lambda ctx: services.router.command(ctx, text))


def dm(services: Services, text: str, user: str = "UANNA") -> list[Send]:
    return run(services, actor(user), lambda ctx: services.router.message(ctx, text))


def press(services: Services, action: str, value: str) -> list[Send]:
    return run(services, actor(), lambda ctx: services.router.action(ctx, action, value))


def buttons(sends: list[Send]) -> list[tuple[str, str]]:
    return [(b.action, b.value) for s in sends for p in s.reply.parts if isinstance(p, Buttons) for b in p.buttons]


def open_flow(services: Services, user: str = "UANNA") -> str | None:
    with services.db.unit_of_work() as session:
        stored = conversations.load(session, key=ConversationKey(TEAM, user, DM, ""))
        return stored.flow if stored is not None and stored.status in ("active", "paused") else None


@pytest.fixture
def heby(services: Services) -> Services:
    command(services, "koppla Heby")
    command(services, "medlem <@UANNA> kommun sammankallande,samordnare")
    return services


def test_a_wish_in_everyday_words_starts_the_case_conversation(heby: Services) -> None:
    shown = text_of(dm(heby, "Jag vill registrera ett nytt lots-ärende"))
    assert "Nu registrerar vi ett lots-ärende för *LOKUS Heby*" in shown and "fråga 1 av" in shown
    assert open_flow(heby) == "case"


def test_a_meeting_is_called_from_the_dm_for_the_persons_only_group(heby: Services) -> None:
    shown = text_of(dm(heby, "jag vill boka ett möte tisdag nästa vecka kl 13"))
    assert "Uppfattat: tisdag" in shown and "i ett direktmeddelande" not in shown
    assert open_flow(heby) == "meeting"


def test_someone_in_two_groups_is_asked_which_with_buttons(heby: Services) -> None:
    command(heby, "koppla Tierp", channel=TIERP)
    command(heby, "medlem <@UANNA> kommun sammankallande", channel=TIERP)
    sends = dm(heby, "visa gruppen")
    assert "Vilken grupp gäller det?" in text_of(sends)
    picked = [value for action, value in buttons(sends) if action == IntentAction.GROUP]
    assert len(picked) == 2
    shown = {value: text_of(press(heby, IntentAction.GROUP, value)) for value in picked}
    tierp = next(value for value, text in shown.items() if text.startswith("== LOKUS Tierp"))
    assert tierp.startswith("group.overview|")


def test_two_likely_intents_are_asked_about_with_buttons(heby: Services) -> None:
    sends = dm(heby, "ärendet")
    assert "Menade du …?" in text_of(sends)
    offered = {value for action, value in buttons(sends) if action == IntentAction.PICK}
    assert {"case.new", "case.list"} <= offered
    assert open_flow(heby) is None
    listed = press(heby, IntentAction.PICK, "case.list")
    assert "ärenden" in text_of(listed).casefold()


@pytest.mark.parametrize("said", ["hej", "tack!", "god morgon", "ok", "hallå", "tjena", "Tack så mycket!"])
def test_small_talk_gets_a_friendly_answer_and_starts_nothing(heby: Services, said: str) -> None:
    shown = text_of(dm(heby, said))
    assert any(word in shown for word in ("Hej!", "Varsågod", "👍"))
    assert open_flow(heby) is None


def test_gibberish_gets_the_closest_things_as_buttons(heby: Services) -> None:
    sends = dm(heby, "asdfghjkl qwerty")
    assert "Det förstod jag inte riktigt" in text_of(sends)
    assert len([a for a, _ in buttons(sends) if a == IntentAction.PICK]) >= 3
    assert open_flow(heby) is None


def test_a_4000_character_dm_is_never_taken_as_an_intent(heby: Services) -> None:
    sends = dm(heby, ("nytt ärende boka möte " * 200)[:4000])
    assert "Det förstod jag inte riktigt" in text_of(sends)
    assert open_flow(heby) is None


@pytest.mark.parametrize(
    ("said", "kind"),
    [
        ("nytt ärende för 19121212-1212", "ett personnummer"),
        ("ärendet 0701234567", "ett telefonnummer"),
        ("boka möte med anna@heby.se", "en e-postadress"),
    ],
)
def test_identity_in_a_dm_is_refused_and_never_echoed(heby: Services, said: str, kind: str) -> None:
    sends = dm(heby, said)
    shown = text_of(sends)
    assert f"verkar innehålla {kind}" in shown
    assert "1212" not in shown and "0701234567" not in shown and "anna@heby.se" not in shown
    assert buttons(sends) == [] and open_flow(heby) is None


def test_only_an_unmistakable_wish_interrupts_an_open_conversation(heby: Services) -> None:
    """The interrupting feature starts its flow through the engine, which decides (asks) what happens to the
    open one; here we check only who is handed the message."""
    recorder = Recorder(heby)
    dm(heby, "nytt ärende")
    for answer in ("Möte bokat med AF", "tack", "ärende från FK om en ung kvinna", "boka nytt möte snart"):
        recorder.ran.clear()
        dm(heby, answer)
        assert recorder.ran == [], answer
        assert open_flow(heby) == "case"
    for wish in ("boka möte", "mina ärenden", "jag vill boka ett möte"):
        recorder.ran.clear()
        with contextlib.suppress(DomainError):  # the feature may refuse while another conversation is open
            dm(heby, wish)
        assert recorder.ran == ["case.list" if wish.endswith("ärenden") else "meeting.book"], wish


def test_dm_help_lists_what_can_be_written_with_examples(heby: Services) -> None:
    shown = text_of(dm(heby, "hjälp"))
    for example in ("”nytt ärende”", "”mina ärenden”", "”boka möte”", "”mina avsnitt”", "”sammanställning”"):
        assert example in shown


def test_lokus_text_that_is_no_subcommand_runs_a_clear_wish(heby: Services) -> None:
    shown = text_of(command(heby, "nytt ärende"))
    assert "direktmeddelande" in shown and open_flow(heby) == "case"


def test_lokus_text_suggests_the_closest_commands_and_never_echoes_identity(heby: Services) -> None:
    sends = command(heby, "visa stängda ärendena")
    assert "`/lokus ärenden stängda`" in text_of(sends).replace("/lokus ärenden stängda:", "`/lokus ärenden stängda`")
    refused = text_of(command(heby, "0701234567 ärende"))
    assert "0701234567" not in refused and "Jag känner inte igen det kommandot" in refused


def _intent(key: str, *examples: str, words: tuple[str, ...] = ()) -> Intent:
    return Intent(key, lambda ctx, args: [], t("intent.help"), examples, words=words)


def test_the_router_refuses_two_features_with_the_same_phrasing() -> None:
    with pytest.raises(ValueError, match="nytt ärende"):
        Router([Feature(intents=(_intent("a", "nytt ärende"),)), Feature(intents=(_intent("b", "Nytt  ärende"),))])
    with pytest.raises(ValueError, match="registered twice"):
        Router([Feature(intents=(_intent("a", "x y"),)), Feature(intents=(_intent("a", "z w"),))])


def test_a_runner_gets_the_group_chosen_in_the_dm(heby: Services) -> None:
    seen: list[int | None] = []

    def remember(ctx: Ctx, args: str) -> list[Send]:
        seen.append(ctx.group_id)
        return []

    intents = heby.router.understanding.intents
    intents["group.overview"] = Intent(
        "group.overview", remember, t("intent.group.overview"), ("gruppen",), needs_group=True
    )
    dm(heby, "gruppen")
    assert seen and seen[0] is not None
