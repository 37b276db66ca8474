"""The dashboard's providers: the next meeting, the person's open cases, the plan sections they owe, and the
approvals their party has yet to give. Each reads all the person's groups at once (see model.py)."""

from collections import defaultdict

from handlers.cases.actions import CaseAction, pack
from handlers.formatting import Identifier
from handlers.home.model import GroupRow, HomeScope
from handlers.meetings.names import MeetingAction
from handlers.meetings.times import when_words
from handlers.plans.names import PlanAction
from handlers.plans.names import pack as plan_value
from handlers.plans.template_loader import find_template
from handlers.replies import Button, Buttons, Paragraph, Part, Style
from handlers.text import Listing, Text, t
from storage import home as repo

LATEST_CASES = 3  # the newest few open cases shown with their buttons; the rest are counted
MAX_BUTTONS = 5  # section buttons in one row
RSVP = (
    (MeetingAction.RSVP_YES, "kommer"),
    (MeetingAction.RSVP_NO, "kommer_inte"),
    (MeetingAction.RSVP_DEPUTY, "ersattare"),
)
NEXT_STATUS = {"open": "in_progress", "in_progress": "open"}


def meeting_rows(scope: HomeScope) -> dict[int, GroupRow]:
    """Each group's next meeting: when and where, the person's answer, and buttons to answer or change it."""
    ctx = scope.ctx
    rows: dict[int, GroupRow] = {}
    for meeting in repo.next_meetings(ctx.session, group_ids=scope.group_ids, user_id=scope.user_id, after=ctx.now):
        when = when_words(ctx, meeting.starts_at, meeting.ends_at)
        answer = t(f"home.rsvp.{meeting.answer}") if meeting.answer else t("home.rsvp.none")
        text = t("home.meeting", when=when, place=meeting.place, answer=answer)
        buttons = tuple(
            Button(action, str(meeting.meeting_id), t(f"meeting.rsvp.{code}"), _chosen(meeting.answer == code))
            for action, code in RSVP
        )
        brief = t("home.brief.meeting", day=meeting.starts_at.astimezone(ctx.config.tz).date())
        rows[meeting.group_id] = GroupRow((Paragraph(text), Buttons(buttons)), brief=brief)
    for group_id in scope.group_ids:
        rows.setdefault(group_id, GroupRow((Paragraph(t("home.no_meeting")),)))
    return rows


def case_rows(scope: HomeScope) -> dict[int, GroupRow]:
    """The person's open cases per group: how many, and the newest few with the follow-up buttons."""
    ctx = scope.ctx
    counts = repo.open_case_counts(ctx.session, group_ids=scope.group_ids, user_id=scope.user_id)
    groups = [g for g in scope.group_ids if counts.get(g)]
    latest: dict[int, list[tuple[Part, ...]]] = defaultdict(list)
    for case in repo.latest_open_cases(ctx.session, group_ids=groups, user_id=scope.user_id, per_group=LATEST_CASES):
        latest[case.group_id].append(_case_item(case))
    rows: dict[int, GroupRow] = {}
    for group_id in groups:
        count = counts[group_id]
        key = "home.cases" if count <= LATEST_CASES else "home.cases_many"
        text = t(key, count=count, shown=min(count, LATEST_CASES))
        rows[group_id] = GroupRow((Paragraph(text),), tuple(latest[group_id]), t("home.brief.cases", count=count))
    return rows


def _case_item(case: repo.OpenCase) -> tuple[Part, ...]:
    number = Identifier(case.number)
    line = t(
        "home.case",
        number=number,
        raised_on=case.raised_on,
        party=t(f"party.{case.party}"),
        status=t(f"case.status.{case.status}"),
    )
    following = NEXT_STATUS[case.status]
    buttons = (
        Button(CaseAction.STATUS, pack(case.case_id, following), t(f"case.button.to_{following}", number=number)),
        Button(CaseAction.NOTE, str(case.case_id), t("case.button.note", number=number)),
        Button(CaseAction.CLOSE, str(case.case_id), t("case.button.close", number=number), Style.DANGER),
    )
    return (Paragraph(line), Buttons(buttons))


def section_rows(scope: HomeScope) -> dict[int, GroupRow]:
    """The plan sections the person is to write, per group, with a button that starts each in the DM."""
    by_group: dict[int, list[repo.OwedSection]] = defaultdict(list)
    for section in repo.owed_sections(scope.ctx.session, group_ids=scope.group_ids, user_id=scope.user_id):
        by_group[section.group_id].append(section)
    rows: dict[int, GroupRow] = {}
    for group_id, owed in by_group.items():
        titles = tuple(_section_title(o) for o in owed)
        text = t("home.sections", count=len(owed), sections=Listing(titles))
        buttons = tuple(
            Button(PlanAction.WRITE, plan_value(o.plan_id, o.key), t("plan.button.write_section", section=title))
            for o, title in list(zip(owed, titles, strict=True))[:MAX_BUTTONS]
        )
        rows[group_id] = GroupRow((Paragraph(text), Buttons(buttons)), brief=t("home.brief.sections", count=len(owed)))
    return rows


def approval_rows(scope: HomeScope) -> dict[int, GroupRow]:
    """The plans waiting for the approval of the person's party, with the button to approve."""
    party_of = {g.group_id: g.party for g in scope.groups}
    by_group: dict[int, list[repo.WaitingPlan]] = defaultdict(list)
    for plan in repo.plans_awaiting_approval(scope.ctx.session, group_ids=scope.group_ids):
        template = find_template(plan.template)
        party = party_of[plan.group_id]
        parties = {p.value for p in template.approving_parties} if template else set()
        if party in parties and party not in plan.approved:
            by_group[plan.group_id].append(plan)
    rows: dict[int, GroupRow] = {}
    for group_id, plans in by_group.items():
        names = tuple(_plan_name(p.template, p.year) for p in plans)
        text = t("home.approvals", plans=Listing(names), party=t(f"party.{party_of[group_id]}"))
        buttons: list[Button] = []
        for plan in plans[:2]:
            buttons.append(
                Button(PlanAction.APPROVE, plan_value(plan.plan_id), t("plan.button.approve"), Style.PRIMARY)
            )
            buttons.append(Button(PlanAction.SHOW, plan_value(plan.plan_id), t("plan.button.read")))
        rows[group_id] = GroupRow((Paragraph(text), Buttons(tuple(buttons))), brief=t("home.brief.approvals"))
    return rows


def _chosen(chosen: bool) -> Style:
    return Style.PRIMARY if chosen else Style.DEFAULT


def _plan_name(template_key: str, year: int) -> Text:
    template = find_template(template_key)
    return t("plan.name", plan=template.name if template else template_key, year=str(year))


def _section_title(owed: repo.OwedSection) -> str:
    template = find_template(owed.template)
    section = template.section(owed.key) if template else None
    return section.title if section else owed.key
