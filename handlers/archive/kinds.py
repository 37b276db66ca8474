"""The record kinds of a package, one entry each in `RECORD_KINDS`: plans, minutes, meeting announcements,
attendance, published summaries, case statistics, insats decisions and reports (`insats_kinds`) and the audit
log. A new kind is one more entry (a `RecordKind` with its folder and a collect function)."""

import json
from datetime import UTC, datetime

from handlers.archive import insats_kinds
from handlers.archive.markdown import csv_bytes, reply_markdown
from handlers.archive.records import CSV, DOCX, MARKDOWN, ArchiveYear, RecordFile, RecordKind, Words
from handlers.cases.table import case_row, to_csv
from handlers.cases.vocabulary import TARGET_GROUPS, named_target_groups
from handlers.context import Ctx
from handlers.meetings.announcement import announcement
from handlers.meetings.times import when_words
from handlers.plans.content import plan_document
from handlers.plans.docx_export import docx_bytes
from handlers.plans.markdown_export import markdown_bytes
from handlers.replies import Fields, Header, Note, Paragraph, Reply
from handlers.summaries.published import stored_reply
from handlers.text import Mention, t
from storage import archive as archive_repo
from storage import audit as audit_repo
from storage import cases as cases_repo
from storage import meetings as meetings_repo
from storage import plans as plans_repo
from storage import summaries as summaries_repo
from storage.meeting_models import Meeting
from storage.models import Group
from storage.plan_models import Plan


def plans(ctx: Ctx, group: Group, year: ArchiveYear, words: Words) -> list[RecordFile]:
    """Each plan of the year as Word and as Markdown, as it reads now (a draft is marked as one)."""
    files: list[RecordFile] = []
    for plan in plans_repo.plans_of_group(ctx.session, group=group):
        if plan.year != year.year:
            continue
        doc = plan_document(ctx, plan)
        name = f"{plan.template}-{plan.year}" + ("-utkast" if doc.draft else "")
        made = _plan_changed(plan)
        day = made.astimezone(ctx.config.tz).date()
        title = words(doc.title)
        files.append(RecordFile(f"{name}.docx", title, made, day, DOCX, docx_bytes(doc, words)))
        files.append(RecordFile(f"{name}.md", title, made, day, MARKDOWN, markdown_bytes(doc, words)))
    return files


def _plan_changed(plan: Plan) -> datetime:
    """When the plan last changed: a section saved, an approval given or withdrawn, the plan completed."""
    moments = [plan.created_at, plan.completed_at, *(s.answered_at for s in plan.sections)]
    moments += [m for a in plan.approvals for m in (a.approved_at, a.withdrawn_at)]
    return max(m for m in moments if m is not None)


def _meetings(ctx: Ctx, group: Group, year: ArchiveYear) -> list[Meeting]:
    return list(meetings_repo.meetings_between(ctx.session, group=group, start=year.start, end=year.end))


def minutes(ctx: Ctx, group: Group, year: ArchiveYear, words: Words) -> list[RecordFile]:
    """The minutes of each meeting of the year that has them, with when, where and who wrote them."""
    files = []
    for meeting in _meetings(ctx, group, year):
        if not meeting.minutes or meeting.minutes_at is None:
            continue
        day = meeting.starts_at.astimezone(ctx.config.tz).date()
        title = t("archive.minutes.title", group=group.name, date=day)
        fields = (
            (t("archive.minutes.when"), when_words(ctx, meeting.starts_at, meeting.ends_at)),
            (t("archive.minutes.place"), meeting.place),
            (t("archive.minutes.by"), Mention(meeting.minutes_by or "")),
            (t("archive.minutes.saved"), meeting.minutes_at.astimezone(ctx.config.tz).date()),
        )
        content = reply_markdown(Reply((Header(title), Fields(fields), Paragraph(meeting.minutes))), words)
        name = f"{day.isoformat()}-mote-{meeting.id}.md"
        files.append(RecordFile(name, words(title), meeting.minutes_at, day, MARKDOWN, content))
    return files


def announcements(ctx: Ctx, group: Group, year: ArchiveYear, words: Words) -> list[RecordFile]:
    """Each meeting's announcement as it reads now: time, place, agenda, status and who answers for each party."""
    files = []
    for meeting in _meetings(ctx, group, year):
        day = meeting.starts_at.astimezone(ctx.config.tz).date()
        content = reply_markdown(announcement(ctx, meeting), words)
        title = words(t("archive.announcement.title", group=group.name, date=day))
        made = max(meeting.time_set_at, *(r.answered_at for r in meeting.rsvps))
        files.append(RecordFile(f"{day.isoformat()}-mote-{meeting.id}.md", title, made, day, MARKDOWN, content))
    return files


ATTENDANCE_COLUMNS = ("mote_id", "datum", "status", "anvandare", "part", "svar", "svarade")


def attendance(ctx: Ctx, group: Group, year: ArchiveYear, words: Words) -> list[RecordFile]:
    """Every answer to every meeting of the year, one row each, as CSV."""
    meetings = _meetings(ctx, group, year)
    rows = [
        (m.id, m.starts_at.astimezone(ctx.config.tz).date(), m.status, r.user_id, r.party, r.answer, r.answered_at)
        for m in meetings
        for r in m.rsvps
    ]
    if not rows:
        return []
    made = max(r[-1] for r in rows)
    title = words(t("archive.attendance.title", group=group.name, year=str(year.year)))
    return [RecordFile(f"narvaro-{year.year}.csv", title, made, None, CSV, csv_bytes(ATTENDANCE_COLUMNS, rows))]


def summaries(ctx: Ctx, group: Group, year: ArchiveYear, words: Words) -> list[RecordFile]:
    """Each summary the bot posted in the channel during the year, with the numbers as they were shown."""
    files = []
    for row in summaries_repo.published_between(ctx.session, group=group, start=year.start, end=year.end):
        day = row.published_at.astimezone(ctx.config.tz).date()
        published = stored_reply(row.content)
        note = t(
            f"archive.summary.published.{row.trigger}",
            date=day,
            start=row.period_start,
            end=row.period_end,
            threshold=row.threshold,
        )
        content = reply_markdown(Reply((*published.parts, Note(note))), words)
        title = words(t("archive.summary.title", group=group.name, date=day))
        files.append(RecordFile(f"{day.isoformat()}-{row.id}.md", title, row.published_at, day, MARKDOWN, content))
    return files


def case_statistics(ctx: Ctx, group: Group, year: ArchiveYear, words: Words) -> list[RecordFile]:
    """The year's lots-ärenden as the export's CSV (the file `lokusbot export cases` writes), raised in the year."""
    cases = [c for c in cases_repo.cases_of_group(ctx.session, group_id=group.id) if year.holds(c.raised_on)]
    if not cases:
        return []
    targets = (*named_target_groups(group.settings), *TARGET_GROUPS)
    content = to_csv([case_row(case, targets, ctx.config.tz) for case in cases])
    made = max(c.updated_at for c in cases)
    title = words(t("archive.cases.title", group=group.name, year=str(year.year)))
    return [RecordFile(f"lots-arenden-{year.year}.csv", title, made, None, CSV, content)]


AUDIT_COLUMNS = ("tid", "anvandare", "handelse", "objekt", "objekt_id", "detaljer")


def audit_log(ctx: Ctx, group: Group, year: ArchiveYear, words: Words) -> list[RecordFile]:
    """The audit log's entries of the year about the group and its records, as CSV."""

    ours = archive_repo.entities_of_group(ctx.session, group=group)
    team = group.workspace.team_id
    entries = [
        e
        for e in audit_repo.entries_between(ctx.session, team_id=team, start=year.start, end=year.end)
        if (e.entity, e.entity_id) in ours
    ]
    if not entries:
        return []
    rows = [
        (e.at, e.user_id, e.action, e.entity, e.entity_id, json.dumps(e.detail, ensure_ascii=False, sort_keys=True))
        for e in entries
    ]
    title = words(t("archive.audit.title", group=group.name, year=str(year.year)))
    made = max(e.at for e in entries).astimezone(UTC)
    return [RecordFile(f"granskningslogg-{year.year}.csv", title, made, None, CSV, csv_bytes(AUDIT_COLUMNS, rows))]


RECORD_KINDS: tuple[RecordKind, ...] = (
    RecordKind("plan", "planer", plans),
    RecordKind("minutes", "minnesanteckningar", minutes),
    RecordKind("meeting_announcement", "kallelser", announcements),
    RecordKind("attendance", "narvaro", attendance),
    RecordKind("published_summary", "sammanfattningar", summaries),
    RecordKind("case_statistics", "lots-arenden", case_statistics),
    RecordKind("insats_decision", "insatsbeslut", insats_kinds.decisions),
    RecordKind("insats_report", "insatsrapporter", insats_kinds.reports),
    RecordKind("audit_log", "granskningslogg", audit_log, content=False),
)
"""Every kind a package holds, in the order they are listed in the manifest."""
