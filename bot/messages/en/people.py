"""English: a person's own data, erasing someone who has left, and how an erased person reads in the records."""

MESSAGES: dict[str, str] = {
    # How an erased person reads in the records
    "person.former": "former member",
    "person.former_of": "former member, {party}",
    # My data
    "intent.records.mine": "See everything I store about you",
    "mydata.title": "Your data in lokusbot",
    "mydata.intro": "This is everything I store that is linked to your Slack id in this workspace, "
    "{rows} {rows|row|rows} in all. Only you can see it.",
    "mydata.files": "The files hold the same: JSON to load into a system, Markdown to read. If you want something "
    "corrected or removed, ask the association.",
    "mydata.nothing": "I store nothing linked to your Slack id in this workspace.",
    "mydata.file.json": "Your data (JSON)",
    "mydata.file.markdown": "Your data (Markdown)",
    "mydata.file.intro": "Everything lokusbot stores that is linked to Slack id {user}, table by table.",
    "mydata.kind.memberships": "Memberships and roles in groups",
    "mydata.kind.roles": "The association role",
    "mydata.kind.roles_given": "Association roles you gave",
    "mydata.kind.conversations": "Conversations with the bot",
    "mydata.kind.mentions": "Texts that mention you",
    "mydata.kind.groups_linked": "Groups you linked",
    "mydata.kind.audit_by": "Log entries about what you did",
    "mydata.kind.audit_about": "Log entries about you",
    "mydata.kind.cases": "Cases you registered",
    "mydata.kind.case_notes": "Notes you wrote on cases",
    "mydata.kind.meetings_convened": "Meetings you convene",
    "mydata.kind.meetings_minute_taker": "Meetings you take the minutes of",
    "mydata.kind.minutes": "Minutes you wrote",
    "mydata.kind.agenda_items": "Points you put on the agenda",
    "mydata.kind.rsvps": "Your answers to invitations",
    "mydata.kind.plans_created": "Plans you started",
    "mydata.kind.sections_assigned": "Plan sections you are responsible for",
    "mydata.kind.sections_written": "Plan sections you wrote last",
    "mydata.kind.revisions": "Versions of plan sections you saved",
    "mydata.kind.approvals": "Your approvals of plans",
    "mydata.kind.installations": "Installations of the app you made",
    "mydata.kind.summaries_posted": "Summaries you have posted in a channel",
    "mydata.kind.insatser_written": "Applications for insatser you have written",
    "mydata.kind.insatser_owned": "Insatser you report for",
    "mydata.kind.insats_decisions": "Decisions on insatser you have taken",
    "mydata.kind.insats_approvals": "Your approvals of applications for insatser",
    "mydata.kind.insats_reports": "Reports on insatser you have written",
    "mydata.kind.evaluations_started": "Evaluations you have started",
    "mydata.kind.evaluations_asked": "Evaluations you were asked (only whether you answered, never what)",
    "mydata.kind.pending_erasure": "Pending erasure",
    # Erasure
    "erase.unknown": "I have nothing stored about {user}, so nothing was changed.",
    "erase.unknown_here": "I have nothing stored about that person in this workspace, so nothing was changed.",
    "erase.forbund_only": "Only the association can erase a person from lokusbot. To just take someone out of the "
    "group, write `/lokus medlem bort @person`.",
    "erase.done": "{user} is erased from lokusbot in this workspace: {rows} {rows|row was|rows were} changed or "
    "removed. In plans, minutes and the log the person now reads as “{pseudonym}”.",
    "erase.cli.done": "{user} is erased: {rows} {rows|row was|rows were} changed or removed. The person now reads "
    "as “{pseudonym}”.",
    "erase.cli.bad_user": "“{given}” is not the Slack id of a user (it looks like U0123ABCD).",
    "cli.people": "people: erase someone who has left",
    "cli.people.remove": "erase a person: memberships and conversations removed, the id replaced by a pseudonym",
    "cli.people.user": "the person's Slack id, for example U0123ABCD",
    "cli.people.team": "only in this workspace (Slack id, for example T0123ABCD); without it: in all",
}
