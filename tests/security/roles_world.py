"""The world the role matrix runs in (no tests here): two groups in one workspace and one in another, each
with members in every role, cases, an upcoming and a held meeting, an agenda item and a plan begun, every
piece of it carrying a marker word, so that a test can see whose data a Web API call or a file holds.

    T0LOKUS  Östervåla (COSTERVALA)  ULED ledamot · USAM samordnare · USMK sammankallande · UOSTERVALASPARE
             Skutskär (CSKUTSKAR)    USKUTSKARSAM samordnare · USKUTSKARSPARE ledamot
             UFORB förbund · UADM Slack admin · UNONE nobody
    T0OTHER  Sandviken (CSANDVIKEN)  U2LED · U2SAM · U2SMK · USANDVIKENSPARE, and U2FORB · U2ADM · U2NONE likewise

(The names are not Heby or Tierp, which the bot's own help texts use as examples.)
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy.orm import Session

from handlers.plans.template_loader import find_template
from storage import cases as cases_repo
from storage import meetings as meetings_repo
from storage import plans as plans_repo
from storage import roles as roles_repo
from storage.groups import get_or_create_workspace, upsert_member
from storage.meeting_models import HELD, Meeting
from storage.models import Group
from tests.bot.conftest import Bot
from tests.security.harness import OTHER_TEAM
from tests.support.case_factory import CaseSpec, insert_cases, make_group

TEAM = "T0LOKUS"
ROLES = ("none", "ledamot", "samordnare", "sammankallande", "förbund", "admin")
GROUP_ROLES = ("ledamot", "samordnare", "sammankallande")
MANAGING = ("samordnare", "sammankallande")
SCOPES = ("own", "other", "otherws")
USER = {
    "none": "NONE",
    "ledamot": "LED",
    "samordnare": "SAM",
    "sammankallande": "SMK",
    "förbund": "FORB",
    "admin": "ADM",
}
MEETING_AT = datetime(2026, 12, 1, 12, tzinfo=UTC)
HELD_AT = datetime(2026, 11, 10, 12, tzinfo=UTC)
NOW = datetime(2026, 11, 23, 9, tzinfo=UTC)
PLAN_YEAR = 2027


def user_of(role: str, team: str) -> str:
    """The user who has the role in the workspace: "ULED" in T0LOKUS, "U2LED" in T0OTHER."""
    return ("U2" if team == OTHER_TEAM else "U") + USER[role]


@dataclass(frozen=True)
class Place:
    """One group: where it is, the ids a request may name, and the markers of its data."""

    team: str
    name: str
    channel: str
    tag: str
    group_id: int
    case_id: int
    closed_case_id: int
    meeting_id: int
    held_meeting_id: int
    plan_id: int
    samordnare: str
    spare: str

    def marker(self, kind: str) -> str:
        """The word in one kind of the group's data: case, meeting, held, plan, item."""
        words = {"case": "ENHET", "meeting": "RUMMET", "held": "SALEN", "plan": "MÅLET", "item": "PUNKTEN"}
        return self.tag + words[kind]

    @property
    def markers(self) -> tuple[str, ...]:
        """Every marker of the group's data, and its members who hold no role the matrix plays."""
        return (*(self.marker(k) for k in ("case", "meeting", "held", "plan", "item")), self.spare)


@dataclass(frozen=True)
class World:
    """Östervåla (own) and Skutskär (other) in T0LOKUS, Sandviken (remote) in T0OTHER."""

    own: Place
    other: Place
    remote: Place

    @property
    def first_workspace(self) -> tuple[str, ...]:
        """What of T0LOKUS a request from T0OTHER must never be shown: data, names, its förbund."""
        return (*self.own.markers, *self.other.markers, "Östervåla", "Skutskär", user_of("förbund", TEAM))


def build_world(bot: Bot) -> World:
    """Write the world straight into the database and tell the fake Slack who the admins are."""
    bot.fake.add_user(user_of("admin", TEAM), is_admin=True)
    bot.fake.add_user(user_of("admin", OTHER_TEAM), is_owner=True, team_id=OTHER_TEAM)
    with bot.services.db.unit_of_work() as session:
        own = _place(session, TEAM, "Östervåla", "COSTERVALA", "OSTERVALA", _roles_of(TEAM))
        other = _place(session, TEAM, "Skutskär", "CSKUTSKAR", "SKUTSKAR", {"USKUTSKARSAM": ("kommun", "samordnare")})
        remote = _place(session, OTHER_TEAM, "Sandviken", "CSANDVIKEN", "SANDVIKEN", _roles_of(OTHER_TEAM))
        for team in (TEAM, OTHER_TEAM):
            workspace = get_or_create_workspace(session, team_id=team)
            roles_repo.grant_forbund(
                session, workspace=workspace, user_id=user_of("förbund", team), granted_by="cli", now=NOW
            )
    return World(own, other, remote)


def _roles_of(team: str) -> dict[str, tuple[str, str]]:
    parties = {"ledamot": "af", "samordnare": "kommun", "sammankallande": "fk"}
    return {user_of(role, team): (party, role) for role, party in parties.items()}


def _place(session: Session, team: str, name: str, channel: str, tag: str, roles: dict[str, tuple[str, str]]) -> Place:
    group = make_group(session, name=name, channel=channel, team=team)
    spare = f"U{tag}SPARE"
    for user, (party, role) in {**roles, spare: ("region", "ledamot")}.items():
        upsert_member(session, group=group, user_id=user, party=party, roles=[role])
    samordnare = next(user for user, (_, role) in roles.items() if role == "samordnare")
    closed = CaseSpec(unit=f"{tag}ENHET", raised_on=date(2026, 11, 2)).closed("arbete", date(2026, 11, 12))
    insert_cases(session, group=group, specs=[CaseSpec(unit=f"{tag}ENHET", raised_on=date(2026, 11, 2)), closed])
    case, closed_case = cases_repo.cases_of_group(session, group_id=group.id)
    meeting = _meeting(session, group, MEETING_AT, f"{tag}RUMMET", samordnare)
    meetings_repo.add_agenda_item(session, group=group, meeting=meeting, text=f"{tag}PUNKTEN", user_id=spare, now=NOW)
    held = _meeting(session, group, HELD_AT, f"{tag}SALEN", samordnare)
    meetings_repo.set_status(session, meeting=held, status=HELD)
    plan = _plan(session, group, samordnare, f"{tag}MÅLET")
    return Place(
        team, name, channel, tag, group.id, case.id, closed_case.id, meeting.id, held.id, plan, samordnare, spare
    )


def _meeting(session: Session, group: Group, start: datetime, place: str, samordnare: str) -> Meeting:
    end = start.replace(hour=start.hour + 2)
    return meetings_repo.create_meeting(
        session,
        group=group,
        starts_at=start,
        ends_at=end,
        place=place,
        convenor=samordnare,
        minute_taker=samordnare,
        now=HELD_AT.replace(day=1),
    )


def _plan(session: Session, group: Group, samordnare: str, answer: str) -> int:
    template = find_template("verksamhetsplan")
    assert template is not None and template.deadline is not None
    plan = plans_repo.create_plan(
        session,
        group=group,
        template=template.key,
        year=PLAN_YEAR,
        deadline=template.deadline.for_year(PLAN_YEAR),
        section_keys=[s.key for s in template.sections],
        created_by=samordnare,
        now=NOW,
    )
    section = next(s for s in plan.sections if s.key == "mal")
    plans_repo.save_answers(session, section=section, answers={"mal": answer}, user_id=samordnare, now=NOW)
    return plan.id
