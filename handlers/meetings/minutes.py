"""Minutes (minnesanteckningar): asked of the minute-taker by DM after the meeting, posted in its thread, stored."""

from collections.abc import Mapping
from typing import Any

from handlers import access
from handlers.context import Ctx
from handlers.conversation.flow import Env, Flow, Kind, Question
from handlers.errors import AnswerError, DomainError, NotAllowed
from handlers.meetings.announcement import thread_notice
from handlers.meetings.dm import dm_key, start_in_dm
from handlers.meetings.names import MINUTES_FLOW, MeetingAction
from handlers.meetings.permissions import is_convenor, meeting_from
from handlers.meetings.times import when_words
from handlers.replies import Button, Buttons, Paragraph, Send, Style, reply, say, to_requester, to_user
from handlers.text import Mention, t
from storage import audit
from storage import meetings as repo
from storage.meeting_models import HELD, Meeting

MINUTES_LIMIT = 20_000
CHUNK = 2_500


def _check_minutes(text: str, env: Env) -> str:
    if len(text) > MINUTES_LIMIT:
        raise AnswerError("minutes.too_long", limit=MINUTES_LIMIT)
    return text.strip()


def save_minutes(ctx: Ctx, answers: Mapping[str, Any], data: Mapping[str, Any]) -> list[Send]:
    """Store the minutes and post them in the announcement's thread."""
    meeting = meeting_from(ctx, str(data.get("meeting_id", "")))
    _require_writer(ctx, meeting)
    repo.save_minutes(ctx.session, meeting=meeting, text=answers["minutes"], user_id=ctx.actor.user_id, now=ctx.now)
    audit.record(
        ctx.session,
        team_id=ctx.actor.team_id,
        user_id=ctx.actor.user_id,
        action="meeting.minutes",
        entity="meeting",
        entity_id=meeting.id,
    )
    when = when_words(ctx, meeting.starts_at, meeting.ends_at)
    title = t("minutes.posted", when=when, user=Mention(ctx.actor.user_id))
    posted = thread_notice(ctx, meeting, title, more=tuple(Paragraph(c) for c in chunks(answers["minutes"])))
    return [to_requester(say(t("minutes.saved", group=meeting.group.name))), *posted]


def chunks(text: str, size: int = CHUNK) -> list[str]:
    """Long text in pieces of at most `size` characters, cut at line breaks where possible, to show it whole."""
    pieces: list[str] = []
    while len(text) > size:
        cut = text.rfind("\n", 0, size)
        cut = cut if cut > size // 2 else size
        pieces.append(text[:cut])
        text = text[cut:].lstrip("\n")
    return [*pieces, text] if text else pieces


MINUTES = Flow(
    MINUTES_FLOW,
    t("minutes.flow_title"),
    (
        Question(
            "minutes", t("minutes.q.label"), t("minutes.q"), Kind.TEXT, check=_check_minutes, hint=t("minutes.q.hint")
        ),
    ),
    finish=save_minutes,
    noun=t("minutes.noun"),
)


def _require_writer(ctx: Ctx, meeting: Meeting) -> None:
    if ctx.actor.user_id != meeting.minute_taker and not is_convenor(ctx, meeting.group):
        raise NotAllowed("minutes.not_writer", user=Mention(meeting.minute_taker))


def ask_for_minutes(ctx: Ctx, meeting: Meeting) -> list[Send]:
    """After the meeting: DM the minute-taker and start the minutes conversation (or offer a button when busy)."""
    key = dm_key(meeting.group.workspace.team_id, meeting.minute_taker)
    when = when_words(ctx, meeting.starts_at, meeting.ends_at)
    intro = t("minutes.ask", group=meeting.group.name, when=when)
    if ctx.engine.is_open(ctx, key):  # not started unasked over what they are doing: a button for later
        button = Button(MeetingAction.MINUTES_START, str(meeting.id), t("minutes.start"), Style.PRIMARY)
        return [
            to_user(
                reply(Paragraph(intro), Paragraph(t("minutes.when_ready")), Buttons((button,))), meeting.minute_taker
            )
        ]
    return [to_user(say(intro), meeting.minute_taker), *start_in_dm(ctx, key, MINUTES, {"meeting_id": meeting.id})]


def start_from_button(ctx: Ctx, action_id: str, value: str, selected: list[str]) -> list[Send]:
    """The minute-taker pressed "Skriv minnesanteckningar"."""
    meeting = meeting_from(ctx, value)
    return _start(ctx, meeting)


def start_from_command(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus möte anteckningar`: write the minutes of the group's latest meeting that has none."""
    group = access.channel_group(ctx)
    meeting = repo.last_without_minutes(ctx.session, group=group)
    if meeting is None:
        raise DomainError("minutes.nothing_to_write", group=group.name)
    notice = [] if ctx.actor.in_dm else [to_requester(say(t("meeting.continue_in_dm", group=group.name)))]
    return [*notice, *_start(ctx, meeting)]


def _start(ctx: Ctx, meeting: Meeting) -> list[Send]:
    _require_writer(ctx, meeting)
    if meeting.status != HELD:
        raise DomainError("minutes.not_held")
    key = dm_key(ctx.actor.team_id, ctx.actor.user_id)
    return start_in_dm(ctx, key, MINUTES, {"meeting_id": meeting.id})
