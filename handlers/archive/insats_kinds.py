"""The insatser's records in a package: each decision as the Word document the förbund signs, each answered
delrapport and slutrapport as Markdown."""

from handlers.archive.markdown import reply_markdown
from handlers.archive.records import DOCX, MARKDOWN, ArchiveYear, RecordFile, Words
from handlers.context import Ctx
from handlers.file_names import slug
from handlers.insats.card import title
from handlers.insats.decision_docx import decision_content, docx_bytes
from handlers.insats.reports import report_reply
from handlers.text import t
from storage import insatser as insatser_repo
from storage.models import Group


def decisions(ctx: Ctx, group: Group, year: ArchiveYear, words: Words) -> list[RecordFile]:
    """Each decision the förbund took in the year on one of the group's insatser (bevilja or avslå)."""
    files = []
    for insats in insatser_repo.group_insatser(ctx.session, group=group):
        decided = insats.decided_at
        if decided is None or not year.start <= decided < year.end:
            continue
        day = decided.astimezone(ctx.config.tz).date()
        content = docx_bytes(decision_content(ctx, insats), words, decided)
        name = f"{day.isoformat()}-beslut-{insats.id}-{slug(insats.name, 'insats')}.docx"
        files.append(RecordFile(name, words(t("insats.doc.file", title=title(insats))), decided, day, DOCX, content))
    return files


def reports(ctx: Ctx, group: Group, year: ArchiveYear, words: Words) -> list[RecordFile]:
    """Each delrapport and slutrapport answered in the year, as it was posted in the channel."""
    files = []
    for insats in insatser_repo.group_insatser(ctx.session, group=group):
        for report in insats.reports:
            answered = report.answered_at
            if answered is None or not year.start <= answered < year.end:
                continue
            day = answered.astimezone(ctx.config.tz).date()
            content = reply_markdown(report_reply(ctx, insats, report), words)
            name = f"{day.isoformat()}-{report.kind}-{insats.id}.md"
            heading = words(t(f"insats.report.title.{report.kind}", title=title(insats)))
            files.append(RecordFile(name, heading, answered, day, MARKDOWN, content))
    return files
