"""Work to do once a session's transaction is committed (and to forget if it is rolled back).

The outbox's deliverer is woken this way: only after the commit are the messages there for it to read.
"""

from collections.abc import Callable

from sqlalchemy import event
from sqlalchemy.orm import Session

HOOKS = "lokusbot_after_commit"


def after_commit(session: Session, hook: Callable[[], None]) -> None:
    """Run `hook` right after this session's transaction commits; never if it is rolled back."""
    hooks: list[Callable[[], None]] = session.info.setdefault(HOOKS, [])
    hooks.append(hook)


@event.listens_for(Session, "after_commit")
def _committed(session: Session) -> None:
    for hook in session.info.pop(HOOKS, ()):
        hook()


@event.listens_for(Session, "after_rollback")
def _rolled_back(session: Session) -> None:
    session.info.pop(HOOKS, None)
