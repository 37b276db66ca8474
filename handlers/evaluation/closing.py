"""Closing an evaluation (by hand, or by the scheduler once its last day has passed), counting what waits, and
reminding those who have not answered. Each scheduled job is claimed, so it runs once in any number of processes.
"""

from dataclasses import replace

from handlers.context import Actor, Ctx
from handlers.evaluation.names import COUNT_WHEN_WAITING, REMINDER_DAYS, EvaluationAction, flow_name
from handlers.evaluation.results import result_reply
from handlers.replies import Button, Buttons, Paragraph, Send, in_workspace, reply, to_channel, to_user
from handlers.text import t
from storage import audit
from storage import evaluation as repo
from storage.conversations import ConversationKey
from storage.evaluation_models import Survey
from storage.jobs import claim_once


def close_and_post(ctx: Ctx, survey: Survey, by: str) -> list[Send]:
    """Count every waiting ballot, close the survey, end unfinished answers unsaved, post the results."""
    repo.close_survey(ctx.session, survey=survey)
    team = survey.group.workspace.team_id
    for respondent in repo.not_answered(ctx.session, survey=survey):
        their = replace(ctx, actor=Actor(team, respondent.user_id))
        key = ConversationKey(team, respondent.user_id)
        ctx.engine.forget(their, key, flow_name(survey.survey_key), {"survey_id": survey.id})
    audit.record(
        ctx.session,
        team_id=team,
        user_id=by,
        action="evaluation.close",
        entity="evaluation",
        entity_id=survey.id,
        detail={"answered": survey.answered},
    )
    results = result_reply(ctx, survey)
    if not survey.group.channel_id:  # the group was moved off its channel meanwhile: to whoever started it
        return [to_user(results, survey.started_by)]
    return [to_channel(results, survey.group.channel_id)]


def evaluation_tick(ctx: Ctx) -> list[Send]:
    """Every minute: close surveys whose last day has passed, count waiting ballots, send the reminders due."""
    today = ctx.local_now.date()
    sends: list[Send] = []
    for survey in repo.open_surveys(ctx.session):
        team = survey.group.workspace.team_id
        if today > survey.closes_on:
            if claim_once(ctx.session, key=f"evaluation:{survey.id}:close"):
                sends.extend(in_workspace(close_and_post(ctx, survey, by="scheduler"), team))
            continue
        if repo.waiting_ballots(ctx.session, survey=survey) >= COUNT_WHEN_WAITING:
            repo.count_ballots(ctx.session, survey=survey)
        days = (survey.closes_on - today).days
        if days in REMINDER_DAYS and claim_once(ctx.session, key=f"evaluation:{survey.id}:remind:{days}"):
            sends.extend(in_workspace(remind(ctx, survey, days), team))
    return sends


def remind(ctx: Ctx, survey: Survey, days: int) -> list[Send]:
    """A DM with a button to each person asked who has not answered yet."""
    today = ctx.local_now.date()
    text = t("evaluation.reminder", group=survey.group.name, closes=survey.closes_on, days=days)
    button = Button(EvaluationAction.ANSWER, str(survey.id), t("evaluation.button.answer"))
    sends: list[Send] = []
    for respondent in repo.not_answered(ctx.session, survey=survey):
        respondent.reminded_on = today
        sends.append(to_user(reply(Paragraph(text), Buttons((button,))), respondent.user_id))
    return sends
