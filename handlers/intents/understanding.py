"""What the bot does with a message it has understood (handlers.intents.decide): runs the intent, asks
"Menade du …?", answers small talk, or offers the closest things it can do. Typed text is never echoed here.
"""

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime

from handlers import access
from handlers.context import Ctx
from handlers.errors import NotAMember
from handlers.identity import IdentityKind
from handlers.identity_guard import kind_words
from handlers.ids import row_id
from handlers.intents import Intent, IntentAction
from handlers.intents.decide import Decider, Decision, Meaning
from handlers.replies import Button, Buttons, Fields, Header, Note, Paragraph, Reply, Send, To, reply, say, to_requester
from handlers.text import Join, Plain, Text, t
from storage.models import Group

SEPARATOR = "|"
MAX_GROUP_BUTTONS = 10


class Understanding:
    """Every feature's intents behind one matcher, for DMs and for `/lokus` text that is no subcommand."""

    def __init__(self, intents: Sequence[Intent]) -> None:
        self.decider = Decider(intents)
        self.intents = self.decider.intents

    def message(self, ctx: Ctx, text: str) -> list[Send]:
        """A DM with no conversation in the way."""
        decision = self.decider.decide(text)
        if decision.meaning == Meaning.GO:
            return self.run(ctx, self.intents[decision.intent], decision.args)
        if decision.meaning == Meaning.IDENTITY:
            found = decision.identity or IdentityKind.PERSONNUMMER
            return [to_requester(say(t("dm.identity", kind=kind_words(found))))]
        member = bool(access.visible_groups(ctx))
        if decision.meaning == Meaning.SMALLTALK and (member or decision.smalltalk != "greeting"):
            return [to_requester(say(t(f"dm.smalltalk.{decision.smalltalk}")))]
        if not member:
            return [to_requester(say(t("dm.not_member")))]
        if decision.meaning == Meaning.ASK:
            return [to_requester(self._did_you_mean(decision.options))]
        return [to_requester(self._closest(self.decider.suggestions(decision), t("dm.unknown")))]

    def interruption(self, text: str) -> Decision | None:
        """The wish a message unmistakably is, which may interrupt an open conversation (pure: no database)."""
        return self.decider.interrupting(text)

    def worded_interruption(self, text: str) -> Decision | None:
        """A command word with its argument, of an intent that may interrupt with one ("boka möte tisdag kl 13"):
        it interrupts a question it cannot answer when `holds` too (pure)."""
        decision = self.decider.worded_interrupting(text)
        if decision is None or self.intents[decision.intent].interrupts is None:
            return None
        return decision

    def holds(self, decision: Decision, now: datetime) -> bool:
        """Whether the words after the command word are the intent's argument (a time that is still to come)."""
        check = self.intents[decision.intent].interrupts
        return check is not None and check(decision.args, now)

    def interrupt(self, ctx: Ctx, decision: Decision) -> list[Send]:
        """Run that wish while a conversation is open (the feature then starts its flow through the engine,
        which asks before replacing anything)."""
        return self.run(ctx, self.intents[decision.intent], decision.args)

    def command(self, ctx: Ctx, text: str, given: str) -> list[Send]:
        """`/lokus <text>` whose first word is no subcommand: the intent when it is unmistakable ("/lokus nytt
        ärende"), else the closest commands (a channel is a public place to guess in)."""
        decision = self.decider.decide(text)
        if decision.meaning == Meaning.GO and (decision.certain or decision.worded):
            return self.run(ctx, self.intents[decision.intent], decision.args)
        likely = (decision.intent,) if decision.meaning == Meaning.GO else ()
        options = tuple(dict.fromkeys((*likely, *(decision.options or self.decider.suggestions(decision)))))
        shown = given if decision.meaning != Meaning.IDENTITY and len(given) <= 40 else ""
        lines = tuple(
            (t("help.command", name=self.intents[key].command), self.intents[key].label)
            for key in options
            if self.intents[key].command
        )
        lead = t("command.unknown_closest", given=shown) if shown else t("command.unknown_closest_unshown")
        parts = (Paragraph(lead), Fields(lines), self._buttons(options), Note(t("command.unknown_hint")))
        return [to_requester(reply(*parts))]

    def action(self, ctx: Ctx, action_id: str, value: str) -> list[Send]:
        """A "Menade du …?" button, or the group picked for an intent."""
        key, _, rest = value.partition(SEPARATOR)
        intent = self.intents.get(key)
        if intent is None:
            return [to_requester(say(t("action.unknown")))]
        if action_id == IntentAction.GROUP:
            group_id, _, args = rest.partition(SEPARATOR)
            return self.run(ctx, intent, args, row_id(group_id))
        return self.run(ctx, intent, "")

    def run(self, ctx: Ctx, intent: Intent, args: str, group_id: int | None = None) -> list[Send]:
        """Run the intent; in a DM, an intent about a group gets the person's group (or asks which)."""
        if not intent.needs_group or not ctx.actor.in_dm:
            return intent.run(ctx, args)
        groups = list(access.visible_groups(ctx))
        if not groups:
            raise NotAMember("dm.not_member")
        group, args = _group_for(groups, args, group_id)
        if group is None:
            return [to_requester(_which_group(intent, groups, args))]
        sends = intent.run(replace(ctx, group_id=group.id), args)
        return [_privately(send) for send in sends]

    def help_reply(self) -> Reply:
        """DM "hjälp": what can be written in a DM, with examples."""
        items = tuple(
            (intent.label, Join(tuple(t("dm.help.example", text=Plain(e)) for e in intent.shown_examples)))
            for intent in self.intents.values()
            if intent.key != "help"
        )
        return reply(
            Header(t("dm.help.title")),
            Paragraph(t("dm.help.intro")),
            Fields(items),
            Note(t("dm.help.conversation")),
            Note(t("dm.help.commands")),
        )

    def _did_you_mean(self, options: Sequence[str]) -> Reply:
        return reply(Paragraph(t("dm.did_you_mean")), self._buttons(options), Note(t("dm.did_you_mean_hint")))

    def _closest(self, options: Sequence[str], lead: Text) -> Reply:
        return reply(Paragraph(lead), self._buttons(options), Note(t("dm.unknown_hint")))

    def _buttons(self, options: Sequence[str]) -> Buttons:
        return Buttons(tuple(Button(IntentAction.PICK, key, self.intents[key].label) for key in options))


def _group_for(groups: list[Group], args: str, group_id: int | None) -> tuple[Group | None, str]:
    """The group meant: picked by button, named first in the words, or the person's only group."""
    if group_id is not None:
        return next((g for g in groups if g.id == group_id), None), args
    words = args.split()
    for group in sorted(groups, key=lambda g: -len(g.name.split())):
        size = len(group.name.split())
        if [w.casefold() for w in words[:size]] == group.name.casefold().split():
            return group, " ".join(words[size:])
    if len(groups) == 1:
        return groups[0], args
    return None, args


def _which_group(intent: Intent, groups: list[Group], args: str) -> Reply:
    buttons = tuple(
        Button(IntentAction.GROUP, SEPARATOR.join((intent.key, str(g.id), args)), Plain(g.name))
        for g in groups[:MAX_GROUP_BUTTONS]
    )
    return reply(Paragraph(t("dm.which_group", wish=intent.label)), Buttons(buttons))


def _privately(send: Send) -> Send:
    """A post meant for "this channel" goes back to the person when the request came from their DM."""
    if send.to == To.CHANNEL and not send.channel_id and not send.update_ts:
        return replace(send, to=To.REQUESTER)
    return send
