"""The yearly evaluation through the handlers: starting, answering 1–5, refusals, the results and their protection."""

from sqlalchemy import func, select

from bot.services import Services
from handlers.evaluation.names import EvaluationAction, flow_name
from handlers.replies import To
from storage.evaluation_models import Survey
from tests.handlers.evaluation_helpers import STATEMENTS, answer, grant_forbund, scores, started
from tests.handlers.test_meetings_schedule import ANNA, BERTIL, CECILIA, DAVID, HEBY, setup_group
from tests.support.chat import active, asked, command, dm, press
from tests.support.talk import text_of

MEMBERS = (ANNA, BERTIL, CECILIA, DAVID)


def surveys(services: Services) -> int:
    with services.db.unit_of_work() as session:
        return int(session.scalar(select(func.count()).select_from(Survey)) or 0)


def test_starting_sends_the_survey_to_every_member_and_says_so_in_the_channel(services: Services) -> None:
    sends = started(services)
    channel = [s for s in sends if s.to == To.CHANNEL]
    assert "Enkäten har skickats till 4 medlemmar" in text_of(channel)
    assert "15 december 2026" in text_of(channel)
    assert {s.user_id for s in sends if s.to == To.USER} == set(MEMBERS)
    for user in MEMBERS:
        where = asked(services, user)
        assert where is not None and where.flow == flow_name("lokus") and where.question == STATEMENTS[0]
    assert "Svaren är anonyma" in text_of([s for s in sends if s.user_id == BERTIL])


def test_a_closing_day_not_understood_in_the_past_or_too_far_is_refused_kindly(services: Services) -> None:
    setup_group(services)
    for typed, said in (
        ("blaha", "Jag förstod inte vilken dag ”blaha” är"),
        ("igår", "måste ligga efter idag"),
        ("23 november", "måste ligga efter idag"),
        ("1 juni 2027", "högst 120 dagar"),
        ("nästa fredag", "Menar du 27 november 2026 eller 4 december 2026?"),
    ):
        assert said in text_of(command(services, ANNA, f"utvärdering starta {typed}", HEBY, kind=True))
    assert surveys(services) == 0


def test_without_a_date_it_closes_in_two_weeks(services: Services) -> None:
    setup_group(services)
    assert "7 december 2026" in text_of(command(services, ANNA, "utvärdering starta", HEBY))


def test_only_the_sammankallande_or_the_forbund_starts_and_closes_it(services: Services) -> None:
    setup_group(services)
    refused = text_of(command(services, BERTIL, "utvärdering starta", HEBY, kind=True))
    assert "Bara gruppens sammankallande eller förbundet" in refused
    assert surveys(services) == 0
    grant_forbund(services)
    assert "har startat årets utvärdering" in text_of(command(services, "UFORBUND", "utvärdering starta", HEBY))
    assert "pågår redan" in text_of(command(services, ANNA, "utvärdering starta", HEBY, kind=True))
    assert "Bara gruppens" in text_of(command(services, BERTIL, "utvärdering avsluta", HEBY, kind=True))


def test_an_answer_outside_one_to_five_is_asked_again_and_words_are_understood(services: Services) -> None:
    started(services)
    for typed in ("7", "0", "3,5", "instämmer", "kanske"):
        reply = text_of(dm(services, BERTIL, typed))
        assert "Svara med en siffra från 1 till 5" in reply
        assert f"”{typed}”" not in reply
        assert asked(services, BERTIL).question == STATEMENTS[0]  # type: ignore[union-attr]
    dm(services, BERTIL, "instämmer helt")
    dm(services, BERTIL, "till liten del")
    dm(services, BERTIL, "3")
    answers = active(services, BERTIL).answers
    assert [answers[key] for key in STATEMENTS[:3]] == ["5", "2", "3"]


def test_identity_in_a_free_text_is_refused_and_never_kept(services: Services) -> None:
    started(services)
    for _ in STATEMENTS:
        dm(services, BERTIL, "4")
    reply = text_of(dm(services, BERTIL, "Ring Anna på 070-123 45 67"))
    assert "telefonnummer" in reply and "070" not in reply
    progress = active(services, BERTIL)
    assert all("070" not in str(value) for value in progress.answers.values())


def test_status_shows_how_many_have_answered_never_who(services: Services) -> None:
    started(services)
    answer(services, CECILIA, scores("4"))
    status = text_of(command(services, BERTIL, "utvärdering status", HEBY))
    assert "*1 av 4* har svarat" in status
    assert "UCECILIA" not in status and "cecilia" not in status.casefold()


def test_answering_twice_is_refused_and_someone_not_asked_gets_no_survey(services: Services) -> None:
    started(services)
    assert "Tack för dina svar" in text_of(answer(services, CECILIA, scores("4")))
    survey = str(_survey_id(services))
    assert "Du har redan svarat" in text_of(press(services, CECILIA, EvaluationAction.ANSWER, survey, kind=True))
    assert "inte med bland dem" in text_of(press(services, "UNOBODY", EvaluationAction.ANSWER, survey, kind=True))
    assert asked(services, "UNOBODY") is None


def test_closing_with_too_few_answers_posts_no_figures_at_all(services: Services) -> None:
    started(services)
    answer(services, BERTIL, scores("1", bra="Kaffet är gott"))
    answer(services, CECILIA, scores("2"))
    posted = command(services, ANNA, "utvärdering avsluta", HEBY)
    text = text_of([s for s in posted if s.to == To.CHANNEL])
    assert text == (
        "== Utvärdering 2026 – LOKUS Heby ==\n"
        "För få svar för att visa något resultat: det visas bara när minst 3 har svarat, så att ingen kan pekas ut."
    )


def test_closing_posts_mean_and_distribution_and_free_texts_without_names(services: Services) -> None:
    started(services)
    answer(services, ANNA, scores("5", bra="Tydliga *möten* <!channel>"))
    answer(services, BERTIL, scores("4", battre="Fler besök"))
    answer(services, CECILIA, scores("2"))
    posted = command(services, ANNA, "utvärdering avsluta", HEBY)
    channel = [s for s in posted if s.to == To.CHANNEL]
    assert channel[0].channel_id == HEBY
    text = text_of(channel)
    assert "3 av 4 svarade" in text
    assert "Medelvärde *3,7* (3 svar) · 1: 0 · 2: 1 · 3: 0 · 4: 1 · 5: 1" in text
    assert "• Tydliga *möten* <!channel>" in text and "• Fler besök" in text
    assert not any(name in text for name in ("UANNA", "UBERTIL", "UCECILIA", "anna", "bertil", "cecilia"))
    assert "Ingen utvärdering pågår" in text_of(command(services, ANNA, "utvärdering status", HEBY))
    assert "Medelvärde *3,7*" in text_of(command(services, DAVID, "utvärdering resultat", HEBY))


def _survey_id(services: Services) -> int:
    with services.db.unit_of_work() as session:
        return int(session.scalars(select(Survey.id)).one())
