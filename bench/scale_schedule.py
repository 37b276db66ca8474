"""The scheduled side of bench/scale.py's data: meetings with their RSVPs, plans, and the claims of work done.

Each group meets four times a year (the groups take turns by month, so about 330 meetings fall in any month).
Everything due before `NOW` was done and claimed, as a running bot leaves it; at `NOW` itself a minute's work is
waiting (see bench/scale_data.py).
"""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta

from bench.scale_data import (
    CREATED,
    NOW,
    PLAN_REMINDERS,
    STOCKHOLM,
    TODAY,
    Loader,
    Size,
    member_id,
)
from handlers.plans.template_loader import find_template

REMINDER_DAYS = (7, 1)
SUMMARY_DAYS = 3
LENGTH = timedelta(hours=2)
HORIZON = NOW + timedelta(days=120)
DUE_REMINDERS, ENDED_NOW, DUE_PLANS = 3, 2, 2
PLAN_TEMPLATE = "loksam"


@dataclass
class Meetings:
    """Meeting rows, their RSVPs and the claims of the work already done for them."""

    rows: list[tuple[object, ...]] = field(default_factory=list)
    rsvps: list[tuple[object, ...]] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)
    summary_waiting: bool = False

    def add(self, group: int, starts: datetime, *, due_reminder: bool = False) -> None:
        """A meeting of the group (1-based id) at the time; held if it has ended, else scheduled."""
        meeting_id = len(self.rows) + 1
        ends = starts + LENGTH
        stamp = f"{starts.astimezone(UTC):%Y%m%dT%H%M}:v0"
        held = ends <= NOW and not due_reminder
        passed = [d for d in REMINDER_DAYS if starts - timedelta(days=d) <= NOW]
        last = None if due_reminder or not passed else min(passed)
        minutes = ("Protokoll från mötet.", member_id(group - 1, 1), ends + timedelta(days=1)) if held else (None,) * 3
        row = (meeting_id, group, starts, ends, "Kommunhuset", "held" if held else "scheduled", member_id(group - 1, 0))
        row += (member_id(group - 1, 1), f"CG{group - 1:05d}", "1700000000.000100", 0, starts - timedelta(days=60))
        self.rows.append((*row, last, *minutes, starts - timedelta(days=60)))
        self.claims += [f"meeting:{meeting_id}:reminder:{d}d:{stamp}" for d in passed if last is not None]
        if held:
            self.claims += [f"meeting:{meeting_id}:held:{stamp}", f"summary:meeting:{meeting_id}:{starts.isoformat()}"]
        elif starts - timedelta(days=SUMMARY_DAYS) <= NOW:
            if self.summary_waiting:
                self.claims.append(f"summary:meeting:{meeting_id}:{starts.isoformat()}")
            self.summary_waiting = True  # the first one's summary is due now
        answered = 6 if held else 3
        answers = ("kommer", "kommer", "kommer_inte", "ersattare")
        self.rsvps += [
            (meeting_id, member_id(group - 1, k), ("af", "fk", "region", "kommun")[k % 4], answers[k % 4], starts)
            for k in range(answered)
        ]


MEETING_COLUMNS = (
    "id", "group_id", "starts_at", "ends_at", "place", "status", "convenor", "minute_taker", "channel_id",
    "announcement_ts", "sequence", "time_set_at", "last_reminder_days", "minutes", "minutes_by", "minutes_at",
    "created_at",
)  # fmt: skip


def meetings(size: Size) -> Meetings:
    """Four years of meetings and the next four months', with this minute's work waiting."""
    made = Meetings()
    for group in range(1, size.groups + 1):
        day = 1 + group * 7 % 27
        for year in range(2023, 2028):
            for month in range(1 + group % 3, 13, 3):
                starts = datetime(year, month, day, 12, 0, tzinfo=UTC)
                if starts < HORIZON:
                    made.add(group, starts)
    for group in range(1, DUE_REMINDERS + 1):
        made.add(group + 10, NOW + timedelta(days=7), due_reminder=True)
    for group in range(1, ENDED_NOW + 1):
        made.add(group + 13, NOW - LENGTH - timedelta(minutes=1), due_reminder=True)
    return made


def load_schedule(load: Loader, size: Size) -> None:
    """Meetings, RSVPs, plans and every claim of work done."""
    made = meetings(size)
    load.copy("meetings", MEETING_COLUMNS, iter(made.rows))
    load.copy("meeting_rsvps", ("meeting_id", "user_id", "party", "answer", "answered_at"), iter(made.rsvps))
    plans, plan_claims = _plans(size)
    columns = ("id", "group_id", "template", "year", "deadline", "status", "created_by", "created_at")
    load.copy("plans", columns, iter(plans))
    columns = ("plan_id", "key", "position", "assignee", "answers", "answered_by")
    load.copy("plan_sections", columns, _sections(size))
    claims = ((key, CREATED) for key in [*made.claims, *plan_claims])
    load.copy("job_claims", ("key", "claimed_at"), claims)
    load.copy("processed_events", ("event_id", "received_at"), _events(size))


def _plans(size: Size) -> tuple[list[tuple[object, ...]], list[str]]:
    """Next year's plan of every group, due in December; the reminders already due were sent (claimed)."""
    rows: list[tuple[object, ...]] = []
    claims: list[str] = []
    created = datetime(2026, 9, 1, tzinfo=UTC)
    for group in range(1, size.groups + 1):
        due_now = group <= DUE_PLANS
        deadline = TODAY + timedelta(days=7 if due_now else 4 + group % 27)
        rows.append((group, group, PLAN_TEMPLATE, 2027, deadline, "open", member_id(group - 1, 0), created))
        passed = [d for d in PLAN_REMINDERS if _remind(deadline, d) <= NOW]
        claims += [f"plan:{group}:reminder:{deadline.isoformat()}:{d}" for d in passed if not (due_now and d == 7)]
    return rows, claims


def _sections(size: Size) -> Iterator[tuple[object, ...]]:
    """Each plan's sections, as create_plan makes them: the first half written, the rest assigned to members."""
    template = find_template(PLAN_TEMPLATE)
    assert template is not None
    half = len(template.sections) // 2
    for plan in range(1, size.groups + 1):
        for position, section in enumerate(template.sections):
            written = position < half
            answers = '{"svar": "Klart."}' if written else None
            author = member_id(plan - 1, position % 4)
            yield plan, section.key, position, author, answers, author if written else None


def _remind(deadline: object, days: int) -> datetime:
    return datetime.combine(deadline - timedelta(days=days), time(9, 0), tzinfo=STOCKHOLM)  # type: ignore[operator]


def _events(size: Size) -> Iterator[tuple[object, ...]]:
    """The event ids of the last weeks' deliveries (a claim each, kept for retries)."""
    for n in range(size.groups * 200):
        yield f"Ev{n:012d}", NOW - timedelta(seconds=n * 3)
