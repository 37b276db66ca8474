"""English: lots-ärenden (registering, following up, import and export). Parameters in {braces}."""

MESSAGES: dict[str, str] = {
    # Help
    "help.ärende": "Registers a pilot case (lots-ärende) in a conversation with me (in your DM). "
    "`/lokus ärende form` opens a form instead.",
    "help.ärenden": "Shows the group's open pilot cases (yours first) with buttons for status, note and closing. "
    "`/lokus ärenden stängda` shows closed ones, `/lokus ärenden export` sends an Excel file "
    "(or `export csv`).",
    # Registering
    "case.title": "New pilot case",
    "case.noun": "the pilot case",
    "case.intro": "Let's register a pilot case for *LOKUS {group}*. A case is statistics about where cooperation "
    "fails – never write a name, personal identity number, phone number or anything else that "
    "points out the person.",
    "case.intro_many": "Let's register a pilot case. You are in several groups ({groups}), so I will ask which one. "
    "Never write a name, personal identity number, phone number or anything else that points "
    "out the person.",
    "case.moved_to_dm": "I have written to you in a direct message, so the channel stays quiet. Continue there.",
    "case.register_usage": "Type `/lokus ärende` to register in a conversation, or `/lokus ärende form` for a form.",
    "case.form_which_group": "Which group is the case for?",
    "case.form_only_in_slack": "The form is only available in Slack. Here we use the conversation instead: type "
    "`/lokus ärende`.",
    "case.saved": "Case #{number} registered for LOKUS {group}",
    "case.target_group_gone": "One of the target groups is no longer on *{group}*'s list. Type *change* and pick "
    "the target groups again.",
    "case.date_future": "That date is in the future. Give the day the case was raised (today or earlier).",
    "case.date_too_old": "That date is before {year}. Please check the year.",
    "case.too_long": "The text is too long ({given} characters). Please shorten it to at most {limit}.",
    "case.none": "–",
    "case.button.form": "Fill in a form instead",
    "case.button.another": "Register another",
    "case.button.list": "Show open cases",
    # Questions
    "case.q.raised_on.label": "Date",
    "case.q.raised_on": "On what date was the case raised?",
    "case.q.group.label": "Group",
    "case.q.group": "Which LOKUS group is the case for?",
    "case.q.party.label": "Party",
    "case.q.party": "Which party raised the case?",
    "case.q.unit.label": "Unit",
    "case.q.unit": "Which unit of the party? (e.g. social services, AME, psychiatry)",
    "case.q.unit.hint": "The unit, not the person: write no names.",
    "case.q.gender.label": "Gender",
    "case.q.gender": "The person's gender?",
    "case.q.age_band.label": "Age band",
    "case.q.age_band": "Which age band?",
    "case.q.target_groups.label": "Target groups",
    "case.q.target_groups": "Which target groups does the case belong to? Pick one or more.",
    "case.q.failures.label": "Failures",
    "case.q.failures": "What failed in the cooperation? Pick one or more categories.",
    "case.q.failure_text.label": "Description",
    "case.q.failure_text": "Briefly describe what failed in the cooperation.",
    "case.q.no_identity.hint": "Write no names, identity numbers, phone numbers or e-mail addresses.",
    "case.q.referred_tr.label": "Extra resource",
    "case.q.referred_tr": "Was the case referred to the extra resource (tilläggsresurs)?",
    "case.q.referred_tr.hint": "For example a support person or a social work coach.",
    "case.q.note.label": "Note",
    "case.q.note": "A short note?",
    "case.q.note_text.label": "Note",
    "case.q.note_text": "Write the note.",
    # Options
    "case.gender.kvinna": "Woman",
    "case.gender.man": "Man",
    "case.gender.annat": "Other",
    "case.gender.ej_dokumenterat": "Not documented",
    "case.age_band.16-19": "16–19",
    "case.age_band.20-24": "20–24",
    "case.age_band.25-29": "25–29",
    "case.age_band.30-39": "30–39",
    "case.age_band.40-49": "40–49",
    "case.age_band.50-64": "50–64",
    "case.age_band.65+": "65+",
    "case.age_band.okant": "Unknown",
    "case.target_group.unga_utan_gymnasium": "Young people without upper secondary education",
    "case.target_group.psykisk_ohalsa": "Mental ill-health/disability",
    "case.target_group.forsorjningsstod": "Long-term income support",
    "case.target_group.nyanlanda": "Newly arrived",
    "case.target_group.aktivitetsersattning": "Activity compensation",
    "case.target_group.sjukskrivna": "Long-term sick leave",
    "case.target_group.missbruk": "Substance abuse/dependency",
    "case.target_group.annan_malgrupp": "Other target group",
    "case.failure.ansvarsfordelning": "Division of responsibility",
    "case.failure.information": "Information between parties",
    "case.failure.vantetider": "Waiting times",
    "case.failure.saknad_insats": "Missing intervention",
    "case.failure.regelverk": "Regulations",
    "case.failure.samordning": "Coordination between interventions",
    "case.failure.annat": "Other",
    "case.status.open": "Open",
    "case.status.in_progress": "In progress",
    "case.status.closed": "Closed",
    "case.status.closed_with": "Closed ({outcome})",
    "case.outcome.arbete": "Work",
    "case.outcome.studier": "Studies",
    "case.outcome.ordinarie": "Regular services of a party",
    "case.outcome.ersattning": "Sickness/activity compensation",
    "case.outcome.annat": "Other",
    "case.outcome.okant": "Unknown",
    # Following up
    "case.list.open_title": "Open pilot cases ({count})",
    "case.list.closed_title": "Closed pilot cases ({count})",
    "case.list.open_empty": "No open pilot cases in {groups}. Register one with `/lokus ärende`.",
    "case.list.closed_empty": "No closed pilot cases in {groups}.",
    "case.list.line": "*#{number} {group}* – {raised_on} – {party}, {unit}\n{gender}, {age_band} · {failures} · "
    "_{status}_",
    "case.list.line_own": "*#{number} {group}* – {raised_on} – {party}, {unit}  _(yours)_\n{gender}, {age_band} · "
    "{failures} · _{status}_",
    "case.list.more": "Show more ({remaining} left)",
    "case.list.open_hint": "Closed cases: `/lokus ärenden stängda`. The whole list as a file: `/lokus ärenden export`.",
    "case.list.closed_hint": "A closed case can be reopened. Open cases: `/lokus ärenden`.",
    "case.list_usage": "Type `/lokus ärenden`, `/lokus ärenden stängda` or `/lokus ärenden export` "
    "(`export csv` for CSV).",
    "case.button.to_in_progress": "Mark #{number} in progress",
    "case.button.to_open": "Mark #{number} open",
    "case.button.note": "Note on #{number}",
    "case.button.close": "Close #{number}",
    "case.button.reopen": "Reopen #{number}",
    "case.status_changed": "Case #{number} in {group} now has status: {status}.",
    "case.close_ask": "What was the outcome of case #{number} in {group}?",
    "case.closed": "Case #{number} in {group} is closed. Outcome: {outcome}.",
    "case.reopened": "Case #{number} in {group} is open again.",
    "case.already_closed": "Case #{number} in {group} is already closed. Reopen it first to change anything.",
    "case.not_closed": "Case #{number} in {group} is not closed.",
    "case.not_found": "I cannot find that case. It may have been removed; show the list again with `/lokus ärenden`.",
    "case.note_title": "Note",
    "case.note_noun": "the note",
    "case.note_intro": "A note on case #{number} in {group}.",
    "case.note_saved": "The note is saved on case #{number} in {group}.",
    # Access
    "case.no_groups": "You are not a member of any LOKUS group, so you cannot see or register pilot cases. Ask the "
    "group's convenor to type `/lokus medlem @you <party>` in the group's channel.",
    "case.no_access": "You do not have access to that group's pilot cases.",
    # Export
    "case.export.usage": "Type `/lokus ärenden export` for an Excel file or `/lokus ärenden export csv` for CSV.",
    "case.export.title": "Pilot cases LOKUS {group}",
    "case.export.count": "{group} ({count})",
    "case.export.sent": "Here are the pilot cases as {format}: {counts}. The file is sent only to you, in our "
    "direct messages.",
    "case.export.format.xlsx": "an Excel file",
    "case.export.format.csv": "a CSV file",
    # Import
    "case.import.problem": "Row {line}, column {column}: {reason}",
    "case.import.refused": "Nothing was imported: {rows} {rows|row has|rows have} {problems} "
    "{problems|problem|problems} in all. Fix them and run "
    "again – the file is imported only when every row is right.",
    "case.import.done": "{count} cases imported into LOKUS {group} (#{first}–#{last}).",
    "case.import.done_one": "1 case imported into LOKUS {group} (#{first}).",
    "case.import.identity": "the cell seems to hold {kind}. Cases must never hold data that points out a "
    "person – remove it.",
    "case.import.identity_likely": "the cell holds something that looks like {kind} (a date of birth and four "
    "more digits, with a wrong check digit). Cases must never hold data that points out a person – remove it.",
    "case.import.identity_header": "A column heading seems to hold personal data. The headings must be the column "
    "names, e.g. datum, part, kon.",
    "case.import.missing": "a value is missing.",
    "case.import.bad_date": "“{given}” is not a date I understand. Write e.g. 2026-11-20.",
    "case.import.bad_age": "“{given}” is not an age in the target group (16 and older).",
    "case.age_out_of_range": "The age bands start at 16, so {given} is not in any of them. Pick a band, or "
    "*unknown* when the age is not known.",
    "case.import.unknown_value": "“{given}” is not recognised. Possible values: {accepted}.",
    "case.import.yes_no": "“{given}” – write ja or nej.",
    "case.import.outcome_not_closed": "an outcome and a closing date are given only for closed cases.",
    "case.import.closed_before_raised": "the closing date is before the date the case was raised.",
    "case.import.stray_cell": "there is text in column {column}, which has no heading.",
    "case.import.empty": "The file is empty.",
    "case.import.no_rows": "The file has only a heading row and no cases.",
    "case.import.too_many": "The file has more than {limit} rows, the most that can be imported at once. Split it up.",
    "case.import.too_large": "The file is too large: at most {limit} MB can be imported, unpacked too. Split it up.",
    "case.import.xml_entities": "The Excel file holds XML declarations (a DTD or entities) that I do not read, for "
    "safety. Open the file in Excel, save it as a new .xlsx and try again.",
    "case.import.old_excel": "I cannot read the old Excel format (.xls). Save the file as .xlsx or .csv and try again.",
    "case.import.unreadable": "The file cannot be read as CSV or Excel (.xlsx).",
    "case.import.unknown_columns": "Unknown columns: {columns}. The columns must be named: {expected}.",
    "case.import.repeated_columns": "The columns {columns} appear more than once.",
    "case.import.missing_columns": "Missing columns: {columns}.",
    "case.cli.no_group": "There is no group named “{group}”.",
    "case.cli.many_groups": "Several workspaces have a group named “{group}” ({teams}). Say which with --team.",
    "case.cli.no_file": "The file {path} does not exist.",
    "case.cli.xlsx_to_terminal": "An Excel file cannot be printed to the terminal. Give a file with --out.",
    "case.cli.exported": "The pilot cases of LOKUS {group} ({count}) are saved in {path}.",
    # The group's target groups
    "help.målgrupper": "Shows and changes the group's target groups, the choices cases are registered with: "
    "`/lokus målgrupper`, `/lokus målgrupper lägg till <name>`, `/lokus målgrupper ta bort "
    "<number>`.",
    "target.list": "*Target groups in {group}* – the choices cases are registered with:\n{items}",
    "target.item": "{number}. {name}",
    "target.hint": "Change with `/lokus målgrupper lägg till <name>` or `/lokus målgrupper ta bort <number>`. "
    "Cases that already have a target group keep it.",
    "target.usage": "Write `/lokus målgrupper` for the list, `/lokus målgrupper lägg till <name>` or "
    "`/lokus målgrupper ta bort <number>`.",
    "target.name_usage": "Write the target group's name, at most {limit} characters, e.g. "
    "`/lokus målgrupper lägg till Unga vuxna`.",
    "target.identity": "The name seems to contain details about a person. A target group describes a group, "
    "never a person – please write another name.",
    "target.separator": "Please write the name without commas, semicolons and line breaks – they separate "
    "target groups in the case log.",
    "target.already": "*{group}* already has the target group “{name}”.",
    "target.added": "{user} added the target group *{name}* to *{group}*. New cases can be registered with it.",
    "target.removed": "{user} took the target group *{name}* off the list in *{group}*. Cases that already have "
    "it keep it in summaries and exports.",
    "target.unknown": "I can't find a target group “{given}” in *{group}*. Write `/lokus målgrupper` for the list.",
    "target.last_one": "The group needs at least one target group. Add a new one before removing the last.",
    # Understanding what people write in a DM (conv-intents)
    "intent.case.new": "Register a lots-ärende",
    "intent.case.form": "Register a case in a form",
    "intent.case.list": "Show your open cases",
    "intent.case.closed": "Show closed cases",
    "intent.case.export": "Export the cases to Excel",
    "case.form_chat_waiting": "What you began in the chat ({conversation}) is not saved and is still waiting. "
    "Answer its question there when you like, or write *avbryt* to stop.",
    "case.form_offer": "Here is the form for a new lots-ärende:",
    "case.button.open_form": "Open the form",
}
