"""Swedish that reads right: plurals by count and lists with "och" from the catalogue, the article that agrees
("en e-postadress"), no bold inside a bold question, and no "1) 1. Datum" in the console."""

import pytest

from bot.catalogue import Catalogue, load_messages
from bot.console_render import render_text
from handlers.app import build_router
from handlers.conversation.flow import Question
from handlers.plans.names import section_flow_name
from handlers.plans.template_loader import shipped_templates
from handlers.replies import Choices, Option, reply
from handlers.text import Listing, Text, t


def words(language: str = "sv") -> Catalogue:
    return Catalogue(language, load_messages(language), escape=lambda s: s)


@pytest.mark.parametrize(
    ("text", "swedish", "english"),
    [
        (t("case.import.refused", rows=1, problems=1), "1 rad har sammanlagt 1 fel", "1 row has 1 problem"),
        (t("case.import.refused", rows=2, problems=7), "2 rader har sammanlagt 7 fel", "2 rows have 7 problems"),
        (t("summary.closed", count=1), "1 ärende avslutades", "1 case was closed"),
        (t("summary.closed", count=2), "2 ärenden avslutades", "2 cases were closed"),
        (t("summary.lead", raised=1), "*1* lots-ärende har", "*1* case was raised"),
        (t("summary.referred", count=1, percent="5 %"), "1 person har", "1 person was"),
        (t("summary.referred", count=3, percent="5 %"), "3 personer har", "3 people were"),
        (t("plan.deadline.ahead", date="1 september", days=1), "(om 1 dag)", "(in 1 day)"),
        (t("plan.deadline.passed", date="1 september", days=3), "för 3 dagar sedan", "3 days ago"),
        (t("plan.history.more", count=1), "1 äldre version.", "1 older version."),
        (t("meeting.goal_set", group="Heby", goal=1, user="anna"), "1 möte per år", "1 meeting a year"),
        (t("meetings.goal", held=1, goal=4, planned=2), "*1 av 4 möten hållna*", "*1 of 4 meetings held*"),
        (
            t("plan.template_check.ok", file="a.yaml", name="A", sections=1, questions=1),
            "(1 avsnitt, 1 fråga)",
            "(1 section, 1 question)",
        ),
    ],
)
def test_plural_forms_follow_the_count(text: Text, swedish: str, english: str) -> None:
    assert swedish in words("sv").render(text)
    assert english in words("en").render(text)


@pytest.mark.parametrize(
    ("items", "swedish", "english"),
    [
        ((), "", ""),
        (("Region",), "Region", "Region"),
        (("Region", "Arbetsförmedlingen"), "Region och Arbetsförmedlingen", "Region and Arbetsförmedlingen"),
        (("AF", "FK", "Region"), "AF, FK och Region", "AF, FK and Region"),
    ],
)
def test_lists_in_a_sentence_end_with_och(items: tuple[str, ...], swedish: str, english: str) -> None:
    assert words("sv").render(Listing(items)) == swedish
    assert words("en").render(Listing(items)) == english


def test_missing_parties_read_as_a_list() -> None:
    parties = Listing((t("party.fk"), t("party.region")))
    assert (
        words().render(t("group.parties_missing", parties=parties)).startswith("Saknas: Försäkringskassan och Region.")
    )


@pytest.mark.parametrize(
    ("kind", "swedish", "english"),
    [
        ("personnummer", "innehålla ett personnummer", "contain a personal identity number"),
        ("phone", "innehålla ett telefonnummer", "contain a phone number"),
        ("email", "innehålla en e-postadress", "contain an e-mail address"),
    ],
)
def test_the_article_agrees_with_the_kind_of_identity(kind: str, swedish: str, english: str) -> None:
    text = t("identity.refused", kind=t(f"identity.kind.{kind}"))
    assert swedish in words("sv").render(text)
    assert english in words("en").render(text)


def _every_question() -> list[Question]:
    flows = build_router().engine.flows
    questions = [q for name in flows for q in flows[name].questions]
    for template in shipped_templates().templates.values():
        for section in template.sections:
            name = section_flow_name(template.key, 2027, section.key, 600_000)
            questions.extend(flows[name].questions)
    return questions


@pytest.mark.parametrize("language", ["sv", "en"])
def test_no_question_prompt_holds_bold_of_its_own(language: str) -> None:
    """The engine shows a prompt in bold; bold inside it would break Slack's formatting."""
    catalogue = words(language)
    questions = _every_question()
    assert len(questions) > 30
    nested = [q.key for q in questions if isinstance(q.prompt, Text) and "*" in catalogue.render(q.prompt)]
    assert nested == []


def test_the_console_numbers_a_numbered_label_once() -> None:
    options = (Option("a", t("engine.numbered", number=1, label="Datum")), Option("b", "Kön"))
    shown = render_text(reply(Choices("conv.pick", options)), words()).lines
    assert shown == ["  1) Datum", "  2) Kön"]
