"""Scoring everyday phrasings against what the bot started: the lists in tests/data, a recorder of the intents
that ran, and the tally (understood, missed, wrong)."""

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml
from sqlalchemy import delete, select

from bot.services import Services
from handlers.context import Ctx
from handlers.intents import Intent
from handlers.replies import Send
from storage.models import Conversation

DATA = Path(__file__).resolve().parents[1] / "data"
OPEN_STATUSES = ("active", "paused")
SMALLTALK, NOTHING = "smalltalk", "nothing"


def load(name: str) -> list[tuple[str, str]]:
    """(expected, phrasing) pairs of a phrasing file."""
    data = yaml.safe_load((DATA / name).read_text(encoding="utf-8"))
    return [(expected, str(phrasing)) for expected, phrasings in data.items() for phrasing in phrasings]


class Recorder:
    """Wraps every intent of the router so the test learns which ran (before it answers anything)."""

    def __init__(self, services: Services) -> None:
        self.ran: list[str] = []
        intents = services.router.understanding.intents
        for key, intent in list(intents.items()):
            intents[key] = replace(intent, run=self._recording(intent))

    def _recording(self, intent: Intent) -> Callable[[Ctx, str], list[Send]]:
        def run(ctx: Ctx, args: str) -> list[Send]:
            self.ran.append(intent.key)
            return intent.run(ctx, args)

        return run


@dataclass
class Tally:
    """How the phrasings fared."""

    understood: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    def add(self, expected: str, phrasing: str, ran: list[str], opened: list[str], reply: str) -> None:
        """Judge one phrasing by the intents that ran, the conversations it opened and the reply's text."""
        line = f"{expected}: {phrasing!r} -> ran {ran or '-'}, opened {opened or '-'}"
        if expected in (SMALLTALK, NOTHING):
            if ran or opened:
                self.wrong.append(line)
            elif _looks_like(expected, reply):
                self.understood.append(line)
            else:
                self.missed.append(f"{line}: {reply[:80]!r}")
        elif ran == [expected]:
            self.understood.append(line)
        elif ran or opened:
            self.wrong.append(line)
        else:
            self.missed.append(line)

    @property
    def share(self) -> float:
        """The share understood."""
        total = len(self.understood) + len(self.missed) + len(self.wrong)
        return len(self.understood) / total

    def report(self, name: str) -> str:
        """A summary to print and to show when the test fails."""
        lines = [
            f"{name}: {len(self.understood)} of {self.total} understood ({self.share:.0%}), wrong {len(self.wrong)}"
        ]
        lines += [f"  WRONG {line}" for line in self.wrong] + [f"  missed {line}" for line in self.missed]
        return "\n".join(lines)

    @property
    def total(self) -> int:
        """How many phrasings were tried."""
        return len(self.understood) + len(self.missed) + len(self.wrong)


def _looks_like(expected: str, reply: str) -> bool:
    if expected == SMALLTALK:
        return any(marker in reply for marker in ("Hej! Vad vill du göra?", "Varsågod", "👍", "Ha det bra"))
    return "Det förstod jag inte riktigt" in reply


def open_flows(services: Services) -> list[str]:
    """The flows of the conversations open now."""
    with services.db.unit_of_work() as session:
        rows = session.scalars(select(Conversation).where(Conversation.status.in_(OPEN_STATUSES))).all()
        return [row.flow for row in rows]


def forget_conversations(services: Services) -> None:
    """Every phrasing starts from a quiet DM."""
    with services.db.unit_of_work() as session:
        session.execute(delete(Conversation))
