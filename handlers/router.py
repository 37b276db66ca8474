"""Where every request goes: `/lokus <subcommand>`, a DM or thread message, a button, a modal."""

import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from handlers import access
from handlers.context import Ctx
from handlers.conversation.engine import Engine
from handlers.conversation.flow import Flow, FlowBook, FlowBuilder
from handlers.conversation.forms import FORM_PREFIX
from handlers.errors import DomainError
from handlers.help import help_reply
from handlers.replies import PostedHook, Send, say, to_requester
from handlers.text import Text, t
from storage.conversations import DM, ConversationKey

Run = Callable[[Ctx, str], list[Send]]
CONVERSATION_ACTIONS = "conv."
HELP_WORDS = ("hjälp", "help", "hjalp")
ActionRun = Callable[[Ctx, str, str, list[str]], list[Send]]
PostedRun = Callable[[Ctx, str, str, str], None]


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
    """What one capability adds: subcommands, flows, DM phrases, action and view handlers."""

    commands: Sequence[Command] = ()
    flows: Sequence[Flow] = ()
    dm_phrases: Mapping[str, Run] = field(default_factory=dict)
    actions: Mapping[str, ActionRun] = field(default_factory=dict)
    views: Mapping[str, Callable[[Ctx, dict[str, Any], Mapping[str, Any]], Any]] = field(default_factory=dict)
    ticks: Sequence[Callable[[Ctx], list[Send]]] = ()
    posted: Mapping[str, PostedRun] = field(default_factory=dict)
    flow_families: Mapping[str, FlowBuilder] = field(default_factory=dict)


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


class Router:
    """Sends each request to the handler that owns it; the same for Slack and the console.

    It owns the one conversation engine, which knows every feature's flows; handlers get it as `ctx.engine`.
    Building a router refuses two features claiming the same command word, flow, flow family, action id,
    form callback id or posted-message hook (DuplicateName), so one cannot silently shadow the other.
    """

    def __init__(self, features: Sequence[Feature]) -> None:
        self.commands: dict[str, Command] = {}
        self.dm_phrases: dict[str, Run] = {}
        self.actions: dict[str, ActionRun] = {}
        self.views: dict[str, Callable[[Ctx, dict[str, Any], Mapping[str, Any]], Any]] = {}
        self.ticks: list[Callable[[Ctx], list[Send]]] = []
        self.posted: dict[str, PostedRun] = {}
        flows: dict[str, Flow] = {}
        families: dict[str, FlowBuilder] = {}
        owners: dict[str, dict[str, int]] = {kind: {} for kind in ("command word", "flow", "action", "form", "hook")}
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
            self.dm_phrases.update(feature.dm_phrases)
            self.actions.update(feature.actions)
            self.views.update(feature.views)
            self.ticks.extend(feature.ticks)
            self.posted.update(feature.posted)
        self.engine = Engine(FlowBook(flows, families))
        help_command = Command(HELP_WORDS[0], self._help, t("help.help"), words=HELP_WORDS[1:])
        for word in (help_command.name, *help_command.words):
            _claim(owners["command word"], "command word", word, 0)
            self.commands[word] = help_command
            self.dm_phrases[word] = self._help

    def _help(self, ctx: Ctx, args: str) -> list[Send]:
        return [to_requester(help_reply(self.listed_commands()))]

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
            return [to_requester(say(self._unknown(word)))]
        return command.run(ctx, rest)

    def _unknown(self, word: str) -> Text:
        close = difflib.get_close_matches(word.casefold(), list(self.commands), n=1, cutoff=0.6)
        if close:
            return t("command.unknown_suggest", given=word, suggestion=self.commands[close[0]].name)
        return t("command.unknown", given=word)

    def message(self, ctx: Ctx, text: str) -> list[Send]:
        """A DM to the bot, or a message in a thread where a conversation runs.

        In an open conversation a message is an answer, unless it is exactly a phrase that starts something
        else ("nytt ärende"); "hjälp" then means help with the question.
        """
        phrase, args = self._phrase(text)
        starts_something_else = phrase is not None and not args and phrase not in HELP_WORDS
        if not starts_something_else:
            answered = self.engine.handle_text(ctx, conversation_key(ctx), text)
            if answered is not None:
                return answered
        if not ctx.actor.in_dm:
            return []
        if phrase is not None:
            return self.dm_phrases[phrase](ctx, args)
        if not access.user_groups(ctx) and not access.is_forbund(ctx):
            return [to_requester(say(t("dm.not_member")))]
        return [to_requester(say(t("dm.unknown")))]

    def _phrase(self, text: str) -> tuple[str | None, str]:
        lowered = " ".join(text.casefold().split())
        for phrase in sorted(self.dm_phrases, key=len, reverse=True):
            if lowered == phrase or lowered.startswith(phrase + " "):
                return phrase, " ".join(text.split())[len(phrase) :].strip()
        return None, ""

    def action(self, ctx: Ctx, action_id: str, value: str, selected: list[str] | None = None) -> list[Send]:
        """A button or menu on one of the bot's messages."""
        if action_id.startswith(CONVERSATION_ACTIONS):
            return self.engine.handle_action(ctx, conversation_key(ctx), action_id, value, selected)
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
