"""The daily retention job: what the settings say is kept no longer is deleted or cleared, once across processes.

    finished conversations (saved or cancelled)      deleted RETENTION_FINISHED_CONVERSATION_DAYS after
    unfinished ones (paused, or waiting aside)        deleted RETENTION_PAUSED_CONVERSATION_DAYS after
    a case's free text and follow-up notes            cleared RETENTION_CASE_TEXT_YEARS after it was raised
    people Slack says were deleted                    erased ERASURE_GRACE_DAYS after (handlers/erasure.py)

Minutes, plans, decisions, the cases' statistics and the audit log are kept. The log says how many, never what.
"""

import logging
from datetime import date, timedelta

from handlers.context import Ctx
from handlers.conversation.state import Status
from handlers.erasure import erase_due
from handlers.replies import Send
from storage import retention as repo
from storage.jobs import claim_once

log = logging.getLogger("lokusbot.retention")
FINISHED = frozenset({Status.DONE.value, Status.CANCELLED.value})


def daily(ctx: Ctx) -> list[Send]:
    """The scheduler's tick: apply retention once a day, from the configured hour, in one process only."""
    local = ctx.local_now
    if local.hour < ctx.config.retention.run_hour:
        return []
    if not claim_once(ctx.session, key=f"retention:{local.date().isoformat()}"):
        return []
    counts = apply_retention(ctx)
    log.info("retention: %s", ", ".join(f"{name} {count}" for name, count in counts.items()))
    return []


def apply_retention(ctx: Ctx) -> dict[str, int]:
    """Delete and clear what is due now; how many of each."""
    keep = ctx.config.retention
    finished_before = ctx.now - timedelta(days=keep.finished_conversation_days)
    open_before = ctx.now - timedelta(days=keep.paused_conversation_days)
    old = repo.conversations_untouched_since(ctx.session, before=max(finished_before, open_before))
    finished = [c.id for c in old if c.status in FINISHED and not c.has_aside and c.updated_at < finished_before]
    unfinished = [c.id for c in old if (c.status not in FINISHED or c.has_aside) and c.updated_at < open_before]
    cases, notes = repo.clear_case_texts(ctx.session, raised_before=_years_before(ctx, keep.case_text_years))
    return {
        "finished_conversations": repo.delete_conversations(ctx.session, ids=finished),
        "unfinished_conversations": repo.delete_conversations(ctx.session, ids=unfinished),
        "case_texts": cases,
        "case_notes": notes,
        "people_erased": erase_due(ctx),
    }


def _years_before(ctx: Ctx, years: int) -> date:
    today = ctx.local_now.date()
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)
