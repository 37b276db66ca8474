"""`lokusbot console`: talk to the same handlers as in Slack, from a terminal or a script on standard input.

One line per message. A line starting with `/lokus` is the slash command in the current channel; any other
line is a DM to the bot. `:a`, `:b` … press the buttons of the last message; `:som <namn>` switches user,
`:kanal <namn>` switches channel, `:hjälp` lists these. The console is its own workspace on the same database.
"""

import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from bot.catalogue import Catalogue
from bot.console_admins import with_console_admins
from bot.console_render import Pressable, render_text
from bot.services import Services
from handlers.cleaning import clean_text
from handlers.context import Actor, Ctx
from handlers.errors import DomainError, Unavailable
from handlers.replies import PostedHook, Reply, Send, To, say
from handlers.text import t

TEAM = "TCONSOLE"
MENTION = re.compile(r"(?<![<\w])@([\wåäöÅÄÖ.-]+)")


def user_id_of(name: str) -> str:
    """The console's stable user id for a name: "anna" → "UANNA"."""
    return "U" + re.sub(r"[^A-Z0-9ÅÄÖ]", "", name.upper())


def channel_id_of(name: str) -> str:
    """The console's stable channel id for a name: "#lokus-heby" → "CLOKUSHEBY"."""
    return "C" + re.sub(r"[^A-Z0-9ÅÄÖ]", "", name.lstrip("#").upper())


@dataclass
class Console:
    """A chat in the terminal as a named user, in a named channel or the DM."""

    services: Services
    user: str = "anna"
    channel: str = "lokus"
    out: TextIO = sys.stdout
    files_dir: Path = Path("lokusbot-filer")
    names: dict[str, str] = field(default_factory=dict)
    buttons: list[Pressable] = field(default_factory=list)
    last_in_dm: bool = True

    def __post_init__(self) -> None:
        self.services = with_console_admins(self.services, TEAM, user_id_of)
        self.catalogue = Catalogue.for_console(self.services.config.language, self._name_of)
        self._remember(self.user)

    def run(self, lines: Iterable[str], prompt: bool = False) -> None:
        """Handle each line until the input ends."""
        if prompt:
            self._print(self.catalogue.render(t("console.welcome", user=self.user, channel=self.channel)))
        for line in lines:
            self.handle_line(line.rstrip("\n"))

    def handle_line(self, line: str) -> None:
        """One line of input: a slash command, a button press, a console command or a DM."""
        text = clean_text(line).strip()
        if not text:
            return
        if text.startswith(":"):
            self._meta(text[1:].strip())
        elif text.split()[0] == "/lokus":
            rest = self._mentions(text[len("/lokus") :].strip())
            self._run(
                Actor(TEAM, user_id_of(self.user), channel_id_of(self.channel)),
                lambda ctx: self.services.router.command(ctx, rest),
            )
        else:
            said = self._mentions(text)
            self._run(Actor(TEAM, user_id_of(self.user)), lambda ctx: self.services.router.message(ctx, said))

    def _meta(self, command: str) -> None:
        word, _, arg = command.partition(" ")
        if word in ("som", "as") and arg:
            self.user = arg.strip().lstrip("@")
            self._remember(self.user)
            self._print(self.catalogue.render(t("console.now_user", user=self.user)))
        elif word in ("kanal", "channel") and arg:
            self.channel = arg.strip().lstrip("#")
            self._print(self.catalogue.render(t("console.now_channel", channel=self.channel)))
        elif len(word) == 1 and word.isalpha():
            self._press(word)
        else:
            self._print(self.catalogue.render(t("console.help")))

    def _press(self, key: str) -> None:
        button = next((b for b in self.buttons if b.key == key), None)
        if button is None:
            self._print(self.catalogue.render(t("console.no_button", key=key)))
            return
        actor = Actor(TEAM, user_id_of(self.user), "" if self.last_in_dm else channel_id_of(self.channel))
        self._run(actor, lambda ctx: self.services.router.action(ctx, button.action, button.value))

    def _run(self, actor: Actor, handler: Callable[[Ctx], list[Send]]) -> None:
        self.last_in_dm = actor.in_dm
        try:
            sends = self.services.handle(actor, handler)
        except DomainError as error:
            sends = [Send(say(error.text))]
        except Unavailable:
            sends = [Send(say(t("error.unavailable")))]
        for send in sends:
            self._show(actor, send)

    def _show(self, actor: Actor, send: Send) -> None:
        channel = self._channel_name(send.channel_id or actor.channel_id)
        where = {
            To.REQUESTER: t("console.to_you_dm") if actor.in_dm else t("console.to_you", channel=self.channel),
            To.CHANNEL: t("console.updated" if send.update_ts else "console.in_channel", channel=channel),
            To.USER: t("console.dm_to", user=self._name_of(send.user_id)),
        }[send.to]
        rendered = render_text(send.reply, self.catalogue)
        if send.to == To.REQUESTER or send.user_id == actor.user_id or (send.to == To.CHANNEL and rendered.buttons):
            self.buttons = rendered.buttons
            self.last_in_dm = send.to == To.USER or (send.to == To.REQUESTER and actor.in_dm)
        self._print(f"lokusbot {self.catalogue.render(where)}:")
        self._print("\n".join("  " + line for line in "\n".join(rendered.lines).splitlines()))
        self._save_files(send.reply)
        if send.posted is not None:
            self._report_posted(actor, send, send.posted)

    def _report_posted(self, actor: Actor, send: Send, hook: PostedHook) -> None:
        """Tell the hook where the message landed; the console has no message ids, so it makes one up."""
        channel = f"D{send.user_id}" if send.to == To.USER else send.channel_id or actor.channel_id
        ts = f"{time.time():.6f}"
        self.services.handle(actor, lambda ctx: self.services.router.message_posted(ctx, hook, channel, ts))

    def _save_files(self, reply: Reply) -> None:
        for attachment in reply.files:
            self.files_dir.mkdir(parents=True, exist_ok=True)
            path = self.files_dir / attachment.filename
            path.write_bytes(attachment.data(self.catalogue.render))
            self._print(self.catalogue.render(t("console.file_saved", path=str(path))))

    def _mentions(self, text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            name = match.group(1)
            self._remember(name)
            return f"<@{user_id_of(name)}|{name}>"

        return MENTION.sub(replace, text)

    def _remember(self, name: str) -> None:
        self.names[user_id_of(name)] = name

    def _name_of(self, user_id: str) -> str:
        return self.names.get(user_id, user_id)

    def _channel_name(self, channel_id: str) -> str:
        return self.channel if channel_id in ("", channel_id_of(self.channel)) else channel_id

    def _print(self, text: str) -> None:
        print(text, file=self.out, flush=True)


def run_console(services: Services, user: str, channel: str, stream: TextIO = sys.stdin) -> None:
    """Run the console on a stream; prompts only when a person sits at a terminal."""
    console = Console(services, user=user, channel=channel)
    interactive = stream.isatty()
    console.run(_lines(stream, console, interactive), prompt=interactive)


def _lines(stream: TextIO, console: Console, interactive: bool) -> Iterable[str]:
    while True:
        if interactive:
            print(f"{console.user} i #{console.channel}> ", end="", flush=True)
        line = stream.readline()
        if not line:
            return
        yield line
