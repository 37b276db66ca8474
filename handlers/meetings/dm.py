"""Meeting conversations happen in the person's DM, whatever channel the request came from."""

from handlers.context import Ctx
from handlers.conversation.flow import Flow
from handlers.replies import Send, To, to_user
from storage.conversations import DM, ConversationKey


def dm_key(team_id: str, user_id: str) -> ConversationKey:
    """The key of a person's DM conversation with the bot."""
    return ConversationKey(team_id, user_id, DM, "")


def start_in_dm(
    ctx: Ctx, key: ConversationKey, flow: Flow, data: dict[str, object], first_answer: str = ""
) -> list[Send]:
    """Begin the flow in the DM (`first_answer` answers its first question); its messages go there.

    When the person has another conversation going there, the engine asks first whether to continue it.
    """
    sends = ctx.engine.start(ctx, key, flow.name, data=data, first_answer=first_answer)
    return [to_user(s.reply, key.user_id) if s.to == To.REQUESTER else s for s in sends]
