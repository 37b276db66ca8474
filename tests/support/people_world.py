"""A world where one person, Cecilia (FK), is in every place the registry knows, beside others who are too.

Heby (#heby, workspace T0LOKUS) has Anna (kommun, sammankallande), Bertil (AF), Cecilia (FK) and David (Region);
an approved verksamhetsplan 2028 signed by all four; a meeting Cecilia convenes, writes the minutes of and
answered; a case she registered with a note; a group she linked; the förbund role given to her and one she gave;
a conversation she has open; a pending erasure. Anna is in the same kinds of places, so a test can check that
Cecilia's export and erasure leave Anna's as they were. The other workspace (T0OTHER) has Cecilia too (one id
across an Enterprise Grid org), so erasure in one workspace can be checked to leave the other alone.
"""

from datetime import date, timedelta

from sqlalchemy import text

from bot.services import Services
from handlers import roles
from handlers.context import Ctx
from storage import cases as cases_repo
from storage import evaluation as evaluation_repo
from storage import groups as groups_repo
from storage import insatser as insatser_repo
from storage import meetings as meetings_repo
from storage import people as people_repo
from storage import plans as plans_repo
from storage import roles as roles_repo
from storage import summaries as summaries_repo
from storage.cases import NewCase
from storage.insats_models import GRANTED, MIDTERM
from storage.models import Group
from storage.plan_models import Plan
from tests.handlers.test_plan_helpers import (
    ANNA,
    BERTIL,
    CECILIA,
    DAVID,
    approve,
    command,
    dm,
    heby,
    the_plan,
    type_in,
    write_verksamhetsplan,
)
from tests.support.talk import TEAM, actor, run

OTHER_TEAM = "T0OTHER"
MINUTES = {
    CECILIA: "Vi gick igenom lots-ärendena. Jag tar kontakt med AME.",
    ANNA: "Vi gick igenom lots-ärendena. <@UCECILIA|cecilia> tar kontakt med AME. <@UANNA> kallar till nästa möte.",
}


def build(services: Services) -> int:
    """Make the world; the id of the plan."""
    heby(services)
    command(services, ANNA, "plan ny verksamhetsplan 2028")
    plan_id = the_plan(services).id
    write_verksamhetsplan(services, plan_id)
    run(services, actor(ANNA), lambda ctx: _assign(ctx, plan_id, "kon"))
    type_in(services, CECILIA, plan_id, "kon", ["ändra 1 till Ja. <@UCECILIA|cecilia> redovisar FK:s siffror."])
    for user, name, org in ((BERTIL, "Bertil Berg", "AF"), (CECILIA, "Cecilia Ek", "hoppa över")):
        approve(services, user, plan_id, name, org)
    approve(services, DAVID, plan_id, "David Lind", "LUL")
    approve(services, ANNA, plan_id, "Anna Ahl", "Heby kommun")
    command(services, CECILIA, "koppla Tierp", "CTIERP")
    run(services, actor(ANNA), lambda ctx: _rows(ctx, plan_id))
    run(services, actor(roles.OPERATOR), lambda ctx: [roles.operator_grant(ctx, CECILIA)])  # audited about her
    dm(services, CECILIA, "nytt ärende")  # an open conversation
    dm(services, ANNA, "nytt ärende")
    return plan_id


def _assign(ctx: Ctx, plan_id: int, key: str) -> list[object]:
    plan = ctx.session.get(Plan, plan_id)
    assert plan is not None
    section = next(s for s in plan.sections if s.key == key)
    plans_repo.assign_section(ctx.session, section=section, user_id=CECILIA, now=ctx.now)
    return []


def _rows(ctx: Ctx, plan_id: int) -> list[object]:
    session, now = ctx.session, ctx.now
    group = groups_repo.find_group_by_channel(session, team_id=TEAM, channel_id="CHEBY")
    assert group is not None
    for user, party in ((CECILIA, "fk"), (ANNA, "kommun")):
        meeting = meetings_repo.create_meeting(
            session,
            group=group,
            starts_at=now + timedelta(days=7),
            ends_at=now + timedelta(days=7, hours=2),
            place="Kommunhuset",
            convenor=user,
            minute_taker=user,
            now=now,
        )
        meetings_repo.save_minutes(session, meeting=meeting, text=MINUTES[user], user_id=user, now=now)
        meetings_repo.set_rsvp(session, meeting=meeting, user_id=user, party=party, answer="yes", now=now)
        meetings_repo.add_agenda_item(session, group=group, meeting=meeting, text="Budget", user_id=user, now=now)
        new = NewCase(raised_on=date(2026, 11, 2), party="fk", gender="kvinna", age_band="30-39", note="Ring AF")
        case = cases_repo.add_case(session, group_id=group.id, case=new, created_by=user, now=now)
        cases_repo.add_note(session, case=case, user_id=user, text="Möte bokat", now=now)
    workspace = groups_repo.get_or_create_workspace(session, team_id=TEAM)
    roles_repo.grant_forbund(session, workspace=workspace, user_id=BERTIL, granted_by=CECILIA, now=now)
    people_repo.note_pending(session, team_id=TEAM, user_id=CECILIA, due_at=now, now=now)
    tierp = group_named(ctx, "Tierp")
    plans_repo.create_plan(
        session,
        group=tierp,
        template="loksam",
        year=2028,
        deadline=None,
        section_keys=["deltagare"],
        created_by=CECILIA,
        now=now,
    )
    for user in (CECILIA, ANNA):
        _insats_and_survey(ctx, group, user)
    _other_workspace(ctx)
    installed = {"team": TEAM, "user": CECILIA, "at": now.replace(tzinfo=None)}
    session.execute(
        text(
            "INSERT INTO slack_installations (client_id, app_id, team_id, user_id, is_enterprise_install, installed_at)"
            " VALUES ('1.2', 'A0LOKUS', :team, :user, false, :at)"
        ),
        installed,
    )
    return []


def _insats_and_survey(ctx: Ctx, group: Group, user: str) -> None:
    """An insats the user wrote, owns, approved, decided and reported on; a summary they posted; an evaluation
    they started and were asked in."""
    session, now = ctx.session, ctx.now
    goal = insatser_repo.NewGoal("effekt", f"Möten med <@{user}>", 4, "möten", "moten")
    application = insatser_repo.Application(
        "Lokussamordnare", "struktur", "fk", date(2028, 1, 1), date(2028, 12, 31), 100_000, {"note": f"<@{user}>"},
        (goal,),
    )  # fmt: skip
    insats = insatser_repo.create_insats(session, group=group, application=application, created_by=user, now=now)
    name = f"Namn {user}"
    insatser_repo.record_approval(
        session, insats=insats, party="fk", user_id=user, name=name, organisation="FK", now=now
    )
    insatser_repo.submit(session, insats=insats, owner_user=user, now=now)
    insatser_repo.decide(session, insats=insats, status=GRANTED, user_id=user, now=now, granted_kr=90_000)
    report = insatser_repo.add_report(session, insats=insats, kind=MIDTERM, due_on=date(2028, 7, 1))
    insatser_repo.save_report(session, report=report, answers={"nasta": f"<@{user}> bokar"}, user_id=user, now=now)
    summaries_repo.record_published(
        session, group=group, channel_id="CHEBY", period=(date(2026, 1, 1), date(2026, 11, 30)), threshold=3,
        trigger="command", requested_by=user, content={"parts": []}, now=now,
    )  # fmt: skip
    evaluation_repo.create_survey(
        session, group=group, survey_key="lokus", questions=[], opens_on=date(2028 if user == CECILIA else 2029, 1, 1),
        closes_on=date(2029, 1, 15), started_by=user, user_ids=[user],
    )  # fmt: skip


def _other_workspace(ctx: Ctx) -> None:
    workspace = groups_repo.get_or_create_workspace(ctx.session, team_id=OTHER_TEAM)
    group = groups_repo.create_group(ctx.session, workspace=workspace, name="Sandviken", channel_id="CSAND")
    groups_repo.upsert_member(ctx.session, group=group, user_id=CECILIA, party="fk", roles=["ledamot"])


def group_named(ctx: Ctx, name: str, team: str = TEAM) -> Group:
    """A group of the world by name."""
    workspace = groups_repo.find_workspace(ctx.session, team_id=team)
    assert workspace is not None
    found = groups_repo.find_group_by_name(ctx.session, workspace=workspace, name=name)
    assert found is not None
    return found
