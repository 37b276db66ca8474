"""The plan as Markdown: the same content as the Word document, for wikis, e-mail and diffs."""

from collections.abc import Callable

from handlers.cleaning import clean_text
from handlers.plans.content import Item, PlanDocument, SectionContent
from handlers.plans.docx_export import SIGNATURE_LABELS
from handlers.plans.template_schema import QuestionKind
from handlers.plans.values import Words, plain, shown
from handlers.text import t


def markdown_bytes(doc: PlanDocument, words: Words) -> bytes:
    """The plan as a UTF-8 Markdown file (without characters no text file should hold, see handlers.cleaning)."""
    lines: list[str] = []
    if doc.draft:
        lines += _draft(doc, words)
    lines += [f"# {doc.title}", ""]
    for line in doc.intro:
        lines += [line, ""]
    for section in doc.sections:
        lines += [f"## {section.title}", "", *section_markdown(section, words)]
    if doc.signatures:
        lines += _signatures(doc, words)
    lines += [f"_{words(t('plan.doc.made', date=doc.made_on))}_", ""]
    return clean_text("\n".join(lines)).encode("utf-8")


def _draft(doc: PlanDocument, words: Words) -> list[str]:
    lines = [f"**{words(t('plan.doc.draft'))}** – {words(t('plan.doc.draft_note'))}", ""]
    if doc.missing_sections:
        lines += [f"{words(t('plan.doc.missing_sections'))} {', '.join(doc.missing_sections)}", ""]
    if doc.missing_parties:
        parties = ", ".join(words(t(f"party.{p.value}")) for p in doc.missing_parties)
        lines += [f"{words(t('plan.doc.missing_parties'))} {parties}", ""]
    return lines


def _small(text: str) -> str:
    return f"<sub>{text}</sub>  "


def section_markdown(
    section: SectionContent,
    words: Words,
    user: Callable[[str], str] | None = None,
    small: Callable[[str], str] = _small,
) -> list[str]:
    """The lines of a section under its heading: intro, each question with its answer or table. `user` writes
    the text people gave (a canvas escapes it; a file, with None, keeps it as written but for an erased person's
    mention, which reads as the words for them), `small` a table's column hints."""
    lines: list[str] = []
    if section.intro:
        lines += [f"_{section.intro}_", ""]
    heading = None
    for item in section.items:
        if item.heading and item.heading != heading:
            lines += [f"### {item.heading}", ""]
        heading = item.heading
        lines += [f"**{item.text}**", ""]
        if item.kind == QuestionKind.TABLE and item.value:
            lines += _table(item, words, user, small)
        elif item.value in (None, "", []):
            lines += [f"_{words(t('plan.doc.unanswered'))}_", ""]
        else:
            lines += [_answer(item.kind, item.value, words, user), ""]
    return lines


def _answer(kind: QuestionKind, value: object, words: Words, user: Callable[[str], str] | None) -> str:
    """An answer in the reader's words; text a person wrote through `user` when given."""
    result = shown(kind, value)
    return user(result) if isinstance(result, str) and user is not None else words(result)


def _table(item: Item, words: Words, user: Callable[[str], str] | None, small: Callable[[str], str]) -> list[str]:
    lines = [_row([c.label for c in item.columns]), _row(["---"] * len(item.columns))]
    for row in item.value:
        lines.append(_row([_answer(c.kind, row.get(c.key), words, user) for c in item.columns]))
    if item.sums:
        sums = [plain(c.kind, item.sums[c.key], words) if c.key in item.sums else "" for c in item.columns]
        sums[0] = sums[0] or words(t("plan.doc.total"))
        lines.append(_row([f"**{cell}**" if cell else "" for cell in sums]))
    lines.append("")
    lines += [small(c.hint) for c in item.columns if c.hint]
    return [*lines, ""]


def _signatures(doc: PlanDocument, words: Words) -> list[str]:
    lines = [
        f"## {words(t('plan.doc.signatures'))}",
        "",
        _row([words(t(key)) for key in SIGNATURE_LABELS]),
        _row(["---"] * len(SIGNATURE_LABELS)),
    ]
    for signature in doc.signatures:
        organisation = signature.organisation or words(t(f"party.{signature.party.value}"))
        if signature.signed_on is None:
            lines.append(_row(["", "", "", organisation]))
        else:
            lines.append(
                _row([words(signature.signed_on), words(t("plan.doc.signed")), words(signature.name), organisation])
            )
    return [*lines, ""]


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(c.replace("|", "\\|").replace("\n", "<br>") for c in cells) + " |"
