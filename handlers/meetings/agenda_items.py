"""`/lokus möte punkt <text>`: a member puts a point on the agenda of the group's next meeting."""

from handlers import access
from handlers.context import Ctx
from handlers.errors import DomainError
from handlers.identity_guard import guard_identity
from handlers.meetings.announcement import announcement_sends
from handlers.meetings.times import when_words
from handlers.replies import Send, say, to_requester
from handlers.text import t
from storage import audit
from storage import meetings as repo

ITEM_LIMIT = 300


def add_item(ctx: Ctx, args: str) -> list[Send]:
    """Add the point to the next meeting (or keep it for the next one called) and update the announcement."""
    group = access.channel_group(ctx)
    access.require_member(ctx, group)
    text = " ".join(args.split())
    if not text:
        raise DomainError("meeting.item_usage")
    if len(text) > ITEM_LIMIT:
        raise DomainError("meeting.item_too_long", limit=ITEM_LIMIT)
    guard_identity(text)
    meeting = repo.next_meeting(ctx.session, group=group, after=ctx.now)
    item = repo.add_agenda_item(
        ctx.session, group=group, meeting=meeting, text=text, user_id=ctx.actor.user_id, now=ctx.now
    )
    audit.record(
        ctx.session,
        team_id=ctx.actor.team_id,
        user_id=ctx.actor.user_id,
        action="meeting.agenda_item",
        entity="agenda_item",
        entity_id=item.id,
        detail={"meeting": meeting.id if meeting else None},
    )
    if meeting is None:
        return [to_requester(say(t("meeting.item_waiting", item=text, group=group.name)))]
    added = t("meeting.item_added", item=text, when=when_words(ctx, meeting.starts_at, meeting.ends_at))
    return [to_requester(say(added)), *announcement_sends(ctx, meeting)]
