"""`lokusbot console`: talk to the same handlers as in Slack, from a terminal or a script on standard input.

One line per message. A line starting with `/lokus` is the slash command in the current channel; any other
line is a DM to the bot. `:a`, `:b` … press the buttons of the latest message with buttons that the person sees
(a channel's announcement too), `:a @namn` picks a person where the bot shows a person picker; `:som <namn>`
switches user, `:kanal <namn>` switches channel, `:hjälp` lists these. The console is its own workspace on the
same database; the names it has seen are kept in a small file, so mentions read as names in the next run too.
When the input is a script, each line is echoed, so the transcript reads as a dialogue.
"""

import json
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
NAMES_FILE = Path("lokusbot-namn.json")
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
    names_file: Path | None = None
    pressable: dict[str, list[tuple[Pressable, bool]]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.services = with_console_admins(self.services, TEAM, user_id_of)
        self.catalogue = Catalogue.for_console(self.services.config.language, self._name_of)
        self.names = {**_read_names(self.names_file), **self.names}
        self._remember(self.user)

    def run(self, lines: Iterable[str], prompt: bool = False, echo: bool = False) -> None:
        """Handle each line until the input ends; `echo` writes each line first, as a transcript would."""
        if prompt:
            self._print(self.catalogue.render(t("console.welcome", user=self.user, channel=self.channel)))
        for line in lines:
            if echo and line.strip():
                self._print(f"{self.user} i #{self.channel}> {line.rstrip()}")
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
            self._press(word, arg.strip())
        else:
            self._print(self.catalogue.render(t("console.help")))

    def _press(self, key: str, arg: str) -> None:
        found = next(((b, in_dm) for b, in_dm in self.pressable.get(self.user, []) if b.key == key), None)
        if found is None or (found[0].picker and not arg.startswith("@")):
            self._print(self.catalogue.render(t("console.no_button", key=key)))
            return
        button, in_dm = found
        selected = [user_id_of(self._mentioned(arg))] if button.picker else None
        actor = Actor(TEAM, user_id_of(self.user), "" if in_dm else channel_id_of(self.channel))
        self._run(actor, lambda ctx: self.services.router.action(ctx, button.action, button.value, selected))

    def _mentioned(self, arg: str) -> str:
        name = arg.lstrip("@").split()[0]
        self._remember(name)
        return name

    def _run(self, actor: Actor, handler: Callable[[Ctx], list[Send]]) -> None:
        try:
            sends = self.services.handle(actor, handler)
        except DomainError as error:
            sends = [Send(say(error.text))]
        except Unavailable:
            sends = [Send(say(t("error.unavailable")))]
        for send in sends:
            if send.to != To.HOME and send.canvas is None:  # the console has no Home tab, no canvases
                self._show(actor, send)

    def _show(self, actor: Actor, send: Send) -> None:
        channel = self._channel_name(send.channel_id or actor.channel_id)
        where = {
            To.REQUESTER: t("console.to_you_dm") if actor.in_dm else t("console.to_you", channel=self.channel),
            To.CHANNEL: t("console.updated" if send.update_ts else "console.in_channel", channel=channel),
            To.USER: t("console.dm_to", user=self._name_of(send.user_id)),
        }[send.to]
        rendered = render_text(send.reply, self.catalogue)
        self._offer(actor, send, rendered.buttons)
        self._print(f"lokusbot {self.catalogue.render(where)}:")
        self._print("\n".join("  " + line for line in "\n".join(rendered.lines).splitlines()))
        self._save_files(send.reply)
        if send.posted is not None:
            self._report_posted(actor, send, send.posted)

    def _offer(self, actor: Actor, send: Send, buttons: list[Pressable]) -> None:
        """Keep a message's buttons for whoever sees it: everyone for a channel post, else its reader."""
        if not buttons:
            return
        if send.to == To.CHANNEL:
            for name in {*self.names.values(), self.user}:
                self.pressable[name] = [(b, False) for b in buttons]
            return
        reader = self.user if send.to == To.REQUESTER else self._name_of(send.user_id)
        in_dm = send.to == To.USER or actor.in_dm
        self.pressable[reader] = [(b, in_dm) for b in buttons]

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
        if self.names.get(user_id_of(name)) == name:
            return
        self.names[user_id_of(name)] = name
        if self.names_file is not None:
            self.names_file.write_text(json.dumps(self.names, ensure_ascii=False, indent=1), encoding="utf-8")

    def _name_of(self, user_id: str) -> str:
        return self.names.get(user_id, user_id)

    def _channel_name(self, channel_id: str) -> str:
        return self.channel if channel_id in ("", channel_id_of(self.channel)) else channel_id

    def _print(self, text: str) -> None:
        print(text, file=self.out, flush=True)


def run_console(
    services: Services,
    user: str,
    channel: str,
    stream: TextIO = sys.stdin,
    names_file: Path = NAMES_FILE,
    out: TextIO | None = None,
) -> None:
    """Run the console on a stream; prompts when a person sits at a terminal, echoes the lines of a script."""
    console = Console(services, user=user, channel=channel, out=out or sys.stdout, names_file=names_file)
    interactive = stream.isatty()
    console.run(_lines(stream, console, interactive), prompt=interactive, echo=not interactive)


def _read_names(path: Path | None) -> dict[str, str]:
    """The names an earlier run saw (user id → name); none when there is no such file or it is unreadable."""
    if path is None or not path.is_file():
        return {}
    try:
        names = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in names.items()} if isinstance(names, dict) else {}


def _lines(stream: TextIO, console: Console, interactive: bool) -> Iterable[str]:
    while True:
        if interactive:
            print(f"{console.user} i #{console.channel}> ", end="", flush=True)
        line = stream.readline()
        if not line:
            return
        yield line
