"""The survey as a conversation on the one engine: each statement 1–5, each free text optional.

The flow is built from the survey file named by the setting (or the shipped one) when the engine asks for
"utvardering:<key>". Answers live in the conversation row only while the person answers; when they confirm,
`save_answers` puts them in a ballot with no person and no time, marks the person as having answered, and the
engine empties the conversation's state (the row then says only that a conversation ended).
"""

from collections.abc import Mapping
from typing import Any

from handlers.context import Ctx
from handlers.conversation.flow import Choice, Env, Flow, Kind, Question
from handlers.errors import AnswerError, DomainError
from handlers.evaluation.names import SCORE_WORDS, SCORES, flow_name
from handlers.evaluation.survey_loader import configured_survey
from handlers.evaluation.survey_schema import AnswerKind, SurveyFile, SurveyQuestion
from handlers.replies import Header, Note, Paragraph, Part, Send, say, to_requester
from handlers.summaries.group_settings import threshold_of
from handlers.text import t
from storage import evaluation as repo
from storage.evaluation_models import OPEN, Survey

SCALE = tuple(Choice(str(score), t(f"evaluation.score.{score}"), SCORE_WORDS[score]) for score in SCORES)


def survey_builder(setting: str, language: str) -> "SurveyFlows":
    """What the engine asks for a survey's flow by key: the configured survey, or the shipped one."""
    return SurveyFlows(setting, language)


class SurveyFlows:
    """Builds "utvardering:<key>" for the configured survey file and the shipped one."""

    def __init__(self, setting: str, language: str) -> None:
        self.setting = setting
        self.language = language

    def __call__(self, key: str) -> Flow | None:
        """The flow of the survey with the key, or None when no survey file the bot knows has it."""
        for survey in (configured_survey(self.setting), configured_survey("")):
            if survey.key == key:
                return build_flow(survey, self.language)
        return None


def build_flow(survey: SurveyFile, language: str) -> Flow:
    """The conversation that asks the survey's questions in order."""
    name = survey.name.read(language)
    return Flow(
        flow_name(survey.key),
        t("evaluation.flow.title", name=name),
        tuple(_question(q, language) for q in survey.questions),
        finish=save_answers,
        noun=t("evaluation.flow.noun"),
        intro=lambda env: _intro(env, survey, language),
        summary_title=lambda env: t("evaluation.flow.summary"),
    )


def _question(question: SurveyQuestion, language: str) -> Question:
    text = question.text.read(language)
    label = t("evaluation.q.label", text=text.rstrip(" ."))  # "Mötena är väl förberedda: Instämmer helt"
    if question.kind == AnswerKind.TEXT:
        return Question(
            question.key,
            label,
            t("evaluation.q.free", text=text),
            Kind.TEXT,
            optional=question.may_skip,
            hint=t("evaluation.q.free_hint"),
        )
    return Question(
        question.key,
        label,
        t("evaluation.q.statement", text=text),
        Kind.CHOICE,
        options=SCALE,
        optional=question.may_skip,
        other=_outside_scale,
        hint=t("evaluation.q.scale_hint"),
    )


def _outside_scale(typed: str, env: Env) -> Any:
    """Anything but 1–5 or the scale's words is asked again, kindly (never echoing what was written)."""
    raise AnswerError("evaluation.answer.scale")


def _intro(env: Env, survey: SurveyFile, language: str) -> list[Part]:
    stored = env.ctx.session.get(Survey, int(env.data["survey_id"]))
    if stored is None:
        return []
    parts: list[Part] = [Header(t("evaluation.flow.header", name=survey.name.read(language), group=stored.group.name))]
    if survey.intro is not None:
        parts.append(Paragraph(t("evaluation.flow.intro", text=survey.intro.read(language))))
    threshold = threshold_of(env.ctx, stored.group)
    parts.append(Paragraph(t("evaluation.flow.anonymous", closes=stored.closes_on, threshold=threshold)))
    parts.append(Note(t("evaluation.flow.how")))
    return parts


def save_answers(ctx: Ctx, answers: dict[str, Any], data: Mapping[str, Any]) -> list[Send]:
    """Put the confirmed answers in a ballot with no person in it, and note only that the person has answered."""
    survey = ctx.session.get(Survey, int(data["survey_id"]))
    if survey is None or survey.group.workspace.team_id != ctx.actor.team_id:
        raise DomainError("evaluation.gone")
    if survey.status != OPEN:
        raise DomainError("evaluation.closed_already", closes=survey.closes_on)
    respondent = repo.find_respondent(ctx.session, survey=survey, user_id=ctx.actor.user_id)
    if respondent is None:
        raise DomainError("evaluation.not_asked", group=survey.group.name)
    if respondent.has_answered:
        raise DomainError("evaluation.answered_already")
    asked = {q["key"] for q in survey.questions}
    repo.cast_ballot(
        ctx.session, survey=survey, respondent=respondent, answers={k: v for k, v in answers.items() if k in asked}
    )
    return [to_requester(say(t("evaluation.thanks", group=survey.group.name, closes=survey.closes_on)))]
