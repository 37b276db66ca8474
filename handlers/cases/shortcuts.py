"""Slack's shortcuts for a new lots-ärende: from anywhere (global), or from a message (its text as description).

Either opens the case form at once: for the person's only group (or the channel's), else with the group asked in
the form itself. A message's text goes in only after the identity check; text holding a personnummer, phone
number or e-mail address is left out, and the form says why (never what was found).
"""

from dataclasses import replace

from handlers.cases import scope
from handlers.cases.questions import FAILURE_TEXT_LIMIT
from handlers.cases.register import CASE_FLOW, PICK_GROUP_FLOW
from handlers.cleaning import clean_text
from handlers.context import Ctx
from handlers.identity import find_identity
from handlers.identity_guard import kind_words
from handlers.replies import Form, FormField, Send, open_form, say
from handlers.text import Text, t

NEW_CASE = "case.shortcut_new"  # the callback ids, as in slack/manifest.json
FROM_MESSAGE = "case.shortcut_message"
DESCRIPTION = "failure_text"  # the question the message's text answers: what failed, in the person's words


def new_case(ctx: Ctx, text: str) -> list[Send]:
    """The global shortcut *Nytt lots-ärende*: the case form."""
    return [open_form(case_form(ctx), say(t("case.form_only_in_slack")))]


def from_message(ctx: Ctx, text: str) -> list[Send]:
    """The message shortcut *Registrera lots-ärende*: the case form with the message's text as description."""
    form, words = case_form(ctx), clean_text(text).strip()
    kind = find_identity(words) if words else None
    if kind is not None:
        form = _with_description(form, None, t("case.shortcut.identity_left_out", kind=kind_words(kind)))
    elif len(words) > FAILURE_TEXT_LIMIT:
        cut = words[:FAILURE_TEXT_LIMIT].rstrip()
        form = _with_description(form, cut, t("case.shortcut.too_long", limit=FAILURE_TEXT_LIMIT))
    elif words:
        form = _with_description(form, words, None)
    return [open_form(form, say(t("case.form_only_in_slack")))]


def case_form(ctx: Ctx) -> Form:
    """The case form for the person's only group (or the channel's), else one that asks for the group."""
    groups = scope.case_groups(ctx)
    if len(groups) == 1:
        return ctx.engine.form(ctx, CASE_FLOW, {"group_id": groups[0].id, "via": "form"})
    return ctx.engine.form(ctx, PICK_GROUP_FLOW, {"via": "form"})


def _with_description(form: Form, text: str | None, why: Text | None) -> Form:
    """The form with the description filled in, and a note under it when something was left out."""
    fields = tuple(_described(field, text, why) if field.key == DESCRIPTION else field for field in form.fields)
    return replace(form, fields=fields)


def _described(field: FormField, text: str | None, why: Text | None) -> FormField:
    return replace(field, initial=text, hint=why if why is not None else field.hint)
