"""Registering a lots-ärende: by chat in the DM (`/lokus ärende`, "nytt ärende") or by form, and saving it."""

from collections.abc import Mapping
from datetime import date
from typing import Any

from handlers.cases import scope
from handlers.cases.actions import SEPARATOR, CaseAction, pack
from handlers.cases.questions import CASE_QUESTIONS, PICK_GROUP_QUESTIONS, target_terms
from handlers.context import Ctx
from handlers.conversation.flow import Env, Flow
from handlers.errors import DomainError
from handlers.formatting import Identifier
from handlers.ids import row_id
from handlers.replies import (
    Button,
    Buttons,
    Choices,
    Option,
    Paragraph,
    Part,
    Reply,
    Send,
    open_form,
    reply,
    say,
    to_requester,
)
from handlers.text import Listing, t
from storage import audit
from storage import cases as repo
from storage.case_models import Case
from storage.cases import NewCase
from storage.models import Group

CASE_FLOW = "case"
PICK_GROUP_FLOW = "case_pick_group"
FORM_WORDS = ("form", "formulär", "formular")
INSTEAD = "chat"  # on the form button of the chat's introduction: the form is sent instead of that chat


def save_case(ctx: Ctx, answers: dict[str, Any], data: Mapping[str, Any]) -> list[Send]:
    """The confirmed answers (chat or form) as a new case of the group, numbered within it."""
    group = scope.require_group(ctx, int(answers.get("group") or data["group_id"]))
    case = repo.add_case(
        ctx.session, group_id=group.id, case=new_case(answers, group), created_by=ctx.actor.user_id, now=ctx.now
    )
    via = "form" if data.get("via") == "form" else "chat"
    audit.record(
        ctx.session,
        team_id=ctx.actor.team_id,
        user_id=ctx.actor.user_id,
        action="case.create",
        entity="case",
        entity_id=case.id,
        detail={"group": group.id, "number": case.number, "via": via},
    )
    sends = [to_requester(saved_reply(case, group))]
    if via == "form":
        sends.extend(_after_form(ctx, instead=data.get("instead") is True))
    return sends


def new_case(answers: Mapping[str, Any], group: Group) -> NewCase:
    """A NewCase from checked answers; target groups must be on the group's list."""
    allowed = {term.code for term in target_terms(group)}
    targets = tuple(answers.get("target_groups") or ())
    if any(code not in allowed for code in targets):
        raise DomainError("case.target_group_gone", group=group.name)
    return NewCase(
        raised_on=date.fromisoformat(answers["raised_on"]),
        party=answers["party"],
        unit=answers.get("unit") or "",
        gender=answers["gender"],
        age_band=answers["age_band"],
        target_groups=targets,
        failures=tuple(answers.get("failures") or ()),
        failure_text=answers.get("failure_text") or "",
        referred_tr=bool(answers["referred_tr"]),
        note=answers.get("note") or "",
    )


def saved_reply(case: Case, group: Group) -> Reply:
    """The answer when saved ("Ärende #12 registrerat för LOKUS Heby"), with what to do next."""
    return reply(
        Paragraph(t("case.saved", number=Identifier(case.number), group=group.name)),
        Buttons(
            (
                Button(CaseAction.NEW, str(group.id), t("case.button.another")),
                Button(CaseAction.LIST, "", t("case.button.list")),
            )
        ),
    )


def _after_form(ctx: Ctx, *, instead: bool) -> list[Send]:
    """A form opened from the chat's "instead" button replaces that chat; any other form leaves a case begun in
    the chat as it was, and says so (it may be another case)."""
    key = scope.dm_key(ctx)
    if instead:
        ctx.engine.drop(ctx, key, (CASE_FLOW, PICK_GROUP_FLOW))
        return []
    chat = ctx.engine.open_conversation(ctx, key)
    if chat is None or chat.flow not in (CASE_FLOW, PICK_GROUP_FLOW):
        return []
    return [to_requester(say(t("case.form_chat_waiting", conversation=chat.describe())))]


def register_command(ctx: Ctx, args: str) -> list[Send]:
    """`/lokus ärende` (chat in the DM) and `/lokus ärende form` (a form)."""
    words = args.casefold().split()
    if words and words[0] in FORM_WORDS:
        return open_case_form(ctx, None)
    if words:
        raise DomainError("case.register_usage")
    return start_chat(ctx, None)


def start_chat(ctx: Ctx, group_id: int | None) -> list[Send]:
    """Begin the registration conversation in the DM; the group is asked only when there is a choice."""
    groups = [scope.require_group(ctx, group_id)] if group_id else list(scope.case_groups(ctx))
    key = scope.dm_key(ctx)
    if len(groups) == 1:
        sends = ctx.engine.start(ctx, key, CASE_FLOW, data={"group_id": groups[0].id})
    else:
        sends = ctx.engine.start(ctx, key, PICK_GROUP_FLOW)
    return scope.via_dm(ctx, sends, t("case.moved_to_dm"))


def _intro(env: Env) -> list[Part]:
    """Which group the case is for (or that the group is asked), and the way to the form instead."""
    group_id = env.data.get("group_id")
    if group_id:
        group = scope.require_group(env.ctx, int(group_id))
        text, value = t("case.intro", group=group.name), pack(group.id, INSTEAD)
    else:
        names = Listing(tuple(g.name for g in scope.case_groups(env.ctx)))
        text, value = t("case.intro_many", groups=names), pack("", INSTEAD)
    return [Paragraph(text), Buttons((Button(CaseAction.FORM, value, t("case.button.form")),))]


def open_case_form(ctx: Ctx, group_id: int | None, *, instead: bool = False) -> list[Send]:
    """The case as a form for the group; with several groups to choose from, ask which first. `instead`: it
    was asked for from the chat's introduction, and replaces that chat when it is sent."""
    groups = [scope.require_group(ctx, group_id)] if group_id else list(scope.case_groups(ctx))
    if len(groups) > 1:
        options = tuple(Option(pack(g.id, INSTEAD) if instead else str(g.id), g.name) for g in groups)
        return [to_requester(reply(Paragraph(t("case.form_which_group")), Choices(CaseAction.FORM, options)))]
    group = groups[0]
    data: dict[str, int | str | bool] = {"group_id": group.id, "via": "form"}
    if instead:
        data["instead"] = True
    form = ctx.engine.form(ctx, CASE_FLOW, data)
    return [open_form(form, say(t("case.form_only_in_slack")))]


def offer_form(ctx: Ctx) -> list[Send]:
    """The form asked for in a DM: a button that opens it (only a button press can open a form in Slack)."""
    if not ctx.actor.in_dm:
        return open_case_form(ctx, None)
    groups = list(scope.case_groups(ctx))
    value = str(groups[0].id) if len(groups) == 1 else ""
    button = Button(CaseAction.FORM, value, t("case.button.open_form"))
    return [to_requester(reply(Paragraph(t("case.form_offer")), Buttons((button,))))]


def new_action(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
    """The "Registrera ett till" button."""
    return start_chat(ctx, row_id(value))


def form_action(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
    """The "Fyll i ett formulär" button, or the group picked for the form."""
    group_id, _, via = value.partition(SEPARATOR)
    return open_case_form(ctx, row_id(group_id), instead=via == INSTEAD)


FLOWS = (
    Flow(CASE_FLOW, t("case.title"), CASE_QUESTIONS, save_case, noun=t("case.noun"), intro=_intro),
    Flow(PICK_GROUP_FLOW, t("case.title"), PICK_GROUP_QUESTIONS, save_case, noun=t("case.noun"), intro=_intro),
)
