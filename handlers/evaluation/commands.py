"""`/lokus utvärdering …`: starta, status, avsluta, resultat, resultat alla; and the button that answers.

/lokus utvärdering starta [datum]     the survey to every member by DM (förbund or sammankallande)
/lokus utvärdering status             how many have answered, never who
/lokus utvärdering avsluta            close now and post the results in the channel
/lokus utvärdering resultat           the group's latest results, privately
/lokus utvärdering resultat alla [år] every group side by side with the year before (förbund, privately)
"""

from handlers import access
from handlers.context import Ctx
from handlers.errors import DomainError, NotAllowed
from handlers.evaluation.closing import close_and_post
from handlers.evaluation.results import comparison_parts, result_reply
from handlers.evaluation.starting import ask_in_dm, require_starter, start
from handlers.numbers import whole_number
from handlers.replies import Header, Note, Paragraph, Part, Send, reply, say, to_requester
from handlers.text import t
from storage import evaluation as repo
from storage.evaluation_models import OPEN, Survey
from storage.groups import find_workspace, groups_of_workspace

START_WORDS = ("starta", "start", "börja", "borja", "skicka")
STATUS_WORDS = ("status", "läge", "läget", "lage")
CLOSE_WORDS = ("avsluta", "stäng", "stang", "close", "end")
RESULT_WORDS = ("resultat", "results", "result")
ALL_WORDS = ("alla", "all")


def evaluation_command(ctx: Ctx, args: str) -> list[Send]:
    """Run the subcommand the first word names (status when none)."""
    word, _, rest = " ".join(args.split()).partition(" ")
    folded = word.casefold()
    if folded in START_WORDS:
        return start(ctx, rest)
    if folded in ("", *STATUS_WORDS):
        return status(ctx)
    if folded in CLOSE_WORDS:
        return close_now(ctx)
    if folded in RESULT_WORDS:
        first, _, year = rest.partition(" ")
        if first.casefold() in ALL_WORDS:
            return all_results(ctx, year)
        return group_results(ctx)
    raise DomainError("evaluation.usage", given=word)


def status(ctx: Ctx) -> list[Send]:
    """How many of those asked have answered (never who), and when the survey closes."""
    group = access.channel_group(ctx)
    access.require_member(ctx, group)
    survey = repo.open_survey_of(ctx.session, group=group)
    if survey is None:
        return [to_requester(say(t("evaluation.status.none", group=group.name)))]
    answered, asked = repo.answered_count(ctx.session, survey=survey)
    text = t("evaluation.status", group=group.name, answered=answered, asked=asked, closes=survey.closes_on)
    return [to_requester(say(text))]


def close_now(ctx: Ctx) -> list[Send]:
    """`avsluta`: close the group's open survey and post its results in the channel."""
    group = access.channel_group(ctx)
    require_starter(ctx, group)
    survey = repo.open_survey_of(ctx.session, group=group)
    if survey is None:
        raise DomainError("evaluation.status.none", group=group.name)
    return close_and_post(ctx, survey, by=ctx.actor.user_id)


def group_results(ctx: Ctx) -> list[Send]:
    """The group's latest closed evaluation, privately, protected as in the channel."""
    group = access.channel_group(ctx)
    access.require_member(ctx, group)
    survey = repo.latest_closed(ctx.session, group=group)
    if survey is None:
        return [to_requester(say(t("evaluation.result.none", group=group.name)))]
    return [to_requester(result_reply(ctx, survey))]


def all_results(ctx: Ctx, typed_year: str) -> list[Send]:
    """For the förbund, privately: each statement with every group's mean this year beside last year's."""
    if not access.is_forbund(ctx):
        raise NotAllowed("evaluation.forbund_only")
    workspace = find_workspace(ctx.session, team_id=ctx.actor.team_id)
    groups = list(groups_of_workspace(ctx.session, workspace=workspace)) if workspace else []
    year = _year(ctx, typed_year)
    rows = [
        (
            g,
            repo.latest_closed(ctx.session, group=g, year=year),
            repo.latest_closed(ctx.session, group=g, year=year - 1),
        )
        for g in groups
    ]
    parts: list[Part] = [Header(t("evaluation.all.title", year=str(year)))]
    if not any(now or before for _, now, before in rows):
        parts.append(Paragraph(t("evaluation.all.empty", year=str(year))))
        return [to_requester(reply(*parts))]
    parts.extend(comparison_parts(ctx, rows, year))
    parts.append(Note(t("evaluation.all.note")))
    return [to_requester(reply(*parts))]


def _year(ctx: Ctx, typed: str) -> int:
    if not typed.strip():
        return ctx.local_now.year
    year = whole_number(typed.strip())
    if year is None or not 2000 <= year <= ctx.local_now.year + 1:
        raise DomainError("evaluation.year_unknown", given=typed.strip())
    return year


def answer_button(ctx: Ctx, action_id: str, value: str, selected: list[str]) -> list[Send]:
    """ "Svara nu" in a reminder: the survey in the presser's DM, if they were asked and have not answered."""
    survey = ctx.session.get(Survey, int(value)) if value.isdecimal() else None
    if survey is None:
        raise DomainError("evaluation.gone")
    access.require_workspace(ctx, survey.group)
    respondent = repo.find_respondent(ctx.session, survey=survey, user_id=ctx.actor.user_id)
    if respondent is None:
        raise DomainError("evaluation.not_asked", group=survey.group.name)
    if survey.status != OPEN:
        raise DomainError("evaluation.closed_already", closes=survey.closes_on)
    if respondent.has_answered:
        raise DomainError("evaluation.answered_already")
    return ask_in_dm(ctx, survey, ctx.actor.user_id)
