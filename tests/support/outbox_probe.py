"""What became of a reply that did not arrive: a test's words for its failure message.

The person's outbox rows (state, attempts, last error, due and lease times), the calls the fake Slack saw for
their DM, and where each of this process's deliverer threads is, so a flaky delivery test says why it failed.
"""

import sys
import threading
import traceback
from datetime import UTC, datetime

from sqlalchemy import select

from bot.services import Services
from storage.outbox_models import OutboxMessage
from tests.support.fake_slack import FakeSlack


def what_became_of_it(services: Services, fake: FakeSlack, user: str) -> str:
    """The person's last outbox rows, the last calls for their DM, and the deliverer threads' stacks."""
    with services.db.unit_of_work() as session:
        query = select(OutboxMessage).where(OutboxMessage.destination.contains(user)).order_by(OutboxMessage.id)
        rows = [
            f"#{r.id} {r.kind} {r.state} attempts={r.attempts} error={r.last_error!r} due={r.due_at:%H:%M:%S} "
            f"lease={r.lease_until and f'{r.lease_until:%H:%M:%S}'} created={r.created_at:%H:%M:%S}"
            for r in session.scalars(query).all()[-3:]
        ]
    calls = [(c.method, c.fault or "ok") for c in fake.calls() if c.args.get("channel") == f"D{user}"]
    frames = sys._current_frames()
    threads = [
        f"{thread.name}: {traceback.format_stack(frames[thread.ident], limit=4)}"
        for thread in threading.enumerate()
        if thread.name.startswith("lokusbot") and thread.ident in frames
    ]
    return f"now {datetime.now(UTC):%H:%M:%S}; rows {rows}; calls {calls[-4:]}; threads {threads}"
