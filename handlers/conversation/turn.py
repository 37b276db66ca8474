"""One request's view of the conversations at a key: read once, changed in memory, written once."""

from collections.abc import Callable
from dataclasses import dataclass, field

from handlers.context import Ctx
from handlers.conversation.flow import Env, Flow, FlowBook, Question
from handlers.conversation.state import KeyState, Progress, Status, read_state, write_state
from handlers.replies import Reply, Send, to_requester
from handlers.text import Text
from storage import conversations as repo
from storage.conversations import ConversationKey, StoredConversation

Namer = Callable[[Text, str], str]  # a label as the person reads it, in a language ("Kön")


def no_names(label: Text, language: str) -> str:
    """The namer of an engine no front door has given words: questions are known by number and key only."""
    return ""


@dataclass
class Turn:
    """The row at a key (None before the first conversation there), its typed state, and what to store."""

    ctx: Ctx
    key: ConversationKey
    flows: FlowBook
    row: StoredConversation | None
    state: KeyState
    status: Status
    namer: Namer = no_names
    _built: dict[str, Flow] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, ctx: Ctx, key: ConversationKey, flows: FlowBook, namer: Namer = no_names) -> "Turn":
        """The one read of a request: the row at the key and its state."""
        row = repo.load(ctx.session, key=key)
        if row is None:
            return cls(ctx, key, flows, None, KeyState(), Status.DONE, namer)
        state = read_state(row.flow, row.state, row.status)
        turn = cls(ctx, key, flows, row, state, _status(row.status), namer)
        if state.active is not None and turn.find_flow(state.active.flow) is None:
            turn.state.active, turn.status = None, Status.CANCELLED
        return turn

    def find_flow(self, name: str) -> Flow | None:
        """The flow of the name (built once per request for families), or None when the bot no longer has it."""
        if name not in self._built:
            try:
                self._built[name] = self.flows[name]
            except KeyError:
                return None
        return self._built[name]

    @property
    def progress(self) -> Progress:
        """The conversation being answered."""
        assert self.state.active is not None, "no active conversation"
        return self.state.active

    @property
    def has_active(self) -> bool:
        """Whether a conversation is being answered (or paused) at the key."""
        return self.state.active is not None

    @property
    def flow(self) -> Flow:
        """The active conversation's flow."""
        flow = self.find_flow(self.progress.flow)
        assert flow is not None, "the active conversation's flow is known (Turn.load checks)"
        return flow

    @property
    def env(self) -> Env:
        """What the active flow's options, conditions and parsers may look at."""
        return Env(self.ctx, self.progress.answers, self.progress.data)

    def applicable(self) -> list[Question]:
        """The active flow's questions that apply given the answers so far."""
        answers = self.progress.answers
        return [q for q in self.flow.questions if q.applies(answers)]

    def next_question(self) -> Question | None:
        """The first applicable question without an answer."""
        answers = self.progress.answers
        return next((q for q in self.applicable() if q.key not in answers), None)

    def label_words(self, question: Question) -> str:
        """The question's label as the person reads it, lower case, for finding it by name."""
        return self.namer(question.label, self.ctx.config.language).casefold()

    def write(self, *replies: Reply | None) -> list[Send]:
        """The one write of a request; the replies go to whoever asked."""
        active = self.state.active
        flow = active.flow if active is not None else (self.row.flow if self.row is not None else "")
        state = write_state(self.state)
        session, now = self.ctx.session, self.ctx.now
        if self.row is None:
            self.row = repo.insert(session, key=self.key, flow=flow, state=state, status=self.status, now=now)
        else:
            self.row.flow = flow
            repo.store(session, conversation=self.row, state=state, status=self.status, now=now)
        return [to_requester(reply) for reply in replies if reply is not None]


def _status(text: str) -> Status:
    try:
        return Status(text)
    except ValueError:
        return Status.DONE
