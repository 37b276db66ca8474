"""English: the engine's texts about changing answers, pausing and starting something new mid-conversation."""

MESSAGES: dict[str, str] = {
    "engine.progress": "question {position} of {total}",
    "engine.progress_confirm": "all answered, nothing saved yet",
    "engine.open": "{noun}, question {position} of {total}",
    "engine.open_confirm": "{noun}, all answered but nothing saved yet",
    "engine.unknown_flow": "a conversation that no longer exists",
    "engine.offer.ask": "You have not finished {current} ({progress}). Do you want to go on with {current}, "
    "or start {new}?",
    "engine.offer.keep": "Go on with {current}",
    "engine.offer.set_aside": "Start {new}",
    "engine.offer.end": "End {current} without saving",
    "engine.offer.how_aside": "If you start {new}, your answers so far are kept: write *continue* afterwards to "
    "come back here.",
    "engine.offer.unclear": "“No” could mean either here, so I ask again: answer with the number or the words.",
    "engine.offer.how_full": "You already have several unfinished conversations kept for later. Finish or end "
    "{current} first to start {new}.",
    "engine.continuing": "Then we go on with {noun}.",
    "engine.typed_not_used": "I have not used what you wrote after the command (“{given}”), as we are at "
    "a later question. Answer this one:",
    "engine.already_begun": "You have already begun {noun}, so we go on where you were. Write *cancel* to start over.",
    "engine.set_aside": "OK, I keep your answers in {noun} for later. Write *continue* when you want to take up "
    "{noun} again.",
    "engine.ended": "OK, I have ended {noun}. Nothing of it was saved.",
    "engine.aside.waiting": "You have also begun {noun} ({progress}). Write *continue* when you want to take up "
    "{noun} again.",
    "engine.aside.resume": "Go on with {noun}",
    "engine.changed": "Changed: *{label}* is now {answer} (was {before}).",
    "engine.unchanged_because": "Nothing changed: {reason}",
    "engine.unchanged_same": "*{label}* is already {answer}, so nothing changed.",
    "engine.unchanged": "Nothing changed – I don't know which answer what you wrote is for.",
    "engine.unchanged_how": "Write *yes* to save. To change something: *change 3* (and I ask again), or "
    "*change 3 to …* with the new answer. *cancel* stops without saving.",
    "engine.what_to_change": "OK, I won't save yet.",
    "engine.change_how": "Pick an answer, or write e.g. *change 2* or *change 2 to …* with the new answer.",
    "engine.place_which": "Which answer should what you wrote replace?",
    "engine.place_none": "None of them? Write *yes* to save as it is, or *change* and the number.",
}
