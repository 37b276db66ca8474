"""What a package holds: files of records, each of a record kind; the kinds are a registry (`kinds.py`).

A kind is one entry: a key (the record type named in the manifest), the folder its files go in, and a function
that collects the group's files of the year. Adding a kind (insats decisions and reports) is adding one entry.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from handlers.context import Ctx
from storage.models import Group

Words = Callable[[Any], str]


@dataclass(frozen=True)
class Format:
    """A file format: its MIME type, its PRONOM id (the format registry archives use) and its name."""

    mime: str
    puid: str
    name: str


DOCX = Format(
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "fmt/412",
    "Microsoft Word for Windows 2007 onwards",
)
MARKDOWN = Format("text/markdown", "fmt/1149", "Markdown")
CSV = Format("text/csv", "x-fmt/18", "Comma Separated Values")
XML = Format("application/xml", "fmt/101", "Extensible Markup Language")


@dataclass(frozen=True)
class ArchiveYear:
    """The calendar year a package covers, as local dates and as UTC instants [start, end)."""

    year: int
    tz: ZoneInfo

    @property
    def start(self) -> datetime:
        """The first instant of the year, local time."""
        return datetime.combine(date(self.year, 1, 1), time(), self.tz).astimezone(UTC)

    @property
    def end(self) -> datetime:
        """The first instant of the next year, local time."""
        return datetime.combine(date(self.year + 1, 1, 1), time(), self.tz).astimezone(UTC)

    def holds(self, day: date) -> bool:
        """Whether a day falls in the year."""
        return day.year == self.year


@dataclass(frozen=True)
class RecordFile:
    """One file of a record: where it goes in the kind's folder, what it is, when it was made, its bytes."""

    name: str
    title: str
    made: datetime
    day: date | None  # the day the record is about (a meeting's); None: the whole year
    format: Format
    content: bytes


Collect = Callable[[Ctx, Group, ArchiveYear, Words], list[RecordFile]]


@dataclass(frozen=True)
class RecordKind:
    """A kind of record: its type in the manifest, its folder, how its files are collected.

    `content` says whether the kind's files alone make a year worth archiving: the audit log is archived with
    the records, but a year with only audit entries has nothing to archive.
    """

    key: str
    folder: str
    collect: Collect
    content: bool = True


@dataclass(frozen=True)
class CollectedFile:
    """A record file with its kind, as it goes into a package."""

    kind: RecordKind
    file: RecordFile

    @property
    def path(self) -> str:
        """Its path in the representation's data folder."""
        return f"{self.kind.folder}/{self.file.name}"
