"""`/lokus insatser`: the group's insatser with status, amount, period and goals (tied ones with the value so far)."""

from handlers.context import Ctx
from handlers.formatting import Amount
from handlers.insats.card import goal_line, period, title
from handlers.insats.lookup import command_group, status_text
from handlers.replies import Divider, Header, Paragraph, Part, Send, reply, to_requester
from handlers.text import Join, t
from storage import insatser as repo
from storage.insats_models import GRANTED

SHOWN = 20  # a message holds at most 50 blocks: two for each insats


def list_command(ctx: Ctx, args: str) -> list[Send]:
    """The group's insatser, newest period first (privately to whoever asked)."""
    group = command_group(ctx)
    insatser = repo.group_insatser(ctx.session, group=group)
    parts: list[Part] = [Header(t("insats.list.title", group=group.name))]
    if not insatser:
        parts.append(Paragraph(t("insats.list.none")))
    today = ctx.local_now.date()
    for insats in insatser[:SHOWN]:
        amount = Amount(insats.granted_kr or 0) if insats.status == GRANTED else Amount(insats.applied_kr)
        key = "insats.list.granted" if insats.status == GRANTED else "insats.list.applied"
        line = t(key, title=title(insats), status=status_text(insats, today), amount=amount, period=period(insats))
        goals = tuple(goal_line(ctx, insats, goal) for goal in insats.goals)
        parts += [Paragraph(Join((line, *goals), sep="\n")), Divider()]
    if len(insatser) > SHOWN:
        parts.append(Paragraph(t("insats.list.more", count=len(insatser) - SHOWN)))
    return [to_requester(reply(*parts))]
