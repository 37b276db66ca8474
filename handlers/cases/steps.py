"""The Workflow Builder step *Registrera lots-ärende*: a case registered from a workflow, as in the chat.

Its inputs are read by the case flow's own questions (handlers/conversation/forms.py `read_typed`): the same
choices and spellings, the same limits and the same identity check as a typed answer; the date is today's.
A workflow that leaves out what went wrong or the referral to TR gets "annat" (the description says what) and
"nej", as the manifest's hints say. The case is saved by the same function as the chat's.
"""

from handlers.cases.register import CASE_FLOW, store_case
from handlers.context import Ctx
from handlers.errors import DomainError
from handlers.steps import Inputs, Step, StepResult, step_group
from handlers.text import Join

REGISTER_STEP = "register_case"
INPUTS = ("party", "gender", "age_band", "target_groups", "description", "failures", "referred_tr")
QUESTION_OF = {"description": "failure_text"}  # an input named as the workflow reads it → the flow's question
WHEN_LEFT_OUT = {"failures": "annat", "referred_tr": "nej"}


def register_case(ctx: Ctx, inputs: Inputs) -> StepResult:
    """Register a case in the channel's group for the workflow's person: its number, or why not."""
    group = step_group(ctx)
    typed = {QUESTION_OF.get(name, name): inputs.get(name, "") or WHEN_LEFT_OUT.get(name, "") for name in INPUTS}
    if typed["age_band"].strip().isdecimal():  # a workflow shows no numbered options: a number is an age
        typed["age_band"] = f"{typed['age_band'].strip()} år"
    data = {"group_id": group.id, "via": "workflow"}
    errors, answers = ctx.engine.read_typed(ctx, CASE_FLOW, typed, data)
    if errors:
        flow = ctx.engine.flows[CASE_FLOW]
        named = tuple(Join((flow.question(key).label, text), sep=": ") for key, text in errors.items())
        raise DomainError("case.step_invalid", errors=Join(named, sep=" "))
    case, _ = store_case(ctx, answers, data)
    return StepResult({"case_number": case.number})


def steps() -> tuple[Step, ...]:
    """The cases feature's workflow steps."""
    return (Step(REGISTER_STEP, INPUTS, ("case_number",), register_case),)
