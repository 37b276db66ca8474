"""A Heby group with a year of records: a plan, two meetings (minutes, answers), cases, an insats decided and
followed up, a published summary."""

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import update
from sqlalchemy.orm import Session

from bot.catalogue import Catalogue
from bot.services import Services
from handlers.archive.package import Package, export_package
from handlers.context import Actor
from handlers.insats.names import report_key
from handlers.parties import Party
from storage import cases as cases_repo
from storage import insatser as insatser_repo
from storage import meetings as meetings_repo
from storage.cases import NewCase
from storage.groups import find_group_by_channel
from storage.insats_models import GRANTED, MIDTERM
from storage.models import AuditEntry, Group
from tests.handlers.test_plan_helpers import ANNA, BERTIL, CECILIA, HEBY, answer, command, heby, the_plan
from tests.support.talk import TEAM

MINUTES = "Vi gick igenom ärendena & bestämde att bjuda in Försäkringskassan <i mars>."
FIRST_MEETING = datetime(2026, 3, 10, 12, 0, tzinfo=UTC)


def words() -> Catalogue:
    """The file words the command line uses: people as their Slack ids, user text as written."""
    return Catalogue.for_console("sv", lambda user_id: user_id).for_files()


def heby_year(services: Services) -> None:
    """Heby's 2026: the verksamhetsplan begun with its goals, two meetings, three cases, a summary in the channel."""
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2026")
    answer(services, BERTIL, the_plan(services, year=2026).id, "mal", {"mal": "Fungerande samverkan."})
    with services.db.unit_of_work() as session:
        group = find_group_by_channel(session, team_id=TEAM, channel_id=HEBY)
        assert group is not None
        for n, start in enumerate((FIRST_MEETING, FIRST_MEETING + timedelta(days=90))):
            meeting = meetings_repo.create_meeting(
                session,
                group=group,
                starts_at=start,
                ends_at=start + timedelta(hours=2),
                place="Kommunhuset, sal 3",
                convenor=ANNA,
                minute_taker=ANNA,
                now=start - timedelta(days=20),
            )
            meetings_repo.set_rsvp(
                session, meeting=meeting, user_id=BERTIL, party=Party.AF.value, answer="kommer", now=start
            )
            if n == 0:
                meetings_repo.save_minutes(session, meeting=meeting, text=MINUTES, user_id=ANNA, now=start)
        for day in (date(2026, 2, 3), date(2026, 5, 6), date(2025, 12, 30)):
            case = NewCase(raised_on=day, party=Party.AF.value, gender="kvinna", age_band="20-24")
            cases_repo.add_case(session, group_id=group.id, case=case, created_by=CECILIA, now=services.clock())
        _insats(session, group)
    command(services, ANNA, "sammanfattning i år")
    with services.db.unit_of_work() as session:  # the log stamps the wall clock; the year's entries are the test's
        session.execute(update(AuditEntry).values(at=services.clock()))


def _insats(session: Session, group: Group) -> None:
    """Lokussamordnare Heby: applied for in January, granted in February, its delrapport answered in July."""
    goal = insatser_repo.NewGoal("effekt", "Fyra genomförda lokusgruppsmöten under året", 4, "möten", "moten")
    application = insatser_repo.Application(
        "Lokussamordnare Heby", "struktur", Party.KOMMUN.value, date(2026, 1, 1), date(2026, 12, 31), 150_000, {},
        (goal,),
    )  # fmt: skip
    applied = datetime(2026, 1, 20, 9, tzinfo=UTC)
    insats = insatser_repo.create_insats(session, group=group, application=application, created_by=ANNA, now=applied)
    insatser_repo.submit(session, insats=insats, owner_user=ANNA, now=applied)
    decided = datetime(2026, 2, 12, 13, tzinfo=UTC)
    insatser_repo.decide(session, insats=insats, status=GRANTED, user_id="UFORBUND", now=decided, granted_kr=120_000)
    report = insatser_repo.add_report(session, insats=insats, kind=MIDTERM, due_on=date(2026, 7, 1))
    answers = {report_key(1, "status"): "delvis", report_key(1, "bra"): "Två möten hölls.", "nasta": "Två till."}
    insatser_repo.save_report(
        session, report=report, answers=answers, user_id=ANNA, now=datetime(2026, 7, 3, tzinfo=UTC)
    )


def export(services: Services, year: int = 2026) -> Package:
    """Heby's package of the year, made as the command line makes it."""

    def run(ctx):  # type: ignore[no-untyped-def]
        group = find_group_by_channel(ctx.session, team_id=TEAM, channel_id=HEBY)
        return export_package(ctx, group, year, words().render)

    return services.handle(Actor("", "cli"), run)


def write(package: Package, folder: Path) -> Path:
    """The package as a zip file in the folder."""
    path = folder / f"{package.objid}.zip"
    path.write_bytes(package.content)
    return path
