"""The current time, in one place so that storage defaults are timezone-aware UTC."""

from datetime import UTC, datetime


def utcnow() -> datetime:
    """Now, timezone-aware, in UTC."""
    return datetime.now(UTC)
