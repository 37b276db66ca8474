"""Where every request goes: `/lokus <subcommand>`, a DM or thread message, a button, a modal."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from handlers.context import Ctx
from handlers.conversation.engine import Engine
from handlers.conversation.flow import Flow, FlowBook, FlowBuilder
from handlers.conversation.forms import FORM_PREFIX
from handlers.errors import DomainError
from handlers.help import help_reply
from handlers.intents import Intent, IntentAction
from handlers.intents.understanding import Understanding
from handlers.replies import PostedHook, Send, to_requester
from handlers.steps import Inputs, Step, StepResult
from handlers.text import Text, t
from storage.conversations import DM, ConversationKey

Run = Callable[[Ctx, str], list[Send]]
CONVERSATION_ACTIONS = "conv."
HELP_WORDS = ("hjälp", "help", "hjalp")
HELP_PHRASES = ("hjälp", "vad kan du göra", "hur funkar det", "vilka kommandon finns", "hjälp mig", "help")
ActionRun = Callable[[Ctx, str, str, list[str]], list[Send]]
PostedRun = Callable[[Ctx, str, str, str], None]
ShortcutRun = Callable[[Ctx, str], list[Send]]  # (ctx, the message's text: "" for a global shortcut)


@dataclass(frozen=True)
class Command:
    """A `/lokus` subcommand: its word (and other words for it), what it runs, and its help line."""

    name: str
    run: Run
    help: Text
    words: tuple[str, ...] = ()
    listed: bool = True


@dataclass(frozen=True)
class Feature:
    """What one capability adds: subcommands, flows, intents (what people ask for in a DM), action and view
    handlers."""

    commands: Sequence[Command] = ()
    flows: Sequence[Flow] = ()
    intents: Sequence[Intent] = ()
    actions: Mapping[str, ActionRun] = field(default_factory=dict)
    views: Mapping[str, Callable[[Ctx, dict[str, Any], Mapping[str, Any]], Any]] = field(default_factory=dict)
    ticks: Sequence[Callable[[Ctx], list[Send]]] = ()
    posted: Mapping[str, PostedRun] = field(default_factory=dict)
    flow_families: Mapping[str, FlowBuilder] = field(default_factory=dict)
    shortcuts: Mapping[str, ShortcutRun] = field(default_factory=dict)  # by callback id (slack/manifest.json)
    steps: Sequence[Step] = ()  # Workflow Builder steps (handlers/steps.py)


def conversation_key(ctx: Ctx) -> ConversationKey:
    """The conversation a request belongs to: the DM, or the thread it was written in."""
    actor = ctx.actor
    if actor.in_dm:
        return ConversationKey(actor.team_id, actor.user_id, DM, "")
    return ConversationKey(actor.team_id, actor.user_id, actor.channel_id, actor.thread_ts)


class DuplicateName(ValueError):
    """Two features register the same command word, flow, action, form or hook: the router refuses to start."""


def _claim(owners: dict[str, int], kind: str, name: str, feature: int) -> None:
    """Note that the feature (by its place in the list) registers the name; refuse a second owner."""
    if name in owners and owners[name] != feature:
        raise DuplicateName(f"features {owners[name]} and {feature} both register the {kind} {name!r}")
    owners[name] = feature


def unique_intents(intents: Sequence[Intent]) -> list[Intent]:
    """The intents, refused when two share a key, a command word or an example phrasing: which feature a
    message belongs to must never depend on the order the features were added in."""
    keys = [intent.key for intent in intents]
    twice = sorted({key for key in keys if keys.count(key) > 1})
    if twice:
        raise ValueError(f"intents registered twice: {', '.join(twice)}")
    owner: dict[str, str] = {}
    for intent in intents:
        for phrase in {" ".join(p.casefold().split()) for p in (*intent.words, *intent.examples)}:
            other = owner.setdefault(phrase, intent.key)
            if other != intent.key:
                raise ValueError(f"the phrasing {phrase!r} is registered by both {other} and {intent.key}")
    return list(intents)


class Router:
    """Sends each request to the handler that owns it; the same for Slack and the console.

    It owns the one conversation engine, which knows every feature's flows; handlers get it as `ctx.engine`.
    Building a router refuses two features claiming the same command word, flow, flow family, action id,
    form callback id or posted-message hook (DuplicateName), so one cannot silently shadow the other.
    """

    def __init__(self, features: Sequence[Feature]) -> None:
        self.commands: dict[str, Command] = {}
        intents: list[Intent] = []
        self.actions: dict[str, ActionRun] = {}
        self.views: dict[str, Callable[[Ctx, dict[str, Any], Mapping[str, Any]], Any]] = {}
        self.ticks: list[Callable[[Ctx], list[Send]]] = []
        self.posted: dict[str, PostedRun] = {}
        self.shortcuts: dict[str, ShortcutRun] = {}
        flows: dict[str, Flow] = {}
        families: dict[str, FlowBuilder] = {}
        self.steps: dict[str, Step] = {}
        owners: dict[str, dict[str, int]] = {
            kind: {} for kind in ("command word", "flow", "action", "form", "hook", "shortcut", "step")
        }
        for number, feature in enumerate(features, start=1):
            for command in feature.commands:
                for word in (command.name, *command.words):
                    _claim(owners["command word"], "command word", word, number)
                    self.commands[word] = command
            for flow in feature.flows:
                _claim(owners["flow"], "flow", flow.name, number)
                flows[flow.name] = flow
            for prefix, builder in feature.flow_families.items():
                _claim(owners["flow"], "flow family", prefix, number)
                families[prefix] = builder
            for action_id in feature.actions:
                if action_id.startswith(CONVERSATION_ACTIONS):
                    raise DuplicateName(f"feature {number} registers {action_id!r}: conv.* belongs to the engine")
                _claim(owners["action"], "action id", action_id, number)
            for callback_id in feature.views:
                _claim(owners["form"], "form callback id", callback_id, number)
            for hook in feature.posted:
                _claim(owners["hook"], "posted-message hook", hook, number)
            for callback_id in feature.shortcuts:
                _claim(owners["shortcut"], "shortcut", callback_id, number)
            self.shortcuts.update(feature.shortcuts)
            for step in feature.steps:
                _claim(owners["step"], "workflow step", step.callback_id, number)
                self.steps[step.callback_id] = step
            intents.extend(feature.intents)
            self.actions.update(feature.actions)
            self.views.update(feature.views)
            self.ticks.extend(feature.ticks)
            self.posted.update(feature.posted)
        self.engine = Engine(FlowBook(flows, families))
        help_command = Command(HELP_WORDS[0], self._help, t("help.help"), words=HELP_WORDS[1:])
        for word in (help_command.name, *help_command.words):
            _claim(owners["command word"], "command word", word, 0)
            self.commands[word] = help_command
        help_intent = Intent("help", self._dm_help, t("intent.help"), HELP_PHRASES, words=HELP_WORDS, command="hjälp")
        self.understanding = Understanding(unique_intents([*intents, help_intent]))

    def _help(self, ctx: Ctx, args: str) -> list[Send]:
        return [to_requester(help_reply(self.listed_commands()))]

    def _dm_help(self, ctx: Ctx, args: str) -> list[Send]:
        if not ctx.actor.in_dm:
            return self._help(ctx, args)
        return [to_requester(self.understanding.help_reply())]

    def listed_commands(self) -> list[Command]:
        """The subcommands shown in help, each once, in the order they were added."""
        seen: dict[str, Command] = {}
        for command in self.commands.values():
            if command.listed:
                seen.setdefault(command.name, command)
        return list(seen.values())

    def command(self, ctx: Ctx, text: str) -> list[Send]:
        """`/lokus <text>`."""
        word, _, rest = " ".join(text.split()).partition(" ")
        command = self.commands.get(word.casefold() or "hjälp")
        if command is None:
            return self.understanding.command(ctx, " ".join(text.split()), word)
        return command.run(ctx, rest)

    def message(self, ctx: Ctx, text: str) -> list[Send]:
        """A DM to the bot, or a message in a thread where a conversation runs.

        In an open conversation a message is an answer, unless it unmistakably asks for something else
        ("nytt ärende", "boka ett möte"), or begins with a command word where the question takes only some words
        ("boka möte tisdag kl 13" asked for a party); "hjälp" then means help with the question. Otherwise, in the DM,
        the understanding decides (handlers.intents).
        """
        key = conversation_key(ctx)
        wish = worded = None
        if ctx.actor.in_dm and " ".join(text.casefold().split()) not in HELP_WORDS:
            wish = self.understanding.interruption(text)  # read first: the conversation is loaded only for a wish
            worded = None if wish else self.understanding.worded_interruption(text)
        if wish is not None and self.engine.is_open(ctx, key):
            return self.understanding.interrupt(ctx, wish)
        waiting = self.engine.closed_question_of(ctx, key) if worded is not None else None
        if worded is not None and waiting is not None and self.understanding.holds(worded, ctx.now):
            if waiting != self.understanding.intents[worded.intent].flow:
                return self.understanding.interrupt(ctx, worded)
            text = worded.args  # "möte fredag kl 13" at the meeting's own question: the words after it answer it
        answered = self.engine.handle_text(ctx, key, text)  # also an answer to "fortsätta eller börja?", *fortsätt*
        if answered is not None:
            return answered
        if not ctx.actor.in_dm:
            return []
        return self.understanding.message(ctx, text)

    def action(self, ctx: Ctx, action_id: str, value: str, selected: list[str] | None = None) -> list[Send]:
        """A button or menu on one of the bot's messages."""
        if action_id.startswith(CONVERSATION_ACTIONS):
            return self.engine.handle_action(ctx, conversation_key(ctx), action_id, value, selected)
        if action_id in tuple(IntentAction):
            return self.understanding.action(ctx, action_id, value)
        handler = self.actions.get(action_id)
        if handler is None:
            raise DomainError("action.unknown")
        return handler(ctx, action_id, value, selected or [])

    def tick(self, ctx: Ctx) -> list[Send]:
        """Scheduled work that is due: paused conversations, reminders, automatic summaries."""
        sends = self.engine.pause_idle(ctx)
        for tick in self.ticks:
            sends.extend(tick(ctx))
        return sends

    def message_posted(self, ctx: Ctx, hook: PostedHook, channel_id: str, ts: str) -> None:
        """A message that asked for it was posted: tell its hook (value, channel, ts), e.g. to update it later."""
        self.posted[hook.name](ctx, hook.value, channel_id, ts)

    def shortcut(self, ctx: Ctx, callback_id: str, text: str = "") -> list[Send]:
        """A global shortcut, or a message shortcut with the message's text."""
        run = self.shortcuts.get(callback_id)
        if run is None:
            raise DomainError("action.unknown")
        return run(ctx, text)

    def step(self, ctx: Ctx, callback_id: str, inputs: Inputs) -> StepResult:
        """A Workflow Builder step run for a person in a group's channel."""
        step = self.steps.get(callback_id)
        if step is None:
            raise DomainError("step.unknown")
        return step.run(ctx, inputs)

    def view(self, ctx: Ctx, callback_id: str, values: dict[str, Any], data: Mapping[str, Any]) -> Any:
        """A submitted form, with the data its front door vouches for: a flow's own form, or a feature's.

        Returns (errors by field, sends); a form nobody handles (any more) is a DomainError.
        """
        flow = callback_id[len(FORM_PREFIX) :] if callback_id.startswith(FORM_PREFIX) else None
        if flow is not None and flow in self.engine.flows:
            return self.engine.submit_form(ctx, flow, values, data)
        if flow is None and callback_id in self.views:
            return self.views[callback_id](ctx, values, data)
        raise DomainError("form.unknown")
