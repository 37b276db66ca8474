"""English: the yearly evaluation – the survey in the DM, reminders, progress and the results."""

MESSAGES: dict[str, str] = {
    "help.utvärdering": "This year's evaluation of the group's work: `/lokus utvärdering starta [last day]` sends "
    "an anonymous survey to every member, `status` shows how many have answered, `avsluta` closes it and shows "
    "the results, `resultat alla` compares the groups (the association).",
    "evaluation.flow.title": "{name}",
    "evaluation.flow.noun": "the evaluation",
    "evaluation.flow.summary": "Your answers to the evaluation",
    "evaluation.flow.header": "{name} – LOKUS {group}",
    "evaluation.flow.intro": "{text}",
    "evaluation.flow.anonymous": "Your answers are anonymous: I keep only that you have answered, not what you "
    "answered. The results are shown in the group's channel when the evaluation closes on {closes}, and only "
    "if at least {threshold} have answered.",
    "evaluation.flow.how": "Answer with a number from 1 to 5 or in words, e.g. _strongly agree_. You may skip "
    "the free-text questions.",
    "evaluation.q.label": "{text}",
    "evaluation.q.statement": "{text}",
    "evaluation.q.scale_hint": "How well does it fit? Answer 1–5: 1 strongly disagree, 5 strongly agree.",
    "evaluation.q.free": "{text}",
    "evaluation.q.free_hint": "Write in your own words, without names or personal details. The answer is shown "
    "without a name in the group's results.",
    "evaluation.score.1": "Strongly disagree",
    "evaluation.score.2": "Disagree",
    "evaluation.score.3": "Partly agree",
    "evaluation.score.4": "Mostly agree",
    "evaluation.score.5": "Strongly agree",
    "evaluation.answer.scale": "Answer with a number from 1 to 5: 1 means you do not agree at all and 5 that "
    "you fully agree. You can also write the words, e.g. _partly_.",
    "evaluation.thanks": "Thank you for your answers! They are kept without your name. The results for LOKUS "
    "{group} are shown in the channel when the evaluation closes on {closes}.",
    "evaluation.started": "{by} has started this year's evaluation of the group's work. The survey has been "
    "sent to {count} {count|member|members} in a direct message. The answers are anonymous. Last day to "
    "answer: *{closes}*.",
    "evaluation.starter_only": "Only the group's convenor or the association can start and close the "
    "evaluation of *{group}*.",
    "evaluation.forbund_only": "The comparison of all groups is for the association. Each group sees its own "
    "results with `/lokus utvärdering resultat`.",
    "evaluation.close_unknown": "I did not understand which day “{given}” is. Write the last day to answer, "
    "e.g. `/lokus utvärdering starta 15 december`, or just `starta` for two weeks.",
    "evaluation.close_ambiguous": "Do you mean {first} or {other}? Write the day with its date, e.g. "
    "`/lokus utvärdering starta 4 december`.",
    "evaluation.close_past": "The last day to answer must be after today ({day} has already been). Write a later day.",
    "evaluation.close_far": "An evaluation can be open for at most {days} days. Write an earlier last day.",
    "evaluation.open_already": "The group's evaluation is already running and closes on {closes}. `/lokus "
    "utvärdering status` shows how many have answered.",
    "evaluation.no_members": "*{group}* has no members to ask yet. Add them with `/lokus medlem`.",
    "intent.evaluation.status": "See how many have answered the evaluation",
    "intent.evaluation.results": "See the results of the evaluation",
    "evaluation.status": "The evaluation of LOKUS {group}: *{answered} of {asked}* have answered. It closes on "
    "{closes}. Who has answered is not shown.",
    "evaluation.status.none": "No evaluation is running in *{group}* right now.",
    "evaluation.usage": "I do not know “{given}” for the evaluation. Write `/lokus utvärdering starta [last "
    "day]`, `status`, `avsluta`, `resultat` or `resultat alla`.",
    "evaluation.year_unknown": "“{given}” is not a year I can show. Write e.g. `/lokus utvärdering resultat "
    "alla 2026`.",
    "evaluation.gone": "That evaluation no longer exists.",
    "evaluation.not_asked": "You are not among those who were sent the evaluation of *{group}*.",
    "evaluation.closed_already": "The evaluation closed on {closes}, so answers can no longer be taken. Write "
    "*avbryt* to end the conversation.",
    "evaluation.answered_already": "You have already answered the evaluation – thank you! Each person answers once.",
    "evaluation.reminder": "Reminder: you have not answered the evaluation of LOKUS {group} yet. It takes a few "
    "minutes and is anonymous. Last day: *{closes}* (in {days} {days|day|days}).",
    "evaluation.button.answer": "Answer now",
    "evaluation.result.title": "Evaluation {year} – LOKUS {group}",
    "evaluation.result.too_few": "Too few answers to show any results: they are shown only when at least "
    "{threshold} have answered, so that no one can be singled out.",
    "evaluation.result.lead": "{answered} of {asked} answered. Scale 1 (strongly disagree) to 5 (strongly agree).",
    "evaluation.result.statement": "*{text}*\nMean *{mean}* ({n} answers) · 1: {d1} · 2: {d2} · 3: {d3} · "
    "4: {d4} · 5: {d5}",
    "evaluation.result.statement_few": "*{text}*\nToo few answers.",
    "evaluation.result.texts": "*{question}*\n{texts}",
    "evaluation.result.text_item": "• {text}",
    "evaluation.result.no_texts": "*{question}*\n_No answers._",
    "evaluation.result.note": "The answers are anonymous. Questions with fewer than {threshold} answers are "
    "shown without figures.",
    "evaluation.result.none": "*{group}* has no closed evaluation yet.",
    "evaluation.all.title": "The evaluation {year}: all groups",
    "evaluation.all.empty": "No group has a closed evaluation for {year} or the year before.",
    "evaluation.all.statement": "*{text}*\n{lines}",
    "evaluation.all.line": "LOKUS {group}: {year} {now} · {last_year} {before}",
    "evaluation.all.mean": "*{mean}* ({n} answers)",
    "evaluation.all.too_few": "too few answers",
    "evaluation.all.none": "no evaluation",
    "evaluation.all.not_asked": "not asked",
    "evaluation.all.note": "Means on the scale 1–5. Groups with too few answers are shown without figures.",
    "cli.survey": "the evaluation's survey (YAML): check a file",
    "cli.survey.check": "check survey files (the bot's own is {file})",
    "cli.survey.files": "the survey files",
    "cli.survey.ok": "{file}: “{name}” can be used – {statements} {statements|statement|statements} and "
    "{texts} free-text {texts|question|questions}.",
    "cli.survey.error": "{file}: cannot be used – {detail}",
}
