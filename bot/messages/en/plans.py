"""English: the plans (activity plan, LOKSAM plan, assignments) – status, writing, approval, documents."""

MESSAGES: dict[str, str] = {
    "help.plan": "The year's plans: `/lokus plan ny verksamhetsplan 2027`, `/lokus plan` shows where it stands, "
    "`/lokus plan tilldela <section> @person`, `svara`, `visa <section>`, `historik <section>`, "
    "`påminn`, `godkänn`, `dokument`, `mallar`.",
    # Names and status
    "plan.name": "{plan} {year}",
    "plan.title": "{plan} – {group}",
    "plan.started": "{user} has started *{title}*. Choose who writes each section in the menus below "
    "(or `/lokus plan tilldela <section> @person`).",
    "plan.started_from": "{user} has started *{title}* from the answers of {year}. Last year's answers are "
    "there as proposals: whoever writes a section reviews and saves it.",
    "plan.deadline.ahead": "Due: *{date}* (in {days} {days|day|days}).",
    "plan.deadline.today": "Due: *{date}* – that is today.",
    "plan.deadline.passed": "Was due {date} – {days} {days|day|days} ago.",
    "plan.deadline.none": "The plan has no fixed due date.",
    "plan.no_deadline": "no fixed due date",
    "plan.status.line": "*{number}. {section}* {kind}\n{state} · written by: {who}",
    "plan.status.required": "",
    "plan.status.optional": "_(optional)_",
    "plan.status.answered": "✅ answered by {user} {date}",
    "plan.status.missing": "⬜ missing",
    "plan.status.proposal": "📝 last year's answers, to review",
    "plan.status.nobody": "_nobody yet_",
    "plan.status.pick": "Choose who writes",
    "plan.status.approved": "approved by {name} ({user}) {date}",
    "plan.status.not_approved": "_waiting_",
    "plan.status.sections_missing": "{done} of {total} required sections are answered.",
    "plan.status.waiting": "Every section is answered. Waiting for approval from: {parties}.",
    "plan.status.complete": "🎉 The plan is approved by every party and complete.",
    "plan.status.hint": "Write a section: `/lokus plan svara <section>` (the questions come in a direct message). "
    "Read a section: `/lokus plan visa <section>`.",
    "plan.usage": "I did not understand “{given}”. Try `/lokus plan`, `/lokus plan ny verksamhetsplan 2027` "
    "or `/lokus plan tilldela mål @person`.",
    "plan.none": "*{group}* has no plan yet. Start one with `/lokus plan ny verksamhetsplan 2027` "
    "(`/lokus plan mallar` lists the templates).",
    "plan.none_matching": "I find no such plan in *{group}*. Type `/lokus plan` to see the group's plan.",
    "plan.which": "The group has several plans going: {plans}. Say which one, e.g. `/lokus plan loksam 2027`.",
    "plan.gone": "That plan no longer exists.",
    "plan.template_gone": "The template “{template}” this plan was written from is no longer installed. "
    "Ask whoever runs the bot to put the template file back.",
    "plan.section_gone": "That section is no longer in the plan's template.",
    "plan.section_unknown": "I find no section called “{given}”. The sections are: {sections}.",
    # Starting
    "plan.new_usage": "Give the template and year: `/lokus plan ny verksamhetsplan 2027`. Templates: {templates}.",
    "plan.year_range": "{year} is not a year I can start a plan for. Choose last year, this year or one of the "
    "next few years.",
    "plan.exists": "*{group}* already has a {plan} for {year}. Type `/lokus plan` to see it.",
    "plan.from_usage": "Give the year to start from after --från, e.g. `/lokus plan ny verksamhetsplan 2028 "
    "--från 2027`.",
    "plan.from_missing": "*{group}* has no {plan} for {year} to start from.",
    # Assigning
    "plan.assign_usage": "Give the section and the person: `/lokus plan tilldela mål @person` (several sections "
    "work: `/lokus plan tilldela 1 2 @person`).",
    "plan.assign_not_member": "{user} is not a member of *{group}*. Add them first with "
    "`/lokus medlem @person <party>`.",
    "plan.assigned": "{by} has asked {user} to write {sections} in *{title}*.",
    "plan.assigned_dm": "Hi! {by} would like you to write {sections} in *{title}*. Due: {deadline}. Press the "
    "button and I will ask the questions one at a time here – you can stop whenever you like "
    "and go on later.",
    "plan.mine.intro": "You have {count} {count|section|sections} to write. Choose one:",
    "plan.mine.none": "You have no unanswered sections in any plan right now.",
    # Writing
    "plan.flow.section": "the section “{section}” of {plan} {year}",
    "plan.flow.noun": "the section “{section}”",
    "plan.flow.summary": "{section} ({plan} {year}) – is this right?",
    "plan.write.title": "{section} – {title}",
    "plan.write.how": "Long answers are welcome, all in one message (Shift+Enter for a new line). You can write "
    "*tillbaka*, *hoppa över* (optional questions), *ändra* and *avbryt*, and stop at any time: "
    "write *fortsätt* when you want to go on.",
    "plan.write.current": "The section already has answers. Write *ja* to keep them or *ändra* and the number to "
    "change one.",
    "plan.write.proposal": "Here are the answers from {year} as a proposal. Review them: write *ändra* and the "
    "number to change an answer, and *ja* to save.",
    "plan.write_which": "You have no unanswered section. Say which one to change: `/lokus plan svara <section>`.",
    "plan.q.label": "{text}",
    "plan.q.prompt": "{text}",
    "plan.q.hint": "{text}",
    "plan.q.intro": "{text}",
    "plan.q.option": "{text}",
    "plan.table.first_prompt": "{question} We fill in the table row by row. Row {row}: {prompt}",
    "plan.table.cell_prompt": "Row {row}: {prompt}",
    "plan.table.cell_label": "Row {row}: {column}",
    "plan.table.more": "Add another row after row {row}?",
    "plan.table.more_label": "More rows after row {row}",
    "plan.table.row": "{number}. {cells}",
    "plan.table.totals": "*Total:* {totals}",
    "plan.saved": "Thank you! The section “{section}” of *{title}* is saved.",
    "plan.saved_unchanged": "Nothing changed in “{section}” of *{title}* – the answers stay as they were.",
    "plan.saved_progress": "{user} has saved the section “{section}” of *{title}*. {done} of {total} required "
    "sections are answered.",
    "plan.answer.empty": "–",
    "plan.qa": "*{question}*\n{answer}",
    # Show and history
    "plan.show.title": "{section} – {title}",
    "plan.show.changed": "Last changed by {user} {date} (version {versions}). Earlier versions: "
    "`/lokus plan historik {section_key}`.",
    "plan.show.proposal_only": "Nothing saved yet – what is shown is the proposal from {year}.",
    "plan.read.title": "{title}",
    "plan.read.draft": "Draft: sections or approvals are missing.",
    "plan.read.section": "*— {section} —*",
    "plan.history.title": "History: {section} – {title}",
    "plan.history.none": "The section has not been saved yet.",
    "plan.history.version": "*Version {number}* – {user}, {date}",
    "plan.history.first": "The first version.",
    "plan.history.changed": "Changed “{question}”. Previous text: {previous}",
    "plan.history.more": "… and {count} {count|older version|older versions}.",
    "plan.history_usage": "Say which section: `/lokus plan historik mål`.",
    # Reminders
    "plan.remind.dm": "Reminder: in *{title}*, {sections} are waiting for your answers. {deadline}",
    "plan.remind.unassigned": "Reminder: in *{title}*, nobody is writing {sections}. Choose someone in "
    "`/lokus plan`. {deadline}",
    "plan.remind.sent": "Reminder sent to {people}.",
    "plan.remind.none": "Every required section of *{title}* is answered – nobody needs a reminder.",
    # Approval
    "plan.approve.request": "Every section of *{title}* is answered. You are asked to approve the plan for "
    "{party}. Read it and press *Godkänn* – you will give your printed name.",
    "plan.approve.asked": "Every section of *{title}* is answered. I have asked for approval from: {asked}.",
    "plan.approve.nobody": "No member represents {parties} yet – add one with `/lokus medlem @person <party>`; "
    "they can then approve with `/lokus plan godkänn`.",
    "plan.approve.flow": "the approval of the plan",
    "plan.approve.intro": "You are approving *{title}* for {party}. The date and your name go into the plan's "
    "signature block.",
    "plan.approve.q.name.label": "Printed name",
    "plan.approve.q.name": "Which name should be printed under the signature?",
    "plan.approve.q.organisation.label": "Organisation",
    "plan.approve.q.organisation": "Which organisation do you sign for (e.g. Arbetsförmedlingen Norra Uppland or "
    "Heby kommun)?",
    "plan.approve.q.organisation.hint": "If you skip it, the party's name is used.",
    "plan.approve.summary": "Approve {plan} {year} for {group}?",
    "plan.approve.thanks": "Thank you! Your approval of *{title}* is saved.",
    "plan.approve.recorded": "{party} has approved the plan ({name}, {user}). {count} of {total} parties have "
    "approved.",
    "plan.approve.withdrawn": "{user} changed the section “{section}” after *{title}* was approved, so the "
    "approvals of {parties} have been withdrawn. The parties need to approve again.",
    "plan.approve.not_party": "You cannot approve *{title}*: a member of each party approves it, and you are not "
    "registered for any of them in the group.",
    "plan.approve.already": "{party} has already approved the plan ({name}, {date}).",
    "plan.approve.not_ready": "The plan cannot be approved yet – these sections have no answers: {sections}.",
    "plan.complete": "🎉 *{title}* is approved by every party and complete. Press *Dokument* for the finished plan.",
    # Buttons
    "plan.button.write_section": "Write “{section}”",
    "plan.button.write_in": "{section} ({plan})",
    "plan.button.next": "Next: “{section}”",
    "plan.button.approve": "Approve",
    "plan.button.read": "Read the plan",
    "plan.button.document": "Documents",
    "plan.button.remind": "Remind",
    # Documents
    "plan.document.draft": "Here is *{title}* as Word and Markdown (by {user}). It is a *draft*: sections or "
    "approvals are missing.",
    "plan.document.final": "Here is the approved *{title}* as Word and Markdown (by {user}).",
    "plan.file.docx": "{title} (Word)",
    "plan.file.markdown": "{title} (Markdown)",
    "plan.doc.draft": "DRAFT",
    "plan.doc.draft_note": "This is a draft, not the finished plan.",
    "plan.doc.missing_sections": "Sections without answers:",
    "plan.doc.missing_parties": "Approval missing from:",
    "plan.doc.unanswered": "(not answered yet)",
    "plan.doc.total": "Total",
    "plan.doc.signatures": "Signatures",
    "plan.doc.date": "Date:",
    "plan.doc.signature": "Signature:",
    "plan.doc.name": "Printed name:",
    "plan.doc.organisation": "Organisation:",
    "plan.doc.signed": "Approved in lokusbot",
    "plan.doc.made": "Made with lokusbot {date}.",
    "plan.doc.page": "Page {page} of {pages}",
    "plan.doc.author": "LOKUS {group}",
    # Templates
    "plan.templates.title": "Plan templates",
    "plan.templates.name": "{name} (`{code}`)",
    "plan.templates.sections": "{count} sections: {sections}",
    "plan.templates.broken": "The template file {file} has an error on line {line} and is not used. Whoever runs "
    "the bot can run `lokusbot templates check {file}`.",
    "plan.templates.hint": "Start: `/lokus plan ny <template> <year>`. An own template is added as a YAML file "
    "(see the README).",
    # lokusbot templates check
    "plan.section_quoted": "“{title}”",
    "plan.template_check.ok": "{file}: the template “{name}” is valid ({sections} {sections|section|sections}, "
    "{questions} {questions|question|questions}).",
    "plan.template_check.error": "{file}, line {line}{where}: {problem}",
    "plan.template_check.where": " (at {where})",
    "plan.template_error.yaml": "the file is not valid YAML: {detail}",
    "plan.template_error.unreadable": "the file cannot be read: {detail}",
    "plan.template_error.not_mapping": "the file must consist of key: value lines.",
    "plan.template_error.duplicate_key": "the key “{name}” appears twice.",
    "plan.template_error.braces": "a {{ without its }} (write {{{{ for a brace).",
    "plan.template_error.placeholder": "unknown placeholder {{{name}}} – usable here: {known}.",
    "plan.template_error.key_not_file_name": "key is “{given}” but the file is called {file}.yaml – they must match.",
    "plan.template_error.missing": "this is missing.",
    "plan.template_error.extra_forbidden": "unknown key (misspelt?).",
    "plan.template_error.enum": "“{given}” is not allowed here. Allowed: {expected}.",
    "plan.template_error.string_type": "this should be text.",
    "plan.template_error.bool_type": "this should be true or false.",
    "plan.template_error.bool_parsing": "this should be true or false.",
    "plan.template_error.int_type": "this should be a whole number.",
    "plan.template_error.int_parsing": "this should be a whole number.",
    "plan.template_error.list_type": "this should be a list (lines starting with -).",
    "plan.template_error.model_type": "this should be key: value lines.",
    "plan.template_error.too_short": "the list must not be empty.",
    "plan.template_error.string_too_short": "the text must not be empty.",
    "plan.template_error.greater_than_equal": "the number must be at least {ge}.",
    "plan.template_error.less_than_equal": "the number must be at most {le}.",
    "plan.template_error.string_pattern_mismatch": "a key is written with a–z, digits and _ (at most 20 characters) "
    "and starts with a letter.",
    "plan.template_error.cell_kind": "a column cannot be of kind {kind}.",
    "plan.template_error.flat_rate_kind": "flat_rate_from needs kind: amount.",
    "plan.template_error.total_kind": "total needs a column of kind number, percent or amount.",
    "plan.template_error.columns": "columns belong to (and are needed by) kind: table.",
    "plan.template_error.options": "options belong to (and are needed by) kind: choice.",
    "plan.template_error.flat_rate_from": "flat_rate_from must name an earlier column of kind percent, not “{name}”.",
    "plan.template_error.follow_up": "a follow-up section cannot be required (write required: false).",
    "plan.template_error.no_such_day": "there is no day {day}/{month}.",
    "plan.template_error.duplicate": "{what} “{name}” appears twice.",
    "plan.template_error.other": "{detail}",
    # Understanding what people write in a DM (conv-intents)
    "intent.plan.mine": "Write your sections of the plan",
    "intent.plan.status": "See how the plan is going",
    "intent.plan.approve": "Approve the plan for your party",
}
