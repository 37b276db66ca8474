"""The decision as a Word document in the form of seed 004: förslag till beslut with its att-satser, ärendet
(ansökan) and bedömning. Page, language, fonts and page numbers are the plans' (docx_layout). python-docx is
loaded when the first document is made (by the deliverer, after the answer): the server's start does not pay for it."""

from collections.abc import Callable
from datetime import datetime
from io import BytesIO
from typing import Any

from handlers.cleaning import clean_text
from handlers.context import Ctx
from handlers.errors import DomainError
from handlers.file_names import slug
from handlers.formatting import Amount, Percent
from handlers.ids import row_id
from handlers.insats.budget import cost_rows
from handlers.insats.card import target_names, title
from handlers.insats.lookup import load_insats
from handlers.insats.names import PRIORITISED
from handlers.parties import Party
from handlers.replies import Attachment, Paragraph, Send, reply, to_requester
from handlers.text import Listing, Plain, Text, t
from storage.insats_models import GRANTED, Insats

Words = Callable[[Any], str]
FIELD = "\u2063"


def document_sends(ctx: Ctx, insats_id: int | None) -> list[Send]:
    """The decision as a .docx, privately to whoever asked."""
    insats = load_insats(ctx, insats_id)
    if insats.decided_at is None:
        raise DomainError("insats.decision.none", title=title(insats), status=t("insats.status.inskickad"))
    content = decision_content(ctx, insats)
    name = f"beslut-{slug(insats.name, 'insats')}-{insats.starts_on.year}.docx"
    made = insats.decided_at
    attachment = Attachment(
        name, lambda words: docx_bytes(content, words, made), t("insats.doc.file", title=title(insats))
    )
    return [to_requester(reply(Paragraph(t("insats.doc.here", title=title(insats))), files=(attachment,)))]


Line = Text | Callable[[Words], Text]


def decision_content(ctx: Ctx, insats: Insats) -> dict[str, Any]:
    """Everything the document says, as catalogue texts (rendered in the reader's words when the file is made)."""
    return {
        "title": insats.name,
        "group": insats.group.name,
        "atts": _atts(insats),
        "application": _application(ctx, insats),
        "assessment": _assessment(insats),
        "decided": insats.decided_at,
    }


def _period(insats: Insats) -> dict[str, Plain]:
    """The period as the board's decisions write it: 2018-01-01 till 2018-12-31."""
    return {"start": Plain(insats.starts_on.isoformat()), "end": Plain(insats.ends_on.isoformat())}


def _atts(insats: Insats) -> list[Text]:
    """The att-satser: grant and amount and one per condition, or the rejection."""
    if insats.status != GRANTED:
        return [t("insats.doc.att_reject", name=insats.name)]
    atts = [
        t("insats.doc.att_grant", name=insats.name),
        t("insats.doc.att_amount", amount=Amount(insats.granted_kr or 0), **_period(insats)),
    ]
    lines = (insats.conditions or "").replace(";", "\n").splitlines()
    return atts + [t("insats.doc.att", text=line.strip()) for line in lines if line.strip()]


def _application(ctx: Ctx, insats: Insats) -> list[Line]:
    """Ärendet: who applies, owner and target group, the goals, the post, the period and the cost."""
    parties = Listing(
        tuple(a.organisation or t(f"party.{a.party}") for a in insats.approvals)
        or tuple(t(f"party.{p.value}") for p in Party)
    )
    owner = next((a.organisation for a in insats.approvals if a.party == insats.owner_party and a.organisation), None)
    effekt = Listing(tuple(in_sentence(g.text) for g in insats.goals if g.kind == "effekt"))
    insatsmal = Listing(tuple(in_sentence(g.text) for g in insats.goals if g.kind == "insats"))
    post = next((r for r in cost_rows(insats.answers, ctx.config.flat_rate_kr) if r.percent is not None), None)
    targets = target_names(ctx, insats).items
    application: list[Line] = [
        lambda words: t(
            "insats.doc.applied",
            parties=parties,
            name=insats.name,
            owner=owner or t(f"party.{insats.owner_party}"),
            targets=Listing(tuple(Plain(in_sentence(words(n) if isinstance(n, Text) else n)) for n in targets)),
        ),
        t("insats.doc.goals", effekt=effekt, insatsmal=insatsmal),
    ]
    if post is not None and post.percent is not None:
        application.append(t("insats.doc.post", title=post.text, percent=Percent(post.percent)))
    application.append(t("insats.doc.cost", amount=Amount(insats.applied_kr), **_period(insats)))
    return application


def _assessment(insats: Insats) -> list[Text]:
    """Bedömning: the kind, the prioritised target groups, the parties behind it, a rejection's reason."""
    prioritised = set(insats.answers.get("malgrupper") or ()) & set(PRIORITISED)
    everyone = len(insats.approvals) == len(Party)
    assessment = [
        t(f"insats.doc.kind.{insats.kind}"),
        t("insats.doc.prioritised_yes" if prioritised else "insats.doc.prioritised_no"),
        t("insats.doc.approved_all" if everyone else "insats.doc.approved", count=len(insats.approvals)),
    ]
    if insats.status != GRANTED and insats.reason:
        assessment.append(t("insats.doc.reason", reason=insats.reason))
    return assessment


def in_sentence(text: str) -> str:
    """A goal written as a sentence of its own, read inside one: "Fyra möten" → "fyra möten" ("AF …" stays)."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def docx_bytes(content: dict[str, Any], words: Words, made: datetime | None) -> bytes:
    """The decision as a .docx file."""
    from docx import Document

    from handlers.plans.docx_layout import DocumentInfo, mark_language, page_numbers, set_up_document

    document = Document()
    name = clean_text(str(content["title"]))
    set_up_document(
        document,
        DocumentInfo(
            name,
            words(t("insats.doc.author", group=content["group"])),
            made or datetime.now(),
            words(t("insats.doc.category")),
        ),
    )
    document.add_heading(name, level=0)
    document.add_heading(words(t("insats.doc.proposal")), level=1)
    document.add_heading(words(t("insats.doc.board")), level=2)
    for att in content["atts"]:
        paragraph = document.add_paragraph()
        paragraph.add_run(words(t("insats.doc.att_word"))).bold = True
        paragraph.add_run(" " + clean_text(words(att)))
    document.add_heading(words(t("insats.doc.matter")), level=1)
    document.add_heading(words(t("insats.doc.application")), level=2).runs[0].italic = True
    for line in content["application"]:
        document.add_paragraph(clean_text(words(line(words) if callable(line) else line)))
    document.add_heading(words(t("insats.doc.assessment")), level=2).runs[0].italic = True
    for line in content["assessment"]:
        document.add_paragraph(clean_text(words(line)))
    if made is not None:
        document.add_paragraph(words(t("insats.doc.decided", date=made.date())))
    before, between, _ = words(t("plan.doc.page", page=Plain(FIELD), pages=Plain(FIELD))).split(FIELD)
    page_numbers(document, before, between)
    mark_language(document)
    buffer = BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def document_action(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
    """The "Beslutet som Word" button."""
    return document_sends(ctx, row_id(value))
