"""Every `/lokus` command, DM phrase, button and form of the bot as a row of the role matrix (no tests here)."""

import json
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import delete, select

from bot.slack.metadata import MetadataSeal, SealedMetadata
from bot.slack.verification import derived_key
from handlers.context import Actor
from handlers.replies import Form
from storage import roles as roles_repo
from storage.case_models import Case
from storage.groups import find_member, get_or_create_workspace, upsert_member
from storage.meeting_models import HELD, SCHEDULED, Meeting
from storage.models import Group
from storage.plan_models import Plan, PlanSection
from tests.bot.conftest import SIGNING_SECRET
from tests.security.matrix import (
    Cell,
    Row,
    answered,
    both,
    changes,
    everyone,
    first_team,
    forbund,
    group_member,
    holds_forbund,
    in_db,
    in_workspace,
    manager,
    member,
    no_conversations,
    nobody,
    only_own,
    opens_form,
    own_members_anywhere,
    prepare_all,
    says,
    shows,
    the_team,
    trusted,
)
from tests.security.matrix_insats import INSATSER
from tests.security.matrix_records import RECORDS
from tests.security.matrix_rows_surfaces import SURFACES
from tests.security.roles_world import HELD_AT, MEETING_AT, PLAN_YEAR
from tests.support.signing import Response

Text = str | Callable[[Cell], str]


def _text(text: Text, cell: Cell) -> str:
    return text(cell) if callable(text) else text


def slash(text: Text, channel: Callable[[Cell], str] | None = None) -> Callable[[Cell], Response]:
    """`/lokus <text>` in the cell's channel (or another one)."""
    return lambda cell: cell.sim.slash_command(cell.user, channel(cell) if channel else cell.channel, _text(text, cell))


def dm(text: Text) -> Callable[[Cell], Response]:
    """A direct message to the bot."""
    return lambda cell: cell.sim.dm_message(cell.user, _text(text, cell))


def button(action: str, value: Text, **extra: Any) -> Callable[[Cell], Response]:
    """A button pressed on a message in the cell's channel."""
    return lambda cell: cell.sim.block_action(cell.user, cell.channel, action, _text(value, cell), **extra)


def picker(action: str, block: Text) -> Callable[[Cell], Response]:
    """A person picked in a plan's menu (the target group's samordnare)."""
    return lambda cell: cell.sim.block_action(
        cell.user,
        cell.channel,
        action,
        cell.target.samordnare,
        block_id=_text(block, cell),
        action_type="users_select",
    )


def letters(n: int) -> str:
    """A fresh word for the cell, without digits: "Ab", "Ac" …"""
    return "A" + "abcdefghijklmnopqrstuvwxyz"[n % 26] + "bcdefghijk"[n // 26]


# ----- set-up steps


def _meeting_back(session: Any, cell: Cell) -> None:
    meeting = session.get(Meeting, cell.target.meeting_id)
    meeting.status, meeting.starts_at, meeting.ends_at = SCHEDULED, MEETING_AT, MEETING_AT.replace(hour=14)


def _minutes_to_write(session: Any, cell: Cell) -> None:
    held = session.get(Meeting, cell.target.held_meeting_id)
    held.status, held.minutes, held.minutes_by, held.starts_at = HELD, None, None, HELD_AT


def _case(status: str) -> Callable[[Any, Cell], None]:
    def change(session: Any, cell: Cell) -> None:
        for case in session.scalars(select(Case).where(Case.group_id == cell.target.group_id)):
            closed = status == "closed" and case.id == cell.target.closed_case_id
            case.status, case.outcome = ("closed", "arbete") if closed else ("open", None)
            case.closed_on = case.closed_on if closed else None

    return change


def _spare_back(session: Any, cell: Cell) -> None:
    group = session.get(Group, cell.target.group_id)
    upsert_member(session, group=group, user_id=cell.target.spare, party="region", roles=["ledamot"])


def _compared_a_year_back(session: Any, cell: Cell) -> None:
    group = session.get(Group, cell.target.group_id)
    group.settings = {k: v for k, v in (group.settings or {}).items() if k != "summary_compared_with"}


def _channel_back(session: Any, cell: Cell) -> None:
    session.get(Group, cell.target.group_id).channel_id = cell.target.channel


def _unassigned(*keys: str) -> Callable[[Any, Cell], None]:
    def change(session: Any, cell: Cell) -> None:
        for place in (cell.world.own, cell.world.other, cell.world.remote):
            stmt = select(PlanSection).where(PlanSection.plan_id == place.plan_id, PlanSection.key.in_(keys))
            for section in session.scalars(stmt):
                section.assignee = None

    return change


def _no_loksam(session: Any, cell: Cell) -> None:
    session.execute(delete(Plan).where(Plan.template == "loksam"))


def _someone_to_revoke(session: Any, cell: Cell) -> None:
    for team in ("T0LOKUS", "T0OTHER"):
        workspace = get_or_create_workspace(session, team_id=team)
        roles_repo.grant_forbund(session, workspace=workspace, user_id="UREVOKE", granted_by="cli", now=MEETING_AT)


FORMS: dict[int, dict[str, Any]] = {}


def _open_case_form(cell: Cell) -> None:
    """The case form as someone who may open it for the target group opened it (the cell submits it)."""
    opener = cell.user if member(cell.role, cell.scope) else cell.target.samordnare
    sim = cell.sim if member(cell.role, cell.scope) else cell.bot.sim
    before = len(cell.bot.fake.calls("views.open"))
    cell.settled.after(lambda: sim.slash_command(opener, cell.target.channel, "ärende form"))
    FORMS[id(cell.bot)] = cell.bot.fake.calls("views.open")[before].args["view"]


def _form_state(view: dict[str, Any], values: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """What Slack sends back for the filled-in modal (a long list of choices is a multi-select menu)."""
    state: dict[str, dict[str, Any]] = {}
    for block in view["blocks"]:
        element, value = block["element"], values.get(block["block_id"])
        kind = element["type"]
        if kind == "datepicker":
            entry = {"type": kind, "selected_date": value}
        elif kind in ("radio_buttons", "static_select"):
            entry = {"type": kind, "selected_option": {"value": value} if value else None}
        elif kind in ("checkboxes", "multi_static_select"):
            entry = {"type": kind, "selected_options": [{"value": v} for v in value or []]}
        else:
            entry = {"type": kind, "value": value}
        state[block["block_id"]] = {element["action_id"]: entry}
    return state


def _submit_case_form(cell: Cell) -> Response:
    view = FORMS[id(cell.bot)]
    filled = {
        "raised_on": "2026-11-20",
        "party": "fk",
        "gender": "man",
        "age_band": "30-39",
        "target_groups": ["sjukskrivna"],
        "failures": ["ansvarsfordelning"],
        "referred_tr": "nej",
    }
    state = _form_state(view, filled)
    return cell.sim.view_submission(cell.user, view["callback_id"], state, _sealed_for(cell, view))


def _sealed_for(cell: Cell, view: dict[str, Any]) -> str:
    """The form's metadata sealed for the person submitting it, as if the form had been opened for them.

    The bot refuses metadata sealed for someone else before any handler runs; sealing it anew for the cell's person
    tests the rule behind the seal: the handler still refuses a group the person may not register cases for.
    """
    data = SealedMetadata.model_validate_json(view["private_metadata"]).m.data
    form = Form(view["callback_id"], "", "", (), json.dumps(data))
    return MetadataSeal(derived_key(SIGNING_SECRET, "private_metadata")).close(form, Actor(cell.sim.team_id, cell.user))


def _member_is(party: str, roles: str) -> Callable[[Cell, Any], bool]:
    def check(cell: Cell, outcome: Any) -> bool:
        with cell.bot.services.db.unit_of_work() as session:
            found = find_member(session, group=session.get(Group, cell.target.group_id), user_id=cell.target.spare)
            return found is not None and (found.party, found.roles) == (party, roles)

    return check


def _moved_away(cell: Cell, outcome: Any) -> bool:
    with cell.bot.services.db.unit_of_work() as session:
        return session.get(Group, cell.target.group_id).channel_id == f"CFLYTT{cell.n}"


def _move_value(cell: Cell) -> str:
    start = MEETING_AT.replace(day=3).isoformat()
    return json.dumps({"meeting": cell.target.meeting_id, "start": start, "length": 120, "has_time": True})


def _revoked(cell: Cell, outcome: Any) -> bool:
    gone = holds_forbund(lambda c: "UREVOKE", the_team, held=False)(cell, outcome)
    kept = cell.team == "T0LOKUS" or holds_forbund(lambda c: "UREVOKE", first_team)(cell, outcome)
    return gone and kept


def _title(cell: Cell) -> str:
    return f"Lots-ärenden – {cell.target.name}"


# ----- the rows

PLATFORM = [
    Row("command:hjälp", "hjälp", slash("hjälp"), everyone, says("lokusbot – hjälp")),
    Row("command:grupp", "grupp", slash("grupp"), in_workspace, lambda c, o: c.target.spare in o.text),
    Row(
        "command:medlem",
        "medlem lägg till",
        slash(lambda c: f"medlem <@UNY{c.n}|ny> AF"),
        manager,
        both(changes("members", "audit_log"), says("är medlem i")),
    ),
    Row(
        "command:medlem",
        "medlem ändra roller",
        slash(lambda c: f"medlem <@{c.target.spare}|s> FK sammankallande"),
        manager,
        _member_is("fk", "sammankallande"),
        in_db(_spare_back),
    ),
    Row(
        "command:medlem",
        "medlem bort",
        slash(lambda c: f"medlem bort <@{c.target.spare}|s>"),
        manager,
        changes("members"),
        in_db(_spare_back),
    ),
    Row(
        "command:medlem",
        "medlem ge förbund",
        slash(lambda c: f"medlem <@UNY{c.n}|ny> kommun förbund"),
        nobody,
        answered,
    ),
    Row(
        "command:koppla",
        "koppla flytta hit",
        slash(lambda c: f"koppla {c.target.name}", lambda c: c.channel if c.scope == "otherws" else f"CFLYTT{c.n}"),
        manager,
        _moved_away,
        in_db(_channel_back),
    ),
    Row(
        "command:koppla",
        "koppla ny grupp",
        slash(lambda c: f"koppla Ny {letters(c.n)}", lambda c: f"CNY{c.n}" if c.scope == "own" else c.channel),
        only_own,
        changes("groups"),
    ),
    Row("action:conv.cancel", "samtalsknapp utan samtal", button("conv.cancel", "|"), everyone, answered),
]

ROLE_ROWS = [
    Row("command:förbund", "förbund (lista)", slash("förbund"), everyone, says("Förbundsrollen i den här arbetsytan")),
    Row(
        "command:förbund",
        "förbund ge",
        slash(lambda c: f"förbund <@UNYF{c.n}|ny>"),
        trusted,
        both(holds_forbund(lambda c: f"UNYF{c.n}", the_team), changes("forbund_roles", "audit_log")),
    ),
    Row(
        "command:förbund",
        "förbund bort",
        slash("förbund bort <@UREVOKE|r>"),
        trusted,
        _revoked,
        in_db(_someone_to_revoke),
    ),
]

CASES = [
    Row("command:ärende", "ärende", slash("ärende"), member, changes("conversations"), no_conversations),
    Row("command:ärende", "ärende form", slash("ärende form"), member, opens_form),
    Row("command:ärenden", "ärenden", slash("ärenden"), member, shows("case")),
    Row("command:ärenden", "ärenden stängda", slash("ärenden stängda"), member, shows("case")),
    Row("command:ärenden", "ärenden export", slash("ärenden export csv"), member, shows("case")),
    Row(
        "command:målgrupper", "målgrupper", slash("målgrupper"), member, says(lambda c: f"Målgrupper i {c.target.name}")
    ),
    Row(
        "command:målgrupper",
        "målgrupper lägg till",
        slash(lambda c: f"målgrupper lägg till Grupp {letters(c.n)}"),
        manager,
        changes("groups"),
    ),
    Row(
        "action:case.new",
        "knapp nytt ärende",
        button("case.new", lambda c: str(c.target.group_id)),
        member,
        changes("conversations"),
        no_conversations,
    ),
    Row(
        "action:case.form", "knapp formulär", button("case.form", lambda c: str(c.target.group_id)), member, opens_form
    ),
    Row("action:case.list", "knapp lista", button("case.list", ""), member, shows("case")),
    Row("action:case.more", "knapp visa fler", button("case.more", "open|0"), member, shows("case")),
    Row(
        "action:case.status",
        "knapp pågår",
        button("case.status", lambda c: f"{c.target.case_id}|in_progress"),
        member,
        changes("cases"),
        in_db(_case("open")),
    ),
    Row(
        "action:case.note",
        "knapp anteckning",
        button("case.note", lambda c: str(c.target.case_id)),
        member,
        changes("conversations"),
        no_conversations,
    ),
    Row(
        "action:case.close",
        "knapp stäng",
        button("case.close", lambda c: str(c.target.case_id)),
        member,
        says("Vilket blev utfallet"),
        in_db(_case("open")),
    ),
    Row(
        "action:case.outcome",
        "knapp utfall",
        button("case.outcome", lambda c: f"{c.target.case_id}|arbete"),
        member,
        changes("cases"),
        in_db(_case("open")),
    ),
    Row(
        "action:case.reopen",
        "knapp öppna igen",
        button("case.reopen", lambda c: str(c.target.closed_case_id)),
        member,
        changes("cases"),
        in_db(_case("closed")),
    ),
    Row("action:case.export", "knapp export", button("case.export", "csv"), member, shows("case")),
    Row("view:form.case", "formuläret skickat", _submit_case_form, member, changes("cases"), _open_case_form),
]

MEETINGS = [
    Row(
        "command:möte",
        "möte kalla",
        slash("möte tisdag 8 december kl 13"),
        manager,
        changes("conversations"),
        no_conversations,
    ),
    Row(
        "command:möte",
        "möte punkt",
        slash(lambda c: f"möte punkt Punkt {letters(c.n)}"),
        member,
        changes("meeting_agenda_items"),
        in_db(_meeting_back),
    ),
    Row(
        "command:möte",
        "möte flytta",
        slash("möte flytta 2 december kl 13"),
        manager,
        changes("meetings"),
        in_db(_meeting_back),
    ),
    Row(
        "command:möte",
        "möte ställ in",
        slash("möte ställ in"),
        manager,
        says("Vill du ställa in mötet"),
        in_db(_meeting_back),
    ),
    Row(
        "command:möte",
        "möte anteckningar",
        slash("möte anteckningar"),
        manager,
        changes("conversations"),
        prepare_all(no_conversations, in_db(_minutes_to_write)),
    ),
    Row("command:möte", "möte påminnelser", slash(lambda c: f"möte påminnelser {c.n + 1}"), manager, changes("groups")),
    Row("command:möte", "möte mål", slash(lambda c: f"möte mål {c.n + 1}"), manager, changes("groups")),
    Row("command:möten", "möten", slash("möten"), member, says(lambda c: f"LOKUS {c.target.name}")),
    Row(
        "action:meeting.rsvp_yes",
        "knapp kommer",
        button("meeting.rsvp_yes", lambda c: str(c.target.meeting_id)),
        group_member,
        changes("meeting_rsvps"),
        in_db(_meeting_back),
    ),
    Row(
        "action:meeting.rsvp_no",
        "knapp kommer inte",
        button("meeting.rsvp_no", lambda c: str(c.target.meeting_id)),
        group_member,
        changes("meeting_rsvps"),
        in_db(_meeting_back),
    ),
    Row(
        "action:meeting.rsvp_deputy",
        "knapp ersättare",
        button("meeting.rsvp_deputy", lambda c: str(c.target.meeting_id)),
        group_member,
        changes("meeting_rsvps"),
        in_db(_meeting_back),
    ),
    Row(
        "action:meeting.move_pick",
        "knapp ny tid",
        button("meeting.move_pick", _move_value),
        manager,
        changes("meetings"),
        in_db(_meeting_back),
    ),
    Row(
        "action:meeting.cancel_confirm",
        "knapp ställ in",
        button("meeting.cancel_confirm", lambda c: str(c.target.meeting_id)),
        manager,
        changes("meetings"),
        in_db(_meeting_back),
    ),
    Row(
        "action:meeting.cancel_keep",
        "knapp står kvar",
        button("meeting.cancel_keep", lambda c: str(c.target.meeting_id)),
        everyone,
        says("mötet står kvar"),
    ),
    Row(
        "action:meeting.minutes_start",
        "knapp skriv anteckningar",
        button("meeting.minutes_start", lambda c: str(c.target.held_meeting_id)),
        manager,
        changes("conversations"),
        prepare_all(no_conversations, in_db(_minutes_to_write)),
    ),
]

SUMMARIES = [
    Row("command:sammanfattning", "sammanfattning", slash("sammanfattning"), member, says(_title)),
    Row("command:sammanfattning", "sammanfattning enheter", slash("sammanfattning enheter"), member, says(_title)),
    Row(
        "command:sammanfattning",
        "sammanfattning inställningar",
        slash("sammanfattning inställningar"),
        member,
        says(lambda c: f"Sammanfattningar i {c.target.name}"),
    ),
    Row(
        "command:sammanfattning",
        "sammanfattning gräns",
        slash(lambda c: f"sammanfattning gräns {c.n + 3}"),
        manager,
        changes("groups"),
    ),
    Row(
        "command:sammanfattning",
        "sammanfattning dagar",
        slash(lambda c: f"sammanfattning dagar {c.n + 1}"),
        manager,
        changes("groups"),
    ),
    Row(
        "command:sammanfattning",
        "sammanfattning jämför",
        slash("sammanfattning jämför period"),
        manager,
        changes("groups"),
        prepare=in_db(_compared_a_year_back),
    ),
    Row(
        "command:sammanfattning",
        "sammanfattning alla",
        slash("sammanfattning alla"),
        forbund,
        says("Lots-ärenden – alla grupper"),
    ),
    Row(
        "dm:summary",
        "DM sammanfattning <grupp>",
        dm(lambda c: f"sammanfattning {c.target.name}"),
        member,
        says(_title),
        names_are_data=False,
        also_kind=("Jag förstod inte vilken period",),  # the other workspace has no group of that name
    ),
    Row(
        "dm:summary",
        "DM sammanfattning alla",
        dm("sammanfattning alla"),
        forbund,
        says("Lots-ärenden – alla grupper"),
    ),
]

PLANS = [
    Row(
        "command:plan", "plan", slash("plan"), member, says(lambda c: f"Verksamhetsplan {PLAN_YEAR} – {c.target.name}")
    ),
    Row("command:plan", "plan visa", slash("plan visa"), member, shows("plan")),
    Row("command:plan", "plan visa mål", slash("plan visa mål"), member, shows("plan")),
    Row("command:plan", "plan historik", slash("plan historik mål"), member, says("Historik: Mål")),
    Row("command:plan", "plan dokument", slash("plan dokument"), member, shows("plan")),
    Row("command:plan", "plan ny", slash(f"plan ny loksam {PLAN_YEAR}"), manager, changes("plans"), in_db(_no_loksam)),
    Row(
        "command:plan",
        "plan tilldela",
        slash(lambda c: f"plan tilldela 2 <@{c.target.samordnare}|s>"),
        manager,
        changes("plan_sections"),
        in_db(_unassigned("malgrupper")),
    ),
    Row(
        "command:plan",
        "plan svara",
        slash("plan svara mål"),
        member,
        changes("conversations"),
        prepare_all(no_conversations, in_db(_unassigned("mal"))),
    ),
    Row("command:plan", "plan påminn", slash("plan påminn"), manager, says("Påminnelse skickad")),
    Row("command:plan", "plan godkänn", slash("plan godkänn"), group_member, says("Planen kan inte godkännas än")),
    Row("command:plan", "plan mallar", slash("plan mallar"), everyone, says("Planmallar")),
    Row(
        "action:plan.show",
        "knapp läs planen",
        button("plan.show", lambda c: str(c.target.plan_id)),
        member,
        shows("plan"),
    ),
    Row(
        "action:plan.document",
        "knapp dokument",
        button("plan.document", lambda c: str(c.target.plan_id)),
        member,
        shows("plan"),
    ),
    Row(
        "action:plan.remind",
        "knapp påminn",
        button("plan.remind", lambda c: str(c.target.plan_id)),
        manager,
        says("Påminnelse skickad"),
    ),
    Row(
        "action:plan.approve",
        "knapp godkänn",
        button("plan.approve", lambda c: str(c.target.plan_id)),
        group_member,
        says("Planen kan inte godkännas än"),
    ),
    Row(
        "action:plan.write",
        "knapp skriv",
        button("plan.write", lambda c: f"{c.target.plan_id}:mal"),
        member,
        changes("conversations"),
        prepare_all(no_conversations, in_db(_unassigned("mal"))),
    ),
    Row(
        "action:plan.assign",
        "personväljare",
        picker("plan.assign", lambda c: f"pick|{c.target.plan_id}:kon"),
        manager,
        changes("plan_sections"),
        in_db(_unassigned("kon")),
    ),
]


def _manages_anywhere(role: str, scope: str) -> bool:
    """From a DM: a manager of some group of the workspace, or its förbund."""
    return role in ("samordnare", "sammankallande", "förbund")


def _member_anywhere(role: str, scope: str) -> bool:
    """From a DM: a member of some group (the förbund role is no membership, so it approves nothing)."""
    return role in ("ledamot", "samordnare", "sammankallande")


DMS = [
    Row(
        "dm:case.new",
        "DM nytt ärende",
        dm("nytt ärende"),
        own_members_anywhere,
        changes("conversations"),
        no_conversations,
    ),
    Row("dm:case.form", "DM ärendeformulär", dm("ärende formulär"), own_members_anywhere, answered, no_conversations),
    Row(
        "dm:case.list",
        "DM mina ärenden",
        dm("mina ärenden"),
        own_members_anywhere,
        shows("case", lambda c: c.home_place),
    ),
    Row("dm:case.closed", "DM stängda ärenden", dm("stängda ärenden"), own_members_anywhere, answered),
    Row("dm:case.export", "DM exportera ärenden", dm("exportera ärenden"), own_members_anywhere, answered),
    Row("dm:meeting.book", "DM boka möte", dm("boka möte"), _manages_anywhere, answered, no_conversations),
    Row("dm:meeting.next", "DM nästa möte", dm("när är nästa möte"), own_members_anywhere, answered),
    Row("dm:meeting.list", "DM årets möten", dm("årets möten"), own_members_anywhere, answered),
    Row(
        "dm:meeting.item",
        "DM ny punkt på dagordningen",
        dm("ny punkt på dagordningen"),
        own_members_anywhere,
        answered,
        no_conversations,
    ),
    Row(
        "dm:meeting.minutes",
        "DM minnesanteckningar",
        dm("minnesanteckningar"),
        _manages_anywhere,
        answered,
        no_conversations,
    ),
    Row("dm:plan.mine", "DM mina avsnitt", dm("mina avsnitt"), everyone, answered),
    Row("dm:plan.status", "DM planen", dm("status för planen"), own_members_anywhere, answered),
    Row(
        "dm:plan.approve",
        "DM godkänn planen",
        dm("godkänn planen"),
        _member_anywhere,
        answered,
        no_conversations,
        also_kind=("Vilken grupp gäller det?",),  # the förbund may see every group; it is refused once it picks
    ),
    Row("dm:insats.new", "DM ny insats", dm("ny insats"), _manages_anywhere, answered, no_conversations),
    Row("dm:insats.list", "DM vilka insatser har vi", dm("vilka insatser har vi?"), own_members_anywhere, answered),
    Row(
        "dm:evaluation.status",
        "DM utvärderingen",
        dm("hur många har svarat på utvärderingen"),
        own_members_anywhere,
        answered,
    ),
    Row(
        "dm:evaluation.results",
        "DM utvärderingens resultat",
        dm("utvärderingens resultat"),
        own_members_anywhere,
        answered,
    ),
    Row("dm:group.overview", "DM gruppens medlemmar", dm("gruppens medlemmar"), own_members_anywhere, answered),
    Row("dm:help", "DM hjälp", dm("hjälp"), everyone, says("Det här kan du skriva till mig"), no_conversations),
]


def workflow_step(callback_id: str, **inputs: Any) -> Callable[[Cell], Response]:
    """A workflow runs the step for the cell's person in the cell's channel (a function_executed event), and
    waits until the step has ended (the bot delivers what it posts first, then ends the step)."""

    def send(cell: Cell) -> Response:
        execution = cell.bot.fake.new_function_execution()
        given = {"channel": cell.channel, "user": cell.user, **inputs}
        response = cell.sim.function_executed(callback_id, given, execution.id, execution.token)
        deadline = time.monotonic() + 10
        while cell.bot.fake.execution(execution.id).running and time.monotonic() < deadline:
            time.sleep(0.01)
        return response

    return send


STEPS = [
    Row(
        "step:register_case",
        "arbetsflöde registrera ärende",
        workflow_step(
            "register_case",
            party="FK",
            gender="man",
            age_band="30–39",
            target_groups="sjukskrivna",
            description="Glapp",
        ),
        member,
        both(changes("cases"), lambda c, o: any(call.method == "functions.completeSuccess" for call in o.sent.calls)),
    ),
    Row("step:post_summary", "arbetsflöde posta sammanfattning", workflow_step("post_summary"), member, says(_title)),
]

AREAS = {
    "platform": PLATFORM,
    "roles": ROLE_ROWS,
    "cases": CASES,
    "meetings": MEETINGS,
    "summaries": SUMMARIES,
    "plans": PLANS,
    "insatser": INSATSER,
    "dms": DMS,
    "surfaces": SURFACES,
    "steps": STEPS,
    "records": RECORDS,
}
