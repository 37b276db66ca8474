"""The one engine that asks every flow: validates, re-asks, goes back, skips, changes, confirms and saves.

The router owns it and hands it to every handler as `ctx.engine`; no feature builds one. It knows every
feature's flows, so it can tell a person who starts a plan section in the middle of a lots-ärende that the
lots-ärende is waiting, and keep it. State lives in the conversations table (one row per key, typed in
handlers/conversation/state.py): a restarted bot, or another process, continues where it stopped. Each
request reads the row once and writes it once (a message that begins with a command word and its argument is
read once more first, to see whether the conversation waits for an answer it cannot be).
"""

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from handlers.context import Ctx
from handlers.conversation import changing, steps, switching
from handlers.conversation.actions import KEEP_EARLIER, ConvAction, OfferChoice, pack, unpack
from handlers.conversation.flow import Env, Flow, FlowBook, Kind
from handlers.conversation.forms import build_form, read_form, read_typed
from handlers.conversation.render import change_reply
from handlers.conversation.state import Phase, Status, read_state
from handlers.conversation.turn import Namer, Turn, no_names
from handlers.conversation.words import Command, change_in, command_in
from handlers.errors import DomainError
from handlers.replies import Form, Send, To, say, to_requester
from handlers.text import Text, t
from storage import conversations as repo
from storage.conversations import ConversationKey
from storage.jobs import claim_once


@dataclass(frozen=True)
class OpenConversation:
    """What someone has going at a key, for telling them about it ("lots-ärendet, fråga 4 av 10")."""

    flow: str
    noun: Text
    phase: Phase
    question: str | None
    position: int
    total: int
    paused: bool
    aside: int

    def describe(self) -> Text:
        """ "lots-ärendet, fråga 4 av 10" (or "…, alla frågor besvarade, inte sparat än")."""
        if self.phase == Phase.CONFIRM:
            return t("engine.open_confirm", noun=self.noun)
        return t("engine.open", noun=self.noun, position=self.position, total=self.total)


class Engine:
    """Runs declared flows for any front door; every method returns the messages to send."""

    def __init__(self, flows: Mapping[str, Flow] | None = None) -> None:
        self.flows = flows if isinstance(flows, FlowBook) else FlowBook(flows or {})
        self.namer: Namer = no_names

    def use_names(self, namer: Namer) -> None:
        """How labels read in each language, so people can name a question ("ändra kön till man")."""
        self.namer = namer

    def start(
        self,
        ctx: Ctx,
        key: ConversationKey,
        flow_name: str,
        data: Mapping[str, Any] | None = None,
        answers: Mapping[str, Any] | None = None,
        first_answer: str = "",
    ) -> list[Send]:
        """Begin a flow at the key: its introduction and first question (`first_answer` answers that one).

        When the same conversation is open it continues. When another is open, the person is asked whether to
        continue it or begin this one (keeping the other aside, or ending it); nothing is lost unasked.
        """
        if flow_name not in self.flows:  # a bug in the caller: fail here, not mid-conversation
            raise KeyError(f"no flow {flow_name!r}: is its feature in build_router(), and is ctx.engine the router's?")
        turn = self._turn(ctx, key)
        return switching.start(turn, flow_name, data or {}, answers or {}, first_answer)

    def open_conversation(self, ctx: Ctx, key: ConversationKey) -> OpenConversation | None:
        """The conversation being answered at the key, or None."""
        turn = self._turn(ctx, key)
        if not turn.has_active:
            return None
        progress = turn.progress
        position, total = steps.place_of(turn, progress)
        return OpenConversation(
            flow=progress.flow,
            noun=turn.flow.called(progress.data),
            phase=progress.phase,
            question=progress.current if progress.phase == Phase.ASK else None,
            position=position,
            total=total,
            paused=self._resuming(turn),
            aside=len(turn.state.aside),
        )

    def is_open(self, ctx: Ctx, key: ConversationKey) -> bool:
        """Whether someone has a conversation going (or paused) at the key."""
        return self.open_conversation(ctx, key) is not None

    def closed_question_of(self, ctx: Ctx, key: ConversationKey) -> str | None:
        """The flow of the conversation at the key when it waits for an answer that only some words give – a
        choice, a date, a number, or *ja*/*ändra* at the summary; not a free text – and nothing else waits for an
        answer (a paused one counts: what is typed to it is not used as an answer anyway); else None. A message
        that begins with a command word ("boka möte tisdag kl 13") is then a wish, not an answer."""
        turn = self._turn(ctx, key)
        if not turn.has_active or turn.state.offer is not None:
            return None
        if turn.progress.phase == Phase.CONFIRM or self._resuming(turn):
            return turn.progress.flow
        current = turn.progress.current
        if current is None or steps.is_free_text(turn.flow.question(current)):
            return None
        return turn.progress.flow

    def handle_text(self, ctx: Ctx, key: ConversationKey, text: str) -> list[Send] | None:
        """Take a typed message; None when it is not for a conversation (nothing open, nothing to resume)."""
        turn = self._turn(ctx, key)
        command = command_in(text)
        if turn.state.offer is not None:
            chosen = switching.offer_typed(turn, text)
            if chosen is not None:
                return chosen
        if not turn.has_active:
            return switching.resume_aside(turn) if command == Command.RESUME and turn.state.aside else None
        if self._resuming(turn) and command not in (Command.CANCEL, Command.HELP):
            turn.status = Status.ACTIVE  # after a pause, where we are is shown before anything typed counts
            said = "engine.resumed" if command == Command.RESUME else "engine.resumed_unused"
            return steps.ask_current(turn, lead=t(said, title=turn.flow.called(turn.progress.data)))
        turn.status = Status.ACTIVE
        if command is not None:
            return self._command(turn, command)
        if turn.progress.phase == Phase.CONFIRM:
            return changing.confirm_typed(turn, text)
        change = change_in(text, labelled=False)
        done = changing.change_while_asking(turn, change) if change is not None else None
        return done if done is not None else steps.answer_typed(turn, text)

    def handle_action(
        self, ctx: Ctx, key: ConversationKey, action: str, value: str, selected: list[str] | None = None
    ) -> list[Send]:
        """Take a button press or menu choice from a message the engine sent."""
        turn = self._turn(ctx, key)
        if action == ConvAction.OFFER:
            choice = unpack(value)[0]
            if turn.state.offer is None or choice not in {c.value for c in OfferChoice}:
                return self._stale(turn)
            return switching.choose(turn, OfferChoice(choice))
        if action == ConvAction.RESUME:
            return self._stale(turn) if turn.has_active else switching.resume_aside(turn)
        if not turn.has_active:
            return [to_requester(say(t("engine.no_conversation")))]
        if action not in tuple(ConvAction):  # an action id of the engine's prefix that it never puts on a message
            return self._stale(turn)
        turn.state.offer, turn.status = None, Status.ACTIVE
        return self._conversation_action(turn, ConvAction(action), value, selected or [])

    def drop(self, ctx: Ctx, key: ConversationKey, flows: Collection[str]) -> bool:
        """End, unsaved, the active conversation at the key if it is one of the flows (the person chose so)."""
        turn = self._turn(ctx, key)
        if not turn.has_active or turn.progress.flow not in flows:
            return False
        turn.state.active, turn.status = None, Status.CANCELLED
        turn.write()
        return True

    def forget(self, ctx: Ctx, key: ConversationKey, flow_name: str, data: Mapping[str, Any]) -> bool:
        """End, unsaved, the conversation of the flow and data at the key, also when it was put aside (a survey
        that closed): its answers are gone from the row."""
        turn = self._turn(ctx, key)
        aside = [p for p in turn.state.aside if not p.same_as(flow_name, data)]
        active = turn.has_active and turn.progress.same_as(flow_name, data)
        if not active and len(aside) == len(turn.state.aside):
            return False
        turn.state.aside = aside
        if active:
            turn.state.active, turn.status = None, Status.CANCELLED
        turn.write()
        return True

    def form(self, ctx: Ctx, flow_name: str, data: Mapping[str, Any]) -> Form:
        """The flow as one form, for front doors that have forms."""
        return build_form(self.flows[flow_name], Env(ctx, {}, data))

    def submit_form(
        self, ctx: Ctx, flow_name: str, values: dict[str, Any], data: Mapping[str, Any]
    ) -> tuple[dict[str, Text], list[Send]]:
        """Validate a submitted form with the flow's own parsers; save it when nothing is wrong."""
        flow = self.flows[flow_name]
        errors, answers = read_form(flow, values, Env(ctx, {}, data))
        if errors:
            return errors, []
        try:
            return {}, flow.finish(ctx, answers, data)
        except DomainError as error:
            return {flow.questions[0].key: error.text}, []

    def read_typed(
        self, ctx: Ctx, flow_name: str, values: Mapping[str, str], data: Mapping[str, Any]
    ) -> tuple[dict[str, Text], dict[str, Any]]:
        """Read answers given as text all at once with the flow's own parsers (a workflow step's inputs)."""
        return read_typed(self.flows[flow_name], values, Env(ctx, {}, data))

    def pause_idle(self, ctx: Ctx) -> list[Send]:
        """Pause conversations idle longer than the timeout and tell each person how to continue."""
        idle = repo.pause_idle(ctx.session, idle_since=ctx.now - ctx.config.conversation_timeout)
        sends = []
        for conversation in idle:
            flow = self.flows.get(conversation.flow)
            claim = f"conversation:{conversation.id}:paused:{conversation.updated_at.isoformat()}"
            if flow is None or not claim_once(ctx.session, key=claim):
                continue
            active = read_state(conversation.flow, conversation.state, Status.ACTIVE).active
            message = say(t("engine.paused", title=flow.called(active.data if active else {})))
            team = conversation.key.team_id
            if conversation.channel_id == repo.DM:
                sends.append(Send(message, to=To.USER, user_id=conversation.user_id, team_id=team))
            else:
                channel, thread = conversation.channel_id, conversation.thread_ts
                sends.append(Send(message, to=To.CHANNEL, channel_id=channel, thread_ts=thread, team_id=team))
        return sends

    # -- internals ---------------------------------------------------------------------------------

    def _turn(self, ctx: Ctx, key: ConversationKey) -> Turn:
        return Turn.load(ctx, key, self.flows, self.namer)

    def _resuming(self, turn: Turn) -> bool:
        if turn.row is None:
            return False
        idle = turn.ctx.now - turn.row.updated_at > turn.ctx.config.conversation_timeout
        return turn.status == Status.PAUSED or idle

    def _stale(self, turn: Turn) -> list[Send]:
        if turn.has_active:
            return steps.ask_current(turn, error=t("engine.stale"))
        return [to_requester(say(t("engine.no_conversation")))]

    def _command(self, turn: Turn, command: Command) -> list[Send]:
        if command == Command.CANCEL:
            return steps.cancel(turn)
        if command == Command.SAVE:
            if turn.progress.phase != Phase.CONFIRM:
                return steps.ask_current(turn, error=t("engine.not_yet"))
            return steps.save(turn)
        if command == Command.BACK:
            return steps.back(turn)
        if command == Command.SKIP:
            return steps.skip(turn)
        if command == Command.HELP:
            return steps.ask_current(turn, lead=t("engine.help"))
        return steps.ask_current(turn)

    def _conversation_action(self, turn: Turn, action: ConvAction, value: str, selected: list[str]) -> list[Send]:
        progress = turn.progress
        if not self._ours(turn, action, value):
            return steps.ask_current(turn, error=t("engine.stale"))  # a button of a conversation that has ended
        simple = {ConvAction.SKIP: Command.SKIP, ConvAction.BACK: Command.BACK, ConvAction.SAVE: Command.SAVE}
        if action in simple:
            return self._command(turn, simple[action])
        if action == ConvAction.CANCEL:
            return steps.cancel(turn)
        if action == ConvAction.CHANGE:
            return turn.write(change_reply(turn.flow, turn.applicable()))
        if action == ConvAction.TOGGLE and not value:  # Slack sends a checkbox group's ticked options, no value
            value = selected[0] if selected else pack(progress.current or "")
        question_key, option = unpack(value)
        if action == ConvAction.CHANGE_PICK:
            question = changing.find_question(turn, question_key)
            return steps.reask(turn, question) if question else steps.ask_current(turn, error=t("engine.stale"))
        if action == ConvAction.PLACE:
            return changing.place_proposal(turn, question_key)
        return self._question_action(turn, action, question_key, option, selected)

    def _ours(self, turn: Turn, action: ConvAction, value: str) -> bool:
        """Whether a save, change or cancel button belongs to the active conversation (summaries carry the flow's
        name, questions their key), so a button left on an older message cannot end the one going on now."""
        if action not in (ConvAction.SAVE, ConvAction.CHANGE, ConvAction.CANCEL) or not value:
            return True
        question_key, separator, _ = value.partition("|")
        if not separator:
            return value == turn.progress.flow
        return any(q.key == question_key for q in turn.flow.questions)

    def _question_action(
        self, turn: Turn, action: ConvAction, question_key: str, option: str, selected: list[str]
    ) -> list[Send]:
        progress = turn.progress
        if progress.phase != Phase.ASK or question_key != progress.current:
            return steps.ask_current(turn, error=t("engine.stale"))
        question = turn.flow.question(question_key)
        if action == ConvAction.TOGGLE:
            progress.ticked = [unpack(v)[1] for v in selected]
            return turn.write()
        default = steps.offered_answer(turn, question, keep=option == KEEP_EARLIER)
        if action == ConvAction.DEFAULT and default is not None:
            return steps.accept(turn, question, default)
        if action == ConvAction.DONE:
            return steps.accept_multi(turn, question, list(progress.ticked))
        if question.kind == Kind.YES_NO and option in ("ja", "nej"):
            return steps.accept(turn, question, option == "ja")
        if option not in {c.value for c in question.choices(turn.env)}:
            return steps.ask_current(turn, error=t("engine.stale"))
        return steps.accept(turn, question, option)


__all__ = ["ConversationKey", "Engine", "Kind", "OpenConversation", "pack"]
