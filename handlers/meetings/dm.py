"""Starting a meeting conversation in someone's DM, without throwing away another conversation they have going."""

from handlers.context import Ctx
from handlers.conversation.engine import OPEN, Engine
from handlers.conversation.flow import Flow
from handlers.replies import Send, To, to_user
from storage import conversations
from storage.conversations import DM, ConversationKey


def dm_key(team_id: str, user_id: str) -> ConversationKey:
    """The key of a person's DM conversation with the bot."""
    return ConversationKey(team_id, user_id, DM, "")


def busy_elsewhere(ctx: Ctx, key: ConversationKey, flow: Flow) -> bool:
    """Whether the person is in the middle of another kind of conversation in the DM."""
    current = conversations.load(ctx.session, key=key)
    return current is not None and current.status in OPEN and current.flow != flow.name


def start_in_dm(
    ctx: Ctx, key: ConversationKey, flow: Flow, data: dict[str, object], first_answer: str = ""
) -> list[Send]:
    """Begin the flow in the DM (answering its first question with `first_answer` when given); sends go there."""
    engine = Engine({flow.name: flow})
    sends = engine.start(ctx, key, flow.name, data=data)
    if first_answer.strip():
        sends = engine.handle_text(ctx, key, first_answer) or sends
    return [to_user(s.reply, key.user_id) if s.to == To.REQUESTER else s for s in sends]
