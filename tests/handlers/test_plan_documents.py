"""The plan as Word and Markdown: opened again with python-docx and read back, as a draft and when approved."""

from io import BytesIO

from docx import Document

from bot.catalogue import Catalogue, load_messages
from bot.services import Services
from handlers.plans.names import PlanAction, pack
from handlers.replies import Attachment, Send, To
from tests.handlers.test_plan_helpers import (
    ANNA,
    BERTIL,
    CECILIA,
    DAVID,
    HEBY,
    answer,
    approve,
    command,
    heby,
    press,
    the_plan,
    write_verksamhetsplan,
)
from tests.support.talk import text_of


def _files(sends: list[Send], language: str = "sv") -> dict[str, bytes]:
    """The files of the sends, built with the plain (unescaped) words of the language, by file extension."""
    words = Catalogue(language, load_messages(language), escape=lambda s: s).render
    attachments: list[Attachment] = [f for s in sends for f in s.reply.files]
    return {f.filename.rsplit(".", 1)[1]: f.data(words) for f in attachments}


def _docx_text(content: bytes) -> tuple[list[str], list[list[list[str]]], str]:
    """Paragraphs, tables (rows of cell texts) and the page header of a .docx."""
    document = Document(BytesIO(content))
    paragraphs = [p.text for p in document.paragraphs]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]
    return paragraphs, tables, document.sections[0].header.paragraphs[0].text


def test_a_draft_is_clearly_marked_and_lists_what_is_missing(services: Services) -> None:
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2028")
    answer(services, BERTIL, the_plan(services).id, "mal", {"mal": "Fungerande samverkan & kunskap <om> parterna."})
    sends = command(services, CECILIA, "plan dokument")
    assert [s.to for s in sends] == [To.CHANNEL] and sends[0].channel_id == HEBY
    assert "Det är ett *utkast*" in text_of(sends)
    assert sorted(f.filename for f in sends[0].reply.files) == [
        "verksamhetsplan-2028-heby-utkast.docx",
        "verksamhetsplan-2028-heby-utkast.md",
    ]
    paragraphs, tables, header = _docx_text(_files(sends)["docx"])
    assert header == "UTKAST – Verksamhetsplan 2028 LOKUS Heby"
    assert paragraphs[0] == "UTKAST"
    assert (
        "Avsnitt som saknar svar: Målgrupper, Män och kvinnor, Strukturområden, Kompetenshöjande insatser, "
        "Medel" in paragraphs
    )
    assert "Godkännande saknas från: Arbetsförmedlingen, Försäkringskassan, Region, Kommun" in paragraphs
    assert "Fungerande samverkan & kunskap <om> parterna." in paragraphs, "user text is not escaped in files"
    assert paragraphs.count("(ej besvarat än)") == 5
    signatures = tables[-1]
    assert signatures[0] == ["Datum:", "Underskrift:", "Namnförtydligande:", "Organisation:"]
    assert signatures[1:] == [
        ["", "", "", "Arbetsförmedlingen"],
        ["", "", "", "Försäkringskassan"],
        ["", "", "", "Region"],
        ["", "", "", "Kommun"],
    ]
    markdown = _files(sends)["md"].decode()
    assert markdown.startswith("**UTKAST** – Det här är ett utkast")
    english = _files(sends, "en")
    assert _docx_text(english["docx"])[0][0] == "DRAFT"


def test_the_approved_plan_reads_like_the_form_with_the_table_totals_and_signatures(services: Services) -> None:
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2028")
    plan_id = the_plan(services).id
    write_verksamhetsplan(services, plan_id)
    approve(services, BERTIL, plan_id, "Bertil Berg", "Arbetsförmedlingen Norra Uppland")
    approve(services, CECILIA, plan_id, "Cecilia Ek")
    approve(services, DAVID, plan_id, "David Lind", "LUL")
    approve(services, ANNA, plan_id, "Anna Ahl", "Heby kommun")
    sends = press(services, ANNA, PlanAction.DOCUMENT, pack(plan_id), HEBY)
    assert "Här är den godkända *Verksamhetsplan 2028 – Heby*" in text_of(sends)
    files = _files(sends)
    paragraphs, tables, header = _docx_text(files["docx"])
    assert header == "" and "UTKAST" not in paragraphs
    assert paragraphs[0] == "Verksamhetsplan 2028 LOKUS Heby"
    assert paragraphs[1:4] == [
        "Blankett för verksamhetsplan 2028. Ska ha inkommit till förbundet senast 1 september 2027.",
        "Verksamhetsplanen för 2028 är även ansökan om medel från förbundet gällande år 2028.",
        "LOKUS-grupp område: Heby",
    ]
    for question, reply_text in (
        ("Vilka mål har LOKUS-gruppen för arbetet 2028?", "Fungerande samverkan mellan de fyra myndigheterna."),
        ("Vilka målgrupper kommer LOKUS-gruppen att prioritera under 2028?", "Unga 16–29 år med aktivitetsersättning."),
        (
            "Har prioriteringen påverkats utifrån olika behov hos män och kvinnor?",
            "Nej. Lots-ärendena redovisas könsuppdelat.",
        ),
    ):
        assert paragraphs[paragraphs.index(question) + 1] == reply_text
    resources, signatures = tables
    assert resources[0] == [
        "Resurser:*",
        "Procent av heltid",
        "Tidsperiod (under året):",
        "Resultatmål:**",
        "Bedömda effekter:***",
        "Kostnader:****",
    ]
    assert resources[1] == [
        "Samverkanskoordinator",
        "75\u00a0%",
        "2028",
        "Besöka och informera om SK:s funktion hos parterna.",
        "–",
        "450\u00a0000\u00a0kr",
    ]
    assert resources[2][:2] == ["Tilläggsresurs", "50\u00a0%"] and resources[2][5] == "300\u00a0000\u00a0kr"
    assert resources[3] == ["Summa", "125\u00a0%", "", "", "", "750\u00a0000\u00a0kr"]
    assert any("Helårstjänster finansieras med 600\u00a0000\u00a0kr per år" in p for p in paragraphs)
    assert signatures[1:] == [
        ["23 november 2026", "Godkänd i lokusbot", "Bertil Berg", "Arbetsförmedlingen Norra Uppland"],
        ["23 november 2026", "Godkänd i lokusbot", "Cecilia Ek", "Försäkringskassan"],
        ["23 november 2026", "Godkänd i lokusbot", "David Lind", "LUL"],
        ["23 november 2026", "Godkänd i lokusbot", "Anna Ahl", "Heby kommun"],
    ]
    markdown = files["md"].decode()
    assert "# Verksamhetsplan 2028 LOKUS Heby" in markdown and "UTKAST" not in markdown
    assert "| Samverkanskoordinator | 75\u00a0% | 2028 |" in markdown
    assert "| **Summa** | **125\u00a0%** |  |  |  | **750\u00a0000\u00a0kr** |" in markdown
    assert "| 23 november 2026 | Godkänd i lokusbot | Anna Ahl | Heby kommun |" in markdown


def test_the_documents_button_in_a_dm_sends_the_files_privately(services: Services) -> None:
    heby(services)
    command(services, ANNA, "plan ny loksam 2027")
    sends = press(services, DAVID, PlanAction.DOCUMENT, pack(the_plan(services, "loksam", 2027).id))
    assert [s.to for s in sends] == [To.REQUESTER]
    paragraphs, _, _ = _docx_text(_files(sends)["docx"])
    for heading in (
        "Deltagare",
        "Möten",
        "Minnesanteckningar",
        "Årlig lokal kartläggning",
        "Projekt",
        "Sprida kunskap om samordningsförbundet lokalt",
        "Utvärdering av gruppens arbete och resultat",
    ):
        assert heading in paragraphs
    assert "Arbetsförmedlings representation" in paragraphs and "Samman kallande" in paragraphs


def test_a_section_and_the_whole_plan_can_be_read_in_chat(services: Services) -> None:
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2028")
    plan_id = the_plan(services).id
    write_verksamhetsplan(services, plan_id)
    shown = text_of(command(services, CECILIA, "plan visa medel"))
    assert "1. Samverkanskoordinator | 75 % | 2028" in shown
    assert "*Summa:* Procent av heltid 125 %, Kostnader:**** 750 000 kr" in shown
    whole = text_of(press(services, CECILIA, PlanAction.SHOW, pack(plan_id)))
    assert "Vilka strukturområden kommer LOKUS-gruppen att prioritera under 2028?" in whole
    assert "Tydligare arbetsgång mellan AME och socialförvaltningen." in whole
