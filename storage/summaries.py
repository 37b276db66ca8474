"""Published summaries: stored when posted, read back by the archive export."""

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Group
from storage.summary_models import PublishedSummary


def record_published(
    session: Session,
    *,
    group: Group,
    channel_id: str,
    period: tuple[date, date],
    threshold: int,
    trigger: str,
    requested_by: str,
    content: dict[str, Any],
    now: datetime,
) -> PublishedSummary:
    """Keep a summary the bot is posting in a channel."""
    row = PublishedSummary(
        group_id=group.id,
        channel_id=channel_id,
        period_start=period[0],
        period_end=period[1],
        threshold=threshold,
        trigger=trigger,
        requested_by=requested_by,
        content=content,
        published_at=now,
    )
    session.add(row)
    session.flush()
    return row


def published_between(session: Session, *, group: Group, start: datetime, end: datetime) -> Sequence[PublishedSummary]:
    """The group's published summaries with start <= published_at < end, oldest first."""
    stmt = (
        select(PublishedSummary)
        .where(
            PublishedSummary.group_id == group.id,
            PublishedSummary.published_at >= start,
            PublishedSummary.published_at < end,
        )
        .order_by(PublishedSummary.published_at, PublishedSummary.id)
    )
    return session.scalars(stmt).all()
