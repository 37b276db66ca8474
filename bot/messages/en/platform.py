"""English: the platform's texts (conversation engine, groups, help, errors). Parameters in {braces}."""

MESSAGES: dict[str, str] = {
    "engine.question": "*{prompt}*  _(question {position} of {total})_",
    "engine.controls": "Write *back* for the previous question, *change* to change an answer, *cancel* to stop "
    "or *help*.",
    "engine.controls_optional": "This question is optional: write *skip* if you like. Write *back* for the "
    "previous question, *cancel* to stop or *help*.",
    "engine.keep_earlier": "Keep {value}",
    "engine.use_default": "Use {value}",
    "engine.skip": "Skip",
    "engine.back": "Back",
    "engine.cancel": "Cancel",
    "engine.save": "Save",
    "engine.change": "Change",
    "engine.summary_title": "{title} – is this right?",
    "engine.numbered": "{number}. {label}",
    "engine.confirm_how": "Write *yes* to save, *change 3* (or the question's number) to change an answer – or "
    "straight away *change 3 to …* – or *cancel*.",
    "engine.change_which": "Which answer do you want to change?",
    "engine.change_unknown": "I can't find a question called “{given}”. Pick one in the list or write its number.",
    "engine.previous_answer": "Your previous answer was: {answer}",
    "engine.resumed": "Welcome back! We continue with {title} where we stopped.",
    "engine.resumed_unused": "Welcome back! We continue with {title} where we stopped. I have not used what you "
    "just wrote, since it has been a while: please answer the question below again.",
    "engine.paused": "We were in the middle of {title}, but it has been quiet for a while, so I paused. Your "
    "answers are kept: write *continue* here when you want to go on, or *cancel*.",
    "engine.cancelled": "OK, I have cancelled {title}. Nothing was saved.",
    "engine.not_yet": "We are not done yet – answer the question below first.",
    "engine.help": "Answer the question in text, or pick an option (in the console: write its number). You can "
    "always write *back*, *skip* (optional questions), *change <number>*, *cancel* or *help*.",
    "engine.stale": "That button belongs to a question that is already answered. Here is where we are:",
    "engine.nothing_back": "This is the first question; there is none before it.",
    "engine.required": "This question needs an answer; it cannot be skipped.",
    "engine.no_conversation": "That conversation has already ended. Write *help* to see what you can do.",
    "form.required": "This is needed.",
    "form.conditional": "{hint} (needed only in some cases)",
    "form.only_in_slack": "The form exists only in Slack. Here in the console we use the conversation instead.",
    "form.invalid": "The form could not be read, so nothing was saved. Close it and open it again.",
    "form.unknown": "I no longer accept this form, so nothing was saved. Close it and start again.",
    "answer.empty": "I got no answer – write your answer or pick an option.",
    "answer.choice_unknown": "“{given}” is not one of the options. Write a number from 1 to {count} or the "
    "option's name.",
    "answer.multi_empty": "Pick at least one option (you can write several numbers, e.g. *1, 3*).",
    "answer.yes_no": "Answer *yes* or *no*.",
    "answer.date": "I did not understand the date “{given}”. Write e.g. *today*, *yesterday*, *20/11* or *2026-11-20*.",
    "answer.number": "“{given}” is not a number I understand. Write e.g. *12* or *2.5*.",
    "answer.amount": "“{given}” is not an amount I understand. Write e.g. *450 000*, *450 000 kr* or *450 tkr*.",
    "answer.too_small": "The number may not be less than {minimum}.",
    "answer.too_large": "The number may not be greater than {maximum}.",
    "answer.skipped": "–",
    "answer.yes": "Yes",
    "answer.no": "No",
    "identity.refused": "The answer seems to contain {kind}. Cases and plans must never hold anything that "
    "identifies a person, so I have not saved it. Write the answer again without it.",
    "identity.refused_likely": "The answer holds something that looks like {kind}: a date of birth and four "
    "more digits. The check digit is wrong, but a mistyped number still points out a person, so I have not saved "
    "it. Write the answer again without the digits.",
    "identity.not_shown": "(what you wrote is not shown: it seems to point to a person)",
    "identity.kind.personnummer": "a personal identity number",
    "identity.kind.samordningsnummer": "a co-ordination number",
    "identity.kind.phone": "a phone number",
    "identity.kind.email": "an e-mail address",
    "identity.kind.likely_personnummer": "a personal identity number",
    "identity.kind.likely_samordningsnummer": "a co-ordination number",
    "group.linked": "This channel is now linked to the LOKUS group *{group}* (by {user}). Until the group has a "
    "convenor or coordinator, {user} adds its members – best first themself: "
    "`/lokus medlem @person <party> samordnare`.",
    "group.link_usage": "Write the group's name: `/lokus koppla Heby`.",
    "group.mixed_scripts": "The name mixes letters of different alphabets (Latin and Cyrillic, say), so it could be "
    "taken for another group. Write it in the letters of one alphabet.",
    "group.identity": "The name seems to hold details that point out a person (an identity number, a phone "
    "number or an e-mail address). A LOKUS group is named after its area: `/lokus koppla Heby`.",
    "group.channel_taken": "This channel is already linked to *{group}*.",
    "group.need_channel": "This is done in the group's channel. Write the command there.",
    "group.not_linked": "This channel is not linked to a LOKUS group yet. Link it with `/lokus koppla <group name>`.",
    "group.not_member": "You are not a member of *{group}*. Ask the group's convenor or coordinator to add you "
    "with `/lokus medlem @you <party>`.",
    "group.manager_only": "Only the convenor, the coordinator or the association can change *{group}*.",
    "group.title": "LOKUS {group}",
    "group.party_missing_cell": "_nobody yet_",
    "group.parties_missing": "Missing: {parties}. The group needs a representative from each of the four parties.",
    "group.all_parties": "All four parties are represented.",
    "group.member_hint": "The group's convenor, coordinator and the association add and change: "
    "`/lokus medlem @person <party> [roles]`.",
    "member.usage": "Write it like this: `/lokus medlem @person <party> [roles]`, e.g. "
    "`/lokus medlem @anna AF samordnare,ledamot`.",
    "member.saved": "{user} is a member of *{group}* for {party} ({roles}).",
    "member.removed": "{user} is no longer a member of *{group}*.",
    "member.not_found": "I can't find that person among the members of *{group}*.",
    "mention.expected": "“{given}” is not a person I recognise. Type @ and pick the person from the list.",
    "party.af": "Arbetsförmedlingen",
    "party.fk": "Försäkringskassan",
    "party.region": "Region",
    "party.kommun": "Municipality",
    "party.unknown": "“{given}” is not a party I recognise. Write AF, FK, Region or kommun.",
    "role.samordnare": "coordinator",
    "role.sammankallande": "convenor",
    "role.ledamot": "member",
    "role.förbund": "association",
    "role.unknown": "“{given}” is not a role I recognise. Roles in a group: samordnare, sammankallande, ledamot.",
    "dm.not_member": "Hi! You are not a member of any LOKUS group yet. Ask the group's convenor to write "
    "`/lokus medlem @you <party>` in the group's channel, and we can start.",
    "dm.edited": "I see you edited a message, but I do not read edits. Write what you meant as a new message and we "
    "go on from there.",
    "dm.unknown": "I did not quite understand that. Write *help* to see what I can help with.",
    "action.unknown": "I no longer recognise that button. Please start again.",
    "help.title": "lokusbot – help",
    "help.intro": "I help the LOKUS group with cases, compilations, plans and meetings. Write "
    "`/lokus <command>` in the group's channel:",
    "help.command": "/lokus {name}",
    "help.dm": "In a direct message to me you can write *help*. In the middle of a conversation, *back*, "
    "*skip*, *change*, *cancel* and *help* work.",
    "help.help": "Shows this help.",
    "help.koppla": "Links the channel to a LOKUS group: `/lokus koppla Heby`. Whoever links a new group looks "
    "after it until it has a convenor or coordinator. An existing group is moved here only by someone who looks "
    "after it.",
    "help.medlem": "Adds or changes a member: `/lokus medlem @person AF samordnare` (roles: samordnare, "
    "sammankallande, ledamot). `/lokus medlem bort @person` removes one. This is done by the group's convenor, "
    "coordinator or the association. The association erases someone who has left with "
    "`/lokus medlem bort @person --glöm`.",
    "help.grupp": "Shows the group's members by party and which parties are missing.",
    "home.title": "Welcome to lokusbot",
    "home.intro": "I help LOKUS groups with cases, compilations before the meetings, activity plans and "
    "meetings – right in Slack.",
    "home.hint": "Start with `/lokus hjälp` in the group's channel, or write *help* to me here.",
    "console.welcome": "lokusbot in the console. You are {user} in the channel #{channel}. Lines starting with "
    "/lokus are commands in the channel, anything else is a direct message to me. :hjälp "
    "shows more.",
    "console.help": "Console commands: :som <name> switches user, :kanal <name> switches channel, :a, :b … press "
    "the buttons of the latest message with buttons, :a @name picks a person. End with Ctrl-D.",
    "console.now_user": "You are now {user}.",
    "console.now_channel": "You are now in the channel #{channel}.",
    "console.no_button": "There is no button :{key} in the last message.",
    "console.to_you_dm": "(DM to you)",
    "console.to_you": "(only for you in #{channel})",
    "console.in_channel": "in #{channel}",
    "console.updated": "updated its message in #{channel}",
    "console.dm_to": "(DM to {user})",
    "console.file_saved": "File saved: {path}",
    "console.pick_person": ":{key} @name picks a person",
    "console.many": "pick several by writing their numbers, e.g. 1, 3",
    "blocks.choose_one": "Pick an option",
    "blocks.choose_many": "Pick one or more",
    "blocks.done": "Done",
    "error.unexpected": "Oops, something went wrong on my side. Try again in a while; if it happens again, "
    "quote error code *{error_id}* to whoever runs the bot.",
    "error.unavailable": "I can't reach the database right now, so nothing was saved. Try again in a while.",
    "error.conflict": "Someone else made a change at the same time. Nothing was saved – try again.",
    "outbox.file_lost": "{count|The file|The files} {files} could not be made because I was restarted meanwhile. "
    "Ask for {count|it|them} again.",
    "text.truncated": "… _(the text is too long to show in full here; it is saved whole)_",
    # Understanding what people write in a DM (conv-intents)
    "list.and": "and",
    "list.or": "or",
    "intent.help": "See what you can write to me",
    "intent.group.overview": "Show the group's members",
    "dm.identity": "Your message seems to contain {kind}. I never take data that points out a person, so I have "
    "done nothing with it. Write it again without it.",
    "dm.smalltalk.greeting": "Hi! What would you like to do? Write for example *new case*, *book meeting* or *help*.",
    "dm.smalltalk.thanks": "You're welcome! Let me know if there is anything else.",
    "dm.smalltalk.ok": "👍",
    "dm.smalltalk.bye": "Goodbye! Write whenever you need me.",
    "dm.did_you_mean": "Did you mean …?",
    "dm.did_you_mean_hint": "Pick a button, or say it in other words. *help* shows everything I can do.",
    "dm.unknown_hint": "These are the closest things I can help with. *help* shows everything, with examples.",
    "dm.which_group": "Which group is it about? ({wish})",
    "dm.help.title": "What you can write to me",
    "dm.help.intro": "Write in your own words, for example:",
    "dm.help.example": "“{text}”",
    "dm.help.conversation": "In the middle of a conversation, *back*, *skip*, *change*, *cancel* and *help* work.",
    "dm.help.commands": "In the group's channel: `/lokus help` shows the commands.",
    "command.unknown_closest": "I don't know “{given}”. Did you mean one of these?",
    "command.unknown_closest_unshown": "I don't know that command. Did you mean one of these?",
    "command.unknown_hint": "Write `/lokus help` to see everything I can do.",
    # Workflow steps (Workflow Builder)
    "step.unknown": "lokusbot does not know this workflow step. Ask whoever built the workflow to choose one of "
    "lokusbot's steps again.",
    "step.needs_person": "The step needs to know who runs the workflow and in which channel: fill in “Person” and "
    "“The group's channel” when the step is added to the workflow.",
    "step.not_linked": "The channel the step names is not linked to a LOKUS group. Choose the group's channel in "
    "the step, or link the channel with /lokus link <group name>.",
    "step.not_member": "The person running the workflow is not a member of {group}, so the step did nothing. Ask "
    "the group's convenor or coordinator to add them.",
}
