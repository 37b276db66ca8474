"""A busy coordinator in the console: other words, numbers, a typo, a second request in the middle of the first,
a correction at the summary, a period for a meeting. The phrasings are the ones a walk-through used."""

import io

from bot.console import Console
from bot.services import Services
from tests.bot.test_console import run_script

SETUP = [
    "/lokus koppla Heby",
    "/lokus medlem @anna kommun sammankallande",
    "/lokus medlem @bertil AF",
    "/lokus medlem @cecilia FK",
    "/lokus medlem @david region",
    "/lokus plan ny verksamhetsplan 2028",
]


def test_a_case_in_the_middle_of_a_plan_section_and_back_again(services: Services) -> None:
    output = run_script(
        services,
        "\n".join(
            [
                *SETUP,
                "/lokus plan svara mål",
                "nytt ärende",  # the section is open: asked first
                "2",  # begin the case, keep the section
                "idag",
                "FK",
                "hoppa över",
                "kvinan",  # a typo
                "45 år",  # an age where the band is asked
                "4",  # the number beside Nyanlända
                "3",
                "hoppa över",
                "nej tack",  # no to the yes/no question
                "hoppa över",
                "ändra kön till man",  # a correction at the summary
                "japp",
                "fortsätt",  # back to the section
                "Samverkan som fungerar.",
                "ja",
            ]
        ),
    )
    assert "Traceback" not in output
    assert "Du har inte gjort klart avsnittet ”Mål” (fråga 1 av 1). Vill du fortsätta" in output
    assert "Okej, jag sparar dina svar i avsnittet ”Mål” till senare." in output
    assert "4. Kön: Kvinna" in output and "5. Åldersgrupp: 40–49" in output and "6. Målgrupper: Nyanlända" in output
    assert "Ändrat: *Kön* är nu Man (var Kvinna)." in output
    assert "Ärende #1 registrerat för LOKUS Heby" in output
    assert "Du har också påbörjat avsnittet ”Mål” (fråga 1 av 1)." in output
    assert "Välkommen tillbaka! Vi fortsätter med avsnittet ”Mål”" in output
    assert "Tack! Avsnittet ”Mål” i *Verksamhetsplan 2028 – Heby* är sparat." in output


def test_a_meeting_in_january_and_a_section_rewritten_at_its_summary(services: Services) -> None:
    out = io.StringIO()
    console = Console(services, user="anna", channel="heby", out=out)
    console.run(
        [
            *SETUP,
            "/lokus plan svara mål",
            "Fungerande samverkan.",
            "ja",
            "/lokus plan svara mål",  # answered: straight to the summary
            "Bättre samverkan mellan parterna, med fokus på unga.",  # the new text is the new answer
            "jajamän",
            "/lokus möte i januari",
            "tisdag",
            "kl 13",
            "Kommunhuset",
            "ok",
            "jag",
            "absolut",
        ]
    )
    output = out.getvalue()
    assert "Traceback" not in output and "Inget ändrades" not in output
    assert "Ändrat:" in output and "Bättre samverkan mellan parterna" in output
    assert "1) måndag 4 januari 2027" in output and "2) tisdag 5 januari 2027" in output
    assert "Klart! Mötet för *Heby* är tisdag 5 januari 2027 kl. 13.00–15.00." in output


def test_a_meeting_asked_for_with_its_time_in_the_middle_of_a_case_and_insatser_in_own_words(
    services: Services,
) -> None:
    """The walk-through of this change: a command word with its time at a choice and at the summary, the case kept
    aside and finished after the meeting, and insatser and the evaluation asked for in the DM."""
    output = run_script(
        services,
        "\n".join(
            [
                *SETUP,
                "registrera lotsärende tack",
                "igår",
                "boka möte på torsdag kl 9.30",  # at the party question: the meeting, asked first
                "1",  # no: carry on with the case
                "4",
                "Socialtjänsten",
                "2",
                "30 år",
                "1,3",
                "väntetider och ingen tog ansvar",  # one of two is no option: asked again, nothing lost
                "3",
                "hoppa över",
                "ja",
                "hoppa över",
                "boka möte på torsdag kl 9.30",  # at the summary: the meeting again
                "2",  # begin it, keep the case
                "Kommunhuset, rum 3",
                "ok",
                "jag",
                "ja",  # the meeting is called
                "fortsätt",  # back to the case's summary
                "ja",
                "insatser",
                "vilka insatser har vi?",
                "hur många har svarat på utvärderingen?",
            ]
        ),
    )
    assert "Traceback" not in output and "Oj" not in output
    assert output.count("Du har inte gjort klart lots-ärendet") == 2
    assert "”ingen tog ansvar” finns inte bland alternativen" in output
    assert "Ärende #1 registrerat för LOKUS Heby" in output
    assert "torsdag" in output and "kl. 09.30" in output
    assert output.count("Insatser i Heby") == 2
    assert "Ingen utvärdering pågår i *Heby* just nu." in output
