"""The national data of bench/scale.py, made fast: rows built in Python, streamed with PostgreSQL's COPY.

At scale 1: 80 workspaces, 1 000 groups, 10 000 members, 1 000 000 lots-ärenden (with their target groups and
failures, about 1.4 million rows each) over four years, 4 000 meetings a year with RSVPs, a plan per group and
the run-once claims a running bot would have left. Workspace T0LOKUS is the förbund the benchmark talks to: 20
groups however small the scale, `HOME_USER` a member of three of them. The clock stands at `NOW` (a Tuesday
morning), and what a minute at that moment has to do is in the data: three meeting reminders, two meetings just
ended, one automatic summary and two plan reminders are due; everything due earlier has been done.
"""

import random
import tempfile
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import TextIO
from zoneinfo import ZoneInfo

import psycopg

NOW = datetime(2026, 12, 1, 9, 17, tzinfo=UTC)
TODAY = NOW.date()
FIRST_DAY = date(2023, 1, 1)
STOCKHOLM = ZoneInfo("Europe/Stockholm")
TEAM = "T0LOKUS"
FORBUND_GROUPS = 20
HOME_USER = "UHOME3"
FORBUND_USER = "UFORBUND"
PARTIES = ("af", "fk", "region", "kommun")
GENDERS = {"kvinna": 52, "man": 40, "annat": 1, "ej_dokumenterat": 7}
AGES = {"16-19": 8, "20-24": 14, "25-29": 13, "30-39": 22, "40-49": 18, "50-64": 17, "65+": 1, "okant": 7}
TARGETS = {"unga_utan_gymnasium": 14, "psykisk_ohalsa": 30, "forsorjningsstod": 18, "nyanlanda": 10}
TARGETS |= {"aktivitetsersattning": 8, "sjukskrivna": 12, "missbruk": 6, "annan_malgrupp": 2}
FAILURES = {"ansvarsfordelning": 20, "information": 25, "vantetider": 22, "saknad_insats": 12}
FAILURES |= {"regelverk": 9, "samordning": 10, "annat": 2}
OUTCOMES = {"arbete": 20, "studier": 12, "ordinarie": 35, "ersattning": 8, "annat": 10, "okant": 15}
UNITS = ("", "", "AME", "Jobbtorg", "Socialtjänsten", "Vårdcentralen")
PLAN_REMINDERS = (30, 14, 7, 1)
MEETING_MONTHS = (2, 5, 9, 11)
CREATED = datetime(2022, 12, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Size:
    """How much of everything, at a scale (1 = national)."""

    workspaces: int
    groups: int
    cases: int

    @classmethod
    def at(cls, scale: float) -> "Size":
        """The size at the scale; the förbund keeps its 20 groups."""
        groups = max(FORBUND_GROUPS + 10, round(1000 * scale))
        return cls(max(4, round(80 * scale)), groups, round(1_000_000 * scale))


def conversation_users(count: int) -> list[str]:
    """Members of one förbund group each (no roles needed to register a case), for the chat benchmark."""
    return [member_id(g, k) for k in (4, 5, 6, 7) for g in range(FORBUND_GROUPS)][:count]


def member_id(group: int, index: int) -> str:
    """The Slack user id of a group's index-th member (the Home user stands in for three groups' last)."""
    return HOME_USER if group < 3 and index == 9 else f"U{group:05d}M{index}"


def _line(row: tuple[object, ...]) -> str:
    return "\t".join(map(_t, row)) + "\n"


def _t(value: object) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


class Loader:
    """Streams rows into the tables of one connection with COPY."""

    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn
        self.counts: dict[str, int] = {}

    def copy(self, table: str, columns: tuple[str, ...], rows: Iterator[tuple[object, ...]]) -> None:
        """COPY the rows into the table, in chunks of text lines."""
        with self.conn.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            lines: list[str] = []
            for row in rows:
                lines.append(_line(row))
                if len(lines) == 20_000:
                    copy.write("".join(lines))
                    self._count(table, len(lines))
                    lines = []
            copy.write("".join(lines))
            self._count(table, len(lines))

    def copy_file(self, table: str, columns: tuple[str, ...], lines: TextIO) -> None:
        """COPY a file of text lines into the table."""
        with self.conn.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            while chunk := lines.read(1 << 20):
                copy.write(chunk)
                self._count(table, chunk.count("\n"))

    def _count(self, table: str, rows: int) -> None:
        self.counts[table] = self.counts.get(table, 0) + rows


def workspace_of(group: int, size: Size) -> int:
    """Group 0–19 are the förbund's (workspace 0); the others are dealt round the other workspaces."""
    return 0 if group < FORBUND_GROUPS else 1 + (group - FORBUND_GROUPS) % (size.workspaces - 1)


def load_platform(load: Loader, size: Size) -> None:
    """Workspaces, groups, members and each workspace's förbund role."""
    teams = [(w + 1, TEAM if w == 0 else f"TSCALE{w:03d}", None, CREATED) for w in range(size.workspaces)]
    load.copy("workspaces", ("id", "team_id", "enterprise_id", "created_at"), iter(teams))
    groups = (
        (g + 1, workspace_of(g, size) + 1, f"Grupp {g}", f"grupp {g}", f"CG{g:05d}", "{}", CREATED, member_id(g, 0))
        for g in range(size.groups)
    )
    columns = ("id", "workspace_id", "name", "name_key", "channel_id", "settings", "created_at", "created_by")
    load.copy("groups", columns, groups)
    members = (
        (g + 1, member_id(g, k), PARTIES[k % 4], ("sammankallande", "samordnare")[k] if k < 2 else "", CREATED)
        for g in range(size.groups)
        for k in range(10)
    )
    load.copy("members", ("group_id", "user_id", "party", "roles", "created_at"), members)
    roles = ((w + 1, FORBUND_USER if w == 0 else f"UF{w:03d}", "UADMIN", CREATED) for w in range(size.workspaces))
    load.copy("forbund_roles", ("workspace_id", "user_id", "granted_by", "granted_at"), roles)


def _weights(rng: random.Random, size: Size) -> list[int]:
    raw = [rng.lognormvariate(0, 0.7) for _ in range(size.groups)]
    total = sum(raw)
    return [round(size.cases * w / total) for w in raw]


def _pick(rng: random.Random, weights: dict[str, int], n: int) -> list[str]:
    return rng.choices(list(weights), list(weights.values()), k=n)


def _case_rows(rng: random.Random, size: Size, files: dict[str, TextIO]) -> None:
    """Every case and its codes as COPY text, written to one file per table in a single pass."""
    span = (TODAY - FIRST_DAY).days
    case_id = 0
    for group, n in enumerate(_weights(rng, size), start=1):
        days = sorted(FIRST_DAY + timedelta(days=rng.randrange(span)) for _ in range(n))
        genders, ages, outcomes = _pick(rng, GENDERS, n), _pick(rng, AGES, n), _pick(rng, OUTCOMES, n)
        targets, failures = _pick(rng, TARGETS, 2 * n), _pick(rng, FAILURES, 2 * n)
        for i, raised in enumerate(days):
            case_id += 1
            closed = rng.random() < (0.85 if (TODAY - raised).days > 180 else 0.3)
            closed_on = min(TODAY, raised + timedelta(days=rng.randrange(10, 150))) if closed else None
            status = "closed" if closed else ("open", "in_progress")[i % 2]
            row = (case_id, group, i + 1, raised, PARTIES[rng.randrange(4)], UNITS[i % 6], genders[i], ages[i], "")
            row += (rng.random() < 0.2, status, outcomes[i] if closed else None, closed_on, "", "UCASES", CREATED)
            files["cases"].write(_line((*row, CREATED)))
            codes = {
                "case_target_groups": {targets[2 * i], targets[2 * i + 1] if i % 3 == 0 else targets[2 * i]},
                "case_failures": {failures[2 * i], failures[2 * i + 1] if i % 2 == 0 else failures[2 * i]},
            }
            for table, distinct in codes.items():
                for code in distinct:
                    files[table].write(_line((case_id, code, group, raised)))


CASE_COLUMNS = {
    "cases": (
        "id",
        "group_id",
        "number",
        "raised_on",
        "party",
        "unit",
        "gender",
        "age_band",
        "failure_text",
        "referred_tr",
        "status",
        "outcome",
        "closed_on",
        "note",
        "created_by",
        "created_at",
        "updated_at",
    ),
    "case_target_groups": ("case_id", "code", "group_id", "raised_on"),
    "case_failures": ("case_id", "code", "group_id", "raised_on"),
}


def load_cases(load: Loader, size: Size) -> None:
    """The cases, then their target groups and failures (which carry the case's group and day)."""
    with ExitStack() as files:
        spooled = {table: files.enter_context(tempfile.TemporaryFile("w+", encoding="utf-8")) for table in CASE_COLUMNS}
        _case_rows(random.Random(12), size, spooled)
        for table, columns in CASE_COLUMNS.items():
            spooled[table].seek(0)
            load.copy_file(table, columns, spooled[table])
