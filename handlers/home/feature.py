"""The Home tab and the shortcuts as the router sees them: the dashboard's own button and both shortcuts."""

from handlers import access
from handlers.cases import shortcuts
from handlers.context import Ctx
from handlers.errors import NotAMember
from handlers.home.layout import HOME_NEW_CASE, HOME_SUMMARY
from handlers.ids import row_id
from handlers.replies import Choices, Option, Paragraph, Send, reply, to_requester
from handlers.router import Feature
from handlers.summaries import automatic
from handlers.summaries.commands import Summaries
from handlers.text import t
from storage.models import Group

SUMMARIES = Summaries(automatic.previous_meeting)


def summary_action(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
    """*Sammanfattning* on the Home tab: the group's summary privately; with several groups, which one first."""
    group_id = row_id(value) if value else None
    if group_id is None:
        groups = access.user_groups(ctx)
        if not groups:
            raise NotAMember("dm.not_member")
        if len(groups) > 1:
            options = tuple(Option(str(g.id), g.name) for g in groups)
            return [to_requester(reply(Paragraph(t("home.summary_which")), Choices(HOME_SUMMARY, options)))]
        group_id = groups[0].id
    group = ctx.session.get(Group, group_id)
    if group is None:
        raise NotAMember("case.no_access")
    access.require_member(ctx, group)
    return SUMMARIES.in_dm(ctx, group.name)


def new_case_action(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
    """*Nytt lots-ärende* on the Home tab: the case form at once, the group asked in it when there are several."""
    return shortcuts.new_case(ctx, "")


def feature() -> Feature:
    """The Home tab's summary button, and the shortcuts *Nytt lots-ärende* and *Registrera lots-ärende*."""
    return Feature(
        actions={HOME_SUMMARY: summary_action, HOME_NEW_CASE: new_case_action},
        shortcuts={shortcuts.NEW_CASE: shortcuts.new_case, shortcuts.FROM_MESSAGE: shortcuts.from_message},
    )
