"""Calling a meeting: `/lokus möte tisdag nästa vecka kl 13`, or `/lokus möte` and a conversation in the DM."""

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from handlers import access
from handlers.context import Ctx
from handlers.conversation.flow import Choice, Env, Flow, Kind, Question
from handlers.dates import When
from handlers.errors import AnswerError, DomainError
from handlers.meetings import times
from handlers.meetings.announcement import announcement_sends
from handlers.meetings.dm import dm_key, start_in_dm
from handlers.meetings.names import DEFAULT_LENGTH_MINUTES, SCHEDULE_FLOW
from handlers.meetings.permissions import group_from, require_convenor
from handlers.mentions import MENTION
from handlers.replies import Paragraph, Part, Send, say, to_requester
from handlers.text import Mention, Text, t
from storage import audit
from storage import meetings as repo
from storage.groups import find_member

PLACE_LIMIT = 300
SELF_WORDS = {"jag", "mig", "själv", "jag själv", "me", "myself"}


def _which_options(env: Env) -> Sequence[Choice]:
    has_time = env.answers["when"]["has_time"]
    return [
        Choice(
            start,
            t("meeting.when_option", when=times.when_words(env.ctx, datetime.fromisoformat(start), has_time=has_time)),
        )
        for start in times.candidates(env.answers)
    ]


def _check_minute_taker(text: str, env: Env) -> str:
    """ "jag" or a member mentioned with @: who writes the minutes."""
    word = text.strip().casefold()
    if word in SELF_WORDS:
        return env.ctx.actor.user_id
    match = MENTION.match(text.strip())
    if match is None:
        raise AnswerError("meeting.minute_taker_unknown", given=text)
    user_id = match.group(1)
    group = group_from(env.ctx, env.data)
    if user_id != env.ctx.actor.user_id and find_member(env.ctx.session, group=group, user_id=user_id) is None:
        raise AnswerError("meeting.minute_taker_not_member", user=Mention(user_id), group=group.name)
    return user_id


def _show_minute_taker(user_id: str, env: Env) -> Any:
    return t("meeting.minute_taker_self") if user_id == env.ctx.actor.user_id else Mention(user_id)


def _check_place(text: str, env: Env) -> str:
    place = " ".join(text.split())
    if len(place) > PLACE_LIMIT:
        raise AnswerError("meeting.place_too_long", limit=PLACE_LIMIT)
    return place


def _summary_title(env: Env) -> Text:
    start, end = times.meeting_time(env.answers, env.ctx)
    return t("meeting.confirm", when=times.when_words(env.ctx, start, end))


def schedule(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus möte [när]` in the group's channel: the rest of the conversation happens in the DM."""
    group = access.channel_group(ctx)
    require_convenor(ctx, group)
    key = dm_key(ctx.actor.team_id, ctx.actor.user_id)
    dm = start_in_dm(ctx, key, SCHEDULE, {"group_id": group.id}, first_answer=args)
    notice = [] if ctx.actor.in_dm else [to_requester(say(t("meeting.continue_in_dm", group=group.name)))]
    return [*notice, *dm]


def _understood(env: Env) -> list[Part]:
    """ "Uppfattat: tisdag 1 december 2026 kl. 13.00" when the time typed with the command is clear."""
    when = env.answers.get("when")
    if not when or when["alternatives"] or when.get("period_end"):
        return []
    words = times.when_words(env.ctx, datetime.fromisoformat(when["start"]), has_time=when["has_time"])
    return [Paragraph(t("meeting.understood", when=words))]


def save_meeting(ctx: Ctx, answers: Mapping[str, Any], data: Mapping[str, Any]) -> list[Send]:
    """The confirmed answers: store the meeting and announce it in the group's channel."""
    group = group_from(ctx, data)
    require_convenor(ctx, group)
    start, end = times.meeting_time(answers, ctx, strict=True)
    times.refuse(When(start=start, has_time=True), ctx, DomainError)
    meeting = repo.create_meeting(
        ctx.session,
        group=group,
        starts_at=start,
        ends_at=end,
        place=answers["place"],
        convenor=ctx.actor.user_id,
        minute_taker=answers["minute_taker"],
        now=ctx.now,
    )
    audit.record(
        ctx.session,
        team_id=ctx.actor.team_id,
        user_id=ctx.actor.user_id,
        action="meeting.schedule",
        entity="meeting",
        entity_id=meeting.id,
        detail={"group": group.id, "starts_at": start.isoformat()},
    )
    done = t("meeting.scheduled", when=times.when_words(ctx, start, end), group=group.name)
    return [to_requester(say(done)), *announcement_sends(ctx, meeting)]


SCHEDULE = Flow(
    SCHEDULE_FLOW,
    t("meeting.flow_title"),
    (
        Question(
            "when",
            t("meeting.q.when.label"),
            t("meeting.q.when"),
            Kind.TEXT,
            check=times.check_when,
            show=times.show_when,
            any_text=False,
            hint=t("meeting.q.when.hint"),
        ),
        Question(
            "which",
            t("meeting.q.which.label"),
            t("meeting.q.which"),
            Kind.CHOICE,
            options=_which_options,
            when=lambda a: bool((a.get("when") or {}).get("alternatives")),
        ),
        Question(
            "day",
            t("meeting.q.day.label"),
            t("meeting.q.day"),
            Kind.CHOICE,
            hint=t("meeting.q.day.hint"),
            options=times.day_choices,
            other=times.check_day,
            show=lambda value, env: times.show_day(value, env),
            when=lambda a: bool((a.get("when") or {}).get("period_end")),
        ),
        Question(
            "at",
            t("meeting.q.at.label"),
            t("meeting.q.at"),
            Kind.TEXT,
            hint=t("meeting.q.at.hint"),
            check=times.check_clock,
            show=lambda value, env: value["text"],
            when=times.needs_clock,
        ),
        Question("place", t("meeting.q.place.label"), t("meeting.q.place"), Kind.TEXT, check=_check_place),
        Question(
            "length",
            t("meeting.q.length.label"),
            t("meeting.q.length"),
            Kind.TEXT,
            hint=t("meeting.q.length.hint"),
            check=times.check_length,
            show=times.show_length,
            default=lambda env: DEFAULT_LENGTH_MINUTES,
            when=times.needs_length,
        ),
        Question(
            "minute_taker",
            t("meeting.q.minute_taker.label"),
            t("meeting.q.minute_taker"),
            Kind.TEXT,
            hint=t("meeting.q.minute_taker.hint"),
            check=_check_minute_taker,
            show=_show_minute_taker,
            default=lambda env: env.ctx.actor.user_id,
        ),
    ),
    finish=save_meeting,
    summary_title=_summary_title,
    noun=t("meeting.noun"),
    intro=_understood,
)
