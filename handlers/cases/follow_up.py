"""Following up: `/lokus ärenden` lists open cases (own first) with buttons to change status, add a note, close
with an outcome, and reopen. Every change goes to the audit log."""

from collections.abc import Mapping
from typing import Any

from handlers.cases import scope
from handlers.cases.actions import SEPARATOR, CaseAction, case_id_of, pack
from handlers.cases.questions import NOTE_LIMIT, at_most
from handlers.cases.vocabulary import OUTCOMES, codes
from handlers.context import Ctx
from handlers.conversation.flow import Env, Flow, Kind, Question
from handlers.errors import DomainError
from handlers.formatting import Identifier
from handlers.ids import row_id
from handlers.replies import Button, Buttons, Header, Note, Paragraph, Part, Send, Style, reply, say, to_requester
from handlers.text import Join, Listing, Text, t
from storage import audit
from storage import cases as repo
from storage.case_models import Case
from storage.cases import CLOSED, OPEN_STATUSES
from storage.models import Group

PAGE = 8
NOTE_FLOW = "case_note"
OPEN_LIST, CLOSED_LIST = "open", "closed"
NEXT_STATUS = {"open": "in_progress", "in_progress": "open"}


def list_page(ctx: Ctx, which: str = OPEN_LIST, offset: int = 0) -> list[Send]:
    """One page of the open (or closed) cases of the person's groups, each with its buttons."""
    groups = {g.id: g for g in scope.case_groups(ctx)}
    statuses = OPEN_STATUSES if which == OPEN_LIST else (CLOSED,)
    cases, total = repo.list_cases(
        ctx.session, group_ids=list(groups), statuses=statuses, user_id=ctx.actor.user_id, offset=offset, limit=PAGE
    )
    names = Listing(tuple(g.name for g in groups.values()))
    if total == 0:
        return [to_requester(say(t(f"case.list.{which}_empty", groups=names)))]
    parts: list[Part] = [Header(t(f"case.list.{which}_title", count=total, groups=names))]
    for case in cases:
        parts.append(Paragraph(case_line(case, groups[case.group_id], own=case.created_by == ctx.actor.user_id)))
        parts.append(Buttons(_buttons(case)))
    shown = offset + len(cases)
    if shown < total:
        more = Button(CaseAction.MORE, pack(which, shown), t("case.list.more", remaining=total - shown))
        parts.append(Buttons((more,)))
    parts.append(Note(t(f"case.list.{which}_hint")))
    return [to_requester(reply(*parts))]


def case_line(case: Case, group: Group, *, own: bool) -> Text:
    """One case in a list: number, group, date, party, who, what failed, status."""
    failures = Join(tuple(t(f"case.failure.{f.code}") for f in case.failures)) if case.failures else t("case.none")
    return t(
        "case.list.line_own" if own else "case.list.line",
        number=Identifier(case.number),
        group=group.name,
        raised_on=case.raised_on,
        party=t(f"party.{case.party}"),
        unit=case.unit or t("case.none"),
        gender=t(f"case.gender.{case.gender}"),
        age_band=t(f"case.age_band.{case.age_band}"),
        failures=failures,
        status=_status_text(case),
    )


def _status_text(case: Case) -> Text:
    if case.status == CLOSED and case.outcome:
        return t("case.status.closed_with", outcome=t(f"case.outcome.{case.outcome}"))
    return t(f"case.status.{case.status}")


def _buttons(case: Case) -> tuple[Button, ...]:
    if case.status == CLOSED:
        return (Button(CaseAction.REOPEN, str(case.id), t("case.button.reopen", number=Identifier(case.number))),)
    return (
        Button(
            CaseAction.STATUS,
            pack(case.id, NEXT_STATUS[case.status]),
            t(f"case.button.to_{NEXT_STATUS[case.status]}", number=Identifier(case.number)),
        ),
        Button(CaseAction.NOTE, str(case.id), t("case.button.note", number=Identifier(case.number))),
        Button(CaseAction.CLOSE, str(case.id), t("case.button.close", number=Identifier(case.number)), Style.DANGER),
    )


def more_action(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
    """The "Visa fler" button: the next page."""
    which, _, offset = value.partition(SEPARATOR)
    start = row_id(offset)
    if which not in (OPEN_LIST, CLOSED_LIST) or start is None:
        raise DomainError("action.unknown")
    return list_page(ctx, which, start)


def list_action(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
    """The "Visa öppna ärenden" button."""
    return list_page(ctx)


def status_action(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
    """Mark an open case as in progress, or back to open."""
    case_id, status = case_id_of(value)
    case, group = scope.require_case(ctx, case_id)
    if case.status == CLOSED or status not in NEXT_STATUS:
        raise DomainError("case.already_closed", **_which(case, group))
    before = case.status
    repo.set_status(ctx.session, case=case, status=status, now=ctx.now)
    _audit(ctx, "case.status", case, {"from": before, "to": status})
    return [to_requester(say(t("case.status_changed", **_which(case, group), status=t(f"case.status.{status}"))))]


def close_action(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
    """Closing asks for the outcome first."""
    case, group = scope.require_case(ctx, case_id_of(value)[0])
    if case.status == CLOSED:
        raise DomainError("case.already_closed", **_which(case, group))
    buttons = tuple(
        Button(CaseAction.OUTCOME, pack(case.id, code), t(f"case.outcome.{code}")) for code in codes(OUTCOMES)
    )
    return [to_requester(reply(Paragraph(t("case.close_ask", **_which(case, group))), Buttons(buttons)))]


def outcome_action(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
    """Close the case with the outcome picked."""
    case_id, outcome = case_id_of(value)
    case, group = scope.require_case(ctx, case_id)
    if outcome not in codes(OUTCOMES):
        raise DomainError("action.unknown")
    if case.status == CLOSED:
        raise DomainError("case.already_closed", **_which(case, group))
    before = case.status
    repo.set_status(ctx.session, case=case, status=CLOSED, outcome=outcome, closed_on=ctx.local_now.date(), now=ctx.now)
    _audit(ctx, "case.close", case, {"from": before, "outcome": outcome})
    undo = Button(CaseAction.REOPEN, str(case.id), t("case.button.reopen", number=Identifier(case.number)))
    return [
        to_requester(
            reply(
                Paragraph(t("case.closed", **_which(case, group), outcome=t(f"case.outcome.{outcome}"))),
                Buttons((undo,)),
            )
        )
    ]


def reopen_action(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
    """Open a closed case again; its outcome is cleared."""
    case, group = scope.require_case(ctx, case_id_of(value)[0])
    if case.status != CLOSED:
        raise DomainError("case.not_closed", **_which(case, group))
    outcome = case.outcome
    repo.set_status(ctx.session, case=case, status="open", now=ctx.now)
    _audit(ctx, "case.reopen", case, {"outcome_was": outcome})
    return [to_requester(say(t("case.reopened", **_which(case, group))))]


def note_action(ctx: Ctx, action: str, value: str, selected: list[str]) -> list[Send]:
    """Ask for a follow-up note in the DM."""
    case, _group = scope.require_case(ctx, case_id_of(value)[0])
    sends = ctx.engine.start(ctx, scope.dm_key(ctx), NOTE_FLOW, data={"case_id": case.id})
    return scope.via_dm(ctx, sends, t("case.moved_to_dm"))


def _note_intro(env: Env) -> list[Part]:
    case, group = scope.require_case(env.ctx, int(env.data["case_id"]))
    return [Paragraph(t("case.note_intro", **_which(case, group)))]


def save_note(ctx: Ctx, answers: dict[str, Any], data: Mapping[str, Any]) -> list[Send]:
    """Store the confirmed note on the case."""
    case, group = scope.require_case(ctx, int(data["case_id"]))
    note = repo.add_note(ctx.session, case=case, user_id=ctx.actor.user_id, text=answers["text"], now=ctx.now)
    _audit(ctx, "case.note", case, {"note": note.id})
    return [to_requester(say(t("case.note_saved", **_which(case, group))))]


def _which(case: Case, group: Group) -> dict[str, Any]:
    """The parameters that name a case in a sentence: its number (an identifier, never grouped) and group."""
    return {"number": Identifier(case.number), "group": group.name}


def _audit(ctx: Ctx, action: str, case: Case, detail: dict[str, Any]) -> None:
    audit.record(
        ctx.session,
        team_id=ctx.actor.team_id,
        user_id=ctx.actor.user_id,
        action=action,
        entity="case",
        entity_id=case.id,
        detail={"group": case.group_id, "number": case.number, **detail},
    )


NOTE_FLOWS = (
    Flow(
        NOTE_FLOW,
        t("case.note_title"),
        (
            Question(
                "text",
                t("case.q.note_text.label"),
                t("case.q.note_text"),
                Kind.TEXT,
                check=at_most(NOTE_LIMIT),
                hint=t("case.q.no_identity.hint"),
            ),
        ),
        save_note,
        noun=t("case.note_noun"),
        intro=_note_intro,
    ),
)
