"""English: meetings – the announcement, agenda, answers, reminders, minutes and the year's goal."""

MESSAGES: dict[str, str] = {
    "help.möte": "Calls a meeting: `/lokus möte tisdag nästa vecka kl 13` (or just `/lokus möte`). "
    "`punkt <text>` adds an agenda item, `flytta <new time>` moves and `ställ in` cancels the "
    "next meeting, `anteckningar` writes the minutes.",
    "help.möten": "Shows this year's meetings, which parties came, and how many were held of the year's goal.",
    # The conversation
    "meeting.flow_title": "New meeting",
    "meeting.continue_in_dm": "Let's continue about the meeting of *{group}* in a direct message to you.",
    "meeting.busy_elsewhere": "You are in the middle of another conversation with me in your direct messages. "
    "Finish it first (write *avbryt* there), then type the command again.",
    "meeting.q.when.label": "When",
    "meeting.q.when": "When is the meeting?",
    "meeting.q.when.hint": "Write it as you say it, e.g. *tisdag nästa vecka kl 13*, *3 december kl 10* or "
    "*fredag 10–12*.",
    "meeting.q.which.label": "Which day",
    "meeting.q.which": "That could mean more than one day. Which one do you mean?",
    "meeting.q.at.label": "Time",
    "meeting.q.at": "What time does the meeting start? Write e.g. *13*, *9.30* or *13–15*.",
    "meeting.q.place.label": "Place",
    "meeting.q.place": "Where is the meeting? Write the place or paste the video meeting link.",
    "meeting.q.length.label": "Length",
    "meeting.q.length": "How long is the meeting? Write e.g. *2 hours*, *1.5* or *90 min*.",
    "meeting.q.minute_taker.label": "Minutes by",
    "meeting.q.minute_taker": "Who writes the minutes? Write *jag* (me), or @ and the person's name.",
    "meeting.minute_taker_self": "you",
    "meeting.minute_taker_unknown": "I did not understand who “{given}” is. Write *jag* (me), or @ and pick the "
    "person in the list.",
    "meeting.minute_taker_not_member": "{user} is not a member of *{group}*. Pick someone in the group, or "
    "write *jag*.",
    "meeting.when_option": "{when}",
    "meeting.when_typed": "“{given}”",
    "meeting.understood": "Got it: {when}.",
    "meeting.confirm": "{when}, is that right?",
    "meeting.when_unknown": "I did not understand “{given}” as a time. Write e.g. *tisdag nästa vecka kl 13*, "
    "*den 3 december kl 10*, *15/1 kl 9.30* or *fredag 10–12*.",
    "meeting.when_past": "{when} has already passed. Write a time ahead, e.g. *tisdag nästa vecka kl 13*.",
    "meeting.when_too_far": "{when} is more than two years away – that is probably a mistake. Write a time "
    "within two years, e.g. *den 3 december kl 10*.",
    "meeting.at_unknown": "I did not understand “{given}” as a time of day. Write e.g. *13*, *kl 9.30*, "
    "*halv tre* or *13–15*.",
    "meeting.length_unknown": "I did not understand “{given}” as a length. Write e.g. *2 hours*, *1.5* or *90 min*.",
    "meeting.length_range": "A meeting can last from 15 minutes to 12 hours.",
    "meeting.length.hour": "1 hour",
    "meeting.length.hours": "{hours} hours",
    "meeting.length.minutes": "{minutes} minutes",
    "meeting.place_too_long": "The place can be at most {limit} characters.",
    "meeting.pick_again": "The day you picked no longer fits the time you wrote. Write *ändra 2* and pick the "
    "day again.",
    "meeting.scheduled": "Done! The meeting of *{group}* is {when}. The announcement is posted in the group's channel.",
    "meeting.convenor_only": "Only the convenor, the coordinator or the association can call, move or cancel "
    "meetings of *{group}*.",
    "meeting.gone": "That meeting no longer exists.",
    "meeting.group_gone": "The group no longer exists, so the meeting could not be saved.",
    # The announcement
    "meeting.header": "Meeting of LOKUS {group}",
    "meeting.header_cancelled": "CANCELLED: meeting of LOKUS {group}",
    "meeting.header_held": "Meeting held by LOKUS {group}",
    "meeting.field.when": "When",
    "meeting.field.place": "Place",
    "meeting.field.convenor": "Convenor",
    "meeting.field.minute_taker": "Minutes by",
    "meeting.note_moved": "The meeting has been moved – the time above is the new one.",
    "meeting.note_cancelled": "The meeting is cancelled.",
    "meeting.note_held": "The meeting has been held. The minutes follow in the thread.",
    "meeting.agenda_title": "*Agenda*",
    "meeting.ics_agenda_title": "Agenda",
    "meeting.agenda_line": "{number}. {item}",
    "meeting.agenda_member_line": "{number}. {item} _(from {user})_",
    "meeting.standing.plan_followup": "Follow-up of the action plan",
    "meeting.standing.cases": "Compilation of lots cases",
    "meeting.standing.plan_status": "Status of the plan",
    "meeting.attendance_title": "*Who is coming?*",
    "meeting.nobody_yet": "_nobody has answered_",
    "meeting.rsvp_line.kommer": "{user} is coming",
    "meeting.rsvp_line.kommer_inte": "{user} is not coming",
    "meeting.rsvp_line.ersattare": "{user} sends a deputy",
    "meeting.parties_missing": "Nobody is coming yet from: {parties}.",
    "meeting.all_parties": "All four parties are coming.",
    "meeting.rsvp.kommer": "Coming",
    "meeting.rsvp.kommer_inte": "Not coming",
    "meeting.rsvp.ersattare": "Sending a deputy",
    "meeting.add_item_hint": "Something to bring up? Write `/lokus möte punkt <text>` in the channel.",
    "meeting.ics_title": "Calendar invitation – open the file to add the meeting to Outlook or Google Calendar",
    # Answers
    "meeting.rsvp_thanks.kommer": "Thanks! You are signed up for the meeting of *{group}* {when}.",
    "meeting.rsvp_thanks.kommer_inte": "Thanks for letting us know – you are not coming to the meeting of "
    "*{group}* {when}. Can you send a deputy? Then press *Sending a deputy*.",
    "meeting.rsvp_thanks.ersattare": "Thanks! You are sending a deputy to the meeting of *{group}* {when}.",
    "meeting.rsvp_closed.cancelled": "That meeting is cancelled.",
    "meeting.rsvp_closed.held": "That meeting has already been held.",
    # Agenda
    "meeting.item_usage": "Write the item after the command: `/lokus möte punkt New routines for referrals`.",
    "meeting.item_too_long": "An item can be at most {limit} characters. Please shorten it.",
    "meeting.item_added": "The item “{item}” is now on the agenda of the meeting {when}.",
    "meeting.item_waiting": "*{group}* has no meeting planned. The item “{item}” will be on the agenda when "
    "the next meeting is called.",
    # Moving and cancelling
    "meeting.none_planned": "*{group}* has no upcoming meeting. Call one with `/lokus möte <time>`.",
    "meeting.move_usage": "Write the new time: `/lokus möte flytta torsdag nästa vecka kl 10`.",
    "meeting.move_which": "“{given}” could mean more than one day. Which one do you mean?",
    "meeting.moved": "The meeting is moved from {old} to {new}. The announcement is updated.",
    "meeting.moved_notice": "The meeting is moved from {old} to *{new}* (by {user}). Here is a new calendar "
    "invitation.",
    "meeting.cancel_confirm": "Do you want to cancel the meeting {when}?",
    "meeting.cancel_yes": "Yes, cancel the meeting",
    "meeting.cancel_no": "No, keep it",
    "meeting.cancel_kept": "Okay, the meeting stays.",
    "meeting.cancelled": "The meeting {when} is cancelled. The announcement is updated.",
    "meeting.cancelled_notice": "The meeting of *{group}* {when} is cancelled (by {user}). Open the file to "
    "remove it from your calendar.",
    # Reminders
    "meeting.reminder": "Reminder: *{group}* meets {soon}, {when} – {place}.",
    "meeting.reminder_dm": "Hi! *{group}* meets {soon}, {when} – {place}. You have not answered yet: are you coming?",
    "meeting.reminder_tomorrow": "tomorrow",
    "meeting.reminder_in_days": "in {days} days",
    "meeting.reminders_usage": "Write how many days before the meeting reminders go out (1–{most}), e.g. "
    "`/lokus möte påminnelser 7 1`, or `/lokus möte påminnelser av`.",
    "meeting.reminders_days": "{days} days before",
    "meeting.reminders_off": "no reminders",
    "meeting.reminders_set": "Meeting reminders for *{group}*: {days} (changed by {user}).",
    "meeting.goal_usage": "Write how many meetings the group holds a year (1–52), e.g. `/lokus möte mål 4`.",
    "meeting.goal_set": "The goal of *{group}* is now {goal} meetings a year (changed by {user}).",
    # Minutes
    "minutes.flow_title": "Minutes",
    "minutes.ask": "The meeting of *{group}* {when} is over. You write the minutes – send them to me here and "
    "I will put them in the announcement's thread and keep them.",
    "minutes.when_ready": "Press the button when you are ready to write them.",
    "minutes.start": "Write the minutes",
    "minutes.q.label": "Minutes",
    "minutes.q": "Write or paste the minutes in one message.",
    "minutes.q.hint": "Write no personal identity numbers or other details that point out individuals.",
    "minutes.too_long": "The minutes can be at most {limit} characters.",
    "minutes.saved": "Thanks! The minutes of *{group}* are saved and posted in the announcement's thread.",
    "minutes.posted": "*Minutes* of the meeting {when} (written by {user}):",
    "minutes.not_writer": "{user} writes the minutes of that meeting (or the group's convenor).",
    "minutes.nothing_to_write": "*{group}* has no held meeting without minutes.",
    "minutes.not_held": "The meeting has not been held yet.",
    # This year's meetings
    "meetings.title": "Meetings {year} – LOKUS {group}",
    "meetings.none": "No meetings in {year} yet.",
    "meetings.status.scheduled": "Planned",
    "meetings.status.moved": "Planned (moved)",
    "meetings.status.cancelled": "Cancelled",
    "meetings.status.held": "Held",
    "meetings.party_count": "{party} {count}",
    "meetings.goal": "*{held} of {goal} meetings held* this year. Planned ahead: {planned}.",
    "meetings.hint": "The numbers are how many from each party signed up (in person or by a deputy). Change "
    "the goal with `/lokus möte mål <number>`.",
    # Understanding what people write in a DM (conv-intents)
    "intent.meeting.book": "Call a meeting",
    "intent.meeting.next": "Show the next meeting",
    "intent.meeting.item": "Add a point to the agenda",
    "intent.meeting.minutes": "Write the minutes",
    "intent.meeting.list": "Show this year's meetings",
    "meeting.item_usage_dm": "Write *punkt* and then the point, for example *punkt New routines for referrals*.",
}
