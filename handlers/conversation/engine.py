"""The one engine that asks any flow: validates, re-asks, goes back, skips, changes, confirms and saves.

State lives in the conversations table, so a restarted bot (or another process) continues where it stopped.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from handlers.context import Ctx
from handlers.conversation.actions import ConvAction, pack, unpack
from handlers.conversation.answers import parse_answer, show_answer
from handlers.conversation.flow import Env, Flow, FlowBook, Kind, Question
from handlers.conversation.forms import build_form, read_form
from handlers.conversation.render import ask_reply, change_reply, summary_reply
from handlers.errors import AnswerError, DomainError
from handlers.replies import Form, Send, To, say, to_requester
from handlers.text import Text, t
from storage import conversations as repo
from storage.conversations import ConversationKey, StoredConversation
from storage.jobs import claim_once

OPEN = ("active", "paused")
WORDS = {
    "avbryt": "cancel",
    "cancel": "cancel",
    "tillbaka": "back",
    "back": "back",
    "bakåt": "back",
    "hoppa över": "skip",
    "hoppa": "skip",
    "skip": "skip",
    "hjälp": "help",
    "help": "help",
    "?": "help",
    "fortsätt": "resume",
    "continue": "resume",
    "spara": "save",
    "save": "save",
}
CHANGE = re.compile(r"^(?:ändra|change)\b\s*(.*)$", re.IGNORECASE)


def json_copy(value: Any) -> Any:
    """A copy of JSON-shaped state (dicts and lists of plain values), far cheaper than copy.deepcopy."""
    if isinstance(value, dict):
        return {key: json_copy(item) for key, item in value.items()}
    if isinstance(value, list):
        return [json_copy(item) for item in value]
    return value


@dataclass
class Turn:
    """One step of one conversation: the row, its flow and a working copy of its state."""

    ctx: Ctx
    conversation: StoredConversation
    flow: Flow
    state: dict[str, Any]

    @property
    def answers(self) -> dict[str, Any]:
        return self.state["answers"]

    @property
    def env(self) -> Env:
        return Env(self.ctx, self.answers, self.state["data"])

    def applicable(self) -> list[Question]:
        return [q for q in self.flow.questions if q.applies(self.answers)]

    def next_question(self) -> Question | None:
        return next((q for q in self.applicable() if q.key not in self.answers), None)


class Engine:
    """Runs declared flows for any front door; every method returns the messages to send."""

    def __init__(self, flows: Mapping[str, Flow]) -> None:
        self.flows = flows if isinstance(flows, FlowBook) else FlowBook(flows)

    def start(
        self,
        ctx: Ctx,
        key: ConversationKey,
        flow_name: str,
        data: Mapping[str, Any] | None = None,
        answers: Mapping[str, Any] | None = None,
    ) -> list[Send]:
        """Begin a flow at the key, replacing any conversation there, and ask the first question."""
        flow = self.flows[flow_name]
        old = repo.load(ctx.session, key=key)
        replaced = old is not None and old.status in OPEN and old.flow in self.flows
        state: dict[str, Any] = {
            "answers": dict(answers or {}),
            "trail": [],
            "phase": "ask",
            "current": None,
            "pending": [],
            "data": dict(data or {}),
        }
        conversation = repo.save_new(ctx.session, key=key, flow=flow_name, state=json_copy(state), now=ctx.now)
        turn = Turn(ctx, conversation, flow, state)
        lead = t("engine.replaced", title=self.flows[old.flow].title) if replaced and old else None
        return self._advance(turn, lead=lead)

    def is_open(self, ctx: Ctx, key: ConversationKey) -> bool:
        """Whether someone has a conversation going at the key."""
        conversation = repo.load(ctx.session, key=key)
        return conversation is not None and conversation.status in OPEN and conversation.flow in self.flows

    def handle_text(self, ctx: Ctx, key: ConversationKey, text: str) -> list[Send] | None:
        """Take a typed message; None when there is no open conversation at the key."""
        turn = self._turn(ctx, key)
        if turn is None:
            return None
        word = " ".join(text.casefold().split()).strip(" .!")
        command = WORDS.get(word)
        if self._resuming(turn) and command not in ("cancel", "help"):
            return self._ask_current(turn, lead=t("engine.resumed", title=turn.flow.title))
        if command:
            return self._command(turn, command)
        change = CHANGE.match(word)
        if change:
            return self._change(turn, change.group(1))
        if turn.state["phase"] == "confirm":
            return self._confirm_typed(turn, word)
        return self._answer_typed(turn, text)

    def handle_action(
        self, ctx: Ctx, key: ConversationKey, action: str, value: str, selected: list[str] | None = None
    ) -> list[Send]:
        """Take a button press or menu choice from a message the engine sent."""
        turn = self._turn(ctx, key)
        if turn is None:
            return [to_requester(say(t("engine.no_conversation")))]
        self._resuming(turn)
        simple = {
            ConvAction.SKIP: "skip",
            ConvAction.BACK: "back",
            ConvAction.SAVE: "save",
            ConvAction.CANCEL: "cancel",
        }
        if action in simple:
            return self._command(turn, simple[ConvAction(action)])
        if action == ConvAction.CHANGE:
            return self._store(turn, change_reply(turn.flow, turn.applicable()))
        if action == ConvAction.TOGGLE and not value:  # Slack sends a checkbox group's ticked options, no value
            value = selected[0] if selected else pack(turn.state.get("current") or "")
        question_key, option = unpack(value)
        if action == ConvAction.CHANGE_PICK:
            return self._change(turn, question_key)
        return self._question_action(turn, ConvAction(action), question_key, option, selected or [])

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

    def pause_idle(self, ctx: Ctx) -> list[Send]:
        """Pause conversations idle longer than the timeout and tell each person how to continue."""
        idle = repo.pause_idle(ctx.session, idle_since=ctx.now - ctx.config.conversation_timeout)
        sends = []
        for conversation in idle:
            flow = self.flows.get(conversation.flow)
            claim = f"conversation:{conversation.id}:paused:{conversation.updated_at.isoformat()}"
            if flow is None or not claim_once(ctx.session, key=claim):
                continue
            message = say(t("engine.paused", title=flow.title))
            if conversation.channel_id == repo.DM:
                sends.append(Send(message, to=To.USER, user_id=conversation.user_id))
            else:
                sends.append(
                    Send(message, to=To.CHANNEL, channel_id=conversation.channel_id, thread_ts=conversation.thread_ts)
                )
        return sends

    # -- internals ---------------------------------------------------------------------------------

    def _turn(self, ctx: Ctx, key: ConversationKey) -> Turn | None:
        conversation = repo.load(ctx.session, key=key)
        if conversation is None or conversation.status not in OPEN or conversation.flow not in self.flows:
            return None
        return Turn(ctx, conversation, self.flows[conversation.flow], json_copy(conversation.state))

    def _resuming(self, turn: Turn) -> bool:
        idle = turn.ctx.now - turn.conversation.updated_at > turn.ctx.config.conversation_timeout
        return turn.conversation.status == "paused" or idle

    def _command(self, turn: Turn, command: str) -> list[Send]:
        if command == "cancel":
            repo.store(
                turn.ctx.session, conversation=turn.conversation, state=turn.state, status="cancelled", now=turn.ctx.now
            )
            return [to_requester(say(t("engine.cancelled", title=turn.flow.title)))]
        if command == "save":
            if turn.state["phase"] != "confirm":
                return self._ask_current(turn, error=t("engine.not_yet"))
            return self._save(turn)
        if command == "back":
            return self._back(turn)
        if command == "skip":
            return self._skip(turn)
        if command == "help":
            return self._ask_current(turn, lead=t("engine.help"))
        return self._ask_current(turn)

    def _answer_typed(self, turn: Turn, text: str) -> list[Send]:
        question = turn.flow.question(turn.state["current"])
        if question.default is not None and text.strip().casefold() in ("ok", "standard", "default"):
            return self._accept(turn, question, question.default(turn.env))
        try:
            value = parse_answer(question, text, turn.env)
        except AnswerError as error:
            return self._ask_current(turn, error=error.text)
        return self._accept(turn, question, value)

    def _confirm_typed(self, turn: Turn, word: str) -> list[Send]:
        if word in ("ja", "j", "yes", "y", "ok"):
            return self._save(turn)
        return self._store(turn, summary_reply(turn.flow, turn.applicable(), turn.env, note=t("engine.confirm_how")))

    def _question_action(
        self, turn: Turn, action: ConvAction, question_key: str, option: str, selected: list[str]
    ) -> list[Send]:
        if turn.state["phase"] != "ask" or question_key != turn.state["current"]:
            return self._ask_current(turn, error=t("engine.stale"))
        question = turn.flow.question(question_key)
        if action == ConvAction.TOGGLE:
            turn.state["pending"] = [unpack(v)[1] for v in selected]
            return self._store(turn, None)
        if action == ConvAction.DEFAULT and question.default is not None:
            return self._accept(turn, question, question.default(turn.env))
        if action == ConvAction.DONE:
            return self._accept_multi(turn, question, list(turn.state.get("pending", [])))
        if question.kind == Kind.YES_NO and option in ("ja", "nej"):
            return self._accept(turn, question, option == "ja")
        if option not in {c.value for c in question.choices(turn.env)}:
            return self._ask_current(turn, error=t("engine.stale"))
        return self._accept(turn, question, option)

    def _accept_multi(self, turn: Turn, question: Question, values: list[str]) -> list[Send]:
        if not values and not question.optional:
            return self._ask_current(turn, error=t("answer.multi_empty"))
        order = [c.value for c in question.choices(turn.env)]
        return self._accept(turn, question, [v for v in order if v in values] or None)

    def _accept(self, turn: Turn, question: Question, value: Any) -> list[Send]:
        turn.answers[question.key] = value
        trail = [k for k in turn.state["trail"] if k != question.key]
        turn.state["trail"] = [*trail, question.key]
        turn.state["pending"] = []
        return self._advance(turn)

    def _advance(self, turn: Turn, lead: Text | None = None) -> list[Send]:
        question = turn.next_question()
        if question is None:
            turn.state["phase"], turn.state["current"] = "confirm", None
            reply = summary_reply(turn.flow, turn.applicable(), turn.env, lead=lead)
            return self._store(turn, reply)
        turn.state["phase"], turn.state["current"] = "ask", question.key
        return self._ask_current(turn, lead=lead)

    def _ask_current(self, turn: Turn, error: Text | None = None, lead: Text | None = None) -> list[Send]:
        if turn.state["phase"] == "confirm":
            reply = summary_reply(turn.flow, turn.applicable(), turn.env, lead=lead or error)
            return self._store(turn, reply)
        question = turn.flow.question(turn.state["current"])
        position = [q.key for q in turn.applicable()].index(question.key) + 1
        reply = ask_reply(
            question,
            turn.env,
            position=position,
            total=len(turn.applicable()),
            error=error,
            lead=lead,
            selected=turn.state.get("pending", []),
        )
        return self._store(turn, reply)

    def _back(self, turn: Turn) -> list[Send]:
        if not turn.state["trail"]:
            return self._ask_current(turn, error=t("engine.nothing_back"))
        key = turn.state["trail"].pop()
        question = turn.flow.question(key)
        previous = turn.answers.pop(key, None)
        turn.state["phase"], turn.state["current"] = "ask", key
        lead = t("engine.previous_answer", answer=show_answer(question, previous, turn.env))
        return self._ask_current(turn, lead=lead)

    def _skip(self, turn: Turn) -> list[Send]:
        if turn.state["phase"] != "ask":
            return self._ask_current(turn)
        question = turn.flow.question(turn.state["current"])
        if not question.optional:
            return self._ask_current(turn, error=t("engine.required"))
        return self._accept(turn, question, None)

    def _change(self, turn: Turn, which: str) -> list[Send]:
        applicable = turn.applicable()
        which = which.strip().casefold()
        if not which:
            return self._store(turn, change_reply(turn.flow, applicable))
        found = _find_question(applicable, which)
        if found is None:
            return self._store(turn, change_reply(turn.flow, applicable, error=t("engine.change_unknown", given=which)))
        previous = turn.answers.pop(found.key, None)
        turn.state["trail"] = [k for k in turn.state["trail"] if k != found.key]
        turn.state["phase"], turn.state["current"] = "ask", found.key
        lead = t("engine.previous_answer", answer=show_answer(found, previous, turn.env))
        return self._ask_current(turn, lead=lead)

    def _save(self, turn: Turn) -> list[Send]:
        applicable = {q.key for q in turn.applicable()}
        answers = {k: v for k, v in turn.answers.items() if k in applicable}
        try:
            sends = turn.flow.finish(turn.ctx, answers, turn.state["data"])
        except DomainError as error:
            reply = summary_reply(turn.flow, turn.applicable(), turn.env, lead=error.text)
            return self._store(turn, reply)
        repo.store(turn.ctx.session, conversation=turn.conversation, state=turn.state, status="done", now=turn.ctx.now)
        return sends

    def _store(self, turn: Turn, reply: Any) -> list[Send]:
        repo.store(
            turn.ctx.session, conversation=turn.conversation, state=turn.state, status="active", now=turn.ctx.now
        )
        return [to_requester(reply)] if reply is not None else []


def _find_question(questions: list[Question], which: str) -> Question | None:
    if which.isdigit() and 1 <= int(which) <= len(questions):
        return questions[int(which) - 1]
    exact = [q for q in questions if q.key.casefold() == which]
    starts = [q for q in questions if q.key.casefold().startswith(which)]
    if exact:
        return exact[0]
    return starts[0] if len(starts) == 1 else None


__all__ = ["ConversationKey", "Engine", "Kind", "pack"]
