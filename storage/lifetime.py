"""Objects of a unit of work live until its session is closed, and die in the thread that used them.

A Session's identity map holds its objects weakly. Objects that refer to each other (a group and its members,
through `Group.members` and `Member.group`) form reference cycles, so once a handler has returned they are
garbage that only the cyclic garbage collector frees – while the unit of work is still committing and closing.
The collector runs in whatever thread allocates next, and it runs SQLAlchemy's weakref callbacks
(`InstanceState._cleanup`) on the states of that live session from there. Under CPython 3.11 this corrupted the
states' instance dicts, and gunicorn workers died with SIGSEGV (issue 12, `bench/members_load.py`): 3 of 4 load
runs crashed before this, none after; 3.12 does not crash, nor 3.11 with the collector off or one thread.

So every object a session loads or adds is held strongly here, and released only after the session is closed:
the collector can then only meet detached objects that no thread uses any more.
"""

from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

HELD = "lokusbot_held"
EVENTS = ("loaded_as_persistent", "transient_to_pending", "pending_to_persistent", "detached_to_persistent")


def hold_until_closed(factory: "sessionmaker[Session]") -> None:
    """Make every session of the factory hold the objects it loads or adds (release them with `release`)."""
    for name in EVENTS:
        event.listen(factory, name, _hold)


def release(session: Session) -> None:
    """Let go of the objects a closed session held."""
    session.info.pop(HELD, None)


def _hold(session: Session, instance: Any) -> None:
    session.info.setdefault(HELD, []).append(instance)
