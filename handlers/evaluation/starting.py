"""Starting an evaluation: the closing day, who may start one, and a survey in the DM of every member."""

from dataclasses import replace
from datetime import date, timedelta

from handlers import access
from handlers.context import Actor, Ctx
from handlers.dates import parse_when
from handlers.errors import DomainError, NotAllowed
from handlers.evaluation.names import DEFAULT_DAYS_OPEN, flow_name
from handlers.evaluation.survey_loader import configured_survey
from handlers.parties import Role
from handlers.replies import Send, To, say, to_channel, to_user
from handlers.text import Mention, t
from storage import audit
from storage import evaluation as repo
from storage.conversations import ConversationKey
from storage.evaluation_models import Survey
from storage.models import Group

LONGEST_OPEN = 120  # days: an evaluation is a short survey, not a standing one


def require_starter(ctx: Ctx, group: Group) -> None:
    """Refuse unless the person is the group's sammankallande or has the förbund role of its workspace."""
    access.require_workspace(ctx, group)
    if access.is_forbund(ctx):
        return
    member = access.member_of(ctx, group)
    if member is None or Role.SAMMANKALLANDE not in member.role_list:
        raise NotAllowed("evaluation.starter_only", group=group.name)


def closing_day(ctx: Ctx, typed: str) -> date:
    """The day the survey closes: the one written ("15 december", "fredag nästa vecka"), else in two weeks."""
    today = ctx.local_now.date()
    if not typed.strip():
        return today + timedelta(days=DEFAULT_DAYS_OPEN)
    when = parse_when(typed, ctx.now)
    if when is None:
        raise DomainError("evaluation.close_unknown", given=typed.strip())
    day = when.period_end if when.period_end is not None else when.start.date()
    if when.alternatives:
        raise DomainError("evaluation.close_ambiguous", first=day, other=when.alternatives[0].date())
    if day <= today:
        raise DomainError("evaluation.close_past", day=day)
    if day > today + timedelta(days=LONGEST_OPEN):
        raise DomainError("evaluation.close_far", days=LONGEST_OPEN)
    return day


def start(ctx: Ctx, typed: str) -> list[Send]:
    """`/lokus utvärdering starta [datum]`: the survey to every member by DM, and a note in the channel."""
    group = access.channel_group(ctx)
    require_starter(ctx, group)
    closes = closing_day(ctx, typed)
    running = repo.open_survey_of(ctx.session, group=group)
    if running is not None:
        raise DomainError("evaluation.open_already", closes=running.closes_on)
    members = [m.user_id for m in group.members]
    if not members:
        raise DomainError("evaluation.no_members", group=group.name)
    survey_file = configured_survey(ctx.config.evaluation_survey)
    survey = repo.create_survey(
        ctx.session,
        group=group,
        survey_key=survey_file.key,
        questions=[q.stored(ctx.config.language) for q in survey_file.questions],
        opens_on=ctx.local_now.date(),
        closes_on=closes,
        started_by=ctx.actor.user_id,
        user_ids=members,
    )
    audit.record(
        ctx.session,
        team_id=ctx.actor.team_id,
        user_id=ctx.actor.user_id,
        action="evaluation.start",
        entity="evaluation",
        entity_id=survey.id,
        detail={"closes_on": closes.isoformat(), "asked": len(members), "survey": survey_file.key},
    )
    said = t("evaluation.started", by=Mention(ctx.actor.user_id), count=len(members), closes=closes)
    sends = [to_channel(say(said), group.channel_id or "")]
    for user_id in members:
        sends.extend(ask_in_dm(ctx, survey, user_id))
    return sends


def ask_in_dm(ctx: Ctx, survey: Survey, user_id: str) -> list[Send]:
    """The survey's conversation in the person's DM, on the one engine (it continues if already begun)."""
    team = survey.group.workspace.team_id
    their = replace(ctx, actor=Actor(team, user_id))
    key = ConversationKey(team, user_id)
    sends = ctx.engine.start(their, key, flow_name(survey.survey_key), data={"survey_id": survey.id})
    return [to_user(s.reply, user_id) if s.to == To.REQUESTER else s for s in sends]
