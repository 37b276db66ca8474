"""English: the Home tab (your overview) and the shortcuts. Parameters in {braces}."""

MESSAGES: dict[str, str] = {
    # The overview
    "home.dashboard_title": "Your overview",
    "home.button.new_case": "New case",
    "home.button.summary": "Summary",
    "home.group": "{group}",
    "home.meeting": "*Next meeting:* {when}, {place}\nYour answer: {answer}",
    "home.no_meeting": "*Next meeting:* none booked.",
    "home.rsvp.kommer": "coming",
    "home.rsvp.kommer_inte": "not coming",
    "home.rsvp.ersattare": "sending a deputy",
    "home.rsvp.none": "none yet",
    "home.cases": "*Your open cases:* {count}",
    "home.cases_many": "*Your open cases:* {count}. The {shown} latest are shown here; all of them with "
    "`/lokus ärenden`.",
    "home.case": "#{number} · {raised_on} · {party} · {status}",
    "home.sections": "*To write in the plan:* {sections}",
    "home.approvals": "*Waiting for approval from {party}:* {plans}",
    "home.more_groups": "*More groups ({count}):* shown in brief here. Write `/lokus` in the group's channel "
    "for everything about it.",
    "home.report": "*To report:* {kind} of {insats}, due since {date}",
    "home.brief": "*{group}* – {what}",
    "home.brief.meeting": "meeting {day}",
    "home.brief.cases": "{count} {count|open case|open cases}",
    "home.brief.sections": "{count} {count|section|sections} to write",
    "home.brief.approvals": "the plan awaits your approval",
    "home.brief.reports": "{count} insats {count|report|reports} to write",
    "home.brief.nothing": "nothing waiting for you",
    "home.hint_dashboard": "The overview is refreshed when something of yours changes. Write *help* to me under "
    "Messages for everything I can do.",
    "home.get_started": "*Getting started:* a LOKUS group is a channel. Invite me to the channel and write "
    "`/lokus koppla <the group's name>`. The group's convenor or coordinator then adds the members with "
    "`/lokus medlem @person <party>`. If the group is already running, ask one of them to add you – your "
    "meetings, cases and sections then show here.",
    "home.cut": "Not everything fitted here. Write `/lokus` in the group's channel for the rest.",
    "home.summary_which": "Which group's summary would you like to see?",
    # The shortcuts
    "case.shortcut.identity_left_out": "The message's text was not put in here because it held {kind}. "
    "Describe in your own words what did not work, without anything that could point out the person.",
    "case.shortcut.too_long": "The message was longer than {limit} characters, so only its beginning was put in "
    "here. Please shorten the text.",
}
