"""The förbund's decision: only the förbund role decides, once, up to the amount applied for; the decision as a Word
document in the form of seed 004 (förslag till beslut, att-satser, ärendet, bedömning)."""

import os
from io import BytesIO
from pathlib import Path

from docx import Document

from bot.catalogue import Catalogue, load_messages
from bot.services import Services
from handlers.formatting import NO_BREAK
from handlers.insats.names import InsatsAction
from handlers.replies import Send
from storage import audit
from storage.insats_models import GRANTED, REJECTED, SUBMITTED
from tests.handlers.insats_helpers import (
    ALVKARLEBY,
    ANNA,
    BERTIL,
    FORB,
    alvkarleby,
    apply,
    approve_all,
    grant,
    said,
    the_insats,
)
from tests.support import chat
from tests.support.chat import command, press


def _submitted(services: Services) -> int:
    alvkarleby(services)
    apply(services)
    insats_id = the_insats(services).id
    approve_all(services, insats_id)
    return insats_id


def _docx(sends: list[Send]) -> tuple[str, bytes]:
    words = Catalogue("sv", load_messages("sv"), escape=lambda s: s).render
    files = [f for s in sends for f in s.reply.files]
    assert len(files) == 1
    return files[0].filename, files[0].data(words)


def test_the_decision_document_reads_like_the_boards_decision(services: Services) -> None:
    insats_id = _submitted(services)
    grant(
        services,
        insats_id,
        conditions=(
            "finansieringen av insatsen gäller under förutsättning att förbundet beviljas medel från "
            "medlemsorganisationerna framöver\nfinansiering av insatsen gäller under förutsättning att insatsen följer "
            "aktuell ansökan, gällande lagstiftning och av förbundet antagna styrdokument"
        ),
    )
    name, content = _docx(press(services, ANNA, InsatsAction.DOCUMENT, str(insats_id), ALVKARLEBY))
    assert name == "beslut-lokussamordnare-alvkarleby-2027.docx"
    if os.environ.get("INSATS_DOCX_OUT"):
        Path(os.environ["INSATS_DOCX_OUT"]).write_bytes(content)
    document = Document(BytesIO(content))
    paragraphs = [(p.style.name if p.style else "", p.text) for p in document.paragraphs]
    texts = [text.replace(NO_BREAK, " ") for _, text in paragraphs]
    assert texts[:3] == ["Lokussamordnare Älvkarleby", "Förslag till beslut", "Förbundsstyrelsen föreslås besluta"]
    assert texts[3:7] == [
        "att bevilja finansiellt stöd från förbundet enligt ansökan till insatsen Lokussamordnare Älvkarleby",
        "att avsätta maximalt 150 000 kr som finansiering under perioden 2027-01-01 till 2027-12-31",
        "att finansieringen av insatsen gäller under förutsättning att förbundet beviljas medel från "
        "medlemsorganisationerna framöver",
        "att finansiering av insatsen gäller under förutsättning att insatsen följer aktuell ansökan, gällande "
        "lagstiftning och av förbundet antagna styrdokument",
    ]
    assert ("Heading 1", "Ärendet") in paragraphs and ("Heading 2", "Bedömning") in paragraphs
    assert (
        "Arbetsförmedlingen, Försäkringskassan, Region Uppsala och Älvkarleby kommun ansöker om medel till insatsen "
        "Lokussamordnare Älvkarleby. Älvkarleby kommun utgör insatsägare."
    ) in " ".join(texts)
    assert (
        "Inom insatsen har angetts följande effektmål: fyra genomförda lokusgruppsmöten under året. Som insatsmål har "
        "angivits: sammankalla, göra dagordning och föra protokoll under fyra lokusgruppsmöten under året och utifrån "
        "lokusgruppens riktlinjer planera och genomföra två kompetenshöjande insatser under året."
    ) in texts
    assert "Målgrupp är unga med funktionsnedsättning och/eller aktivitetsersättning (16–29 år) och personer med" in (
        " ".join(texts)
    )
    assert "I insatsen ska en lokussamordnare på 20 % anställas." in texts
    assert (
        "Ansökan har diskuterats av parterna i lokusgruppen och alla parter i lokusgruppen har ställt sig bakom "
        "ansökan." in texts
    )
    assert "Denna insats är en strukturövergripande insats." in texts
    assert "Insatsen riktar sig mot förbundets prioriterade målgrupper." in texts
    assert document.core_properties.title == "Lokussamordnare Älvkarleby"
    assert document.sections[0].page_height is not None and round(document.sections[0].page_height.mm) == 297


def test_only_the_forbund_decides_and_only_once(services: Services) -> None:
    insats_id = _submitted(services)
    refused = said(press(services, ANNA, InsatsAction.GRANT, str(insats_id), kind=True))
    assert "Det är bara den som har förbundets roll som kan göra det." in refused
    assert said(press(services, BERTIL, InsatsAction.REJECT, str(insats_id), kind=True)) == refused
    assert chat.asked(services, ANNA) is None and the_insats(services).status == SUBMITTED
    grant(services, insats_id)
    again = said(press(services, FORB, InsatsAction.REJECT, str(insats_id), kind=True))
    assert "Förbundet har redan fattat beslut om *Lokussamordnare Älvkarleby*." in again
    changed = said(command(services, ANNA, f"insats ändra {insats_id}", ALVKARLEBY, kind=True))
    assert "Ett beslutat ärende ändras inte, det följs upp." in changed
    assert the_insats(services).status == GRANTED


def test_more_than_applied_is_asked_again_and_a_lower_amount_is_granted(services: Services) -> None:
    insats_id = _submitted(services)
    press(services, FORB, InsatsAction.GRANT, str(insats_id))
    refused = said(chat.dm(services, FORB, "200 000 kr"))
    assert "Förbundet kan bevilja högst det ansökta beloppet, 150 000 kr." in refused
    chat.answer_flow(services, FORB, {"belopp": "120000", "villkor": "hoppa över"})
    insats = the_insats(services)
    assert (insats.granted_kr, insats.applied_kr, insats.conditions) == (120_000, 150_000, None)
    listing = said(command(services, ANNA, "insatser", ALVKARLEBY))
    assert "beviljad, beviljat 120 000 kr" in listing or "pågår, beviljat 120 000 kr" in listing


def test_a_rejection_carries_its_reason_to_the_channel_and_the_audit_log(services: Services) -> None:
    insats_id = _submitted(services)
    press(services, FORB, InsatsAction.REJECT, str(insats_id))
    sends = chat.answer_flow(services, FORB, {"skal": "Förbundets medel för året är redan fördelade."})
    assert "förbundet avslår #1 Lokussamordnare Älvkarleby. Skäl: Förbundets medel för året är redan fördelade." in (
        said(sends)
    )
    insats = the_insats(services)
    assert (insats.status, insats.reason, insats.reports) == (
        REJECTED,
        "Förbundets medel för året är redan fördelade.",
        [],
    )
    with services.db.unit_of_work() as session:
        entry = audit.entries_for(session, entity="insats", entity_id=insats_id)[-1]
        assert (entry.action, entry.user_id) == ("insats.rejected", FORB)
        assert "fördelade" not in str(entry.detail)
    assert "Skäl: Förbundets medel" in said(command(services, BERTIL, f"insats beslut {insats_id}", ALVKARLEBY))


def test_the_decision_of_an_undecided_insats_is_not_there_yet(services: Services) -> None:
    insats_id = _submitted(services)
    shown = said(command(services, ANNA, f"insats beslut {insats_id}", ALVKARLEBY))
    assert "Förbundet har inte fattat beslut om #1 Lokussamordnare Älvkarleby än (status: inskickad)." in shown
    assert "Förbundet har inte fattat beslut om någon insats i Älvkarleby än." in said(
        command(services, ANNA, "insats beslut", ALVKARLEBY, kind=True)
    )
